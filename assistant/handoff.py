"""Hand-off tickets: when a shopper asks for a person (the agent's `handoff` route, or an FAQ
question it could not answer confidently: `TurnResult.handoff`), a ticket is opened holding a
copy of the conversation so far; the shop's staff read it in the Support tab of the staff UI,
answer, and close it; the shopper sees the answers where they chat (the widget polls
`GET /api/v1/handoff`, the Gradio shop tab polls the store).

One SQLite file, `<home>/handoff.db` (assistant/db.py: created 0600, numbered migrations).

* `tickets`: one per hand-off, keyed by an integer id staff can say out loud ("ticket 12"),
  with the session and shopper it came from (`user_id`: the signed user id, or
  `session:<id>` for an anonymous shopper) and a status:
  - `open`: waiting for staff (a new ticket, or the shopper asked again after an answer);
  - `answered`: staff replied; the shopper may write back;
  - `closed`: done. A new hand-off in the same session then opens a new ticket.
* `ticket_messages`: the transcript, copied from `<home>/sessions.db` when the ticket is opened
  and refreshed whenever staff open the ticket (or the shopper asks again) while the session
  still exists, so a conversation that expires or is reset keeps its copy.
* `ticket_replies`: what staff wrote, in order, with who wrote it.

A session has at most one ticket that is not closed: opening a hand-off again returns it (and
sets it back to `open`). Forget: `forget_user(user_id, sessions)` deletes the user's tickets and
those of the sessions they had (anonymous ones they linked on sign-in included);
`forget_session(session_id)` one conversation's. Deleted text is overwritten on disk
(`secure_delete`, WAL truncated), as in sessions.db. Closed tickets idle for `ttl_seconds`
(30 days, like sessions) are purged.

Ticket text (the shopper's messages, the agent's replies quoting catalog and FAQ text, staff
replies) is untrusted wherever it is shown: the staff UI and the widget render it as text.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator, Literal

from pydantic import BaseModel, Field

from .db import DEFAULT_BUSY_SECONDS, connect, migrate, private_file, private_home, transaction
from .sessions import DEFAULT_TTL_SECONDS, SessionStore, anonymous_user, validate_session_id

DB_NAME = "handoff.db"
Status = Literal["open", "answered", "closed"]
STATUSES: tuple[str, ...] = ("open", "answered", "closed")
ACTIVE: tuple[str, ...] = ("open", "answered")
MAX_REPLY_CHARS = 4000
MAX_AUTHOR_CHARS = 80
DEFAULT_AUTHOR = "Support team"
_PURGE_EVERY = 60.0

MIGRATIONS: list[str] = [
    """
    CREATE TABLE tickets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL,
        user_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
        reason TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL,
        updated REAL NOT NULL
    );
    CREATE INDEX tickets_session ON tickets(session_id, status);
    CREATE INDEX tickets_user ON tickets(user_id);
    CREATE INDEX tickets_status ON tickets(status, updated);
    CREATE TABLE ticket_messages (
        ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (ticket_id, n)
    );
    CREATE TABLE ticket_replies (
        ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        n INTEGER NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        ts REAL NOT NULL,
        PRIMARY KEY (ticket_id, n)
    );
    """,
]


class TicketMessage(BaseModel):
    """One message of the copied conversation: `user` (the shopper) or `assistant`."""

    role: str
    content: str


class Reply(BaseModel):
    """What staff wrote; `n` counts from 1 within the ticket (the widget shows each once)."""

    n: int
    author: str
    text: str
    ts: float


class Ticket(BaseModel):
    id: int
    session_id: str
    user_id: str | None
    status: Status
    reason: str = ""
    created: float
    updated: float
    transcript: list[TicketMessage] = Field(default_factory=list)
    replies: list[Reply] = Field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    def last_shopper_message(self) -> str:
        """What the shopper wrote last (the question staff will most likely look up)."""
        return next((m.content for m in reversed(self.transcript) if m.role == "user"), "")


class TicketSummary(BaseModel):
    """A line of the staff's ticket list."""

    id: int
    session_id: str
    user_id: str | None
    status: Status
    reason: str
    created: float
    updated: float
    messages: int
    replies: int
    last_shopper_message: str


class TicketError(ValueError):
    """A ticket operation that cannot be done (unknown ticket, closed ticket, empty reply...)."""


def _clean_reply(text: str) -> str:
    text = "\n".join(line.rstrip() for line in str(text or "").replace("\x00", "").strip().splitlines())
    if not text.strip():
        raise TicketError("the reply is empty")
    if len(text) > MAX_REPLY_CHARS:
        raise TicketError(f"the reply is {len(text):,} characters long; the limit is {MAX_REPLY_CHARS:,}")
    return text


def _clean_author(author: str | None) -> str:
    author = " ".join(str(author or "").replace("\x00", "").split())[:MAX_AUTHOR_CHARS]
    return author or DEFAULT_AUTHOR


class TicketStore:
    """Hand-off tickets in `<home>/handoff.db`. Each call opens its own short connection, so one
    store can be shared by a web server's threads. Transcripts are read from the same home's
    sessions.db (`sessions`, or a SessionStore opened on it)."""

    def __init__(self, home: Path, sessions: SessionStore | None = None, *, ttl_seconds: float | None = DEFAULT_TTL_SECONDS,
                 busy_seconds: float = DEFAULT_BUSY_SECONDS) -> None:
        self.home = Path(home)
        private_home(self.home)
        self.path = self.home / DB_NAME
        self.busy_seconds = busy_seconds
        self.ttl_seconds = ttl_seconds
        self._sessions = sessions
        self._lock = threading.Lock()
        self._last_purge = 0.0
        private_file(self.path)
        with self._connect() as db:
            migrate(db, MIGRATIONS)

    # --- plumbing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = connect(self.path, self.busy_seconds)
        try:
            db.execute("PRAGMA secure_delete=ON")
            yield db
        finally:
            db.close()

    @property
    def sessions(self) -> SessionStore:
        if self._sessions is None:
            self._sessions = SessionStore(self.home)
        return self._sessions

    def _transcript_of(self, session_id: str) -> list[TicketMessage]:
        try:
            _, messages, _ = self.sessions.load(session_id)
        except (ValueError, sqlite3.Error):
            return []
        return [TicketMessage(role=m.role, content=m.content) for m in messages]

    @staticmethod
    def _write_transcript(db: sqlite3.Connection, ticket_id: int, transcript: list[TicketMessage]) -> None:
        db.execute("DELETE FROM ticket_messages WHERE ticket_id = ?", (ticket_id,))
        db.executemany("INSERT INTO ticket_messages(ticket_id, n, role, content) VALUES (?, ?, ?, ?)",
                       [(ticket_id, i, m.role, m.content) for i, m in enumerate(transcript, 1)])

    @staticmethod
    def _read(db: sqlite3.Connection, ticket_id: int) -> Ticket | None:
        row = db.execute("SELECT id, session_id, user_id, status, reason, created, updated FROM tickets WHERE id = ?",
                         (ticket_id,)).fetchone()
        if row is None:
            return None
        transcript = [TicketMessage(role=r, content=c) for r, c in
                      db.execute("SELECT role, content FROM ticket_messages WHERE ticket_id = ? ORDER BY n", (ticket_id,))]
        replies = [Reply(n=n, author=a, text=t, ts=ts) for n, a, t, ts in
                   db.execute("SELECT n, author, text, ts FROM ticket_replies WHERE ticket_id = ? ORDER BY n", (ticket_id,))]
        return Ticket(id=row[0], session_id=row[1], user_id=row[2], status=row[3], reason=row[4], created=row[5],
                      updated=row[6], transcript=transcript, replies=replies)

    # --- the shopper's side -------------------------------------------------------------------

    def open_ticket(self, session_id: str, user_id: str | None = None, reason: str = "") -> Ticket:
        """The session's ticket that is not closed, with its transcript refreshed and its status
        back to `open`; or a new one with the conversation so far copied from sessions.db.
        `user_id`: who the shopper is (default: the session's owner, else `session:<id>`)."""
        session_id = validate_session_id(session_id)
        transcript = self._transcript_of(session_id)
        if user_id is None:
            try:
                user_id = self.sessions.load(session_id)[2]
            except (ValueError, sqlite3.Error):
                user_id = None
            user_id = user_id or anonymous_user(session_id)
        reason = " ".join(str(reason or "").split())[:500]
        now = time.time()
        with self._lock, self._connect() as db, transaction(db):
            row = db.execute("SELECT id FROM tickets WHERE session_id = ? AND status != 'closed' ORDER BY id DESC LIMIT 1",
                             (session_id,)).fetchone()
            if row is None:
                ticket_id = db.execute(
                    "INSERT INTO tickets(session_id, user_id, status, reason, created, updated) VALUES (?, ?, 'open', ?, ?, ?)",
                    (session_id, user_id, reason, now, now)).lastrowid
            else:
                ticket_id = row[0]
                db.execute("UPDATE tickets SET status = 'open', updated = ?, user_id = COALESCE(?, user_id), "
                           "reason = CASE WHEN ? != '' THEN ? ELSE reason END WHERE id = ?",
                           (now, user_id, reason, reason, ticket_id))
            if transcript:
                self._write_transcript(db, ticket_id, transcript)
            ticket = self._read(db, ticket_id)
        self._maybe_purge(now)
        assert ticket is not None
        return ticket

    def for_session(self, session_id: str) -> Ticket | None:
        """The session's latest ticket (any status), or None."""
        session_id = validate_session_id(session_id)
        with self._connect() as db:
            row = db.execute("SELECT id FROM tickets WHERE session_id = ? ORDER BY id DESC LIMIT 1", (session_id,)).fetchone()
            return None if row is None else self._read(db, row[0])

    # --- the staff's side ---------------------------------------------------------------------

    def get(self, ticket_id: int, *, refresh: bool = False) -> Ticket | None:
        """One ticket; `refresh`: first copy the conversation again from sessions.db (while the
        session exists and the ticket is not closed), so staff see what the shopper wrote since."""
        ticket_id = int(ticket_id)
        if refresh:
            with self._connect() as db:
                row = db.execute("SELECT session_id, status FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
            if row is not None and row[1] != "closed":
                transcript = self._transcript_of(row[0])
                if transcript:
                    with self._lock, self._connect() as db, transaction(db):
                        if db.execute("SELECT 1 FROM tickets WHERE id = ?", (ticket_id,)).fetchone():
                            self._write_transcript(db, ticket_id, transcript)
        with self._connect() as db:
            return self._read(db, ticket_id)

    def list(self, statuses: Iterable[str] = ACTIVE, limit: int = 200) -> list[TicketSummary]:
        """Tickets with one of `statuses`, those waiting longest for staff first (open before
        answered, then oldest update first); closed ones newest first."""
        statuses = [s for s in statuses if s in STATUSES] or list(ACTIVE)
        marks = ",".join("?" * len(statuses))
        with self._connect() as db:
            rows = db.execute(
                f"""SELECT t.id, t.session_id, t.user_id, t.status, t.reason, t.created, t.updated,
                           (SELECT COUNT(*) FROM ticket_messages m WHERE m.ticket_id = t.id),
                           (SELECT COUNT(*) FROM ticket_replies r WHERE r.ticket_id = t.id),
                           COALESCE((SELECT content FROM ticket_messages m WHERE m.ticket_id = t.id AND m.role = 'user'
                                     ORDER BY n DESC LIMIT 1), '')
                    FROM tickets t WHERE t.status IN ({marks})
                    ORDER BY CASE t.status WHEN 'open' THEN 0 WHEN 'answered' THEN 1 ELSE 2 END,
                             CASE WHEN t.status = 'closed' THEN -t.updated ELSE t.updated END
                    LIMIT ?""", (*statuses, int(limit))).fetchall()
        return [TicketSummary(id=r[0], session_id=r[1], user_id=r[2], status=r[3], reason=r[4], created=r[5], updated=r[6],
                              messages=r[7], replies=r[8], last_shopper_message=r[9]) for r in rows]

    def reply(self, ticket_id: int, text: str, author: str | None = None) -> Ticket:
        """Add a staff reply; the ticket becomes `answered`. A closed ticket takes no replies."""
        text, author = _clean_reply(text), _clean_author(author)
        now = time.time()
        with self._lock, self._connect() as db, transaction(db):
            row = db.execute("SELECT status FROM tickets WHERE id = ?", (int(ticket_id),)).fetchone()
            if row is None:
                raise TicketError(f"there is no ticket {ticket_id}")
            if row[0] == "closed":
                raise TicketError(f"ticket {ticket_id} is closed")
            n = db.execute("SELECT COALESCE(MAX(n), 0) FROM ticket_replies WHERE ticket_id = ?", (int(ticket_id),)).fetchone()[0]
            db.execute("INSERT INTO ticket_replies(ticket_id, n, author, text, ts) VALUES (?, ?, ?, ?, ?)",
                       (int(ticket_id), n + 1, author, text, now))
            db.execute("UPDATE tickets SET status = 'answered', updated = ? WHERE id = ?", (now, int(ticket_id)))
            ticket = self._read(db, int(ticket_id))
        assert ticket is not None
        return ticket

    def close(self, ticket_id: int) -> Ticket:
        now = time.time()
        with self._lock, self._connect() as db, transaction(db):
            if db.execute("UPDATE tickets SET status = 'closed', updated = ? WHERE id = ?", (now, int(ticket_id))).rowcount == 0:
                raise TicketError(f"there is no ticket {ticket_id}")
            ticket = self._read(db, int(ticket_id))
        assert ticket is not None
        return ticket

    def counts(self) -> dict[str, int]:
        with self._connect() as db:
            found = dict(db.execute("SELECT status, COUNT(*) FROM tickets GROUP BY status").fetchall())
        return {s: int(found.get(s, 0)) for s in STATUSES}

    # --- deleting -------------------------------------------------------------------------------

    def forget_user(self, user_id: str, sessions: Iterable[str] = ()) -> int:
        """Delete the user's tickets, and those of `sessions` (the user's conversations, e.g.
        `SessionStore.sessions_of(user_id)` taken before they are deleted) whoever is on them;
        tickets deleted."""
        sessions = [s for s in sessions if isinstance(s, str) and s]
        with self._lock, self._connect() as db:
            with transaction(db):
                n = db.execute("DELETE FROM tickets WHERE user_id = ?", (user_id,)).rowcount
                for session_id in sessions:
                    n += db.execute("DELETE FROM tickets WHERE session_id = ? OR user_id = ?",
                                    (session_id, anonymous_user(session_id))).rowcount
            _truncate_wal(db)
        return n

    def forget_session(self, session_id: str) -> int:
        """Delete one conversation's tickets; tickets deleted."""
        with self._lock, self._connect() as db:
            n = db.execute("DELETE FROM tickets WHERE session_id = ?", (session_id,)).rowcount
            _truncate_wal(db)
        return n

    def purge_closed(self, now: float | None = None) -> int:
        """Delete closed tickets idle for longer than the TTL; how many went."""
        if not self.ttl_seconds:
            return 0
        now = now or time.time()
        self._last_purge = now
        with self._lock, self._connect() as db:
            n = db.execute("DELETE FROM tickets WHERE status = 'closed' AND updated < ?", (now - self.ttl_seconds,)).rowcount
            if n:
                _truncate_wal(db)
        return n

    def _maybe_purge(self, now: float) -> None:
        if self.ttl_seconds and now - self._last_purge >= _PURGE_EVERY:
            self.purge_closed(now)


def _truncate_wal(db: sqlite3.Connection) -> None:
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass


_stores: dict[Path, TicketStore] = {}
_stores_lock = threading.Lock()


def ticket_store(home: Path, sessions: SessionStore | None = None) -> TicketStore:
    """One TicketStore per home folder in this process (the API router and the UI share it)."""
    home = Path(home).resolve()
    with _stores_lock:
        store = _stores.get(home)
        if store is None or not store.path.exists():
            store = _stores[home] = TicketStore(home, sessions)
        return store
