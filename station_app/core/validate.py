"""Parsing what a keeper types or scans into clean values, or a UserError saying what is wrong.

Money is parsed as text into integer fen (no float ever touches it); weights into integer grams.
"""

from __future__ import annotations

import re
import unicodedata

from station_app.core import messages as m
from station_app.core.errors import UserError
from station_app.core.messages import QT_TRANSLATE_NOOP

MAX_FEN = 100_000_000  # ¥1,000,000: anything above is a typo at a village counter
MAX_GRAMS = 1_000_000  # 1 tonne

_MONEY = re.compile(r"^([0-9]{1,9})(?:\.([0-9]{1,2}))?$")
_WEIGHT = re.compile(r"^([0-9]{1,7})(?:\.([0-9]{1,3}))?$")
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_TRACKING = re.compile(r"^[A-Z0-9][A-Z0-9-]{4,28}[A-Z0-9]$")


def clean(text) -> str:
    """NFKC folds full-width digits and letters (what a Chinese IME types) to ASCII."""
    return unicodedata.normalize("NFKC", str(text or "")).strip()


def parse_money(text, low: int = 0, high: int = MAX_FEN) -> int:
    """'12', '12.5', '¥12.50', '12元' -> fen."""
    raw = clean(text).replace(",", "").replace("¥", "").replace("￥", "").removesuffix("元").strip()
    match = _MONEY.match(raw)
    if not match:
        raise UserError(m.BAD_MONEY, text=clean(text))
    fen = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if not low <= fen <= high:
        raise UserError(m.MONEY_RANGE, low=format_fen(low, symbol=False),
                        high=format_fen(high, symbol=False))
    return fen


def check_fen(fen, low: int = 0, high: int = MAX_FEN) -> int:
    """An amount a service was given (already integer fen): in range, or the keeper is told."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError("money is integer fen")
    if not low <= fen <= high:
        raise UserError(m.MONEY_RANGE, low=format_fen(low, symbol=False),
                        high=format_fen(high, symbol=False))
    return fen


def check_grams(grams, low: int = 1, high: int = MAX_GRAMS) -> int:
    if not isinstance(grams, int) or isinstance(grams, bool):
        raise TypeError("weights are integer grams")
    if not low <= grams <= high:
        raise UserError(m.WEIGHT_RANGE, high=high // 1000)
    return grams


def format_fen(fen: int, symbol: bool = True) -> str:
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{'¥' if symbol else ''}{yuan:,}.{cents:02d}"


def parse_kg(text, high_g: int = MAX_GRAMS, low_g: int = 1) -> int:
    """'1.5' (kg) -> 1500 g. ``low_g=0`` for what may be nothing (a tare, a deduction)."""
    raw = clean(text).lower().removesuffix("kg").removesuffix("公斤").strip()
    match = _WEIGHT.match(raw)
    if not match:
        raise UserError(m.BAD_WEIGHT, text=clean(text))
    grams = int(match.group(1)) * 1000 + int((match.group(2) or "0").ljust(3, "0"))
    if not low_g <= grams <= high_g:
        raise UserError(m.WEIGHT_RANGE, high=high_g // 1000)
    return grams


def percent_text(bp: int) -> str:
    """500 -> '5%', 250 -> '2.5%'."""
    whole, part = divmod(int(bp), 100)
    return f"{whole}" + (f".{part:02d}".rstrip("0") if part else "") + "%"


def parse_percent_bp(text, high_bp: int) -> int:
    """'5' or '2.5' (%) -> basis points (500, 250): a commission as an integer."""
    raw = clean(text).removesuffix("%").strip() or "0"
    match = _MONEY.match(raw)  # the same shape: whole part and up to two decimals
    if not match:
        raise UserError(m.BAD_PERCENT, text=clean(text), high=high_bp // 100)
    bp = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if bp > high_bp:
        raise UserError(m.BAD_PERCENT, text=clean(text), high=high_bp // 100)
    return bp


def kg_number(grams: int) -> str:
    """1500 -> '1.5', -80 -> '-0.08': kilograms for a message that says "kg" itself."""
    kg, g = divmod(abs(int(grams)), 1000)
    return ("-" if grams < 0 else "") + f"{kg}.{g:03d}".rstrip("0").rstrip(".")


def format_grams(grams: int) -> str:
    """Kilograms with the code "kg": files and the CLI. Screens and papers use :class:`Weight`."""
    return kg_number(grams) + " kg"


UNIT_GRAMS = {"jin": 500, "kg": 1000}  # a price is per 斤 or per kg
# Words of screens and papers, hence the "reports" context (ui.i18n.t_reports translates it).
UNIT_WORDS = {"jin": QT_TRANSLATE_NOOP("reports", "jin"), "kg": QT_TRANSLATE_NOOP("reports", "kg")}
_BOTH = QT_TRANSLATE_NOOP("reports", "{jin} ({kg})")


def _same(text: str) -> str:
    return text


class Weight:
    """A weight shown in the unit its price is in, words made when shown (``tr`` translates in
    the "reports" context): "48 斤（24 公斤）" for a price per 斤, "24 公斤" otherwise."""

    def __init__(self, grams: int, unit: str = "kg"):
        self.grams, self.unit = int(grams), unit

    def text(self, tr=_same) -> str:
        kg = f"{kg_number(self.grams)} {tr(UNIT_WORDS['kg'])}"
        if self.unit != "jin":
            return kg
        jin = f"{kg_number(self.grams * 1000 // UNIT_GRAMS['jin'])} {tr(UNIT_WORDS['jin'])}"
        return tr(_BOTH).format(jin=jin, kg=kg)


class UnitPrice:
    """A price per 斤 or per kg, "¥8.00/斤", words made when shown."""

    def __init__(self, fen: int, unit: str):
        self.fen, self.unit = int(fen), unit

    def text(self, tr=_same) -> str:
        return f"{format_fen(self.fen)}/{tr(UNIT_WORDS.get(self.unit, self.unit))}"


def shown(value, tr=_same) -> str:
    """A value for a screen or paper: plain text as it is, a Weight or UnitPrice in words."""
    return value.text(tr) if hasattr(value, "text") else str(value)


def parse_mobile(text) -> str:
    digits = re.sub(r"[\s\-()]", "", clean(text))
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    if not _MOBILE.match(digits):
        raise UserError(m.BAD_PHONE, text=clean(text))
    return digits


def parse_last4(text) -> str:
    raw = clean(text)
    if not re.fullmatch(r"[0-9]{4}", raw):
        raise UserError(m.BAD_LAST4, text=raw)
    return raw


def parse_tracking(text) -> str:
    raw = re.sub(r"\s", "", clean(text)).upper()
    if not raw:
        raise UserError(m.EMPTY_SCAN)
    if not _TRACKING.match(raw):
        raise UserError(m.BAD_TRACKING, text=raw[:40])
    return raw


def parse_name(text, field: str | None = None, max_len: int = 20) -> str:
    name = re.sub(r"\s+", " ", clean(text))
    if not name or len(name) > max_len or any(unicodedata.category(c)[0] == "C" for c in name):
        raise UserError(m.BAD_NAME)
    return name


def parse_text(text, field: str, max_len: int, required: bool = True) -> str:
    value = re.sub(r"\s+", " ", clean(text))
    if required and not value:
        raise UserError(m.FIELD_NEEDED, field=field)
    if len(value) > max_len:
        raise UserError(m.TEXT_TOO_LONG, field=field, high=max_len)
    return value


def parse_reason(text) -> str:
    """Why a parcel goes back, a fee is refunded, a record is voided: always asked for."""
    if not clean(text):
        raise UserError(m.REASON_NEEDED)
    return parse_text(text, "reason", 200)


def parse_int(text, low: int, high: int) -> int:
    raw = clean(text)
    if not re.fullmatch(r"-?[0-9]{1,9}", raw) or not low <= int(raw) <= high:
        raise UserError(m.BAD_NUMBER, text=raw, low=low, high=high)
    return int(raw)


def parse_pin(text) -> str:
    pin = clean(text)
    if not re.fullmatch(r"[0-9]{4,8}", pin):
        raise UserError(m.BAD_PIN)
    return pin


def mask_phone(phone: str | None, last4: str | None = None) -> str:
    if phone and len(phone) == 11:
        return f"{phone[:3]}****{phone[-4:]}"
    return f"****{last4}" if last4 else ""


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳明月 -> 欧**月: enough for a neighbour to recognise, not to copy."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
