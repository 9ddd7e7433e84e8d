"""The county's configuration applied on a station: carrier rules, overdue rules, bill
providers, the produce catalogue; every later event records the version it was made under; a
body the station cannot apply changes nothing."""

import pytest

from station_app.core import bills, county_config, produce, sends, settings
from station_app.core.carriers import OTHER, carrier_name
from station_app.core.county_config import ConfigError, apply_config, parse_body
from station_app.core.errors import UserError
from station_app.core.journal import Store
from station_app.core.verify import verify
from tests.test_parcels import check_in, send

BODY = {
    "carriers": [
        {"code": "SF", "zh": "顺丰速运", "en": "SF Express", "patterns": ["SF[0-9]{12,13}"]},
        {"code": "ZJS", "zh": "宅急送", "en": "ZJS Express", "patterns": ["ZJS[0-9]{10}"]},
    ],
    "overdue": {"free_days": 5, "fee_per_day_fen": 20},
    "bill_providers": {"water": ["东河自来水公司", "西河水务"]},
    "produce": [{"name": "苹果", "unit": "jin", "reference_price_fen": 350}],
    "announcements": [{"title": "停电通知", "text": "周五 9:00–12:00 停电"}],
    "a_section_from_a_newer_center": {"ignored": True},
}


def last_event(store):
    return list(store.events(store.head()[0]))[-1]


def test_a_new_version_is_applied_in_one_journaled_event(shelved, keeper):
    before = check_in(shelved, keeper, "SF1234567890123")
    applied = apply_config(shelved, 1, "2026-11-20T01:00:00Z", BODY)
    assert applied.version == 1 and applied.announcements[0]["title"] == "停电通知"
    event = last_event(shelved)
    assert (event.kind, event.operator, event.payload["version"]) == (
        "config.applied", county_config.OPERATOR, 1)
    assert "config_version" not in event.payload  # made under the built-in rules
    assert shelved.config.version == 1
    # from now on every event says which version it was made under
    after = check_in(shelved, keeper, "ZJS0123456789")
    assert last_event(shelved).payload["config_version"] == 1
    assert before.seq < after.seq and after.parcel.carrier == "ZJS"
    assert carrier_name("ZJS") == "宅急送"
    assert verify(shelved).ok


def test_carrier_rules_replace_the_built_in_ones(shelved, keeper):
    assert check_in(shelved, keeper, "YT1234567890123").parcel.carrier == "YTO"
    apply_config(shelved, 1, "", BODY)
    # YTO is not in the county's list any more: the number is "other", never refused
    assert check_in(shelved, keeper, "YT1234567890124").parcel.carrier == OTHER
    with pytest.raises(UserError):
        check_in(shelved, keeper, "SF1234567890125", carrier="YTO")
    assert [c.code for c in shelved.config.carriers.carriers] == ["SF", "ZJS", OTHER]


def test_sends_of_a_dropped_carrier_still_leave(store, keeper):
    send(store, keeper, carrier="YTO")
    apply_config(store, 1, "", BODY)
    with pytest.raises(UserError):
        send(store, keeper, carrier="YTO")
    assert len(sends.hand_over(store, keeper.id, "YTO").sends) == 1


def test_the_county_sets_the_overdue_rules_and_the_keeper_cannot(store, keeper):
    settings.change_settings(store, keeper.id, free_days=2, overdue_fee_fen=100)
    apply_config(store, 1, "", BODY)
    s = settings.station_settings(store)
    assert (s.free_days, s.overdue_fee_fen) == (5, 20)
    head = store.head()
    with pytest.raises(UserError) as refused:
        settings.change_settings(store, keeper.id, free_days=7)
    assert refused.value.params == {"version": 1} and store.head() == head
    # the settings page saves every field: the county's values themselves pass
    settings.change_settings(store, keeper.id, station_name="东河村站", free_days=5,
                             overdue_fee_fen=20)
    assert settings.station_settings(store).station_name == "东河村站"


def test_bill_providers_and_the_produce_catalogue(store, keeper):
    apply_config(store, 1, "", BODY)
    paid = bills.take_payment(store, keeper.id, kind="water", account="0012345", holder="张三",
                              amount_fen=5000, fee_fen=0)
    assert paid.provider == "东河自来水公司"
    assert store.config.providers("water") == ("东河自来水公司", "西河水务")
    assert store.config.default_provider("power") == "国家电网"  # built-in where silent
    assert store.config.product_names() == ["苹果"]
    produce.take_in(store, keeper.id, name="李四", phone="13900002222", product="苹果",
                    gross_g=10_000, price_unit="jin", unit_price_fen=320)
    payload = last_event(store).payload
    assert (payload["reference_price_fen"], payload["reference_unit"]) == (350, "jin")


def test_an_old_or_repeated_version_changes_nothing(store, keeper):
    apply_config(store, 2, "", BODY)
    head = store.head()
    assert apply_config(store, 2, "", BODY) is None
    assert apply_config(store, 1, "", {"overdue": {"free_days": 0, "fee_per_day_fen": 0}}) is None
    assert store.head() == head and settings.station_settings(store).free_days == 5


@pytest.mark.parametrize("body", [
    {"carriers": [{"code": "ZJS", "zh": "宅急送", "en": "ZJS", "patterns": ["(A+)+B"]}]},
    {"carriers": [{"code": "ZJS", "zh": "宅急送", "en": "ZJS", "patterns": ["(?:[0-9]{1,9}){1,9}"]}]},
    {"carriers": [{"code": "ZJS", "zh": "宅急送", "en": "ZJS", "patterns": ["ZJS[0-9"]}]},
    {"carriers": [{"code": "OTHER", "zh": "其他", "en": "Other", "patterns": ["X"]}]},
    {"overdue": {"free_days": 3}},
    {"overdue": {"free_days": 3, "fee_per_day_fen": True}},
    {"bill_providers": {"lottery": ["福彩"]}},
    {"produce": [{"name": "苹果", "unit": "lb", "reference_price_fen": 300}]},
    {"produce": [{"name": "苹果", "unit": "jin", "reference_price_fen": 0}]},
    {"announcements": [{"title": "no text"}]},
    ["not", "an", "object"],
])
def test_a_body_the_station_cannot_apply_changes_nothing(store, keeper, body):
    head = store.head()
    with pytest.raises(ConfigError):
        apply_config(store, 1, "", body)
    assert store.head() == head and store.config.version == 0


def test_the_center_refuses_unknown_sections_the_station_ignores():
    with pytest.raises(ConfigError, match="a_section_from_a_newer_center"):
        parse_body(BODY)
    assert parse_body(BODY, strict=False).overdue == (5, 20)
    assert parse_body(county_config.template()).carriers.candidates("SF1234567890123") == ["SF"]


def test_another_process_applying_a_version_is_seen_by_the_next_write(station, shelved, keeper):
    check_in(shelved, keeper, "SF1234567890123")  # this store now works from carried state
    other = Store(shelved.engine, shelved.clock)  # as a second process would have its own
    try:
        apply_config(other, 1, "", BODY)
        check_in(shelved, keeper, "ZJS0123456789")
        assert last_event(shelved).payload["config_version"] == 1
        assert shelved.config.version == 1
    finally:
        other._writer and other._writer.close()
