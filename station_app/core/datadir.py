"""The data folder's layout, readable without the database library.

The window is painted before SQLAlchemy has loaded (that import is most of a cold start), yet
it must already speak the keeper's language, so that one preference is peeked at here with
plain sqlite3, read-only, before the database is opened and checked properly.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

DB_NAME = "station.sqlite3"
LOCAL_SETTING_TABLE = "local_setting"


def default_data_dir() -> Path:
    """Per-user data folder: %LOCALAPPDATA% on Windows, XDG data home elsewhere."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "station-app"


def peek_language(data_dir: Path) -> str | None:
    """The language chosen on this PC, or None (no database yet, an older one, unreadable):
    a guess for painting the window; opening the station still checks everything."""
    db = Path(data_dir) / DB_NAME
    if not db.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=2)
        try:
            row = conn.execute(f"SELECT value FROM {LOCAL_SETTING_TABLE} WHERE id = 'language'"
                               ).fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None
    return value if isinstance(value, str) else None
