"""The sync wire format on its own: signed requests, batches whose chain is recomputed at the
other end, signed acks, and every kind of bad body refused with its 4xx before anything is
believed."""

import gzip
import json

import pytest
from hypothesis import given, settings, strategies as st

from station_app.core import bills, parcels
from sync import protocol
from sync.protocol import ProtocolError


def journal(store) -> list[dict]:
    return [e.__dict__ for e in store.events()]


@pytest.fixture
def events(store, keeper):
    from station_app.core import shelves

    shelves.add_shelf(store, keeper.id, "A", 5, 20)
    for n in range(30):
        parcels.check_in(store, keeper.id, f"YT{1000000000000 + n}", phone=f"1381234{n:04d}",
                         name="张三")
    bills.take_payment(store, keeper.id, kind="phone", account="13812345678", holder="张三",
                       amount_fen=5000, fee_fen=100)
    return journal(store)


def test_a_batch_round_trips_with_its_chain_recomputed(events):
    body = protocol.encode_batch("S1", events)
    batch = protocol.decode_batch(body)
    assert (batch.station_id, batch.from_seq, batch.to_seq) == ("S1", 1, len(events))
    assert batch.events == events  # seq, prev_hash and hash derived exactly as the station has them
    tail = protocol.decode_batch(protocol.encode_batch("S1", events[10:]))
    assert tail.prev_hash == events[9]["hash"] and tail.events == events[10:]
    assert len(body) < 80 * len(events)  # hashes and derived IDs are not sent


def test_derived_ids_travel_as_references_and_random_ones_as_they_are(events):
    doc = json.loads(gzip.decompress(protocol.encode_batch("S1", events)))
    first, later = doc["events"][0], doc["events"][1:]
    assert isinstance(first[0], str)  # the station's first event ID is random: it is sent
    assert all(row[0] is None for row in later)  # every later one is derived: it is not
    n, checked_in = next((n, row) for n, row in enumerate(later, 2)
                         if row[1] == "parcel.checked_in")
    parcel = events[n - 1]["entity_id"]
    ref = checked_in[2]  # the new parcel's index among the event's new rows…
    assert isinstance(ref, int) and parcel not in checked_in[6]
    assert f'"parcel":{{\x01{ref}:{{' in checked_in[6]  # …its key in the payload's text too
    assert isinstance(events[n - 1]["payload"]["rows"]["parcel"][parcel], dict)
    foreign = [dict(e) for e in events[:3]]  # IDs made some other way still round-trip
    foreign[2] = {**foreign[2], "event_id": "e" * 32, "entity_id": "f" * 32}
    from station_app.core.canonical import event_hash, hashed_part
    foreign[2]["hash"] = event_hash(foreign[2]["prev_hash"], hashed_part(foreign[2]))
    assert protocol.decode_batch(protocol.encode_batch("S1", foreign)).events == foreign


def journal_text(event: dict) -> str:
    """An event's payload as its journal holds it."""
    return json.dumps(event["payload"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def forged(events: list[dict], text) -> bytes:
    """A batch of ``events`` whose last payload on the wire is ``text``, hashed as a station
    that journaled it would have: only what the payload is can refuse it."""
    from station_app.core.canonical import event_hash_over

    doc = json.loads(gzip.decompress(protocol.encode_batch("S1", events)))
    doc["events"][-1][6] = text
    last = events[-1]
    if isinstance(text, str):
        hashed = protocol._unmarked(last["event_id"], text).encode()
        doc["head_hash"] = event_hash_over(last["prev_hash"], last, hashed)
    return gzip.compress(json.dumps(doc).encode())


@pytest.mark.parametrize("payload", [
    '{"rows":', '{"b":1,"a":2}', '{"a": 1}', '{"a":"\\ud800"}', '{"a":\x01}', '{"a":\x01x}',
    '{"a":\x0110000}', '{"a":"\x00"}', "[" * 1200 + "]" * 1200, {"rows": {}}, None])
def test_a_payload_that_is_not_canonical_json_text_is_a_400(events, payload):
    """Not JSON, not in canonical form (the center's copy would then read differently from
    what the station's services read), a marked ID index that is no index, nested past any
    parser, or not text at all."""
    with pytest.raises(ProtocolError) as refused:
        protocol.decode_batch(forged(events[:2], payload))
    assert (refused.value.status, refused.value.code) == (400, "malformed")
    assert protocol.decode_batch(forged(events[:2], journal_text(events[1]))).events \
        == events[:2]  # what the helper forges is refused for its payload alone


def test_batches_split_by_count_and_size_and_cover_every_event_once(events):
    bodies = protocol.split_batches(events, "S1", max_events=7, max_bytes=900)
    got = [e for body in bodies for e in protocol.decode_batch(body).events]
    assert got == events
    assert all(len(protocol.decode_batch(b).events) <= 7 for b in bodies)
    assert all(len(b) <= 900 for b in bodies if len(protocol.decode_batch(b).events) > 1)


def test_an_edited_event_or_a_broken_link_is_refused(events):
    edited = [dict(e) for e in events]
    edited[3] = {**edited[3], "payload": {**edited[3]["payload"], "x": 1}}
    body = protocol.encode_batch("S1", edited)  # head_hash is still the station's
    with pytest.raises(ProtocolError) as refused:
        protocol.decode_batch(body)
    assert (refused.value.status, refused.value.code) == (400, "broken_chain")
    doc = json.loads(gzip.decompress(protocol.encode_batch("S1", events)))
    doc["prev_hash"] = "f" * 64
    with pytest.raises(ProtocolError, match="broken_chain"):
        protocol.decode_batch(gzip.compress(json.dumps(doc).encode()))


@pytest.mark.parametrize("body, status, code", [
    (b"", 400, "bad_gzip"),
    (b"not gzip at all", 400, "bad_gzip"),
    (gzip.compress(b"{not json"), 400, "malformed"),
    (gzip.compress(b"[]"), 400, "malformed"),
    (gzip.compress(json.dumps({"v": 1, "station_id": "S1"}).encode()), 400, "malformed"),
    (gzip.compress(json.dumps({"v": 1, "station_id": "S1", "from_seq": 1, "to_seq": 2,
                               "prev_hash": "0", "head_hash": "0", "events": [[1]]}).encode()),
     400, "malformed"),
    (gzip.compress(b"\0" * (protocol.MAX_INFLATED + 10)), 413, "too_large"),  # a bomb: ~16 KB
    (b"\x1f\x8b" + b"\0" * (protocol.MAX_BODY + 1), 413, "too_large"),
])
def test_bad_bodies_get_their_4xx(body, status, code):
    with pytest.raises(ProtocolError) as refused:
        protocol.decode_batch(body)
    assert (refused.value.status, refused.value.code) == (status, code)


@pytest.mark.parametrize("field, value", [(4, True), (4, 1440), (1, 7), (5, None), (1, "k" * 41),
                                          (5, "keeper\x00"), (1, "k\ud800"),
                                          (6, '{"note":"half a character \udc00"}')])
def test_an_events_fields_of_the_wrong_kind_are_a_400(events, field, value):
    """Each would otherwise reach the hash (a bool offset is no whole number, half a UTF-16
    pair no text) or the database (which refuses a NUL in text)."""
    doc = json.loads(gzip.decompress(protocol.encode_batch("S1", events[:2])))
    doc["events"][1][field] = value
    with pytest.raises(ProtocolError) as refused:
        protocol.decode_batch(gzip.compress(json.dumps(doc).encode()))
    assert (refused.value.status, refused.value.code) == (400, "malformed")


def test_a_seq_past_the_centers_integers_is_a_400(events):
    """Seqs are BIGINT at the center and hashed as 64-bit integers: a larger one is malformed,
    not a crash."""
    doc = json.loads(gzip.decompress(protocol.encode_batch("S1", events[:2])))
    doc["from_seq"], doc["to_seq"] = 2 ** 63, 2 ** 63 + 1
    with pytest.raises(ProtocolError) as refused:
        protocol.decode_batch(gzip.compress(json.dumps(doc).encode()))
    assert (refused.value.status, refused.value.code) == (400, "malformed")


def test_a_truncated_batch_is_refused_at_any_cut(events):
    body = protocol.encode_batch("S1", events)
    for cut in range(0, len(body), max(1, len(body) // 40)):
        with pytest.raises(ProtocolError) as refused:
            protocol.decode_batch(body[:cut])
        assert refused.value.status == 400


@settings(max_examples=60)
@given(st.binary(max_size=400))
def test_any_bytes_are_a_batch_or_a_4xx(noise):
    try:
        protocol.decode_batch(noise)
    except ProtocolError as exc:
        assert 400 <= exc.status < 500


def test_request_signatures_bind_method_path_body_time_and_nonce():
    key = protocol.new_private_key()
    public = protocol.public_key_of(key)
    path = f"{protocol.API}/stations/S1/batches"
    headers = protocol.sign_request(key, "S1", "POST", path, b"body", "2026-11-22T10:00:00.000Z")
    signature = headers[protocol.SIGNATURE_HEADER]
    fresh = protocol.Freshness(headers[protocol.TIME_HEADER], headers[protocol.NONCE_HEADER])
    protocol.check_request(public, "POST", path, b"body", signature, fresh)
    for method, p, body, f in (
            ("PUT", path, b"body", fresh), ("POST", path.replace("S1", "S2"), b"body", fresh),
            ("POST", path, b"bodY", fresh),
            ("POST", path, b"body", protocol.Freshness("2026-11-22T10:05:00.000Z", fresh.nonce)),
            ("POST", path, b"body", protocol.Freshness(fresh.when, protocol.new_nonce())),
            ("POST", path, b"body", None)):  # the time-less form a USB bundle's batch has
        with pytest.raises(ProtocolError, match="bad_signature"):
            protocol.check_request(public, method, p, body, signature, f)
    with pytest.raises(ProtocolError, match="missing_signature"):
        protocol.check_request(public, "POST", path, b"body", None, fresh)
    with pytest.raises(ProtocolError, match="missing_signature"):  # an HTTP request needs both
        protocol.check_request(public, "POST", path, b"body", signature,
                               protocol.Freshness(None, fresh.nonce))
    other = protocol.public_key_of(protocol.new_private_key())
    with pytest.raises(ProtocolError, match="bad_signature"):
        protocol.check_request(other, "POST", path, b"body", signature, fresh)


def test_acks_hold_only_under_the_pinned_center_key_and_for_this_station():
    center = protocol.new_private_key()
    pinned = protocol.public_key_of(center)
    ack = protocol.make_ack(center, "S1", 42, "a" * 64, "2026-11-22T10:00:00Z", 3)
    assert protocol.check_ack(pinned, ack, "S1")["hw_seq"] == 42
    with pytest.raises(ProtocolError, match="wrong_station"):
        protocol.check_ack(pinned, ack, "S2")
    with pytest.raises(ProtocolError, match="bad_signature"):
        protocol.check_ack(pinned, {**ack, "hw_seq": 43}, "S1")
    with pytest.raises(ProtocolError, match="bad_signature"):
        protocol.check_ack(protocol.public_key_of(protocol.new_private_key()), ack, "S1")
    with pytest.raises(ProtocolError, match="unsigned"):
        protocol.check_ack(pinned, {k: v for k, v in ack.items() if k != "signature"}, "S1")
    config = protocol.make_config(center, 4, "2026-11-22T10:00:00Z", {"free_days": 3})
    assert protocol.check_document(pinned, config)["body"] == {"free_days": 3}


@pytest.mark.parametrize("number", ["1.5", "1e3", "-2.5E-3", "NaN", "-Infinity",
                                    "18446744073709551616.0", "1e+30", "1.5e-7", "-0.0"])
def test_a_float_anywhere_in_a_batch_is_a_400(events, number):
    """In a payload, in a list in it, as the whole payload, or in an event's own field; the
    last three numbers are written exactly as orjson writes them, so only the float check
    can refuse them."""
    shelf = next(n for n, e in enumerate(events, 1) if '"layers":5' in journal_text(e))
    text = journal_text(events[shelf - 1])
    in_payload = forged(events[:shelf], text.replace('"layers":5', f'"layers":{number}'))
    in_list = forged(events[:shelf], text.replace('"layers":5', f'"layers":[5,{number}]'))
    as_payload = forged(events[:shelf], number)
    doc = json.loads(gzip.decompress(protocol.encode_batch("S1", events[:shelf])))
    doc["events"][-1][4] = f"__{number}__"  # in an event's own field
    in_field = gzip.compress(json.dumps(doc).replace(f'"__{number}__"', number).encode())
    for body in (in_payload, in_list, as_payload, in_field):
        with pytest.raises(ProtocolError) as refused:
            protocol.decode_batch(body)
        assert (refused.value.status, refused.value.code) == (400, "malformed")


def test_a_payload_whose_strings_look_like_floats_or_big_numbers_still_arrives(events):
    """The quick check for floats in a payload's text may suspect text inside its strings;
    the exact parse then decides, and an integer past 64 bits is a journal's whole number."""
    from station_app.core.canonical import event_hash, hashed_part

    odd = [dict(e) for e in events[:2]]
    odd[1]["payload"] = {"note": ":1.5,[2e3]", "big": 2 ** 70, "rows": {}}
    odd[1]["hash"] = event_hash(odd[1]["prev_hash"], hashed_part(odd[1]))
    batch = protocol.decode_batch(protocol.encode_batch("S1", odd))
    assert batch.events == odd and batch.payloads[1] == '{"big":1180591620717411303424,' \
                                                       '"note":":1.5,[2e3]","rows":{}}'


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=500, deadline=None)
@given(value=st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(-2 ** 70, 2 ** 70) | st.text()
    | st.sampled_from(["\u2028", "\x7f", "\x00\x1f", "\"\\/", "中文", "\U0001f600", "\ufeff"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=16))
def test_canonical_json_is_the_standard_encoders_bytes(value):
    """The fast encoder is held to the definition: the standard library's sorted, compact,
    UTF-8 JSON. Any difference would be a chain mismatch between a station and the center."""
    from station_app.core.canonical import canonical_json

    definition = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert canonical_json(value) == definition.encode()


@settings(max_examples=300, deadline=None)
@given(payload=json_values, kind=st.text(), operator=st.text(), seq=st.integers(1, 10 ** 12),
       offset=st.integers(-1439, 1439))
def test_the_spliced_hash_is_the_hash(payload, kind, operator, seq, offset):
    from station_app.core.canonical import canonical_json, event_hash, event_hash_over

    event = {"seq": seq, "event_id": "e" * 32, "kind": kind, "entity_id": "x", "operator": operator,
             "recorded_at": "2026-11-20T01:30:00.000000Z", "utc_offset_min": offset,
             "payload": payload}
    assert event_hash_over("a" * 64, event, canonical_json(payload)) == event_hash("a" * 64, event)
