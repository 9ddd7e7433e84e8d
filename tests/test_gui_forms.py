"""Every form after a mistake (issue 19, item 4): Enter walks a form and submits it, messages
belong to the page and the moment, the wording fits the page, required answers are asked again,
and an assistant is told before filling a keeper-only form."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from station_app.core import bills, other_services
from tests.gui import scan, type_, wait_idle


def test_enter_walks_the_bill_form_and_takes_the_payment(qtbot, gui, store):
    window, ctx, keys = gui
    qtbot.keyClick(window, Qt.Key.Key_F10)
    page = window.bills
    wait_idle(qtbot, ctx)
    page.account.setFocus()
    type_(qtbot, keys, page.account, "13812345678")
    assert page.provider.text() == "中国移动"  # filled in from the number: Enter goes past it
    for field, text in ((page.holder, "张三"), (page.amount, "50"), (page.fee, "1")):
        assert field.hasFocus()
        type_(qtbot, keys, field, text)
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok", page.banner.text()
    # nothing typed for the holder landed in 缴费单位
    assert [(b.account, b.provider, b.holder) for b in bills.recent(store, 5)] == [
        ("13812345678", "中国移动", "张三")]


def test_messages_belong_to_the_page_and_the_moment(qtbot, gui, store):
    window, ctx, keys = gui
    page = window.checkin
    type_(qtbot, keys, page.scan, "!!")
    assert page.banner.kind == "error"
    type_(qtbot, keys, page.scan, "S", enter=False)  # the keeper corrects it: the red goes
    assert page.banner.text().strip() == ""
    type_(qtbot, keys, page.scan, "!!")
    window.show_page(window.pickup)
    window.show_page(window.checkin)
    assert page.banner.text().strip() == ""  # left and come back: not an old refusal


def test_a_full_unknown_phone_asks_for_the_name_in_its_own_words(qtbot, gui, store):
    window, ctx, keys = gui
    page = window.checkin
    type_(qtbot, keys, page.scan, "SF1357924680135")
    type_(qtbot, keys, page.phone, "13700001111")
    type_(qtbot, keys, page.name, "", enter=True)
    wait_idle(qtbot, ctx)
    assert page.banner.text() == "13700001111 是新号码：请同时填写姓名。"
    assert page.name.hasFocus() and "尾号" not in page.banner.text()


def test_an_empty_reason_brings_the_question_back(qtbot, gui, store, keeper, monkeypatch):
    window, ctx, keys = gui
    other_services.record(store, keeper.id, kind="printing", amount_fen=200)
    asked = []
    replies = ["  ", "打印重复了"]

    def get_text(_parent, _title, label, *a, **k):
        asked.append(label)
        return replies.pop(0), True
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window.show_page(window.ledger)
    page = window.ledger
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() > 0)
    page.table.selectRow(0)
    page.void()
    wait_idle(qtbot, ctx)
    assert len(asked) == 2 and "不能空着" in asked[1]
    assert page.banner.kind == "ok", page.banner.text()


def test_an_assistant_is_told_before_filling_the_settings(qtbot, gui, store, assistant):
    window, ctx, keys = gui
    ctx.operator = assistant
    window.show_page(window.settings)
    wait_idle(qtbot, ctx)
    page = window.settings
    assert not any(box.isEnabled() for box in page.keeper_only)
    assert page.banner.text() == "只有站长可以修改设置。"


def test_a_half_done_parcel_is_not_dropped_without_a_word(qtbot, gui, store):
    window, ctx, keys = gui
    page = window.checkin
    scan(qtbot, keys, page.scan, "YT7412589630147")
    type_(qtbot, keys, page.phone, "1381", enter=False)  # the keeper is interrupted
    scan(qtbot, keys, page.phone, "SF2468013579246")
    wait_idle(qtbot, ctx)
    assert page.scan.text() == "SF2468013579246" and page.phone.text() == ""
    assert "YT7412589630147 还没有入库" in page.banner.text()


def test_an_account_scanned_on_the_bill_page_fills_the_account(qtbot, gui, store):
    window, ctx, keys = gui
    window.show_page(window.bills)
    page = window.bills
    wait_idle(qtbot, ctx)
    page.account.setFocus()
    scan(qtbot, keys, page.account, "5828287788")
    wait_idle(qtbot, ctx)
    assert page.account.text() == "5828287788" and page.holder.hasFocus()
    assert window.current_page() is page
