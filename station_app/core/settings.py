"""Station settings. Business settings (name, overdue rules) are journaled like any record, so the
county sees which rule a fee was charged under; machine preferences (language, backup folder)
stay on this PC."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from sqlalchemy import select

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.models import LocalSetting, Setting


@dataclass(frozen=True)
class StationSettings:
    station_name: str = "村级电商服务站"
    station_id: str = ""
    free_days: int = 3
    overdue_fee_fen: int = 50  # per day after the free days


@dataclass(frozen=True)
class LocalPrefs:
    language: str = "zh_CN"
    backup_dir: str = ""  # empty: <data dir>/backups
    backup_keep: int = 14
    idle_lock_min: int = 10
    receipt_mm: int = 58  # the roll in this PC's receipt printer: 58 or 80
    files_dir: str = ""  # exports, slips and reports; empty: the user's Documents/村站助手


def _load(conn, table, cls):
    stored = {r.id: json.loads(r.value) for r in conn.execute(select(table.id, table.value))}
    return cls(**{f.name: stored[f.name] for f in fields(cls) if f.name in stored})


def station_settings(store) -> StationSettings:
    with store.read() as conn:
        return _load(conn, Setting, StationSettings)


def local_prefs(store) -> LocalPrefs:
    with store.read() as conn:
        return _load(conn, LocalSetting, LocalPrefs)


def _check_keys(cls, values: dict) -> None:
    known = {f.name: f.type for f in fields(cls)}
    for key, value in values.items():
        if key not in known:
            raise KeyError(key)
        if not isinstance(value, (int, str)) or isinstance(value, bool):
            raise TypeError(f"{key}: settings are text or whole numbers")


def _put_settings(tx, values: dict) -> None:
    existing = set(tx.conn.execute(select(Setting.id)).scalars())
    for key, value in values.items():
        text = json.dumps(value, ensure_ascii=False)
        if key in existing:
            tx.update(Setting, key, value=text)
        else:
            tx.insert(Setting, id=key, value=text)


def change_settings(store, operator: str, **values) -> StationSettings:
    from station_app.core.people import require_keeper

    _check_keys(StationSettings, values)
    with store.write(operator) as tx:
        require_keeper(tx.conn, operator)
        county = tx.config.overdue
        if county and (values.get("free_days", county[0]), values.get("overdue_fee_fen", county[1])) \
                != county:
            raise UserError(m.SET_BY_COUNTY, version=tx.config.version)
        _put_settings(tx, values)
        tx.event("settings.changed", "settings", keys=sorted(values))
    return station_settings(store)


def change_local_prefs(store, operator: str, **values) -> LocalPrefs:
    """This PC's preferences; the keeper's call, like the station's settings."""
    from station_app.core.people import require_keeper

    _check_keys(LocalPrefs, values)
    if values.get("receipt_mm", 58) not in (58, 80):
        raise ValueError(f"receipt paper is 58 or 80 mm, not {values['receipt_mm']}")
    with store.read() as conn:
        require_keeper(conn, operator)
    set_machine_state(store, **values)
    return local_prefs(store)


def record_enrollment(store, operator: str, station_id: str, center_url: str) -> None:
    """The county's id for this station, from now on on every ledger and receipt; journaled,
    so the county sees when and by whom the station was enrolled."""
    with store.write(operator) as tx:
        _put_settings(tx, {"station_id": station_id})
        tx.event("station.enrolled", "settings", station_id=station_id, center=center_url)


def machine_state(store, key: str, default=None):
    """Machine-local state that is not a preference (the sync mark, the pinned center key)."""
    with store.read() as conn:
        row = conn.execute(select(LocalSetting.value).where(LocalSetting.id == key)).first()
    return json.loads(row[0]) if row else default


def set_machine_state(store, **values) -> None:
    with store.engine.begin() as conn:
        for key, value in values.items():
            conn.exec_driver_sql(
                "INSERT INTO local_setting (id, value) VALUES (?, ?) "
                "ON CONFLICT(id) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)))
