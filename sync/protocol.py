"""The wire between a station and the county center (DESIGN §6), shared by both ends.

- Requests are signed by the station's Ed25519 key over ``METHOD|path|sha256(body)``; the path
  names the station, so one station's batch replayed as another's fails the signature.
- A batch is gzip'd canonical JSON of journal events after the acked mark. Events travel without
  what the other end can compute: seq follows from ``from_seq``, each hash is recomputed from
  ``prev_hash`` (and must arrive at ``head_hash``), a derived event ID is sent as null, and an ID
  derived from its event's (core/canonical.py) as its index. Hashes and IDs are the parts of an
  event gzip cannot shrink; leaving them out halves a batch.
- A payload travels as the journal holds it: the canonical JSON text it was hashed as, each
  quoted derived ID in it replaced by ``\x01`` and its index (canonical JSON writes every
  control character escaped, so the marker cannot occur in it). Neither end parses a payload
  to move it: the station sends its journal's text, the center hashes the text it rebuilds,
  and parses it once, to check it and to read its ledger lines.
- Acks, enrollment answers and configuration documents are signed by the center's key, which the
  station pins at enrollment.

Everything here is plain data and bytes: no HTTP library, no database, no Qt.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import secrets
import zlib
from dataclasses import dataclass

import orjson

from station_app.core.canonical import (GENESIS_HASH, canonical_json, derive_id,
                                        event_hash_over, event_id_after, load_integral_json)
from station_app.core.clock import utc_now_text

VERSION = 1  # of the files carried on a stick (bundle, reply)
BATCH_VERSION = 2  # of a batch: version 1 sent each payload as an object, rebuilt at each end
API = "/api/v1"
STATION_HEADER = "X-VS-Station"
SIGNATURE_HEADER = "X-VS-Signature"
STATION_ID = r"[A-Za-z0-9._-]{1,40}"  # what a station id may be, in URLs and everywhere
TIME_HEADER = "X-VS-Time"
NONCE_HEADER = "X-VS-Nonce"
# How far a signed request's time may be from the center's clock. A station whose clock is
# further off is told the center's time (401 stale_request) and signs again with it.
REQUEST_WINDOW_S = 300
BATCH_EVENTS = 200  # a batch holds at most this many events…
BATCH_BYTES = 64 * 1024  # …and at most this much gzip'd body
GZIP_LEVEL = 6  # zlib's default: level 9 saved 3% of the bytes for twice the time
MAX_BODY = 1024 * 1024  # a request body the center reads at all
MAX_INFLATED = 16 * 1024 * 1024  # what a body may inflate to (decompression bombs stop here)
MAX_ROWS = 10_000  # row references an event may carry
MAX_SEQ = 2 ** 63 - 1  # the center's BIGINT, and the hash's 64-bit integers
# The order of an event's fields on the wire (seq and hashes are derived, see above).
WIRE_FIELDS = ("event_id", "kind", "entity_id", "recorded_at", "utc_offset_min", "operator",
               "payload")
# The text fields of an event and their longest value: what both ends store them in.
TEXT_LIMITS = {"event_id": 64, "kind": 40, "entity_id": 64, "recorded_at": 32, "operator": 64}


class SyncError(Exception):
    """Anything sync refuses or cannot do yet; the commands print it as one line."""

    exit_code = 2  # of `station-app sync` and friends: 2 refused, 3 try again later


class ProtocolError(SyncError):
    """Refused input, with the HTTP status the center answers and a short machine code."""

    def __init__(self, status: int, code: str, detail: str = "", **extra):
        super().__init__(f"{status} {code}: {detail}" if detail else f"{status} {code}")
        self.status, self.code, self.detail, self.extra = status, code, detail, extra

    def body(self) -> dict:
        return {"error": self.code, "detail": self.detail, **self.extra}


# --- keys and signatures ----------------------------------------------------------------------
def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise ProtocolError(401, "bad_signature", "not base64") from exc


def new_private_key() -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate().private_bytes_raw()


def public_key_of(private_key: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return b64(Ed25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw())


def sign_bytes(private_key: bytes, message: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return b64(Ed25519PrivateKey.from_private_bytes(private_key).sign(message))


def verify_bytes(public_key: str, message: bytes, signature: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_key)).verify(unb64(signature), message)
        return True
    except (InvalidSignature, ValueError, ProtocolError):
        return False


def request_message(method: str, path: str, body: bytes, when: str = "",
                    nonce: str = "") -> bytes:
    """What a station signs. Over HTTP it includes the request's time and a nonce (a captured
    request is stale once REQUEST_WINDOW_S has passed, and refused as a replay before that);
    a batch carried in a USB bundle is signed without them, as it is imported days later."""
    base = f"{method.upper()}|{path}|{hashlib.sha256(body).hexdigest()}"
    return (f"{base}|{when}|{nonce}" if when or nonce else base).encode("ascii")


def new_nonce() -> str:
    return b64(secrets.token_bytes(16))


def sign_request(private_key: bytes, station_id: str, method: str, path: str,
                 body: bytes = b"", when: str | None = None) -> dict[str, str]:
    """The headers that make a request the station's, at ``when`` (UTC text; now, if not
    given: the station passes its own clock)."""
    when, nonce = when or utc_now_text(), new_nonce()
    return {STATION_HEADER: station_id, TIME_HEADER: when, NONCE_HEADER: nonce,
            SIGNATURE_HEADER: sign_bytes(private_key,
                                         request_message(method, path, body, when, nonce))}


@dataclass(frozen=True)
class Freshness:
    """A signed HTTP request's time and nonce, as its headers carried them."""
    when: str | None
    nonce: str | None


NONCE_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,32}")


def check_request(public_key: str, method: str, path: str, body: bytes,
                  signature: str | None, fresh: Freshness | None = None) -> None:
    """The signature is the station's (over the time and nonce too, for an HTTP request);
    401 otherwise. Whether the time is recent is the center's to say (Center.authenticate)."""
    if not signature:
        raise ProtocolError(401, "missing_signature", f"no {SIGNATURE_HEADER} header")
    when = nonce = ""
    if fresh is not None:
        if not fresh.when or not fresh.nonce:
            raise ProtocolError(401, "missing_signature",
                                f"no {TIME_HEADER} or {NONCE_HEADER} header")
        if len(fresh.when) > 32 or not NONCE_PATTERN.fullmatch(fresh.nonce):
            raise ProtocolError(401, "bad_signature", "the request's time or nonce is malformed")
        when, nonce = fresh.when, fresh.nonce
    if not verify_bytes(public_key, request_message(method, path, body, when, nonce), signature):
        raise ProtocolError(401, "bad_signature", "the signature does not match this station's key")


def sign_document(private_key: bytes, fields: dict) -> dict:
    """A document signed whole: its canonical JSON without the signature, then the signature."""
    return {**fields, "signature": sign_bytes(private_key, canonical_json(fields))}


def check_document(public_key: str, document: dict) -> dict:
    """The fields of a signed document, or ProtocolError if its signature does not hold."""
    if not isinstance(document, dict) or not isinstance(document.get("signature"), str):
        raise ProtocolError(502, "unsigned", "the answer carries no signature")
    fields = {k: v for k, v in document.items() if k != "signature"}
    try:
        message = canonical_json(fields)
    except TypeError as exc:
        raise ProtocolError(502, "malformed", str(exc)) from exc
    if not verify_bytes(public_key, message, document["signature"]):
        raise ProtocolError(502, "bad_signature", "the center's signature does not hold")
    return fields


# --- batches ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Batch:
    station_id: str
    from_seq: int
    to_seq: int
    prev_hash: str
    head_hash: str
    events: list[dict]  # full journal events: seq, the WIRE_FIELDS, prev_hash and hash
    payloads: list[str]  # each event's payload as the canonical JSON text it was hashed as
    station_head: int = 0  # the station's journal head when it sent this (0: not said)


def encode_batch(station_id: str, events: list[dict], station_head: int = 0) -> bytes:
    """``events``: consecutive journal events (dicts with seq, the WIRE_FIELDS, prev_hash, hash),
    each payload as the journal's text (Store.event_dicts) or as an object. ``station_head``:
    the station's newest seq, so the county sees how much it has still to send."""
    if not events:
        raise ValueError("an empty batch")
    doc = {"v": BATCH_VERSION, "station_id": station_id, "from_seq": events[0]["seq"],
           "to_seq": events[-1]["seq"], "prev_hash": events[0]["prev_hash"],
           "head_hash": events[-1]["hash"],
           "events": [_to_wire(e) for e in events]}
    if station_head:
        doc["station_head"] = station_head
    return gzip.compress(canonical_json(doc, True), compresslevel=GZIP_LEVEL, mtime=0)


_MARK = "\x01"  # before a derived ID's index in a payload on the wire
_MARKED = re.compile(_MARK + "([0-9]{1,4})")  # …which is below MAX_ROWS


def _to_wire(event: dict) -> list:
    """An event as a list of WIRE_FIELDS with its derivable IDs left out."""
    derived = None if event["prev_hash"] == GENESIS_HASH else event_id_after(event["prev_hash"],
                                                                              event["seq"])
    event_id, text = event["event_id"], event["payload"]
    if type(text) is not str:  # noqa: E721 - an object, not the journal's text
        text = canonical_json(text).decode()
    # The rows an event inserts are keyed by IDs derived from its own, numbered from 0
    # (journal.Tx.insert): they are in its text, in order, up to the first number that is not.
    refs: dict[str, int] = {}
    while len(refs) < MAX_ROWS:
        quoted = f'"{derive_id(event_id, len(refs))}"'
        if quoted not in text:
            break
        text = text.replace(quoted, f"{_MARK}{len(refs)}")
        refs[quoted[1:-1]] = len(refs)
    entity_id = event["entity_id"]
    return [None if event_id == derived else event_id, event["kind"],
            refs.get(entity_id, entity_id), event["recorded_at"], event["utc_offset_min"],
            event["operator"], text]


def _from_wire(row: list, seq: int, prev_hash: str) -> dict:
    """The hashed part of an event from its wire form, its payload the text that was hashed;
    ProtocolError if the shape is off."""
    if type(row) is not list or len(row) != len(WIRE_FIELDS):  # noqa: E721 - parsed JSON
        raise ProtocolError(400, "malformed", f"event {seq} has the wrong shape")
    event_id, kind, entity_id, recorded_at, utc_offset_min, operator, text = row
    if event_id is None:
        if prev_hash == GENESIS_HASH:
            raise ProtocolError(400, "malformed", "the first event must carry its ID")
        event_id = event_id_after(prev_hash, seq)
    if type(text) is not str:  # noqa: E721
        raise ProtocolError(400, "malformed", f"event {seq}: the payload is not text")
    if type(event_id) is str:  # noqa: E721 - else refused below
        ids: dict[int, str] = {}
        text = _unmarked(event_id, text, ids)
        if type(entity_id) is int:  # noqa: E721 - JSON gives exact ints, and a bool is no index
            if not 0 <= entity_id < MAX_ROWS:
                raise ProtocolError(400, "malformed", f"event {seq} refers to row {entity_id}")
            entity_id = ids.get(entity_id) or derive_id(event_id, entity_id)
    event = {"event_id": event_id, "kind": kind, "entity_id": entity_id,
             "recorded_at": recorded_at, "utc_offset_min": utc_offset_min, "operator": operator}
    for name, limit in TEXT_LIMITS.items():
        if type(event[name]) is not str or len(event[name]) > limit \
                or "\x00" in event[name]:  # noqa: E721 - and no NUL, which PostgreSQL refuses
            raise ProtocolError(400, "malformed", f"event {seq}: {name} is not text of at most "
                                                  f"{limit} characters without NUL")
    if type(utc_offset_min) is not int or not -1440 < utc_offset_min < 1440:  # noqa: E721
        raise ProtocolError(400, "malformed", f"event {seq}: utc_offset_min is not minutes")
    event["payload"], event["seq"] = text, seq
    return event


def _unmarked(event_id: str, text: str, ids: dict[int, str] | None = None) -> str:
    """A payload's text as it was hashed: each marked index back to its quoted derived ID
    (``ids`` keeps those it derived, by index: the entity ID is nearly always one of them).
    An index is followed by what followed the ID's closing quote, never a digit."""
    if _MARK not in text:
        return text
    ids = {} if ids is None else ids

    def quoted(mark: re.Match) -> str:
        n = int(mark[1])
        if n not in ids:
            ids[n] = derive_id(event_id, n)
        return f'"{ids[n]}"'

    return _MARKED.sub(quoted, text)


def _payload(data: bytes, seq: int):
    """The parsed payload, if ``data`` is canonical JSON without floats (what a journal holds);
    ProtocolError otherwise: the parser refuses floats, and writing the value back must give
    the same bytes."""
    try:
        value = load_integral_json(data)
        if canonical_json(value, True) == data:
            return value
    except (ValueError, TypeError, UnicodeEncodeError,
            RecursionError):  # nested deeper than the standard parser goes
        pass
    raise ProtocolError(400, "malformed", f"event {seq}'s payload is not canonical JSON text "
                                          "without floats")


def inflate(body: bytes, limit: int = MAX_INFLATED) -> bytes:
    """gunzip with a ceiling: a truncated stream is a 400, a bomb a 413, before it fills memory."""
    if len(body) > MAX_BODY:
        raise ProtocolError(413, "too_large", f"the body is over {MAX_BODY} bytes")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)
    except zlib.error as exc:
        raise ProtocolError(400, "bad_gzip", str(exc)) from exc
    if len(out) > limit or inflater.unconsumed_tail:
        raise ProtocolError(413, "too_large", f"the body inflates to over {limit} bytes")
    if not inflater.eof:
        raise ProtocolError(400, "bad_gzip", "the gzip stream is truncated")
    return out


def _field(doc: dict, name: str, kind: type):
    value = doc.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ProtocolError(400, "malformed", f"'{name}' is missing or not a {kind.__name__}")
    return value


def decode_batch(body: bytes) -> Batch:
    """A batch from the wire with its chain recomputed; refused whole if anything is off.
    orjson reads the batch: each of its numbers must be an int where it stands, so one it
    reads as a float (a fraction, or an int past 64 bits) is refused there; the payloads'
    texts are checked exactly (_payload)."""
    try:
        doc = orjson.loads(inflate(body))
    except orjson.JSONDecodeError as exc:
        raise ProtocolError(400, "malformed", f"not JSON: {exc}") from exc
    if not isinstance(doc, dict) or type(doc.get("v")) is not int \
            or doc["v"] != BATCH_VERSION:  # noqa: E721
        raise ProtocolError(400, "malformed", f"not a version {BATCH_VERSION} batch")
    station_id = _field(doc, "station_id", str)
    from_seq, to_seq = _field(doc, "from_seq", int), _field(doc, "to_seq", int)
    prev_hash, head_hash = _field(doc, "prev_hash", str), _field(doc, "head_hash", str)
    rows = _field(doc, "events", list)
    if not 1 <= from_seq <= to_seq <= MAX_SEQ or to_seq - from_seq + 1 != len(rows):
        raise ProtocolError(400, "malformed", "from_seq..to_seq does not match the events")
    # The chain first: where it breaks, the IDs derived after the break are not the station's,
    # and payloads rebuilt with them would look malformed.
    events, payloads, hashed, running = [], [], [], prev_hash
    for offset, row in enumerate(rows):
        event = _from_wire(row, from_seq + offset, running)
        text = event["payload"]
        data = text.encode()  # the outer parse let no half of a UTF-16 pair through
        event["prev_hash"] = running
        running = event["hash"] = event_hash_over(running, event, data)
        events.append(event)
        payloads.append(text)
        hashed.append(data)
    if running != head_hash:
        raise ProtocolError(400, "broken_chain", "the events do not hash to head_hash")
    for event, data in zip(events, hashed):
        event["payload"] = _payload(data, event["seq"])
    station_head = doc.get("station_head", 0)
    if type(station_head) is not int or not (station_head == 0  # noqa: E721 - parsed JSON
                                             or to_seq <= station_head <= MAX_SEQ):
        raise ProtocolError(400, "malformed", "'station_head' is not a seq at or past to_seq")
    return Batch(station_id, from_seq, to_seq, prev_hash, head_hash, events, payloads,
                 station_head)


def first_batch(events: list[dict], station_id: str, max_events: int = BATCH_EVENTS,
                max_bytes: int = BATCH_BYTES, station_head: int = 0) -> tuple[bytes, int]:
    """The body of the first at most ``max_events`` events that fits ``max_bytes`` (when one
    event alone does), and how many events it holds."""
    size = min(max_events, len(events))
    body = encode_batch(station_id, events[:size], station_head)
    while len(body) > max_bytes and size > 1:
        size //= 2
        body = encode_batch(station_id, events[:size], station_head)
    return body, size


def split_batches(events: list[dict], station_id: str, max_events: int = BATCH_EVENTS,
                  max_bytes: int = BATCH_BYTES, station_head: int = 0) -> list[bytes]:
    """Consecutive events in bodies of at most ``max_events`` and (when it can) ``max_bytes``."""
    bodies, start = [], 0
    while start < len(events):
        body, size = first_batch(events[start:start + max_events], station_id, max_events,
                                 max_bytes, station_head)
        bodies.append(body)
        start += size
    return bodies


# --- what the center signs --------------------------------------------------------------------
def make_ack(center_key: bytes, station_id: str, hw_seq: int, hw_hash: str, server_time: str,
             config_version: int) -> dict:
    return sign_document(center_key, {"station_id": station_id, "hw_seq": hw_seq,
                                      "hw_hash": hw_hash, "server_time": server_time,
                                      "config_version": config_version})


def check_ack(center_public_key: str, ack: dict, station_id: str) -> dict:
    """The ack's fields if the pinned center signed it, for this station."""
    fields = check_document(center_public_key, ack)
    if fields.get("station_id") != station_id:
        raise ProtocolError(502, "wrong_station", "the ack is for another station")
    if not isinstance(fields.get("hw_seq"), int) or not isinstance(fields.get("hw_hash"), str):
        raise ProtocolError(502, "malformed", "the ack has no high-water mark")
    return fields


def make_config(center_key: bytes, version: int, issued_at: str, body: dict) -> dict:
    """A versioned configuration document for the stations (fees, carriers, catalogue…)."""
    return sign_document(center_key, {"version": version, "issued_at": issued_at, "body": body})


# --- enrollment ------------------------------------------------------------------------------
def key_fingerprint(public_key: str) -> str:
    """A center key's fingerprint as printed on enrollment cards: 16 characters of its
    SHA-256 in groups of four, short enough to read aloud and check by eye."""
    digest = hashlib.sha256(unb64(public_key)).hexdigest()[:16].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class EnrollmentCard:
    """What an enrollment QR code (or the printed card) tells a station."""
    url: str
    station_id: str
    code: str
    center_key: str  # the center key's fingerprint; "" on cards from before it was printed


def enrollment_text(url: str, station_id: str, code: str, center_key: str) -> str:
    """What the QR code says; the station's enroll dialog reads it from a scanner."""
    return f"VSENROLL|{url}|{station_id}|{code}|{center_key}"


def parse_enrollment_text(text: str) -> EnrollmentCard | None:
    """The card from the QR code `county-center add-station` prints."""
    parts = text.strip().split("|")
    if len(parts) in (4, 5) and parts[0] == "VSENROLL":
        return EnrollmentCard(*parts[1:4], parts[4] if len(parts) == 5 else "")
    return None


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed or scanned: upper case, without spaces or dashes; ProtocolError
    if it cannot be one (16 hexadecimal digits)."""
    normal = re.sub(r"[\s-]", "", text).upper()
    if not re.fullmatch(r"[0-9A-F]{16}", normal):
        raise ProtocolError(400, "bad_fingerprint", f"{text!r} is not a center key fingerprint "
                                                    "(16 characters 0-9 and A-F, as on the card)")
    return normal


def check_center_key(center_public_key: str, fingerprint: str | None) -> None:
    """The center's key is the one on the enrollment card (when the card gave one); a reply
    signed by any other key, a forged first answer included, is refused."""
    if fingerprint and normal_fingerprint(fingerprint) != \
            normal_fingerprint(key_fingerprint(center_public_key)):
        raise ProtocolError(502, "wrong_center_key",
                            f"the center at that address has key {key_fingerprint(center_public_key)}"
                            f", not {fingerprint} as on the enrollment card: check what you typed; "
                            "if it is right, this is not the county's center")


# --- USB bundles ------------------------------------------------------------------------------
BUNDLE_KIND = "vs-bundle"
MAX_BUNDLE = 512 * 1024 * 1024


def batch_path(station_id: str) -> str:
    return f"{API}/stations/{station_id}/batches"


def make_bundle(private_key: bytes, station_id: str, bodies: list[bytes], created_at: str,
                enrollment: dict | None = None) -> bytes:
    """Signed batches in one file, each exactly as it would have been POSTed; ``enrollment``
    ({code, public_key}) enrolls a station that has no link at all."""
    path = batch_path(station_id)
    batches = [{"signature": sign_bytes(private_key, request_message("POST", path, body)),
                "body": b64(body)} for body in bodies]
    doc = {"v": VERSION, "kind": BUNDLE_KIND, "station_id": station_id,
           "created_at": created_at, "batches": batches}
    if enrollment:
        doc["enroll"] = enrollment
    return canonical_json(doc) + b"\n"


@dataclass(frozen=True)
class Bundle:
    station_id: str
    batches: list[tuple[str, bytes]]  # (signature, body), each checked when imported
    enrollment: dict | None  # {code, public_key}


def _file_document(data: bytes, kind: str, limit: int, what: str) -> dict:
    """The JSON object of a file carried on a stick, if it is a version 1 ``kind``."""
    if len(data) > limit:
        raise ProtocolError(413, "too_large", f"the file is too large for a {what}")
    try:
        doc = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError(400, "malformed", f"not a {what}: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("kind") != kind or doc.get("v") != VERSION:
        raise ProtocolError(400, "malformed", f"not a version {VERSION} {what}")
    return doc


def read_bundle(data: bytes) -> Bundle:
    """A bundle file's parts, or ProtocolError if it is not one."""
    doc = _file_document(data, BUNDLE_KIND, MAX_BUNDLE, "station bundle")
    station_id = _field(doc, "station_id", str)
    batches = []
    for item in _field(doc, "batches", list):
        if not isinstance(item, dict) or not isinstance(item.get("signature"), str) \
                or not isinstance(item.get("body"), str):
            raise ProtocolError(400, "malformed", "a batch in the bundle has the wrong shape")
        batches.append((item["signature"], unb64(item["body"])))
    enrollment = doc.get("enroll")
    if enrollment is not None and not (
            isinstance(enrollment, dict) and isinstance(enrollment.get("code"), str)
            and isinstance(enrollment.get("public_key"), str)):
        raise ProtocolError(400, "malformed", "the bundle's enrollment has the wrong shape")
    return Bundle(station_id, batches, enrollment)


# --- the county's reply to a bundle ---------------------------------------------------------------
REPLY_KIND = "vs-county-reply"
MAX_REPLY = 4 * 1024 * 1024


@dataclass(frozen=True)
class Reply:
    """What the county sends back on the stick: its key, the signed mark of what it holds of
    the station, and its newest signed configuration (or None). Each part carries the center's
    own signature; the file around them needs none."""

    station_id: str
    center_public_key: str
    ack: dict
    config: dict | None


def make_reply(station_id: str, center_public_key: str, ack: dict, config: dict | None) -> bytes:
    return canonical_json({"v": VERSION, "kind": REPLY_KIND, "station_id": station_id,
                           "center_public_key": center_public_key, "ack": ack,
                           "config": config}) + b"\n"


def read_reply(data: bytes) -> Reply:
    """A reply file's parts (their signatures are checked by whoever trusts the key), or
    ProtocolError if it is not one."""
    doc = _file_document(data, REPLY_KIND, MAX_REPLY, "county reply")
    config = doc.get("config")
    if config is not None and not isinstance(config, dict):
        raise ProtocolError(400, "malformed", "the reply's configuration has the wrong shape")
    return Reply(_field(doc, "station_id", str), _field(doc, "center_public_key", str),
                 _field(doc, "ack", dict), config)
