"""County staff accounts and their browser sessions.

Passwords are hashed with argon2id. A session is a random token in an HttpOnly cookie; the
database keeps only the token's SHA-256, with the session's CSRF token, its address, and when
it expires (SESSION_HOURS after sign-in) or was ended (signed out, or revoked by an admin).
Failed sign-ins are counted per account and per address: past LOGIN_LIMITS in LOGIN_WINDOW
further attempts are refused before the password is looked at. Every change is audited.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import insert, select, update

from station_app.core.clock import from_utc_text, to_utc_text
from sync.center.schema import staff_login_attempt, staff_session, staff_user
from sync.center.storage import retry_after
from sync.center import audit

ROLES = ("admin", "viewer")
USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,39}")
MIN_PASSWORD = 10
SESSION_HOURS = 10  # a working day; then sign in again
LOGIN_WINDOW = timedelta(minutes=15)
LOGIN_LIMITS = {"username": 5, "address": 20}

_hasher = PasswordHasher()
# Checked against when the account does not exist, so a wrong name costs what a wrong
# password does (no telling names apart by the answer's time).
_DUMMY_HASH = _hasher.hash("not a password of anyone's")


class AccountError(ValueError):
    """A refusal with its reason: ``code`` for the page's words, ``detail`` for the log."""

    def __init__(self, code: str, detail: str = "", retry_after: int | None = None):
        super().__init__(detail or code)
        self.code, self.retry_after = code, retry_after


@dataclass(frozen=True)
class Staff:
    username: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Session:
    staff: Staff
    csrf: str
    token_hash: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError("weak_password", f"a password needs at least {MIN_PASSWORD} characters")


def add_user(center, username: str, role: str, password: str, by: str = "cli") -> None:
    if not USERNAME.fullmatch(username):
        raise AccountError("bad_username", "a username is 2 to 40 characters: a-z first, then "
                                           "a-z 0-9 . _ -")
    if role not in ROLES:
        raise AccountError("bad_role", f"the role is one of {', '.join(ROLES)}")
    check_password(password)
    now = center.now()
    with center.write() as conn:
        if conn.execute(select(staff_user.c.username)
                        .where(staff_user.c.username == username)).first():
            raise AccountError("exists", f"there is a user {username} already")
        conn.execute(insert(staff_user).values(username=username, role=role, created_at=now,
                                               password_hash=_hasher.hash(password)))
        audit.record(conn, now, by, "user.add", username, role)


def set_password(center, username: str, password: str, by: str = "cli") -> None:
    check_password(password)
    now = center.now()
    with center.write() as conn:
        if not conn.execute(update(staff_user).where(staff_user.c.username == username)
                            .values(password_hash=_hasher.hash(password))).rowcount:
            raise AccountError("unknown_user", f"no user {username}")
        _end_sessions(conn, username, now)  # a new password signs every browser out
        audit.record(conn, now, by, "user.password", username)


def disable_user(center, username: str, by: str = "cli") -> None:
    now = center.now()
    with center.write() as conn:
        if not conn.execute(update(staff_user).where(staff_user.c.username == username)
                            .values(disabled=True)).rowcount:
            raise AccountError("unknown_user", f"no user {username}")
        _end_sessions(conn, username, now)
        audit.record(conn, now, by, "user.disable", username)


def users(center) -> list[dict]:
    with center.read() as conn:
        return [dict(r) for r in conn.execute(
            select(staff_user.c.username, staff_user.c.role, staff_user.c.disabled,
                   staff_user.c.created_at).order_by(staff_user.c.username)).mappings()]


def _end_sessions(conn, username: str, now: str) -> None:
    conn.execute(update(staff_session).where(staff_session.c.username == username,
                                             staff_session.c.ended_at.is_(None))
                 .values(ended_at=now))


# --- signing in and out ----------------------------------------------------------------------
def sign_in(center, username: str, password: str, address: str) -> str:
    """A new session's token for the cookie; AccountError("bad_login" | "too_many") otherwise.
    Failures are counted and audited; the password is not checked past the limit."""
    now = center.now()
    username = username.strip().lower()[:40]
    _check_attempts(center, username, address, now)
    with center.read() as conn:
        row = conn.execute(select(staff_user).where(staff_user.c.username == username)).first()
    ok = False
    try:
        ok = _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or row is None or row.disabled:
        with center.write() as conn:
            conn.execute(insert(staff_login_attempt).values(at=now, address=address[:64],
                                                            username=username))
            audit.record(conn, now, username or "?", "login.failed", address)
        raise AccountError("bad_login", f"sign-in refused for {username!r} from {address}")
    token = secrets.token_urlsafe(32)
    expires = to_utc_text(from_utc_text(now) + timedelta(hours=SESSION_HOURS))
    with center.write() as conn:
        conn.execute(insert(staff_session).values(
            id=token_hash(token), username=username, csrf=secrets.token_urlsafe(24),
            address=address[:64], created_at=now, expires_at=expires))
        audit.record(conn, now, username, "login", address)
    return token


def _check_attempts(center, username: str, address: str, now: str) -> None:
    since = to_utc_text(from_utc_text(now) - LOGIN_WINDOW)
    with center.read() as conn:
        for column, value in ((staff_login_attempt.c.username, username),
                              (staff_login_attempt.c.address, address)):
            wait = retry_after(conn, staff_login_attempt.c.at, column, value,
                               LOGIN_LIMITS[column.name], since, LOGIN_WINDOW, now)
            if wait is not None:
                raise AccountError("too_many", f"sign-in attempts over the limit: {column.name} "
                                               f"{value}", wait)


def session(center, token: str | None) -> Session | None:
    """The live session a cookie's token names, or None (unknown, expired, ended, disabled)."""
    if not token or len(token) > 100:
        return None
    with center.read() as conn:
        row = conn.execute(
            select(staff_session.c.id, staff_session.c.csrf, staff_session.c.expires_at,
                   staff_session.c.ended_at, staff_user.c.username, staff_user.c.role,
                   staff_user.c.disabled)
            .join(staff_user, staff_user.c.username == staff_session.c.username)
            .where(staff_session.c.id == token_hash(token))).first()
    if row is None or row.ended_at is not None or row.disabled or row.expires_at <= center.now():
        return None
    return Session(Staff(row.username, row.role), row.csrf, row.id)


def sign_out(center, current: Session) -> None:
    now = center.now()
    with center.write() as conn:
        conn.execute(update(staff_session).where(staff_session.c.id == current.token_hash)
                     .values(ended_at=now))
        audit.record(conn, now, current.staff.username, "logout")


def sessions(center) -> list[dict]:
    """Live sessions, newest first (for admins: who is signed in, from where)."""
    now = center.now()
    with center.read() as conn:
        return [dict(r) for r in conn.execute(
            select(staff_session.c.id, staff_session.c.username, staff_session.c.address,
                   staff_session.c.created_at, staff_session.c.expires_at)
            .where(staff_session.c.ended_at.is_(None), staff_session.c.expires_at > now)
            .order_by(staff_session.c.created_at.desc())).mappings()]


def revoke_session(center, session_id: str, by: str) -> None:
    now = center.now()
    with center.write() as conn:
        found = conn.execute(select(staff_session.c.username)
                             .where(staff_session.c.id == session_id)).first()
        if found is None:
            raise AccountError("unknown_session", "no such session")
        conn.execute(update(staff_session).where(staff_session.c.id == session_id)
                     .values(ended_at=now))
        audit.record(conn, now, by, "session.revoke", found.username)
