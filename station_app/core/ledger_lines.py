"""Browsing the ledger (台账) at the counter: lines filtered by date, category, method or text,
newest first, a keyset page at a time, with the totals of everything the filter selects."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from station_app.core.models import LedgerLine, Void, columns_of
from station_app.core.validate import clean


@dataclass(frozen=True)
class LineFilter:
    first: str  # local dates YYYY-MM-DD, both included
    last: str
    category: str | None = None
    method: str | None = None
    text: str = ""  # part of the description, or a whole record id


@dataclass(frozen=True)
class LineInfo:
    seq: int
    id: str
    record_id: str
    date: str
    category: str
    method: str
    in_fen: int
    out_fen: int
    description: str


@dataclass(frozen=True)
class LineRow:
    line: LineInfo
    voided: bool  # the record this line belongs to has been voided since

    @property
    def key(self) -> tuple[int, str]:
        return self.line.seq, self.line.id


@dataclass(frozen=True)
class LineTotals:
    lines: int
    in_fen: int
    out_fen: int


_COLS = columns_of(LedgerLine, LineInfo)


def _conditions(f: LineFilter) -> list:
    conds = [LedgerLine.date >= f.first, LedgerLine.date <= f.last]
    if f.category:
        conds.append(LedgerLine.category == f.category)
    if f.method:
        conds.append(LedgerLine.method == f.method)
    text = clean(f.text)
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conds.append(or_(LedgerLine.description.like(pattern, escape="\\"),
                         LedgerLine.record_id == text))
    return conds


def lines(store, f: LineFilter, after: tuple[int, str] | None = None,
          limit: int = 200) -> list[LineRow]:
    """Newest first; ``after`` is the key of the last row already shown."""
    conds = _conditions(f)
    if after is not None:
        seq, line_id = after
        conds.append(or_(LedgerLine.seq < seq, (LedgerLine.seq == seq) & (LedgerLine.id < line_id)))
    voided = select(Void.record_id).where(Void.record_id == LedgerLine.record_id).exists()
    stmt = (select(*_COLS, voided).where(*conds)
            .order_by(LedgerLine.seq.desc(), LedgerLine.id.desc()).limit(limit))
    with store.read() as conn:
        return [LineRow(LineInfo(*row[:-1]), bool(row[-1])) for row in conn.execute(stmt)]


def totals(store, f: LineFilter) -> LineTotals:
    stmt = select(func.count(), func.coalesce(func.sum(LedgerLine.in_fen), 0),
                  func.coalesce(func.sum(LedgerLine.out_fen), 0)).where(*_conditions(f))
    with store.read() as conn:
        return LineTotals(*conn.execute(stmt).one())
