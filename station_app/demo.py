"""`station-app demo`: a fortnight (or N days) of believable counter activity, all through the
services, so the demo exercises exactly the code a keeper does (and `verify` passes on it)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from station_app.core import messages as m
from station_app.core import drawer, parcels, people, sends, settings, shelves
from station_app.core.carriers import s10_check_digit
from station_app.core.clock import FixedClock
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
    events: int

    def __str__(self) -> str:
        return (f"demo: {self.days} days, {self.villagers} villagers, {self.checked_in} parcels "
                f"checked in, {self.picked_up} picked up, {self.returned} returned, "
                f"{self.sends} sends; {self.events} journal events. Keeper {DEMO_KEEPER} PIN "
                f"{DEMO_KEEPER_PIN}, assistant {DEMO_ASSISTANT} PIN {DEMO_ASSISTANT_PIN}.")


def fill_demo(data_dir: Path, days: int = 14, seed: int = 1, now: datetime | None = None) -> DemoSummary:
    if days < 1:
        raise ValueError("days must be at least 1")
    rng = random.Random(seed)
    now = (now or datetime.now()).astimezone()
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
    counts = dict(checked_in=0, picked_up=0, returned=0, sends=0)
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

        # Villagers drop by through the afternoon for what is waiting for them.
        clock.set(day_start.replace(hour=14))
        stock = parcels.in_stock_page(store, limit=10_000)
        by_villager: dict[str, list] = {}
        for p in stock:
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
