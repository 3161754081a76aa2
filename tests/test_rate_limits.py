"""Rate limits that protect shoppers, over real HTTP (uvicorn on 127.0.0.1, the real agent on the
demo index, httpx clients bound to different loopback addresses so the server sees different
clients; nothing mocked): invalid requests never spend the key's budget, one client cannot use
up a key, rotating session ids escapes nothing, FAQ search has a budget of its own, and every
429 says which limit it was."""

from __future__ import annotations

import httpx
import pytest

from tests.browser_helpers import UvicornThread, from_address, new_session, sse_events

SHOP = "http://127.0.0.1:8123"


@pytest.fixture(scope="module")
def server(demo_index, tmp_path_factory):
    from assistant.agent import ShoppingAssistant
    from assistant.api import create_app

    home = tmp_path_factory.mktemp("limits-home")
    app = create_app(None, ShoppingAssistant.over_index(demo_index, home), sites_path=home / "sites.json",
                     invalid_rate_per_minute=20)
    with UvicornThread(app) as s:
        yield {"url": s.url, "sites": home / "sites.json"}


def site(server, **limits):
    from assistant.sitekeys import add_site

    return add_site(server["sites"], "limited", [SHOP], **limits)


def chat(client, key, message="running shoes", **body):
    return client.post("/api/v1/chat", json={"message": message, **body}, headers={"X-Site-Key": key, "Origin": SHOP})


def faq(client, key, q="how long does shipping take"):
    return client.get("/api/v1/faq/search", params={"q": q}, headers={"X-Site-Key": key, "Origin": SHOP})


def limit_of(response) -> str:
    assert response.status_code == 429, response.text
    assert int(response.headers["retry-after"]) >= 1
    return response.json()["limit"]


def test_invalid_requests_do_not_spend_the_keys_budget(server):
    key = site(server, rate_per_minute=5, client_rate_per_minute=5).key
    with from_address("127.0.0.2", server["url"]) as abuser, from_address("127.0.0.3", server["url"]) as shopper:
        codes = []
        for n in range(100):
            kind = n % 3
            if kind == 0:
                r = abuser.post("/api/v1/chat", content=b"{not json", headers={"X-Site-Key": key, "Content-Type": "application/json"})
            elif kind == 1:
                r = chat(abuser, key, "")  # 422
            else:
                r = abuser.post("/api/v1/chat", content=b"x" * 20000, headers={"X-Site-Key": key})  # 413
            codes.append(r.status_code)
        assert set(codes[:20]) <= {413, 422} and len(set(codes[:20])) == 2, codes[:20]
        assert codes[-1] == 429 and limit_of(r) == "invalid"  # limited apart, per client address
        # The shop's real shoppers are untouched: their turns and the FAQ box still work.
        r = chat(shopper, key)
        assert r.status_code == 200 and sse_events(r.text)[-1][0] == "final"
        assert faq(shopper, key).status_code == 200


def test_one_client_cannot_use_up_the_key(server):
    key = site(server, rate_per_minute=8, client_rate_per_minute=3, sessions_per_client_per_minute=100).key
    with from_address("127.0.0.4", server["url"]) as greedy, from_address("127.0.0.5", server["url"]) as shopper:
        assert [chat(greedy, key, "hi").status_code for _ in range(3)] == [200, 200, 200]
        assert limit_of(chat(greedy, key, "hi")) == "client"
        assert chat(shopper, key, "hi").status_code == 200


def test_rotating_session_ids_escapes_nothing(server):
    key = site(server, session_rate_per_minute=1, client_rate_per_minute=1000, sessions_per_client_per_minute=3).key
    with from_address("127.0.0.6", server["url"]) as rotator:
        session = new_session(rotator, key, origin=SHOP)
        assert chat(rotator, key, "hi", session_id=session).status_code == 200
        assert limit_of(chat(rotator, key, "hi", session_id=session)) == "session"
        # A new session per turn: new sessions are themselves limited per client address.
        codes = [chat(rotator, key, "hi").status_code for _ in range(2)]
        assert codes == [200, 200]
        assert limit_of(chat(rotator, key, "hi")) == "sessions"
        assert limit_of(rotator.post("/api/v1/sessions", json={}, headers={"X-Site-Key": key, "Origin": SHOP})) == "sessions"
        # Made-up ids do not help either.
        assert chat(rotator, key, "hi", session_id="made-up-1").status_code == 404


def test_faq_search_has_its_own_budget(server):
    key = site(server, rate_per_minute=2, faq_rate_per_minute=3, client_rate_per_minute=1000).key
    with from_address("127.0.0.7", server["url"]) as c:
        assert [chat(c, key, "hi").status_code for _ in range(2)] == [200, 200]
        assert limit_of(chat(c, key, "hi")) == "key"
        assert [faq(c, key).status_code for _ in range(3)] == [200, 200, 200]  # chat used up its budget, not FAQ's
        assert limit_of(faq(c, key)) == "faq"
        assert limit_of(c.get("/api/v1/products/SKU-0001", headers={"X-Site-Key": key})) == "key"


def test_a_refused_request_spends_nothing(server):
    """All budgets or none: a turn refused by its session's limit leaves the key's budget whole."""
    key = site(server, rate_per_minute=3, session_rate_per_minute=1, client_rate_per_minute=1000,
               sessions_per_client_per_minute=1000).key
    with from_address("127.0.0.8", server["url"]) as c:
        session = new_session(c, key, origin=SHOP)
        assert chat(c, key, "hi", session_id=session).status_code == 200
        for _ in range(5):
            assert limit_of(chat(c, key, "hi", session_id=session)) == "session"
        assert [chat(c, key, "hi").status_code for _ in range(2)] == [200, 200]  # the key had 2 turns left
        assert limit_of(chat(c, key, "hi")) == "key"


def test_preflights_and_the_widget_script_spend_nothing(server):
    key = site(server, rate_per_minute=1).key
    with httpx.Client(base_url=server["url"]) as c:
        for _ in range(5):
            r = c.options("/api/v1/chat", params={"site_key": key},
                          headers={"Origin": SHOP, "Access-Control-Request-Method": "POST"})
            assert r.status_code == 204
        assert c.get("/api/v1/products/SKU-0001", headers={"X-Site-Key": key}).status_code == 200
