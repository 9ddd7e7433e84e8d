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
from json.encoder import encode_basestring

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
    serialised once, for the hash and for storage alike. The other fields must be str and int.
    The payload sorts between "operator" and "recorded_at", so it is spliced in there."""
    text = _quote
    digest = hashlib.sha256(prev_hash.encode("ascii"))
    digest.update(f'{{"entity_id":{text(event["entity_id"])},"event_id":{text(event["event_id"])},'
                  f'"kind":{text(event["kind"])},"operator":{text(event["operator"])},'
                  '"payload":'.encode())
    digest.update(payload_json)
    digest.update(f',"recorded_at":{text(event["recorded_at"])},"seq":{_whole(event["seq"])},'
                  f'"utc_offset_min":{_whole(event["utc_offset_min"])}}}'.encode())
    return digest.hexdigest()


def _quote(value: str) -> str:
    """A JSON string exactly as the canonical encoder writes it (TypeError if not a str)."""
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not text")
    return encode_basestring(value)


def _whole(value: int) -> int:
    if type(value) is not int:  # noqa: E721 - a bool is an int too, but JSON writes it "true"
        raise TypeError(f"{value!r} is not a whole number")
    return value


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
