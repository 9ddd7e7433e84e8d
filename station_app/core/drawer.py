"""The cash drawer (日结/交班): sessions opened with a counted float and closed with the counted
cash, each closing with the next Z number.

Every ledger line is written while a session of its day is open (journal.Tx.ledger refuses
otherwise), so a session's lines are exactly those with open_seq < seq <= close_seq, and the cash
the drawer should hold is the float plus the cash lines among them. A closed session stays
closed; a customer who comes after the day's close is served in a new session of the same day
(交班), with its own float and Z number. Dates come from the clock, never from the keeper.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select

from station_app.core import messages as m
from station_app.core.clock import today_text
from station_app.core.errors import UserError
from station_app.core.models import CashMove, DrawerSession, LedgerLine, columns_of
from station_app.core.settings import station_settings
from station_app.core.validate import format_fen, parse_reason

OPEN, CLOSED = "open", "closed"
IN, OUT = "in", "out"


@dataclass(frozen=True)
class DrawerInfo:
    id: str
    business_date: str
    status: str
    float_fen: int
    opened_at: str
    open_seq: int
    closed_at: str | None
    close_seq: int | None
    expected_fen: int | None  # open: what it should hold now; closed: what it should have held
    counted_fen: int | None
    difference_fen: int | None
    z_no: int | None


_COLS = columns_of(DrawerSession, DrawerInfo)


def _in_session(open_seq: int, close_seq: int | None) -> list:
    conds = [LedgerLine.seq > open_seq]
    if close_seq is not None:
        conds.append(LedgerLine.seq <= close_seq)
    return conds


def _cash_now(conn, float_fen: int, open_seq: int) -> int:
    conds = [LedgerLine.method == "cash", LedgerLine.seq > open_seq]
    net = conn.execute(select(func.coalesce(func.sum(LedgerLine.in_fen - LedgerLine.out_fen), 0))
                       .where(*conds)).scalar()
    return float_fen + net


def _with_expected(conn, row) -> DrawerInfo:
    info = DrawerInfo(*row)
    if info.status == OPEN:
        info = replace(info, expected_fen=_cash_now(conn, info.float_fen, info.open_seq))
    return info


def _open_row(conn):
    return conn.execute(select(*_COLS).where(DrawerSession.status == OPEN)).first()


def current(store) -> DrawerInfo | None:
    """The open drawer (today's, or an earlier day's still to be closed), with the cash it
    should hold now; None when closed."""
    with store.read() as conn:
        row = _open_row(conn)
        return _with_expected(conn, row) if row else None


def today_closed(store) -> DrawerInfo | None:
    """Today's last closed session, if any (the page then shows its Z report)."""
    today = today_text(store.clock.now())
    with store.read() as conn:
        row = conn.execute(select(*_COLS).where(DrawerSession.business_date == today,
                                                DrawerSession.status == CLOSED)
                           .order_by(DrawerSession.close_seq.desc()).limit(1)).first()
    return DrawerInfo(*row) if row else None


def open_drawer(store, operator: str, float_fen: int) -> DrawerInfo:
    if not isinstance(float_fen, int) or float_fen < 0:
        raise ValueError("float_fen is a non-negative integer")
    with store.write(operator) as tx:
        today = tx.local_date
        row = _open_row(tx.conn)
        if row is not None:
            if row.business_date == today:
                raise UserError(m.DRAWER_ALREADY_OPEN)
            raise UserError(m.DRAWER_FROM_EARLIER_DAY, date=row.business_date)
        session_id = tx.insert(DrawerSession, business_date=today, status=OPEN,
                               float_fen=float_fen, opened_at=tx.now_text, opened_by=operator,
                               open_seq=tx.seq)
        tx.event("drawer.opened", session_id)
    return DrawerInfo(session_id, today, OPEN, float_fen, tx.now_text, tx.seq, None, None,
                      float_fen, None, None, None)


def move_cash(store, operator: str, direction: str, amount_fen: int, reason: str) -> str:
    """Cash put in (change fetched) or taken out (takings banked), with the reason."""
    if direction not in (IN, OUT):
        raise ValueError(direction)
    if not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValueError("amount_fen is a positive integer")
    reason = parse_reason(reason)
    with store.write(operator) as tx:
        row = _open_row(tx.conn)
        if row is None:
            raise tx.drawer_not_open()
        if direction == OUT:
            require_cash(tx, amount_fen)
        move_id = tx.insert(CashMove, session_id=row.id, direction=direction,
                            amount_fen=amount_fen, reason=reason, at=tx.now_text)
        tx.ledger(move_id, "cash_in" if direction == IN else "cash_out", "cash", reason,
                  **({"in_fen": amount_fen} if direction == IN else {"out_fen": amount_fen}))
        tx.event("drawer.cash_moved", move_id)
    return move_id


def require_cash(tx, amount_fen: int) -> None:
    """Refuse to pay out more cash than the open drawer should hold (inside a write)."""
    row = _open_row(tx.conn)
    if row is None:
        raise tx.drawer_not_open()
    cash = _cash_now(tx.conn, row.float_fen, row.open_seq)
    if amount_fen > cash:
        raise UserError(m.DRAWER_SHORT, cash=format_fen(cash), amount=format_fen(amount_fen))


def close_drawer(store, operator: str, counted_fen: int) -> DrawerInfo:
    """Count the cash and close the session: the difference is recorded as its own ledger line
    (over or short) and the session gets the next Z number. Closing twice is refused."""
    if not isinstance(counted_fen, int) or counted_fen < 0:
        raise ValueError("counted_fen is a non-negative integer")
    with store.write(operator) as tx:
        row = _open_row(tx.conn)
        if row is None:
            raise UserError(m.NO_OPEN_DRAWER)
        expected = _cash_now(tx.conn, row.float_fen, row.open_seq)
        difference = counted_fen - expected
        if difference:
            tx.ledger(row.id, "cash_over" if difference > 0 else "cash_short", "cash",
                      row.business_date, day=row.business_date,
                      **({"in_fen": difference} if difference > 0 else {"out_fen": -difference}))
        z_no = (tx.one("SELECT max(z_no) FROM drawer_session")[0] or 0) + 1
        tx.update(DrawerSession, row.id, status=CLOSED, closed_at=tx.now_text, closed_by=operator,
                  close_seq=tx.seq, expected_fen=expected, counted_fen=counted_fen,
                  difference_fen=difference, z_no=z_no)
        tx.event("drawer.closed", row.id)
    return DrawerInfo(row.id, row.business_date, CLOSED, row.float_fen, row.opened_at,
                      row.open_seq, tx.now_text, tx.seq, expected, counted_fen, difference, z_no)


@dataclass(frozen=True)
class Totals:
    key: str  # a category or a method
    in_fen: int
    out_fen: int

    @property
    def net_fen(self) -> int:
        return self.in_fen - self.out_fen


@dataclass(frozen=True)
class ZReport:
    drawer: DrawerInfo
    station_name: str
    station_id: str
    cash_by_category: list[Totals]
    by_method: list[Totals]  # every method, cash included: the phone wallets to reconcile
    records: int


def _totals(conn, key, conds) -> list[Totals]:
    rows = conn.execute(select(key, func.sum(LedgerLine.in_fen), func.sum(LedgerLine.out_fen))
                        .where(*conds).group_by(key).order_by(key)).all()
    return [Totals(*r) for r in rows]


def z_report(store, session_id: str) -> ZReport:
    """What a session took in and paid out, by category (cash) and by method (all)."""
    config = station_settings(store)
    with store.read() as conn:
        row = conn.execute(select(*_COLS).where(DrawerSession.id == session_id)).first()
        if row is None:
            raise LookupError(session_id)
        info = _with_expected(conn, row)
        conds = _in_session(info.open_seq, info.close_seq)
        cash = _totals(conn, LedgerLine.category, [*conds, LedgerLine.method == "cash"])
        methods = _totals(conn, LedgerLine.method, conds)
        records = conn.execute(select(func.count(func.distinct(LedgerLine.record_id)))
                               .where(*conds)).scalar()
    return ZReport(info, config.station_name, config.station_id, cash, methods, records)


def sessions(store, limit: int = 60) -> list[DrawerInfo]:
    """Recent drawer sessions, newest first (the drawer page's history)."""
    with store.read() as conn:
        rows = conn.execute(select(*_COLS).order_by(DrawerSession.open_seq.desc())
                            .limit(limit)).all()
        return [_with_expected(conn, r) for r in rows]
