"""The layer rule, enforced: core, db and reports never import Qt."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a dev dependency"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_and_cli_subcommands_load_no_qt():
    code = ("import sys; import station_app.core.parcels, station_app.core.sends, "
            "station_app.core.verify, station_app.demo, station_app.cli; "
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_window_paints_before_the_database_library_loads():
    """Start-up shows the window first; SQLAlchemy (most of a cold start), reportlab and pypinyin
    load on the DB worker afterwards. An import that drags them in again fails here."""
    code = ("import sys; import station_app.ui.app, station_app.ui.main_window, "
            "station_app.ui.pages.checkin; "
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 'reportlab', 'pypinyin', "
            "'station_app.core.journal') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True,
                         text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    assert out.strip() == "[]"
