"""The HTTP API served for real by uvicorn on 127.0.0.1 over the real agent (no LLM, for speed)
on the demo index, driven with httpx: SSE chat, site keys and origins, CORS and preflight, body
and message limits, rate limits and the busy answer, feedback, FAQ search, products, OpenAPI,
strict JSON, the admin-only UI. Identity and sessions: tests/test_identity.py; per-client and
per-budget limits: tests/test_rate_limits.py. Nothing is mocked."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.browser_helpers import UvicornThread, identity, new_session, sse_events

ADMIN_KEY = "admin-" + "k" * 30

ALLOWED = "http://127.0.0.1:8123"
OTHER = "http://127.0.0.1:9999"
PRODUCT = "SKU-0001"


def make_agent(index, home: Path):
    from assistant.agent import ShoppingAssistant

    return ShoppingAssistant.over_index(index, home)


@pytest.fixture(scope="module")
def api(demo_index, tmp_path_factory):
    """(base url, home, sites file, static dir, default key and site) of a served app with the UI mounted."""
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    home = tmp_path_factory.mktemp("api-home")
    static = tmp_path_factory.mktemp("api-static")
    sites = home / "sites.json"
    site = add_site(sites, "test shop", [ALLOWED], rate_per_minute=1000, session_rate_per_minute=100,
                    client_rate_per_minute=1000, sessions_per_client_per_minute=1000)
    app = create_app(None, make_agent(demo_index, home), sites_path=sites, mount_ui=True, admin_key=ADMIN_KEY,
                     static_dir=static)
    with UvicornThread(app) as server:
        yield {"url": server.url, "home": home, "sites": sites, "static": static, "key": site.key, "site": site}


@pytest.fixture
def client(api):
    with httpx.Client(base_url=api["url"], timeout=120) as c:
        yield c


def chat(client, key, message, **extra):
    return client.post("/api/v1/chat", json={"message": message, **extra}, headers={"X-Site-Key": key})


# --- health, OpenAPI, static --------------------------------------------------------------------


def test_healthz_needs_no_key(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["products"] == 352 and body["faq_entries"] > 10


def test_openapi_lists_the_paths(client):
    doc = client.get("/openapi.json").json()
    for path in ("/api/v1/sessions", "/api/v1/chat", "/api/v1/feedback", "/api/v1/faq/search", "/api/v1/products/{product_id}",
                 "/api/v1/forget", "/healthz"):
        assert path in doc["paths"], path
    assert "text/event-stream" in doc["paths"]["/api/v1/chat"]["post"]["responses"]["200"]["content"]
    schemas = doc["components"]["schemas"]
    assert {"ChatRequest", "FeedbackRequest", "FaqSearchOut", "Product", "HealthOut"} <= set(schemas)
    assert schemas["ChatRequest"]["properties"]["message"]["maxLength"] == 2000
    assert "user_signature" in schemas["ChatRequest"]["properties"]
    assert doc["paths"]["/api/v1/chat"]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/ChatRequest")


def test_widget_js_served_once_it_exists(client, api):
    assert client.get("/widget.js").status_code == 404
    (api["static"] / "widget.js").write_text("console.log('widget');\n")
    r = client.get("/widget.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/javascript")
    assert "widget" in r.text
    assert client.get("/static/widget.js").status_code == 200


def test_gradio_ui_is_mounted_behind_the_admin_key(client):
    r = client.get("/ui/", follow_redirects=True)
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
    assert client.get("/ui/", auth=("staff", "wrong-key"), follow_redirects=True).status_code == 401
    r = client.get("/ui/", auth=("staff", ADMIN_KEY), follow_redirects=True)
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and ADMIN_KEY not in cookie
    assert client.get("/ui/", headers={"X-Admin-Key": ADMIN_KEY}, follow_redirects=True).status_code == 200
    # Another page cannot drive the UI with the staff's browser.
    r = client.post("/ui/gradio_api/queue/join", json={}, headers={"X-Admin-Key": ADMIN_KEY, "Origin": OTHER})
    assert r.status_code == 403


def test_the_ui_needs_an_admin_key_and_is_off_by_default(demo_index, tmp_path):
    from assistant.api import create_app

    with pytest.raises(ValueError, match="SHOPASSIST_ADMIN_KEY"):
        create_app(None, make_agent(demo_index, tmp_path), sites_path=tmp_path / "sites.json", mount_ui=True)
    app = create_app(None, make_agent(demo_index, tmp_path), sites_path=tmp_path / "sites.json")
    with UvicornThread(app) as server, httpx.Client(base_url=server.url) as c:
        assert c.get("/ui/", follow_redirects=True).status_code == 404


# --- chat over SSE --------------------------------------------------------------------------------


def test_chat_streams_deltas_then_one_final_within_the_price_limit(client, api):
    r = chat(client, api["key"], "headphones under 150")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/event-stream")
    events = sse_events(r.text)
    names = [name for name, _ in events]
    assert names[-1] == "final" and names.count("final") == 1 and "error" not in names
    assert names[0] == "delta" and set(names[:-1]) == {"delta", "products"} and names.count("products") == 1
    final = events[-1][1]
    session = final["session_id"]
    assert len(session) == 32 and set(session) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert "notes" not in final  # diagnostics stay in the server
    assert final["products"] and all(p["price"] is not None and p["price"] <= 150 for p in final["products"])
    assert final["constraints"]["max_price"] == 150
    assert "".join(d["text"] for n, d in events if n == "delta").strip() == final["reply"]
    assert "faq" in final

    # The same session continues: the price limit stands for a refinement.
    r2 = chat(client, api["key"], "in black", session_id=session)
    final2 = sse_events(r2.text)[-1][1]
    assert final2["session_id"] == session and final2["constraints"]["max_price"] == 150
    assert all(p["price"] <= 150 for p in final2["products"] + final2["alternatives"])


def test_chat_faq_turn_carries_faq_matches(client, api):
    r = chat(client, api["key"], "how long do refunds take?", **identity(api["site"], "api-faq-user"))
    final = sse_events(r.text)[-1][1]
    assert final["intent"] == "faq" and final["faq"] and final["faq"][0]["id"]


# --- keys, origins, CORS --------------------------------------------------------------------------


def test_key_required_known_and_not_revoked(client, api):
    from assistant.sitekeys import add_site, revoke_site

    url = f"/api/v1/products/{PRODUCT}"
    r = client.get(url)
    assert r.status_code == 403 and "site key" in r.json()["detail"]
    r = client.get(url, headers={"X-Site-Key": "sk_not_a_real_key"})
    assert r.status_code == 403 and "unknown" in r.json()["detail"]
    assert client.get(url, headers={"X-Site-Key": api["key"]}).status_code == 200
    assert client.get(url, params={"site_key": api["key"]}).status_code == 200  # query parameter works too

    doomed = add_site(api["sites"], "doomed", [ALLOWED]).key
    assert client.get(url, headers={"X-Site-Key": doomed}).status_code == 200  # picked up without restart
    revoke_site(api["sites"], doomed)
    r = client.get(url, headers={"X-Site-Key": doomed})
    assert r.status_code == 403 and "revoked" in r.json()["detail"]
    assert chat(client, doomed, "hello").status_code == 403


def test_origin_must_be_allowed_and_cors_only_for_allowed(client, api):
    url = f"/api/v1/products/{PRODUCT}"
    key = {"X-Site-Key": api["key"]}
    r = client.get(url, headers=key | {"Origin": ALLOWED})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == ALLOWED and "Origin" in r.headers["vary"]

    r = client.get(url, headers=key | {"Origin": OTHER})
    assert r.status_code == 403 and "not allowed" in r.json()["detail"]
    assert "access-control-allow-origin" not in r.headers

    r = client.get(url, headers=key | {"Origin": "null"})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers

    r = client.get(url, headers=key)  # not a browser: no Origin, no CORS headers
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_preflight(client, api):
    from assistant.sitekeys import add_site

    pre = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type,x-site-key"}
    r = client.options("/api/v1/chat", headers=pre | {"Origin": ALLOWED})
    assert r.status_code == 204
    assert r.headers["access-control-allow-origin"] == ALLOWED
    assert "x-site-key" in r.headers["access-control-allow-headers"].lower()
    assert "POST" in r.headers["access-control-allow-methods"]

    r = client.options("/api/v1/chat", headers=pre | {"Origin": OTHER})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers

    # With ?site_key= the origin must be allowed by that very key.
    other_site = add_site(api["sites"], "other shop", [OTHER]).key
    r = client.options("/api/v1/chat", params={"site_key": other_site}, headers=pre | {"Origin": ALLOWED})
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    r = client.options("/api/v1/chat", params={"site_key": other_site}, headers=pre | {"Origin": OTHER})
    assert r.status_code == 204 and r.headers["access-control-allow-origin"] == OTHER
    # ...and the real request from OTHER with the first key is still refused.
    assert client.get(f"/api/v1/products/{PRODUCT}", headers={"X-Site-Key": api["key"], "Origin": OTHER}).status_code == 403


# --- limits ---------------------------------------------------------------------------------------


def test_huge_body_is_413(client, api):
    r = chat(client, api["key"], "x" * 20000)
    assert r.status_code == 413 and "16,384 bytes" in r.json()["detail"]

    def chunks():  # no Content-Length: the size is counted as the body arrives
        for _ in range(40):
            yield b"x" * 1000

    r = client.post("/api/v1/chat", content=chunks(), headers={"X-Site-Key": api["key"], "Content-Type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize("body, field", [
    ({"message": ""}, "message"),
    ({"message": "   \n "}, "message"),
    ({"message": "a" * 2001}, "message"),
    ({"message": 123}, "message"),
    ({"message": ["hi"]}, "message"),
    ({"message": "hi", "session_id": 5}, "session_id"),
    ({"message": "hi", "user_id": ""}, "user_id"),
    ({"message": "hi", "user_id": "u", "user_signature": "not-hex"}, "user_signature"),
    ({"message": "hi", "role": "admin"}, "role"),
    ({}, "message"),
])
def test_invalid_chat_requests_are_422(client, api, body, field):
    r = client.post("/api/v1/chat", json=body, headers={"X-Site-Key": api["key"]})
    assert r.status_code == 422, r.text
    out = r.json()
    assert isinstance(out["detail"], str) and field in out["detail"]
    assert any(field in e["loc"] for e in out["errors"])


def test_message_too_long_says_the_limit(client, api):
    r = chat(client, api["key"], "a" * 2001)
    assert r.status_code == 422 and "2000" in r.json()["detail"]
    r = client.post("/api/v1/chat", content=b"{not json", headers={"X-Site-Key": api["key"], "Content-Type": "application/json"})
    assert r.status_code == 422


def test_key_rate_limit_is_429_with_retry_after(client, api):
    from assistant.sitekeys import add_site

    key = add_site(api["sites"], "tiny", [ALLOWED], rate_per_minute=3).key
    url = f"/api/v1/products/{PRODUCT}"
    codes = [client.get(url, headers={"X-Site-Key": key}).status_code for _ in range(3)]
    assert codes == [200, 200, 200]
    r = client.get(url, headers={"X-Site-Key": key, "Origin": ALLOWED})
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1 and "rate limit" in r.json()["detail"] and r.json()["limit"] == "key"
    assert r.headers["access-control-allow-origin"] == ALLOWED  # the widget can read the answer
    assert client.get(url, headers={"X-Site-Key": api["key"]}).status_code == 200  # other keys unaffected


def test_session_rate_limit_is_429(client, api):
    from assistant.sitekeys import add_site

    key = add_site(api["sites"], "chatty", [ALLOWED], session_rate_per_minute=1).key
    session = new_session(client, key)
    assert chat(client, key, "hello", session_id=session).status_code == 200
    r = chat(client, key, "hello again", session_id=session)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1 and "conversation" in r.json()["detail"]
    assert r.json()["limit"] == "session"


def test_busy_server_answers_429_not_a_crash(demo_index, tmp_path):
    """One turn slot, held by a turn that cannot finish yet: the other turns get 429 "busy"."""
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    key = add_site(tmp_path / "sites.json", "busy", [ALLOWED], rate_per_minute=1000).key
    agent = make_agent(demo_index, tmp_path)
    app = create_app(None, agent, sites_path=tmp_path / "sites.json", mount_ui=False, max_concurrent_turns=1,
                     turn_wait_seconds=0.2)
    with UvicornThread(app) as server, httpx.Client(base_url=server.url, timeout=120) as c:
        results: list[httpx.Response] = []
        sessions = [new_session(c, key) for _ in range(3)]

        def send(n: int) -> None:
            results.append(chat(c, key, "running shoes", session_id=sessions[n]))

        with agent.sessions._lock:  # the turn holding the slot waits on its session store
            threads = [threading.Thread(target=send, args=(n,)) for n in range(3)]
            for t in threads:
                t.start()
            deadline = time.time() + 120
            while sum(r.status_code == 429 for r in results) < 2 and time.time() < deadline:
                time.sleep(0.05)
            busy = [r for r in results if r.status_code == 429]
            assert len(busy) == 2, [r.status_code for r in results]
            assert all("busy" in r.json()["detail"] and int(r.headers["retry-after"]) >= 1 for r in busy)
            assert all(r.json()["limit"] == "busy" for r in busy)
        for t in threads:
            t.join(120)
        ok = [r for r in results if r.status_code == 200]
        assert len(ok) == 1 and sse_events(ok[0].text)[-1][0] == "final"
        assert c.get("/healthz").status_code == 200


# --- feedback, FAQ, products ------------------------------------------------------------------------


def test_feedback_recorded_and_unknown_product_404(client, api):
    from assistant.profile import ProfileStore

    key = {"X-Site-Key": api["key"]}
    anon_session = new_session(client, api["key"])
    r = client.post("/api/v1/feedback", json={"session_id": anon_session, "product_id": PRODUCT, "event": "like"}, headers=key)
    assert r.status_code == 200 and r.json()["recorded"] is True and r.json()["user_id"] == f"session:{anon_session}"
    signed = identity(api["site"], "fb-user")
    user_session = new_session(client, api["key"], **signed)
    r = client.post("/api/v1/feedback", headers=key,
                    json={"session_id": user_session, "product_id": PRODUCT, "event": "add_to_cart", **signed})
    assert r.status_code == 200 and r.json()["user_id"] == "fb-user"
    store = ProfileStore(api["home"])
    anon = store.events(f"session:{anon_session}")
    assert [(e.event, e.product_id, e.session_id) for e in anon] == [("like", PRODUCT, anon_session)]
    assert [(e.event, e.product_id) for e in store.events("fb-user")] == [("add_to_cart", PRODUCT)]

    r = client.post("/api/v1/feedback", json={"session_id": anon_session, "product_id": "NOPE-1", "event": "like"}, headers=key)
    assert r.status_code == 404 and "NOPE-1" in r.json()["detail"]
    r = client.post("/api/v1/feedback", json={"session_id": anon_session, "product_id": PRODUCT, "event": "hate"}, headers=key)
    assert r.status_code == 422
    r = client.post("/api/v1/feedback", json={"session_id": anon_session, "product_id": PRODUCT, "event": "handoff"}, headers=key)
    assert r.status_code == 422


def test_faq_search(client, api):
    key = {"X-Site-Key": api["key"]}
    r = client.get("/api/v1/faq/search", params={"q": "how long does standard shipping take", "k": 2}, headers=key)
    assert r.status_code == 200
    body = r.json()
    assert body["confident"] is True and 0 < body["threshold"] < 1 and len(body["matches"]) == 2
    best = body["matches"][0]
    assert set(best) == {"id", "question", "answer", "score", "source"} and "shipping" in best["question"].lower()
    r = client.get("/api/v1/faq/search", params={"q": "what is the boiling point of tungsten"}, headers=key)
    assert r.status_code == 200 and r.json()["confident"] is False
    assert client.get("/api/v1/faq/search", params={"q": ""}, headers=key).status_code == 422
    assert client.get("/api/v1/faq/search", params={"q": "returns", "k": 0}, headers=key).status_code == 422


def test_product_by_id(client, api):
    key = {"X-Site-Key": api["key"]}
    r = client.get(f"/api/v1/products/{PRODUCT}", headers=key)
    assert r.status_code == 200
    p = r.json()
    assert p["id"] == PRODUCT and p["title"] == "Veloxa Tailwind Trail Running Shoe" and p["price"] == 147.99
    r = client.get("/api/v1/products/NOPE-1", headers=key)
    assert r.status_code == 404 and "NOPE-1" in r.json()["detail"]
