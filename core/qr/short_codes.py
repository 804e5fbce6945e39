"""Short codes of 活码 (live codes): the 8 characters printed under a code and typed into a phone,
and the record ids derived from them, shared by the branch PC and the district server.

A code is 8 characters from a 32-letter alphabet without the look-alikes 0/O and 1/I (40 bits).
A ``qr_links`` row's id is derived from its code, so the server finds a scanned code by primary
key; a scan-count row's id from (code, day, lesson), and a phone check-in's study record from
(branch, member, lesson, day), so that a member checking in twice makes one record.
"""

from __future__ import annotations

import secrets
import uuid

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 8
_LINKS = uuid.UUID("6b1f8d0e-2c4a-4f7e-9a35-1d2e3f405162")
_SCANS = uuid.UUID("7c2a9e1f-3d5b-4a8f-8b46-2e3f40516273")
_CHECKINS = uuid.UUID("8d3bafe0-4e6c-4b90-9c57-3f4051627384")
# Where a code leads: a micro-lesson's page, or straight on to an official account or a link.
TARGET_KINDS = ("lesson", "account", "url")
PATH = "/q/"


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(text: str) -> str | None:
    """The code a person typed or a phone opened (case, spaces and dashes ignored), or None when
    it cannot be a code. Bounded: anything longer than a code with some spacing is refused."""
    if not isinstance(text, str) or len(text) > 3 * LENGTH:
        return None
    code = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def spaced(code: str) -> str:
    """``ABCD EFGH``: easier to read aloud and type."""
    return f"{code[:4]} {code[4:]}"


def link_id(code: str) -> str:
    return str(uuid.uuid5(_LINKS, code))


def scan_day_id(code: str, day: str, lesson_id: str | None) -> str:
    return str(uuid.uuid5(_SCANS, f"{code}/{day}/{lesson_id or ''}"))


def checkin_record_id(branch_id: str, member_id: str, lesson_id: str, day: str) -> str:
    return str(uuid.uuid5(_CHECKINS, f"{branch_id}/{member_id}/{lesson_id}/{day}"))


def live_url(public_base: str, code: str) -> str:
    """What a live code holds: the district server's short link."""
    return public_base.rstrip("/") + PATH + code
