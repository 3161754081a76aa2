"""Hand-off tickets (assistant/handoff.py) and their API (assistant/api/handoff.py): a ticket holds
a copy of the conversation from sessions.db, staff replies, open -> answered -> closed, one
ticket per conversation until it is closed, persistence in the home folder, forget. The API
runs for real under uvicorn over the real agent (no LLM) on the demo index; nothing is mocked.
The browser round trip (widget -> Support tab -> widget) is in tests/test_browser.py."""

from __future__ import annotations

import os
import stat
import time

import httpx
import pytest

from tests.browser_helpers import UvicornThread, identity, new_session, sse_events

ALLOWED = "http://127.0.0.1:8124"
OTHER = "http://127.0.0.1:9998"


def _say(sessions, session_id: str, *pairs: tuple[str, str], user: str | None = None) -> None:
    from assistant.sessions import ChatMessage, SessionState

    state = sessions.load(session_id)[0] if sessions.load(session_id)[1] else SessionState()
    for shopper, assistant in pairs:
        sessions.save_turn(session_id, user, state, [ChatMessage(role="user", content=shopper),
                                                     ChatMessage(role="assistant", content=assistant)])


# --- the store --------------------------------------------------------------------------------


def test_a_ticket_copies_the_conversation_and_persists(tmp_path):
    from assistant.handoff import TicketStore
    from assistant.sessions import SessionStore

    sessions = SessionStore(tmp_path)
    _say(sessions, "s1", ("running shoes under 100", "Five running shoes under $100."),
         ("can I talk to a person?", "Of course, a colleague will reply here."))
    store = TicketStore(tmp_path)
    ticket = store.open_ticket("s1", reason="asked for a person")
    assert ticket.status == "open" and ticket.session_id == "s1" and ticket.user_id == "session:s1"
    assert [(m.role, m.content) for m in ticket.transcript] == [
        ("user", "running shoes under 100"), ("assistant", "Five running shoes under $100."),
        ("user", "can I talk to a person?"), ("assistant", "Of course, a colleague will reply here.")]
    assert ticket.last_shopper_message() == "can I talk to a person?" and ticket.reason == "asked for a person"

    # In the home folder, private, and still there for a new process (a new store on the same home).
    path = tmp_path / "handoff.db"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = TicketStore(tmp_path).get(ticket.id)
    assert again == ticket
    # The copy outlives the conversation: a reset (or expiry) of the session keeps it.
    sessions.reset("s1")
    assert len(TicketStore(tmp_path).get(ticket.id, refresh=True).transcript) == 4


def test_one_ticket_per_conversation_until_closed(tmp_path):
    from assistant.handoff import TicketError, TicketStore
    from assistant.sessions import SessionStore

    sessions = SessionStore(tmp_path)
    store = TicketStore(tmp_path, sessions)
    _say(sessions, "s2", ("where is my order?", "I'm not sure; a colleague will get back to you."), user="u-7")
    first = store.open_ticket("s2")
    assert first.user_id == "u-7"  # the session's owner

    answered = store.reply(first.id, "  It left our warehouse today.\n", author="Dana")
    assert answered.status == "answered" and [(r.n, r.author, r.text) for r in answered.replies] == [
        (1, "Dana", "It left our warehouse today.")]
    second = store.reply(first.id, "Tracking: see your e-mail.", author="")
    assert [r.author for r in second.replies] == ["Dana", "Support team"]

    # The shopper writes on and asks again: the same ticket, open again, with the new messages.
    _say(sessions, "s2", ("still nothing, a human please", "Of course."), user="u-7")
    reopened = store.open_ticket("s2")
    assert reopened.id == first.id and reopened.status == "open" and len(reopened.transcript) == 4
    assert len(reopened.replies) == 2

    # Staff see what the shopper wrote since, when they open the ticket.
    _say(sessions, "s2", ("thanks!", "You're welcome."), user="u-7")
    assert len(store.get(first.id).transcript) == 4 and len(store.get(first.id, refresh=True).transcript) == 6

    closed = store.close(first.id)
    assert closed.status == "closed" and store.for_session("s2").status == "closed"
    with pytest.raises(TicketError, match="closed"):
        store.reply(first.id, "one more thing")
    # After closing, a new hand-off is a new ticket.
    fresh = store.open_ticket("s2")
    assert fresh.id != first.id and fresh.status == "open" and store.for_session("s2").id == fresh.id

    with pytest.raises(TicketError, match="empty"):
        store.reply(fresh.id, " \n ")
    with pytest.raises(TicketError, match="limit"):
        store.reply(fresh.id, "x" * 5000)
    with pytest.raises(TicketError, match="no ticket"):
        store.reply(99999, "hello")
    with pytest.raises(TicketError, match="no ticket"):
        store.close(99999)


def test_the_staff_list_puts_waiting_tickets_first(tmp_path):
    from assistant.handoff import TicketStore
    from assistant.sessions import SessionStore

    sessions = SessionStore(tmp_path)
    store = TicketStore(tmp_path, sessions)
    ids = []
    for i in range(4):
        _say(sessions, f"l{i}", (f"question {i}", "a colleague will reply"))
        ids.append(store.open_ticket(f"l{i}").id)
        time.sleep(0.01)
    store.reply(ids[0], "answered")
    store.close(ids[3])
    listed = store.list()
    assert [t.id for t in listed] == [ids[1], ids[2], ids[0]]  # open (oldest first), then answered
    assert listed[0].last_shopper_message == "question 1" and listed[0].messages == 2 and listed[2].replies == 1
    assert [t.id for t in store.list(["closed"])] == [ids[3]]
    assert store.counts() == {"open": 2, "answered": 1, "closed": 1}


def test_forget_removes_the_users_tickets_from_disk(tmp_path):
    from assistant.handoff import TicketStore
    from assistant.sessions import SessionStore

    sessions = SessionStore(tmp_path)
    store = TicketStore(tmp_path, sessions)
    secret = "my address is 12 Secret Lane"
    _say(sessions, "anon-1", (secret, "a colleague will reply"))           # anonymous, linked to u-9 later
    _say(sessions, "mine-1", ("a human please", "of course"), user="u-9")
    _say(sessions, "other-1", ("someone else's question", "of course"), user="u-10")
    linked = store.open_ticket("anon-1")
    assert linked.user_id == "session:anon-1"
    store.open_ticket("mine-1")
    kept = store.open_ticket("other-1")
    store.reply(linked.id, "We will write to 12 Secret Lane.")

    assert store.forget_user("u-9", sessions=["anon-1", "mine-1"]) == 2
    assert [t.id for t in store.list()] == [kept.id]
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("handoff.db*"))
    assert b"Secret Lane" not in raw  # overwritten, not just unlinked

    assert store.forget_session("other-1") == 1 and store.list() == []


def test_closed_tickets_expire(tmp_path):
    from assistant.handoff import TicketStore

    store = TicketStore(tmp_path, ttl_seconds=60)
    old = store.open_ticket("p1")
    store.close(old.id)
    live = store.open_ticket("p2")
    assert store.purge_closed(now=time.time() + 3600) == 1
    assert store.get(old.id) is None and store.get(live.id) is not None  # only closed ones go


# --- the API ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api(demo_index, tmp_path_factory):
    from assistant.agent import ShoppingAssistant
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    home = tmp_path_factory.mktemp("handoff-api")
    sites = home / "sites.json"
    site = add_site(sites, "handoff shop", [ALLOWED], rate_per_minute=1000, session_rate_per_minute=100,
                    client_rate_per_minute=1000, sessions_per_client_per_minute=1000)
    agent = ShoppingAssistant.over_index(demo_index, home)
    app = create_app(None, agent, sites_path=sites)
    with UvicornThread(app) as server:
        yield {"url": server.url, "home": home, "key": site.key, "site": site, "agent": agent}


@pytest.fixture
def client(api):
    with httpx.Client(base_url=api["url"], timeout=120) as c:
        yield c


def _turn(client, api, message: str, session_id: str, **extra) -> dict:
    r = client.post("/api/v1/chat", json={"message": message, "session_id": session_id, **extra},
                    headers={"X-Site-Key": api["key"], "Origin": ALLOWED})
    assert r.status_code == 200, r.text
    return dict(sse_events(r.text))["final"]


def test_handoff_round_trip_over_the_api(api, client):
    from assistant.handoff import ticket_store

    headers = {"X-Site-Key": api["key"], "Origin": ALLOWED}
    session = new_session(client, api["key"], origin=ALLOWED)
    _turn(client, api, "what is your return policy?", session)
    final = _turn(client, api, "I want to talk to a person", session)
    assert final["handoff"] is True

    before = client.get("/api/v1/handoff", params={"session_id": session}, headers=headers)
    assert before.status_code == 200 and before.json() == {"ticket": None, "poll_after_seconds": None}

    opened = client.post("/api/v1/handoff", json={"session_id": session, "reason": "asked for a person"}, headers=headers)
    assert opened.status_code == 200, opened.text
    ticket = opened.json()["ticket"]
    assert ticket["status"] == "open" and ticket["replies"] == [] and opened.json()["poll_after_seconds"] > 0
    assert opened.headers["access-control-allow-origin"] == ALLOWED
    # Asking again is the same ticket.
    again = client.post("/api/v1/handoff", json={"session_id": session}, headers=headers).json()["ticket"]
    assert again["ticket_id"] == ticket["ticket_id"]

    store = ticket_store(api["home"])
    stored = store.get(ticket["ticket_id"])
    assert stored.user_id == f"session:{session}" and stored.reason == "asked for a person"
    assert [m.content for m in stored.transcript if m.role == "user"] == ["what is your return policy?",
                                                                        "I want to talk to a person"]
    store.reply(ticket["ticket_id"], "Hi, Dana here: returns are free within 30 days.", author="Dana")
    polled = client.get("/api/v1/handoff", params={"session_id": session}, headers=headers).json()
    assert polled["ticket"]["status"] == "answered"
    assert [(r["n"], r["author"], r["text"]) for r in polled["ticket"]["replies"]] == [
        (1, "Dana", "Hi, Dana here: returns are free within 30 days.")]
    assert "transcript" not in polled["ticket"] and "user_id" not in polled["ticket"]  # the shopper gets the replies only

    store.close(ticket["ticket_id"])
    closed = client.get("/api/v1/handoff", params={"session_id": session}, headers=headers).json()
    assert closed["ticket"]["status"] == "closed" and closed["poll_after_seconds"] is None

    doc = client.get("/openapi.json").json()
    assert {"get", "post"} <= set(doc["paths"]["/api/v1/handoff"])


def test_handoff_is_checked_like_a_turn(api, client):
    from assistant.sitekeys import sign_user

    headers = {"X-Site-Key": api["key"], "Origin": ALLOWED}
    unknown = client.get("/api/v1/handoff", params={"session_id": "never-issued"}, headers=headers)
    assert unknown.status_code == 404 and unknown.json()["code"] == "session_unknown"
    assert client.post("/api/v1/handoff", json={"session_id": "never-issued"}, headers=headers).status_code == 404

    session = new_session(client, api["key"], origin=ALLOWED)
    other = client.get("/api/v1/handoff", params={"session_id": session}, headers={"X-Site-Key": api["key"], "Origin": OTHER})
    assert other.status_code == 403
    assert client.get("/api/v1/handoff", params={"session_id": session}).status_code == 403  # no key

    # A signed-in shopper's conversation: only with their signature.
    signed = new_session(client, api["key"], origin=ALLOWED, **identity(api["site"], "cust-5"))
    assert client.get("/api/v1/handoff", params={"session_id": signed}, headers=headers).status_code == 403
    forged = client.get("/api/v1/handoff", params={"session_id": signed, "user_id": "cust-5", "user_signature": "0" * 64},
                        headers=headers)
    assert forged.status_code == 401
    ok = client.get("/api/v1/handoff", params={"session_id": signed, "user_id": "cust-5",
                                               "user_signature": sign_user(api["site"].secret, "cust-5")}, headers=headers)
    assert ok.status_code == 200
    opened = client.post("/api/v1/handoff", json={"session_id": signed, **identity(api["site"], "cust-5")}, headers=headers)
    assert opened.status_code == 200
    from assistant.handoff import ticket_store

    assert ticket_store(api["home"]).get(opened.json()["ticket"]["ticket_id"]).user_id == "cust-5"

    bad = client.get("/api/v1/handoff", params={"session_id": "x" * 200}, headers=headers)
    assert bad.status_code == 422
    extra = client.post("/api/v1/handoff", json={"session_id": session, "status": "closed"}, headers=headers)
    assert extra.status_code == 422


def test_polling_has_its_own_budget(api, client):
    """Polls spend a per-conversation budget, not the key's: waiting for staff never blocks chat."""
    from assistant.api.handoff import POLL_RATE_PER_SESSION

    headers = {"X-Site-Key": api["key"], "Origin": ALLOWED}
    session = new_session(client, api["key"], origin=ALLOWED)
    statuses = [client.get("/api/v1/handoff", params={"session_id": session}, headers=headers).status_code
                for _ in range(int(POLL_RATE_PER_SESSION) + 2)]
    assert statuses[0] == 200 and statuses[-1] == 429
    refused = client.get("/api/v1/handoff", params={"session_id": session}, headers=headers)
    assert refused.json()["limit"] == "session" and int(refused.headers["retry-after"]) >= 1
    # The conversation itself goes on.
    assert _turn(client, api, "what is your return policy?", session)["session_id"] == session


def test_api_forget_removes_the_users_tickets(api, client):
    from assistant.handoff import ticket_store

    headers = {"X-Site-Key": api["key"], "Origin": ALLOWED}
    signed = new_session(client, api["key"], origin=ALLOWED, **identity(api["site"], "cust-forget"))
    _turn(client, api, "I want to talk to a person", signed, **identity(api["site"], "cust-forget"))
    opened = client.post("/api/v1/handoff", json={"session_id": signed, **identity(api["site"], "cust-forget")}, headers=headers)
    ticket_id = opened.json()["ticket"]["ticket_id"]
    r = client.post("/api/v1/forget", json=identity(api["site"], "cust-forget"), headers={"X-Site-Key": api["key"]})
    assert r.status_code == 200
    assert ticket_store(api["home"]).get(ticket_id) is None
