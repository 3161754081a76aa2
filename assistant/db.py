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
import time
from pathlib import Path
from typing import Iterator, Sequence

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
