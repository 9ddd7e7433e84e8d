"""`make county`: a demo county center to try the staff workspace on, made once in
county-demo/: three demo stations synced by USB bundle (one quiet for a week, so the stations
page has something to show), one station added but not joined, and an administrator
`admin` whose password is `county-demo-1`. For trying out only: a real county starts with
`county-center --db URL init` and `add-user` (README)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import update

from station_app.core.station import open_station
from sync import client
from sync.center.bundles import import_bundle
from sync.center.schema import station
from sync.center.storage import init_center
from sync.center.web import accounts

ROOT = Path(__file__).resolve().parents[1]
STATIONS = (("610102-001", "石门村电商服务站", "石门村", "城关镇", 60),
            ("610102-002", "杨家庄服务站", "杨家庄", "城关镇", 30),
            ("610102-003", "河湾村服务站", "河湾村", "北塬乡", 20))


def main(folder: Path) -> int:
    db = folder / "county.sqlite3"
    if db.exists():
        print(f"demo county exists: {db}")
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    center = init_center(str(db))
    for n, (sid, name, village, township, days) in enumerate(STATIONS):
        data = folder / f"station-{sid}"
        subprocess.run([sys.executable, "-m", "station_app", "--data-dir", str(data), "demo",
                        "--days", str(days), "--seed", str(n + 1)], cwd=ROOT, check=True,
                       capture_output=True)
        code = center.add_station(sid, name, village, township)
        st = open_station(data)
        import_bundle(center, client.export_bundle(st.store, sid, code)[0])
        st.close()
    center.add_station("610102-004", "后沟村服务站", "后沟村", "北塬乡")
    quiet = center.now()[:8] + "01T02:00:00.000Z"  # the month's first day: late or silent
    with center.write() as conn:
        conn.execute(update(station).where(station.c.station_id == "610102-003")
                     .values(last_seen_at=quiet))
    accounts.add_user(center, "admin", "admin", "county-demo-1", by="make county")
    center.close()
    print(f"demo county made: {db} (sign in as admin / county-demo-1)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "county-demo")))
