"""The county's configuration as a station applies it (DESIGN §6, downlink).

The center signs and versions a document; its body has these sections, each optional:

- ``carriers``: the complete courier rules in priority order, ``[{code, zh, en, patterns}]``;
  "OTHER" is always added last. Patterns are a safe subset of regular expressions (literals,
  classes, ``{m,n}`` counts, ``(?:a|b)`` groups; no ``*`` or ``+``) so that a rule can never make
  a scan take exponential time; the word ``S10`` means a UPU S10 number with a valid check digit.
- ``overdue``: ``{free_days, fee_per_day_fen}``: while the county sets it, the keeper cannot.
- ``bill_providers``: ``{kind: [name, …]}``, the first the default for the kind.
- ``produce``: the catalogue, ``[{name, unit, reference_price_fen}]`` (unit ``jin`` or ``kg``).
- ``announcements``: ``[{text, title?, date?}]``, shown on the sync page.

A station applies a new version in one journaled transaction (event ``config.applied``), so the
county sees when each station took it; from then on every event records the version it was
made under (``payload.config_version``; absent means the built-in rules, version 0). The center
publishes only what a station would accept: both ends parse with :func:`parse_body`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from sqlalchemy import select

from station_app.core.messages import QT_TRANSLATE_NOOP
from station_app.core.carriers import BUILTIN, CARRIERS, OTHER, Carrier, CarrierRules
from station_app.core.models import Setting

VERSION_KEY, DOCUMENT_KEY = "config_version", "county_config"
OPERATOR = "county"  # the journal's operator for what the county, not a person, changed
_SAFE_PATTERN = re.compile(r"^(?:[A-Z0-9\-]|\[[A-Z0-9\-]+\]|\{\d{1,2}(?:,\d{1,2})?\}|\(\?:|\||\))+$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")
MAX_ITEMS = 200


class ConfigError(ValueError):
    """A configuration body this station cannot apply (the center refuses to publish it).
    ``where`` is the JSON path; ``template`` (context "config") and ``params`` say what it must
    be, so the county's workspace can say it in Chinese; str() is the English."""

    def __init__(self, where: str, template: str, **params):
        self.where, self.template, self.params = where, template, params
        super().__init__(f"{where}: {template.format(**params)}" if where
                         else template.format(**params))


@dataclass(frozen=True)
class CatalogueItem:
    name: str
    unit: str  # "jin" or "kg"
    reference_price_fen: int


@dataclass(frozen=True)
class CountyConfig:
    version: int = 0
    issued_at: str = ""
    carriers: CarrierRules = BUILTIN
    overdue: tuple[int, int] | None = None  # (free days, fee per day in fen) when the county sets it
    bill_providers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    produce: tuple[CatalogueItem, ...] = ()
    announcements: tuple[Mapping, ...] = ()

    def providers(self, kind: str) -> tuple[str, ...]:
        """The county's providers of a kind, or the built-in usual one where it names none."""
        from station_app.core.bills import PROVIDERS

        return self.bill_providers.get(kind) or tuple(filter(None, [PROVIDERS.get(kind)]))

    def default_provider(self, kind: str) -> str | None:
        return next(iter(self.providers(kind)), None)

    def product_names(self) -> list[str]:
        from station_app.core.produce import PRODUCTS

        return [item.name for item in self.produce] or list(PRODUCTS)

    def reference(self, product: str) -> CatalogueItem | None:
        return next((item for item in self.produce if item.name == product), None)


BUILTIN_CONFIG = CountyConfig()


# --- reading a body ------------------------------------------------------------------------
def _need(condition: bool, where: str, what: str, **params) -> None:
    if not condition:
        raise ConfigError(where, what, **params)


def _text(value, where: str, limit: int, required: bool = True) -> str:
    _need(isinstance(value, str) and (bool(value.strip()) or not required) and len(value) <= limit,
          where, QT_TRANSLATE_NOOP("config", "text of 1 to {limit} characters") if required
          else QT_TRANSLATE_NOOP("config", "text of at most {limit} characters"), limit=limit)
    return value.strip()


def _whole(value, where: str, low: int, high: int) -> int:
    _need(isinstance(value, int) and not isinstance(value, bool) and low <= value <= high,
          where, QT_TRANSLATE_NOOP("config", "a whole number from {low} to {high}"), low=low,
          high=high)
    return value


def _items(value, where: str, kind=list):
    _need(isinstance(value, kind) and len(value) <= MAX_ITEMS, where,
          QT_TRANSLATE_NOOP("config", "a list of at most {n} items") if kind is list
          else QT_TRANSLATE_NOOP("config", "a mapping of at most {n} items"), n=MAX_ITEMS)
    return value


def _pattern(text, where: str) -> str:
    _need(isinstance(text, str) and 0 < len(text) <= 120, where,
          QT_TRANSLATE_NOOP("config", "a pattern of 1 to 120 characters"))
    if text != "S10":
        _need(bool(_SAFE_PATTERN.match(text)) and "){" not in text, where,
              QT_TRANSLATE_NOOP("config", "“{text}” uses more than literals, [classes], "
                                          "{{m,n}} counts and (?:a|b) groups"), text=text)
        try:
            re.compile(text)
        except re.error:
            raise ConfigError(where, QT_TRANSLATE_NOOP("config", "“{text}” is not a pattern"),
                              text=text) from None
    return text


def _carriers(value) -> CarrierRules:
    carriers, seen = [], set()
    for i, entry in enumerate(_items(value, "carriers")):
        where = f"carriers[{i}]"
        _need(isinstance(entry, dict), where, QT_TRANSLATE_NOOP(
            "config", "an object {{code, zh, en, patterns}}"))
        code = entry.get("code")
        _need(isinstance(code, str) and bool(_CODE.match(code)) and code != OTHER, where,
              QT_TRANSLATE_NOOP("config", "a code of 2 to 8 capital letters and digits "
                                          "(not OTHER)"))
        _need(code not in seen, where, QT_TRANSLATE_NOOP("config", "{name} is listed twice"),
              name=code)
        seen.add(code)
        patterns = tuple(_pattern(p, f"{where}.patterns") for p in
                         _items(entry.get("patterns"), f"{where}.patterns"))
        _need(bool(patterns), f"{where}.patterns",
              QT_TRANSLATE_NOOP("config", "at least one pattern"))
        carriers.append(Carrier(code, _text(entry.get("zh"), f"{where}.zh", 20),
                                _text(entry.get("en"), f"{where}.en", 40), patterns))
    return CarrierRules(tuple(carriers))


def _overdue(value) -> tuple[int, int]:
    _need(isinstance(value, dict), "overdue",
          QT_TRANSLATE_NOOP("config", "an object {{free_days, fee_per_day_fen}}"))
    return (_whole(value.get("free_days"), "overdue.free_days", 0, 60),
            _whole(value.get("fee_per_day_fen"), "overdue.fee_per_day_fen", 0, 100_00))


def _bill_providers(value) -> Mapping[str, tuple[str, ...]]:
    from station_app.core.bills import KINDS

    providers = {}
    for kind, names in _items(value, "bill_providers", dict).items():
        _need(kind in KINDS, "bill_providers",
              QT_TRANSLATE_NOOP("config", "“{kind}” is not one of {kinds}"), kind=kind,
              kinds=", ".join(KINDS))
        names = tuple(_text(n, f"bill_providers.{kind}", 20) for n in
                      _items(names, f"bill_providers.{kind}"))
        _need(bool(names), f"bill_providers.{kind}",
              QT_TRANSLATE_NOOP("config", "at least one provider"))
        providers[kind] = names
    return MappingProxyType(providers)


def _produce(value) -> tuple[CatalogueItem, ...]:
    from station_app.core.validate import UNIT_GRAMS

    items, seen = [], set()
    for i, entry in enumerate(_items(value, "produce")):
        where = f"produce[{i}]"
        _need(isinstance(entry, dict), where, QT_TRANSLATE_NOOP(
            "config", "an object {{name, unit, reference_price_fen}}"))
        name = _text(entry.get("name"), f"{where}.name", 20)
        _need(name not in seen, where, QT_TRANSLATE_NOOP("config", "{name} is listed twice"),
              name=name)
        seen.add(name)
        _need(entry.get("unit") in UNIT_GRAMS, f"{where}.unit",
              QT_TRANSLATE_NOOP("config", "jin or kg"))
        items.append(CatalogueItem(name, entry["unit"], _whole(
            entry.get("reference_price_fen"), f"{where}.reference_price_fen", 1, 1_000_000)))
    return tuple(items)


def _announcements(value) -> tuple[Mapping, ...]:
    notes = []
    for i, entry in enumerate(_items(value, "announcements")):
        where = f"announcements[{i}]"
        _need(isinstance(entry, dict), where,
              QT_TRANSLATE_NOOP("config", "an object {{text, title?, date?}}"))
        note = {"text": _text(entry.get("text"), f"{where}.text", 2000)}
        for key, limit in (("title", 80), ("date", 10)):
            if entry.get(key) is not None:
                note[key] = _text(entry[key], f"{where}.{key}", limit)
        notes.append(MappingProxyType(note))
    return tuple(notes)


_PARSERS = {"carriers": _carriers, "overdue": _overdue, "bill_providers": _bill_providers,
            "produce": _produce, "announcements": _announcements}
SECTIONS = tuple(_PARSERS)


def parse_body(body, version: int = 0, issued_at: str = "", strict: bool = True) -> CountyConfig:
    """The configuration a body describes, or ConfigError naming the first thing wrong.

    ``strict`` (the center, publishing) refuses sections it does not know, which are most likely
    typos; a station (not strict) ignores them, since a newer center may add sections."""
    _need(isinstance(body, dict), "configuration", QT_TRANSLATE_NOOP("config", "a JSON object"))
    unknown = sorted(set(body) - set(SECTIONS))
    if strict and unknown:
        raise ConfigError("", QT_TRANSLATE_NOOP("config", "unknown section “{name}”: the "
                                                          "sections are {sections}"),
                          name=unknown[0], sections=", ".join(SECTIONS))
    parts = {name: _PARSERS[name](body[name]) for name in SECTIONS if name in body}
    return CountyConfig(version=version, issued_at=issued_at, **parts)


def template() -> dict:
    """The built-in rules as a body: the starting point for a county's own configuration."""
    from station_app.core.bills import PROVIDERS

    return {"carriers": [{"code": c.code, "zh": c.zh, "en": c.en, "patterns": list(c.patterns)}
                         for c in CARRIERS if c.code != OTHER],
            "overdue": {"free_days": 3, "fee_per_day_fen": 50},
            "bill_providers": {kind: [name] for kind, name in PROVIDERS.items()},
            "produce": [{"name": "苹果", "unit": "jin", "reference_price_fen": 300}],
            "announcements": []}


# --- on the station ------------------------------------------------------------------------
_VERSION_SQL = f"SELECT value FROM setting WHERE id = '{VERSION_KEY}'"


def stored_version(db) -> int:
    """The applied version, read through the sqlite3 connection of a write (the hot path)."""
    row = db.execute(_VERSION_SQL).fetchone()
    return json.loads(row[0]) if row else 0


def load(conn) -> CountyConfig:
    """The configuration this station applied last (the built-in one if none)."""
    row = conn.execute(select(Setting.value).where(Setting.id == DOCUMENT_KEY)).first()
    if row is None:
        return BUILTIN_CONFIG
    document = json.loads(row[0])
    return parse_body(document["body"], document["version"], document["issued_at"], strict=False)


def apply_config(store, version: int, issued_at: str, body: dict) -> CountyConfig | None:
    """Apply a verified configuration document; None if this or a newer version is in force.

    Raises ConfigError (and changes nothing) for a body this station cannot apply."""
    from station_app.core.settings import _put_settings

    config = parse_body(body, version, issued_at, strict=False)
    try:
        with store.write(OPERATOR) as tx:
            if tx.config.version >= version:  # the store re-reads what another process applied
                raise _InForce
            values = {VERSION_KEY: version,
                      DOCUMENT_KEY: {"version": version, "issued_at": issued_at, "body": body}}
            if config.overdue:
                values.update(free_days=config.overdue[0], overdue_fee_fen=config.overdue[1])
            _put_settings(tx, values)
            tx.adopt_config(config)
            tx.event("config.applied", "settings", version=version, issued_at=issued_at,
                     sections=sorted(set(body) & set(SECTIONS)))
    except _InForce:
        return None
    return config


class _InForce(Exception):
    """This version or a newer one was applied already (by another process, maybe)."""
