"""The PyInstaller build starts on a machine with no Python: build it, run its self-test."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def folder_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


@pytest.mark.slow
def test_frozen_app_passes_its_self_test(tmp_path):
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    assert pyinstaller.exists(), "pyinstaller is a dev dependency"
    dist, work = tmp_path / "dist", tmp_path / "build"
    subprocess.run([str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
                    "--workpath", str(work), str(ROOT / "build.spec")], check=True, cwd=ROOT)
    app_dir = dist / "station-app"
    exe = app_dir / ("station-app.exe" if os.name == "nt" else "station-app")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    clean_cwd = tmp_path / "elsewhere"  # not the source tree: nothing may be found by accident
    clean_cwd.mkdir()
    result = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True, env=env,
                            cwd=clean_cwd, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout
    print(f"\nfrozen app folder: {folder_size_mb(app_dir):.0f} MB")
    shutil.rmtree(work, ignore_errors=True)
