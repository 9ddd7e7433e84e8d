"""Parsing keeper input: property tests over what a keyboard, an IME or a scanner can produce."""

import pytest
from hypothesis import given, strategies as st

from station_app.core.carriers import BUILTIN, BY_CODE, OTHER, is_valid_s10, s10_check_digit
from station_app.core.errors import UserError
from station_app.core.validate import (format_fen, mask_name, mask_phone, parse_kg, parse_last4,
                                       parse_mobile, parse_money, parse_tracking)

candidates = BUILTIN.candidates  # the rules of a station the county has not configured


@given(st.integers(min_value=0, max_value=100_000_000))
def test_money_round_trips_through_its_display(fen):
    assert parse_money(format_fen(fen)) == fen


@given(st.text(max_size=20))
def test_money_parser_returns_fen_or_a_user_error(text):
    try:
        value = parse_money(text)
    except UserError:
        return
    assert isinstance(value, int) and 0 <= value <= 100_000_000


@pytest.mark.parametrize("text,fen", [("12", 1200), ("12.5", 1250), ("¥12.50", 1250),
                                      ("１２.５", 1250), ("0.01", 1), ("1,000", 100000), ("3元", 300)])
def test_money_examples(text, fen):
    assert parse_money(text) == fen


@pytest.mark.parametrize("text", ["", "-1", "1.234", "abc", "1e3", "12.5.0", "99999999999", "nan"])
def test_money_refuses(text):
    with pytest.raises(UserError):
        parse_money(text)


def test_weight_in_grams():
    assert parse_kg("1.5") == 1500 and parse_kg("0.001") == 1 and parse_kg("2公斤") == 2000
    for bad in ("0", "-1", "abc", "1.0001", "5000"):
        with pytest.raises(UserError):
            parse_kg(bad)


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_mobile_number_parses_in_any_common_spelling(phone):
    assert parse_mobile(phone) == phone
    assert parse_mobile(f"+86 {phone[:3]}-{phone[3:7]}-{phone[7:]}") == phone
    assert parse_mobile("".join(chr(ord(c) + 0xFEE0) for c in phone)) == phone  # full-width


@given(st.text(max_size=16))
def test_phone_parser_never_accepts_a_non_mobile(text):
    try:
        phone = parse_mobile(text)
    except UserError:
        return
    assert len(phone) == 11 and phone.isdigit() and phone[0] == "1"


@pytest.mark.parametrize("bad", ["1381234567", "138123456789", "23812345678", "", "abc"])
def test_ten_digit_and_other_bad_phones_refused(bad):
    with pytest.raises(UserError):
        parse_mobile(bad)


def test_last4():
    assert parse_last4("６７３９") == "6739"
    for bad in ("673", "67390", "ab12"):
        with pytest.raises(UserError):
            parse_last4(bad)


@given(st.text(max_size=40))
def test_any_scan_is_a_tracking_number_or_a_user_error(text):
    try:
        number = parse_tracking(text)
    except UserError:
        return
    fits = candidates(number)
    assert fits and all(code in BY_CODE for code in fits)


@pytest.mark.parametrize("number,carrier", [
    ("SF1234567890123", "SF"), ("JDVA12345678901", "JD"), ("YT1234567890123", "YTO"),
    ("JT0001234567890", "JT"), ("DPK123456789012", "DBL"), ("78123456789012", "ZTO"),
    ("7712345678901", "STO"), ("4312345678901", "YD"), ("9812345678901", "YZPY"),
    ("EA123456785CN", "EMS"), ("ZZ99", OTHER),
    # Formats on waybills in 2026 (issue 19: the 15-digit 申通 came out as 其他快递).
    ("773123456789012", "STO"), ("SFA123456789012", "SF"), ("75123456789012", "ZTO"),
    ("462345678901234", "YD"), ("3123456789012", "YD"), ("5312345678901", "YD"),
    ("YT7512345678901", "YTO"), ("JDX012345678901", "JD")])
def test_carrier_guess(number, carrier):
    try:
        number = parse_tracking(number)
    except UserError:
        assert carrier == OTHER
        return
    assert candidates(number)[0] == carrier


def test_unknown_format_is_other_never_refused():
    assert candidates("KY1234567890X") == [OTHER]
    assert candidates("123456") == [OTHER]  # a number no carrier writes is still checked in


def test_ambiguous_number_offers_every_fit():
    fits = candidates("1112345678901")  # 13 digits from 11: EMS domestic or China Post parcel
    assert fits[:2] == ["EMS", "YZPY"]


def test_s10_check_digit_known_values():
    # 4·8+7·6+3·4+1·2+2·3+4·5+8·9+2·7 = 200; 200 mod 11 = 2; 11-2 = 9
    assert s10_check_digit("47312482") == 9
    assert is_valid_s10("AA473124829GB") and not is_valid_s10("AA473124828GB")


@given(st.from_regex(r"[A-Z]{2}[0-9]{8}", fullmatch=True), st.from_regex(r"[A-Z]{2}", fullmatch=True))
def test_s10_with_its_check_digit_is_ems(prefix, country):
    number = f"{prefix}{s10_check_digit(prefix[2:])}{country}"
    assert candidates(number)[0] == "EMS"


def test_masks():
    assert mask_name("张三") == "张*" and mask_name("欧阳明月") == "欧**月"
    assert mask_phone("13812345678") == "138****5678" and mask_phone(None, "5678") == "****5678"


def test_a_valid_s10_that_also_looks_like_jd_is_ems_first():
    number = f"JD00000000{s10_check_digit('00000000')}AA"
    assert candidates(number)[:2] == ["EMS", "JD"]


def test_weights_that_may_be_nothing_and_percentages():
    from station_app.core.validate import parse_kg, parse_percent_bp, percent_text

    assert parse_kg("0", low_g=0) == 0 and parse_kg("0.5", low_g=0) == 500
    with pytest.raises(UserError):
        parse_kg("0")
    assert [parse_percent_bp(t, 5000) for t in ("5", "2.5", "0", "", "50%")] == [500, 250, 0, 0, 5000]
    for bad in ("50.01", "-1", "abc", "1.234"):
        with pytest.raises(UserError):
            parse_percent_bp(bad, 5000)
    assert [percent_text(bp) for bp in (500, 250, 5, 0)] == ["5%", "2.5%", "0.05%", "0%"]
