"""The server tests' fixtures: a fresh database per test (SQLite, and PostgreSQL when
``ZHIBU_TEST_PG_URL`` is set) and the real server process over it."""

from tests.sync_server import district_server, server_db_url  # noqa: F401  (fixtures)
