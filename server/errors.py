"""Errors the API answers with: ``{"detail": {"code", "message"}}``, the message in Chinese."""

from __future__ import annotations

from fastapi import HTTPException


class ApiError(HTTPException):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, detail={"code": code, "message": message}, headers=headers)


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


def token_error() -> ApiError:
    return ApiError(
        401, "token",
        "本设备的同步凭证无效或已被区里停用，请向区委组织部索取新的登记码，重新登记本设备。",
        headers={"WWW-Authenticate": "Bearer"},
    )


# Messages for the framework's own errors (unknown path, wrong method, …).
STATUS_MESSAGES: dict[int, tuple[str, str]] = {
    404: ("not_found", "没有这个地址，请检查服务器地址是否正确。"),
    405: ("method", "不支持这种请求方式。"),
    500: ("server", "服务器内部出错，请稍后再试；如果一直出错，请联系区委组织部。"),
}


# -- how the errors are documented in the OpenAPI schema ------------------------------------------

ERROR_SCHEMA = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {
        "type": "object",
        "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
    }},
}
_DESCRIPTIONS = {
    400: "The request is malformed (`bad_request`) or refused (e.g. `enroll_code`)",
    401: "No valid credentials (`token` for a device, `admin` for the admin)",
    403: "A device token where the admin is required (`admin`)",
    409: "The batch id was used before for other records (`batch_reused`)",
    413: "The body is too large (`too_large`, `too_many`)",
    429: "Too busy (`busy`) or too many wrong codes/passwords (`too_many_attempts`); see Retry-After",
    503: "The database is unavailable (`database`); see Retry-After",
}
_RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "string"}}}


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI ``responses`` for the given error statuses, in the ``{"detail": {code, message}}`` shape."""
    return {
        status: {
            "description": _DESCRIPTIONS[status],
            "content": {"application/json": {"schema": ERROR_SCHEMA}},
            **({"headers": _RETRY_AFTER} if status in (429, 503) else {}),
        }
        for status in statuses
    }
