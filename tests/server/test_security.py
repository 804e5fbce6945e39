"""Security of the district server, on the real process: secrets only as hashes at rest, revoked
tokens refused, every admin route closed to branch tokens and strangers, and guessing limited —
wrong enrollment codes and wrong admin passwords block the address for a while (429, Retry-After,
a Chinese message), across worker processes and restarts."""

from __future__ import annotations

import ast
import base64
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.routing import APIRoute
from sqlalchemy import create_engine, inspect, text

from core.store import Store
from core.sync.enroll import enroll
from core.sync.errors import ServerRefused
from core.sync.transport import HttpTransport
from server.app import create_app
from server.attempt_limits import ADMIN, ENROLL, MAX_FAILURES, WINDOW, Blocked, check, note_failure
from server.auth import sha256_hex
from server.db import Database
from server.migrations import migrate
from tests.server.api import enroll_device, enrolled, member, second_device
from tests.sync_server import RunningServer, admin, new_branch, start_server

ADMIN_PASSWORD = "县委组织部-2026"
# Admin routes anyone may open, and why.
PUBLIC_ADMIN_ROUTES = {
    ("GET", "/admin/login"): "the login form",
    ("POST", "/admin/login"): "the login itself (guessing is limited)",
    ("POST", "/admin/logout"): "only clears the caller's own cookie",
}


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """For checks that do not depend on the database (those that do run on both)."""
    return f"sqlite:///{tmp_path / 'district.db'}"


@pytest.fixture
def sqlite_server(sqlite_url: str) -> Iterator[RunningServer]:
    with start_server(sqlite_url) as server:
        yield server


def _basic(password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()}


def _enroll(server: RunningServer, code: str, client: str | None = None) -> requests.Response:
    headers = {"X-Forwarded-For": client} if client else {}
    body = {"code": code, "device_name": "办公室电脑"}
    return requests.post(f"{server.url}/api/v1/enroll", json=body, headers=headers, timeout=30)


def _refused_for_guessing(answer: requests.Response) -> None:
    assert answer.status_code == 429, answer.text
    assert 0 < int(answer.headers["Retry-After"]) <= WINDOW.total_seconds()


# -- secrets at rest -------------------------------------------------------------------------------------


def stored_texts(db_url: str) -> list[str]:
    """Every value of every column of every table, as text."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            assert {"devices", "enrollment_codes", "records", "settings"} <= set(tables)
            return [str(value) for table in tables for row in conn.execute(text(f'SELECT * FROM "{table}"'))
                    for value in row]
    finally:
        engine.dispose()


def test_tokens_and_codes_are_stored_only_as_hashes(district_server: RunningServer) -> None:
    branch = new_branch(district_server.db_url, "甲村支部")
    office = enroll_device(district_server, branch["enrollment_code"].lower(), "办公室电脑")
    unused = admin(district_server.db_url, "branch", "code", office.branch_id)["enrollment_code"]
    assert office.push([member(office.branch_id)])[0]["status"] == "ok"
    office.pull()

    stored = stored_texts(district_server.db_url)
    assert sha256_hex(office.token) in stored  # the scan does reach the devices
    for secret in (office.token, branch["enrollment_code"], unused):
        assert not [value for value in stored if secret.lower() in value.lower()], secret
    assert office.token not in district_server.log()


def test_revoked_tokens_are_refused_for_push_and_pull(sqlite_server: RunningServer) -> None:
    office = enrolled(sqlite_server)
    laptop = second_device(office)
    admin(sqlite_server.db_url, "branch", "revoke", office.branch_id, "--device", office.device_id)
    for answer in (office.push_raw([member(office.branch_id)]), office.pull_raw()):
        assert answer.status_code == 401
        assert answer.json()["detail"]["code"] == "token"
        assert "重新登记" in answer.json()["detail"]["message"]
        assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert laptop.pull_all() == []  # the refused push stored nothing


# -- the admin routes ---------------------------------------------------------------------------------------


def admin_routes() -> list[tuple[str, str]]:
    """(method, path) of every admin route of the app, read from the app itself."""
    with tempfile.TemporaryDirectory() as folder:
        db = Database(f"sqlite:///{Path(folder) / 'routes.db'}")
        try:
            migrate(db)
            app = create_app(db)
        finally:
            db.dispose()
    try:
        from fastapi.routing import iter_route_contexts  # newer FastAPI resolves included routers lazily
    except ImportError:
        flat = [(route.path, route.methods) for route in app.routes if isinstance(route, APIRoute)]
    else:
        flat = [(context.path, context.methods) for context in iter_route_contexts(app.routes)]
    return sorted(
        (method, path)
        for path, methods in flat
        if path and methods and path.startswith(("/api/v1/admin/", "/admin/"))
        for method in methods - {"HEAD"}
    )


def test_every_admin_route_refuses_branch_tokens_and_strangers(sqlite_url: str) -> None:
    routes = admin_routes()
    assert set(PUBLIC_ADMIN_ROUTES) <= set(routes)
    guarded = [route for route in routes if route not in PUBLIC_ADMIN_ROUTES]
    assert len(guarded) >= 5, guarded
    with start_server(sqlite_url, admin_password=ADMIN_PASSWORD) as server:
        office = enrolled(server)
        devices = {"branch token": office.headers, "garbage token": {"Authorization": "Bearer not-a-token"}}
        for method, path in guarded:
            url = server.url + path.replace("{branch_id}", office.branch_id)

            def send(headers: dict[str, str], url: str = url, method: str = method) -> requests.Response:
                return requests.request(method, url, headers=headers, allow_redirects=False, timeout=30)

            stranger = send({})
            if path.startswith("/api/"):
                assert stranger.status_code == 401, (method, path)
                assert stranger.json()["detail"]["code"] == "admin"
            else:
                assert stranger.status_code == 303, (method, path)
                assert stranger.headers["Location"].startswith("/admin/login?next=")
            for name, headers in devices.items():
                assert send(headers).status_code == 403, (name, method, path)
            answer = send(_basic(ADMIN_PASSWORD))
            if method == "POST" and path.startswith("/admin/lessons/"):  # a form: past the login, the CSRF check
                assert answer.status_code == 403 and "没有修改" in answer.text, (method, path)
            elif method == "POST" and path == "/admin/packages":  # past the login: no file form was sent
                assert answer.status_code == 400 and "不是本页表单发来的文件" in answer.text, (method, path)
            elif path == "/admin/packages/reply/{token}":  # past the login: there is no such reply
                assert answer.status_code == 404 and "再上传一次这个同步包" in answer.text, (method, path)
            else:
                assert answer.status_code == 200, (method, path)  # the route itself works


# -- guessing -----------------------------------------------------------------------------------------------


def test_wrong_enrollment_codes_block_the_address_even_for_the_right_code(district_server: RunningServer) -> None:
    code = new_branch(district_server.db_url, "甲村支部")["enrollment_code"]
    for n in range(MAX_FAILURES):
        answer = _enroll(district_server, f"WRONGCODE{n}", "203.0.113.7")
        assert answer.status_code == 400 and answer.json()["detail"]["code"] == "enroll_code"

    blocked = _enroll(district_server, code, "203.0.113.7")
    _refused_for_guessing(blocked)
    assert blocked.json()["detail"]["code"] == "too_many_attempts"
    assert "登记码输错的次数太多" in blocked.json()["detail"]["message"]
    assert "分钟后再试" in blocked.json()["detail"]["message"]

    # Another address is not affected, and the blocked attempt did not use the code up.
    assert _enroll(district_server, code, "203.0.113.8").status_code == 200


def test_the_limit_holds_across_workers_and_restarts_and_ignores_untrusted_forwarding(sqlite_url: str) -> None:
    # 127.0.0.1 is not a trusted proxy here, so X-Forwarded-For is ignored: every attempt is 127.0.0.1's.
    env = {"ZHIBU_WORKERS": "2", "ZHIBU_FORWARDED_ALLOW_IPS": "192.0.2.1"}
    with start_server(sqlite_url, env=env, timeout=60) as server:
        code = new_branch(sqlite_url, "甲村支部")["enrollment_code"]
        for n in range(MAX_FAILURES):  # a new connection each time: the two workers share the work
            assert _enroll(server, f"WRONGCODE{n}", f"198.51.100.{n}").status_code == 400
        _refused_for_guessing(_enroll(server, code, "198.51.100.99"))
        server.restart(timeout=60)
        _refused_for_guessing(_enroll(server, code))


def test_wrong_admin_passwords_block_login_and_basic_auth(sqlite_url: str) -> None:
    with start_server(sqlite_url, admin_password=ADMIN_PASSWORD) as server:
        login, branches = f"{server.url}/admin/login", f"{server.url}/api/v1/admin/branches"

        def log_in(password: str, headers: dict[str, str], client: Any = requests) -> requests.Response:
            return client.post(login, data={"password": password}, headers=headers, allow_redirects=False, timeout=30)

        guesser = {"X-Forwarded-For": "203.0.113.20"}
        for n in range(MAX_FAILURES - 1):
            wrong = log_in(f"guess-{n}", guesser)
            assert wrong.status_code == 401 and "密码不正确" in wrong.text
        # Basic auth on the admin API counts in the same tally.
        assert requests.get(branches, headers={**guesser, **_basic("guess-basic")}, timeout=30).status_code == 401

        page = log_in(ADMIN_PASSWORD, guesser)
        _refused_for_guessing(page)
        assert page.headers["Content-Type"].startswith("text/html") and "Set-Cookie" not in page.headers
        assert "管理密码输错的次数太多" in page.text and "分钟后再试" in page.text
        api = requests.get(branches, headers={**guesser, **_basic(ADMIN_PASSWORD)}, timeout=30)
        _refused_for_guessing(api)
        assert api.json()["detail"]["code"] == "too_many_attempts"

        other = {"X-Forwarded-For": "203.0.113.21"}
        assert requests.get(branches, headers={**other, **_basic(ADMIN_PASSWORD)}, timeout=30).status_code == 200
        session = requests.Session()
        assert log_in(ADMIN_PASSWORD, other, session).status_code == 303
        assert session.get(branches, headers=guesser, timeout=30).status_code == 200  # a session is no guess


@pytest.fixture
def attempts_db(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'district.db'}")
    migrate(db)
    yield db
    db.dispose()


def test_the_block_ends_when_the_oldest_failure_leaves_the_window(attempts_db: Database) -> None:
    start = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    guesser = "203.0.113.9"
    with attempts_db.write() as conn:
        for n in range(MAX_FAILURES):
            note_failure(conn, ENROLL, guesser, start + timedelta(seconds=n))
    later = start + timedelta(seconds=30)
    with attempts_db.read() as conn:
        check(conn, ENROLL, "203.0.113.10", later)  # another address
        check(conn, ADMIN, guesser, later)  # the admin password is another tally
        with pytest.raises(Blocked) as blocked:
            check(conn, ENROLL, guesser, later)
        assert blocked.value.seconds == int((WINDOW - timedelta(seconds=30)).total_seconds())
        assert "15 分钟后再试" in blocked.value.message
        with pytest.raises(Blocked):
            check(conn, ENROLL, guesser, start + WINDOW - timedelta(milliseconds=1))
        check(conn, ENROLL, guesser, start + WINDOW + timedelta(milliseconds=1))  # the first one has expired
    with attempts_db.write() as conn:  # a new failure forgets the expired ones
        note_failure(conn, ENROLL, guesser, start + 2 * WINDOW)
        assert conn.execute(text("SELECT count(*) FROM failed_attempts")).scalar() == 1


def test_the_branch_client_shows_the_block_at_once(sqlite_server: RunningServer, tmp_path: Path) -> None:
    code = new_branch(sqlite_server.db_url, "甲村支部")["enrollment_code"]
    for n in range(MAX_FAILURES):
        assert _enroll(sqlite_server, f"WRONGCODE{n}").status_code == 400
    slept: list[float] = []
    store = Store.open(tmp_path / "branch.db")
    try:
        with pytest.raises(ServerRefused) as refused:
            enroll(store, sqlite_server.url, code, transport=HttpTransport(sqlite_server.url, sleep=slept.append))
    finally:
        store.close()
    assert refused.value.status == 429 and "登记码输错的次数太多" in str(refused.value)
    assert slept == []  # no retrying for a quarter of an hour


# -- no SQL text built from values --------------------------------------------------------------------------

SQL_CALLS = {"execute", "exec_driver_sql", "executemany", "executescript", "text", "query", "scalar"}
_NAMES = "table and column names from the code's own constants"
# (file, function) → why the SQL text there may hold something that is not a literal. Values never do:
# they are bound as parameters. Reviewed by reading each place.
SQL_TEXT_ALLOWED = {
    ("core/db.py", "migrate_database"): "PRAGMA user_version takes no parameter; the number is the migration's index",
    ("core/store.py", "transaction"): "savepoint names sp<depth>, an int the store counts",
    ("core/store.py", "get"): f"{_NAMES}: the table is checked against SYNCED_TABLES",
    ("core/store.py", "insert_many"): f"{_NAMES}: the table and every column are checked against the schema",
    ("core/store.py", "_write"): f"{_NAMES}: the table and every column are checked against the schema",
    ("core/store.py", "dirty_count"): f"{_NAMES}: SYNCED_TABLES",
    ("core/lessons/catalogue.py", "list_lessons"): "constant WHERE fragments, one per filter given",
    ("core/lessons/study.py", "studied_counts"): "one ? per status of STUDYING_STATUSES",
    ("core/lessons/study.py", "studying_members"): "one ? per status of STUDYING_STATUSES",
    ("core/lessons/study.py", "list_records"): "constant WHERE fragments; LIMIT is int()",
    ("core/lessons/study.py", "_in_chunks"): "one ? per id of the chunk",
    ("core/pairing/pairings.py", "active_pairings_of"): "the column is helper_id or elder_id (its two callers)",
    ("core/pairing/pairings.py", "active_load"): "the constant _LIVE fragment",
    ("core/pairing/pairings.py", "paired_elder_ids"): "the constant _LIVE fragment",
    ("core/pairing/pairings.py", "list_pairings"): "constant WHERE fragments",
    ("core/pairing/skills.py", "list_skills"): "constant WHERE fragments",
    ("core/pairing/visits.py", "list_visits"): "constant WHERE fragments; LIMIT is int()",
    ("core/roster/members.py", "list_members"): "constant WHERE fragment",
    ("core/roster/members.py", "find_duplicate"): "constant condition",
    ("core/roster/overview.py", "branch_overview"): "the constant column list",
    ("core/roster/search.py", "filter_members"): "constant WHERE fragments, one ? per value",
    ("core/sync/conflicts.py", "list_conflicts"): "constant WHERE fragments",
    ("core/sync/describe.py", "_name"): f"{_NAMES}: the referenced tables and their name/title column",
    ("core/sync/pull.py", "_apply_table"): f"{_NAMES}: a known table, data keys filtered by its known columns",
    ("core/sync/push.py", "_dirty_rows"): f"{_NAMES}: SYNCED_TABLES and their schema",
    ("core/sync/push.py", "_name_changed_fields"): f"{_NAMES}: SYNCED_TABLES; one ? per id",
    ("core/sync/answers.py", "_write"): f"{_NAMES}: the tables of the rows this client sent",
    ("core/sync/answers.py", "_apply_merged"): f"{_NAMES}: a known table, data keys filtered by its known columns",
    ("core/sync/rejections.py", "list_rejections"): f"{_NAMES}: SYNCED_TABLES",
    ("core/sync/rejections.py", "discard_rejection"): f"{_NAMES}: the table is checked against SYNCED_TABLES",
    ("core/sync/rekey.py", "rekey_branch"): f"{_NAMES}: SYNCED_TABLES",
    ("core/sync/rekey.py", "_new_ids"): f"{_NAMES}: SYNCED_TABLES",
    ("core/sync/rekey.py", "_rename"): f"{_NAMES}: SYNCED_TABLES",
    ("core/sync/rekey.py", "_repoint"): f"{_NAMES}: the reference columns of the schema",
    ("core/sync/schema.py", "table_schemas"): f"{_NAMES}: PRAGMA table_info takes no parameter; SYNCED_TABLES",
    ("core/sync/tables.py", "pending_count"): f"{_NAMES}: SYNCED_TABLES",
    ("core/sync/tables.py", "rejected_count"): f"{_NAMES}: SYNCED_TABLES",
}
ROOT = Path(__file__).resolve().parents[2]


def _literal(node: ast.expr, assigned: dict[str, list[ast.expr]], depth: int = 0) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return not any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _literal(node.left, assigned, depth) and _literal(node.right, assigned, depth)
    if isinstance(node, ast.Name) and node.id in assigned and depth < 5:
        return all(_literal(value, assigned, depth + 1) for value in assigned[node.id])
    return False


def _built(node: ast.expr, assigned: dict[str, list[ast.expr]], depth: int = 0) -> bool:
    """Whether the expression builds text from something that is not a literal."""
    if isinstance(node, ast.JoinedStr):
        return not _literal(node, assigned)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return not (_literal(node.left, assigned) and _literal(node.right, assigned))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return True
    if isinstance(node, ast.Name) and depth < 5:  # a variable: what was assigned to it in this function
        return any(_built(value, assigned, depth + 1) for value in assigned.get(node.id, []))
    return False


def _assignments(scope: ast.AST) -> dict[str, list[ast.expr]]:
    """What each variable of a function (or module) is assigned (for ``x += y``: ``y``)."""
    assigned: dict[str, list[ast.expr]] = {}
    nodes = ast.walk(scope) if not isinstance(scope, ast.Module) else iter(scope.body)
    for node in nodes:
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    return assigned


class _SqlCalls(ast.NodeVisitor):
    """SQL calls whose text is built from non-literals, by the function they are in."""

    def __init__(self, path: str, module: ast.Module) -> None:
        self.path = path
        self.scopes = [("<module>", _assignments(module))]
        self.found: dict[tuple[str, str], list[str]] = {}

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.scopes.append((node.name, _assignments(node)))
        self.generic_visit(node)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        name, assigned = self.scopes[-1]
        if called in SQL_CALLS and node.args and _built(node.args[0], assigned):
            line = f"{self.path}:{node.lineno}: {ast.unparse(node.args[0])[:100]}"
            self.found.setdefault((self.path, name), []).append(line)
        self.generic_visit(node)


def sql_built_from_values() -> dict[tuple[str, str], list[str]]:
    """(file, function) → the lines where an SQL call gets text built from non-literals."""
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted([*ROOT.glob("core/**/*.py"), *ROOT.glob("server/**/*.py")]):
        module = ast.parse(path.read_text(encoding="utf-8"))
        visitor = _SqlCalls(path.relative_to(ROOT).as_posix(), module)
        visitor.visit(module)
        found.update(visitor.found)
    return found


def test_no_sql_text_is_built_from_values_outside_the_reviewed_places() -> None:
    found = sql_built_from_values()
    unreviewed = {key: lines for key, lines in found.items() if key not in SQL_TEXT_ALLOWED}
    assert unreviewed == {}, "SQL text built from values: bind them as parameters (?, :name) instead"
    stale = set(SQL_TEXT_ALLOWED) - set(found)
    assert stale == set(), "allowed places that no longer build SQL text: drop them from the list"


def test_the_sql_scan_catches_built_text() -> None:
    source = (
        "def f(conn, name, n):\n"
        "    conn.execute(f'SELECT * FROM t WHERE name = {name}')\n"
        "    sql = 'SELECT * FROM t WHERE n = %s' % n\n"
        "    conn.execute(sql)\n"
        "    conn.executescript('DELETE FROM t WHERE a = {}'.format(name))\n"
        "    conn.execute('SELECT * FROM t WHERE name = ' + name)\n"
        "    conn.execute('SELECT * FROM t WHERE name = ?', (name,))\n"
        "    query = 'SELECT * FROM t'\n"
        "    query += ' WHERE name = ' + name\n"
        "    text(query)\n"
    )
    visitor = _SqlCalls("example.py", ast.parse(source))
    visitor.visit(ast.parse(source))
    assert [line.split(":")[1] for line in visitor.found[("example.py", "f")]] == ["2", "4", "5", "6", "10"]
