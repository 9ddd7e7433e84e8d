"""Coverage (覆盖率): which of the county's administrative villages (行政村) have an active
station. The county's list is imported from a CSV of (township, village) lines, UTF-8 or GBK;
a file with any bad line is refused whole, each bad line named, and nothing is imported. A new
import replaces the list (in one transaction), so the list is always one file's.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from sync.center import audit
from sync.center.schema import station, village

MAX_FILE = 5 * 1024 * 1024  # a county has hundreds of villages: a few tens of kilobytes
MAX_NAME = 100
HEADER_WORDS = {("乡镇", "行政村"), ("乡镇", "村"), ("township", "village")}


class VillageFileError(ValueError):
    """The file cannot be imported; ``problems`` are (line number, what is wrong)."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        super().__init__("; ".join(f"line {n}: {what}" for n, what in problems[:20]))


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GBK, as Chinese Excel saves CSV."""
    if len(data) > MAX_FILE:
        raise VillageFileError([(0, f"the file is over {MAX_FILE // (1024 * 1024)} MB: a "
                                    "village list is far smaller")])
    for encoding in ("utf-8-sig", "gbk"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise VillageFileError([(0, "the file is neither UTF-8 nor GBK text")])


def parse(data: bytes) -> list[tuple[str, str]]:
    """(township, village) pairs from the file; VillageFileError naming every bad line."""
    rows, problems, seen = [], [], {}
    for number, cells in enumerate(csv.reader(io.StringIO(decode(data))), start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue  # a blank line
        if number == 1 and tuple(c.lower() for c in cells[:2]) in HEADER_WORDS:
            continue
        if len(cells) != 2 or not cells[0] or not cells[1]:
            problems.append((number, "a line is: township, village (two names)"))
            continue
        if any(len(c) > MAX_NAME for c in cells):
            problems.append((number, f"a name is longer than {MAX_NAME} characters"))
            continue
        pair = (cells[0], cells[1])
        if pair in seen:
            problems.append((number, f"{pair[1]} ({pair[0]}) is listed already on line "
                                     f"{seen[pair]}"))
            continue
        seen[pair] = number
        rows.append(pair)
    if problems:
        raise VillageFileError(problems)
    if not rows:
        raise VillageFileError([(0, "the file lists no villages")])
    return rows


def import_villages(center, data: bytes, by: str = "cli") -> int:
    """Replace the county's village list with the file's; how many villages it holds."""
    rows = parse(data)
    with center.write() as conn:
        conn.execute(delete(village))
        conn.execute(insert(village), [{"township": t, "name": v} for t, v in rows])
        audit.record(conn, center.now(), by, "villages.import", f"{len(rows)}")
    return len(rows)


@dataclass(frozen=True)
class Township:
    name: str
    villages: int
    covered: int
    uncovered: list[str]

    @property
    def rate(self) -> float | None:
        return self.covered / self.villages if self.villages else None


def coverage(center) -> tuple[list[Township], list[tuple[str, str]]]:
    """Per township: villages, those with an active station, those without; and the active
    stations whose (township, village) is not on the list (to correct one or the other)."""
    with center.read() as conn:
        villages = conn.execute(select(village.c.township, village.c.name)
                                .order_by(village.c.township, village.c.name)).all()
        active = {(r.township, r.village) for r in conn.execute(
            select(station.c.township, station.c.village).where(station.c.status == "active"))}
    by_township: dict[str, list[str]] = {}
    for township, name in villages:
        by_township.setdefault(township, []).append(name)
    out = [Township(t, len(names), sum((t, n) in active for n in names),
                    [n for n in names if (t, n) not in active])
           for t, names in by_township.items()]
    listed = set(map(tuple, villages))
    unlisted = sorted(pair for pair in active if pair not in listed)
    return out, unlisted
