"""The counter as a keeper uses it: a scanner burst, a check-in, pickups by code and by phone.

Timing is simulated through the scanner filter's clock, so a "scanner" types 5 ms apart and a
"person" 200 ms apart, with no sleeps. Waiting is on the DB worker going idle.
"""

from PySide6.QtCore import Qt

from station_app.core import parcels
from station_app.core.verify import verify
from tests.gui import scan, type_, wait_idle


def test_scan_burst_lands_in_the_scan_field_wherever_the_cursor_is(qtbot, gui):
    window, ctx, keys = gui
    page = window.checkin
    page.phone.setFocus()
    scan(qtbot, keys, page.phone, "SF1234567890123")
    assert page.scan.text() == "SF1234567890123"
    assert page.phone.text() == ""  # the burst was taken back out of the phone field
    assert page.carrier.currentData() == "SF"


def test_typing_is_not_mistaken_for_a_scan(qtbot, gui):
    window, ctx, keys = gui
    page = window.checkin
    type_(qtbot, keys, page.phone, "13812345678", enter=False)
    assert page.phone.text() == "13812345678" and page.scan.text() == ""


def test_scan_check_in_then_pickup_by_code(qtbot, gui, store):
    window, ctx, keys = gui
    page = window.checkin
    scan(qtbot, keys, page.scan, "SF1234567890123")
    type_(qtbot, keys, page.phone, "13812345678")
    type_(qtbot, keys, page.name, "张三")
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "ok" and "A-1-0123" in page.banner.text(), page.banner.text()
    assert "入库成功" in page.banner.text()
    assert len(page.batch) == 1 and page.scan.hasFocus()

    qtbot.keyClick(window, Qt.Key.Key_F2)
    pickup = window.pickup
    assert window.current_page() is pickup
    type_(qtbot, keys, pickup.search, "A-1-0123")
    wait_idle(qtbot, ctx)
    assert [p.pickup_code for p in pickup.ticked()] == ["A-1-0123"]
    qtbot.keyClick(pickup.search, Qt.Key.Key_Return)  # Enter again hands over
    wait_idle(qtbot, ctx)
    assert pickup.banner.kind == "ok" and "已取件 1 件" in pickup.banner.text()
    assert parcels.find_in_stock(store, "5678") == []
    assert verify(store).ok


def test_pickup_by_phone_last4_choosing_some_and_by_proxy(qtbot, gui, store, keeper):
    window, ctx, keys = gui
    for number in ("SF1234567890123", "YT1234567890123"):
        parcels.check_in(store, keeper.id, number, phone="13812345678", name="张三")
    window.show_page(window.pickup)
    pickup = window.pickup
    type_(qtbot, keys, pickup.search, "5678")
    wait_idle(qtbot, ctx)
    assert len(pickup.ticked()) == 2
    pickup.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    type_(qtbot, keys, pickup.proxy, "张小三")
    wait_idle(qtbot, ctx)
    assert pickup.banner.kind == "ok"
    left = parcels.find_in_stock(store, "5678")
    assert len(left) == 1


def test_scanning_parcels_at_the_pickup_desk_builds_up_one_hand_over(qtbot, gui, store, keeper):
    window, ctx, keys = gui
    a = parcels.check_in(store, keeper.id, "SF1234567890123", phone="13812345678", name="张三").parcel
    b = parcels.check_in(store, keeper.id, "YT1111111111111", phone="13900000000", name="李四").parcel
    window.show_page(window.pickup)
    scan(qtbot, keys, window.pickup.search, a.tracking_no)
    wait_idle(qtbot, ctx)
    scan(qtbot, keys, window.pickup.search, b.tracking_no)
    wait_idle(qtbot, ctx)
    assert {p.id for p in window.pickup.ticked()} == {a.id, b.id}


def test_wrong_code_and_garbage_scan_say_so_in_chinese_and_change_nothing(qtbot, gui, store, keeper):
    window, ctx, keys = gui
    parcels.check_in(store, keeper.id, "SF1234567890123", phone="13812345678", name="张三")
    head = store.head()
    window.show_page(window.pickup)
    type_(qtbot, keys, window.pickup.search, "A-1-9999")
    wait_idle(qtbot, ctx)
    assert window.pickup.banner.kind == "error" and "没有取件码" in window.pickup.banner.text()
    window.show_page(window.checkin)
    type_(qtbot, keys, window.checkin.scan, "!!")
    assert window.checkin.banner.kind == "error" and "不是快递单号" in window.checkin.banner.text()
    type_(qtbot, keys, window.checkin.scan, "SF1234567890123")
    type_(qtbot, keys, window.checkin.phone, "1381234567")  # ten digits
    type_(qtbot, keys, window.checkin.name, "张三")
    wait_idle(qtbot, ctx)
    assert window.checkin.banner.kind == "error" and "不是手机号" in window.checkin.banner.text()
    assert store.head() == head


def test_duplicate_check_in_is_refused_at_scan_time(qtbot, gui, store, keeper):
    """Said when the waybill is scanned, before the keeper types a phone and a name for it."""
    window, ctx, keys = gui
    parcels.check_in(store, keeper.id, "SF1234567890123", phone="13812345678", name="张三")
    head = store.head()
    page = window.checkin
    scan(qtbot, keys, page.scan, "SF1234567890123")
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and "已经在架上" in page.banner.text()
    assert page.scan.hasFocus() and page.scan.selectedText() == "SF1234567890123"
    type_(qtbot, keys, page.name, "张三")  # Enter anyway: the service refuses it too
    wait_idle(qtbot, ctx)
    assert page.banner.kind == "error" and store.head() == head


def test_checking_in_an_agent_purchase_tells_the_keeper_whose_it_is(qtbot, gui, store, keeper):
    from station_app.core import purchases

    p = purchases.request(store, keeper.id, name="王五", phone="13700001111", items="电饭煲",
                          platform="pdd", price_fen=15900, service_fee_fen=500, deposit_fen=5000)
    purchases.mark_ordered(store, keeper.id, p.id, "PDD-1")
    purchases.mark_shipped(store, keeper.id, p.id, "YT7000000000001")
    window, ctx, keys = gui
    page = window.checkin
    scan(qtbot, keys, page.scan, "YT7000000000001")
    type_(qtbot, keys, page.phone, "13700001111")
    wait_idle(qtbot, ctx)
    type_(qtbot, keys, page.name, "王五")
    wait_idle(qtbot, ctx)
    text = page.banner.text()
    assert page.banner.kind == "ok" and "代购" in text and "王五" in text and "¥114.00" in text, text
    assert purchases.get(store, p.id).status == "arrived"
