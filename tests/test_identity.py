"""Who a request acts for, over real HTTP (uvicorn on 127.0.0.1, httpx, the real agent on the demo
index; nothing mocked): server-issued sessions bound to the site key and origin that created
them, signed user ids (HMAC with the site's secret), one owner per session, forgetting a user
(API and CLI) without leaving their messages on disk, expiring sessions, private files, the
admin-only sandboxed UI, strict JSON in the final event, the access log without query strings,
and /healthz over an index it cannot read."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.browser_helpers import UvicornThread, identity, new_session, sse_events

SHOP = "http://127.0.0.1:8123"
OTHER_SHOP = "http://127.0.0.1:8124"
ADMIN_KEY = "staff-only-" + "x" * 24
SHOPASSIST = str(Path(sys.executable).parent / "shopassist")
GENEROUS = dict(rate_per_minute=10_000, session_rate_per_minute=10_000, client_rate_per_minute=10_000,
                sessions_per_client_per_minute=10_000)


def make_agent(index, home: Path):
    from assistant.agent import ShoppingAssistant

    return ShoppingAssistant.over_index(index, home)


@pytest.fixture(scope="module")
def api(demo_index, tmp_path_factory):
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    home = tmp_path_factory.mktemp("identity-home")
    sites = home / "sites.json"
    site = add_site(sites, "shop", [SHOP], **GENEROUS)
    other = add_site(sites, "other shop", [OTHER_SHOP], **GENEROUS)
    agent = make_agent(demo_index, home)
    app = create_app(None, agent, sites_path=sites, mount_ui=True, admin_key=ADMIN_KEY)
    with UvicornThread(app) as server:
        yield {"url": server.url, "home": home, "sites": sites, "site": site, "other": other, "agent": agent}


@pytest.fixture
def client(api):
    with httpx.Client(base_url=api["url"], timeout=120) as c:
        yield c


def post(client, path, key, body, origin=SHOP):
    return client.post(f"/api/v1/{path}", json=body, headers={"X-Site-Key": key} | ({"Origin": origin} if origin else {}))


def turn(client, key, message, origin=SHOP, **body):
    return post(client, "chat", key, {"message": message, **body}, origin)


def final_of(response) -> dict:
    assert response.status_code == 200, response.text
    events = sse_events(response.text)
    assert events[-1][0] == "final", events
    return events[-1][1]


def files_containing(folder: Path, text: str) -> list[str]:
    return [p.name for p in folder.iterdir() if p.is_file() and text.encode() in p.read_bytes()]


# --- sessions are issued by the server and bound to key and origin ---------------------------------


def test_client_chosen_session_ids_are_refused(client, api):
    key = api["site"].key
    api["agent"].turn("running shoes", "cli-made-session")  # exists in sessions.db, but was never issued
    for session in ("my-own-session-id", "cli-made-session"):
        r = turn(client, key, "hello", session_id=session)
        assert r.status_code == 404 and r.json()["code"] == "session_unknown", r.text
        r = post(client, "feedback", key, {"session_id": session, "product_id": "SKU-0001", "event": "like"})
        assert r.status_code == 404 and r.json()["code"] == "session_unknown"
    # A first turn without a session gets a fresh, unguessable one.
    first = final_of(turn(client, key, "hello"))
    second = final_of(turn(client, key, "hello"))
    assert first["session_id"] != second["session_id"] and len(first["session_id"]) >= 32


def test_a_session_is_bound_to_the_key_and_origin_that_created_it(client, api):
    key, other_key = api["site"].key, api["other"].key
    session = final_of(turn(client, key, "headphones under 150"))["session_id"]
    r = turn(client, other_key, "show me the last one", origin=OTHER_SHOP, session_id=session)
    assert r.status_code == 403 and r.json()["code"] == "session_forbidden"
    r = turn(client, key, "show me the last one", origin=None, session_id=session)  # same key, not from the shop's page
    assert r.status_code == 403 and r.json()["code"] == "session_forbidden"
    r = post(client, "feedback", other_key, {"session_id": session, "product_id": "SKU-0001", "event": "like"}, OTHER_SHOP)
    assert r.status_code == 403
    assert "headphones" not in r.text
    assert final_of(turn(client, key, "in black", session_id=session))["constraints"]["max_price"] == 150


def test_a_signed_in_shoppers_session_cannot_be_read_or_taken_over(client, api):
    key, site = api["site"].key, api["site"]
    alice = identity(site, "alice-7")
    secret_words = "size 9 trail running shoes for my marathon in Lisbon"
    session = final_of(turn(client, key, secret_words, **alice))["session_id"]

    # Knowing the session id is not enough: anonymous, or signed in as somebody else.
    anonymous = turn(client, key, "what did I ask?", session_id=session)
    mallory = turn(client, key, "what did I ask?", session_id=session, **identity(site, "mallory"))
    for r in (anonymous, mallory):
        assert r.status_code == 403 and r.json()["code"] == "session_owned", r.text
        assert "Lisbon" not in r.text
    r = post(client, "feedback", key, {"session_id": session, "product_id": "SKU-0001", "event": "dislike",
                                       **identity(site, "mallory")})
    assert r.status_code == 403
    binding = api["agent"].sessions.binding(session)
    assert binding.user_id == "alice-7"
    assert not api["agent"].profiles.events("mallory")
    # Alice carries on.
    assert final_of(turn(client, key, "cheaper ones", session_id=session, **alice))["session_id"] == session


def test_user_ids_need_a_valid_signature(client, api):
    from assistant.sitekeys import add_site, sign_user

    key, site = api["site"].key, api["site"]
    cases = {
        "identity_missing": {"user_id": "victim"},
        "identity_invalid": {"user_id": "victim", "user_signature": sign_user(site.secret, "someone-else")},
    }
    cases["other site's secret"] = {"user_id": "victim", "user_signature": sign_user(api["other"].secret, "victim")}
    for name, body in cases.items():
        r = turn(client, key, "running shoes", **body)
        assert r.status_code == 401, (name, r.text)
        assert r.json()["code"] in ("identity_missing", "identity_invalid")
        session = new_session(client, key, origin=SHOP)
        r = post(client, "feedback", key, {"session_id": session, "product_id": "SKU-0001", "event": "purchase", **body})
        assert r.status_code == 401
        assert client.post("/api/v1/sessions", json=body, headers={"X-Site-Key": key, "Origin": SHOP}).status_code == 401
    r = post(client, "forget", key, {"user_id": "victim", "user_signature": sign_user(api["other"].secret, "victim")})
    assert r.status_code == 401
    assert not api["agent"].profiles.events("victim")

    # A site entry without a secret (made before secrets existed) cannot vouch for anybody.
    legacy = add_site(api["sites"], "legacy", [SHOP], **GENEROUS)
    data = json.loads(api["sites"].read_text())
    for entry in data["sites"]:
        if entry["key"] == legacy.key:
            entry.pop("secret")
    api["sites"].write_text(json.dumps(data))
    r = turn(client, legacy.key, "running shoes", user_id="victim", user_signature=sign_user(legacy.secret, "victim"))
    assert r.status_code == 401 and r.json()["code"] == "identity_unavailable"

    # The valid signature works, and the profile events go to that user.
    session = new_session(client, key, origin=SHOP, **identity(site, "victim"))
    r = post(client, "feedback", key, {"session_id": session, "product_id": "SKU-0001", "event": "purchase",
                                       **identity(site, "victim")})
    assert r.status_code == 200 and r.json()["user_id"] == "victim"


def test_an_anonymous_session_is_linked_on_sign_in_and_then_owned(client, api):
    key, site = api["site"].key, api["site"]
    session = new_session(client, key, origin=SHOP)
    assert api["agent"].sessions.binding(session).user_id == f"session:{session}"
    final_of(turn(client, key, "a waterproof jacket", session_id=session))
    r = post(client, "feedback", key, {"session_id": session, "product_id": "SKU-0001", "event": "like"})
    assert r.json()["user_id"] == f"session:{session}"
    bob = identity(site, "bob-3")
    final_of(turn(client, key, "in blue", session_id=session, **bob))
    assert api["agent"].sessions.binding(session).user_id == "bob-3"
    assert turn(client, key, "in red", session_id=session).status_code == 403
    assert turn(client, key, "in red", session_id=session, **identity(site, "carol")).status_code == 403


def test_forget_removes_the_users_sessions_and_messages_from_disk(client, api, tmp_path):
    key, site = api["site"].key, api["site"]
    home = api["home"]
    # Over the API (the shop's server, with the user's signature).
    dora = identity(site, "dora-1")
    anonymous_first = new_session(client, key, origin=SHOP)
    post(client, "feedback", key, {"session_id": anonymous_first, "product_id": "SKU-0001", "event": "like"})
    final_of(turn(client, key, "zanzibarian espresso machine please", session_id=anonymous_first, **dora))
    final_of(turn(client, key, "quokkafied hiking boots", **dora))
    assert files_containing(home, "zanzibarian")  # the text is on disk while the user exists
    r = post(client, "forget", key, dora)
    assert r.status_code == 200, r.text
    assert r.json()["sessions_deleted"] == 2 and r.json()["profile_rows_deleted"] >= 2
    assert not files_containing(home, "zanzibarian") and not files_containing(home, "quokkafied")
    assert not api["agent"].profiles.events("dora-1") and not api["agent"].profiles.events(f"session:{anonymous_first}")
    assert turn(client, key, "hello", session_id=anonymous_first, **dora).status_code == 404

    # With the command line, on the same home while the server runs.
    final_of(turn(client, key, "xylophonic rain jacket", **identity(site, "erin-2")))
    assert files_containing(home, "xylophonic")
    env = dict(os.environ, SHOPASSIST_HOME=str(home))
    out = subprocess.run([SHOPASSIST, "profile", "forget", "erin-2"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0 and "1 conversations" in out.stdout, out.stderr
    assert not files_containing(home, "xylophonic")
    assert api["agent"].sessions.sessions_of("erin-2") == []


def test_the_final_event_is_only_the_shoppers_own_turn(client, api):
    final = final_of(turn(client, api["site"].key, "headphones under 150"))
    assert set(final) <= {"session_id", "reply", "intent", "constraints", "products", "faq", "alternatives", "relaxation", "offered_budget",
                          "handoff", "unknown_values", "timings_ms", "llm_used"}
    text = json.dumps(final)
    assert api["site"].secret not in text and api["site"].key not in text and ADMIN_KEY not in text
    # What the final event echoes of the conversation is this shopper's own words.
    assert set((final["constraints"].get("text") or "").split()) <= {"headphones", "under", "150"}


# --- JSON, expiry, files, logs, health -------------------------------------------------------------


def test_json_is_strict_even_for_an_infinite_price(embedder, tmp_path):
    from assistant.api import create_app
    from assistant.sitekeys import add_site
    from retrieval.ingest import ingest_file
    from retrieval.store import IndexLocation, ShopIndex

    home = tmp_path / "home"
    catalog = tmp_path / "catalog.jsonl"
    rows = [{"id": "INF-1", "title": "Studio Headphones Infinite", "description": "Over-ear wired studio headphones.",
             "category": ["Audio", "Headphones"], "price": 99.0},
            {"id": "OK-2", "title": "Travel Headphones", "description": "Wireless headphones for travel.",
             "category": ["Audio", "Headphones"], "price": 59.0}]
    catalog.write_text("".join(json.dumps(r) + "\n" for r in rows))
    index = ShopIndex(IndexLocation(home=home), embedder)
    ingest_file(index, catalog, "product", progress=False)
    # An index written before ingest refused infinite prices: the stored product says `inf`.
    from retrieval.documents import product_record
    from retrieval.schemas import Product

    record = product_record(Product.model_construct(**(Product.model_validate(rows[0]).model_dump() | {"price": float("inf")})),
                            "planted")
    index.upsert([record.record_id], [record.text], [record.metadata], index.embedder.embed([record.text]))
    assert "Infinity" in index.metadatas(["product:INF-1"])["product:INF-1"]["payload"]
    key = add_site(tmp_path / "sites.json", "inf", [SHOP]).key
    app = create_app(None, make_agent(index, home), sites_path=tmp_path / "sites.json")
    with UvicornThread(app) as server, httpx.Client(base_url=server.url, timeout=120) as c:
        events = sse_events(turn(c, key, "headphones").text)  # sse_events refuses Infinity / NaN
        name, data = events[-1]
        assert name in ("final", "error")
        if name == "final":  # (a catalog schema that refuses inf on reading makes the turn an error event instead)
            assert any(p["id"] == "INF-1" and p["price"] is None for p in data["products"] + data["alternatives"])
        r = c.get("/api/v1/products/INF-1", headers={"X-Site-Key": key})
        assert "Infinity" not in r.text and "NaN" not in r.text
        body = json.loads(r.text, parse_constant=lambda s: pytest.fail(s))  # JSON even when it fails
        assert body["price"] is None if r.status_code == 200 else r.status_code == 500 and body["detail"]
    from assistant.api.models import dumps, sse

    assert dumps({"price": float("inf"), "score": [float("nan"), 1.5]}) == '{"price":null,"score":[null,1.5]}'
    assert "Infinity" not in sse("final", {"price": float("-inf")})
    index.close()


def test_sessions_expire_when_idle(demo_index, tmp_path):
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    site = add_site(tmp_path / "sites.json", "ttl", [SHOP], **GENEROUS)
    agent = make_agent(demo_index, tmp_path / "home")
    app = create_app(None, agent, sites_path=tmp_path / "sites.json", session_ttl_seconds=1.5)
    with UvicornThread(app) as server, httpx.Client(base_url=server.url, timeout=120) as c:
        session = final_of(turn(c, site.key, "running shoes"))["session_id"]
        assert final_of(turn(c, site.key, "under 100", session_id=session))["constraints"]["max_price"] == 100
        time.sleep(2.0)
        r = turn(c, site.key, "cheaper ones", session_id=session)
        assert r.status_code == 404 and r.json()["code"] == "session_unknown"
        assert agent.sessions.load(session)[1] == []  # reads as empty at once...
        assert agent.sessions.purge_expired() >= 1  # ...and the purge deletes it
        assert agent.sessions.count() == 0
        assert not files_containing(tmp_path / "home", "running shoes")


def test_sessions_db_is_private(tmp_path):
    from assistant.sessions import ChatMessage, SessionState, SessionStore

    home = tmp_path / "fresh-home"
    store = SessionStore(home)
    store.save_turn(store.issue("sk_test_key", SHOP), None, SessionState(), [ChatMessage(role="user", content="hi")])
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "sessions.db").stat().st_mode) == 0o600
    # The store closes its connections, and SQLite removes the log files with the last one; while
    # a connection is open they exist, private like the database.
    import sqlite3

    held = sqlite3.connect(home / "sessions.db")
    held.execute("PRAGMA journal_mode=WAL")
    held.execute("SELECT COUNT(*) FROM sessions").fetchone()
    try:
        for name in ("sessions.db-wal", "sessions.db-shm"):
            assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
    finally:
        held.close()
    # An existing world-readable file is tightened when opened.
    os.chmod(home / "sessions.db", 0o644)
    SessionStore(home)
    assert stat.S_IMODE((home / "sessions.db").stat().st_mode) == 0o600


def test_the_access_log_never_shows_the_site_key(demo_index, tmp_path):
    import uvicorn

    from assistant.api import create_app, uvicorn_config
    from assistant.sitekeys import add_site
    from tests.conftest import free_port

    key = add_site(tmp_path / "sites.json", "logged", [SHOP]).key
    app = create_app(None, make_agent(demo_index, tmp_path), sites_path=tmp_path / "sites.json")
    port = free_port()
    server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port, "info"))  # what `shopassist serve` runs
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    logging.getLogger("uvicorn.access").addHandler(Keep())
    import threading

    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.time() + 120
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as c:
            assert c.get("/api/v1/products/SKU-0001", params={"site_key": key}).status_code == 200
            c.get("/api/v1/faq/search", params={"site_key": key, "q": "returns"})
        time.sleep(0.3)
    finally:
        server.should_exit = True
        thread.join(30)
    assert any("/api/v1/products/SKU-0001" in line for line in lines), lines
    assert not any(key in line for line in lines), lines


def test_healthz_is_503_over_an_index_it_cannot_read(embedder, chroma_server, tmp_path):
    import chromadb

    from assistant.api import create_app
    from retrieval.ingest import ingest_file
    from retrieval.store import IndexLocation, ShopIndex
    from tests.conftest import DEMO

    host, port = chroma_server
    location = IndexLocation(home=tmp_path / "home", collection="health-check", chroma_host=host, chroma_port=port)
    index = ShopIndex(location, embedder)
    ingest_file(index, DEMO / "faq.md", "faq", progress=False)
    app = create_app(None, make_agent(index, tmp_path / "home"), sites_path=tmp_path / "sites.json")
    with UvicornThread(app) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        assert c.get("/healthz").status_code == 200
        # Another process rewrites the index: the collection this server reads is gone, and a
        # new one of the same name (same revision marker) stands in its place.
        other = chromadb.HttpClient(host=host, port=port)
        meta = other.get_collection("health-check").metadata
        other.delete_collection("health-check")
        other.create_collection("health-check", metadata=meta, embedding_function=None)
        r = c.get("/healthz")
        assert r.status_code == 503, r.text
        assert r.json()["detail"].startswith("index unavailable") and "cannot be read" in r.json()["detail"]


# --- the Gradio UI under serve ------------------------------------------------------------------------


def test_the_mounted_ui_is_for_staff_and_sandboxed(client, api):
    from gradio_client import Client

    from assistant.profile import ProfileStore

    assert client.get("/ui/", follow_redirects=True).status_code == 401
    profiles = ProfileStore(api["home"])
    profiles.update_preferences("victim-9", max_budget=80, preferred_brands=["Veloxa"])
    ui = Client(f"{api['url']}/ui/", verbose=False, headers={"X-Admin-Key": ADMIN_KEY})
    loaded = ui.predict("victim-9", api_name="/load_preferences")
    assert loaded[0] in (None, 0, "") and loaded[2] == []  # the real shopper's preferences are not shown...
    ui.predict("victim-9", 10, None, ["Kairo"], [], [], [], api_name="/save_preferences")
    assert profiles.get_preferences("victim-9").max_budget == 80  # ...nor overwritten
    assert profiles.get_preferences("ui:victim-9").max_budget == 10  # the UI writes in its sandbox
    job = ui.submit("headphones under 150", [], "victim-9", api_name="/chat")
    job.result(timeout=180)
    assert not [e for e in profiles.events("victim-9")]  # no events in the real profile
    assert [e for e in profiles.events("ui:victim-9") if e.event == "view"]
    assert api["agent"].sessions.sessions_of("victim-9") == []


# --- the command line -----------------------------------------------------------------------------------


def test_sites_add_shows_the_secret_once_and_rotate_replaces_it(tmp_path):
    from assistant.sitekeys import list_sites, sign_user

    env = dict(os.environ, SHOPASSIST_HOME=str(tmp_path / "home"))

    def cli(*args):
        return subprocess.run([SHOPASSIST, *args], capture_output=True, text=True, env=env, timeout=120)

    out = cli("sites", "add", "Cli shop", "--origin", SHOP, "--client-rate", "7")
    assert out.returncode == 0, out.stderr
    key = out.stdout.strip()
    (site,) = list_sites(tmp_path / "home" / "sites.json")
    assert site.key == key and site.secret and site.secret in out.stderr and site.client_rate_per_minute == 7
    listed = cli("sites", "list")
    listed_json = cli("sites", "list", "--json")
    assert site.secret not in listed.stdout + listed_json.stdout
    assert json.loads(listed_json.stdout)[0]["has_secret"] is True
    rotated = cli("sites", "rotate-secret", key)
    assert rotated.returncode == 0
    (after,) = list_sites(tmp_path / "home" / "sites.json")
    assert after.secret == rotated.stdout.strip() != site.secret
    assert not after.verify_user("u1", sign_user(site.secret, "u1")) and after.verify_user("u1", sign_user(after.secret, "u1"))
    assert cli("sites", "rotate-secret", "sk_nope").returncode == 2


def test_serve_ui_needs_an_admin_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SHOPASSIST_ADMIN_KEY"} | {"SHOPASSIST_HOME": str(tmp_path)}
    out = subprocess.run([SHOPASSIST, "serve", "--ui", "--no-llm"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2 and "SHOPASSIST_ADMIN_KEY" in out.stderr
    out = subprocess.run([SHOPASSIST, "serve", "--ui", "--no-llm"], capture_output=True, text=True, timeout=120,
                         env=env | {"SHOPASSIST_ADMIN_KEY": "short"})
    assert out.returncode == 2 and "16 characters" in out.stderr
