"""The sync package file (同步包, ``.zbsync``): what a USB stick carries between a branch PC and the
district when there is no link (README "Sync by file").

Layout::

    MAGIC (8 bytes) | header length (4 bytes, big-endian) | header (JSON) | body | tag (32 bytes)

The header is small and says what the file is and whose it is (kind, package id and number, device,
branch). The body is everything else as zlib-compressed JSON, encrypted (XSalsa20-Poly1305, PyNaCl's
``SecretBox``, with a key derived from the signing key), so a lost USB stick shows no member's data.
The tag is HMAC-SHA256 over all bytes before it, keyed by :func:`package_key` — derived from the
device token, which the PC holds and the district holds as its hash — so a file cannot be altered or
made by anyone without the device's token. An enrolment request (no token yet) is neither signed nor
encrypted: its tag is a checksum that proves the file arrived whole, and the one-time code inside is
its credential, as it is online. Its reply seals the new token to a key pair the PC made
(:func:`seal`), so a leaked reply is useless to anyone else.

Reading checks the size, the layout and the tag before the body is unpacked, and unpacks within a
bound: a broken, cut off or edited file is a :class:`PackageError` with a Chinese message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from core.sync.errors import SyncError

MAGIC = b"ZBSYNC\x00\x01"
FORMAT = 1
SUFFIX = ".zbsync"
TAG_BYTES = 32
MAX_HEADER_BYTES = 16 * 1024
MAX_FILE_BYTES = 64 * 1024 * 1024  # a 50,000-record first package is a few MB
MAX_BODY_BYTES = 512 * 1024 * 1024  # unpacked
# Kinds: a branch PC's package and the district's reply; an enrolment request and its reply.
PACKAGE, REPLY, ENROLL, ENROLL_REPLY = "package", "reply", "enroll", "enroll-reply"
KINDS = (PACKAGE, REPLY, ENROLL, ENROLL_REPLY)
_ENROLL_KEY = b"zhibu-sync-package/enroll-checksum"

DAMAGED = ("这个同步包文件已损坏、不完整或被改动过（校验不通过），没有导入任何数据。"
           "请重新复制一次文件（复制完再拔U盘）；如果还是这样，请重新导出。")


class PackageError(SyncError):
    """A package that cannot be used (damaged, someone else's, out of order); nothing was written."""


@dataclass(frozen=True)
class Package:
    header: dict[str, Any]
    body: dict[str, Any]

    @property
    def kind(self) -> str:
        return str(self.header.get("kind"))


def token_hash(token: str) -> str:
    """The hash the district keeps of a device token (as ``server.auth.sha256_hex``)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def package_key(device_token_hash: str) -> bytes:
    """The signing key of a device's packages, derived from its token's hash (both sides have it)."""
    return hmac.new(bytes.fromhex(device_token_hash), b"zhibu-sync-package/1", hashlib.sha256).digest()


def enroll_key() -> bytes:
    return _ENROLL_KEY


def pack(header: dict[str, Any], body: dict[str, Any], key: bytes, *, level: int = 6) -> bytes:
    """The file's bytes. ``header`` gets ``format``; it must name ``kind``. The body is compressed,
    then (for every kind but an enrolment request, which holds no member data) encrypted."""
    assert header.get("kind") in KINDS
    head = json.dumps({**header, "format": FORMAT}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), level)
    if header["kind"] != ENROLL:
        packed = _box(key).encrypt(packed)
    signed = MAGIC + struct.pack(">I", len(head)) + head + packed
    return signed + hmac.new(key, signed, hashlib.sha256).digest()


def read_header(data: bytes) -> dict[str, Any]:
    """The header of a package file, unverified (it names whose key verifies the rest)."""
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(f"这个文件太大（超过 {MAX_FILE_BYTES // (1024 * 1024)} MB），不是支部工作台的同步包。")
    if MAGIC.startswith(data):  # empty, or cut off within the magic: a copy that broke off
        raise PackageError(DAMAGED)
    if not data.startswith(MAGIC[:6]):
        raise PackageError("这个文件不是支部工作台的同步包（.zbsync）。请选择导出的同步包或区里给的回执文件。")
    if data[:8] != MAGIC:
        raise PackageError("这个同步包是更新版本的支部工作台做的，请先升级支部工作台再导入。")
    if len(data) < 12 + TAG_BYTES:
        raise PackageError(DAMAGED)
    (length,) = struct.unpack(">I", data[8:12])
    if length > MAX_HEADER_BYTES or 12 + length + TAG_BYTES > len(data):
        raise PackageError(DAMAGED)
    try:
        header = json.loads(data[12 : 12 + length].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise PackageError(DAMAGED) from None
    if not isinstance(header, dict) or header.get("kind") not in KINDS:
        raise PackageError(DAMAGED)
    if header.get("format") != FORMAT:
        raise PackageError("这个同步包是更新版本的支部工作台做的，请先升级支部工作台再导入。")
    return header


def unpack(data: bytes, key: bytes) -> Package:
    """Verify the tag with ``key`` and unpack the body (within ``MAX_BODY_BYTES``)."""
    header = read_header(data)
    signed, tag = data[:-TAG_BYTES], data[-TAG_BYTES:]
    if not hmac.compare_digest(hmac.new(key, signed, hashlib.sha256).digest(), tag):
        raise PackageError(DAMAGED)
    (length,) = struct.unpack(">I", data[8:12])
    packed = signed[12 + length :]
    if header["kind"] != ENROLL:
        from nacl.exceptions import CryptoError

        try:
            packed = _box(key).decrypt(packed)
        except CryptoError:
            raise PackageError(DAMAGED) from None
    inflater = zlib.decompressobj()
    try:
        plain = inflater.decompress(packed, MAX_BODY_BYTES + 1)
        if len(plain) > MAX_BODY_BYTES or inflater.unconsumed_tail:
            raise PackageError("这个同步包解开后太大，无法处理。请分几次导出（先同步一部分数据）。")
        plain += inflater.flush()
        body = json.loads(plain.decode("utf-8"))
    except (zlib.error, UnicodeDecodeError, ValueError):
        raise PackageError(DAMAGED) from None
    if not isinstance(body, dict):
        raise PackageError(DAMAGED)
    return Package(header, body)


def _box(key: bytes) -> Any:
    """The secret box of a device's files: its key derived from the signing key."""
    from nacl.secret import SecretBox

    return SecretBox(hashlib.sha256(key + b"/encrypt").digest())


# -- sealing the token of an enrolment reply -------------------------------------------------------


def new_key_pair() -> tuple[str, str]:
    """(private, public) of a fresh Curve25519 key pair, base64."""
    from nacl.public import PrivateKey

    private = PrivateKey.generate()
    return _b64(bytes(private)), _b64(bytes(private.public_key))


def seal(public_key: str, secret: str) -> str:
    """``secret`` readable only with the private key of ``public_key`` (an anonymous sealed box)."""
    from nacl.public import PublicKey, SealedBox

    try:
        box = SealedBox(PublicKey(base64.b64decode(public_key, validate=True)))
    except (ValueError, TypeError) as exc:
        raise PackageError("登记包里的电脑密钥无效，这个登记包已损坏。请在支部的电脑上重新导出登记包。") from exc
    return _b64(box.encrypt(secret.encode("utf-8")))


def valid_public_key(public_key: str) -> bool:
    try:
        return len(base64.b64decode(public_key, validate=True)) == 32
    except (ValueError, TypeError):
        return False


def unseal(private_key: str, sealed: str) -> str | None:
    """The secret sealed to this key pair, or None when it was sealed to another."""
    from nacl.exceptions import CryptoError
    from nacl.public import PrivateKey, SealedBox

    try:
        box = SealedBox(PrivateKey(base64.b64decode(private_key)))
        return box.decrypt(base64.b64decode(sealed)).decode("utf-8")
    except (CryptoError, ValueError, TypeError):
        return None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
