"""Rate-limit budgets shared by every worker: token buckets kept in a database table.

One `shopassist serve` keeps its budgets in memory (`assistant.api.guard.TokenBuckets`, the
embedded default). Several workers behind a load balancer must spend from the same budgets, or
each would grant the whole limit again: with SHOPASSIST_DATABASE_URL the API uses
`SharedBuckets` over PostgreSQL instead (the class runs on a SQLite file too, which the store
tests use and which several processes on one machine could share).

Same semantics as TokenBuckets: capacity = the per-minute rate (a full minute's burst), refilled
continuously, `take_all` spends one token from each bucket or none. Each call is one transaction
that locks the buckets it reads (inserted, then selected FOR UPDATE in name order, so two workers
never deadlock on each other), on the wall clock (workers on several machines agree on it to
NTP's precision, far below a token's worth of time).
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any, Iterable

from .db import POSTGRES, PostgresDatabase, SqliteDatabase

MIGRATIONS = [
    """
    CREATE TABLE rate_buckets (
        name TEXT PRIMARY KEY,
        tokens REAL NOT NULL,
        updated REAL NOT NULL,
        rate REAL NOT NULL
    );
    """,
]
PG_MIGRATIONS = [
    """
    CREATE TABLE rate_buckets (
        name TEXT PRIMARY KEY,
        tokens DOUBLE PRECISION NOT NULL,
        updated DOUBLE PRECISION NOT NULL,
        rate DOUBLE PRECISION NOT NULL
    );
    """,
]
_PRUNE_EVERY = 60.0


def bucket_name(name: Any) -> str:
    """A bucket's key as stored: tuples such as ("client", "1.2.3.4") as JSON arrays."""
    if isinstance(name, str):
        return json.dumps([name])
    if isinstance(name, (tuple, list)):
        return json.dumps([str(p) if not isinstance(p, (int, float)) else p for p in name])
    return json.dumps([repr(name)])


class SharedBuckets:
    """Token buckets by name in the `rate_buckets` table (TokenBuckets' interface)."""

    def __init__(self, database: PostgresDatabase | SqliteDatabase, clock=time.time) -> None:
        self.database = database
        self.clock = clock
        self._last_prune = 0.0
        self._prune_lock = threading.Lock()
        database.migrate("ratelimits", PG_MIGRATIONS if database.dialect == POSTGRES else MIGRATIONS)

    @staticmethod
    def _level(tokens: float, updated: float, capacity: float, now: float) -> float:
        return min(capacity, tokens + max(0.0, now - updated) * capacity / 60.0)

    def take(self, name: Any, rate_per_minute: float) -> float:
        """0.0 (allowed, one token used) or the seconds until a token is there."""
        hit = self.take_all([(None, name, rate_per_minute)])
        return 0.0 if hit is None else hit[1]

    def take_all(self, wants: Iterable[tuple[Any, Any, float]]) -> tuple[Any, float] | None:
        """One token from each (label, bucket name, rate per minute), all or none: None when every
        bucket had one, else (the label of the first that had none, seconds until it has)."""
        wants = [(label, bucket_name(name), float(rate)) for label, name, rate in wants]
        if not wants:
            return None
        for attempt in range(3):
            try:
                return self._take_all(wants)
            except Exception as exc:  # a deadlock or serialization failure: PostgreSQL says retry
                if attempt == 2 or getattr(exc, "sqlstate", None) not in ("40P01", "40001"):
                    raise
        return None  # unreachable

    def _take_all(self, wants: list[tuple[Any, str, float]]) -> tuple[Any, float] | None:
        names = sorted({n for _, n, _ in wants})
        rates = {n: r for _, n, r in wants}
        marks = ",".join("?" * len(names))
        with self.database.connect() as db, db.transaction():
            now = self.clock()
            db.executemany("INSERT INTO rate_buckets(name, tokens, updated, rate) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO NOTHING",
                           [(n, rates[n], now, rates[n]) for n in names])
            lock = " FOR UPDATE" if db.postgres else ""
            rows = db.execute(f"SELECT name, tokens, updated FROM rate_buckets WHERE name IN ({marks}) ORDER BY name{lock}",
                              names).fetchall()
            levels = {n: self._level(t, u, rates[n], now) for n, t, u in rows}
            hit = None
            for label, name, rate in wants:
                if levels[name] < 1.0:
                    hit = label, (1.0 - levels[name]) * 60.0 / rate
                    break
            spend = 0.0 if hit is not None else 1.0  # refused: refill bookkeeping only, nothing spent
            db.executemany("UPDATE rate_buckets SET tokens = ?, updated = ?, rate = ? WHERE name = ?",
                           [(levels[n] - spend, now, rates[n], n) for n in names])
        self._maybe_prune(now)
        return hit

    def peek(self, name: Any, rate_per_minute: float) -> float:
        """Seconds until `name` has a token (0.0: it has one now); spends nothing."""
        rate = float(rate_per_minute)
        with self.database.connect() as db:
            row = db.execute("SELECT tokens, updated FROM rate_buckets WHERE name = ?", (bucket_name(name),)).fetchone()
        if row is None:
            return 0.0
        level = self._level(row[0], row[1], rate, self.clock())
        return 0.0 if level >= 1.0 else (1.0 - level) * 60.0 / rate

    def _maybe_prune(self, now: float) -> None:
        """Forget buckets that have refilled completely (they behave exactly like new ones)."""
        if now - self._last_prune < _PRUNE_EVERY or not self._prune_lock.acquire(blocking=False):
            return
        try:
            self._last_prune = now
            with self.database.connect() as db:
                db.execute("DELETE FROM rate_buckets WHERE tokens + (? - updated) * rate / 60.0 >= rate", (now,))
        finally:
            self._prune_lock.release()

    def count(self) -> int:
        with self.database.connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM rate_buckets").fetchone()[0])
