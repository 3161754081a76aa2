"""POST /v1/chat/completions driven by the official `openai` client against a real uvicorn
server on 127.0.0.1 (the real agent on the demo index; nothing mocked): a shopping
conversation of two turns, streamed and not, whose products (the documented `shopassist`
extra field) exist in the catalog and satisfy the standing constraints; OpenAI's chunk format
on the wire; and the same keys, origins, identities, sessions and limits as /api/v1/chat."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import openai
import pytest

from tests.browser_helpers import UvicornThread, identity

SHOP = "http://127.0.0.1:8123"
OTHER = "http://127.0.0.1:9999"
GENEROUS = dict(rate_per_minute=10_000, session_rate_per_minute=10_000, client_rate_per_minute=10_000,
                sessions_per_client_per_minute=10_000)


def make_agent(index, home: Path):
    from assistant.agent import ShoppingAssistant

    return ShoppingAssistant.over_index(index, home)


@pytest.fixture(scope="module")
def api(demo_index, tmp_path_factory):
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    home = tmp_path_factory.mktemp("openai-home")
    sites = home / "sites.json"
    site = add_site(sites, "openai shop", [SHOP], **GENEROUS)
    agent = make_agent(demo_index, home)
    app = create_app(None, agent, sites_path=sites)
    with UvicornThread(app) as server:
        yield {"url": server.url, "sites": sites, "site": site, "key": site.key, "agent": agent, "index": demo_index}


def client_for(api, key: str | None = None, **kwargs) -> openai.OpenAI:
    # No retries: a 429 or 5xx must show, not be retried away.
    return openai.OpenAI(base_url=api["url"] + "/v1", api_key=key or api["key"], max_retries=0, timeout=120, **kwargs)


def assert_products_fit(api, extra: dict) -> None:
    """Every product of the turn is in the catalog, as shown, and passes the turn's hard
    constraints (the reference predicate over its stored metadata)."""
    from assistant.dialogue import Constraints
    from retrieval.documents import item_from_metadata, product_record_id
    from retrieval.filters import matches

    constraints = Constraints.model_validate(extra["constraints"])
    filters = constraints.filters()
    assert extra["products"], extra["reply"]
    stored = api["index"].metadatas([product_record_id(p["id"]) for p in extra["products"]])
    for p in extra["products"]:
        meta = stored.get(product_record_id(p["id"]))
        assert meta is not None, f"{p['id']} is not in the catalog"
        item = item_from_metadata(meta)
        assert (p["title"], p["price"], p["currency"]) == (item.title, item.price, item.currency)
        assert p["price_text"] and matches(filters, meta), (p, constraints)


def turn_messages(history: list[dict], text: str) -> list[dict]:
    return [*history, {"role": "user", "content": text}]


# --- a conversation -----------------------------------------------------------------------------


def test_a_two_turn_conversation_without_streaming(api):
    client = client_for(api)
    messages = [{"role": "system", "content": "You are a shopping assistant."},
                {"role": "user", "content": "running shoes under 120"}]
    first = client.chat.completions.create(model="shopassist", messages=messages)
    assert first.object == "chat.completion" and first.model == "shopassist" and first.id.startswith("chatcmpl-")
    choice = first.choices[0]
    assert choice.finish_reason == "stop" and choice.message.role == "assistant"
    extra = first.shopassist  # the documented extra field, a TurnResult
    assert choice.message.content and choice.message.content == extra["reply"]
    assert extra["constraints"]["max_price"] == 120 and extra["intent"] == "product"
    assert_products_fit(api, extra)
    assert first.usage.total_tokens == first.usage.prompt_tokens + first.usage.completion_tokens > 0
    session = extra["session_id"]

    # The second turn refines the first: the budget stands, the new wish is added.
    messages = turn_messages([*messages, {"role": "assistant", "content": choice.message.content}], "in blue")
    second = client.chat.completions.create(model="shopassist", messages=messages, metadata={"session_id": session})
    extra2 = second.shopassist
    assert extra2["session_id"] == session
    assert extra2["constraints"]["max_price"] == 120 and [c.lower() for c in extra2["constraints"]["colors"]] == ["blue"]
    assert_products_fit(api, extra2)
    assert second.choices[0].message.content == extra2["reply"]


def test_a_two_turn_conversation_streamed(api):
    client = client_for(api)
    history: list[dict] = []
    session = None
    finals = []
    for text in ("headphones under 150", "only Decibelle"):
        messages = turn_messages(history, text)
        stream = client.chat.completions.create(model="shopassist", messages=messages, stream=True,
                                                stream_options={"include_usage": True},
                                                **({"metadata": {"session_id": session}} if session else {}))
        chunks = list(stream)
        assert all(c.object == "chat.completion.chunk" and c.id == chunks[0].id for c in chunks)
        assert chunks[0].choices[0].delta.role == "assistant"
        content = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
        last = [c for c in chunks if c.choices][-1]
        assert last.choices[0].finish_reason == "stop"
        assert all(c.choices[0].finish_reason is None for c in chunks if c.choices and c is not last)
        extra = last.shopassist
        assert content == extra["reply"] and content  # the pieces add up to the whole reply
        assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens > 0  # include_usage
        assert_products_fit(api, extra)
        session = session or extra["session_id"]
        assert extra["session_id"] == session
        finals.append(extra)
        history = [*messages, {"role": "assistant", "content": content}]
    assert finals[1]["constraints"]["max_price"] == 150 and finals[1]["constraints"]["brands"] == ["Decibelle"]
    assert {p["brand"] for p in finals[1]["products"]} == {"Decibelle"}


def test_the_stream_is_openais_format_on_the_wire(api):
    r = httpx.post(api["url"] + "/v1/chat/completions", headers={"Authorization": f"Bearer {api['key']}"}, timeout=120,
                   json={"model": "any-name", "messages": [{"role": "user", "content": [{"type": "text", "text": "a yoga mat"}]}],
                         "stream": True, "temperature": 0.3, "max_tokens": 50})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    lines = r.text.split("\n\n")
    assert lines[-2:] == ["data: [DONE]", ""] and all(line.startswith("data: ") for line in lines[:-1])
    assert r.headers["x-shopassist-session"]
    chunks = [json.loads(line[len("data: "):]) for line in lines[:-2]]
    assert all(c["model"] == "any-name" and c["object"] == "chat.completion.chunk" for c in chunks)
    assert chunks[-1]["choices"][0] == {"index": 0, "delta": {}, "finish_reason": "stop", "logprobs": None}
    assert chunks[-1]["shopassist"]["session_id"] == r.headers["x-shopassist-session"]
    assert "usage" not in chunks[0]  # only with stream_options.include_usage


def test_models_list(api):
    assert [m.id for m in client_for(api).models.list()] == ["shopassist"]


# --- the same rules as /api/v1/chat ----------------------------------------------------------------


def ask(client: openai.OpenAI, text: str = "a backpack", **kwargs):
    return client.chat.completions.create(model="shopassist", messages=[{"role": "user", "content": text}], **kwargs)


def test_the_site_key_is_the_bearer_token(api):
    from assistant.sitekeys import add_site, revoke_site

    with pytest.raises(openai.AuthenticationError) as refused:
        ask(client_for(api, "sk_not_a_key"))
    assert refused.value.status_code == 401 and "unknown" in refused.value.message
    doomed = add_site(api["sites"], "doomed", [SHOP]).key
    assert ask(client_for(api, doomed)).choices[0].message.content
    revoke_site(api["sites"], doomed)
    with pytest.raises(openai.AuthenticationError):
        ask(client_for(api, doomed))
    # A browser page may call it only from one of the key's origins.
    with pytest.raises(openai.PermissionDeniedError):
        ask(client_for(api, default_headers={"Origin": OTHER}))
    assert ask(client_for(api, default_headers={"Origin": SHOP})).choices[0].message.content


def test_sessions_and_signed_identities(api):
    client = client_for(api)
    site = api["site"]
    alice = identity(site, "alice-oa")
    first = ask(client, "a rain jacket", metadata=alice)
    session = first.shopassist["session_id"]
    assert api["agent"].sessions.binding(session).user_id == "alice-oa"
    assert ask(client, "cheaper", metadata={"session_id": session, **alice}).shopassist["session_id"] == session
    with pytest.raises(openai.PermissionDeniedError) as owned:  # somebody else's conversation
        ask(client, "cheaper", metadata={"session_id": session, **identity(site, "mallory")})
    assert owned.value.body["code"] == "session_owned"
    with pytest.raises(openai.PermissionDeniedError):  # anonymously
        ask(client, "cheaper", metadata={"session_id": session})
    with pytest.raises(openai.AuthenticationError) as forged:
        ask(client, "hello", metadata={"user_id": "alice-oa", "user_signature": "0" * 64})
    assert forged.value.body["code"] == "identity_invalid"
    with pytest.raises(openai.NotFoundError) as unknown:  # a session the server never issued
        ask(client, "hello", metadata={"session_id": "made-up-session"})
    assert unknown.value.body["code"] == "session_unknown"
    # An /api/v1 session continues over /v1 and the other way round: it is one conversation.
    r = httpx.post(api["url"] + "/api/v1/chat", json={"message": "in black", "session_id": session, **alice},
                   headers={"X-Site-Key": api["key"]}, timeout=120)
    assert r.status_code == 200 and '"session_id":"' + session in r.text


def test_invalid_requests_are_422_with_the_reason(api):
    client = client_for(api)
    for messages in ([{"role": "user", "content": "   "}], [{"role": "user", "content": "a" * 2001}],
                     [{"role": "assistant", "content": "hi"}], []):
        with pytest.raises(openai.UnprocessableEntityError) as invalid:
            client.chat.completions.create(model="shopassist", messages=messages)
        # The client shows OpenAI's `error` object (its `body`); the whole answer is the API's one error shape.
        body = invalid.value.response.json()
        assert body["code"] == "invalid" and body["errors"] and invalid.value.body == body["error"]
        assert body["error"]["message"] == body["detail"] and body["error"]["type"] == "invalid_request_error"
    with pytest.raises(openai.UnprocessableEntityError):
        client.chat.completions.create(model="shopassist", messages=[{"role": "user", "content": "hi"}], n=2)


def test_limits_apply_as_for_a_chat_turn(api):
    from assistant.sitekeys import add_site

    key = add_site(api["sites"], "one a minute", [SHOP], session_rate_per_minute=1).key
    client = client_for(api, key)
    session = ask(client).shopassist["session_id"]
    ask(client, "in red", metadata={"session_id": session})
    with pytest.raises(openai.RateLimitError) as limited:
        ask(client, "in green", metadata={"session_id": session})
    assert limited.value.response.json()["limit"] == "session" and int(limited.value.response.headers["retry-after"]) >= 1
    assert limited.value.body["type"] == "rate_limit_error"
    # The body limit is larger than /api/v1's (clients resend the history), but there is one.
    big = [{"role": "assistant", "content": "x" * 100_000}] * 11 + [{"role": "user", "content": "hi"}]
    r = httpx.post(api["url"] + "/v1/chat/completions", json={"model": "m", "messages": big},
                   headers={"Authorization": f"Bearer {api['key']}"}, timeout=120)
    assert r.status_code == 413 and r.json()["error"]["code"] == "body_too_large"
    history = [{"role": "assistant", "content": "x" * 20_000}, {"role": "user", "content": "a yoga mat"}]  # > 16 KiB
    assert client_for(api).chat.completions.create(model="m", messages=history).choices[0].message.content
