"""`GET /api/v1/recommendations` served for real by uvicorn over the real agent and index (part
of the demo catalog), with a SIMULATED event log trained by the real code: keys, identity,
sessions, limits and the payload; a dislike sent through POST /feedback takes effect on the next
request; forget removes the shopper. Nothing is mocked."""

from __future__ import annotations

import httpx
import pytest

from tests.browser_helpers import UvicornThread, identity, new_session
from tests.recs_helpers import trained_shop

ALLOWED = "http://127.0.0.1:8124"
N_PRODUCTS = 60


@pytest.fixture(scope="module")
def api(tmp_path_factory, embedder):
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    shop = trained_shop(tmp_path_factory.mktemp("recs-api-home"), embedder, products=N_PRODUCTS, shoppers=40, seed=5)
    home, agent, sim = shop.home, shop.agent, shop.sim
    sites = home / "sites.json"
    site = add_site(sites, "recs shop", [ALLOWED], rate_per_minute=1000, session_rate_per_minute=100,
                    client_rate_per_minute=1000, sessions_per_client_per_minute=1000)
    app = create_app(None, agent, sites_path=sites)
    with UvicornThread(app) as server:
        yield {"url": server.url, "site": site, "key": site.key, "agent": agent, "sim": sim, "home": home}


@pytest.fixture
def client(api):
    with httpx.Client(base_url=api["url"], timeout=120, headers={"X-Site-Key": api["key"]}) as c:
        yield c


def busiest(api) -> str:
    counts: dict[str, int] = {}
    for ev in api["sim"].events:
        counts[ev.user_id] = counts.get(ev.user_id, 0) + 1
    return max(sorted(counts), key=counts.get)


def recs(client, **params):
    return client.get("/api/v1/recommendations", params=params)


def test_for_a_signed_in_shopper(api, client):
    user = busiest(api)
    ident = identity(api["site"], user)
    r = recs(client, user=ident["user_id"], user_signature=ident["user_signature"], k=6)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["mode"] == "for_you" and body["user_id"] == user and not body["cold_start"]
    assert body["model_version"] and len(body["products"]) == 6 and "two_tower" in body["sources"]
    for p in body["products"]:
        assert p["reason"] and p["reason_kind"] in ("co_bought", "co_viewed", "two_tower", "similar_taste", "text_similar", "popular")
        assert p["title"] and p["price_text"]


def test_often_bought_together_needs_no_shopper(api, client):
    bought = [e.product_id for e in api["sim"].events if e.event == "purchase"]
    product = max(sorted(set(bought)), key=bought.count)
    body = recs(client, product=product, k=4).json()
    assert body["mode"] == "with_product" and body["product_id"] == product and body["user_id"] is None
    assert 0 < len(body["products"]) <= 4 and product not in [p["id"] for p in body["products"]]
    assert body["products"][0]["because"] == product


def test_identity_keys_and_parameters_are_checked(api, client):
    user = busiest(api)
    assert recs(client, user=user, k=3).status_code == 401  # no signature
    assert recs(client, user=user, user_signature="0" * 64).status_code == 401
    nobody = recs(client, k=3).json()  # nobody and no product: what everybody did
    assert nobody["cold_start"] and nobody["user_id"] is None and nobody["sources"] == ["popularity"]
    assert recs(client, product="SKU-0001", k=0).status_code == 422
    assert recs(client, product="SKU-0001", k=51).status_code == 422
    assert recs(client, product="NO-SUCH-THING").status_code == 404
    assert recs(client, session_id="never-issued").status_code == 404
    with httpx.Client(base_url=api["url"], timeout=30) as anonymous:
        assert anonymous.get("/api/v1/recommendations", params={"product": "SKU-0001"}).status_code == 403
    doc = client.get("/openapi.json").json()
    assert "/api/v1/recommendations" in doc["paths"] and "RecommendationsOut" in doc["components"]["schemas"]


def test_a_dislike_through_feedback_takes_effect_on_the_next_request(api, client):
    session = new_session(client, api["key"])
    # an anonymous shopper with some history, through the API itself
    seen = [e.product_id for e in api["sim"].events if e.user_id == busiest(api) and e.event == "click"][:4]
    for pid in seen:
        r = client.post("/api/v1/feedback", json={"session_id": session, "product_id": pid, "event": "click"})
        assert r.status_code == 200, r.text
    first = recs(client, session_id=session, k=5).json()
    assert first["user_id"] == f"session:{session}" and not first["cold_start"]
    top = first["products"][0]["id"]
    assert client.post("/api/v1/feedback", json={"session_id": session, "product_id": top, "event": "dislike"}).status_code == 200
    after = recs(client, session_id=session, k=5).json()
    assert top not in [p["id"] for p in after["products"]]
    assert all(p["id"] not in seen for p in after["products"])


def test_cold_start_for_a_new_shopper(api, client):
    ident = identity(api["site"], "brand-new")
    body = recs(client, user=ident["user_id"], user_signature=ident["user_signature"], k=3).json()
    assert body["cold_start"] and body["sources"] == ["popularity"]
    assert all(p["reason_kind"] == "popular" for p in body["products"])


def test_forget_removes_the_shopper_from_the_trained_vectors(api, client):
    from assistant.recs.store import load_npz, recs_dir

    user = busiest(api)
    assert user in [str(u) for u in load_npz(recs_dir(api["home"]) / "als.npz")["users"]]
    api["agent"].profiles.forget(user)
    assert user not in [str(u) for u in load_npz(recs_dir(api["home"]) / "als.npz")["users"]]
    ident = identity(api["site"], user)
    body = recs(client, user=ident["user_id"], user_signature=ident["user_signature"], k=3).json()
    assert body["cold_start"]  # nothing of theirs is left: their next request knows nothing about them


def test_feedback_keeps_a_clicks_position_and_query_and_a_dwells_seconds(api, client):
    session = new_session(client, api["key"])
    product = [e.product_id for e in api["sim"].events if e.event == "click"][0]
    post = lambda **body: client.post("/api/v1/feedback", json={"session_id": session, "product_id": product} | body)  # noqa: E731
    assert post(event="click", position=2, query="trail shoes").status_code == 200
    assert post(event="dwell", dwell_seconds=42.5).status_code == 200
    refused = post(event="dwell")
    assert refused.status_code == 422 and "dwell_seconds" in refused.text
    assert post(event="click", position=-1).status_code == 422
    assert post(event="dwell", dwell_seconds=-3).status_code == 422
    stored = sorted(api["agent"].profiles.events(f"session:{session}"), key=lambda e: e.id)
    assert [(e.event, e.position, e.query, e.dwell_seconds) for e in stored] == [
        ("click", 2, "trail shoes", None), ("dwell", None, None, 42.5)]
