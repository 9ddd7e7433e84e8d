"""The station's uploader (DESIGN §6): enrollment, sync rounds, the retry loop, USB bundles.

A round starts with ``GET head``: the center's signed mark is the truth about what it holds (an
ack may have been lost after its commit, or the center restored from a backup). Then the events
after the mark go up in batches, and the mark moves only on a verified ack. Nothing here is
destructive: the journal is only read, so a crash at any point just means the next round sends
something again, and the center treats a re-send as a no-op.

Plain Python and requests: the GUI runs ``SyncLoop`` on a thread of its own and reads
``status`` for the status bar; the CLI calls ``sync_round`` once.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice

import requests

from station_app.core import county_config
from station_app.core.canonical import GENESIS_HASH
from station_app.core.clock import from_utc_text, to_utc_text, utc_now_text
from station_app.core.people import SYSTEM
from station_app.core.settings import (machine_state, record_enrollment, set_machine_state,
                                       station_settings)
from sync import protocol
from sync.files import write_atomically
from sync.protocol import ProtocolError, SyncError

CONNECT_TIMEOUT, READ_TIMEOUT = 15, 60
STALL_SECONDS = 120  # a response still trickling in after this is abandoned
BACKOFF_START, BACKOFF_CAP = 30.0, 15 * 60.0
IDLE_POLL = 300.0  # with nothing to send, look for new configuration this often
HISTORY = 50

STATE = "sync"  # machine_state key: center url, pinned key, station id, mark, problem…
HISTORY_KEY = "sync_history"


class NotEnrolled(SyncError):
    pass


class Retry(SyncError):
    """Try again later: the network, the center or something between is not answering well."""

    exit_code = 3

    def __init__(self, reason: str, retry_after: float | None = None, halve: bool = False):
        super().__init__(reason)
        self.retry_after = retry_after
        self.halve = halve  # the batch may be too big for the link: send a smaller one


class Conflict(SyncError):
    """The center holds something else than this station's journal: a person must look."""


@dataclass
class SyncState:
    center_url: str
    center_key: str
    station_id: str
    acked_seq: int = 0
    acked_hash: str = GENESIS_HASH
    config_version: int = 0
    problem: str = ""  # a conflict: the queue stays stopped until the county resolves it
    offline_since: str = ""
    last_ok_at: str = ""

    def save(self, store) -> None:
        set_machine_state(store, **{STATE: self.__dict__})


def load_state(store) -> SyncState | None:
    saved = machine_state(store, STATE)
    return SyncState(**saved) if saved else None


# --- HTTP ---------------------------------------------------------------------------------------
def _retry_after(response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


def _call(session, method: str, url: str, body: bytes = b"", headers: dict | None = None):
    """(status, parsed JSON or None); network trouble, 5xx and 429 raise Retry."""
    deadline = time.monotonic() + STALL_SECONDS
    try:
        with session.request(method, url, data=body or None, headers=headers or {},
                             timeout=(CONNECT_TIMEOUT, READ_TIMEOUT), stream=True) as response:
            chunks = []
            for chunk in response.iter_content(65536):
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise Retry("the center stalled mid-answer", halve=True)
            content = b"".join(chunks)
    except requests.Timeout as exc:
        raise Retry("timed out", halve=True) from exc
    except requests.RequestException as exc:
        raise Retry(f"network: {type(exc).__name__}") from exc
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) != len(content):
        raise Retry("the answer was cut short")
    if response.status_code == 429 and method == "POST" and url.endswith("/enroll"):
        # Not a trouble to wait out by itself: the keeper is told, and tries again later.
        wait = _retry_after(response) or 900
        raise ProtocolError(429, "too_many_attempts",
                            f"too many failed attempts for this station or from this address; "
                            f"try again in {max(1, round(wait / 60))} min, or ask the county "
                            f"for a new code", retry_after=wait)
    if response.status_code == 429 or response.status_code >= 500:
        raise Retry(f"the center answered {response.status_code}", _retry_after(response))
    try:
        parsed = json.loads(content) if content else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        # A captive portal or gateway answering 200 with a web page: not the center.
        raise Retry(f"not the center's answer ({response.status_code} "
                    f"{response.headers.get('Content-Type', '?')})") from None
    return response.status_code, parsed


# --- enrollment ---------------------------------------------------------------------------------
def enroll(store, center_url: str, station_id: str, code: str, operator: str,
           session=None, center_key: str = "") -> SyncState:
    """Register this station's key with the one-time code and pin the center's key.
    ``center_key``: the fingerprint on the enrollment card; an answer signed by another key
    (someone between the station and the county) is refused and nothing is kept."""
    from station_app.core.signing import public_key_text

    if not center_url.startswith(("http://", "https://")):
        raise ProtocolError(400, "bad_address", f"the county center's address {center_url!r} "
                                                "must start with http:// or https://")
    if center_key:
        protocol.normal_fingerprint(center_key)  # a mistyped fingerprint costs nothing
    session = session or requests.Session()
    base = center_url.rstrip("/") + protocol.API
    try:
        if center_key:  # the center proves its key before the one-time code goes anywhere
            status, answer = _call(session, "GET", base + "/center")
            if status != 200 or not isinstance(answer, dict) \
                    or not isinstance(answer.get("center_public_key"), str):
                raise ProtocolError(502, "not_a_center",
                                    f"{center_url} does not answer as a county center")
            protocol.check_center_key(answer["center_public_key"], center_key)
        status, answer = _call(session, "POST", base + "/enroll",
                               json.dumps({"station_id": station_id, "code": code,
                                           "public_key": public_key_text(store)}).encode(),
                               {"Content-Type": "application/json"})
    except Retry as exc:
        raise Retry(f"cannot reach the county center at {center_url} ({exc})") from exc
    if status != 200:
        raise ProtocolError(status, (answer or {}).get("error", "refused"),
                            (answer or {}).get("detail", ""))
    if not isinstance(answer, dict) or not isinstance(answer.get("center_public_key"), str):
        raise ProtocolError(502, "malformed", "the enrollment answer carries no center key")
    protocol.check_center_key(answer["center_public_key"], center_key)
    fields = protocol.check_document(answer["center_public_key"], answer)
    if fields.get("station_id") != station_id:
        raise ProtocolError(502, "wrong_station", "the answer is for another station")
    if station_settings(store).station_id != station_id:
        record_enrollment(store, operator, station_id, center_url)
    state = SyncState(center_url, fields["center_public_key"], station_id,
                      acked_seq=0, acked_hash=GENESIS_HASH)
    state.save(store)
    return state


# --- one round ----------------------------------------------------------------------------------
# Batches on their way at once. One: the center stores a station's batches in the order its
# database takes them, and a later batch that overtakes the one before is a gap, sent again.
# The next batch is still encoded while one is on its way. A busy station's year uploads at
# ~9,000 events/s this way (bench/sync.py, PostgreSQL), a week offline in well under a second.
IN_FLIGHT = 1
MARK_SAVE_S = 1.0  # how often an upload writes down its verified mark (and at its end)


def _settle(flights: deque) -> None:
    """Wait out the batches still in flight, whatever they bring (the next GET head tells)."""
    wait([flight for _, flight in flights])
    flights.clear()


@dataclass
class RoundResult:
    sent_events: int = 0
    batches: int = 0
    bytes_sent: int = 0
    acked_seq: int = 0
    pending: int = 0
    config_version: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Encoded:
    start: int  # the first seq
    body: bytes
    count: int  # events in it (fewer than asked for when the bytes limit cut it short)
    last_hash: str


def _own_point(store, ack_fields: dict, sent: tuple[int, str] | None = None) -> tuple[int, str]:
    """The (seq, hash) of a verified ack, if it is a point of this station's own chain
    (``sent``: the last event just sent, whose hash needs no look-up); Conflict if not."""
    seq, digest = ack_fields["hw_seq"], ack_fields["hw_hash"]
    if sent and sent[0] == seq:
        known = sent[1]
    elif seq == 0:
        known = GENESIS_HASH
    else:
        event = next(store.events(seq, batch=1), None)
        known = event.hash if event is not None and event.seq == seq else None
    if known != digest:
        raise Conflict(f"the center holds event {seq} differently from this station "
                       "(was this station restored from an old backup?)")
    return seq, digest


def _take_config(store, state: SyncState, fields: dict, notes: list[str]) -> bool:
    """Apply the fields of a configuration document (its signature checked) if it is newer
    than the one this station has; True if applying it wrote an event. A signed body this
    station cannot apply changes nothing and is noted."""
    if not isinstance(fields.get("version"), int) or fields["version"] <= state.config_version:
        return False
    version, body = fields["version"], fields.get("body")
    try:
        applied = county_config.apply_config(store, version, fields.get("issued_at", ""), body)
    except county_config.ConfigError as exc:  # signed, but not for this station's version
        applied = None
        notes.append(f"configuration version {version} could not be applied: {exc}")
    else:
        notes.append(f"configuration version {version} applied" if applied else
                     f"configuration version {version} was in force already")
    state.config_version = version
    return applied is not None


class Uploader:
    """One station's uploads; keeps the batch size it learned between rounds."""

    def __init__(self, store, session=None):
        self.store = store
        self.session = session or requests.Session()
        self.batch_events = protocol.BATCH_EVENTS
        self.center_config_version = 0
        # The center's clock less the station's, as the center last told it (stale_request):
        # a village PC's clock may be off by hours, and signed requests carry the time.
        self.clock_skew = timedelta(0)

    def _signed(self, state: SyncState, key: bytes, method: str, what: str,
                body: bytes = b""):
        """A request signed at the center's time as this station knows it; if the center
        finds that time off, it says its own, and the request is signed again with it."""
        path = f"{protocol.API}/stations/{state.station_id}/{what}"
        url = state.center_url.rstrip("/") + path
        for _attempt in range(2):
            when = to_utc_text(self.store.clock.now() + self.clock_skew)
            headers = protocol.sign_request(key, state.station_id, method, path, body, when)
            if body:
                headers["Content-Type"] = "application/gzip"
            status, answer = _call(self.session, method, url, body, headers)
            told = answer.get("server_time") if isinstance(answer, dict) else None
            if status != 401 or not isinstance(told, str) or answer.get("error") != "stale_request":
                break
            try:
                self.clock_skew = from_utc_text(told) - self.store.clock.now()
            except ValueError:
                break
        return status, answer

    def _state(self) -> SyncState:
        state = load_state(self.store)
        if state is None:
            raise NotEnrolled("this station is not enrolled with a county center")
        return state

    def _adopt(self, state: SyncState, ack: dict, sent: tuple[int, str] | None = None) -> None:
        """Take a verified mark if it is a point of this station's own chain (``sent``: the
        last event just sent, whose hash needs no look-up); the caller writes it down."""
        try:
            fields = protocol.check_ack(state.center_key, ack, state.station_id)
        except ProtocolError as exc:  # garbled on the way, or not the center we pinned
            raise Retry(f"the center's answer did not check out: {exc.detail}") from None
        seq, digest = _own_point(self.store, fields, sent)
        state.acked_seq, state.acked_hash = seq, digest
        self.center_config_version = fields.get("config_version", 0)

    def _adopt_head(self, state: SyncState, key: bytes) -> None:
        status, answer = self._signed(state, key, "GET", "head")
        self._refused_unless_ok(status, answer)
        self._adopt(state, answer)
        state.save(self.store)

    def recorded_round(self) -> RoundResult:
        """A round, and a line in the sync history whichever way it went."""
        try:
            result = self.round()
        except (Retry, Conflict, ProtocolError) as exc:
            remember(self.store, {"at": utc_now_text(), "ok": False, "error": str(exc)})
            raise
        remember(self.store, {"at": utc_now_text(), "ok": True, "sent": result.sent_events,
                              "batches": result.batches, "bytes": result.bytes_sent,
                              "acked_seq": result.acked_seq})
        return result

    def round(self) -> RoundResult:
        state = self._state()
        if state.problem:
            raise Conflict(state.problem)
        if not state.center_url:
            raise NotEnrolled("this station syncs by USB bundle only: it has no center address")
        key = self._key()
        result = RoundResult()
        try:
            self._adopt_head(state, key)
            self._upload(state, key, result)
            if self._fetch_config(state, key, result):
                self._upload(state, key, result)  # the county sees at once that it was applied
        except Conflict as conflict:
            state.problem = str(conflict)
            state.save(self.store)
            raise
        except Retry:
            if not state.offline_since:
                state.offline_since = utc_now_text()
                state.save(self.store)
            raise
        state.offline_since, state.last_ok_at = "", utc_now_text()
        state.save(self.store)
        result.acked_seq = state.acked_seq
        result.pending = self.store.head()[0] - state.acked_seq
        result.config_version = state.config_version
        return result

    def _encode(self, state: SyncState, start: int, size: int, head_seq: int = 0) -> _Encoded:
        events = list(islice(self.store.event_dicts(start, batch=size), size))
        body, count = protocol.first_batch(events, state.station_id, size,
                                           station_head=head_seq)
        return _Encoded(start, body, count, events[count - 1]["hash"])

    def _upload(self, state: SyncState, key: bytes, result: RoundResult) -> None:
        """Batches after the acked mark up to this station's head, each moving the mark.

        Up to IN_FLIGHT batches are on their way at once, and one more is encoded meanwhile,
        so it leaves the moment an ack lands. Acks are still taken in seq order, each verified before the mark moves; after
        any answer but an ack, what is still in flight is only waited for, and the next
        round's ``GET head`` says what landed.

        The verified mark is written down every MARK_SAVE_S and when the upload ends, however
        it ends: a mark lost with the process costs only a re-send, which the center answers
        as a no-op, while writing it after every batch cost a disk flush per batch."""
        try:
            self._send_all(state, key, result)
        finally:
            state.save(self.store)

    def _send_all(self, state: SyncState, key: bytes, result: RoundResult) -> None:
        head_seq = self.store.head()[0]
        flights: deque[tuple[_Encoded, Future]] = deque()
        ready: deque[_Encoded] = deque()  # encoded, not sent yet
        following = state.acked_seq + 1  # the first event not encoded yet
        save_due = time.monotonic() + MARK_SAVE_S

        def send() -> None:
            while len(flights) < IN_FLIGHT and ready:
                batch = ready.popleft()
                started = threading.Event()

                def post(body: bytes = batch.body, started: threading.Event = started):
                    started.set()
                    return self._post(state, key, body)

                flights.append((batch, poster.submit(post)))
                # Until the sender runs: then it keeps the interpreter's lock while it builds the
                # request, mostly until it blocks on the socket. Encoding the next batch here
                # at once made the sender wait a switch interval (5 ms) for the lock instead.
                started.wait()

        with ThreadPoolExecutor(IN_FLIGHT, thread_name_prefix="sync-post") as poster:
            while state.acked_seq < head_seq:
                while len(flights) + len(ready) <= IN_FLIGHT and following <= head_seq:
                    ready.append(self._encode(state, following, self.batch_events, head_seq))
                    following += ready[-1].count
                    send()
                batch, flight = flights.popleft()
                status, answer = flight.result()
                if status == 409 and isinstance(answer, dict) and answer.get("error") == "gap":
                    result.notes.append(f"center expects {answer.get('expected_from')}")
                    _settle(flights)
                    ready.clear()
                    self._adopt_head(state, key)
                    following = state.acked_seq + 1
                    continue
                self._refused_unless_ok(status, answer)  # raising: the pool waits out the rest
                send()
                before = state.acked_seq
                self._adopt(state, answer, (batch.start + batch.count - 1, batch.last_hash))
                if state.acked_seq <= before:
                    raise Retry("the center's ack did not move the mark")
                if time.monotonic() >= save_due:
                    state.save(self.store)
                    save_due = time.monotonic() + MARK_SAVE_S
                result.sent_events += state.acked_seq - before
                result.batches += 1
                result.bytes_sent += len(batch.body)
                self.batch_events = min(protocol.BATCH_EVENTS, self.batch_events * 2)

    def _key(self) -> bytes:
        from station_app.core.signing import private_key

        return private_key(self.store)

    def _post(self, state: SyncState, key: bytes, body: bytes):
        """POST a batch; on a timeout or 413, halve the batch and let the caller re-encode."""
        try:
            status, answer = self._signed(state, key, "POST", "batches", body)
        except Retry as exc:
            if exc.halve:
                self.batch_events = max(1, self.batch_events // 2)
            raise
        if status == 413 and self.batch_events > 1:
            self.batch_events = max(1, self.batch_events // 2)
            raise Retry("the batch was too large for the center; halved")
        return status, answer

    @staticmethod
    def _refused_unless_ok(status: int, answer) -> None:
        if status == 200:
            return
        if not isinstance(answer, dict) or not isinstance(answer.get("error"), str):
            # Not the center's refusal: an answer cut inside its headers reads as a bodiless
            # status line. Stopping the queue on that would be wrong; asking again is safe.
            raise Retry(f"the center's {status} answer came without its reason")
        error, detail = answer["error"], answer.get("detail", "")
        if status == 409:
            raise Conflict(f"the center refused the batch: {detail or error}")
        raise ProtocolError(status, error, detail)

    def _fetch_config(self, state: SyncState, key: bytes, result: RoundResult) -> bool:
        """Fetch and apply a newer configuration; True if applying it wrote an event."""
        if self.center_config_version <= state.config_version:
            return False
        status, document = self._signed(state, key, "GET", "config")
        if status != 200 or not isinstance(document, dict):
            return False
        return _take_config(self.store, state,
                            protocol.check_document(state.center_key, document), result.notes)


def sync_round(store, session=None) -> RoundResult:
    """One round, recorded in the sync history (what `station-app sync` runs)."""
    return Uploader(store, session).recorded_round()


def _uneventful(entry: dict) -> tuple | None:
    """What makes a history line the same as the one before: nothing sent, or the same error.
    A reply read from a stick is never the same as anything: it is a keeper's act."""
    if entry.get("reply"):
        return None
    if entry.get("ok"):
        return ("idle",) if not entry.get("sent") else None
    return ("error", entry.get("error"))


def remember(store, entry: dict) -> None:
    """Add a line; a round that changed nothing after another like it only updates its time,
    so a minute-by-minute poll or a long outage does not push the real rounds out."""
    history = machine_state(store, HISTORY_KEY, [])
    same = history and _uneventful(entry) is not None and \
        _uneventful(entry) == _uneventful(history[0])
    history = [entry] + (history[1:] if same else history)
    set_machine_state(store, **{HISTORY_KEY: history[:HISTORY]})


def history(store) -> list[dict]:
    return machine_state(store, HISTORY_KEY, [])


# --- status for the counter ---------------------------------------------------------------------
@dataclass(frozen=True)
class Status:
    enrolled: bool
    pending: int
    problem: str
    offline_since: str
    last_ok_at: str


def status(store) -> Status:
    state = load_state(store)
    if state is None:
        return Status(False, store.head()[0], "", "", "")
    return Status(True, store.head()[0] - state.acked_seq, state.problem, state.offline_since,
                  state.last_ok_at)


def clear_problem(store) -> None:
    """After the county resolved a conflict: let the queue start again (it re-checks the head)."""
    state = load_state(store)
    if state is not None:
        state.problem = ""
        state.save(store)


# --- the background loop ------------------------------------------------------------------------
def backoff_delay(attempt: int, retry_after: float | None = None, rng=random.random,
                  start: float = BACKOFF_START, cap: float = BACKOFF_CAP) -> float:
    """Full jitter: uniform in [0, min(cap, start·2^attempt)], never before Retry-After."""
    delay = rng() * min(cap, start * (2 ** min(attempt, 32)))
    return max(delay, retry_after or 0.0)


class SyncLoop:
    """Rounds forever on the calling thread until ``stop``; ``wake`` asks for a round now (new
    events, "sync now"). ``on_change`` is called after every round with the Status."""

    def __init__(self, store, session=None, on_change=None, idle_poll: float = IDLE_POLL):
        self.store = store
        self.uploader = Uploader(store, session)
        self.on_change = on_change or (lambda _status: None)
        self.idle_poll = idle_poll
        self._wake = threading.Event()
        self._stop = threading.Event()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            self._wake.clear()
            delay = self.idle_poll
            try:
                self.uploader.recorded_round()
                attempt = 0
            except Retry as exc:
                delay = backoff_delay(attempt, exc.retry_after)
                attempt += 1
            except (NotEnrolled, Conflict, ProtocolError):
                pass  # told in the status and the history; a person has to act
            self.on_change(status(self.store))
            self._wake.wait(delay)


# --- USB bundle ---------------------------------------------------------------------------------
EXPECTED_CENTER_KEY = "expected_center_key"  # machine_state: the card's fingerprint, by bundle


def export_bundle(store, station_id: str | None = None, code: str | None = None,
                  operator: str = SYSTEM, center_key: str = "") -> tuple[bytes, int]:
    """Every event after the acked mark as signed batches in one file: (bytes, event count).

    The mark does not move: the county's import is what makes them synced (and its reply,
    import_reply), and a bundle carried twice, or overlapping an online sync, is stored once.
    A station that never gets a link enrolls by bundle too: with ``code``, the file carries the
    enrollment request, and the station takes the id (journaled, as enrolling online is);
    ``center_key``, the card's fingerprint, is kept to check the county's first reply."""
    from station_app.core.signing import private_key, public_key_text

    state = load_state(store)
    station_id = station_id or (state.station_id if state else station_settings(store).station_id)
    if not station_id:
        raise NotEnrolled("this station has no county station id yet: enroll, or give the "
                          "station id and one-time code")
    enrollment = None
    if code:
        enrollment = {"code": code, "public_key": public_key_text(store)}
        if station_settings(store).station_id != station_id:
            record_enrollment(store, operator, station_id, "")  # "": by bundle, no address
        if center_key:
            protocol.normal_fingerprint(center_key)  # refused here if mistyped
            set_machine_state(store, **{EXPECTED_CENTER_KEY: center_key})
    start = state.acked_seq + 1 if state and state.station_id == station_id else 1
    bodies, count, events, head = [], 0, store.event_dicts(start), store.head()[0]
    while chunk := list(islice(events, protocol.BATCH_EVENTS)):
        bodies += protocol.split_batches(chunk, station_id, station_head=head)
        count += len(chunk)
    return protocol.make_bundle(private_key(store), station_id, bodies, utc_now_text(),
                                enrollment), count


def write_bundle(store, path, station_id: str | None = None, code: str | None = None,
                 operator: str = SYSTEM, center_key: str = "") -> int:
    data, count = export_bundle(store, station_id, code, operator, center_key)
    write_atomically(path, data)
    return count


@dataclass(frozen=True)
class ReplyResult:
    acked_seq: int  # what the county holds of this station now
    newly_acked: int  # records that became synced by this reply
    pending: int
    config_version: int
    notes: list[str]


def import_reply(store, data: bytes) -> ReplyResult:
    """The county's reply carried back on the stick (county-center import-bundle --reply):
    what an online round would have said. Its mark moves this station's only forward and only
    to a point of its own chain; its configuration is applied as a downloaded one would be.
    A station that has never had a link pins the county's key here, as enrolling online does,
    once it matches the fingerprint of the enrollment card (when the card gave one); one that
    has refuses a reply signed by any other key. Nothing changes if a check fails."""
    reply = protocol.read_reply(data)
    state = load_state(store)
    own_id = state.station_id if state else station_settings(store).station_id
    if not own_id:
        raise NotEnrolled("this station has no county station id yet: write a bundle with the "
                          "station id and one-time code first")
    if reply.station_id != own_id:
        raise ProtocolError(400, "wrong_station",
                            f"this reply is for station {reply.station_id}, not {own_id}")
    if state is not None and reply.center_public_key != state.center_key:
        raise ProtocolError(400, "wrong_center",
                            "this reply is not from the county center this station joined")
    if state is None:  # the first reply: the card's fingerprint decides, not trust
        protocol.check_center_key(reply.center_public_key,
                                  machine_state(store, EXPECTED_CENTER_KEY, ""))
    state = state or SyncState("", reply.center_public_key, own_id)
    seq, digest = _own_point(store, protocol.check_ack(state.center_key, reply.ack, own_id))
    config = None if reply.config is None else \
        protocol.check_document(state.center_key, reply.config)  # before anything changes
    before = state.acked_seq
    if seq > state.acked_seq:
        state.acked_seq, state.acked_hash = seq, digest
    notes: list[str] = []
    if config is not None:
        _take_config(store, state, config, notes)
    state.save(store)
    remember(store, {"at": utc_now_text(), "ok": True, "reply": True,
                     "acked": state.acked_seq - before})
    return ReplyResult(state.acked_seq, state.acked_seq - before,
                       store.head()[0] - state.acked_seq, state.config_version, notes)
