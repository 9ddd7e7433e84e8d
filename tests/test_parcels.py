"""The parcel desk services, including every piece of bad input the issue names."""

from datetime import date, timedelta

import pytest

from station_app.core import messages as m
from station_app.core import parcels, people, sends, settings, shelves
from station_app.core.errors import UserError
from station_app.core.journal import Store
from station_app.core.verify import verify
from tests.helpers import next_day


def check_in(store, op, number, **kw):
    kw.setdefault("phone", "13812345678")
    kw.setdefault("name", "张三")
    return parcels.check_in(store, op.id, number, **kw)


def test_check_in_guesses_carrier_and_gives_a_pickup_code(shelved, keeper):
    result = check_in(shelved, keeper, "sf 1234567890123")
    p = result.parcel
    assert (p.tracking_no, p.carrier, p.pickup_code) == ("SF1234567890123", "SF", "A-1-0123")
    assert result.carriers == ["SF"]


def test_keeper_may_pick_the_carrier_for_an_ambiguous_number(shelved, keeper):
    result = check_in(shelved, keeper, "1112345678901", carrier="YZPY")
    assert result.carriers[:2] == ["EMS", "YZPY"] and result.parcel.carrier == "YZPY"


def test_unknown_format_checks_in_as_other(shelved, keeper):
    assert check_in(shelved, keeper, "KY1234567890X").parcel.carrier == "OTHER"


@pytest.mark.parametrize("scan", ["", "   ", "!!", "ab", "扫描乱码"])
def test_empty_or_garbage_scan_is_refused_and_changes_nothing(shelved, keeper, scan):
    before = shelved.head()
    with pytest.raises(UserError):
        check_in(shelved, keeper, scan)
    assert shelved.head() == before


def test_second_check_in_of_a_parcel_in_stock_is_refused(shelved, keeper):
    code = check_in(shelved, keeper, "SF1234567890123").parcel.pickup_code
    before = shelved.head()
    with pytest.raises(UserError) as err:
        check_in(shelved, keeper, "SF1234567890123")
    assert err.value.params["code"] == code and shelved.head() == before


def test_a_picked_up_number_may_come_back(shelved, keeper):
    p = check_in(shelved, keeper, "SF1234567890123").parcel
    parcels.pickup(shelved, keeper.id, [p.id])
    assert check_in(shelved, keeper, "SF1234567890123").parcel.status == "in_stock"


def test_ten_digit_phone_is_refused(shelved, keeper):
    before = shelved.head()
    with pytest.raises(UserError):
        check_in(shelved, keeper, "SF1234567890123", phone="1381234567")
    assert shelved.head() == before


def test_last4_needs_a_name_and_matches_the_known_villager(shelved, keeper):
    first = check_in(shelved, keeper, "SF1234567890123").parcel
    with pytest.raises(UserError):
        parcels.check_in(shelved, keeper.id, "YT1234567890123", last4="5678")
    second = parcels.check_in(shelved, keeper.id, "YT1234567890123", last4="5678", name="张三").parcel
    assert second.villager_id == first.villager_id and second.recipient_phone == "13812345678"


def test_last4_and_name_shared_by_two_villagers_asks_for_the_full_phone(shelved, keeper):
    parcels.check_in(shelved, keeper.id, "SF1111111111111", phone="13800001234", name="张伟")
    parcels.check_in(shelved, keeper.id, "SF2222222222222", phone="13900001234", name="张伟")
    before = shelved.head()
    with pytest.raises(UserError) as refused:
        parcels.check_in(shelved, keeper.id, "YT3333333333333", last4="1234", name="张伟")
    assert refused.value.template == m.SAME_NAME_AND_LAST4 and shelved.head() == before
    by_phone = parcels.check_in(shelved, keeper.id, "YT3333333333333", phone="13900001234").parcel
    assert by_phone.recipient_name == "张伟" and by_phone.recipient_phone == "13900001234"


def test_pickup_codes_are_unique_among_parcels_in_stock(shelved, keeper):
    a = check_in(shelved, keeper, "SF1111111110123").parcel
    b = check_in(shelved, keeper, "SF2222222220123").parcel  # same last 4
    assert a.pickup_code != b.pickup_code and a.pickup_code.endswith("0123")


def test_shelves_fill_layer_by_layer_and_a_full_shelf_is_refused(shelved, keeper):
    codes = [check_in(shelved, keeper, f"SF10000000000{i:02d}", shelf="B").parcel.pickup_code
             for i in range(4)]
    assert [c[:3] for c in codes] == ["B-1", "B-1", "B-2", "B-2"]
    before = shelved.head()
    with pytest.raises(UserError) as err:
        check_in(shelved, keeper, "SF1000000000099", shelf="B")
    assert err.value.template == m.SHELF_FULL and err.value.params == {"shelf": "B"}
    assert shelved.head() == before


def test_a_taken_code_moves_the_parcel_to_the_next_layer(shelved, keeper):
    first = check_in(shelved, keeper, "SF1111111110123", shelf="B").parcel
    second = check_in(shelved, keeper, "YT2222222220123", shelf="B").parcel
    assert (first.pickup_code, second.pickup_code) == ("B-1-0123", "B-2-0123")


def test_room_freed_at_the_front_is_used_first(shelved, keeper):
    # Check-ins resume their search where the one before stopped; a pickup in between must
    # send the next parcel back to the room it freed, and another store's write likewise.
    first = [check_in(shelved, keeper, f"SF10000000001{i:02d}").parcel for i in range(5)]
    assert [p.pickup_code[:3] for p in first] == ["A-1"] * 3 + ["A-2"] * 2
    parcels.pickup(shelved, keeper.id, [first[0].id])
    assert check_in(shelved, keeper, "SF1000000000200").parcel.pickup_code.startswith("A-1-")
    assert check_in(shelved, keeper, "SF1000000000201").parcel.pickup_code.startswith("A-2-")
    other = Store(shelved.engine, shelved.clock)  # a second process on the same file
    parcels.pickup(other, keeper.id, [first[1].id])
    assert check_in(shelved, keeper, "SF1000000000202").parcel.pickup_code.startswith("A-1-")


def test_every_shelf_full(store, keeper):
    shelves.add_shelf(store, keeper.id, "A", 1, 1)
    check_in(store, keeper, "SF1000000000001")
    with pytest.raises(UserError) as err:
        check_in(store, keeper, "SF1000000000002")
    assert err.value.template == m.ALL_SHELVES_FULL


def test_no_shelves_yet_and_an_unknown_shelf(store, keeper):
    with pytest.raises(UserError) as err:
        check_in(store, keeper, "SF1000000000001")
    assert err.value.template == m.NO_SHELVES
    shelves.add_shelf(store, keeper.id, "A", 1, 1)
    with pytest.raises(UserError) as err:
        check_in(store, keeper, "SF1000000000001", shelf="Q")
    assert err.value.template == m.UNKNOWN_SHELF


def test_find_by_code_phone_last4_name_initials_and_scan(shelved, keeper):
    p = check_in(shelved, keeper, "SF1234567890123", name="张三明").parcel
    check_in(shelved, keeper, "YT9999999999999", phone="13900000000", name="李四")
    for query in (p.pickup_code, p.pickup_code.replace("-", "").lower(), "13812345678", "5678",
                  "张三", "zsm", "ZS", "SF1234567890123"):
        assert [x.id for x in parcels.find_in_stock(shelved, query)] == [p.id], query


def test_wrong_pickup_code_is_refused(shelved, keeper):
    check_in(shelved, keeper, "SF1234567890123")
    with pytest.raises(UserError):
        parcels.find_in_stock(shelved, "A-1-9999")


def test_pickup_several_at_once_and_by_proxy(shelved, keeper, station):
    ids = [check_in(shelved, keeper, n).parcel.id for n in ("SF1234567890123", "YT1234567890123")]
    parcels.pickup(shelved, keeper.id, ids, proxy_name="张小三")
    assert parcels.find_in_stock(shelved, "5678") == []
    with station.store.read() as conn:
        row = conn.exec_driver_sql("SELECT collected_by, proxy, parcel_count FROM pickup").one()
    assert tuple(row) == ("张小三", 1, 2)
    with pytest.raises(UserError):  # already gone
        parcels.pickup(shelved, keeper.id, ids[:1])
    assert verify(shelved).ok


def test_overdue_fee_and_storage_fee_in_the_ledger(shelved, keeper, clock, station):
    settings.change_settings(shelved, keeper.id, free_days=2, overdue_fee_fen=100)
    p = check_in(shelved, keeper, "SF1234567890123").parcel
    next_day(shelved, keeper.id, clock, days=5)
    [late] = parcels.overdue(shelved)
    assert (late.id, late.days_held, late.fee_due_fen) == (p.id, 5, 300)
    parcels.pickup(shelved, keeper.id, [p.id], fee_fen=late.fee_due_fen, method="wechat")
    with station.store.read() as conn:
        line = conn.exec_driver_sql("SELECT category, method, in_fen FROM ledger_line").one()
    assert tuple(line) == ("storage_fee", "wechat", 300)


def test_return_to_courier_needs_a_reason(shelved, keeper):
    p = check_in(shelved, keeper, "SF1234567890123").parcel
    with pytest.raises(UserError):
        parcels.return_to_courier(shelved, keeper.id, [p.id], " ")
    parcels.return_to_courier(shelved, keeper.id, [p.id], "超期")
    assert parcels.find_in_stock(shelved, "5678") == []


def test_stocktake_finds_missing_and_unexpected(shelved, keeper):
    a = check_in(shelved, keeper, "SF1234567890123").parcel
    b = check_in(shelved, keeper, "YT1234567890123").parcel
    result = parcels.stocktake(shelved, keeper.id, [a.tracking_no, a.tracking_no, "JT0001234567890"])
    assert result.expected == 2 and result.found == [a.tracking_no]
    assert [p.id for p in result.missing] == [b.id] and result.unexpected == ["JT0001234567890"]


def test_arrival_list_masks_names_and_phones(shelved, keeper, clock):
    check_in(shelved, keeper, "SF1234567890123", name="张三明")
    text = parcels.arrival_text(parcels.arrivals(shelved, clock.now().date()), "今日到件")
    assert "张*明" in text and "138****5678" in text and "13812345678" not in text
    assert parcels.arrivals(shelved, clock.now().date() - timedelta(days=1)) == []


def test_month_counts_per_carrier(shelved, keeper, clock):
    p = check_in(shelved, keeper, "SF1234567890123").parcel
    check_in(shelved, keeper, "YT1234567890123")
    parcels.pickup(shelved, keeper.id, [p.id])
    counts = {c.carrier: c for c in parcels.carrier_counts(shelved, "2026-11")}
    assert (counts["SF"].checked_in, counts["SF"].picked_up, counts["YTO"].checked_in) == (1, 1, 1)
    assert parcels.carrier_counts(shelved, "2026-10") == []


def test_only_a_keeper_changes_settings_and_shelves(shelved, assistant):
    with pytest.raises(UserError):
        settings.change_settings(shelved, assistant.id, free_days=9)
    with pytest.raises(UserError):
        shelves.add_shelf(shelved, assistant.id, "C", 2, 2)


def test_login(store, keeper):
    assert people.login(store, keeper.id, "1234") == keeper
    with pytest.raises(UserError):
        people.login(store, keeper.id, "9999")


def test_villager_search(shelved, keeper):
    check_in(shelved, keeper, "SF1234567890123", name="张三明")
    for query in ("张三", "zsm", "138", "5678"):
        assert [v.name for v in people.find_villagers(shelved, query)] == ["张三明"], query


def send(store, op, **kw):
    values = dict(sender_name="赵六", sender_phone="13900001111", receiver_name="钱七",
                  receiver_phone="021-5555", receiver_address="上海市浦东新区", item="枸杞 5斤",
                  weight_g=2500, carrier="SF", fee_fen=1800, id_checked=True, inspected=True)
    values.update(kw)
    return sends.accept_send(store, op.id, **values)


def test_send_needs_id_check_and_inspection(store, keeper):
    before = store.head()
    for missing in ("id_checked", "inspected"):
        with pytest.raises(UserError):
            send(store, keeper, **{missing: False})
    assert store.head() == before


def test_send_fee_refund_and_manifest(store, keeper, station):
    a = send(store, keeper)
    b = send(store, keeper, fee_fen=1000, method="wechat")
    send(store, keeper, carrier="ZTO")
    sends.cancel_send(store, keeper.id, b.id, "不寄了")
    sends.set_tracking(store, keeper.id, a.id, "SF9999999999999")
    manifest = sends.hand_over(store, keeper.id, "SF", courier_name="刘师傅")
    assert [s.id for s in manifest.sends] == [a.id] and manifest.sends[0].tracking_no == "SF9999999999999"
    with pytest.raises(UserError):
        sends.hand_over(store, keeper.id, "SF")
    with pytest.raises(UserError):
        sends.cancel_send(store, keeper.id, a.id, "太晚")
    with station.store.read() as conn:
        lines = conn.exec_driver_sql("SELECT category, in_fen, out_fen FROM ledger_line ORDER BY seq").all()
    assert [tuple(x) for x in lines] == [("send_fee", 1800, 0), ("send_fee", 1000, 0),
                                         ("send_fee", 1800, 0), ("send_refund", 0, 1000)]
    assert verify(store).ok


def test_no_id_number_is_ever_stored(store, keeper):
    send(store, keeper)
    assert all("id_number" not in str(e.payload) for e in store.events())


def test_dates_are_local_days(shelved, keeper, clock):
    """23:30 in China is still the same local day although it is 15:30 UTC."""
    clock.set(clock.now().replace(hour=23, minute=30))
    check_in(shelved, keeper, "SF1234567890123")
    assert len(parcels.arrivals(shelved, date(2026, 11, 20))) == 1
