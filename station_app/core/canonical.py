"""Canonical JSON and the journal hash (DESIGN §4): UTF-8, sorted keys, no spaces, no floats;
and the record and event IDs (UUID hex made on the station).

Both ends of sync hash the same bytes, so anything that could serialise two ways is refused here
rather than discovered as a chain mismatch at the county.
"""

from __future__ import annotations

import hashlib
import json
import uuid

GENESIS_HASH = "0" * 64


def new_id() -> str:
    return uuid.uuid4().hex


def _refuse_floats(value):
    if isinstance(value, float):
        raise TypeError("floats are not allowed in the journal: use integer fen or grams")
    if isinstance(value, dict):
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError("journal keys must be strings")
            _refuse_floats(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _refuse_floats(v)


def canonical_json(value, checked: bool = False) -> bytes:
    """``checked``: the caller has already refused floats in every part of ``value``."""
    if not checked:
        _refuse_floats(value)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(prev_hash: str, event: dict, checked: bool = False) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(event, checked)).hexdigest()


HASHED_FIELDS = ("seq", "event_id", "kind", "entity_id", "recorded_at", "utc_offset_min",
                 "operator", "payload")


def hashed_part(row: dict) -> dict:
    """The part of a journal row the hash covers; payload as the decoded object."""
    return {k: row[k] for k in HASHED_FIELDS}
