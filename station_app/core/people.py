"""Operators (who stands at the counter) and villagers (who the station serves)."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from sqlalchemy import or_, select

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.models import Operator, Villager
from station_app.core.pinyin import initials
from station_app.core.validate import clean, parse_last4, parse_mobile, parse_name, parse_pin

KEEPER, ASSISTANT = "keeper", "assistant"
ROLES = (KEEPER, ASSISTANT)
SYSTEM = "system"  # the operator recorded for set-up before anyone has logged in

# scrypt: memory-hard, in the standard library; ~50 ms here, so a stolen database file does not
# give up 4-digit PINs in a blink (they remain guessable offline: the PIN guards the counter,
# the file needs guarding too).
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_pin(pin: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT, dklen=32)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                         dklen=32)
    return hmac.compare_digest(got.hex(), digest)


@dataclass(frozen=True)
class OperatorInfo:
    id: str
    name: str
    role: str

    @property
    def is_keeper(self) -> bool:
        return self.role == KEEPER


@dataclass(frozen=True)
class VillagerInfo:
    id: str
    name: str
    phone: str | None
    phone_last4: str | None
    initials: str


def require_keeper(conn, operator_id: str) -> None:
    role = conn.execute(select(Operator.role).where(Operator.id == operator_id,
                                                    Operator.active.is_(True))).scalar()
    if role != KEEPER and not (operator_id == SYSTEM and _no_operators(conn)):
        raise UserError(m.KEEPER_ONLY)


def _no_operators(conn) -> bool:
    return conn.execute(select(Operator.id).limit(1)).first() is None


def create_operator(store, by: str, name: str, role: str, pin: str) -> OperatorInfo:
    name = parse_name(name)
    pin = parse_pin(pin)
    if role not in ROLES:
        raise ValueError(role)
    pin_hash = hash_pin(pin)
    with store.write(by) as tx:
        require_keeper(tx.conn, by)
        if tx.conn.execute(select(Operator.id).where(Operator.name == name)).first():
            raise UserError(m.OPERATOR_EXISTS, name=name)
        op_id = tx.insert(Operator, name=name, role=role, active=True, created_at=tx.now_text,
                          pin_hash=pin_hash)
        tx.event("operator.created", op_id)
    return OperatorInfo(op_id, name, role)


def operators(store) -> list[OperatorInfo]:
    with store.read() as conn:
        rows = conn.execute(select(Operator.id, Operator.name, Operator.role)
                            .where(Operator.active.is_(True)).order_by(Operator.created_at))
        return [OperatorInfo(*r) for r in rows]


def login(store, operator_id: str, pin: str) -> OperatorInfo:
    with store.read() as conn:
        row = conn.execute(select(Operator.id, Operator.name, Operator.role, Operator.pin_hash)
                           .where(Operator.id == operator_id, Operator.active.is_(True))).first()
    if row is None:
        raise UserError(m.UNKNOWN_OPERATOR)
    if not check_pin(clean(pin), row.pin_hash):
        raise UserError(m.WRONG_PIN)
    return OperatorInfo(row.id, row.name, row.role)


def _villager(row) -> VillagerInfo:
    return VillagerInfo(row.id, row.name, row.phone, row.phone_last4, row.initials)


_VILLAGER_COLS = (Villager.id, Villager.name, Villager.phone, Villager.phone_last4,
                  Villager.initials)
_BY_PHONE = "SELECT id, name, phone, phone_last4, initials FROM villager WHERE phone = ?"


def parse_person(name, phone, last4) -> tuple[str | None, str | None, str]:
    """Who a record is for, as typed: a full mobile (name optional), or last 4 + name."""
    name = parse_name(name) if clean(name) else None
    phone = parse_mobile(phone) if clean(phone) else None
    if not phone and not clean(last4):
        raise UserError(m.PHONE_NEEDED)
    last4 = phone[-4:] if phone else parse_last4(last4)
    if not phone and not name:
        raise UserError(m.NAME_NEEDED)
    return name, phone, last4


def resolve_villager(tx, name: str | None, phone: str | None, last4: str | None) -> VillagerInfo:
    """The villager a parcel or send is for: matched by full phone, or by last 4 + name, or
    remembered as a new villager; last 4 + name matching two villagers asks for the full phone.
    Runs inside the caller's transaction."""
    conn = tx.conn
    if phone:
        row = tx.one(_BY_PHONE, (phone,))  # every check-in by phone: the driver, directly
        if row:
            return VillagerInfo(*row)
        if not name:
            raise UserError(m.NEW_PHONE_NAME_NEEDED, phone=phone)
        last4 = phone[-4:]
    else:
        if not name:
            raise UserError(m.NAME_NEEDED)
        rows = conn.execute(select(*_VILLAGER_COLS).where(
            Villager.phone_last4 == last4, Villager.name == name).limit(2)).all()
        if len(rows) == 1:
            return _villager(rows[0])
        if rows:  # two people: guessing would file the parcel under the wrong one's history
            raise UserError(m.SAME_NAME_AND_LAST4, name=name, last4=last4)
    values = dict(name=name, phone=phone, phone_last4=last4, initials=initials(name),
                  created_at=tx.now_text)
    villager_id = tx.insert(Villager, **values)
    return VillagerInfo(villager_id, name, phone, last4, values["initials"])


def villager(store, villager_id: str) -> VillagerInfo:
    with store.read() as conn:
        row = conn.execute(select(*_VILLAGER_COLS).where(Villager.id == villager_id)).first()
    if row is None:
        raise LookupError(villager_id)
    return _villager(row)


def find_villagers(store, text: str, limit: int = 20) -> list[VillagerInfo]:
    """By name, pinyin initials, full phone or its last 4 digits."""
    query = clean(text)
    if not query:
        return []
    conds = [Villager.name.startswith(query)]
    if query.isdigit():
        conds = [Villager.phone.startswith(query)]
        if len(query) == 4:
            conds.append(Villager.phone_last4 == query)
    elif query.isascii() and query.isalpha():
        conds.append(Villager.initials.startswith(query.lower()))
    with store.read() as conn:
        rows = conn.execute(select(*_VILLAGER_COLS).where(or_(*conds))
                            .order_by(Villager.name).limit(limit))
        return [_villager(r) for r in rows]
