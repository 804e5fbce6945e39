"""A TCP proxy on 127.0.0.1 that breaks the link between a branch client and the district server
on purpose: real sockets and threads, every decision drawn from a seeded ``random.Random``.

Per connection it either passes the traffic through, passes it slowly (a small sleep per chunk),
cuts it after a random number of bytes in one direction (the request half-sent to the server, or
the answer half-received by the client — the server has then done the work and the client never
hears of it), or resets it at once. A cut is a reset (RST) or an orderly close (FIN), drawn too.
``counts`` says what really happened: a planned cut only counts once its byte limit was reached.

    with FaultProxy(server.port, seed=7) as proxy:
        HttpTransport(proxy.url, token)   # talks to the server through the faults
        proxy.faults_on = False           # from now on everything passes through untouched
        proxy.script(FaultPlan(CUT_ANSWER, cut_after=300))  # the next connection: exactly this
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import random
import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass

CHUNK = 4096
POLL = 0.05  # seconds a pump waits for data before it looks whether the link is gone

PASS, DELAY, REFUSE, CUT_REQUEST, CUT_ANSWER = "pass", "delay", "refuse", "cut_request", "cut_answer"
TO_SERVER, TO_CLIENT = "to_server", "to_client"


@dataclass
class FaultCounts:
    """What the proxy did so far."""

    connections: int = 0
    passed: int = 0  # connections planned to pass untouched (fast or slow)
    delayed: int = 0  # connections slowed down (alone or before a cut)
    refused: int = 0  # connections reset before a byte went through
    cuts_to_server: int = 0  # requests cut after part of them reached the server
    cuts_to_client: int = 0  # answers cut after part of them reached the client
    bytes_to_server: int = 0
    bytes_to_client: int = 0

    @property
    def cuts(self) -> int:
        return self.cuts_to_server + self.cuts_to_client

    def summary(self) -> str:
        return (
            f"{self.connections} connections: {self.passed} passed ({self.delayed} delayed), "
            f"{self.refused} refused, cuts {self.cuts_to_server} client→server / "
            f"{self.cuts_to_client} server→client"
        )


@dataclass(frozen=True)
class FaultPlan:
    """What happens to one connection."""

    kind: str  # PASS | DELAY | REFUSE | CUT_REQUEST | CUT_ANSWER
    cut_after: int = 0  # bytes let through in the cut direction before the cut
    delay: float = 0.0  # seconds slept before forwarding each chunk
    abrupt: bool = True  # cut with a reset (RST) rather than an orderly close (FIN)

    def limit(self, direction: str) -> int | None:
        cut_direction = {CUT_REQUEST: TO_SERVER, CUT_ANSWER: TO_CLIENT}.get(self.kind)
        return self.cut_after if cut_direction == direction else None


class _Link:
    """One proxied connection: its two sockets and whether it is gone."""

    def __init__(self, client: socket.socket, upstream: socket.socket) -> None:
        self.client = client
        self.upstream = upstream
        self.gone = threading.Event()

    def cut(self, abrupt: bool) -> None:
        self.gone.set()
        for sock in (self.client, self.upstream):
            if abrupt:
                _set_reset_on_close(sock)
            else:
                _shutdown(sock)


class FaultProxy:
    """``fault_rate``: the share of connections that get a fault (refused or cut); of the rest,
    ``delay_rate`` are slowed down. ``max_cut_bytes``: cut positions are drawn from 1 to this many
    bytes, half of them uniformly and half log-uniformly, so headers, small bodies and large pages
    are all hit."""

    def __init__(
        self,
        target_port: int,
        *,
        seed: int = 0,
        fault_rate: float = 0.4,
        delay_rate: float = 0.3,
        max_cut_bytes: int = 64 * 1024,
        max_delay: float = 0.004,
        target_host: str = "127.0.0.1",
    ) -> None:
        self.target = (target_host, target_port)
        self.fault_rate = fault_rate
        self.delay_rate = delay_rate
        self.max_cut_bytes = max_cut_bytes
        self.max_delay = max_delay
        self.faults_on = True
        self._rng = random.Random(seed)
        self._script: deque[FaultPlan] = deque()
        self._lock = threading.Lock()
        self._counts = FaultCounts()
        self._stopping = threading.Event()
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self.port = 0

    # -- life cycle ------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self.port, "the proxy is not started"
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        listener.settimeout(POLL)
        self._listener = listener
        self.port = int(listener.getsockname()[1])
        self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        self._stopping.set()
        for thread in list(self._threads):
            thread.join(timeout=5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- what it does ----------------------------------------------------------------------------

    def script(self, *plans: FaultPlan) -> None:
        """Use ``plans`` for the next connections, in order, before drawing any more."""
        with self._lock:
            self._script.extend(plans)

    def reseed(self, seed: int) -> None:
        """Draw the following connections' plans from ``random.Random(seed)``."""
        with self._lock:
            self._rng = random.Random(seed)

    @property
    def counts(self) -> FaultCounts:
        with self._lock:
            return dataclasses.replace(self._counts)

    def _count(self, **increments: int) -> None:
        with self._lock:
            for name, value in increments.items():
                setattr(self._counts, name, getattr(self._counts, name) + value)

    def _plan(self) -> FaultPlan:
        with self._lock:
            rng = self._rng
            if self._script:
                return self._script.popleft()
            if not self.faults_on:
                return FaultPlan(PASS)
            delay = rng.uniform(0.0005, self.max_delay) if rng.random() < self.delay_rate else 0.0
            if rng.random() >= self.fault_rate:
                return FaultPlan(DELAY if delay else PASS, delay=delay)
            kind = rng.choices((REFUSE, CUT_REQUEST, CUT_ANSWER), weights=(1, 2, 3))[0]
            if rng.random() < 0.5:  # anywhere: most often in a later, larger request or answer
                cut_after = rng.randint(1, self.max_cut_bytes)
            else:  # most often early: in the headers or a short first request or answer
                cut_after = int(math.exp(rng.uniform(0.0, math.log(self.max_cut_bytes))))
            return FaultPlan(kind, cut_after=max(1, cut_after), delay=delay, abrupt=rng.random() < 0.5)

    # -- the machinery ---------------------------------------------------------------------------

    def _spawn(self, target: object, *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)  # type: ignore[arg-type]
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._spawn(self._serve, client)

    def _serve(self, client: socket.socket) -> None:
        plan = self._plan()
        self._count(connections=1, passed=plan.kind in (PASS, DELAY), delayed=plan.delay > 0)
        if plan.kind == REFUSE:
            self._count(refused=1)
            _set_reset_on_close(client)
            client.close()
            return
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:  # the server is down: the client sees its connection reset
            _set_reset_on_close(client)
            client.close()
            return
        link = _Link(client, upstream)
        for sock in (client, upstream):
            sock.settimeout(POLL)
        answers = threading.Thread(target=self._pump, args=(link, upstream, client, TO_CLIENT, plan), daemon=True)
        answers.start()
        self._pump(link, client, upstream, TO_SERVER, plan)
        answers.join()
        client.close()
        upstream.close()

    def _pump(self, link: _Link, source: socket.socket, sink: socket.socket, direction: str, plan: FaultPlan) -> None:
        """Forward ``source`` → ``sink`` until either side closes, the link is cut or the proxy stops."""
        limit = plan.limit(direction)
        sent = 0
        try:
            while not link.gone.is_set() and not self._stopping.is_set():
                try:
                    chunk = source.recv(CHUNK)
                except TimeoutError:
                    continue
                if not chunk:
                    _shutdown(sink, socket.SHUT_WR)  # pass the orderly end of this direction on
                    return
                if plan.delay:
                    time.sleep(plan.delay)
                if limit is not None and sent + len(chunk) >= limit:
                    sink.sendall(chunk[: limit - sent])
                    self._count(**{f"bytes_{direction}": limit - sent, f"cuts_{direction}": 1})
                    link.cut(plan.abrupt)
                    return
                sink.sendall(chunk)
                sent += len(chunk)
                self._count(**{f"bytes_{direction}": len(chunk)})
        except OSError:  # the other side went away
            link.gone.set()
        finally:
            if self._stopping.is_set():
                link.gone.set()


def _set_reset_on_close(sock: socket.socket) -> None:
    """Make ``close()`` send a reset (RST) instead of an orderly FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _shutdown(sock: socket.socket, how: int = socket.SHUT_RDWR) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(how)
