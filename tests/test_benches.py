"""Every bench/ script runs at a tiny size on an empty cache, so none can rot unnoticed (one
crashed on a fresh clone for weeks while its cached history hid the break). Figures are not
judged here: benches print ratios for people to read, never timed assertions."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

TINY = {
    "parcels.py": (["--parcels", "2000", "--runs", "40"],
                   ["check-in (service, committed)", "search by pinyin initials"]),
    "ledger.py": (["--days", "2", "--runs", "1", "--month", "2025-01"],
                  ["ledger JSON", "ledger PDF"]),
    "sync.py": (["--backends", "sqlite,postgresql", "--stations", "2", "--days", "2"],
                ["sqlite: 1 station, 2 days", "postgresql: 2 stations at once", "B/event"]),
    "startup.py": (["--runs", "1"], ["bare PySide6 window (baseline)", "PIN prompt up"]),
    "center_web.py": (["--stations", "3", "--days", "3", "--runs", "3"],
                      ["stations page", "a month's ledger", "p95/raw"]),
}


@pytest.mark.parametrize("script", sorted(TINY))
def test_the_bench_runs_at_a_tiny_size_and_prints_its_figures(script, tmp_path):
    args, figures = TINY[script]
    env = {**os.environ, "BENCH_CACHE": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, f"bench/{script}", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    for figure in figures:
        assert figure in done.stdout, done.stdout


def test_every_bench_script_has_a_tiny_run():
    scripts = {p.name for p in (ROOT / "bench").glob("*.py")} - {"cache.py", "__init__.py"}
    assert scripts == set(TINY)
