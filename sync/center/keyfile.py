"""The center's signing key: in a file only its owner can read, never in the database.

The database holds only the public half (so a key file that belongs to another county's
database is refused at once). A SQLite center keeps its key beside its database file
(``county.sqlite3.key``); a PostgreSQL one under COUNTY_CENTER_HOME (default
``~/.local/share/county-center``), named for the database's host, port and name. ``--key-file``
names another place. Back the file up with the database: without it the county cannot sign
anything its stations will believe, and every station would have to be enrolled again.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy.engine import make_url

from sync import protocol

KEY_DIR_ENV = "COUNTY_CENTER_HOME"


class KeyFileError(ValueError):
    pass


def default_key_file(url: str) -> Path:
    if "://" not in url or url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return path.with_name(path.name + ".key")
    parsed = make_url(url)
    name = re.sub(r"[^A-Za-z0-9._-]", "_",
                  f"{parsed.host or 'local'}-{parsed.port or 5432}-{parsed.database}")
    home = Path(os.environ.get(KEY_DIR_ENV) or Path.home() / ".local/share/county-center")
    return home / f"{name}.key"


def write_key(path: Path, key: bytes) -> None:
    """A new key file, readable and writable by its owner only; never over an existing one."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(key.hex() + "\n")
        out.flush()
        os.fsync(out.fileno())


def read_key(path: Path) -> bytes:
    try:
        if os.name == "posix" and path.stat().st_mode & 0o077:
            raise KeyFileError(f"the center's key file {path} can be read by others: "
                               f"chmod 600 {path}")
        text = path.read_text().strip()
    except FileNotFoundError:
        raise KeyFileError(f"the center's key file {path} is missing (restore it from the "
                           "backup, or name it with --key-file)") from None
    try:
        key = bytes.fromhex(text)
        protocol.public_key_of(key)
    except ValueError:
        raise KeyFileError(f"{path} is not a center key file") from None
    return key
