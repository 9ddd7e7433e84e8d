"""The money pages as a keeper uses them: agent purchases from order to hand-over, produce from
the scale to the farmer's payout, a villager's history, and the ledger with its filters, voids
and export. Each refusal is checked to change nothing."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from station_app.core import drawer, parcels, produce, purchases, settings
from station_app.core.verify import verify
from tests.gui import scan, type_, wait_idle


@pytest.fixture
def printed(monkeypatch):
    """What went to the printer: (pages, title) per print job, no dialog."""
    from station_app.ui import printing

    jobs = []
    monkeypatch.setattr(printing, "print_pages", lambda parent, pages, title: jobs.append(
        (pages, title)))
    return jobs


@pytest.fixture
def answers(monkeypatch):
    """The keeper's answers to the next dialogs: texts in order; lists take their default."""
    texts: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (texts.pop(0), True))
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, current,
                        editable: (items[current], True))
    return texts


def texts_of(pages) -> str:
    return " ".join(getattr(item, "text", "") for page in pages for item in page.items)


def test_an_agent_purchase_from_order_to_hand_over(qtbot, gui, store, answers):
    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F6)
    page = window.purchases
    assert window.current_page() is page
    for field, text in ((page.phone, "13812345678"), (page.name, "张三"), (page.items, "电饭煲"),
                        (page.price, "0")):
        type_(qtbot, keys, field, text, enter=False)
    head = store.head()
    page.request_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head  # ¥0 is not a price
    page.price.clear()
    for field, text in ((page.price, "159"), (page.shipping, "10"), (page.fee, "5"),
                        (page.deposit, "100")):
        type_(qtbot, keys, field, text, enter=False)
    page.request_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    assert "¥74.00" in page.banner.text()  # balance: 159 + 10 + 5 − 100
    assert page.table.rowCount() == 1 and page.table.item(0, 7).text() == "已登记"

    answers.append("TB20261120001")
    page.mark_ordered()
    wait_idle(qtbot, ctx)
    assert page.table.item(0, 7).text() == "已下单", page.banner.text()
    scan(qtbot, keys, page.phone, "YT1234567890123")  # the seller's waybill, scanned
    wait_idle(qtbot, ctx)
    assert page.table.item(0, 7).text() == "已发货" and page.table.item(0, 8).text() == "YT1234567890123"

    parcels.check_in(store, ctx.op_id, "YT1234567890123", phone="13812345678", name="张三")
    page.refresh()
    wait_idle(qtbot, ctx)
    assert page.table.item(0, 7).text() == "已到站"
    page.table.selectRow(0)
    page.hand_over()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "¥74.00" in page.banner.text()
    assert page.table.rowCount() == 0
    assert parcels.find_by_tracking(store, "YT1234567890123").status == parcels.PICKED_UP
    assert drawer.current(store).expected_fen == 20000 + 10000 + 7400
    assert verify(store).ok


def test_cancelling_a_purchase_refunds_its_deposit(qtbot, gui, store, keeper, answers):
    window, ctx, keys = gui
    p = purchases.request(store, keeper.id, name="李四", phone="13900000000", items="种子",
                          platform="pdd", price_fen=3000, deposit_fen=3000)
    window.show_page(window.purchases)
    wait_idle(qtbot, ctx)
    page = window.purchases
    head = store.head()
    page.cancel_button.click()  # nothing selected: says so, changes nothing
    assert page.banner.kind == "info" and store.head() == head
    page.table.selectRow(0)
    answers.append("不要了")
    page.cancel_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "¥30.00" in page.banner.text()
    assert purchases.get(store, p.id).status == purchases.CANCELLED
    assert drawer.current(store).expected_fen == 20000


def test_produce_weighed_in_consigned_sold_and_paid_out(qtbot, gui, store, printed, answers):
    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F7)
    page = window.produce
    assert window.current_page() is page
    for field, text in ((page.phone, "13812345678"), (page.name, "张三"), (page.gross, "10"),
                        (page.tare, "1"), (page.deduct, "9"), (page.price, "3")):
        type_(qtbot, keys, field, text, enter=False)
    assert "0 公斤" in page.sum_label.text()  # nothing left after tare and 扣杂
    head = store.head()
    page.intake_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head and not printed

    page.deduct.clear()
    type_(qtbot, keys, page.deduct, "0.5", enter=False)
    page.mode.setCurrentIndex(page.mode.findData(produce.CONSIGN))
    type_(qtbot, keys, page.commission, "5", enter=False)
    # One unit, the price's, with kilograms beside it; never "8.5 kg × ¥3.00/斤".
    assert page.sum_label.text() == "净重 17 斤（8.5 公斤） × ¥3.00/斤 = ¥51.00"
    page.intake_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    [(pages, title)] = printed
    slip = texts_of(pages)
    assert "代卖" in slip and "17 斤（8.5 公斤）" in slip and "5%" in slip  # the farmer's intake slip
    assert "kg" not in slip
    assert page.intake_table.rowCount() == 1

    page.tabs.setCurrentIndex(1)
    wait_idle(qtbot, ctx)
    assert page.source.count() == 1 and "张三" in page.source.currentText()
    for field, text in ((page.sell_weight, "9"), (page.sell_price, "4"), (page.buyer, "县果品公司")):
        type_(qtbot, keys, field, text, enter=False)
    head = store.head()
    page.sell_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head  # only 8.5 kg there
    page.sell_weight.clear()
    type_(qtbot, keys, page.sell_weight, "8.5", enter=False)
    page.sell_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "¥68.00" in page.banner.text()

    page.tabs.setCurrentIndex(2)
    wait_idle(qtbot, ctx)
    assert page.consign_table.rowCount() == 1
    assert page.consign_table.item(0, 8).text() == "¥64.60"  # 68 less 5%
    page.consign_table.selectRow(0)
    answers.append("70")
    head = store.head()
    page.pay_out()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head  # more than the sale brought in
    page.consign_table.selectRow(0)
    answers.append("64.60")
    page.pay_out()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    assert page.consign_table.rowCount() == 0 and len(printed) == 2

    page.tabs.setCurrentIndex(3)
    wait_idle(qtbot, ctx)
    assert page.stock_table.item(0, 0).text() == "枸杞" and page.stock_table.item(0, 3).text() == "0 公斤"
    assert verify(store).ok


def test_a_villagers_history_shows_what_is_owed_either_way(qtbot, gui, store, keeper):
    window, ctx, keys = gui
    purchases.request(store, keeper.id, name="张三", phone="13812345678", items="电饭煲",
                      platform="jd", price_fen=20000, deposit_fen=5000)
    intake = produce.take_in(store, keeper.id, name="张三", phone="13812345678", product="核桃",
                             gross_g=10000, price_unit="kg", unit_price_fen=2000,
                             mode=produce.CONSIGN, commission_bp=1000)
    produce.sell(store, keeper.id, intake_id=intake.id, weight_g=10000, price_unit="kg",
                 unit_price_fen=2500, buyer="收购商")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.villagers
    assert window.current_page() is page
    type_(qtbot, keys, page.search, "zs")
    wait_idle(qtbot, ctx)
    assert page.people.rowCount() == 1 and page.people.item(0, 0).text() == "张三"
    wait_idle(qtbot, ctx)
    summary = page.summary.text()
    assert "¥50.00" in summary and "¥225.00" in summary and "¥275.00" in summary
    kinds = {page.history.item(r, 1).text() for r in range(page.history.rowCount())}
    assert kinds == {"代购", "农产品"}
    type_(qtbot, keys, page.search, "nobody")
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "info" and page.history.rowCount() == 0


def test_the_ledger_filters_voids_and_exports(qtbot, gui, store, keeper, answers, monkeypatch,
                                              tmp_path, printed):
    from station_app.core import bills

    window, ctx, keys = gui
    bill = bills.take_payment(store, keeper.id, kind="phone", account="13812345678", holder="张三",
                              amount_fen=5000, fee_fen=100, succeeded=True)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    page = window.ledger
    assert window.current_page() is page
    qtbot.waitUntil(lambda: page.model.complete)
    wait_idle(qtbot, ctx)
    lines = page.model.rowCount()
    assert lines >= 3 and "¥" in page.totals.text()
    page.category.setCurrentIndex(page.category.findData("bill_fee"))
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1)
    wait_idle(qtbot, ctx)
    assert page.totals.text() == "共 1 笔 · 收入 ¥1.00 · 支出 ¥0.00 · 净额 ¥1.00"

    page.table.selectRow(0)
    page.print_current()
    wait_idle(qtbot, ctx)
    assert printed and "13812345678" in texts_of(printed[0][0])

    page.table.selectRow(0)
    answers.append("收错了")
    page.void()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 2)
    wait_idle(qtbot, ctx)
    assert page.totals.text().endswith("净额 ¥0.00")
    assert "已作废" in page.model.data(page.model.index(0, 7))
    page.table.selectRow(0)
    answers.append("再作废一次")
    head = store.head()
    page.void()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head  # once only

    out = tmp_path / "ledger.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.export_format.setCurrentIndex(page.export_format.findData("json"))
    page.month.setDate(page.month.date().fromString("2026-11", "yyyy-MM"))
    page.export()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    doc = json.loads(out.read_bytes())
    assert any(e["record_id"] == bill.id for e in doc["entries"])
    assert verify(store).ok


def test_an_assistant_cannot_void(qtbot, gui, store, assistant, answers):
    from station_app.core import other_services

    window, ctx, keys = gui
    other_services.record(store, assistant.id, kind="printing", amount_fen=200)
    ctx.operator = assistant
    window.show_page(window.ledger)
    wait_idle(qtbot, ctx)
    page = window.ledger
    assert not page.void_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() > 0)
    page.table.selectRow(0)
    answers.append("试试")
    head = store.head()
    page.void()  # the service refuses it too, should the button ever be reached
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "站长" in page.banner.text() and store.head() == head


def test_the_receipt_roll_width_is_set_per_computer(qtbot, gui, store):
    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F9)
    page = window.settings
    wait_idle(qtbot, ctx)
    assert page.receipt_mm.currentData() == 58
    page.receipt_mm.setCurrentIndex(page.receipt_mm.findData(80))
    page.save_local()
    wait_idle(qtbot, ctx)
    assert settings.local_prefs(store).receipt_mm == 80
