"""Courier companies and guessing one from a tracking number.

The rules are data (``BUILTIN`` here; a county configuration, core/county_config.py, can
replace them). A number may fit several companies (pure-digit formats overlap): all candidates
come back, most likely first, and the keeper picks. A number that fits none is "OTHER" — never
refused, because formats change and a parcel on the counter must still be checked in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from station_app.core import messages as m
from station_app.core.errors import UserError

OTHER = "OTHER"


@dataclass(frozen=True)
class Carrier:
    code: str
    zh: str
    en: str
    patterns: tuple[str, ...] = ()

    def name(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


# Order is priority: letter-prefixed formats are unambiguous and come first. Checked in 2026-12
# against the formats in use (public validators such as BF-zh/Courier-Validation, and numbers on
# current waybills): SF "SF" + 13 (the 13th may be a letter); JD "JD" + 2 letters/digits + 11;
# 中通 14 digits from 73–76/78 (12 on old labels); 申通 15 digits from 77 (13–17 seen); 韵达 15
# digits from 3 or 4, or 13 from 5; 极兔 "JT" + 13; 德邦 "DPK" + 12; 邮政 13 digits.
CARRIERS: tuple[Carrier, ...] = (
    Carrier("SF", "顺丰速运", "SF Express", (r"SF[0-9]{12,13}", r"SF[A-Z][0-9]{12}")),
    Carrier("JD", "京东快递", "JD Logistics", (r"JD[A-Z0-9]{11,15}",)),
    Carrier("YTO", "圆通速递", "YTO Express", (r"YT[0-9]{13,16}",)),
    Carrier("JT", "极兔速递", "J&T Express", (r"JT[0-9]{13}",)),
    Carrier("DBL", "德邦快递", "Deppon Express", (r"DPK[0-9]{12,13}",)),
    Carrier("EMS", "EMS", "EMS", (r"S10", r"(?:10|11|50|51|95|97)[0-9]{11}")),
    Carrier("ZTO", "中通快递", "ZTO Express", (r"7[3-68][0-9]{12}", r"7[3-8][0-9]{10}")),
    Carrier("STO", "申通快递", "STO Express", (r"77[0-9]{11,15}", r"(?:2|3|4|5|6|7|8|9)68[0-9]{9}",
                                             r"88[0-9]{10}")),
    Carrier("YD", "韵达快递", "Yunda Express", (r"[34][0-9]{14}", r"5[0-9]{12}", r"(?:31|43|46)[0-9]{11}")),
    Carrier("YZPY", "邮政快递包裹", "China Post Parcel", (r"(?:98|99|11)[0-9]{11}",)),
    Carrier(OTHER, "其他快递", "Other courier"),
)
BY_CODE = {c.code: c for c in CARRIERS}

_S10 = re.compile(r"^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$")
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
# Display names of carriers known from a county configuration, for records checked in under
# rules this process no longer holds (a report over last year, the center's copy of a ledger).
_LEARNED: dict[str, Carrier] = {}


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit for the 8-digit serial number."""
    total = sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check)


def is_valid_s10(number: str) -> bool:
    match = _S10.match(number)
    return bool(match) and s10_check_digit(match.group(2)) == int(match.group(3))


def _one_expression(patterns: tuple[str, ...]) -> re.Pattern | None:
    """A carrier's patterns as alternatives of one expression: one match per carrier a scan."""
    own = [f"(?:{p})" for p in patterns if p != "S10"]
    return re.compile(f"^(?:{'|'.join(own)})$") if own else None


class CarrierRules:
    """One set of carriers in priority order, compiled once; "OTHER" is always the last."""

    def __init__(self, carriers: tuple[Carrier, ...]):
        carriers = tuple(c for c in carriers if c.code != OTHER) + (BY_CODE[OTHER],)
        self.carriers = carriers
        self.by_code = {c.code: c for c in carriers}
        self._compiled = [(c.code, _one_expression(c.patterns)) for c in carriers]
        self._take_s10 = {c.code for c in carriers if "S10" in c.patterns}
        for c in carriers:
            if c.code not in BY_CODE:
                _LEARNED[c.code] = c

    def candidates(self, tracking_no: str) -> list[str]:
        """Carrier codes the number fits, most likely first; ``[OTHER]`` when none does."""
        s10 = is_valid_s10(tracking_no)
        found = [code for code, pattern in self._compiled
                 if (s10 and code in self._take_s10) or (pattern and pattern.match(tracking_no))]
        if s10:  # a UPU check digit that adds up is the stronger sign (JD… numbers can look alike)
            found.sort(key=lambda code: code not in self._take_s10)
        return found or [OTHER]

    def check_code(self, code: str) -> str:
        if code not in self.by_code:
            raise UserError(m.UNKNOWN_CARRIER, code=code)
        return code


BUILTIN = CarrierRules(CARRIERS)


def carrier_name(code: str, lang: str = "zh") -> str:
    carrier = BY_CODE.get(code) or _LEARNED.get(code)
    return carrier.name(lang) if carrier else code
