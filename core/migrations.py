"""Linear schema migrations. Each runs inside its own transaction; never edit a released one."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

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


def _v2_lessons(conn: sqlite3.Connection) -> None:
    """Micro-lessons, study records (immutable events), study sessions and their attendance."""
    script = (
        _synced_table(
            "lessons",
            """
            title TEXT NOT NULL,
            speaker TEXT,
            topic TEXT,
            minutes INTEGER,
            video_url TEXT,
            credit_hours REAL,
            published_date TEXT,
            valid_until TEXT,
            archived INTEGER NOT NULL DEFAULT 0,
            note TEXT
            """,
        )
        + "CREATE INDEX lessons_title ON lessons(title);\n"
        + _synced_table(
            "study_sessions",
            """
            session_date TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'group_study',
            title TEXT,
            place TEXT,
            lesson_ids TEXT NOT NULL DEFAULT '[]',
            note TEXT
            """,
        )
        + _synced_table(
            "session_attendance",
            """
            session_id TEXT NOT NULL REFERENCES study_sessions(id),
            member_id TEXT NOT NULL REFERENCES members(id),
            attendance TEXT NOT NULL,
            reason TEXT
            """,
        )
        + "CREATE INDEX session_attendance_session ON session_attendance(session_id);\n"
        + _synced_table(
            "study_records",
            """
            member_id TEXT NOT NULL REFERENCES members(id),
            lesson_id TEXT NOT NULL REFERENCES lessons(id),
            study_date TEXT NOT NULL,
            method TEXT NOT NULL,
            minutes INTEGER,
            helper_id TEXT REFERENCES members(id),
            session_id TEXT REFERENCES study_sessions(id),
            entered_by TEXT,
            note TEXT,
            void_reason TEXT
            """,
        )
        + """
        CREATE INDEX study_records_lesson ON study_records(lesson_id, member_id) WHERE deleted = 0;
        CREATE INDEX study_records_member ON study_records(member_id, study_date) WHERE deleted = 0;
        CREATE INDEX study_records_date ON study_records(study_date) WHERE deleted = 0;
        CREATE INDEX study_records_session ON study_records(session_id) WHERE session_id IS NOT NULL;
        """
    )
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


# The WeChat skills every elder's checklist starts with (DESIGN §3 ``skills``), in teaching order.
DEFAULT_SKILLS: tuple[str, ...] = (
    "语音和视频通话",
    "发语音和图片",
    "扫一扫",
    "关注公众号",
    "观看微党课视频",
    "查找历史文章",
    "识别电信诈骗",
    "医保码/乘车码",
)
SKILL_NAMESPACE = uuid.UUID("0f5c7a8e-3d2b-4c61-9e7a-5b1d2c3e4f60")


def skill_id_for(branch_id: str, name: str) -> str:
    """A skill's id is derived from its name, so two offices adding the same skill make one row."""
    return str(uuid.uuid5(SKILL_NAMESPACE, f"{branch_id}/{name}"))


def _v3_pairing(conn: sqlite3.Connection) -> None:
    """Pairing young members with elders (结对帮扶): pairings, the skills checklist, visits."""
    script = (
        _synced_table(
            "pairing_marks",
            """
            member_id TEXT NOT NULL REFERENCES members(id),
            role TEXT NOT NULL,
            included INTEGER NOT NULL
            """,
        )
        + _synced_table(
            "pairings",
            """
            helper_id TEXT NOT NULL REFERENCES members(id),
            elder_id TEXT NOT NULL REFERENCES members(id),
            start_date TEXT NOT NULL,
            end_date TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            end_reason TEXT,
            note TEXT
            """,
        )
        + "CREATE INDEX pairings_elder ON pairings(elder_id) WHERE deleted = 0;\n"
        + "CREATE INDEX pairings_helper ON pairings(helper_id) WHERE deleted = 0;\n"
        + _synced_table(
            "skills",
            "name TEXT NOT NULL, sort_order INTEGER NOT NULL DEFAULT 0, archived INTEGER NOT NULL DEFAULT 0",
        )
        + _synced_table(
            "skill_progress",
            """
            elder_id TEXT NOT NULL REFERENCES members(id),
            skill_id TEXT NOT NULL REFERENCES skills(id),
            level TEXT NOT NULL,
            confirmed_date TEXT,
            confirmed_by TEXT,
            note TEXT
            """,
        )
        + "CREATE INDEX skill_progress_elder ON skill_progress(elder_id);\n"
        + _synced_table(
            "help_visits",
            """
            pairing_id TEXT REFERENCES pairings(id),
            helper_id TEXT NOT NULL REFERENCES members(id),
            elder_id TEXT NOT NULL REFERENCES members(id),
            visit_date TEXT NOT NULL,
            minutes INTEGER,
            skill_ids TEXT NOT NULL DEFAULT '[]',
            lesson_id TEXT REFERENCES lessons(id),
            study_record_id TEXT REFERENCES study_records(id),
            entered_by TEXT,
            note TEXT,
            void_reason TEXT
            """,
        )
        + "CREATE INDEX help_visits_elder ON help_visits(elder_id, visit_date) WHERE deleted = 0;\n"
        + "CREATE INDEX help_visits_helper ON help_visits(helper_id, visit_date) WHERE deleted = 0;\n"
    )
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    _seed_default_skills(conn)


def _seed_default_skills(conn: sqlite3.Connection) -> None:
    branch = json.loads(conn.execute("SELECT value FROM settings WHERE key = 'branch_id'").fetchone()[0])
    last = conn.execute(
        "UPDATE rev_counter SET value = value + ? WHERE id = 1 RETURNING value", (len(DEFAULT_SKILLS),)
    ).fetchone()[0]
    first = int(last) - len(DEFAULT_SKILLS) + 1
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    conn.executemany(
        "INSERT INTO skills (id, branch_id, rev, updated_at, name, sort_order) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (skill_id_for(branch, name), branch, first + order, now, name, order)
            for order, name in enumerate(DEFAULT_SKILLS)
        ],
    )


def _v4_sync(conn: sqlite3.Connection) -> None:
    """Sync with the district server: conflict records (synced) and rejected rows (local only)."""
    script = (
        _synced_table(
            "conflicts",
            """
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            field TEXT NOT NULL,
            kept_value TEXT,
            lost_value TEXT,
            kept_updated_at TEXT,
            lost_updated_at TEXT,
            lost_device TEXT,
            resolution TEXT,
            resolved_at TEXT,
            resolved_by TEXT
            """,
        )
        + "CREATE INDEX conflicts_open ON conflicts(table_name, record_id) WHERE resolution IS NULL;\n"
        + """
        CREATE TABLE sync_rejections (
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            rev INTEGER NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (table_name, record_id)
        );
        """
    )
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v5_live_codes(conn: sqlite3.Connection) -> None:
    """活码: printed codes that point at the district server (``qr_links``, written by the branch),
    their scans per day (``qr_scan_days``, written by the server only), and the mark on study
    records a member reported from the phone (扫码自报)."""
    script = (
        _synced_table(
            "qr_links",
            """
            code TEXT NOT NULL,
            target_kind TEXT NOT NULL,
            lesson_id TEXT REFERENCES lessons(id),
            target_url TEXT,
            target_title TEXT,
            label TEXT,
            created_date TEXT NOT NULL,
            retired_at TEXT
            """,
        )
        + "CREATE UNIQUE INDEX qr_links_code ON qr_links(code);\n"
        + "CREATE INDEX qr_links_lesson ON qr_links(lesson_id) WHERE deleted = 0;\n"
        + _synced_table(
            "qr_scan_days",
            """
            link_id TEXT NOT NULL,
            code TEXT NOT NULL,
            day TEXT NOT NULL,
            lesson_id TEXT,
            scans INTEGER NOT NULL
            """,
        )
        + "CREATE INDEX qr_scan_days_code ON qr_scan_days(code, day);\n"
        + "CREATE INDEX qr_scan_days_lesson ON qr_scan_days(lesson_id, day);\n"
        + "ALTER TABLE study_records ADD COLUMN self_reported INTEGER NOT NULL DEFAULT 0;\n"
    )
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v6_field_revs(conn: sqlite3.Connection) -> None:
    """Which fields of a row changed at which rev (local only): a push names the fields edited since
    the row's base, so a field changed and changed back is still a change, and an answer applied to a
    row edited during its own sync keeps those edits."""
    conn.execute(
        """
        CREATE TABLE sync_field_revs (
            table_name TEXT NOT NULL,
            record_id TEXT NOT NULL,
            field TEXT NOT NULL,
            rev INTEGER NOT NULL,
            PRIMARY KEY (table_name, record_id, field)
        )
        """
    )


def _v7_sync_outbox(conn: sqlite3.Connection) -> None:
    """Push batches exported in a sync package (同步包) whose answers have not come back yet (local
    only): a later package, or an online sync, sends them again under their ids."""
    conn.execute(
        """
        CREATE TABLE sync_outbox (
            batch_id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            rows TEXT NOT NULL,
            records TEXT NOT NULL
        )
        """
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_roster, _v2_lessons, _v3_pairing, _v4_sync, _v5_live_codes, _v6_field_revs, _v7_sync_outbox,
]

# Tables whose rows are synced with the district server, in dependency order.
SYNCED_TABLES: tuple[str, ...] = (
    "party_groups",
    "members",
    "member_status_changes",
    "lessons",
    "study_sessions",
    "session_attendance",
    "study_records",
    "pairing_marks",
    "pairings",
    "skills",
    "skill_progress",
    "help_visits",
    "conflicts",
    "qr_links",
    "qr_scan_days",
)

# Tables of immutable events: rows are inserted once; a wrong one is voided (tombstoned with a
# reason) and entered again, never changed in place.
EVENT_TABLES: tuple[str, ...] = ("study_records", "help_visits")

# Tables only the district server writes (branches pull them; a pushed row is refused).
SERVER_TABLES: tuple[str, ...] = ("qr_scan_days",)
