"""Secrets: device tokens and enrollment codes (stored as sha256 only), the admin password
(pbkdf2-sha256) and the admin's signed session cookie."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, select

from server.db import branches, devices

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_LENGTH = 10
PBKDF2_ITERATIONS = 240_000
SESSION_SECONDS = 12 * 3600
SESSION_COOKIE = "zhibu_admin"


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_enrollment_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: str) -> str:
    """People type codes by hand: ignore case, spaces and dashes."""
    return "".join(ch for ch in code.upper() if ch not in " -\t")


def code_hash(code: str) -> str:
    return sha256_hex(normalize_code(code))


@dataclass(frozen=True)
class Caller:
    """The device behind a bearer token."""

    device_id: str
    device_name: str
    branch_id: str
    branch_name: str
    last_sync_at: str | None = None


def find_device(conn: Connection, token: str) -> Caller | None:
    """The enrolled, not revoked device holding ``token``."""
    row = conn.execute(
        select(
            devices.c.id, devices.c.name, devices.c.branch_id, devices.c.last_sync_at,
            branches.c.name.label("branch_name"),
        )
        .join(branches, branches.c.id == devices.c.branch_id)
        .where(devices.c.token_hash == sha256_hex(token), devices.c.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    return Caller(row.id, row.name, row.branch_id, row.branch_name, row.last_sync_at)


# -- the admin password -------------------------------------------------------------------------


def hash_password(password: str, iterations: int = PBKDF2_ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${_b64(salt)}${_b64(digest)}"


@lru_cache(maxsize=32)
def verify_password(password: str, stored: str) -> bool:
    """Cached: HTTP Basic sends the password with every request, and pbkdf2 is slow on purpose."""
    try:
        scheme, rounds, salt, digest = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        computed = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), _unb64(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(computed, _unb64(digest))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# -- the session cookie ---------------------------------------------------------------------------


def sign_session(secret: str, password_hash: str, now: float | None = None) -> str:
    """``<expiry>.<signature>``; the signature covers the password hash, so changing the password
    ends every session."""
    expiry = int((now if now is not None else time.time()) + SESSION_SECONDS)
    return f"{expiry}.{_signature(secret, password_hash, expiry)}"


def verify_session(secret: str, password_hash: str, value: str, now: float | None = None) -> bool:
    expiry_text, _, signature = value.partition(".")
    if not expiry_text.isdigit() or int(expiry_text) < (now if now is not None else time.time()):
        return False
    return hmac.compare_digest(signature, _signature(secret, password_hash, int(expiry_text)))


def _signature(secret: str, password_hash: str, expiry: int) -> str:
    message = f"admin.{expiry}.{password_hash}".encode()
    return _b64(hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest())
