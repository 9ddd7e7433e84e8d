"""`station-app verify`: is the journal an unbroken chain, and does every business row still say
what the journal recorded?

Chain: seq runs 1, 2, 3… with no gap, each prev_hash is the hash before it, each hash recomputes,
each payload is stored canonically. Rows: folding every event's ``rows`` in seq order rebuilds
every business row; each table must hold exactly those rows with exactly those values. An edited,
deleted, inserted or reordered journal row breaks the chain; an edited, deleted or smuggled-in
business row breaks the fold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select

from station_app.core.canonical import GENESIS_HASH, canonical_json, event_hash, hashed_part
from station_app.core.models import JOURNALED, Journal, journaled_columns


@dataclass
class Problem:
    seq: int | None  # the journal event at fault, None for a row no event ever wrote
    text: str


@dataclass
class VerifyReport:
    events: int = 0
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        seqs = [p.seq for p in self.problems if p.seq is not None]
        return min(seqs) if seqs else None


def _check_chain(conn, report: VerifyReport, state: dict, touched: dict) -> None:
    expected_seq, prev = 1, GENESIS_HASH
    result = conn.execution_options(yield_per=2000).execute(select(Journal).order_by(Journal.seq))
    for row in result.mappings():
        seq = row["seq"]
        report.events += 1
        if seq != expected_seq:
            report.problems.append(Problem(expected_seq if seq > expected_seq else seq,
                                           f"seq {expected_seq} expected, found {seq}"))
            return
        try:
            payload = json.loads(row["payload"])
            canonical = canonical_json(payload).decode()
        except (ValueError, TypeError) as exc:
            report.problems.append(Problem(seq, f"seq {seq}: payload unreadable ({exc})"))
            return
        if canonical != row["payload"]:
            report.problems.append(Problem(seq, f"seq {seq}: payload is not canonical JSON"))
            return
        if row["prev_hash"] != prev:
            report.problems.append(Problem(seq, f"seq {seq}: prev_hash does not link to seq {seq - 1}"))
            return
        digest = event_hash(prev, hashed_part({**row, "payload": payload}))
        if digest != row["hash"]:
            report.problems.append(Problem(seq, f"seq {seq}: hash does not match its content"))
            return
        for table, rows in payload.get("rows", {}).items():
            for row_id, values in rows.items():
                state.setdefault((table, row_id), {}).update(values)
                touched[(table, row_id)] = seq
        prev, expected_seq = digest, seq + 1


def _check_rows(conn, report: VerifyReport, state: dict, touched: dict) -> None:
    for table_name, model in JOURNALED.items():
        columns = journaled_columns(table_name)
        table = model.__table__
        result = conn.execution_options(yield_per=2000).execute(
            select(*[table.c[c] for c in columns]).order_by(table.c.id))
        for row in result.mappings():
            report.rows += 1
            key = (table_name, row["id"])
            expected = state.pop(key, None)
            if expected is None:
                report.problems.append(Problem(None, f"{table_name} {row['id']}: no journal event wrote this row"))
                continue
            for column in columns:
                if column == "id":
                    continue
                if row[column] != expected.get(column):
                    report.problems.append(Problem(
                        touched[key], f"{table_name} {row['id']}: {column} is {row[column]!r}, "
                        f"journal seq {touched[key]} says {expected.get(column)!r}"))
                    break
    for (table_name, row_id) in state:
        seq = touched[(table_name, row_id)]
        report.problems.append(Problem(seq, f"{table_name} {row_id}: row written at seq {seq} is missing"))


def verify(store) -> VerifyReport:
    report = VerifyReport()
    state: dict = {}
    touched: dict = {}
    with store.read() as conn:
        _check_chain(conn, report, state, touched)
        if report.ok:
            _check_rows(conn, report, state, touched)
    report.problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    return report
