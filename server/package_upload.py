"""The dashboard's sync package upload (``server.dashboard_packages``): reading the form's file within a
limit.

:func:`read_upload` parses a ``multipart/form-data`` body as it streams in. It stops as soon as the
file passes ``limit`` bytes (413), or the whole body passes the limit plus a little room for the
other fields (before reading anything when ``Content-Length`` already says so): an upload is never
read without bound, and never spooled to disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

FIELD_ROOM = 64 * 1024  # the body beyond the file: boundaries, part headers, the CSRF field
MAX_FIELD_BYTES = 4 * 1024
MAX_HEADER_BYTES = 8 * 1024
MAX_PARTS = 8
NOT_A_FORM = "上传的内容不是本页表单发来的文件。请在“同步包”页点“选择文件”，选好同步包后再点“处理同步包”。"
BROKEN = "上传的内容不完整或格式不对（可能上传中断了），什么也没有处理。请重新选择同步包，再点“处理同步包”。"


class UploadRefused(Exception):
    """An upload that cannot be used; ``status`` is the HTTP status to answer, the message Chinese."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def too_large(limit: int) -> UploadRefused:
    return UploadRefused(413, f"这个文件太大（超过 {limit // (1024 * 1024)} MB），不是支部工作台的同步包，"
                              "什么也没有处理。请选择支部电脑导出的同步包（.zbsync）。")


@dataclass
class Upload:
    """The form's fields (text) and its one file (None when the form had no file part)."""

    fields: dict[str, str] = field(default_factory=dict)
    file: bytes | None = None
    filename: str = ""


class _Collector:
    """python-multipart callbacks gathering the fields and the file named ``file_field``."""

    def __init__(self, file_field: str, limit: int) -> None:
        self.file_field, self.limit = file_field, limit
        self.upload = Upload()
        self.parts = 0
        self.ended = False
        self._header: list[bytes] = []
        self._name = self._value = b""
        self._headers: dict[bytes, bytes] = {}
        self._kind = ""  # "file", "field" or "skip" for the part being read
        self._chunks: list[bytes] = []
        self._size = 0
        self._field = ""

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self._part_begin, "on_header_field": self._header_field,
            "on_header_value": self._header_value, "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished, "on_part_data": self._data,
            "on_part_end": self._part_end, "on_end": self._end,
        }

    def _part_begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise UploadRefused(400, NOT_A_FORM)
        self._headers, self._name, self._value, self._size = {}, b"", b"", 0

    def _grow(self, data: bytes, start: int, end: int) -> bytes:
        self._size += end - start
        if self._size > MAX_HEADER_BYTES:
            raise UploadRefused(400, NOT_A_FORM)
        return data[start:end]

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._name += self._grow(data, start, end)

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += self._grow(data, start, end)

    def _header_end(self) -> None:
        self._headers[self._name.strip().lower()] = self._value.strip()
        self._name = self._value = b""

    def _headers_finished(self) -> None:
        kind, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        name = params.get(b"name", b"").decode("utf-8", "replace")
        self._chunks, self._size = [], 0
        if kind != b"form-data" or not name:
            raise UploadRefused(400, NOT_A_FORM)
        if b"filename" in params:
            if name != self.file_field:
                self._kind = "skip"
                return
            if self.upload.file is not None:
                raise UploadRefused(400, NOT_A_FORM)
            self._kind = "file"
            self.upload.filename = params[b"filename"].decode("utf-8", "replace")
        else:
            self._kind, self._field = "field", name

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._kind == "skip":
            return
        self._size += end - start
        if self._kind == "file" and self._size > self.limit:
            raise too_large(self.limit)
        if self._kind == "field" and self._size > MAX_FIELD_BYTES:
            raise UploadRefused(400, NOT_A_FORM)
        self._chunks.append(data[start:end])

    def _part_end(self) -> None:
        value, self._chunks = b"".join(self._chunks), []
        if self._kind == "file":
            self.upload.file = value
        elif self._kind == "field":
            self.upload.fields.setdefault(self._field, value.decode("utf-8", "replace"))
        self._kind = ""

    def _end(self) -> None:
        self.ended = True


async def read_upload(request: Request, file_field: str, limit: int) -> Upload:
    """The ``multipart/form-data`` body of ``request``, its file (the part named ``file_field``) at most
    ``limit`` bytes. Raises :class:`UploadRefused` (400 not such a form or broken, 413 too large)."""
    kind, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary", b"")
    if kind != b"multipart/form-data" or not boundary or len(boundary) > 200:
        raise UploadRefused(400, NOT_A_FORM)
    declared = request.headers.get("content-length", "")
    most = limit + FIELD_ROOM
    if declared.isdigit() and int(declared) > most:
        raise too_large(limit)
    collector = _Collector(file_field, limit)
    parser = MultipartParser(boundary, collector.callbacks())  # type: ignore[arg-type]
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > most:
                raise too_large(limit)
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except (MultipartParseError, ClientDisconnect):
        raise UploadRefused(400, BROKEN) from None
    if not collector.ended:
        raise UploadRefused(400, BROKEN)
    return collector.upload

