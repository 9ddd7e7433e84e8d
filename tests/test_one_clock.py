"""One clock: every date and time the station app shows or writes comes from the station's clock
object (``Store.clock`` / ``AppContext.clock``), so tests can pin it and a page never disagrees
with the ledger at midnight or a month end. Reading the wall clock anywhere else fails here."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WALL_CLOCK = re.compile(r"datetime\.now\(|date\.today\(|datetime\.today\(|QDate\.currentDate\(|"
                        r"QDateTime\.current\w*\(|QTime\.currentTime\(|time\.time\(|time\.localtime\(")
ALLOWED = {"station_app/core/clock.py"}  # SystemClock itself, and the center's utc_now_text


def test_nothing_but_the_clock_module_reads_the_wall_clock():
    found = []
    for path in sorted((ROOT / "station_app").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if WALL_CLOCK.search(line.split("#", 1)[0]):
                found.append(f"{rel}:{n}: {line.strip()}")
    assert not found, "read the station's clock instead:\n" + "\n".join(found)


def test_the_rule_catches_a_wall_clock_read():
    assert WALL_CLOCK.search("today = QDate.currentDate()")
    assert WALL_CLOCK.search("when = when or datetime.now()")
    assert not WALL_CLOCK.search("now = self.ctx.clock.now()")
