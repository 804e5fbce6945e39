"""The OpenAPI description of the sync endpoints' bodies and answers (DESIGN §4), for ``/docs`` and for
tools that generate requests from ``/openapi.json``.

The server's own checks stay the authority: the request body is read as plain JSON and checked by
``server.api_sync`` and, per record, by ``core.sync.validate`` — a record that fits this schema may
still be ``rejected`` in the answer, and one that does not is ``rejected`` rather than failing the batch.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from core.sync.schema import table_schemas
from core.sync.validate import MAX_ID
from server.config import MAX_BATCH_RECORDS, MAX_PULL_LIMIT
from server.errors import error_responses

MAX_SEQUENCE = 2**63 - 1  # versions are 64-bit integers on SQLite and PostgreSQL
STAMP_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"
_TEXT = {"type": "string"}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required or list(properties)}


def json_request(schema: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` for an endpoint that reads its JSON body itself."""
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def json_answers(schema: dict[str, Any], *errors: int) -> dict[int | str, dict[str, Any]]:
    """``responses``: the 200 answer's schema and the error statuses the endpoint may answer with."""
    return {200: {"content": {"application/json": {"schema": schema}}}, **error_responses(*errors)}


INFO = _object({
    "server_time": {**_TEXT, "pattern": STAMP_PATTERN},
    "protocol": {"type": "integer"},
    "min_client_protocol": {"type": "integer"},
    "district_name": _TEXT,
    "public_url": {**_TEXT, "description": "The address phones open for 活码, when the district set one"},
}, required=["server_time", "protocol", "min_client_protocol", "district_name"])

ENROLL_REQUEST = _object({
    "code": {**_TEXT, "description": "The one-time enrollment code (case, spaces and dashes are ignored)"},
    "device_name": {**_TEXT, "minLength": 1, "maxLength": 100},
})

ENROLLED = _object({"branch_id": _TEXT, "branch_name": _TEXT, "token": _TEXT, "device_id": _TEXT})

PUSHED_RECORD = _object({
    "table": {**_TEXT, "enum": sorted(table_schemas())},
    "id": {**_TEXT, "minLength": 1, "maxLength": MAX_ID},
    "branch_id": {**_TEXT, "minLength": 1, "description": "The caller's branch id (anything else is rejected: scope)"},
    "base_version": {"type": "integer", "minimum": 0, "maximum": MAX_SEQUENCE},
    "updated_at": {**_TEXT, "pattern": STAMP_PATTERN},
    "deleted": {"type": "integer", "enum": [0, 1]},
    "data": {"type": "object", "description": "The row's columns (the table's schema, without bookkeeping)"},
    "changed": {"type": "array", "uniqueItems": True, "items": _TEXT, "description": (
        "Protocol 2, optional: the fields (columns of data, or deleted) edited since base_version. "
        "Without it a stale record is merged by comparing values with the base (protocol 1)")},
}, required=["table", "id", "branch_id", "base_version", "updated_at", "deleted", "data"])

PUSH_REQUEST = _object({
    "batch_id": {**_TEXT, "minLength": 1, "maxLength": 200},
    "records": {"type": "array", "maxItems": MAX_BATCH_RECORDS, "items": PUSHED_RECORD},
})

STORED_RECORD = _object({
    "table": _TEXT,
    "id": _TEXT,
    "branch_id": _TEXT,
    "version": {"type": "integer", "minimum": 1},
    "updated_at": _TEXT,
    "deleted": {"type": "integer", "enum": [0, 1]},
    "data": {"type": "object"},
})

PUSH_RESULT = _object({
    "table": {"description": "As sent"},
    "id": {"description": "As sent"},
    "status": {"enum": ["ok", "merged", "conflict", "rejected"]},
    "version": {"type": "integer", "minimum": 0},
    "code": {"type": ["string", "null"]},
    "message": {"type": ["string", "null"]},
    "record": {"anyOf": [{"type": "null"}, STORED_RECORD]},
})

PUSHED = _object({"results": {"type": "array", "items": PUSH_RESULT}, "server_time": _TEXT})

PAGE = _object({
    "records": {"type": "array", "maxItems": MAX_PULL_LIMIT, "items": STORED_RECORD},
    "next": {"type": "integer", "minimum": 0},
    "more": {"type": "boolean"},
})


def without_framework_422(app: FastAPI) -> None:
    """Request validation errors are answered with 400 ``bad_request`` (server.app), never the 422
    the framework documents by default: drop it from the schema."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            components = schema.get("components", {}).get("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                components.pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
