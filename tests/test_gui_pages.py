"""The other pages as a keeper uses them: sends and the courier hand-over, overdue and returns (a
lazy list), stock-take, settings, and a scan arriving on a page that does not take scans."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from station_app.core import parcels, people, sends, settings, shelves
from station_app.core.verify import verify
from tests.gui import scan, type_, wait_idle


def fill_send(qtbot, keys, page):
    for field, text in ((page.sender_phone, "13812345678"), (page.sender_name, "张三"),
                        (page.receiver_name, "李四"), (page.receiver_phone, "13900000000"),
                        (page.address, "西安市雁塔区1号"), (page.item, "干香菇"),
                        (page.weight, "1.5"), (page.fee, "12")):
        type_(qtbot, keys, field, text, enter=False)


def test_a_send_needs_both_checks_then_waits_for_its_courier(qtbot, gui, store):
    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F3)
    page = window.sends
    assert window.current_page() is page
    fill_send(qtbot, keys, page)
    head = store.head()
    page.accept_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "实名" in page.banner.text()
    page.id_checked.setChecked(True)
    page.accept_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "验视" in page.banner.text()
    assert store.head() == head  # refusals change nothing

    page.inspected.setChecked(True)
    page.carrier.setCurrentIndex(page.carrier.findData("ZTO"))
    page.accept_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    assert page.table.rowCount() == 1 and page.sender_phone.text() == ""
    [waiting] = sends.open_sends(store)
    assert (waiting.weight_g, waiting.fee_fen, waiting.carrier) == (1500, 1200, "ZTO")

    page.collect("ZTO", "王师傅")
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and page.table.rowCount() == 0
    assert page.paper is not None and page.paper.pages and "王师傅" not in page.paper.text.toPlainText()
    assert "李四" in page.paper.text.toPlainText()
    page.paper.close()
    assert sends.open_sends(store) == [] and verify(store).ok


def test_a_send_taken_back_is_refunded(qtbot, gui, store, keeper, monkeypatch):
    window, ctx, keys = gui
    sends.accept_send(store, keeper.id, sender_name="张三", sender_phone="13812345678",
                      receiver_name="李四", receiver_phone="13900000000", receiver_address="西安",
                      item="衣服", weight_g=800, carrier="SF", fee_fen=1000, id_checked=True,
                      inspected=True)
    window.show_page(window.sends)
    wait_idle(qtbot, ctx)
    page = window.sends
    page.cancel_button.click()
    assert page.banner.kind == "info"  # nothing selected yet
    page.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("不寄了", True))
    page.cancel_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "¥10.00" in page.banner.text()
    assert sends.open_sends(store) == []


def test_a_waybill_scanned_into_a_send_is_its_tracking_number(qtbot, gui):
    window, ctx, keys = gui
    window.show_page(window.sends)
    page = window.sends
    type_(qtbot, keys, page.sender_phone, "13812345678", enter=False)
    scan(qtbot, keys, page.sender_phone, "ZT7300012345678")
    assert page.tracking.text() == "ZT7300012345678" and page.sender_phone.text() == "13812345678"


@pytest.fixture
def big_shelf(store, keeper):
    shelves.add_shelf(store, keeper.id, "D", 9, 500)
    return "D"


def test_overdue_list_loads_page_by_page_and_returns_what_is_ticked(qtbot, gui, store, keeper,
                                                                     clock, big_shelf):
    window, ctx, keys = gui
    old = []
    for n in range(60):
        clock.advance(seconds=30)
        old.append(parcels.check_in(store, keeper.id, f"YT{n:013d}", phone=f"138{n:08d}",
                                    name="张三", shelf=big_shelf).parcel)
    clock.advance(days=5)
    fresh = parcels.check_in(store, keeper.id, "SF1234567890123", phone="13900000000",
                             name="李四", shelf=big_shelf).parcel
    page = window.overdue
    page.model.page_size = 5
    window.show_page(page)
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() >= 5 and ctx.worker.pending == 0)
    assert model.rowCount() < 60  # only what the view shows was read
    while not model.complete:  # the keeper scrolls down; each time the next page arrives
        before = model.rowCount()
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() > before or model.complete)
    assert model.rowCount() == 60
    assert [p.id for p in model.rows] == [p.id for p in old]  # oldest first, none twice
    assert model.rows[0].fee_due_fen == 100 and model.rows[0].days_held == 5

    scan(qtbot, keys, page.scan, fresh.tracking_no)  # refused at the door: not overdue, still returnable
    wait_idle(qtbot, ctx)
    assert model.rows[0].id == fresh.id and "60 " in page.count.text()
    model.setData(model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    page.reason.setCurrentText("收件人拒收")
    page.return_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    assert parcels.find_by_tracking(store, fresh.tracking_no).status == parcels.RETURNED
    assert parcels.find_by_tracking(store, old[0].tracking_no).status == parcels.RETURNED
    # The list starts again from the top (as many pages as the view needs), without the two.
    qtbot.waitUntil(lambda: ctx.worker.pending == 0 and model.rowCount() >= 5)
    ids = [p.id for p in model.rows]
    assert ids == [p.id for p in old[1:len(ids) + 1]]
    assert verify(store).ok


def test_stocktake_names_what_is_missing_and_what_should_not_be_there(qtbot, gui, store, keeper):
    window, ctx, keys = gui
    a, b, c = (parcels.check_in(store, keeper.id, n, phone="13812345678", name="张三").parcel
               for n in ("SF1234567890123", "YT1234567890123", "JT1234567890123"))
    parcels.pickup(store, keeper.id, [c.id])
    qtbot.keyClick(window, Qt.Key.Key_F5)
    page = window.stocktake
    for number in (a.tracking_no, c.tracking_no, "ZT7399999999999", a.tracking_no):
        scan(qtbot, keys, page.scan, number)
        wait_idle(qtbot, ctx)
    assert page.banner.kind == "info" and "已经扫过" in page.banner.text()
    assert page.scanned_table.rowCount() == 3
    assert "已于" in page.scanned_table.item(1, 3).text()  # the picked-up one says when
    page.finish_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "缺失 1 件" in page.banner.text()
    assert page.missing_table.rowCount() == 1 and page.missing_table.item(0, 0).text() == b.pickup_code
    assert page.unexpected_table.rowCount() == 2
    assert page.tabs.currentWidget() is page.missing_table
    assert page.shelf_model.rowCount() == 2  # the lazy shelf list holds what is in stock


def test_settings_are_the_keepers(qtbot, gui, store, keeper, assistant):
    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F9)
    page = window.settings
    wait_idle(qtbot, ctx)
    assert page.station_name.text() and page.shelf_table.rowCount() == 2

    page.free_days.setValue(5)
    page.fee.setText("1")
    page.save_station()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok"
    assert (settings.station_settings(store).free_days,
            settings.station_settings(store).overdue_fee_fen) == (5, 100)

    page.shelf_code.setText("d")
    page.layers.setValue(2)
    page.per_layer.setValue(40)
    page.save_shelf()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and page.shelf_table.rowCount() == 3

    page.op_name.setText("赵六")
    page.op_pin.setText("2468")
    page.op_pin2.setText("2469")
    page.add_operator()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "不一样" in page.banner.text()
    page.op_pin2.setText("2468")
    page.add_operator()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and page.operator_table.rowCount() == 3
    assert people.login(store, people.operators(store)[-1].id, "2468").name == "赵六"

    page.idle.setValue(3)
    page.save_local()
    wait_idle(qtbot, ctx)
    assert settings.local_prefs(store).idle_lock_min == 3

    ctx.operator = assistant
    head = store.head()
    page.free_days.setValue(9)
    page.save_station()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "站长" in page.banner.text()
    page.save_local()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head


def test_a_scan_on_a_page_without_a_scan_field_is_looked_up(qtbot, gui, store, keeper, monkeypatch):
    window, ctx, keys = gui
    p = parcels.check_in(store, keeper.id, "SF1234567890123", phone="13812345678", name="张三").parcel
    window.show_page(window.settings)
    wait_idle(qtbot, ctx)
    scan(qtbot, keys, window.settings.station_name, p.tracking_no)
    wait_idle(qtbot, ctx)
    assert window.current_page() is window.pickup
    assert [x.id for x in window.pickup.ticked()] == [p.id]

    window.show_page(window.sends)  # an empty send form does not take scans either
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    scan(qtbot, keys, window.sends.sender_phone, "YT9999999999999")
    wait_idle(qtbot, ctx)
    assert window.current_page() is window.checkin
    assert window.checkin.scan.text() == "YT9999999999999"


def test_the_drawer_page_moves_cash_and_closes_the_day_once(qtbot, gui, store, monkeypatch):
    from station_app.core import drawer

    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F8)
    page = window.drawer
    assert window.current_page() is page
    wait_idle(qtbot, ctx)
    assert page.work_row.isVisibleTo(page) and not page.open_row.isVisibleTo(page)
    assert "¥200.00" in page.status.text()

    head = store.head()
    type_(qtbot, keys, page.move_amount, "-5", enter=False)
    type_(qtbot, keys, page.move_reason, "存银行", enter=False)
    page.direction.setCurrentIndex(page.direction.findData("out"))
    page.move_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head  # not an amount: nothing changes
    page.move_amount.clear()
    type_(qtbot, keys, page.move_amount, "50", enter=False)
    page.move_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    assert "¥150.00" in page.status.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    type_(qtbot, keys, page.counted, "149.50")
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "-¥0.50" in page.banner.text()
    assert page.history.item(0, 5).text() == "-¥0.50"
    assert drawer.current(store) is None

    # A customer after the close: told what happened and what to do, then served in a new
    # session (交班) of the same day with its own Z number.
    window.show_page(window.services)
    window.services.kind.setCurrentIndex(window.services.kind.findData("printing"))
    type_(qtbot, keys, window.services.amount, "2")
    type_(qtbot, keys, window.services.fee, "0")
    type_(qtbot, keys, window.services.card, "", enter=True)
    type_(qtbot, keys, window.services.description, "复印", enter=True)
    wait_idle(qtbot, ctx)
    assert "已日结" in window.services.banner.text() and "新班次" in window.services.banner.text()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    wait_idle(qtbot, ctx)
    assert not page.work_row.isVisibleTo(page) and page.open_button.text() == "开新班次"
    type_(qtbot, keys, page.float_edit, "149.50")
    wait_idle(qtbot, ctx)
    assert page.work_row.isVisibleTo(page) and drawer.current(store).float_fen == 14950
    assert [d.z_no for d in drawer.sessions(store)] == [None, 1]
    assert verify(store).ok


def test_bill_payment_taken_guessed_and_refunded_when_it_fails(qtbot, gui, store, monkeypatch):
    from station_app.core import bills

    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F10)
    page = window.bills
    assert window.current_page() is page
    type_(qtbot, keys, page.account, "13812345678", enter=False)
    page.guess_provider()
    assert page.provider.text() == "中国移动"
    type_(qtbot, keys, page.holder, "张三", enter=False)
    type_(qtbot, keys, page.amount, "0", enter=False)
    head = store.head()
    page.take_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head  # ¥0 changes nothing
    page.amount.clear()
    type_(qtbot, keys, page.amount, "50", enter=False)
    type_(qtbot, keys, page.fee, "1", enter=False)
    page.take_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    assert page.table.rowCount() == 1 and page.table.item(0, 6).text() == "待确认"

    page.table.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("号码停机", True))
    page.mark_failed()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "¥51.00" in page.banner.text()
    assert page.table.item(0, 6).text() == "失败已退款"
    [bill] = bills.recent(store)
    assert bill.status == "failed"

    type_(qtbot, keys, page.account, "13812345678", enter=False)
    page.same_as_last_time()
    wait_idle(qtbot, ctx)
    assert (page.holder.text(), page.amount.text()) == ("张三", "50.00")
    assert verify(store).ok


def test_pos_withdrawal_needs_the_card_and_cash_in_the_drawer(qtbot, gui, store):
    from station_app.core import drawer

    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F11)
    page = window.services
    assert window.current_page() is page and page.card.isEnabled()
    head = store.head()
    type_(qtbot, keys, page.amount, "300", enter=False)
    page.record_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "银行卡后四位" in page.banner.text()
    type_(qtbot, keys, page.card, "6217", enter=False)
    page.record_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "¥200.00" in page.banner.text()  # the float is ¥200
    assert store.head() == head
    page.amount.clear()
    type_(qtbot, keys, page.amount, "150", enter=False)
    page.record_button.click()
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    assert page.table.rowCount() == 1 and page.table.item(0, 2).text() == "****6217"
    assert drawer.current(store).expected_fen == 5000


def test_a_receipt_is_laid_out_for_this_pcs_roll_and_sent_to_the_printer(qtbot, gui, store,
                                                                         monkeypatch):
    from station_app.ui import printing

    window, ctx, keys = gui
    printed = []
    monkeypatch.setattr(printing, "print_pages", lambda parent, pages, title: printed.append(
        (pages, title)))
    page = window.services
    window.show_page(page)
    type_(qtbot, keys, page.amount, "2", enter=False)
    page.kind.setCurrentIndex(page.kind.findData("printing"))
    page.record_button.click()
    wait_idle(qtbot, ctx)
    page.table.selectRow(0)
    page.print_current()
    wait_idle(qtbot, ctx)
    [(pages, title)] = printed
    assert title == "收据" and pages[0].width == 58
    assert any(getattr(item, "text", "") == "服务收据" for item in pages[0].items)
