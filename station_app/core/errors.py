"""Errors the keeper is meant to read.

A :class:`UserError` carries an English template from :mod:`station_app.core.messages` and its
parameters. The GUI translates the template (Qt context "core") before formatting, the CLI prints
it as is. Raising one inside a write transaction rolls it back, so bad input changes nothing.
"""

from __future__ import annotations


class UserError(Exception):
    def __init__(self, template: str, **params):
        super().__init__(template)
        self.template = template
        self.params = params

    def __str__(self) -> str:
        return self.template.format(**self.params)


class IntegrityError(Exception):
    """The database or its journal is not what was recorded (verify, restore, start-up)."""


class DiskFull(UserError):
    """No space left for a write: the transaction rolled back, nothing half-written is kept,
    and the same action works once space is freed."""

    def __init__(self):
        from station_app.core import messages as m

        super().__init__(m.DISK_FULL)


# SQLITE_FULL (13, with its extended codes), and SQLITE_IOERR_SHMSIZE: opening a database in
# WAL mode on a full disk cannot size its shared-memory file.
_SQLITE_FULL, _SQLITE_IOERR_SHMSIZE = 13, 4874


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or what it wraps: SQLAlchemy's DBAPIError, a chained cause) says the
    disk is full."""
    import errno

    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF == _SQLITE_FULL or code == _SQLITE_IOERR_SHMSIZE):
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return False
