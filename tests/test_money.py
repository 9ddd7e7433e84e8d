"""The money services: purchases, produce, bills, other services, the drawer, voids, and every
piece of bad input the issue names."""

import pytest

from station_app.core import (bills, drawer, messages as m, other_services, parcels, produce,
                              purchases, voids)
from station_app.core.errors import UserError
from station_app.core.verify import verify
from tests.helpers import next_day


def lines(store, record_id=None):
    sql = "SELECT category, method, in_fen, out_fen FROM ledger_line"
    with store.read() as conn:
        if record_id:
            return [tuple(r) for r in conn.exec_driver_sql(
                sql + " WHERE record_id = ? ORDER BY seq, rowid", (record_id,))]
        return [tuple(r) for r in conn.exec_driver_sql(sql + " ORDER BY seq, rowid")]


def net(store, record_id):
    return sum(i - o for _, _, i, o in lines(store, record_id))


def refused(template, fn, *args, store=None, **kw):
    before = store.head() if store else None
    with pytest.raises(UserError) as err:
        fn(*args, **kw)
    assert err.value.template == template
    if store:
        assert store.head() == before


def buy(store, op, **kw):
    values = dict(name="张三", phone="13812345678", items="电饭煲", platform="pdd",
                  price_fen=15900, shipping_fen=0, service_fee_fen=500, deposit_fen=5000)
    values.update(kw)
    return purchases.request(store, op.id, **values)


# agent purchases

def test_purchase_arrives_by_itself_at_check_in_and_hands_over_with_its_parcel(shelved, keeper):
    p = buy(shelved, keeper)
    purchases.mark_ordered(shelved, keeper.id, p.id, "PDD-2026-1", paid_with="wechat")
    assert purchases.mark_shipped(shelved, keeper.id, p.id, "YT7000000000001") == "shipped"
    result = parcels.check_in(shelved, keeper.id, "YT7000000000001", phone="13812345678")
    assert result.purchase.id == p.id and result.purchase.villager_name == "张三"
    assert purchases.get(shelved, p.id).status == "arrived"
    assert purchases.hand_over(shelved, keeper.id, p.id) == 15900 + 500 - 5000
    assert parcels.find_in_stock(shelved, "5678") == []
    assert purchases.get(shelved, p.id).status == "handed_over"
    assert net(shelved, p.id) == 500  # the service fee is what stays with the station
    assert verify(shelved).ok


def test_a_parcel_already_on_the_shelf_completes_the_purchase_when_shipped(shelved, keeper):
    p = buy(shelved, keeper)
    purchases.mark_ordered(shelved, keeper.id, p.id, "PDD-2")
    parcels.check_in(shelved, keeper.id, "YT7000000000002", phone="13812345678")
    assert purchases.mark_shipped(shelved, keeper.id, p.id, "YT7000000000002") == "arrived"


def test_cancel_and_return_refund_the_deposit(shelved, keeper):
    early = buy(shelved, keeper)
    purchases.cancel(shelved, keeper.id, early.id, "不要了")
    assert net(shelved, early.id) == 0
    late = buy(shelved, keeper, deposit_method="wechat")
    purchases.mark_ordered(shelved, keeper.id, late.id, "PDD-3", paid_with="alipay")
    purchases.mark_shipped(shelved, keeper.id, late.id, "YT7000000000003")
    parcels.check_in(shelved, keeper.id, "YT7000000000003", phone="13812345678")
    purchases.return_goods(shelved, keeper.id, late.id, "尺码不对")
    assert net(shelved, late.id) == 0
    assert ("purchase_refund", "wechat", 0, 5000) in lines(shelved, late.id)
    assert parcels.find_in_stock(shelved, "5678") == []  # back with the courier
    refused(m.PURCHASE_STEP, purchases.hand_over, shelved, keeper.id, late.id, store=shelved)
    assert verify(shelved).ok


def test_purchase_bad_input(store, keeper):
    refused(m.DEPOSIT_TOO_HIGH, buy, store, keeper, deposit_fen=99999, store=store)
    refused(m.MONEY_RANGE, buy, store, keeper, price_fen=0, store=store)
    refused(m.MONEY_RANGE, buy, store, keeper, price_fen=-5, store=store)
    refused(m.UNKNOWN_PLATFORM, buy, store, keeper, platform="ebay", store=store)


# produce

def weigh(store, op, **kw):
    values = dict(name="李四", phone="13900001111", product="枸杞", grade="一级", gross_g=10_500,
                  tare_g=300, deduct_g=200, price_unit="jin", unit_price_fen=2500, method="wechat")
    values.update(kw)
    return produce.take_in(store, op.id, **values)


def test_buyout_intake_pays_the_farmer_by_net_weight(store, keeper):
    intake = weigh(store, keeper)
    assert intake.net_g == 10_000 and intake.amount_fen == 20 * 2500  # 20 斤 at ¥25
    assert lines(store, intake.id) == [("produce_buyout", "wechat", 0, 50000)]
    sale = produce.sell(store, keeper.id, product="枸杞", weight_g=4000, price_unit="kg",
                        unit_price_fen=6000, buyer="宁夏红商贸", method="wechat")
    assert sale.amount_fen == 24000
    [line] = produce.stock(store)
    assert (line.product, line.bought_g, line.sold_g) == ("枸杞", 6000, 4000)
    refused(m.NOT_ENOUGH_PRODUCE, produce.sell, store, keeper.id, product="枸杞", weight_g=6001,
            price_unit="kg", unit_price_fen=6000, buyer="宁夏红商贸", store=store)


def test_consignment_pays_out_after_the_sale_minus_commission(store, keeper):
    intake = weigh(store, keeper, mode="consign", commission_bp=1000, method="cash")
    assert lines(store, intake.id) == []  # nothing paid yet
    produce.sell(store, keeper.id, intake_id=intake.id, weight_g=10_000, price_unit="jin",
                 unit_price_fen=3000, buyer="合作社", channel="coop", method="wechat")
    [c] = produce.consignments(store)
    assert (c.sold_fen, c.commission_fen, c.due_fen) == (60000, 6000, 54000)
    refused(m.PAYOUT_TOO_HIGH, produce.pay_out, store, keeper.id, intake.id, 54001,
            method="wechat", store=store)
    produce.pay_out(store, keeper.id, intake.id, 54000, method="wechat")
    assert produce.consignments(store) == []  # sold out and paid
    assert verify(store).ok


def test_produce_bad_input(store, keeper):
    refused(m.NET_NOT_POSITIVE, weigh, store, keeper, gross_g=500, tare_g=300, deduct_g=200,
            store=store)
    refused(m.WEIGHT_RANGE, weigh, store, keeper, gross_g=0, store=store)
    refused(m.WEIGHT_RANGE, weigh, store, keeper, gross_g=5_000_000, store=store)
    refused(m.MONEY_RANGE, weigh, store, keeper, unit_price_fen=0, store=store)
    refused(m.COMMISSION_RANGE, weigh, store, keeper, mode="consign", commission_bp=9000,
            store=store)
    bought = weigh(store, keeper)
    refused(m.NOT_CONSIGNMENT, produce.pay_out, store, keeper.id, bought.id, 100, store=store)


# bill payments

def test_bill_payment_guesses_the_phone_operator_and_refunds_only_a_failure(store, keeper):
    assert bills.guess_phone_provider("13812345678") == "中国移动"
    assert bills.guess_phone_provider("18612345678") == "中国联通"
    assert bills.guess_phone_provider("19912345678") == "中国电信"
    bill = bills.take_payment(store, keeper.id, kind="phone", account="138 1234 5678",
                              holder="张三", amount_fen=10000, fee_fen=100)
    assert (bill.provider, bill.status) == ("中国移动", "pending")
    assert net(store, bill.id) == 100
    bills.fail_and_refund(store, keeper.id, bill.id, "号码停机")
    assert net(store, bill.id) == 0
    ok = bills.take_payment(store, keeper.id, kind="power", account="0601234567", holder="张三",
                            amount_fen=20000)
    bills.confirm(store, keeper.id, ok.id, reference="SGCC20261120001")
    refused(m.REFUND_SUCCEEDED, bills.fail_and_refund, store, keeper.id, ok.id, "弄错了",
            store=store)
    refused(m.BILL_NOT_PENDING, bills.confirm, store, keeper.id, ok.id, store=store)
    last = bills.last_payment(store, account="0601234567")
    assert (last.kind, last.provider, last.amount_fen) == ("power", "国家电网", 20000)


# other services

def test_pos_withdrawal_pays_cash_from_the_drawer(store, keeper):
    svc = other_services.record(store, keeper.id, kind="pos_cash", amount_fen=15000, fee_fen=200,
                                card_last4="6217")
    assert lines(store, svc.id) == [("pos_card", "card", 15000, 0), ("pos_cash", "cash", 0, 15000),
                                    ("service_fee", "cash", 200, 0)]
    assert drawer.current(store).expected_fen == 20000 - 15000 + 200
    refused(m.DRAWER_SHORT, other_services.record, store, keeper.id, kind="pos_cash",
            amount_fen=10**6, card_last4="6217", store=store)
    refused(m.CARD_LAST4_NEEDED, other_services.record, store, keeper.id, kind="pos_cash",
            amount_fen=100, store=store)


# the drawer

def test_drawer_expected_cash_close_difference_and_z_report(store, keeper):
    bills.take_payment(store, keeper.id, kind="water", account="W-88", holder="王五",
                       amount_fen=3000, fee_fen=100, method="cash")
    other_services.record(store, keeper.id, kind="printing", amount_fen=200, method="wechat")
    drawer.move_cash(store, keeper.id, "out", 1000, "找零存银行")
    assert drawer.current(store).expected_fen == 20000 + 3100 - 1000
    closed = drawer.close_drawer(store, keeper.id, 22000)
    assert (closed.expected_fen, closed.difference_fen, closed.z_no) == (22100, -100, 1)
    z = drawer.z_report(store, closed.id)
    by_method = {t.key: (t.in_fen, t.out_fen) for t in z.by_method}
    assert by_method["wechat"] == (200, 0) and by_method["platform"] == (0, 3000)
    assert {t.key: t.net_fen for t in z.cash_by_category}["cash_short"] == -100
    refused(m.NO_OPEN_DRAWER, drawer.close_drawer, store, keeper.id, 0, store=store)  # twice
    # A customer after the close is told what happened and what to do, not "never opened".
    refused(m.DRAWER_CLOSED_TODAY, bills.take_payment, store, keeper.id, kind="water",
            account="W-88", holder="王五", amount_fen=3000, store=store)


def test_a_customer_after_the_close_is_served_in_a_new_session(store, keeper, clock):
    first = drawer.close_drawer(store, keeper.id, 20000)
    clock.advance(hours=2)
    second = drawer.open_drawer(store, keeper.id, 20000)  # 交班: a new session, same day
    assert second.id != first.id and second.business_date == first.business_date
    bills.take_payment(store, keeper.id, kind="water", account="W-88", holder="王五",
                       amount_fen=3000, fee_fen=100, method="cash")
    closed = drawer.close_drawer(store, keeper.id, 23100)
    assert (closed.z_no, closed.difference_fen) == (2, 0)
    assert drawer.z_report(store, first.id).records == 0  # the first session keeps its own Z
    assert drawer.z_report(store, closed.id).records == 1
    assert drawer.today_closed(store).id == closed.id
    assert [s.z_no for s in drawer.sessions(store)] == [2, 1]
    assert verify(store).ok


def test_yesterdays_open_drawer_must_be_closed_first(store, keeper, clock):
    clock.advance(days=1)
    refused(m.DRAWER_FROM_EARLIER_DAY, other_services.record, store, keeper.id, kind="printing",
            amount_fen=100, store=store)
    refused(m.DRAWER_FROM_EARLIER_DAY, drawer.open_drawer, store, keeper.id, 0, store=store)
    closed = drawer.close_drawer(store, keeper.id, 20000)
    assert closed.business_date == "2026-11-20"
    drawer.open_drawer(store, keeper.id, 20000)
    other_services.record(store, keeper.id, kind="printing", amount_fen=100)


# voids

def test_void_nets_a_record_to_zero_keeper_only_and_once(store, keeper, assistant):
    bill = bills.take_payment(store, keeper.id, kind="phone", account="13812345678",
                              holder="张三", amount_fen=5000, fee_fen=100)
    refused(m.KEEPER_ONLY, voids.void, store, assistant.id, bill.id, "录错", store=store)
    refused(m.REASON_NEEDED, voids.void, store, keeper.id, bill.id, " ", store=store)
    voids.void(store, keeper.id, bill.id, "录错了")
    assert net(store, bill.id) == 0 and len(lines(store, bill.id)) == 6
    refused(m.ALREADY_VOID, voids.void, store, keeper.id, bill.id, "again", store=store)
    refused(m.RECORD_VOIDED, bills.confirm, store, keeper.id, bill.id, store=store)
    assert bills.last_payment(store, account="13812345678") is None
    assert verify(store).ok


def test_a_consignment_with_sales_is_voided_after_them(store, keeper):
    intake = weigh(store, keeper, mode="consign", commission_bp=500)
    sale = produce.sell(store, keeper.id, intake_id=intake.id, weight_g=1000, price_unit="kg",
                        unit_price_fen=5000, buyer="商贩")
    produce.pay_out(store, keeper.id, intake.id, 4000)
    refused(m.VOID_DEPENDENTS_FIRST, voids.void, store, keeper.id, intake.id, "x", store=store)
    refused(m.VOID_PAYOUT_FIRST, voids.void, store, keeper.id, sale.id, "x", store=store)
    with store.read() as conn:
        payout_id = conn.exec_driver_sql("SELECT id FROM produce_payout").scalar()
    for record in (payout_id, sale.id, intake.id):
        voids.void(store, keeper.id, record, "称错了")
    assert produce.stock(store) == []
    assert verify(store).ok


def test_a_void_on_a_later_day_lands_in_that_days_drawer(store, keeper, clock):
    svc = other_services.record(store, keeper.id, kind="printing", amount_fen=300)
    next_day(store, keeper.id, clock)
    voids.void(store, keeper.id, svc.id, "打印失败")
    with store.read() as conn:
        dates = [r[0] for r in conn.exec_driver_sql(
            "SELECT date FROM ledger_line WHERE record_id = ? ORDER BY seq", (svc.id,))]
    assert dates == ["2026-11-20", "2026-11-21"]


# villager history

def test_villager_history_lists_everything_and_what_is_owed_either_way(shelved, keeper):
    from station_app.core import history

    p = buy(shelved, keeper)  # deposit ¥50 held
    parcels.check_in(shelved, keeper.id, "SF1234567890123", phone="13812345678")
    intake = weigh(shelved, keeper, name="张三", phone="13812345678", mode="consign",
                   commission_bp=1000)
    produce.sell(shelved, keeper.id, intake_id=intake.id, weight_g=1000, price_unit="kg",
                 unit_price_fen=3000, buyer="合作社", method="wechat")
    bill = bills.take_payment(shelved, keeper.id, kind="power", account="0601", holder="张三",
                              amount_fen=1000, villager_id=p.villager_id)
    voids.void(shelved, keeper.id, bill.id, "录错")
    h = history.villager_history(shelved, p.villager_id)
    assert h.villager.name == "张三"
    assert sorted(e.kind for e in h.entries) == ["bill", "parcel", "produce", "purchase"]
    assert {e.kind: e.status for e in h.entries}["bill"] == "void"
    assert (h.deposits_held_fen, h.payouts_due_fen) == (5000, 3000 - 300)
    purchases.cancel(shelved, keeper.id, p.id, "不要了")
    assert history.villager_history(shelved, p.villager_id).deposits_held_fen == 0


def test_an_agent_purchases_parcel_is_not_picked_up_without_its_balance(store, keeper, shelved):
    p = purchases.request(store, keeper.id, name="张三", phone="13812345678", items="电饭煲",
                          platform="jd", price_fen=20000, deposit_fen=5000)
    purchases.mark_ordered(store, keeper.id, p.id, "JD1")
    purchases.mark_shipped(store, keeper.id, p.id, "JDX000000000001")
    parcel = parcels.check_in(store, keeper.id, "JDX000000000001", phone="13812345678", name="张三")
    head = store.head()
    with pytest.raises(UserError) as refused:
        parcels.pickup(store, keeper.id, [parcel.parcel.id])
    assert "F6" in str(refused.value.template) and store.head() == head
    assert purchases.hand_over(store, keeper.id, p.id) == 15000
