"""Sync by file (同步包) as the branch PC and the district do it, for the end-to-end tests: the client
CLI (``main.py sync export-package`` / ``import-package`` / ``sync --server``) and the district's
``python -m server package apply``, each a real process, and digests of every row of the branch
database and of the district's database, to show that a refused file changed nothing.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import struct
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from core.roster.members import as_record, edit_member, get_member
from core.store import Store
from core.sync import config
from core.sync.package_file import package_key, token_hash
from core.sync.status import sync_status
from tests.e2e.branch_work import VALUES, Ledger, Office
from tests.e2e.run_cli import as_json, cli
from tests.e2e.test_sync_branches import add_people
from tests.sync_server import admin, admin_run

COUNT_KEYS = ("pushed", "pulled", "conflicts", "rejected")


def clean(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    """``done`` printed no Python traceback, whatever its exit code."""
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    return done


def counted(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` names the four counts of a sync, each a count."""
    for key in COUNT_KEYS:
        assert isinstance(data.get(key), int) and data[key] >= 0, (key, data)
    return data


# -- the branch PC ------------------------------------------------------------------------------------


def export_package(db: Path, out: Path, *extra: str) -> dict[str, Any]:
    """``sync export-package OUT [extra] --json``: its JSON answer."""
    return counted(as_json(clean(cli("--db", db, "sync", "export-package", out, *extra, "--json"))))


def import_reply(db: Path, reply: Path) -> dict[str, Any]:
    """``sync import-package REPLY --json``: its JSON answer."""
    return counted(as_json(clean(cli("--db", db, "sync", "import-package", reply, "--json"))))


def sync_online(db: Path, *extra: str) -> dict[str, Any]:
    """``sync [extra] --json`` (e.g. ``--server URL``): its JSON answer."""
    data = as_json(clean(cli("--db", db, "sync", *extra, "--json")))
    assert set(data) == set(COUNT_KEYS), data
    return counted(data)


def import_refused(db: Path, reply: Path, message: str) -> str:
    """Importing ``reply`` is refused (exit 1) with ``message`` in its Chinese answer; the answer."""
    done = clean(cli("--db", db, "sync", "import-package", reply, "--json", check_code=None))
    return _refused(done, message)


# -- the district -------------------------------------------------------------------------------------


def apply_run(db_url: str, package: Path, reply: Path) -> subprocess.CompletedProcess[str]:
    return clean(admin_run(db_url, "package", "apply", str(package), "--reply", str(reply), "--json"))


def apply_package(db_url: str, package: Path, reply: Path) -> dict[str, Any]:
    """``python -m server package apply PACKAGE --reply REPLY --json``: its JSON answer."""
    done = apply_run(db_url, package, reply)
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    assert reply.is_file()
    return counted(as_json(done))


def apply_refused(db_url: str, package: Path, reply: Path, message: str) -> str:
    """Applying ``package`` is refused (exit 1) with ``message`` in its answer, and no reply written."""
    reply.unlink(missing_ok=True)
    answer = _refused(apply_run(db_url, package, reply), message)
    assert not reply.exists() and not reply.with_name(reply.name + ".part").exists()
    return answer


def _refused(done: subprocess.CompletedProcess[str], message: str) -> str:
    assert done.returncode == 1, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    answer = as_json(done)["error"]
    assert message in answer and message in done.stderr, answer
    return str(answer)


def publish_lesson(db_url: str, n: int, published: date) -> str:
    """A district lesson (``lesson publish``) published on ``published`` (the test's today, which stays
    the same when a run passes midnight); its id."""
    answer = admin(db_url, "lesson", "publish", "--title", f"区委微党课第{n}讲",
                   "--url", f"https://dj.example.cn/district/{n}", "--minutes", "15", "--published", published.isoformat())
    return str(answer["lesson_id"])


def join_by_file(db_url: str, db: Path, folder: Path, code: str, device_name: str) -> dict[str, Any]:
    """A PC that never reaches the server joins: enrolment package, applied at the district, its
    reply imported. The import's JSON answer."""
    request, reply = folder / f"{db.stem}-登记包.zbsync", folder / f"{db.stem}-登记回执.zbsync"
    exported = export_package(db, request, "--enroll", code, "--device-name", device_name)
    assert exported["enroll"] is True and exported["number"] == 0
    applied = apply_package(db_url, request, reply)
    assert applied["kind"] == "enroll" and applied["device_name"] == device_name
    joined = import_reply(db, reply)
    assert joined["kind"] == "enroll-reply" and joined["pushed"] == 0
    return joined


# -- what the people do ---------------------------------------------------------------------------------


def edit_shared(office: Office, rng: random.Random, ledger: Ledger, shared: list[str]) -> tuple[str, str, Any]:
    """``office``'s user edits one of its fields of a member from ``shared`` (ids another PC also
    has); (member id, field, new value)."""
    member_id, name = rng.choice(sorted(shared)), rng.choice(office.fields)
    member = get_member(office.store, member_id)
    assert member is not None, member_id
    raw = as_record(member)
    raw[name] = rng.choice([v for v in VALUES[name] if v != raw[name]])
    edit_member(office.store, member_id, raw, ledger.today)
    ledger.wrote(office, member_id, name, raw[name])
    return member_id, name, raw[name]


# -- digests of every row ------------------------------------------------------------------------------


def _digest(tables: dict[str, list[Any]]) -> dict[str, str]:
    """One hash per table of its rows, sorted (so the order rows come in does not matter)."""
    out = {}
    for table, rows in tables.items():
        lines = sorted(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str) for row in rows)
        out[table] = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return out


def branch_digest(db: Path) -> dict[str, str]:
    """Every row of every table of the branch database ``db`` (read-only)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        tables = {name: [dict(r) for r in conn.execute(f'SELECT * FROM "{name}"')] for name in names}
        tables["user_version"] = [conn.execute("PRAGMA user_version").fetchone()[0]]
    finally:
        conn.close()
    return _digest(tables)


def server_digest(db_url: str, ignore: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """Every row of every table of the district's database at ``db_url`` (SQLite or PostgreSQL),
    less the ``ignore`` columns of some tables."""
    from sqlalchemy import MetaData, create_engine, select

    ignore = ignore or {}
    engine = create_engine(db_url)
    try:
        meta = MetaData()
        meta.reflect(engine)
        with engine.connect() as conn:
            tables = {name: [{k: v for k, v in r._mapping.items() if k not in ignore.get(name, ())}
                             for r in conn.execute(select(table))]
                      for name, table in sorted(meta.tables.items())}
    finally:
        engine.dispose()
    assert tables, db_url
    return _digest(tables)


def server_rows(db_url: str, branch_id: str) -> list[tuple[Any, ...]]:
    """The district's rows of one branch (its ``records``), sorted."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT table_name, id, version, deleted, data FROM records "
                                     "WHERE branch_id = :branch ORDER BY table_name, id"), {"branch": branch_id})
            return [tuple(r) for r in rows]
    finally:
        engine.dispose()


def _changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


@contextmanager
def unchanged(db_url: str, *dbs: Path, ignore: dict[str, tuple[str, ...]] | None = None) -> Iterator[None]:
    """Nothing in the district's database nor in the branch databases ``dbs`` changes within."""
    server, branches = server_digest(db_url, ignore), [branch_digest(db) for db in dbs]
    yield
    assert not (changed := _changed(server, server_digest(db_url, ignore))), f"the district's {changed} changed"
    for db, before in zip(dbs, branches, strict=True):
        assert not (changed := _changed(before, branch_digest(db))), f"{db.name}: {changed} changed"


# -- the PCs of the tampering tests -------------------------------------------------------------------


@dataclass(frozen=True)
class Pc:
    """A branch PC's database and who it is to the district."""

    name: str
    db: Path
    branch_id: str
    device_id: str
    token: str

    @classmethod
    def of(cls, name: str, db: Path) -> Pc:
        store = Store.open(db)
        try:
            return cls(name, db, store.branch_id, str(store.setting(config.DEVICE_ID)), str(store.setting(config.TOKEN)))
        finally:
            store.close()

    @property
    def key(self) -> bytes:
        return package_key(token_hash(self.token))

    def add_members(self, *names: str) -> None:
        store = Store.open(self.db)
        try:
            add_people(store, list(names), first_year=1930 + store.scalar("SELECT count(*) FROM members"))
        finally:
            store.close()

    def pending(self) -> int:
        store = Store.open(self.db)
        try:
            return sync_status(store).pending
        finally:
            store.close()


def flipped(data: bytes, offset: int, mask: int = 0xFF) -> bytes:
    """``data`` with the byte at ``offset`` flipped (``mask``: which of its bits)."""
    return data[:offset] + bytes([data[offset] ^ mask]) + data[offset + 1 :]


def header_end(data: bytes) -> int:
    """Where the header of a package file ends (and its body starts)."""
    return 12 + int(struct.unpack(">I", data[8:12])[0])
