"""The ledger page's query: filters, keyset pages that neither skip nor repeat a line, and
totals that equal the sum of the lines they select."""

from station_app.core import bills, ledger_lines, other_services, voids
from station_app.core.ledger_lines import LineFilter

DAY = "2026-11-20"


def all_pages(store, f, size):
    got, after = [], None
    while True:
        page = ledger_lines.lines(store, f, after, size)
        got += page
        if len(page) < size:
            return got
        after = page[-1].key


def test_pages_cover_every_line_once_newest_first_with_matching_totals(store, keeper):
    for n in range(7):
        bills.take_payment(store, keeper.id, kind="phone", account=f"1381234567{n}", holder="张三",
                           amount_fen=1000 + n, fee_fen=100)
    other_services.record(store, keeper.id, kind="printing", amount_fen=200, method="wechat")
    f = LineFilter(DAY, DAY)
    everything = ledger_lines.lines(store, f, None, 1000)
    assert [r.key for r in all_pages(store, f, 3)] == [r.key for r in everything]
    assert [r.key for r in everything] == sorted((r.key for r in everything), reverse=True)
    totals = ledger_lines.totals(store, f)
    assert totals.lines == len(everything)
    assert totals.in_fen == sum(r.line.in_fen for r in everything)
    assert totals.out_fen == sum(r.line.out_fen for r in everything)

    fees = ledger_lines.lines(store, LineFilter(DAY, DAY, category="bill_fee"))
    assert len(fees) == 7 and {r.line.category for r in fees} == {"bill_fee"}
    assert [r.line.method for r in ledger_lines.lines(store, LineFilter(DAY, DAY, method="wechat"))] \
        == ["wechat"]
    assert len(ledger_lines.lines(store, LineFilter(DAY, DAY, text="13812345673"))) == 3  # amount, fee, paid on platform
    assert ledger_lines.lines(store, LineFilter("2026-11-21", "2026-11-30")) == []
    assert ledger_lines.lines(store, LineFilter(DAY, DAY, text="100%_")) == []  # LIKE is escaped


def test_a_voided_records_lines_say_so_and_net_to_zero(store, keeper):
    bill = bills.take_payment(store, keeper.id, kind="water", account="W-1", holder="王五",
                              amount_fen=3000)
    voids.void(store, keeper.id, bill.id, "收错了")
    f = LineFilter(DAY, DAY, text=bill.id)
    rows = ledger_lines.lines(store, f)
    assert rows and all(r.voided for r in rows)
    totals = ledger_lines.totals(store, f)
    assert totals.in_fen == totals.out_fen
