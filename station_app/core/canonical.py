"""Canonical JSON and the journal hash (DESIGN §4): UTF-8, sorted keys, no spaces, no floats;
and the record and event IDs made on the station.

IDs are 32 hex characters. Only a station's first event gets a random one; every later event's
ID is derived from the hash before it, and every row an event creates gets an ID derived from
the event's. They are as unique as random IDs (each traces back through the chain to that first
random one) but cost nothing on the wire: the other end derives them again (sync/protocol.py).

Both ends of sync hash the same bytes, so anything that could serialise two ways is refused here
rather than discovered as a chain mismatch at the county.
"""

from __future__ import annotations

import hashlib
import json
import uuid

import orjson

GENESIS_HASH = "0" * 64


def new_id() -> str:
    return uuid.uuid4().hex


def derive_id(parent: str, n: int) -> str:
    """The ``n``-th ID that ``parent`` (a hash or an event ID) gives rise to."""
    return hashlib.sha256(f"{parent}/{n}".encode("ascii")).hexdigest()[:32]


def event_id_after(prev_hash: str, seq: int) -> str:
    """The event ID of ``seq``: random for the very first event, derived for every later one."""
    return new_id() if prev_hash == GENESIS_HASH else derive_id(prev_hash, seq)


def refuse_floats(value):
    if isinstance(value, float):
        raise TypeError("floats are not allowed in the journal: use integer fen or grams")
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("journal keys must be strings")
            refuse_floats(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            refuse_floats(v)


# The definition: the standard library's encoder with these options (one for every call:
# json.dumps builds a new one each time).
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
# orjson writes the same bytes five times faster (tests/test_protocol.py holds it to that).
# Types the standard encoder refuses are passed back to it, so they stay refused.
_ORJSON = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


def canonical_json(value, checked: bool = False) -> bytes:
    """``checked``: the caller has already refused floats in every part of ``value``."""
    if not checked:
        refuse_floats(value)
    try:
        return orjson.dumps(value, option=_ORJSON)
    except TypeError:  # an integer past 64 bits, or something the standard encoder refuses
        return _ENCODER.encode(value).encode()


def event_hash(prev_hash: str, event: dict, checked: bool = False) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(event, checked)).hexdigest()


def event_hash_over(prev_hash: str, event: dict, payload_json: bytes) -> str:
    """:func:`event_hash` of ``event`` whose payload is already serialised (``payload_json``, the
    canonical JSON of ``event["payload"]``): the payload, nearly all of an event, is then
    serialised once, for the hash and for storage alike. The other fields must be str, and int
    within 64 bits (TypeError otherwise); the dict below is written in sorted key order."""
    e = event
    if not (type(e["entity_id"]) is type(e["event_id"]) is type(e["kind"])  # noqa: E721
            is type(e["operator"]) is type(e["recorded_at"]) is str
            and type(e["seq"]) is type(e["utc_offset_min"]) is int):  # a bool is no int here
        raise TypeError("an event's fields are text, its seq and offset whole numbers")
    text = orjson.dumps({"entity_id": e["entity_id"], "event_id": e["event_id"],
                         "kind": e["kind"], "operator": e["operator"],
                         "payload": orjson.Fragment(payload_json),
                         "recorded_at": e["recorded_at"], "seq": e["seq"],
                         "utc_offset_min": e["utc_offset_min"]})
    return hashlib.sha256(prev_hash.encode("ascii") + text).hexdigest()


def _no_float(text: str):
    raise ValueError(f"{text}: floats are not allowed: use integer fen or grams")


def load_integral_json(data: bytes | str):
    """JSON as sent by another machine, with floats, NaN and Infinity refused while parsing
    (ValueError): what it returns can be serialised canonically without another walk."""
    return json.loads(data, parse_float=_no_float, parse_constant=_no_float)


HASHED_FIELDS = ("seq", "event_id", "kind", "entity_id", "recorded_at", "utc_offset_min",
                 "operator", "payload")


def hashed_part(row: dict) -> dict:
    """The part of a journal row the hash covers; payload as the decoded object."""
    return {k: row[k] for k in HASHED_FIELDS}
