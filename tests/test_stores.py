"""The stores behind their interfaces, each against both implementations: SQLite files in the
home folder (the embedded default) and a real PostgreSQL server (tests/postgres.py starts an
unprivileged cluster on 127.0.0.1; without PostgreSQL binaries those cases skip, saying why).

Two store objects over the same database stand for two workers: what one writes the other reads.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.db import DatabaseURLError, PostgresDatabase, SqliteDatabase, check_database_url
from assistant.handoff import TicketError, TicketStore
from assistant.profile import Event, ProfileStore
from assistant.ratelimits import SharedBuckets
from assistant.sessions import ChatMessage, SessionState, SessionStore, anonymous_user
from assistant.sitekeys import SiteRegistry, add_site, list_sites, lookup_site, revoke_site, rotate_secret, sites_path
from tests.postgres import new_database, postgres_server  # noqa: F401

SHOPASSIST = str(Path(sys.executable).parent / "shopassist")


@pytest.fixture(params=["sqlite", "postgres"])
def where(request, tmp_path):
    """(home folder, database): database None is the SQLite default; else a PostgresDatabase
    on a fresh database of the test cluster."""
    if request.param == "sqlite":
        yield tmp_path / "home", None
        return
    url = new_database(request.getfixturevalue("postgres_server"))
    database = PostgresDatabase(url)
    try:
        yield tmp_path / "home", database
    finally:
        database.close()


def two_session_stores(where, **kw):
    home, database = where
    return SessionStore(home, database=database, **kw), SessionStore(home, database=database, **kw)


# --- sessions -------------------------------------------------------------------------------


def test_sessions_issue_bind_claim_and_turns_across_two_workers(where):
    a, b = two_session_stores(where)
    sid = a.issue("sk_test", "https://shop.example", None)
    binding = b.binding(sid)
    assert binding is not None and binding.issued and binding.site_key == "sk_test" and binding.origin == "https://shop.example"
    assert binding.user_id is None
    assert b.claim(sid, anonymous_user(sid))
    assert a.claim(sid, "alice")  # an anonymous session linked on sign-in
    assert not b.claim(sid, "bob")
    assert a.binding(sid).user_id == "alice"

    state = SessionState()
    a.save_turn(sid, "alice", state, [ChatMessage(role="user", content="hi"), ChatMessage(role="assistant", content="hello")])
    b.save_turn(sid, None, state, [ChatMessage(role="user", content="shoes"), ChatMessage(role="assistant", content="here")])
    loaded, messages, owner = a.load(sid)
    assert [m.content for m in messages] == ["hi", "hello", "shoes", "here"]
    assert owner == "alice" and isinstance(loaded, SessionState)
    assert b.sessions_of("alice") == [sid] and a.count() == 1

    b.touch(sid)
    assert b.forget_user("alice") == 1
    assert a.binding(sid) is None and a.load(sid)[1] == []


def test_sessions_concurrent_turns_from_two_workers_keep_every_message_in_order(where):
    a, b = two_session_stores(where)
    sid = a.issue("sk_test", None)
    errors: list[BaseException] = []

    def turns(store: SessionStore, who: str) -> None:
        try:
            for i in range(15):
                store.save_turn(sid, None, SessionState(), [ChatMessage(role="user", content=f"{who}{i}"),
                                                            ChatMessage(role="assistant", content=f"re {who}{i}")])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=turns, args=(s, w)) for s, w in ((a, "a"), (b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    messages = a.load(sid)[1]
    assert len(messages) == 60
    for user, reply in zip(messages[::2], messages[1::2]):  # each turn's two messages stay together
        assert reply.content == "re " + user.content
    for who in "ab":
        assert [m.content for m in messages[::2] if m.content.startswith(who)] == [f"{who}{i}" for i in range(15)]


def test_sessions_expire_and_are_purged(where):
    home, database = where
    store = SessionStore(home, ttl_seconds=3600, database=database)
    old = store.issue("sk_test", None)
    fresh = store.issue("sk_test", None)
    with store.database.connect() as db:
        db.execute("UPDATE sessions SET updated = ? WHERE id = ?", (time.time() - 7200, old))
    assert store.binding(old) is None and store.load(old) == (SessionState(), [], None)
    assert store.purge_expired() == 1
    assert store.binding(fresh) is not None and store.count() == 1
    store.reset(fresh)
    assert store.count() == 0


# --- hand-off tickets -----------------------------------------------------------------------


def test_tickets_round_trip_between_two_workers(where):
    home, database = where
    sessions = SessionStore(home, database=database)
    sid = sessions.issue("sk_test", None)
    sessions.save_turn(sid, anonymous_user(sid), SessionState(),
                       [ChatMessage(role="user", content="where is my order?"), ChatMessage(role="assistant", content="let me check")])
    shop_side = TicketStore(home, sessions, database=database)
    staff_side = TicketStore(home, SessionStore(home, database=database), database=database)

    ticket = shop_side.open_ticket(sid, reason="asked for a person")
    assert ticket.status == "open" and ticket.user_id == anonymous_user(sid)
    assert [m.content for m in ticket.transcript] == ["where is my order?", "let me check"]
    assert shop_side.open_ticket(sid).id == ticket.id  # one active ticket per session
    listed = staff_side.list()
    assert [t.id for t in listed] == [ticket.id] and listed[0].last_shopper_message == "where is my order?"
    answered = staff_side.reply(ticket.id, "It ships tomorrow.", author="Ana")
    assert answered.status == "answered" and [r.text for r in answered.replies] == ["It ships tomorrow."]
    assert shop_side.for_session(sid).replies[0].author == "Ana"
    staff_side.close(ticket.id)
    with pytest.raises(TicketError):
        staff_side.reply(ticket.id, "too late")
    second = shop_side.open_ticket(sid)
    assert second.id != ticket.id and staff_side.counts() == {"open": 1, "answered": 0, "closed": 1}
    assert staff_side.forget_user(anonymous_user(sid), [sid]) == 2
    assert shop_side.for_session(sid) is None


# --- profiles -------------------------------------------------------------------------------


def test_profiles_events_and_preferences_across_two_workers(where):
    home, database = where
    a, b = ProfileStore(home, database=database), ProfileStore(home, database=database)
    first = a.record("alice", "click", "P1", session_id="s1", position=2, query="red shoes", ts=100.0)
    assert first.id is not None and first.position == 2 and first.query == "red shoes"
    b.record("alice", "dwell", "P1", dwell_seconds=42.5, ts=101.0)
    b.record("alice", "handoff", ts=102.0)
    assert b.record_many([Event(user_id="bob", event="purchase", product_id="P9", ts=50.0),
                          {"user_id": "bob", "event": "like", "product_id": "P8", "ts": 51.0}]) == 2
    events = a.events("alice")
    assert [e.event for e in events] == ["handoff", "dwell", "click"] and events[1].dwell_seconds == 42.5
    assert [e.event for e in a.events("alice", limit=1)] == ["handoff"]
    assert a.event_counts("alice") == {"click": 1, "dwell": 1, "handoff": 1}
    every = list(b.all_events(batch=2))
    assert [e.id for e in every] == sorted(e.id for e in every) and len(every) == 5
    assert list(b.all_events(after_id=every[2].id)) == every[3:] and a.last_event_id() == every[-1].id

    a.set_preferences("alice", {"preferred_brands": ["Acme"], "max_budget": 90})
    prefs = b.update_preferences("alice", avoided_brands=["acme", "Zed"])
    assert prefs.preferred_brands == [] and prefs.avoided_brands == ["acme", "Zed"] and prefs.max_budget == 90
    assert a.get_preferences("alice") == prefs and set(b.all_preferences()) == {"alice"}
    assert a.users() == ["alice", "bob"]
    assert b.forget("alice") == 4
    assert a.events("alice") == [] and a.get_preferences("alice").is_empty() and a.users() == ["bob"]
    assert a.schema_version() >= 1


# --- site keys ------------------------------------------------------------------------------


def test_site_keys_add_revoke_rotate_seen_by_a_running_registry(where):
    home, database = where
    place = database if database is not None else sites_path(home)
    home.mkdir(parents=True, exist_ok=True)
    registry = SiteRegistry(place, poll_seconds=0.0) if database is not None else SiteRegistry(place)
    assert registry.active() == []
    site = add_site(place, "Demo shop", ["https://shop.example"], rate_per_minute=120)
    other = add_site(place, "Second shop", ["https://two.example"])
    assert [s.key for s in list_sites(place)] == [site.key, other.key]
    found = registry.lookup(site.key)
    assert found is not None and found.rate_per_minute == 120 and found.verify_user("u1", _sign(site.secret, "u1"))
    rotated = rotate_secret(place, site.key)
    assert rotated.secret != site.secret and lookup_site(place, site.key).secret == rotated.secret
    revoke_site(place, site.key)
    time.sleep(0.01)  # the file registry compares modification times
    assert registry.lookup(site.key) is None and registry.lookup(other.key) is not None
    assert lookup_site(place, site.key).revoked
    with pytest.raises(ValueError, match="unknown site key"):
        revoke_site(place, "sk_nope_nope")


def _sign(secret: str, user: str) -> str:
    from assistant.sitekeys import sign_user

    return sign_user(secret, user)


# --- rate limits ----------------------------------------------------------------------------


def _bucket_db(where):
    home, database = where
    return database if database is not None else SqliteDatabase(home / "ratelimits.db")


def test_shared_rate_limits_are_one_budget_for_two_workers(where):
    database = _bucket_db(where)
    now = [1000.0]
    a, b = SharedBuckets(database, clock=lambda: now[0]), SharedBuckets(database, clock=lambda: now[0])
    granted = sum(1 for i in range(10) if (a if i % 2 else b).take(("client", "1.2.3.4"), 6) == 0.0)
    assert granted == 6  # one budget of 6 per minute, not 6 per worker
    wait = a.take(("client", "1.2.3.4"), 6)
    assert 9.9 < wait <= 10.0  # one token every 10 s
    now[0] += 10.0
    assert b.peek(("client", "1.2.3.4"), 6) == 0.0 and b.take(("client", "1.2.3.4"), 6) == 0.0
    assert a.take(("client", "1.2.3.4"), 6) > 0


def test_shared_rate_limits_spend_all_or_nothing(where):
    database = _bucket_db(where)
    now = [50.0]
    buckets = SharedBuckets(database, clock=lambda: now[0])
    wants = [("client", ("client", "c"), 100), ("session", ("session", "s"), 2), ("key", ("key", "k"), 100)]
    assert buckets.take_all(wants) is None and buckets.take_all(wants) is None
    label, wait = buckets.take_all(wants)
    assert label == "session" and wait == pytest.approx(30.0)
    # the refused request spent nothing from the other budgets: 98 of 100 left
    assert [buckets.take(("client", "c"), 100) for _ in range(98)] == [0.0] * 98
    assert buckets.take(("client", "c"), 100) > 0


def test_shared_rate_limits_under_concurrent_workers(where):
    database = _bucket_db(where)
    workers = [SharedBuckets(database) for _ in range(4)]
    granted: list[int] = []
    lock = threading.Lock()

    def hammer(buckets: SharedBuckets) -> None:
        n = sum(1 for _ in range(25) if buckets.take_all([("k", ("key", "shared"), 40), ("c", ("client", "x"), 1000)]) is None)
        with lock:
            granted.append(n)

    threads = [threading.Thread(target=hammer, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert 40 <= sum(granted) <= 41  # 100 attempts in well under the 1.5 s a 41st token takes


# --- migrations and configuration -----------------------------------------------------------


def test_migrations_apply_once_and_record_their_versions(where):
    home, database = where
    for _ in range(2):
        store = SessionStore(home, database=database)
        TicketStore(home, store, database=database)
    assert store.database.version("sessions") >= 1
    if database is not None:
        with database.connect() as db:
            rows = db.execute("SELECT store, COUNT(*) FROM schema_migrations GROUP BY store ORDER BY store").fetchall()
        assert dict(rows) == {"handoff": 1, "sessions": 1}
    else:
        assert ProfileStore(home).schema_version() == 2


def test_db_migrate_command(tmp_path, postgres_server):  # noqa: F811
    url = new_database(postgres_server)
    env = {"SHOPASSIST_DATABASE_URL": url, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([SHOPASSIST, "db", "migrate", "--home", str(tmp_path / "home")], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "sessions: schema version 1" in done.stdout and "ratelimits: schema version 1" in done.stdout
    assert "profiles: schema version 1" in done.stdout and "sites: schema version 1" in done.stdout
    again = subprocess.run([SHOPASSIST, "db", "migrate", "--home", str(tmp_path / "home")], capture_output=True, text=True,
                           env=env, timeout=120)
    assert again.returncode == 0 and again.stdout == done.stdout


@pytest.mark.parametrize("url, says", [
    ("mysql://u@h/db", "must start with postgresql://"),
    ("postgresql://u@h:99999/db", "not a valid URL"),
    ("postgresql://u@/db", "names no host"),
    ("postgresql://u@h:5432", "names no database"),
    ("  ", "is empty"),
])
def test_bad_database_urls_say_what_to_write(url, says):
    with pytest.raises(DatabaseURLError, match=says):
        check_database_url(url)


def test_unreachable_database_names_the_url_without_its_password():
    with pytest.raises(DatabaseURLError) as caught:
        PostgresDatabase("postgresql://shop:hunter2secret@127.0.0.1:1/shop", connect_timeout=1)
    text = str(caught.value)
    assert "cannot connect to PostgreSQL" in text and "hunter2secret" not in text and "***" in text


def test_cli_reports_a_bad_database_url_in_one_line(tmp_path):
    env = {"SHOPASSIST_DATABASE_URL": "mysql://x@y/z", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([SHOPASSIST, "sites", "list", "--home", str(tmp_path / "home")], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "SHOPASSIST_DATABASE_URL must start with postgresql://" in done.stderr


def test_ticket_store_of_a_home_follows_its_sessions(where):
    """The staff UI asks for the home's ticket store without sessions: it gets the one the API
    opened, in the database when the conversations are there."""
    from assistant.handoff import ticket_store

    home, database = where
    sessions = SessionStore(home, database=database)
    opened = ticket_store(home, sessions)
    assert ticket_store(home) is opened
    assert (opened.database is database) if database is not None else isinstance(opened.database, SqliteDatabase)
