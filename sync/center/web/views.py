"""What the workspace's pages show, read from the center's database: no web framework here.

Times are stored in UTC and shown in the county's time (China). A station's contact is
coloured by the age of its last contact, CommCare's pattern: amber after AMBER_DAYS, red after
RED_DAYS (the county may set other thresholds: center_setting contact_amber_days/_red_days).
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from station_app.core.clock import from_utc_text
from station_app.core.monthly import check_month
from station_app.core.validate import format_fen
from sync import protocol
from sync.center.schema import (center_setting, event, flag, ledger_entry, staff_audit, station,
                                station_contact)
from sync.center.storage import Center
from sync.center import audit
from sync.center.county_time import ZONE, local_day
from sync.center.web.errors import WebError

AMBER_DAYS, RED_DAYS = 3, 7
LEDGER_FORMATS = ("pdf", "xlsx", "csv", "json")
MEDIA = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "json": "application/json",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
HEARD_DAYS = 60  # the contact strip on a station's page
# Trouble first: silent stations, then late ones, then the rest.
LEVEL_ORDER = {"red": 0, "amber": 1, "pending": 2, "ok": 3, "revoked": 4}


def local_time(utc_text: str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if not utc_text:
        return ""
    try:
        return from_utc_text(utc_text).astimezone(ZONE).strftime(fmt)
    except ValueError:
        return utc_text


def yuan(fen: int) -> str:
    return format_fen(fen)


def valid_station_id(station_id: str) -> bool:
    return re.fullmatch(protocol.STATION_ID, station_id or "") is not None


def valid_month(month: str) -> bool:
    try:
        check_month(month)
        return True
    except ValueError:
        return False


def contact_thresholds(center: Center) -> tuple[int, int]:
    with center.read() as conn:
        found = dict(conn.execute(select(center_setting.c.key, center_setting.c.value).where(
            center_setting.c.key.in_(("contact_amber_days", "contact_red_days")))).all())
    try:
        return (int(found.get("contact_amber_days", AMBER_DAYS)),
                int(found.get("contact_red_days", RED_DAYS)))
    except ValueError:
        return AMBER_DAYS, RED_DAYS


def contact_level(status: str, last_seen: str | None, now: datetime,
                  thresholds: tuple[int, int]) -> tuple[str, int | None]:
    """(level, whole days since the last contact)."""
    if status == "revoked":
        return "revoked", None
    if status != "active":
        return "pending", None
    if not last_seen:
        return "red", None
    days = (now - from_utc_text(last_seen)).days
    amber, red = thresholds
    return ("red" if days >= red else "amber" if days >= amber else "ok"), days


@dataclass(frozen=True)
class StationRows:
    rows: list[dict]
    townships: list[str]
    counts: dict[str, int]


def station_rows(center: Center, township: str = "", status: str = "",
                 q: str = "") -> StationRows:
    """Every station (filtered by township, level or status, and a search of name, village or
    id), trouble first; the counts are of the whole county, for the summary line."""
    flags = (select(flag.c.station_id, func.count().label("n")).group_by(flag.c.station_id)
             .subquery())
    query = (select(station.c.station_id, station.c.name, station.c.village, station.c.township,
                    station.c.status, station.c.last_seen_at, station.c.hw_seq,
                    station.c.reported_head, station.c.config_version,
                    func.coalesce(flags.c.n, 0).label("flags"))
             .outerjoin(flags, flags.c.station_id == station.c.station_id))
    with center.read() as conn:
        everyone = [dict(r) for r in conn.execute(query).mappings()]
    thresholds = contact_thresholds(center)
    now = from_utc_text(center.now())
    counts = dict.fromkeys(LEVEL_ORDER, 0)
    for row in everyone:
        row["level"], row["days"] = contact_level(row["status"], row["last_seen_at"], now,
                                                  thresholds)
        counts[row["level"]] += 1
        row["to_send"] = max(0, row["reported_head"] - row["hw_seq"])
    counts["all"] = len(everyone)
    needle = q.strip().lower()
    rows = [r for r in everyone
            if (not township or r["township"] == township)
            and (not status or r["level"] == status)
            and (not needle or needle in r["name"].lower() or needle in r["village"].lower()
                 or needle in r["station_id"].lower())]
    rows.sort(key=lambda r: (LEVEL_ORDER[r["level"]], -r["flags"], -(r["days"] or 0),
                             r["township"], r["name"]))
    townships = sorted({r["township"] for r in everyone if r["township"]})
    return StationRows(rows, townships, counts)


def _info(center: Center, station_id: str):
    from sync.protocol import ProtocolError

    try:
        return center.station(station_id)
    except ProtocolError:
        raise WebError(404, "unknown_station", station=station_id) from None


station_info = _info


def station_detail(center: Center, station_id: str) -> dict:
    info = _info(center, station_id)
    now = center.now()
    today = date.fromisoformat(local_day(now))
    since = (today - timedelta(days=HEARD_DAYS - 1)).isoformat()
    with center.read() as conn:
        months = sorted(set(conn.execute(
            select(func.substr(ledger_entry.c.date, 1, 7)).distinct()
            .where(ledger_entry.c.station_id == station_id)).scalars()) | set(conn.execute(
            select(func.substr(event.c.recorded_at, 1, 7)).distinct()
            .where(event.c.station_id == station_id)).scalars()), reverse=True)
        heard = set(conn.execute(
            select(station_contact.c.day).where(station_contact.c.station_id == station_id,
                                                station_contact.c.day >= since)).scalars())
        flags = [dict(r) for r in conn.execute(
            select(flag).where(flag.c.station_id == station_id)
            .order_by(flag.c.id.desc()).limit(50)).mappings()]
        revoked = conn.execute(
            select(staff_audit.c.at, staff_audit.c.username, staff_audit.c.detail)
            .where(staff_audit.c.action == "station.revoke", staff_audit.c.target == station_id)
            .order_by(staff_audit.c.seq.desc()).limit(1)).mappings().first() \
            if info.status == "revoked" else None
        townships = sorted(t for t in conn.execute(select(station.c.township).distinct())
                           .scalars() if t)
    level, days = contact_level(info.status, info.last_seen_at, from_utc_text(now),
                                contact_thresholds(center))
    strip = [(d.isoformat(), d.isoformat() in heard)
             for d in (today - timedelta(days=n) for n in range(HEARD_DAYS - 1, -1, -1))]
    return {"info": info, "months": [m for m in months if valid_month(m)], "flags": flags,
            "level": level, "days": days, "heard": strip, "heard_count": len(heard),
            "revoked": revoked, "townships": townships}


def ledger(center: Center, station_id: str, month: str):
    info = _info(center, station_id)
    return center.ledger(station_id, month), info


def ledger_file(center: Center, station_id: str, month: str, fmt: str, lang: str,
                username: str) -> tuple[bytes, str, str]:
    """(bytes, file name, media type): what `county-center ledger --format FMT --lang LANG`
    writes for the same month, byte for byte. The export is audited."""
    from station_app.reports.catalog import ts_translator
    from station_app.reports.ledger_docs import ledger_bytes, write_ledger_pdf

    doc, info = ledger(center, station_id, month)
    t = ts_translator(lang if fmt != "json" else "en")
    name = f"ledger-{station_id}-{month}.{fmt}"
    if fmt == "pdf":
        with tempfile.TemporaryDirectory() as tmp:
            out = write_ledger_pdf(doc, Path(tmp) / name, f"{info.name}  {info.station_id}", t)
            data = out.read_bytes()
    else:
        data = ledger_bytes(doc, fmt, t)
    with center.write() as conn:
        audit.record(conn, center.now(), username, "ledger.export", station_id,
                     f"{month} {fmt}")
    return data, name, MEDIA[fmt]


# What an officer should do about each kind of flag (the flags page says it beside each).
FLAG_KINDS = ("conflict", "uninterpretable")


def flag_rows(center: Center) -> list[dict]:
    with center.read() as conn:
        rows = conn.execute(
            select(flag, station.c.name).outerjoin(station, station.c.station_id == flag.c.station_id)
            .order_by(flag.c.id.desc()).limit(500)).mappings()
        return [dict(r) for r in rows]


# --- the county's configuration ------------------------------------------------------------------
def config_versions(center: Center) -> list[dict]:
    """Published versions, newest first: when, by whom, and how many stations run each."""
    from sync.center.schema import config, staff_audit

    with center.read() as conn:
        versions = [dict(r) for r in conn.execute(
            select(config.c.version, config.c.issued_at, config.c.document)
            .order_by(config.c.version.desc())).mappings()]
        by = dict(conn.execute(select(staff_audit.c.target, staff_audit.c.username)
                               .where(staff_audit.c.action == "config.publish")).all())
        running = dict(conn.execute(select(station.c.config_version, func.count())
                                    .where(station.c.status == "active")
                                    .group_by(station.c.config_version)).all())
    import json

    for v in versions:
        v["body"] = json.loads(v.pop("document"))["body"]
        v["by"] = by.get(f"v{v['version']}", "")
        v["stations"] = running.get(v["version"], 0)
    return versions, running.get(0, 0)


def pretty(body) -> str:
    import json

    return json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True)


def config_diff(older: dict | None, newer: dict) -> list[tuple[str, str]]:
    """The lines of a unified diff between two bodies, each with its kind (add, del, at, same)."""
    import difflib

    lines = difflib.unified_diff(pretty(older or {}).splitlines(), pretty(newer).splitlines(),
                                 lineterm="", n=2)
    out = []
    for line in list(lines)[2:]:  # the ---/+++ header says nothing here
        kind = {"+": "add", "-": "del", "@": "at"}.get(line[:1], "same")
        out.append((kind, line))
    return out


# --- attendance (考勤) ----------------------------------------------------------------------------
def attendance(center: Center, station_id: str, month: str) -> dict:
    """The station's month day by day, in its own local dates: whether it was open (any record;
    the drawer opened) and whether it reached the center (station_contact, the county's days).
    上线率 is the share of the month's days so far on which it reached the center."""
    import calendar

    from station_app.core.clock import local_date
    from station_app.core.monthly import month_window_utc

    first, nxt = check_month(month)
    lo, hi = month_window_utc(month)
    with center.read() as conn:
        rows = conn.execute(select(event.c.kind, event.c.recorded_at, event.c.utc_offset_min)
                            .where(event.c.station_id == station_id, event.c.recorded_at >= lo,
                                   event.c.recorded_at < hi)).all()
        heard = set(conn.execute(select(station_contact.c.day).where(
            station_contact.c.station_id == station_id, station_contact.c.day >= first,
            station_contact.c.day < nxt)).scalars())
    opened, busy = set(), set()
    for kind, at, offset in rows:
        try:
            day = local_date(at, offset).isoformat()
        except ValueError:  # content the center could not read: counted nowhere
            continue
        busy.add(day)
        if kind == "drawer.opened":
            opened.add(day)
    today = local_day(center.now())
    year, number = int(month[:4]), int(month[5:7])
    weeks = [[None if d == 0 else {"day": d, "date": f"{month}-{d:02d}",
                                    "busy": f"{month}-{d:02d}" in busy,
                                    "opened": f"{month}-{d:02d}" in opened,
                                    "heard": f"{month}-{d:02d}" in heard,
                                    "future": f"{month}-{d:02d}" > today}
              for d in week] for week in calendar.Calendar().monthdayscalendar(year, number)]
    elapsed = sum(1 for week in weeks for d in week if d and not d["future"])
    return {"month": month, "weeks": weeks, "days_open": len(busy & _days(month)),
            "days_heard": len(heard), "elapsed": elapsed,
            "online_rate": len(heard) / elapsed if elapsed else None}


def _days(month: str) -> set[str]:
    import calendar

    year, number = int(month[:4]), int(month[5:7])
    return {f"{month}-{d:02d}" for d in range(1, calendar.monthrange(year, number)[1] + 1)}
