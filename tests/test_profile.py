"""The shopper profile store on a real SQLite file, and the taste vector on the real demo index."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from assistant.profile import (
    EVENT_TYPES,
    EVENT_WEIGHTS,
    MIGRATIONS,
    ProfileStore,
    StatedPreferences,
    disliked_products,
    event_weight,
    interacted_products,
    profile_vector,
)
from retrieval.documents import product_record_id

SHOPASSIST = str(Path(sys.executable).parent / "shopassist")
DAY = 86400.0
NOW = 1_800_000_000.0
SHOES = ["SKU-0001", "SKU-0002", "SKU-0003", "SKU-0004", "SKU-0005"]
OTHER_SHOE = "SKU-0020"
PANS = ["SKU-0192", "SKU-0193", "SKU-0198"]
OTHER_PAN = "SKU-0200"


@pytest.fixture
def store(tmp_path) -> ProfileStore:
    return ProfileStore(tmp_path / "home")


def cosine_to(index, vector: np.ndarray, product_id: str) -> float:
    rid = product_record_id(product_id)
    v = index.vectors([rid])[rid]
    return float(np.dot(vector, v / np.linalg.norm(v)))


# --- schema -------------------------------------------------------------------------------


def test_migrations_are_idempotent_and_tracked(tmp_path):
    home = tmp_path / "home"
    first = ProfileStore(home)
    first.record("u1", "view", "SKU-0001", ts=NOW)
    second = ProfileStore(home)  # opening again applies nothing and keeps the data
    assert second.schema_version() == len(MIGRATIONS)
    assert [e.product_id for e in second.events("u1")] == ["SKU-0001"]
    with sqlite3.connect(home / "profiles.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"events", "preferences"} <= tables


def test_a_store_from_before_the_event_columns_is_migrated_keeping_its_events(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with sqlite3.connect(home / "profiles.db") as conn:  # a file written by schema version 1
        conn.executescript(MIGRATIONS[0])
        conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied REAL NOT NULL)")
        conn.execute("INSERT INTO schema_migrations VALUES (1, 0)")
        conn.execute("INSERT INTO events (user_id, product_id, event, session_id, ts, detail) "
                     "VALUES ('u1', 'SKU-0001', 'click', NULL, 1.0, NULL)")
    store = ProfileStore(home)
    assert store.schema_version() == len(MIGRATIONS)
    (old,) = store.events("u1")
    assert (old.event, old.position, old.query, old.dwell_seconds) == ("click", None, None, None)
    store.record("u1", "click", "SKU-0002", position=0, query="boots")
    assert store.events("u1")[0].query == "boots"


# --- events -------------------------------------------------------------------------------


def test_record_and_list_events(store):
    a = store.record("u1", "view", "SKU-0001", session_id="s1", ts=NOW - 10)
    b = store.record("u1", "add_to_cart", "SKU-0001", session_id="s1", detail="size 9", ts=NOW)
    store.record("u1", "handoff", ts=NOW - 5)  # no product: the shopper went to a human
    store.record("u2", "like", "SKU-0002", ts=NOW)
    assert a.id and b.id and a.id != b.id
    events = store.events("u1")
    assert [e.event for e in events] == ["add_to_cart", "handoff", "view"]  # newest first
    assert events[0].detail == "size 9" and events[0].session_id == "s1" and events[0].ts == NOW
    assert events[1].product_id is None
    assert [e.event for e in store.events("u1", limit=1)] == ["add_to_cart"]
    assert store.event_counts("u1") == {"add_to_cart": 1, "handoff": 1, "view": 1}
    assert store.users() == ["u1", "u2"]
    assert store.events("nobody") == []


def test_every_event_type_is_accepted(store):
    for event in EVENT_TYPES:
        # A dwell says how long the shopper stayed; without the time it says nothing.
        store.record("u1", event, "SKU-0001", dwell_seconds=12.0 if event == "dwell" else None)
    assert set(store.event_counts("u1")) == set(EVENT_TYPES)


def test_a_dwell_needs_its_time_and_counts_in_proportion(store):
    with pytest.raises(ValueError, match="needs dwell_seconds"):
        store.record("u1", "dwell", "SKU-0001")
    short = store.record("u1", "dwell", "SKU-0001", dwell_seconds=6.0)
    long = store.record("u1", "dwell", "SKU-0001", dwell_seconds=600.0)
    assert event_weight(short) == pytest.approx(EVENT_WEIGHTS["dwell"] * 0.1)
    assert event_weight(long) == pytest.approx(EVENT_WEIGHTS["dwell"])


def test_clicks_keep_position_and_query_and_the_log_reads_back_in_order(store):
    store.record("u1", "click", "SKU-0001", position=2, query="rain jacket", ts=1.0)
    n = store.record_many([{"user_id": "u2", "event": "view", "product_id": "SKU-0002", "ts": 2.0},
                           {"user_id": "u2", "event": "purchase", "product_id": "SKU-0002", "ts": 3.0}])
    assert n == 2
    log = list(store.all_events())
    assert [(e.user_id, e.event) for e in log] == [("u1", "click"), ("u2", "view"), ("u2", "purchase")]
    assert (log[0].position, log[0].query) == (2, "rain jacket")
    assert store.last_event_id() == log[-1].id
    assert [e.event for e in store.all_events(after_id=log[0].id)] == ["view", "purchase"]
    with pytest.raises(ValueError):
        store.record_many([{"user_id": "u3", "event": "dwell", "product_id": "SKU-1", "ts": 1.0}])
    assert store.users() == ["u1", "u2"]


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"user_id": "u1", "event": "bought"}, "unknown event 'bought'; expected one of: view, click"),
        ({"user_id": "u1", "event": "view", "product_id": None}, "event 'view' needs a product id"),
        ({"user_id": "", "event": "view"}, "user id must not be empty"),
        ({"user_id": "   ", "event": "view"}, "user id must not be empty"),
        ({"user_id": "x" * 129, "event": "view"}, "129 characters long; at most 128"),
        ({"user_id": "bad\nid", "event": "view"}, "non-printable"),
        ({"user_id": 42, "event": "view"}, "user id must be text"),
    ],
)
def test_invalid_events_and_users_are_rejected_clearly(store, kwargs, message):
    kwargs.setdefault("product_id", "SKU-0001")
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        store.record(**kwargs)
    assert store.users() == []


def test_other_methods_validate_the_user(store):
    for call in (store.events, store.get_preferences, store.forget, store.event_counts):
        with pytest.raises(ValueError, match="user id must not be empty"):
            call("")


# --- stated preferences -------------------------------------------------------------------


def test_preferences_default_set_and_merge(store):
    assert store.get_preferences("u1") == StatedPreferences()
    store.set_preferences("u1", StatedPreferences(max_budget=120, preferred_brands=["Veloxa"], sizes=["9"]))
    merged = store.update_preferences("u1", colors=["Grey", " grey ", "Navy"], min_budget=20)
    assert merged == store.get_preferences("u1")
    assert merged.max_budget == 120 and merged.min_budget == 20
    assert merged.preferred_brands == ["Veloxa"] and merged.sizes == ["9"]
    assert merged.colors == ["Grey", "Navy"]  # cleaned: trimmed, case-insensitive duplicates dropped
    # The latest statement wins: avoiding a preferred brand moves it.
    moved = store.update_preferences("u1", avoided_brands="veloxa")
    assert moved.avoided_brands == ["veloxa"] and moved.preferred_brands == []
    # set_preferences replaces everything; a dict is accepted too.
    assert store.set_preferences("u1", {"sizes": ["10"]}) == StatedPreferences(sizes=["10"])
    assert store.get_preferences("u2") == StatedPreferences()  # other users untouched


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"max_budget": -5}, "max_budget\n.*greater than or equal to 0"),
        ({"min_budget": float("nan")}, "min_budget\n.*finite number"),
        ({"min_budget": 500}, "min_budget 500 is above max_budget 100"),
        ({"sizes": [9]}, "sizes\n.*expected text, got int 9"),
        ({"colors": 7}, "colors\n.*valid list"),
        ({"preferred_brands": ["A"], "avoided_brands": ["a"]}, "brands both preferred and avoided: a"),
    ],
)
def test_preference_validation_names_the_problem(store, changes, message):
    store.set_preferences("u1", StatedPreferences(max_budget=100))
    with pytest.raises(ValidationError, match=message):
        store.update_preferences("u1", **changes)
    assert store.get_preferences("u1") == StatedPreferences(max_budget=100)  # nothing half-written


def test_unknown_preference_field(store):
    with pytest.raises(ValueError, match=r"unknown preference fields \['budget'\]; known: \['max_budget'"):
        store.update_preferences("u1", budget=10)
    with pytest.raises(ValidationError, match="budget\n.*Extra inputs are not permitted"):
        store.set_preferences("u1", {"budget": 10})


# --- forgetting ---------------------------------------------------------------------------


def test_forget_removes_everything_about_one_user_only(store, tmp_path):
    for pid in SHOES[:3]:
        store.record("u1", "like", pid)
    store.record("u1", "handoff")
    store.update_preferences("u1", max_budget=50)
    store.record("u2", "purchase", "SKU-0001")
    store.update_preferences("u2", colors=["red"])
    assert store.forget("u1") == 5
    assert store.events("u1") == [] and store.get_preferences("u1") == StatedPreferences()
    assert store.users() == ["u2"]
    assert [e.event for e in store.events("u2")] == ["purchase"]
    assert store.get_preferences("u2").colors == ["red"]
    with sqlite3.connect(tmp_path / "home" / "profiles.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM events WHERE user_id = 'u1'").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM preferences WHERE user_id = 'u1'").fetchone()[0] == 0
    assert store.forget("u1") == 0


def test_concurrent_writers_from_threads(store):
    def work(n: int) -> None:
        for i in range(25):
            store.record(f"u{n}", "view", f"SKU-{i:04d}")
            store.update_preferences(f"u{n}", max_budget=float(i))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(len(store.events(f"u{n}")) == 25 for n in range(4))
    assert all(store.get_preferences(f"u{n}").max_budget == 24 for n in range(4))


# --- taste vector -------------------------------------------------------------------------


def test_liked_running_shoes_point_at_running_shoes(store, demo_index):
    for pid in SHOES:
        store.record("runner", "like", pid, ts=NOW - DAY)
    vec = profile_vector(store, demo_index, "runner", now=NOW)
    assert vec is not None and vec.shape == (demo_index.embedder.dimension,)
    assert np.linalg.norm(vec) == pytest.approx(1.0, abs=1e-5)
    assert cosine_to(demo_index, vec, OTHER_SHOE) > cosine_to(demo_index, vec, OTHER_PAN) + 0.1
    # The nearest products in the whole index are running shoes.
    nearest = demo_index.dense_query(vec, 10, {"kind": "product"})
    assert all("Running Shoes" in meta["category"] for _, _, meta in nearest)


def test_recency_decay_old_likes_weigh_less(store, demo_index):
    for pid in SHOES[:3]:
        store.record("a", "like", pid, ts=NOW - 90 * DAY)
    for pid in PANS:
        store.record("a", "like", pid, ts=NOW - DAY)
    recent_pans = profile_vector(store, demo_index, "a", now=NOW)
    assert cosine_to(demo_index, recent_pans, OTHER_PAN) > cosine_to(demo_index, recent_pans, OTHER_SHOE)
    # Same likes, ages swapped: now the shoes dominate.
    for pid in SHOES[:3]:
        store.record("b", "like", pid, ts=NOW - DAY)
    for pid in PANS:
        store.record("b", "like", pid, ts=NOW - 90 * DAY)
    recent_shoes = profile_vector(store, demo_index, "b", now=NOW)
    assert cosine_to(demo_index, recent_shoes, OTHER_SHOE) > cosine_to(demo_index, recent_shoes, OTHER_PAN)
    # A longer half-life evens the two out again.
    slow = profile_vector(store, demo_index, "b", now=NOW, half_life_days=10_000)
    assert cosine_to(demo_index, slow, OTHER_PAN) > cosine_to(demo_index, recent_shoes, OTHER_PAN)
    with pytest.raises(ValueError, match="half_life_days"):
        profile_vector(store, demo_index, "b", now=NOW, half_life_days=0)


def test_dislike_moves_away(store, demo_index):
    for user in ("plain", "picky"):
        for pid in SHOES + PANS[:1]:
            store.record(user, "like", pid, ts=NOW)
    store.record("picky", "dislike", PANS[1], ts=NOW)
    store.record("picky", "dislike", PANS[2], ts=NOW)
    plain = profile_vector(store, demo_index, "plain", now=NOW)
    picky = profile_vector(store, demo_index, "picky", now=NOW)
    assert cosine_to(demo_index, picky, OTHER_PAN) < cosine_to(demo_index, plain, OTHER_PAN)
    for disliked in PANS[1:]:
        assert cosine_to(demo_index, picky, disliked) < cosine_to(demo_index, plain, disliked)
    assert disliked_products(store, "picky") == {PANS[1], PANS[2]}
    store.record("picky", "like", PANS[1], ts=NOW + 1)  # a later like takes the dislike back
    assert disliked_products(store, "picky") == {PANS[2]}
    assert interacted_products(store, "picky") == set(SHOES) | set(PANS)
    assert interacted_products(store, "picky", events=["dislike"]) == {PANS[1], PANS[2]}


def test_no_usable_events_gives_none(store, demo_index):
    assert profile_vector(store, demo_index, "nobody", now=NOW) is None
    store.record("u", "handoff", ts=NOW)
    store.record("u", "like", "SKU-GONE", ts=NOW)  # no longer in the index: ignored
    assert profile_vector(store, demo_index, "u", now=NOW) is None
    store.record("u", "view", "SKU-0001", ts=NOW)
    vec = profile_vector(store, demo_index, "u", now=NOW)
    assert vec is not None and cosine_to(demo_index, vec, "SKU-0001") == pytest.approx(1.0, abs=1e-5)
    # Weights that cancel out: 3 likes (3 × 1.0) against 5 dislikes (5 × -0.6) of one product.
    for _ in range(3):
        store.record("z", "like", "SKU-0001", ts=NOW)
    for _ in range(5):
        store.record("z", "dislike", "SKU-0001", ts=NOW)
    assert profile_vector(store, demo_index, "z", now=NOW) is None


# --- command line -------------------------------------------------------------------------


def run(*args, home):
    env = dict(os.environ, SHOPASSIST_HOME=str(home))
    return subprocess.run([SHOPASSIST, *map(str, args)], capture_output=True, text=True, env=env, timeout=300)


def test_cli_feedback_checks_the_product_and_event(tmp_path):
    home = tmp_path / "home"
    out = run("feedback", "--user", "u1", "--product", "SKU-NOPE", "--event", "like", home=home)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == ["error: unknown product SKU-NOPE"]
    out = run("feedback", "--user", "u1", "--product", "SKU-0001", "--event", "bought", home=home)
    assert out.returncode == 2 and "invalid choice: 'bought'" in out.stderr
    assert ProfileStore(home).events("u1") == []


def test_cli_feedback_records_a_known_product(demo_index):
    from assistant.cli import main

    home = demo_index.location.home
    assert main(["feedback", "--user", "cli-user", "--product", "SKU-0001", "--event", "like", "--session", "s9",
                 "--home", str(home)]) == 0
    events = ProfileStore(home).events("cli-user")
    assert [(e.event, e.product_id, e.session_id) for e in events] == [("like", "SKU-0001", "s9")]


def test_cli_profile_set_show_forget(tmp_path):
    home = tmp_path / "home"
    ProfileStore(home).record("alice", "like", "SKU-0001")
    out = run("profile", "set", "alice", "--max-budget", "150", "--brand", "Veloxa", "--brand", "Marathia",
              "--size", "9", "--home", home, home=tmp_path / "elsewhere")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["preferred_brands"] == ["Veloxa", "Marathia"]
    out = run("--home", home, "profile", "set", "alice", "--min-budget", "500", home=tmp_path / "elsewhere")
    assert out.returncode == 2 and "min_budget 500 is above max_budget 150" in out.stderr
    out = run("profile", "show", "alice", "--json", home=home)
    shown = json.loads(out.stdout)
    assert shown["preferences"]["max_budget"] == 150 and shown["preferences"]["sizes"] == ["9"]
    assert shown["event_counts"] == {"like": 1} and shown["recent_events"][0]["product_id"] == "SKU-0001"
    out = run("profile", "forget", "alice", home=home)
    assert out.returncode == 0 and "removed 2 rows" in out.stdout
    assert ProfileStore(home).users() == []
