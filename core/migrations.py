"""Linear schema migrations. Each runs inside its own transaction; never edit a released one."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable

# The bookkeeping columns every synced table carries (see DESIGN §3).
SYNC_COLUMNS = """
    id TEXT PRIMARY KEY,
    branch_id TEXT NOT NULL,
    rev INTEGER NOT NULL,
    synced_rev INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
"""


def _synced_table(name: str, columns: str) -> str:
    return (
        f"CREATE TABLE {name} ({SYNC_COLUMNS}, {columns});\n"
        f"CREATE INDEX {name}_dirty ON {name}(rev) WHERE rev > synced_rev;\n"
    )


def _v1_roster(conn: sqlite3.Connection) -> None:
    script = (
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE rev_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
        INSERT INTO rev_counter (id, value) VALUES (1, 0);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT,
            summary TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_log_at ON audit_log(at);
        """
        + _synced_table("party_groups", "name TEXT NOT NULL, sort_order INTEGER NOT NULL DEFAULT 0, note TEXT")
        + _synced_table(
            "members",
            """
            name TEXT NOT NULL,
            gender TEXT,
            ethnicity TEXT,
            birth_date TEXT,
            id_number TEXT,
            education TEXT,
            phone TEXT,
            wechat TEXT,
            village TEXT,
            village_group TEXT,
            group_id TEXT REFERENCES party_groups(id),
            category TEXT NOT NULL DEFAULT 'full',
            joined_date TEXT,
            confirmed_date TEXT,
            status TEXT NOT NULL DEFAULT 'active',
            status_date TEXT,
            note TEXT,
            name_pinyin TEXT NOT NULL DEFAULT '',
            name_initials TEXT NOT NULL DEFAULT ''
            """,
        )
        + """
        CREATE INDEX members_id_number ON members(id_number) WHERE deleted = 0;
        CREATE INDEX members_name_birth ON members(name, birth_date) WHERE deleted = 0;
        CREATE INDEX members_pinyin ON members(name_pinyin);
        CREATE INDEX members_initials ON members(name_initials);
        CREATE INDEX members_group ON members(group_id);
        """
        + _synced_table(
            "member_status_changes",
            """
            member_id TEXT NOT NULL REFERENCES members(id),
            action TEXT NOT NULL,
            date TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            from_category TEXT,
            to_category TEXT,
            note TEXT
            """,
        )
        + "CREATE INDEX member_status_changes_member ON member_status_changes(member_id);\n"
    )
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(
        "INSERT INTO settings (key, value) VALUES ('branch_id', ?)", (f'"{uuid.uuid4()}"',)
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1_roster]

# Tables whose rows are synced with the district server, in dependency order.
SYNCED_TABLES: tuple[str, ...] = ("party_groups", "members", "member_status_changes")
