"""The HTTP transport against a scripted local HTTP server: retries with backoff, Retry-After,
gzip bodies, the bearer token, errors in Chinese and cancelling between attempts."""

from __future__ import annotations

import gzip
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from core.sync.errors import ServerRefused, ServerUnreachable, SyncCancelled
from core.sync.transport import HttpTransport


class Scripted:
    """Answers requests from a list of (status, headers, body); records what arrived."""

    def __init__(self) -> None:
        self.script: list[tuple[int, dict[str, str], Any]] = []
        self.seen: list[dict[str, Any]] = []


@pytest.fixture
def server() -> Iterator[tuple[str, Scripted]]:
    scripted = Scripted()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = gzip.decompress(raw) if self.headers.get("Content-Encoding") == "gzip" else raw
            scripted.seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                  "raw": raw, "body": json.loads(body) if body else None})
            status, headers, payload = scripted.script.pop(0) if scripted.script else (200, {}, {"ok": True})
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", scripted
    httpd.shutdown()
    httpd.server_close()


def _transport(url: str, sleeps: list[float], **kwargs: Any) -> HttpTransport:
    return HttpTransport(url, "secret-token", sleep=sleeps.append, **kwargs)


def test_retries_5xx_with_growing_backoff_then_succeeds(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    scripted.script = [(503, {}, {}), (502, {}, {}), (500, {}, {}), (200, {}, {"records": [], "next": 0,
                                                                          "more": False})]
    sleeps: list[float] = []
    answer = _transport(url, sleeps).pull(0, 500)
    assert answer == {"records": [], "next": 0, "more": False}
    assert len(scripted.seen) == 4 and len(sleeps) == 3
    assert 0.25 <= sleeps[0] <= 0.5 and 0.5 <= sleeps[1] <= 1.0 and 1.0 <= sleeps[2] <= 2.0
    assert scripted.seen[0]["path"] == "/api/v1/sync/pull?since=0&limit=500"
    assert scripted.seen[0]["headers"]["Authorization"] == "Bearer secret-token"


def test_429_waits_as_long_as_the_server_asks(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    scripted.script = [(429, {"Retry-After": "7"}, {"detail": {"code": "busy", "message": "忙"}}), (200, {}, {"a": 1})]
    sleeps: list[float] = []
    assert _transport(url, sleeps).info() == {"a": 1}
    assert 7 <= sleeps[0] <= 7.5


def test_gives_up_after_five_attempts_with_a_chinese_message(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    scripted.script = [(503, {}, {})] * 6
    sleeps: list[float] = []
    with pytest.raises(ServerUnreachable, match="服务器暂时出了问题"):
        _transport(url, sleeps).info()
    assert len(scripted.seen) == 5 and len(sleeps) == 4


def test_a_closed_port_is_unreachable_after_retries() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sleeps: list[float] = []
    with pytest.raises(ServerUnreachable, match="连不上区里的服务器") as caught:
        _transport(f"http://127.0.0.1:{port}", sleeps).info()
    assert len(sleeps) == 4
    assert "请检查网络" in caught.value.message


def test_refusals_are_not_retried_and_carry_the_servers_message(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    scripted.script = [(401, {}, {"detail": {"code": "token", "message": "这台电脑的登记已被注销，请重新登记。"}})]
    sleeps: list[float] = []
    with pytest.raises(ServerRefused, match="已被注销") as caught:
        _transport(url, sleeps).pull(0, 10)
    assert caught.value.status == 401 and caught.value.code == "token"
    assert sleeps == [] and len(scripted.seen) == 1


def test_large_bodies_are_gzipped_small_ones_are_not(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    records = [{"table": "members", "id": f"m{i}", "data": {"name": "张三" * 10}} for i in range(50)]
    transport = _transport(url, [])
    transport.push("batch-1", records)
    transport.enroll("CODE", "办公室电脑")
    big, small = scripted.seen
    assert big["headers"]["Content-Encoding"] == "gzip" and len(big["raw"]) < len(json.dumps(records))
    assert big["body"] == {"batch_id": "batch-1", "records": records}
    assert "Content-Encoding" not in small["headers"] and small["body"] == {"code": "CODE",
                                                                            "device_name": "办公室电脑"}


def test_the_same_batch_id_is_sent_on_every_retry(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    scripted.script = [(500, {}, {}), (200, {}, {"results": []})]
    _transport(url, []).push("batch-7", [])
    assert [seen["body"]["batch_id"] for seen in scripted.seen] == ["batch-7", "batch-7"]


def test_cancel_stops_between_attempts(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    scripted.script = [(503, {}, {})] * 5
    cancel = threading.Event()
    transport = HttpTransport(url, "t", cancel=cancel, sleep=lambda seconds: cancel.set())
    with pytest.raises(SyncCancelled):
        transport.info()
    assert len(scripted.seen) == 1


def test_a_page_that_is_not_the_sync_server(server: tuple[str, Scripted]) -> None:
    url, scripted = server
    scripted.script = [(404, {}, {"detail": "Not Found"})]
    with pytest.raises(ServerUnreachable, match="没有找到同步服务"):
        _transport(url, []).info()
