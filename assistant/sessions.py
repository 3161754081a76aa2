"""Conversations persist in the home folder (SQLite, `<home>/sessions.db`), keyed by session id,
so a restart continues where the shopper left off.

Sessions the HTTP API hands out are *issued* here (`issue`): an unguessable id
(`secrets.token_urlsafe`) bound to the site key and the Origin that asked for it. The API only
ever runs turns or records feedback on an issued session, from that same key and origin
(`binding`), and a session belongs to at most one shopper (`claim`): anonymous (`session:<id>`)
until a signed user id links it, then that user for good. Sessions written directly by the
agent (CLI `ask`, the Gradio UI) have no binding and are never reachable through the API.

Privacy: the file is created 0600 (its folder 0700 when this creates it): it holds what shoppers
typed. Idle sessions expire (`ttl_seconds`, default 30 days): expired ones read as empty and are
purged on writes (at most once a minute) and whenever `purge_expired` runs (the API does so on
a schedule). Deleting (forget, reset, purge) overwrites the freed pages (`secure_delete`) and
truncates the write-ahead log, so deleted text does not linger on disk.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel, ConfigDict, Field

from .db import Conn, PostgresDatabase, SqliteDatabase, integrity_errors, private_home
from .dialogue import DialogueState

DEFAULT_TTL_SECONDS = 30 * 24 * 3600
ANONYMOUS_PREFIX = "session:"
_PURGE_EVERY = 60.0  # seconds between purges triggered by writes

MIGRATIONS = [
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT,
        state TEXT NOT NULL,
        created REAL NOT NULL,
        updated REAL NOT NULL
    );
    CREATE TABLE messages (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        meta TEXT,
        ts REAL NOT NULL,
        PRIMARY KEY (session_id, n)
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    """,
    # 2: sessions issued by the HTTP API are bound to the site key and origin that created them.
    """
    ALTER TABLE sessions ADD COLUMN site_key TEXT;
    ALTER TABLE sessions ADD COLUMN origin TEXT;
    CREATE INDEX sessions_updated ON sessions(updated);
    """,
]

# The same tables in PostgreSQL (SHOPASSIST_DATABASE_URL): one script, times as double precision.
PG_MIGRATIONS = [
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT,
        state TEXT NOT NULL,
        created DOUBLE PRECISION NOT NULL,
        updated DOUBLE PRECISION NOT NULL,
        site_key TEXT,
        origin TEXT
    );
    CREATE TABLE messages (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        meta TEXT,
        ts DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (session_id, n)
    );
    CREATE INDEX sessions_user ON sessions(user_id);
    CREATE INDEX sessions_updated ON sessions(updated);
    """,
]


class SessionState(BaseModel):
    """What the agent remembers between turns besides the transcript: the dialogue state
    (assistant/dialogue). Sessions saved by earlier versions load as a fresh state."""

    model_config = ConfigDict(extra="ignore")

    dialogue: DialogueState = Field(default_factory=DialogueState)


class ChatMessage(BaseModel):
    role: str
    content: str


@dataclass(frozen=True)
class SessionBinding:
    """Who may use an issued session: the site key and origin that created it, and its owner
    (None until the first turn, `session:<id>` while anonymous, else the shop's user id)."""

    id: str
    site_key: str | None
    origin: str | None
    user_id: str | None
    created: float
    updated: float

    @property
    def issued(self) -> bool:
        return self.site_key is not None


def validate_session_id(session_id: str) -> str:
    if not isinstance(session_id, str) or not session_id.strip():
        raise ValueError("session id must be a non-empty string")
    if len(session_id) > 128 or not session_id.isprintable():
        raise ValueError("session id must be at most 128 printable characters")
    return session_id.strip()


def anonymous_user(session_id: str) -> str:
    """The profile an anonymous shopper's actions go to (the API's and the UI's convention)."""
    return ANONYMOUS_PREFIX + session_id


def new_session_id() -> str:
    return secrets.token_urlsafe(24)  # 192 bits, 32 URL-safe characters


class SessionStore:
    """Conversations in `<home>/sessions.db`, or in PostgreSQL when `database` is one (several
    workers then share them: any worker can run any turn of any session)."""

    def __init__(self, home: Path, ttl_seconds: float | None = DEFAULT_TTL_SECONDS,
                 database: PostgresDatabase | None = None) -> None:
        home = Path(home)
        private_home(home)
        self.home = home
        self.path = home / "sessions.db"
        self.ttl_seconds = ttl_seconds  # None: never expire
        # Serialises the agent's reads and writes of a transcript in this process; the API's
        # writes (issue, claim, touch, purge) take one of their own on SQLite (`_writing`); across
        # PostgreSQL workers, save_turn's upsert holds the session's row lock until its COMMIT.
        self._lock = threading.Lock()
        self._api_lock = threading.Lock()
        self._last_purge = 0.0
        if database is None:
            # forgotten messages are overwritten, not just unlinked
            self.database: SqliteDatabase | PostgresDatabase = SqliteDatabase(self.path, pragmas=["PRAGMA secure_delete=ON"])
            self.database.migrate("sessions", MIGRATIONS)
        else:
            self.database = database
            self.database.migrate("sessions", PG_MIGRATIONS)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[Conn]:
        with self.database.connect() as db:
            yield db

    def _writing(self):
        """SQLite: the API's writes (issue, claim, touch, purge) one at a time in this process (the
        file has one write lock; dozens of request threads retrying it on SQLite's busy timeout
        starve each other under load, measured as "database is locked" at 40 concurrent
        shoppers). A lock of their own: the agent's `_lock` is held through a whole transcript
        write. PostgreSQL locks rows, not the file: no process lock."""
        return self._api_lock if self.database.dialect == "sqlite" else contextlib.nullcontext()

    def _cutoff(self, now: float | None = None) -> float:
        if not self.ttl_seconds:
            return float("-inf")
        return (now or time.time()) - self.ttl_seconds

    # --- what the agent uses -----------------------------------------------------------------

    def load(self, session_id: str) -> tuple[SessionState, list[ChatMessage], str | None]:
        session_id = validate_session_id(session_id)
        with self._lock, self._connect() as db:
            row = db.execute("SELECT state, user_id, updated FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None or row[2] < self._cutoff():
                return SessionState(), [], None
            messages = [
                ChatMessage(role=r, content=c)
                for r, c in db.execute("SELECT role, content FROM messages WHERE session_id = ? ORDER BY n", (session_id,))
            ]
        return SessionState.model_validate_json(row[0]), messages, row[1]

    def save_turn(self, session_id: str, user_id: str | None, state: SessionState, new_messages: list[ChatMessage], meta: dict | None = None) -> None:
        session_id = validate_session_id(session_id)
        now = time.time()
        with self._lock, self._connect() as db, db.transaction():
            # An expired session starts over: its old transcript goes before the new turn is kept.
            db.execute("DELETE FROM sessions WHERE id = ? AND updated < ?", (session_id, self._cutoff(now)))
            db.execute(
                "INSERT INTO sessions(id, user_id, state, created, updated) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET state = excluded.state, updated = excluded.updated, "
                "user_id = COALESCE(excluded.user_id, sessions.user_id)",
                (session_id, user_id, state.model_dump_json(), now, now),
            )
            n = db.execute("SELECT COALESCE(MAX(n), 0) FROM messages WHERE session_id = ?", (session_id,)).fetchone()[0]
            for i, message in enumerate(new_messages, start=1):
                db.execute(
                    "INSERT INTO messages(session_id, n, role, content, meta, ts) VALUES (?, ?, ?, ?, ?, ?)",
                    (session_id, n + i, message.role, message.content, json.dumps(meta or {}), now),
                )
        self._maybe_purge(now)

    def reset(self, session_id: str) -> None:
        with self._lock, self._connect() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (validate_session_id(session_id),))
            self.database.after_delete(db)

    # --- issued sessions (the HTTP API) ------------------------------------------------------

    def issue(self, site_key: str, origin: str | None, user_id: str | None = None) -> str:
        """A new session bound to `site_key` and `origin` (None: a non-browser client), owned by
        `user_id` (a verified user id) or, without one, by nobody until its first turn."""
        now = time.time()
        for _ in range(5):
            session_id = new_session_id()
            with self._writing(), self._connect() as db:
                try:
                    db.execute(
                        "INSERT INTO sessions(id, user_id, state, created, updated, site_key, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (session_id, user_id, SessionState().model_dump_json(), now, now, site_key, origin),
                    )
                except integrity_errors():  # 192 random bits colliding: try again
                    continue
            self._maybe_purge(now)
            return session_id
        raise RuntimeError("could not issue a unique session id")

    def binding(self, session_id: str) -> SessionBinding | None:
        """The session's binding, or None when it does not exist or has expired."""
        session_id = validate_session_id(session_id)
        with self._connect() as db:
            row = db.execute("SELECT site_key, origin, user_id, created, updated FROM sessions WHERE id = ?",
                             (session_id,)).fetchone()
        if row is None or row[4] < self._cutoff():
            return None
        return SessionBinding(session_id, *row)

    def claim(self, session_id: str, user_id: str) -> bool:
        """Make `user_id` the session's owner if it has none, is anonymous, or is already that
        user (an anonymous session linked on sign-in); False if another shopper owns it."""
        session_id = validate_session_id(session_id)
        with self._writing(), self._connect() as db:
            cur = db.execute(
                "UPDATE sessions SET user_id = ? WHERE id = ? AND (user_id IS NULL OR user_id = ? OR user_id = ?)",
                (user_id, session_id, anonymous_user(session_id), user_id),
            )
            return cur.rowcount == 1

    def touch(self, session_id: str) -> None:
        """Count activity without a turn (feedback keeps a session alive)."""
        with self._writing(), self._connect() as db:
            db.execute("UPDATE sessions SET updated = ? WHERE id = ?", (time.time(), validate_session_id(session_id)))

    # --- deleting ------------------------------------------------------------------------------

    def sessions_of(self, user_id: str) -> list[str]:
        with self._lock, self._connect() as db:
            return [r[0] for r in db.execute("SELECT id FROM sessions WHERE user_id = ? ORDER BY created", (user_id,))]

    def forget_user(self, user_id: str) -> int:
        """Delete the user's sessions and their messages (overwritten on disk); sessions deleted."""
        with self._lock, self._connect() as db:
            n = db.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,)).rowcount
            self.database.after_delete(db)
            return n

    def purge_expired(self) -> int:
        """Delete sessions idle for longer than the TTL; how many went."""
        if not self.ttl_seconds:
            return 0
        now = time.time()
        self._last_purge = now
        with self._writing(), self._connect() as db:
            n = db.execute("DELETE FROM sessions WHERE updated < ?", (self._cutoff(now),)).rowcount
            if n:
                self.database.after_delete(db)
            return n

    def _maybe_purge(self, now: float) -> None:
        if self.ttl_seconds and now - self._last_purge >= _PURGE_EVERY:
            self.purge_expired()

    def count(self) -> int:
        with self._lock, self._connect() as db:
            return db.execute("SELECT COUNT(*) FROM sessions WHERE updated >= ?", (self._cutoff(),)).fetchone()[0]

