"""Dependency aliases shared by the routers: the database and the authenticated device."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from server.auth import Caller, find_device
from server.db import Database
from server.errors import token_error


def get_db(request: Request) -> Database:
    return request.app.state.db


DbDep = Annotated[Database, Depends(get_db)]


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def current_device(request: Request, db: DbDep) -> Caller:
    """The enrolled device behind ``Authorization: Bearer``; 401 ``token`` otherwise."""
    token = bearer_token(request)
    if token is None:
        raise token_error()
    with db.read() as conn:
        caller = find_device(conn, token)
    if caller is None:
        raise token_error()
    return caller


CallerDep = Annotated[Caller, Depends(current_device)]
