-- 支部工作台 · 区级同步服务器: the PostgreSQL role and database (idempotent; run as the postgres superuser).
--
--   cd / && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -v name=zhibu -v password='…' \
--       < /opt/zhibu/installers/server/postgres-setup.sql
--
-- Creates (or, when it exists, sets the password of) the login role :name and the UTF-8 database :name
-- owned by it; only that role may connect. The server creates its tables itself at start (migrations).
-- Then in /etc/zhibu/server.env:
--   ZHIBU_SERVER_DB=postgresql+psycopg://zhibu:PASSWORD@127.0.0.1:5432/zhibu

\if :{?name}
\else
  \set name zhibu
\endif
\if :{?password}
\else
  \set ON_ERROR_STOP on
  DO $$ BEGIN RAISE EXCEPTION 'postgres-setup.sql: give the password with -v password=...'; END $$;
\endif

SELECT format('CREATE ROLE %I LOGIN', :'name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'name', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'name', :'name', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'name') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'name', :'name') \gexec
