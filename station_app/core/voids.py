"""Voids: a money record reversed with a reason, by the keeper only.

Nothing is edited. The void writes, for each of the record's ledger lines, a mirror line (in and
out swapped, same category and method), so the record nets to zero in every total; and a Void
row, unique per record, so it cannot be voided twice and services refuse to go on with it.
"""

from __future__ import annotations

from sqlalchemy import exists, func, select

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.models import (
    BillPayment,
    CashMove,
    LedgerLine,
    Pickup,
    ProduceIntake,
    ProducePayout,
    ProduceSale,
    Purchase,
    Send,
    ServiceRecord,
    Void,
)
from station_app.core.people import require_keeper
from station_app.core.validate import parse_reason

# Records that move money. A drawer session is not among them: a closed day stays closed.
MONEY_RECORDS = {model.__tablename__: model for model in (
    Send, Pickup, Purchase, ProduceIntake, ProduceSale, ProducePayout, BillPayment, ServiceRecord,
    CashMove)}


def not_voided(model):
    """A where-clause keeping only the rows of ``model`` that have not been voided."""
    return ~exists().where(Void.record_id == model.id)


def is_voided(conn, record_id: str) -> bool:
    return conn.execute(select(Void.id).where(Void.record_id == record_id)).first() is not None


def require_live(conn, record_id: str) -> None:
    if is_voided(conn, record_id):
        raise UserError(m.RECORD_VOIDED)


def record_table(conn, record_id: str) -> str | None:
    """Which money table holds ``record_id`` (None: no money record has that id)."""
    for name, model in MONEY_RECORDS.items():
        if conn.execute(select(model.id).where(model.id == record_id)).first():
            return name
    return None


def _check_dependents(conn, table: str, record_id: str) -> None:
    """A consignment's sales and payouts hang on it; a sale's money may already be paid out."""
    from station_app.core.produce import consignment_due_after

    if table == "produce_intake":
        for model in (ProduceSale, ProducePayout):
            if conn.execute(select(func.count()).where(model.intake_id == record_id,
                                                       not_voided(model))).scalar():
                raise UserError(m.VOID_DEPENDENTS_FIRST)
    elif table == "produce_sale":
        intake_id = conn.execute(select(ProduceSale.intake_id)
                                 .where(ProduceSale.id == record_id)).scalar()
        if intake_id and consignment_due_after(conn, intake_id, without_sale=record_id) < 0:
            raise UserError(m.VOID_PAYOUT_FIRST)


def void(store, operator: str, record_id: str, reason: str) -> str:
    reason = parse_reason(reason)
    with store.write(operator) as tx:
        require_keeper(tx.conn, operator)
        if is_voided(tx.conn, record_id):
            raise UserError(m.ALREADY_VOID)
        table = record_table(tx.conn, record_id)
        if table is None:
            raise UserError(m.NOT_A_MONEY_RECORD, record=record_id)
        _check_dependents(tx.conn, table, record_id)
        lines = tx.conn.execute(select(LedgerLine.category, LedgerLine.method, LedgerLine.in_fen,
                                       LedgerLine.out_fen)
                                .where(LedgerLine.record_id == record_id)
                                .order_by(LedgerLine.seq, LedgerLine.id)).all()
        for line in lines:
            tx.ledger(record_id, line.category, line.method, reason,
                      in_fen=line.out_fen, out_fen=line.in_fen)
        void_id = tx.insert(Void, record_id=record_id, record_table=table, reason=reason,
                            at=tx.now_text)
        tx.event("record.voided", record_id, table=table)
    return void_id
