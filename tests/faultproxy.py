"""A loopback TCP proxy that breaks connections on purpose, between the uploader and a real
center. Each new connection takes the next queued fault (or passes through when none is left):

- ``Cut("up", n)``: forward n bytes of the request, then drop both sides;
- ``Cut("down", n)``: forward the whole request but only n bytes of the answer, then drop;
- ``LoseAnswer()``: let the center answer in full (so it has committed), never pass it on;
- ``Answer(raw)``: answer ``raw`` itself (a 503, a gateway's web page), never reach the center.

Given several upstream ports it is a round-robin balancer: each connection goes to the next
center process, past any that refuses it (killed), as a TCP load balancer does. The status of
every answer passed back is counted in ``statuses``.
"""

from __future__ import annotations

import re
import socket
import threading
from collections import Counter, deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Cut:
    direction: str  # "up": station -> center; "down": center -> station
    after: int


@dataclass(frozen=True)
class LoseAnswer:
    pass


@dataclass(frozen=True)
class Answer:
    raw: bytes


def http_answer(status: str, body: bytes, content_type: str, extra: str = "") -> Answer:
    head = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}"
            f"\r\nConnection: close\r\n{extra}\r\n")
    return Answer(head.encode() + body)


STATUS_LINE = re.compile(rb"HTTP/1\.1 ([0-9]{3}) ")


class FaultProxy:
    def __init__(self, upstream_port: int | list[int]):
        self.upstream_ports = upstream_port if isinstance(upstream_port, list) \
            else [upstream_port]
        self.faults: deque = deque()
        self.connections = 0
        self.statuses: Counter = Counter()
        # Called with the bytes of a request forwarded so far (to kill the center mid-batch).
        self.on_upload = lambda _sent: None
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._server.close()
        with self._lock:
            for s in list(self._open):
                _close(s)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                fault = self.faults.popleft() if self.faults else None
                self._open.add(client)
            threading.Thread(target=self._serve, args=(client, fault), daemon=True).start()

    def _serve(self, client: socket.socket, fault) -> None:
        if isinstance(fault, Answer):
            _read_request(client)
            client.sendall(fault.raw)
            _close(client)
            return
        upstream = self._connect()
        if upstream is None:
            _close(client)
            return
        with self._lock:
            self._open.add(upstream)
        up_limit = fault.after if isinstance(fault, Cut) and fault.direction == "up" else None
        down_limit = fault.after if isinstance(fault, Cut) and fault.direction == "down" else None
        if isinstance(fault, LoseAnswer):
            down_limit = 0
        threading.Thread(target=_pump, args=(client, upstream, up_limit,
                                             lambda n, _data: self.on_upload(n)),
                         daemon=True).start()
        _pump(upstream, client, down_limit, self._count_statuses)

    def _connect(self) -> socket.socket | None:
        """A connection to the next upstream that takes one (round robin)."""
        with self._lock:
            first = self.connections
        for n in range(len(self.upstream_ports)):
            port = self.upstream_ports[(first + n) % len(self.upstream_ports)]
            try:
                return socket.create_connection(("127.0.0.1", port))
            except OSError:
                continue
        return None

    def _count_statuses(self, _sent: int, data: bytes = b"") -> None:
        found = STATUS_LINE.findall(data)
        if found:
            with self._lock:
                self.statuses.update(int(code) for code in found)


def _pump(src: socket.socket, dst: socket.socket, limit: int | None, watch=None) -> None:
    """Copy src to dst; past ``limit`` bytes, drop both. A limit of 0 downstream drops the
    connection as the center's first answer bytes arrive: it answered, so it has committed."""
    sent = 0
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            if limit is not None and sent + len(data) > limit:
                if limit > sent:
                    dst.sendall(data[:limit - sent])
                break
            dst.sendall(data)
            sent += len(data)
            if watch is not None:
                watch(sent, data)
    except OSError:
        pass
    _close(src)
    _close(dst)


def _read_request(client: socket.socket) -> None:
    """Read one HTTP request (headers and a Content-Length body) so the client sees an answer,
    not a reset, when the proxy answers by itself."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return
        body += chunk


def _close(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()
