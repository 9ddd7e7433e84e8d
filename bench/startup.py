"""Process start to main window shown, beside a bare PySide6 window started the same way.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 7]

Each run is a fresh interpreter (imports are most of a cold start). The app run does what
`station-app` does up to the window — fonts, translations, open and check the database, build
the main window on a demo station — except the PIN dialog, which waits for a person.
Target (issue 2): median <= 2x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1366, 768); w.show(); app.processEvents()
print("shown", flush=True)
"""

APP = """
import sys
from pathlib import Path
from station_app.core import people
from station_app.core.station import open_station
from station_app.ui.app import build_session, make_app
from station_app.ui.main_window import MainWindow
app = make_app()
station = open_station(Path(sys.argv[1]))
ctx, scanner, idle, _ = build_session(app, station, "zh_CN")
ctx.operator = people.operators(station.store)[0]
w = MainWindow(ctx, scanner, idle); w.show(); app.processEvents()
print("shown", flush=True)
ctx.worker.shutdown()
"""


def start_to_shown(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait()
    if line.strip() != "shown":
        raise SystemExit(f"the window did not come up (exit {proc.returncode})")
    return elapsed * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from station_app.demo import fill_demo

    data = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    fill_demo(data, days=14, seed=1)
    start_to_shown(BARE), start_to_shown(APP, str(data))  # warm the OS file cache for both
    bare, ours = [], []
    for _ in range(args.runs):  # interleaved, so drift hits both alike
        bare.append(start_to_shown(BARE))
        ours.append(start_to_shown(APP, str(data)))
    b, a = statistics.median(bare), statistics.median(ours)
    print(f"{'measure':<40}{'median ms':>10}{'min ms':>10}")
    print(f"{'bare PySide6 window (baseline)':<40}{b:>10.0f}{min(bare):>10.0f}")
    print(f"{'station-app main window':<40}{a:>10.0f}{min(ours):>10.0f}")
    print(f"ratio {a / b:.2f}x (target <= 2x), {args.runs} runs each")


if __name__ == "__main__":
    main()
