"""Process start to main window shown, beside a bare PySide6 window started the same way.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py [--runs 7]

Each run is a fresh interpreter (imports are most of a cold start). The app run is what
`station-app` does: fonts, translations, the main window shown; then, on the DB worker, the
database opened and checked (migrations, quick_check) and the PIN prompt up. Both moments are
printed; the issue's target is on the first. Target (issue 2): median <= 2x the bare window.
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
from station_app.ui.app import make_app, start_window
app = make_app()
window = start_window(app, Path(sys.argv[1]))
app.processEvents()
print("shown", flush=True)
window.ready.connect(lambda: print("ready", flush=True))
app.exec()
"""


def timings(code: str, *args: str) -> list[float]:
    """Milliseconds from process start to each line the child prints ("shown", then "ready")."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    marks, expected = [], ["shown", "ready"] if args else ["shown"]
    for want in expected:
        line = proc.stdout.readline().strip()
        marks.append((time.perf_counter() - t0) * 1000)
        if line != want:
            proc.kill()
            raise SystemExit(f"expected {want!r}, got {line!r} (exit {proc.wait()})")
    proc.kill()  # the app now waits for a PIN
    proc.wait()
    return marks


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from station_app.demo import fill_demo

    data = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    fill_demo(data, days=14, seed=1)
    timings(BARE), timings(APP, str(data))  # warm the OS file cache for both
    bare, shown, ready = [], [], []
    for _ in range(args.runs):  # interleaved, so drift hits both alike
        bare += timings(BARE)
        s, r = timings(APP, str(data))
        shown.append(s)
        ready.append(r)
    b = statistics.median(bare)
    print(f"{'measure':<48}{'median ms':>10}{'min ms':>10}{'ratio':>8}")
    for name, xs in (("bare PySide6 window (baseline)", bare),
                     ("station-app main window shown", shown),
                     ("station-app data open, PIN prompt up", ready)):
        print(f"{name:<48}{statistics.median(xs):>10.0f}{min(xs):>10.0f}"
              f"{statistics.median(xs) / b:>7.2f}x")
    print(f"target: main window shown <= 2x the bare window; {args.runs} runs each")


if __name__ == "__main__":
    main()
