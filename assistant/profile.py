"""The shopper's profile: what they did (events) and what they told us (stated preferences), kept
in one SQLite file `<home>/profiles.db`, plus the taste vector derived from their events.

Why SQLite: it is one local file, safe across processes, and needs no server. Every operation
opens its own short-lived connection (WAL mode, busy timeout), so one `ProfileStore` can be shared
by the threads of a web server without a lock.

The schema evolves through `MIGRATIONS`: plain SQL scripts applied in order by the one runner
(assistant/db.py). Add a script at the end; never edit one that has shipped. The file is 0600.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, get_args

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .db import DEFAULT_BUSY_SECONDS, connect, migrate, private_file, private_home, schema_version, transaction

if TYPE_CHECKING:
    from retrieval.store import ShopIndex

EventType = Literal["view", "click", "dwell", "add_to_cart", "purchase", "like", "dislike", "handoff", "more_like_this"]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
# Events that need no product: the assistant handing the shopper to a human is about the conversation.
EVENTS_WITHOUT_PRODUCT = frozenset({"handoff"})

# How much each kind of event says about the shopper's taste (negative: away from the product).
EVENT_WEIGHTS: dict[str, float] = {
    "view": 0.2,
    "click": 0.5,
    "dwell": 0.3,  # scaled by the time spent (dwell_weight): a glance says little, a long read more
    "more_like_this": 0.8,
    "add_to_cart": 0.8,
    "purchase": 1.0,
    "like": 1.0,
    "dislike": -0.6,
}

MAX_USER_ID = 128
MAX_QUERY_CHARS = 500
DB_NAME = "profiles.db"
# Dwell time at which a dwell event counts fully; shorter ones count in proportion.
FULL_DWELL_SECONDS = 60.0

MIGRATIONS: list[str] = [
    # 1: events and stated preferences.
    """
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        user_id TEXT NOT NULL,
        product_id TEXT NULL,
        event TEXT NOT NULL,
        session_id TEXT NULL,
        ts REAL NOT NULL,
        detail TEXT NULL
    );
    CREATE INDEX events_user_ts ON events (user_id, ts);
    CREATE INDEX events_product ON events (product_id);
    CREATE TABLE preferences (
        user_id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated REAL NOT NULL
    );
    """,
    # 2: what the recommenders learn from (issue 14): a click's position in the list and the
    # query that showed it, and the seconds a shopper spent on a product (event "dwell").
    """
    ALTER TABLE events ADD COLUMN position INTEGER NULL;
    ALTER TABLE events ADD COLUMN query TEXT NULL;
    ALTER TABLE events ADD COLUMN dwell_seconds REAL NULL;
    CREATE INDEX events_ts ON events (ts, id);
    """,
]


def check_user_id(user_id: Any) -> str:
    """The user id unchanged, or a ValueError saying what is wrong with it."""
    if not isinstance(user_id, str):
        raise ValueError(f"user id must be text, not {type(user_id).__name__}")
    if not user_id.strip():
        raise ValueError("user id must not be empty")
    if len(user_id) > MAX_USER_ID:
        raise ValueError(f"user id is {len(user_id)} characters long; at most {MAX_USER_ID} allowed")
    if not user_id.isprintable():
        raise ValueError(f"user id {user_id!r} contains non-printable characters")
    return user_id


def shopper_id(user_id: str | None, session_id: str) -> str:
    """Whose profile an action belongs to: the shop's user id (checked), or `session:<id>` for an
    anonymous shopper, so feedback and preferences still apply within that conversation."""
    user = (user_id or "").strip()
    return check_user_id(user) if user else f"session:{session_id}"


def check_event(event: Any) -> str:
    """The event type unchanged, or a ValueError listing the known ones."""
    if event not in EVENT_TYPES:
        raise ValueError(f"unknown event {event!r}; expected one of: {', '.join(EVENT_TYPES)}")
    return event


class Event(BaseModel):
    """One thing a shopper did (or that happened to their conversation), as stored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | None = Field(default=None, description="Row id; None until stored.")
    user_id: str
    product_id: str | None = Field(default=None, min_length=1, max_length=256)
    event: EventType
    session_id: str | None = Field(default=None, min_length=1, max_length=256)
    ts: float = Field(description="Unix time, seconds.", allow_inf_nan=False)
    detail: str | None = Field(default=None, max_length=10000)
    position: int | None = Field(default=None, ge=0, le=100000,
                                 description="Where the product was in the list the shopper clicked it in (0 = first).")
    query: str | None = Field(default=None, max_length=MAX_QUERY_CHARS, description="The search or message that showed it.")
    dwell_seconds: float | None = Field(default=None, ge=0, le=86400, allow_inf_nan=False,
                                        description="Seconds spent on the product (event dwell; optional on others).")

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str) -> str:
        return check_user_id(value)

    @model_validator(mode="after")
    def _product_needed(self) -> "Event":
        if self.product_id is None and self.event not in EVENTS_WITHOUT_PRODUCT:
            raise ValueError(f"event {self.event!r} needs a product id")
        if self.event == "dwell" and self.dwell_seconds is None:
            raise ValueError("event 'dwell' needs dwell_seconds")
        return self


def _clean_texts(value: Any) -> Any:
    """One string or a list of them, stripped, without blanks or case-insensitive duplicates."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if isinstance(value, (list, tuple, set)):
        out: list[str] = []
        seen: set[str] = set()
        for v in value:
            if not isinstance(v, str):
                raise ValueError(f"expected text, got {type(v).__name__} {v!r}")
            text = " ".join(v.split())
            if len(text) > 100:
                raise ValueError(f"{text[:20]!r}... is longer than 100 characters")
            if text and text.lower() not in seen:
                seen.add(text.lower())
                out.append(text)
        if len(out) > 100:
            raise ValueError("at most 100 entries allowed")
        return out
    return value  # pydantic reports the wrong type


class StatedPreferences(BaseModel):
    """What the shopper told us they want. Empty lists / None mean "no preference"."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    max_budget: float | None = Field(default=None, ge=0, description="Most they want to spend on one item.")
    min_budget: float | None = Field(default=None, ge=0, description="Least (e.g. 'nothing cheap').")
    preferred_brands: list[str] = Field(default_factory=list)
    avoided_brands: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    colors: list[str] = Field(default_factory=list)

    _clean = field_validator("preferred_brands", "avoided_brands", "sizes", "colors", mode="before")(_clean_texts)

    @model_validator(mode="after")
    def _consistent(self) -> "StatedPreferences":
        if self.min_budget is not None and self.max_budget is not None and self.min_budget > self.max_budget:
            raise ValueError(f"min_budget {self.min_budget:g} is above max_budget {self.max_budget:g}")
        both = {b.lower() for b in self.preferred_brands} & {b.lower() for b in self.avoided_brands}
        if both:
            raise ValueError(f"brands both preferred and avoided: {', '.join(sorted(both))}")
        return self

    def is_empty(self) -> bool:
        return self == StatedPreferences()


class ProfileStore:
    """Events and stated preferences of every shopper, in `<home>/profiles.db`."""

    def __init__(self, home: Path, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> None:
        self.home = Path(home)
        self.path = self.home / DB_NAME
        self.busy_seconds = busy_seconds
        private_home(self.home)
        private_file(self.path)
        with self._connect() as conn:
            migrate(conn, MIGRATIONS)

    # --- plumbing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A fresh autocommit connection, closed afterwards; use `_transaction` to group writes."""
        conn = connect(self.path, self.busy_seconds)
        try:
            conn.row_factory = sqlite3.Row
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken up front (BEGIN IMMEDIATE): read-modify-write cannot interleave."""
        with self._connect() as conn, transaction(conn):
            yield conn

    def schema_version(self) -> int:
        with self._connect() as conn:
            return schema_version(conn)

    # --- events -----------------------------------------------------------------------------

    def record(
        self,
        user_id: str,
        event: str,
        product_id: str | None = None,
        session_id: str | None = None,
        detail: str | None = None,
        ts: float | None = None,
        *,
        position: int | None = None,
        query: str | None = None,
        dwell_seconds: float | None = None,
    ) -> Event:
        """Store one event and return it with its row id. `ts` defaults to now. A click may say
        where it was in the list (`position`, 0 = first) and what showed it (`query`); a dwell
        says how long (`dwell_seconds`)."""
        check_user_id(user_id)
        check_event(event)
        if product_id is None and event not in EVENTS_WITHOUT_PRODUCT:
            raise ValueError(f"event {event!r} needs a product id")
        item = Event(user_id=user_id, event=event, product_id=product_id, session_id=session_id, detail=detail,
                     ts=time.time() if ts is None else ts, position=position, query=query, dwell_seconds=dwell_seconds)
        with self._connect() as conn:
            cur = conn.execute(f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({_EVENT_PLACES})", _event_row(item))
            return item.model_copy(update={"id": cur.lastrowid})

    def record_many(self, events: Iterable[Event | dict[str, Any]]) -> int:
        """Store many events in one transaction (an imported history, a simulated log); each is
        validated like `record` (its `id`, if any, is not kept). Returns how many were stored."""
        rows = []
        for ev in events:
            item = ev if isinstance(ev, Event) else Event.model_validate(ev)
            rows.append(_event_row(item))
        if not rows:
            return 0
        with self._transaction() as conn:
            conn.executemany(f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({_EVENT_PLACES})", rows)
        return len(rows)

    def all_events(self, after_id: int = 0, batch: int = 5000) -> Iterator[Event]:
        """Every shopper's events in the order they were stored (row id), from `after_id` on:
        what `events export` writes and what the recommenders train on."""
        last = after_id
        while True:
            with self._connect() as conn:
                rows = conn.execute("SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?", (last, batch)).fetchall()
            if not rows:
                return
            for row in rows:
                yield Event.model_validate(dict(row))
            last = rows[-1]["id"]

    def last_event_id(self) -> int:
        with self._connect() as conn:
            return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0])

    def events(self, user_id: str, limit: int | None = None) -> list[Event]:
        """The user's events, newest first (at most `limit`)."""
        check_user_id(user_id)
        if limit is not None and limit < 0:
            raise ValueError("limit must not be negative")
        sql = "SELECT * FROM events WHERE user_id = ? ORDER BY ts DESC, id DESC"
        params: tuple = (user_id,)
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        with self._connect() as conn:
            return [Event.model_validate(dict(row)) for row in conn.execute(sql, params)]

    def event_counts(self, user_id: str) -> dict[str, int]:
        """How many events of each type the user has (types with none are left out)."""
        check_user_id(user_id)
        with self._connect() as conn:
            rows = conn.execute("SELECT event, COUNT(*) FROM events WHERE user_id = ? GROUP BY event ORDER BY event",
                                (user_id,))
            return {event: n for event, n in rows}

    # --- stated preferences -----------------------------------------------------------------

    def get_preferences(self, user_id: str) -> StatedPreferences:
        """What the user told us; empty preferences if nothing yet."""
        check_user_id(user_id)
        with self._connect() as conn:
            return self._read_preferences(conn, user_id)

    def set_preferences(self, user_id: str, prefs: StatedPreferences | dict[str, Any]) -> StatedPreferences:
        """Replace the user's stated preferences as a whole."""
        check_user_id(user_id)
        prefs = StatedPreferences.model_validate(prefs)
        with self._connect() as conn:
            self._write_preferences(conn, user_id, prefs)
        return prefs

    def update_preferences(self, user_id: str, **changes: Any) -> StatedPreferences:
        """Change only the given fields, keeping the others; returns the result.

        The latest statement wins: newly preferred brands leave the avoided list and vice versa,
        unless both lists are given in the same call."""
        check_user_id(user_id)
        unknown = set(changes) - set(StatedPreferences.model_fields)
        if unknown:
            raise ValueError(f"unknown preference fields {sorted(unknown)}; known: {list(StatedPreferences.model_fields)}")
        with self._transaction() as conn:
            data = self._read_preferences(conn, user_id).model_dump()
            for field, other in (("preferred_brands", "avoided_brands"), ("avoided_brands", "preferred_brands")):
                if field in changes and other not in changes:
                    cleaned = _clean_texts(changes[field])
                    if isinstance(cleaned, list):
                        now = {b.lower() for b in cleaned}
                        data[other] = [b for b in data[other] if b.lower() not in now]
            prefs = StatedPreferences.model_validate(data | changes)
            self._write_preferences(conn, user_id, prefs)
        return prefs

    def all_preferences(self) -> dict[str, StatedPreferences]:
        """Every shopper's stated preferences (what the two-tower user tower is trained with)."""
        with self._connect() as conn:
            return {row[0]: StatedPreferences.model_validate_json(row[1])
                    for row in conn.execute("SELECT user_id, data FROM preferences ORDER BY user_id")}

    @staticmethod
    def _read_preferences(conn: sqlite3.Connection, user_id: str) -> StatedPreferences:
        row = conn.execute("SELECT data FROM preferences WHERE user_id = ?", (user_id,)).fetchone()
        return StatedPreferences.model_validate_json(row[0]) if row else StatedPreferences()

    @staticmethod
    def _write_preferences(conn: sqlite3.Connection, user_id: str, prefs: StatedPreferences) -> None:
        conn.execute(
            "INSERT INTO preferences (user_id, data, updated) VALUES (?, ?, ?) "
            "ON CONFLICT (user_id) DO UPDATE SET data = excluded.data, updated = excluded.updated",
            (user_id, prefs.model_dump_json(), time.time()),
        )

    # --- whole profiles ---------------------------------------------------------------------

    def forget(self, user_id: str) -> int:
        """Delete everything stored about the user (events and preferences); rows deleted. The
        trained recommenders beside this file (`<home>/recs/`) drop the user's vectors at once
        and are retrained without their events on the next `train recs` (assistant/recs)."""
        check_user_id(user_id)
        with self._transaction() as conn:
            n = conn.execute("DELETE FROM events WHERE user_id = ?", (user_id,)).rowcount
            n += conn.execute("DELETE FROM preferences WHERE user_id = ?", (user_id,)).rowcount
        from .recs.store import forget_trained_user

        forget_trained_user(self.home, user_id)
        return n

    def users(self) -> list[str]:
        """Every user with events or preferences, sorted."""
        with self._connect() as conn:
            rows = conn.execute("SELECT user_id FROM events UNION SELECT user_id FROM preferences ORDER BY 1")
            return [r[0] for r in rows]


_EVENT_FIELDS = ("user_id", "product_id", "event", "session_id", "ts", "detail", "position", "query", "dwell_seconds")
_EVENT_COLUMNS = ", ".join(_EVENT_FIELDS)
_EVENT_PLACES = ", ".join("?" for _ in _EVENT_FIELDS)


def _event_row(item: Event) -> tuple:
    return tuple(getattr(item, f) for f in _EVENT_FIELDS)


def event_weight(ev: Event) -> float:
    """How much one event says about taste (EVENT_WEIGHTS; a dwell in proportion to its time,
    full from FULL_DWELL_SECONDS)."""
    base = EVENT_WEIGHTS.get(ev.event, 0.0)
    if ev.event == "dwell":
        base *= min(1.0, (ev.dwell_seconds or 0.0) / FULL_DWELL_SECONDS)
    return base


# --- what the events say about taste ------------------------------------------------------


def _product_weights(store: ProfileStore, user_id: str, now: float, half_life_days: float) -> dict[str, float]:
    return taste_weights(store.events(user_id), now, half_life_days)


def taste_weights(events: Iterable[Event], now: float, half_life_days: float = 14.0) -> dict[str, float]:
    """Net taste weight per product: sum over events of EVENT_WEIGHTS × recency decay. Products
    whose events cancel out (net weight negligible next to the events' total) are left out.
    `profile_vector` is the weighted mean of the products' vectors under these weights."""
    net: dict[str, float] = {}
    gross: dict[str, float] = {}
    for ev in events:
        base = event_weight(ev)
        if not base or ev.product_id is None:
            continue
        age_days = max(0.0, (now - ev.ts) / 86400.0)
        w = base * 0.5 ** (age_days / half_life_days)
        net[ev.product_id] = net.get(ev.product_id, 0.0) + w
        gross[ev.product_id] = gross.get(ev.product_id, 0.0) + abs(w)
    return {pid: w for pid, w in net.items() if abs(w) > 1e-9 * gross[pid] and abs(w) > 1e-300}


def profile_vector(
    store: ProfileStore, index: "ShopIndex", user_id: str, now: float | None = None, half_life_days: float = 14.0
) -> np.ndarray | None:
    """The user's taste as one L2-normalised vector in the index's embedding space: the
    weighted mean of the embeddings of the products they interacted with (dislikes pull away,
    older events count less, halving every `half_life_days`). Products no longer in the index are
    ignored. None when nothing usable is left or the weights cancel out."""
    from retrieval.documents import product_record_id
    from retrieval.embeddings import normalise

    if not half_life_days > 0 or not math.isfinite(half_life_days):
        raise ValueError("half_life_days must be a positive number")
    weights = _product_weights(store, user_id, time.time() if now is None else now, half_life_days)
    if not weights:
        return None
    pids = list(weights)
    vectors: dict[str, np.ndarray] = {}
    for start in range(0, len(pids), 1000):
        vectors |= index.vectors([product_record_id(p) for p in pids[start : start + 1000]])
    total = None
    weight_sum = 0.0
    for pid in pids:
        vec = vectors.get(product_record_id(pid))
        if vec is None:
            continue
        contribution = weights[pid] * normalise(vec)
        total = contribution if total is None else total + contribution
        weight_sum += abs(weights[pid])
    if total is None or weight_sum == 0:
        return None
    mean = total / weight_sum
    if float(np.linalg.norm(mean)) < 1e-6:
        return None
    return normalise(mean)


def disliked_products(store: ProfileStore, user_id: str) -> set[str]:
    """Products whose latest like/dislike from the user is a dislike (a later like takes it back)."""
    verdict: dict[str, str] = {}
    for ev in reversed(store.events(user_id)):  # oldest first, so the latest verdict wins
        if ev.product_id is not None and ev.event in ("like", "dislike"):
            verdict[ev.product_id] = ev.event
    return {pid for pid, v in verdict.items() if v == "dislike"}


def interacted_products(store: ProfileStore, user_id: str, events: Iterable[str] | None = None) -> set[str]:
    """Products the user has any event with (only events of the given types, if given)."""
    wanted = {check_event(e) for e in events} if events is not None else None
    return {ev.product_id for ev in store.events(user_id)
            if ev.product_id is not None and (wanted is None or ev.event in wanted)}
