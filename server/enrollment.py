"""Redeeming a one-time enrollment code for a new device: online (``POST /api/v1/enroll``) and by
sync package (``server.package_apply``) alike."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from server import auth
from server.db import branches, devices, enrollment_codes, now_stamp


@dataclass(frozen=True)
class Enrolled:
    branch_id: str
    branch_name: str
    device_id: str
    token: str


def redeem(conn: Connection, code: str, device_name: str) -> Enrolled | None:
    """Use ``code`` up for a new device named ``device_name`` (in the caller's write transaction);
    None when the code is wrong or used."""
    token, device_id, now = auth.new_token(), str(uuid.uuid4()), now_stamp()
    claimed = conn.execute(
        update(enrollment_codes)
        .where(enrollment_codes.c.code_hash == auth.code_hash(code), enrollment_codes.c.used_at.is_(None))
        .values(used_at=now, device_id=device_id)
        .returning(enrollment_codes.c.branch_id)
    ).first()
    if claimed is None:
        return None
    branch = conn.execute(select(branches.c.id, branches.c.name).where(branches.c.id == claimed.branch_id)).one()
    conn.execute(insert(devices).values(
        id=device_id, branch_id=branch.id, name=device_name, token_hash=auth.sha256_hex(token), created_at=now,
    ))
    return Enrolled(branch.id, branch.name, device_id, token)


WRONG_CODE = "登记码不正确或已经用过。每个登记码只能用一次，请向区委组织部索取新的登记码。"
