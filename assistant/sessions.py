"""Conversations persist in the home folder (SQLite), keyed by session id, so a restart
continues where the shopper left off."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from pydantic import BaseModel, Field

from .intent import SearchIntent

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
]


class SessionState(BaseModel):
    """What the agent remembers between turns besides the transcript."""

    intent: SearchIntent = Field(default_factory=SearchIntent)
    shown: list[str] = Field(default_factory=list, description="Product ids shown for the current search, oldest first.")
    last_products: list[str] = Field(default_factory=list, description="Product ids shown in the last reply.")
    last_prices: list[float] = Field(default_factory=list)


class ChatMessage(BaseModel):
    role: str
    content: str


def validate_session_id(session_id: str) -> str:
    if not isinstance(session_id, str) or not session_id.strip():
        raise ValueError("session id must be a non-empty string")
    if len(session_id) > 128 or not session_id.isprintable():
        raise ValueError("session id must be at most 128 printable characters")
    return session_id.strip()


class SessionStore:
    def __init__(self, home: Path) -> None:
        home.mkdir(parents=True, exist_ok=True)
        self.path = home / "sessions.db"
        self._lock = threading.Lock()
        with self._connect() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                db.executescript(script)
                db.execute(f"PRAGMA user_version = {number}")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        return db

    def load(self, session_id: str) -> tuple[SessionState, list[ChatMessage], str | None]:
        session_id = validate_session_id(session_id)
        with self._lock, self._connect() as db:
            row = db.execute("SELECT state, user_id FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is None:
                return SessionState(), [], None
            messages = [
                ChatMessage(role=r, content=c)
                for r, c in db.execute("SELECT role, content FROM messages WHERE session_id = ? ORDER BY n", (session_id,))
            ]
        return SessionState.model_validate_json(row[0]), messages, row[1]

    def save_turn(self, session_id: str, user_id: str | None, state: SessionState, new_messages: list[ChatMessage], meta: dict | None = None) -> None:
        session_id = validate_session_id(session_id)
        now = time.time()
        with self._lock, self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
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
            db.execute("COMMIT")

    def reset(self, session_id: str) -> None:
        with self._lock, self._connect() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (validate_session_id(session_id),))

    def forget_user(self, user_id: str) -> int:
        with self._lock, self._connect() as db:
            return db.execute("DELETE FROM sessions WHERE user_id = ?", (user_id,)).rowcount
