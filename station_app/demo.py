"""`station-app demo`: a fortnight (or N days) of believable counter activity, all through the
services, so the demo exercises exactly the code a keeper does (and `verify` passes on it)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from station_app.core import messages as m
from station_app.core import (bills, drawer, other_services, parcels, people, produce, purchases,
                              sends, settings, shelves, voids)
from station_app.core.carriers import s10_check_digit
from station_app.core.clock import FixedClock, SystemClock
from station_app.core.errors import UserError
from station_app.core.station import open_station

DEMO_KEEPER, DEMO_KEEPER_PIN = "王站长", "1234"
DEMO_ASSISTANT, DEMO_ASSISTANT_PIN = "李店员", "5678"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "建国 秀英 桂兰 志强 海燕 玉梅 德明 春花 小军 红霞 文华 永福 金凤 丽娟 国庆 淑芬 明亮 雪梅 振华 翠兰 小龙 晓燕 长生 月娥".split()
ITEMS = ["枸杞 5斤", "苹果 一箱", "小米 10斤", "土鸡蛋 60枚", "核桃 3斤", "红枣 5斤", "衣服", "手机配件"]
CITIES = ["西安市雁塔区", "兰州市城关区", "北京市朝阳区", "上海市浦东新区", "广州市天河区", "成都市武侯区"]
# Share of a village's parcels by company, roughly as county statements show it.
CARRIER_WEIGHTS = {"ZTO": 22, "YTO": 18, "YD": 15, "JT": 14, "STO": 10, "YZPY": 8, "JD": 5,
                   "SF": 4, "EMS": 2, "DBL": 1, "OTHER": 1}


def tracking_number(rng: random.Random, carrier: str) -> str:
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    if carrier == "EMS":
        serial = d(8)
        return f"E{rng.choice('ABCDEM')}{serial}{s10_check_digit(serial)}CN"
    return {
        "SF": lambda: "SF" + d(13), "JD": lambda: "JDVA" + d(11), "YTO": lambda: "YT" + d(13),
        "JT": lambda: "JT" + d(13), "DBL": lambda: "DPK" + d(12), "ZTO": lambda: "78" + d(12),
        "STO": lambda: "77" + d(11), "YD": lambda: "43" + d(11), "YZPY": lambda: "98" + d(11),
        "OTHER": lambda: "KY" + d(10) + "X",
    }[carrier]()


@dataclass
class DemoSummary:
    days: int
    villagers: int
    checked_in: int
    picked_up: int
    returned: int
    sends: int
    purchases: int
    produce: int
    bills: int
    services: int
    events: int

    def __str__(self) -> str:
        return (f"demo: {self.days} days, {self.villagers} villagers, {self.checked_in} parcels "
                f"checked in, {self.picked_up} picked up, {self.returned} returned, "
                f"{self.sends} sends, {self.purchases} agent purchases, {self.produce} produce "
                f"intakes, {self.bills} bill payments, {self.services} other services; "
                f"{self.events} journal events. Keeper {DEMO_KEEPER} PIN "
                f"{DEMO_KEEPER_PIN}, assistant {DEMO_ASSISTANT} PIN {DEMO_ASSISTANT_PIN}.")


def fill_demo(data_dir: Path, days: int = 14, seed: int = 1, now: datetime | None = None) -> DemoSummary:
    if days < 1:
        raise ValueError("days must be at least 1")
    rng = random.Random(seed)
    now = (now or SystemClock().now()).astimezone()
    start = (now - timedelta(days=days)).replace(hour=8, minute=0, second=0, microsecond=0)
    clock = FixedClock(start)
    station = open_station(Path(data_dir), clock=clock)
    store = station.store
    if store.head()[0] > 0:
        station.close()
        raise UserError(m.DATA_DIR_NOT_EMPTY)

    keeper = people.create_operator(store, people.SYSTEM, DEMO_KEEPER, people.KEEPER, DEMO_KEEPER_PIN)
    assistant = people.create_operator(store, keeper.id, DEMO_ASSISTANT, people.ASSISTANT,
                                       DEMO_ASSISTANT_PIN)
    settings.change_settings(store, keeper.id, station_name="石门村电商服务站", station_id="610102-001")
    for code in "ABC":
        shelves.add_shelf(store, keeper.id, code, 4, 25)

    villagers = []
    used_phones = set()
    for _ in range(80):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        phone = f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"
        if phone not in used_phones:
            used_phones.add(phone)
            villagers.append((name, phone))

    carriers, weights = zip(*CARRIER_WEIGHTS.items())
    counts = dict(checked_in=0, picked_up=0, returned=0, sends=0, purchases=0, produce=0,
                  bills=0, services=0)
    for day in range(days):
        day_start = start + timedelta(days=day)
        clock.set(day_start.replace(hour=8, minute=rng.randint(0, 30)))
        drawer.open_drawer(store, keeper.id, rng.choice([20000, 30000, 50000]))
        clock.set(day_start.replace(hour=10, minute=rng.randint(0, 40)))
        operator = rng.choice([keeper.id, keeper.id, assistant.id])
        batch = f"demo-{day}"
        for _ in range(rng.randint(30, 90)):
            clock.advance(seconds=rng.randint(4, 20))
            name, phone = rng.choice(villagers)
            carrier = rng.choices(carriers, weights)[0]
            by_last4 = rng.random() < 0.3
            try:
                parcels.check_in(store, operator, tracking_number(rng, carrier),
                                 name=name, phone=None if by_last4 else phone,
                                 last4=phone[-4:] if by_last4 else None, carrier=carrier,
                                 batch_id=batch)
                counts["checked_in"] += 1
            except UserError:
                break  # shelves full: the keeper would stop and make room

        clock.set(day_start.replace(hour=11, minute=rng.randint(0, 30)))
        _demo_money_day(store, keeper.id, operator, rng, villagers, clock, counts)

        # Villagers drop by through the afternoon for what is waiting for them.
        clock.set(day_start.replace(hour=14))
        stock = parcels.in_stock_page(store, limit=10_000)
        bought = {p.parcel_id for p in purchases.open_purchases(store)}  # go out as purchases
        by_villager: dict[str, list] = {}
        for p in stock:
            if p.id in bought:
                continue
            by_villager.setdefault(p.villager_id, []).append(p)
        for group in by_villager.values():
            if clock.now() >= now or rng.random() > 0.55:
                continue
            clock.advance(seconds=rng.randint(30, 300))
            proxy = rng.choice(villagers)[0] if rng.random() < 0.15 else None
            fee = sum(p.fee_due_fen for p in parcels.with_fees_now(store, group))
            parcels.pickup(store, operator, [p.id for p in group], proxy_name=proxy, fee_fen=fee,
                           method=rng.choice(["cash", "wechat"]))
            counts["picked_up"] += len(group)

        for _ in range(rng.randint(1, 6)):
            clock.advance(minutes=rng.randint(3, 20))
            _demo_send(store, operator, rng, villagers)
            counts["sends"] += 1
        clock.set(day_start.replace(hour=17))
        for carrier in {s.carrier for s in sends.open_sends(store)}:
            sends.hand_over(store, keeper.id, carrier, courier_name=rng.choice(SURNAMES) + "师傅")

        # Parcels nobody came for in a week go back with the van.
        stale = [p for p in parcels.overdue(store) if p.days_held >= 7]
        if stale:
            parcels.return_to_courier(store, keeper.id, [p.id for p in stale], "超期无人领取")
            counts["returned"] += len(stale)

        clock.set(day_start.replace(hour=19, minute=rng.randint(0, 30)))
        expected = drawer.current(store).expected_fen
        slip = rng.choice([0, 0, 0, 0, 0, -100, 50, -1000])  # a coin or a note astray
        drawer.close_drawer(store, keeper.id, max(0, expected + slip))

    # Today: the drawer is open, and this morning's sends wait for the courier's round.
    clock.set(max(now.replace(hour=0, minute=1), now - timedelta(hours=2)))
    drawer.open_drawer(store, keeper.id, 30000)
    clock.set(max(clock.now(), now - timedelta(hours=1)))
    for _ in range(3):
        clock.advance(minutes=rng.randint(3, 15))
        _demo_send(store, keeper.id, rng, villagers)
        counts["sends"] += 1

    events = store.head()[0]
    station.close()
    return DemoSummary(days, len(villagers), events=events, **counts)


GOODS = [("电饭煲", 15900), ("化肥 50斤", 9800), ("儿童羽绒服", 12900), ("老年手机", 19900),
         ("蔬菜种子", 2500), ("电动车电瓶", 38000), ("保温壶", 4900)]
PLATFORMS = ["pdd", "pdd", "taobao", "jd", "douyin"]


def _demo_money_day(store, keeper_id: str, operator: str, rng: random.Random,
                    villagers: list[tuple[str, str]], clock, counts: dict) -> None:
    """A day's money at the counter: purchases moving along, produce, bills, other services."""
    step = lambda: clock.advance(minutes=rng.randint(2, 12))  # noqa: E731
    # Yesterday's requests get ordered, ordered ones ship (their parcel comes with the van),
    # arrived ones are collected and the balance paid.
    for p in purchases.open_purchases(store):
        step()
        if p.status == purchases.REQUESTED:
            purchases.mark_ordered(store, keeper_id, p.id, f"{p.platform.upper()}{rng.randint(10**9, 10**10)}",
                                   paid_with=rng.choice(["wechat", "alipay"]))
        elif p.status == purchases.ORDERED:
            number = tracking_number(rng, "YTO")
            purchases.mark_shipped(store, keeper_id, p.id, number)
            buyer = people.villager(store, p.villager_id)
            parcels.check_in(store, operator, number, name=buyer.name, phone=buyer.phone,
                             last4=buyer.phone_last4, carrier="YTO")
            counts["checked_in"] += 1
        elif p.status == purchases.ARRIVED:
            purchases.hand_over(store, operator, p.id, balance_method=rng.choice(["cash", "wechat"]))
    for _ in range(rng.choice([0, 1, 1, 2])):
        step()
        name, phone = rng.choice(villagers)
        item, price = rng.choice(GOODS)
        purchases.request(store, operator, name=name, phone=phone, items=item,
                          platform=rng.choice(PLATFORMS), price_fen=price,
                          shipping_fen=rng.choice([0, 0, 500]), service_fee_fen=rng.choice([300, 500]),
                          deposit_fen=price // 2, deposit_method=rng.choice(["cash", "wechat"]))
        counts["purchases"] += 1

    for _ in range(rng.choice([0, 1, 2, 3])):
        step()
        name, phone = rng.choice(villagers)
        consign = rng.random() < 0.4
        gross = rng.randint(5, 60) * 500
        try:
            produce.take_in(store, operator, name=name, phone=phone,
                            product=rng.choice(produce.PRODUCTS[:6]), grade=rng.choice(produce.GRADES),
                            gross_g=gross + 400, tare_g=400, deduct_g=(gross // 50) // 10 * 10,
                            price_unit="jin", unit_price_fen=rng.choice([600, 800, 1200, 2500, 3000]),
                            mode="consign" if consign else "buyout", commission_bp=800,
                            method=rng.choice(["cash", "wechat"]))
            counts["produce"] += 1
        except UserError:
            pass  # not enough cash in the drawer: the farmer comes back tomorrow
    for line in produce.stock(store):
        if line.bought_g >= 10_000 and rng.random() < 0.5:
            step()
            produce.sell(store, keeper_id, product=line.product, weight_g=line.bought_g,
                         price_unit="kg", unit_price_fen=rng.choice([2000, 3500, 6000]),
                         buyer=rng.choice(["县农产品公司", "宁夏红商贸", "李老板"]),
                         channel=rng.choice(["dealer", "online", "coop"]), method="wechat")
    for c in produce.consignments(store):
        if c.left_g and rng.random() < 0.3:
            step()
            produce.sell(store, keeper_id, intake_id=c.intake.id, weight_g=c.left_g,
                         price_unit="jin", unit_price_fen=c.intake.unit_price_fen + 200,
                         buyer="县电商中心", channel="online", method="wechat")
        elif c.due_fen > 0:
            step()
            produce.pay_out(store, keeper_id, c.intake.id, c.due_fen, method="wechat")

    for _ in range(rng.randint(2, 8)):
        step()
        name, phone = rng.choice(villagers)
        kind = rng.choice(["phone", "phone", "power", "power", "water", "medical", "broadband"])
        account = phone if kind == "phone" else f"{rng.randint(10**9, 10**10)}"
        amount = {"phone": rng.choice([3000, 5000, 10000]), "medical": 38000}.get(
            kind, rng.randint(20, 300) * 100)
        provider = "中国移动" if kind == "phone" and not bills.guess_phone_provider(phone) else None
        bill = bills.take_payment(store, operator, kind=kind, account=account, holder=name,
                                  provider=provider,
                                  amount_fen=amount, fee_fen=rng.choice([0, 0, 100]),
                                  method=rng.choice(["cash", "cash", "wechat"]))
        counts["bills"] += 1
        if rng.random() < 0.93:
            bills.confirm(store, operator, bill.id, reference=f"T{rng.randint(10**11, 10**12)}")
        elif rng.random() < 0.5:
            bills.fail_and_refund(store, operator, bill.id, "平台缴费失败")
    for _ in range(rng.randint(1, 5)):
        step()
        kind = rng.choice(["pos_cash", "printing", "printing", "ticket"])
        amount = {"pos_cash": rng.choice([10000, 20000, 50000]), "printing": rng.choice([50, 100, 200]),
                  "ticket": rng.choice([6500, 12800, 25400])}[kind]
        try:
            svc = other_services.record(store, operator, kind=kind, amount_fen=amount,
                                        fee_fen=500 if kind == "ticket" else 0,
                                        method=rng.choice(["cash", "wechat"]),
                                        card_last4=f"{rng.randint(0, 9999):04d}",
                                        description={"printing": "复印身份证", "ticket": "西安-兰州 火车票",
                                                     "pos_cash": ""}[kind])
            counts["services"] += 1
            if rng.random() < 0.03:
                voids.void(store, keeper_id, svc.id, "录入重复")
        except UserError:
            pass  # the drawer has too little cash for that withdrawal today


def _demo_send(store, operator: str, rng: random.Random, villagers: list[tuple[str, str]]) -> None:
    name, phone = rng.choice(villagers)
    weight = rng.randint(5, 100) * 100
    sends.accept_send(store, operator, sender_name=name, sender_phone=phone,
                      receiver_name=rng.choice(SURNAMES) + rng.choice(GIVEN),
                      receiver_phone=f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}",
                      receiver_address=rng.choice(CITIES) + f"{rng.randint(1, 200)}号",
                      item=rng.choice(ITEMS), weight_g=weight,
                      carrier=rng.choice(["SF", "ZTO", "YTO", "JT"]),
                      fee_fen=800 + (weight // 1000) * 200,
                      method=rng.choice(["cash", "wechat", "alipay"]), id_checked=True, inspected=True)
