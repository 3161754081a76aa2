"""SQLite files in the home folder: created private, opened with a bounded wait, migrated by one
runner.

Every store (sessions, profiles) keeps its schema as a list of plain SQL scripts; `migrate`
applies the ones not applied yet, each in its own transaction together with its record in the
`schema_migrations` table, so a crash never leaves a half-applied script and two processes that
open the same file apply each script once. The files hold shoppers' messages and behaviour:
they are created readable by their owner only, and their home folder too.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

# How long a statement waits for another connection's write lock before failing. Short on
# purpose: a turn must not hang for half a minute behind a stuck writer (it loses
# personalisation for that turn instead, see assistant.agent).
DEFAULT_BUSY_SECONDS = 2.0


def private_home(home: Path) -> None:
    """Create the home folder 0700 when it does not exist yet (an existing one is left as is)."""
    home = Path(home)
    if not home.exists():
        home.mkdir(parents=True, exist_ok=True)
        os.chmod(home, 0o700)


def private_file(path: Path) -> None:
    """Create `path` 0600 if missing; tighten it (and SQLite's side files) if it is wider."""
    path = Path(path)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if p.stat().st_mode & 0o077:
                os.chmod(p, 0o600)
        except FileNotFoundError:
            pass


def connect(path: Path, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> sqlite3.Connection:
    """An autocommit connection in WAL mode with foreign keys on."""
    db = sqlite3.connect(path, timeout=busy_seconds, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    return db


@contextlib.contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error: read-modify-write cannot interleave."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def statements(script: str) -> Iterator[str]:
    """A SQL script's complete statements (semicolons inside strings and triggers respected)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:80]!r}")


def migrate(db: sqlite3.Connection, migrations: Sequence[str]) -> int:
    """Apply the numbered scripts not applied yet, each with its record in one transaction;
    returns the schema version. Files made before this runner existed kept their version in
    `PRAGMA user_version`; it is taken over once."""
    db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied REAL NOT NULL)")
    for number, script in enumerate(migrations, 1):
        with transaction(db):
            done = db.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (number,)).fetchone()
            if done:
                continue
            legacy = db.execute("PRAGMA user_version").fetchone()[0]
            if legacy < number:
                for statement in statements(script):
                    db.execute(statement)
            db.execute("INSERT INTO schema_migrations (version, applied) VALUES (?, ?)", (number, time.time()))
    return len(migrations)


def schema_version(db: sqlite3.Connection) -> int:
    try:
        return int(db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0])
    except sqlite3.OperationalError:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


# --- one interface over SQLite files and PostgreSQL ---------------------------------------------
#
# The stores (sessions, hand-off tickets, site keys, rate limits) write their SQL once, with `?`
# placeholders, in the subset both engines agree on (INSERT ... ON CONFLICT, RETURNING, COALESCE);
# `Conn.execute` turns the placeholders into psycopg's `%s`. What differs is kept small and per
# dialect: the migration scripts (REAL vs DOUBLE PRECISION, AUTOINCREMENT vs an identity column),
# how a write transaction starts (BEGIN IMMEDIATE vs row locks), and SQLite's on-disk hygiene
# (secure_delete, WAL truncation), which has no PostgreSQL counterpart (VACUUM does that job).

SQLITE = "sqlite"
POSTGRES = "postgres"


def _pg_sql(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class Conn:
    """A connection of either dialect with the sqlite3 calls the stores use."""

    def __init__(self, raw: Any, dialect: str) -> None:
        self.raw = raw
        self.dialect = dialect

    @property
    def postgres(self) -> bool:
        return self.dialect == POSTGRES

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.postgres:
            return self.raw.execute(_pg_sql(sql), tuple(params))
        return self.raw.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if not rows:
            return
        if self.postgres:
            with self.raw.cursor() as cur:
                cur.executemany(_pg_sql(sql), rows)
        else:
            self.raw.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Conn"]:
        """SQLite: BEGIN IMMEDIATE (the file's write lock up front). PostgreSQL: a transaction in
        which the rows a statement writes stay locked until COMMIT (read committed)."""
        if self.postgres:
            with self.raw.transaction():
                yield self
        else:
            with transaction(self.raw):
                yield self


class SqliteDatabase:
    """One SQLite file (the embedded default): created private, WAL, foreign keys, bounded wait."""

    dialect = SQLITE

    def __init__(self, path: Path, busy_seconds: float = DEFAULT_BUSY_SECONDS, pragmas: Sequence[str] = ()) -> None:
        self.path = Path(path)
        self.busy_seconds = busy_seconds
        self.pragmas = tuple(pragmas)
        private_home(self.path.parent)
        private_file(self.path)

    def __repr__(self) -> str:
        return f"SqliteDatabase({str(self.path)!r})"

    @contextlib.contextmanager
    def connect(self) -> Iterator[Conn]:
        raw = connect(self.path, self.busy_seconds)
        try:
            for pragma in self.pragmas:
                raw.execute(pragma)
            yield Conn(raw, SQLITE)
        finally:
            raw.close()

    def migrate(self, store: str, migrations: Sequence[str]) -> int:
        with self.connect() as db:
            return migrate(db.raw, migrations)

    def version(self, store: str) -> int:
        with self.connect() as db:
            return schema_version(db.raw)

    def after_delete(self, db: Conn) -> None:
        """Copy the log into the file and empty it, so deleted rows' pages leave the disk."""
        try:
            db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass


class DatabaseURLError(ValueError):
    """SHOPASSIST_DATABASE_URL is malformed or the server cannot be reached."""


def redact_url(url: str) -> str:
    """The URL with its password replaced by ***, for messages and logs."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    if parts.password:
        netloc = parts.netloc.replace(":" + parts.password + "@", ":***@", 1)
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def check_database_url(url: str) -> str:
    """`url` if it names a PostgreSQL database, else a DatabaseURLError saying what to write."""
    from urllib.parse import urlsplit

    example = "postgresql://USER:PASSWORD@HOST:5432/DBNAME"
    if not isinstance(url, str) or not url.strip():
        raise DatabaseURLError(f"SHOPASSIST_DATABASE_URL is empty; unset it (SQLite in the home folder) or set it to {example}")
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError as exc:
        raise DatabaseURLError(f"SHOPASSIST_DATABASE_URL {redact_url(url)!r} is not a valid URL ({exc}); expected {example}") from None
    if parts.scheme not in ("postgresql", "postgres"):
        raise DatabaseURLError(f"SHOPASSIST_DATABASE_URL must start with postgresql:// (got {parts.scheme or 'no scheme'!r}); "
                               f"expected {example}; without it the stores are SQLite files in the home folder")
    if not parts.hostname and "host=" not in parts.query:
        raise DatabaseURLError(f"SHOPASSIST_DATABASE_URL {redact_url(url)!r} names no host; expected {example}")
    if not parts.path.strip("/"):
        raise DatabaseURLError(f"SHOPASSIST_DATABASE_URL {redact_url(url)!r} names no database; expected {example}")
    return url


PG_MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    store TEXT NOT NULL, version INTEGER NOT NULL, applied DOUBLE PRECISION NOT NULL, PRIMARY KEY (store, version))"""
_PG_MIGRATION_LOCK = 0x73686F70  # pg_advisory_xact_lock key: one migrating process at a time


class PostgresDatabase:
    """A PostgreSQL database shared by every worker (psycopg 3, a small connection pool).

    Every store's tables live in it, each store's migrations numbered separately in
    `schema_migrations(store, version)`, applied under an advisory lock so workers starting at
    once (or `shopassist db migrate` beside them) apply each script exactly once."""

    dialect = POSTGRES

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 8, connect_timeout: float = 10.0) -> None:
        self.url = check_database_url(url)
        try:
            import psycopg  # noqa: F401
            from psycopg_pool import ConnectionPool
        except ImportError as exc:
            raise DatabaseURLError(f"SHOPASSIST_DATABASE_URL is set but {exc.name} is not installed: "
                                   "pip install 'shopassist[postgres]' (psycopg 3 and psycopg-pool)") from None
        self._pool = ConnectionPool(self.url, min_size=min_size, max_size=max_size, open=False, name="shopassist",
                                    kwargs={"autocommit": True, "connect_timeout": int(max(1, connect_timeout))},
                                    timeout=connect_timeout)
        try:
            self._pool.open(wait=True, timeout=connect_timeout)
        except Exception as exc:
            self._pool.close()
            raise DatabaseURLError(
                f"cannot connect to PostgreSQL at SHOPASSIST_DATABASE_URL={redact_url(self.url)} within {connect_timeout:g} s: "
                f"{_first_line(exc)}; is the server running, and are the host, port, user, password and database right?"
            ) from None

    def __repr__(self) -> str:
        return f"PostgresDatabase({redact_url(self.url)!r})"

    @contextlib.contextmanager
    def connect(self) -> Iterator[Conn]:
        with self._pool.connection() as raw:
            yield Conn(raw, POSTGRES)

    def migrate(self, store: str, migrations: Sequence[str]) -> int:
        with self.connect() as db:
            with db.transaction():
                db.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
                db.raw.execute(PG_MIGRATIONS_TABLE)
            for number, script in enumerate(migrations, 1):
                with db.transaction():
                    db.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_MIGRATION_LOCK,))
                    done = db.raw.execute("SELECT 1 FROM schema_migrations WHERE store = %s AND version = %s",
                                          (store, number)).fetchone()
                    if done:
                        continue
                    db.raw.execute(script)
                    db.raw.execute("INSERT INTO schema_migrations (store, version, applied) VALUES (%s, %s, %s)",
                                   (store, number, time.time()))
        return len(migrations)

    def version(self, store: str) -> int:
        with self.connect() as db:
            row = db.raw.execute("SELECT to_regclass('schema_migrations')").fetchone()
            if row[0] is None:
                return 0
            return int(db.raw.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE store = %s",
                                      (store,)).fetchone()[0])

    def after_delete(self, db: Conn) -> None:
        pass  # dead rows are reclaimed by (auto)vacuum

    def close(self) -> None:
        self._pool.close()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


_databases: dict[str, PostgresDatabase] = {}
_databases_lock = threading.Lock()


def postgres_database(url: str) -> PostgresDatabase:
    """One pool per URL in this process (every store of a worker shares it)."""
    url = check_database_url(url)
    with _databases_lock:
        db = _databases.get(url)
        if db is None:
            db = _databases[url] = PostgresDatabase(url)
        return db


def integrity_errors() -> tuple[type[BaseException], ...]:
    """The exception types a unique or foreign-key violation raises, in either dialect."""
    errors: list[type[BaseException]] = [sqlite3.IntegrityError]
    try:
        import psycopg

        errors.append(psycopg.errors.IntegrityError)
    except ImportError:
        pass
    return tuple(errors)


def database_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [sqlite3.Error]
    try:
        import psycopg

        errors.append(psycopg.Error)
    except ImportError:
        pass
    return tuple(errors)
