"""The API's contract against the served OpenAPI document (uvicorn on 127.0.0.1 over the real
agent on the demo index, httpx, schemathesis; nothing mocked): every schema the document names
is defined, every SSE event validates against its schema, the site key is a declared security
scheme, every error has the one documented shape, the schema and the validators agree on edge
values both ways, and a schemathesis run (all checks, every phase) finds no failure."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import jsonschema_rs
import pytest

from tests.browser_helpers import UvicornThread, new_session, sse_events

SHOP = "http://127.0.0.1:8123"
GENEROUS = dict(rate_per_minute=100_000, session_rate_per_minute=100_000, client_rate_per_minute=100_000,
                sessions_per_client_per_minute=100_000, faq_rate_per_minute=100_000)
EXAMPLES_PER_OPERATION = 12  # a full run stays within about a minute on two shared cores


def make_agent(index, home: Path):
    from assistant.agent import ShoppingAssistant

    return ShoppingAssistant.over_index(index, home)


@pytest.fixture(scope="module")
def api(demo_index, tmp_path_factory):
    from assistant.api import create_app
    from assistant.sitekeys import add_site

    home = tmp_path_factory.mktemp("contract-home")
    sites = home / "sites.json"
    site = add_site(sites, "contract shop", [SHOP], **GENEROUS)
    # Schemathesis sends thousands of invalid requests from one address: the invalid budget must
    # not turn the run into a wall of 429s (those are allowed, but would test nothing).
    app = create_app(None, make_agent(demo_index, home), sites_path=sites, invalid_rate_per_minute=1_000_000,
                     max_concurrent_turns=2, turn_wait_seconds=30)
    with UvicornThread(app) as server:
        doc = httpx.get(server.url + "/openapi.json", timeout=120).json()
        yield {"url": server.url, "home": home, "sites": sites, "site": site, "key": site.key, "doc": doc}


@pytest.fixture
def client(api):
    with httpx.Client(base_url=api["url"], timeout=120) as c:
        yield c


def component(doc: dict, name: str) -> dict:
    """A schema of the document that resolves its own references."""
    return {"$ref": f"#/components/schemas/{name}", "components": doc["components"]}


def validator(doc: dict, name: str):
    # jsonschema_rs reads patterns as ECMA-262 does, as JSON Schema says (Python's `re` would let
    # "$" match before a final newline).
    return jsonschema_rs.Draft202012Validator(component(doc, name))


def valid(doc: dict, name: str, value: Any) -> bool:
    return validator(doc, name).is_valid(value)


def check(doc: dict, name: str, value: Any) -> None:
    validator(doc, name).validate(value)


# --- the document ---------------------------------------------------------------------------------


def refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(refs(v) for v in node))
    return set()


def operations(doc: dict):
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield path, method, op


def test_every_named_schema_is_defined(api):
    doc = api["doc"]
    schemas = doc["components"]["schemas"]
    missing = {r for r in refs(doc) if r.removeprefix("#/components/schemas/") not in schemas}
    assert not missing
    chat = doc["paths"]["/api/v1/chat"]["post"]
    assert set(chat["x-sse-events"].values()) <= set(schemas)
    assert {"DeltaEvent", "ProductsEvent", "TurnResult", "ErrorEvent", "ChatCompletionChunk", "ErrorOut"} <= set(schemas)
    assert "HTTPValidationError" not in schemas  # the server never sends FastAPI's own error model
    # The stream's schema describes one event, by name, with its JSON data's component.
    stream = chat["responses"]["200"]["content"]["text/event-stream"]["schema"]
    assert stream == {"$ref": "#/components/schemas/ChatStreamEvent"}
    branches = {b["properties"]["event"]["const"]: b["properties"]["data"] for b in schemas["ChatStreamEvent"]["oneOf"]}
    assert set(branches) == set(chat["x-sse-events"])
    for name, data in branches.items():
        assert data["contentMediaType"] == "application/json"
        assert data["contentSchema"]["$ref"].endswith("/" + chat["x-sse-events"][name])
    # What the final event never carries is not in its schema.
    assert "notes" not in schemas["TurnResult"]["properties"]


def test_the_site_key_is_a_declared_security_scheme(api):
    doc = api["doc"]
    schemes = doc["components"]["securitySchemes"]
    assert schemes["SiteKey"] == schemes["SiteKey"] | {"type": "apiKey", "in": "header", "name": "X-Site-Key"}
    assert schemes["SiteKeyQuery"] == schemes["SiteKeyQuery"] | {"type": "apiKey", "in": "query", "name": "site_key"}
    assert schemes["SiteKeyBearer"] == schemes["SiteKeyBearer"] | {"type": "http", "scheme": "bearer"}
    for path, method, op in operations(doc):
        if path.startswith("/api/v1/"):
            assert op["security"] == [{"SiteKey": []}, {"SiteKeyQuery": []}], (method, path)
        elif path.startswith("/v1/"):
            assert op["security"] == [{"SiteKeyBearer": []}], (method, path)
        else:
            assert op["security"] == [], (method, path)


def test_every_error_status_has_the_one_error_shape(api):
    doc = api["doc"]
    error = doc["components"]["schemas"]["ErrorOut"]
    assert {"detail", "code", "limit", "errors", "error"} <= set(error["properties"]) and set(error["required"]) == {"detail", "code"}
    for path, method, op in operations(doc):
        responses = op["responses"]
        keyed = path.startswith(("/api/v1/", "/v1/"))
        expected = {"500"} | ({"403", "429"} if keyed else set()) | ({"401"} if path.startswith("/v1/") else set())
        if "requestBody" in op:
            expected |= {"400", "413", "422"}
        if op.get("parameters"):
            expected |= {"422"}
        assert expected <= set(responses), (method, path, sorted(responses))
        for status, response in responses.items():
            if status[0] in "45":
                assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)
            if status == "429":
                assert response["headers"]["Retry-After"]["required"] is True


# --- every SSE event validates against the document -------------------------------------------------


def test_chat_events_validate_against_their_schemas(client, api):
    doc = api["doc"]
    branches = {b["properties"]["event"]["const"]: b["properties"]["data"]["contentSchema"]["$ref"].rsplit("/", 1)[1]
                for b in doc["components"]["schemas"]["ChatStreamEvent"]["oneOf"]}
    seen = set()
    session = None
    for message in ("headphones under 150", "in black", "how long do refunds take?", "something zanzibarian and purple"):
        body = {"message": message} | ({"session_id": session} if session else {})
        r = client.post("/api/v1/chat", json=body, headers={"X-Site-Key": api["key"]})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        for name, data in sse_events(r.text):
            check(doc, branches[name], data)
            seen.add(name)
        session = sse_events(r.text)[-1][1]["session_id"]
    assert {"delta", "products", "final"} <= seen


def test_completion_chunks_validate_against_their_schema(client, api):
    doc = api["doc"]
    r = client.post("/v1/chat/completions", headers={"Authorization": f"Bearer {api['key']}"},
                    json={"model": "shopassist", "messages": [{"role": "user", "content": "running shoes"}], "stream": True,
                          "stream_options": {"include_usage": True}})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    blocks = [b for b in r.text.split("\n\n") if b.strip()]
    assert all(b.startswith("data: ") and "\n" not in b for b in blocks)  # no `event:` lines, as OpenAI sends them
    assert blocks[-1] == "data: [DONE]"
    for block in blocks[:-1]:
        check(doc, "ChatCompletionChunk", json.loads(block[len("data: "):]))
    r = client.post("/v1/chat/completions", headers={"Authorization": f"Bearer {api['key']}"},
                    json={"model": "shopassist", "messages": [{"role": "user", "content": "running shoes"}]})
    check(doc, "ChatCompletion", r.json())


# --- one error shape, whatever the status -------------------------------------------------------------


def test_errors_share_one_documented_shape(client, api):
    from assistant.sitekeys import add_site

    doc, key = api["doc"], api["key"]
    keyed = {"X-Site-Key": key}
    session = new_session(client, key)
    tiny = add_site(api["sites"], "tiny", [SHOP], rate_per_minute=1).key
    client.get("/api/v1/products/SKU-0001", headers={"X-Site-Key": tiny})
    cases = {
        400: client.post("/api/v1/chat", content=b"\xff\xfe{", headers=keyed | {"Content-Type": "application/json"}),
        401: client.post("/api/v1/chat", json={"message": "hi", "user_id": "alice", "user_signature": "0" * 64}, headers=keyed),
        403: client.get("/api/v1/products/SKU-0001"),
        404: client.post("/api/v1/chat", json={"message": "hi", "session_id": "never-issued"}, headers=keyed),
        405: client.delete("/api/v1/chat", headers=keyed),
        413: client.post("/api/v1/chat", json={"message": "x" * 20_000}, headers=keyed),
        422: client.post("/api/v1/chat", json={"message": "\t"}, headers=keyed),
        429: client.get("/api/v1/products/SKU-0001", headers={"X-Site-Key": tiny}),
    }
    for status, r in cases.items():
        assert r.status_code == status, (status, r.text)
        body = r.json()
        check(doc, "ErrorOut", body)
        assert body["detail"] and body["code"], (status, body)
    assert cases[400].json()["code"] == "invalid_json"
    assert cases[405].headers["allow"] == "POST"
    assert cases[422].json()["errors"][0]["loc"] == ["body", "message"]
    assert "empty or only white space" in cases[422].json()["detail"]
    assert cases[429].json()["limit"] == "key" and int(cases[429].headers["retry-after"]) >= 1
    # A body that is JSON-shaped text but not JSON is a 422 with `errors` (code invalid_json).
    r = client.post("/api/v1/chat", content=b"{not json", headers=keyed | {"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["code"] == "invalid_json" and r.json()["errors"]
    check(doc, "ErrorOut", r.json())
    # On /v1 the same errors also carry OpenAI's `error` object.
    for r in (client.post("/v1/chat/completions", json={}),
              client.post("/v1/chat/completions", json={"model": "m", "messages": []}, headers={"Authorization": f"Bearer {key}"})):
        body = r.json()
        check(doc, "ErrorOut", body)
        assert body["error"]["message"] == body["detail"] and body["error"]["code"] == body["code"]
    assert session  # the issued session stays valid through all of it
    assert client.post("/api/v1/feedback", headers=keyed,
                       json={"session_id": session, "product_id": "SKU-0001", "event": "like"}).status_code == 200


# --- the schema and the validators agree, both ways -------------------------------------------------


EDGE_MESSAGES = ["hi", " a ", "\t", "\u3000", "\x00", "\x00a", "\x85", "\ufeff", "é", "a" * 2000, "a" * 2001, "", "\n\n"]
EDGE_USERS = ["alice", " a", "a b", "é", "a\n", "\t", "", " ", "a" * 128, "a" * 129, "user@example.com", "\x7f"]
EDGE_SESSIONS = ["abc", "a-b_c", "a b", "a/b", "é", "", "a" * 128, "a" * 129, "a\n"]


@pytest.mark.parametrize("field, values", [("message", EDGE_MESSAGES), ("user_id", EDGE_USERS), ("session_id", EDGE_SESSIONS)])
def test_what_the_schema_allows_the_server_accepts_and_vice_versa(client, api, field, values):
    """Edge values of the chat request: the server refuses (422) exactly what the schema refuses.
    Accepted requests get 200, 401 (a user id needs a signature) or 404 (a session it never issued)."""
    doc = api["doc"]
    for value in values:
        body = {"message": "hi", field: value}
        allowed = valid(doc, "ChatRequest", body)
        r = client.post("/api/v1/chat", json=body, headers={"X-Site-Key": api["key"]})
        assert (r.status_code != 422) == allowed, (field, value, allowed, r.status_code, r.text[:300])
        if r.status_code == 422:
            check(doc, "ErrorOut", r.json())


# --- schemathesis ---------------------------------------------------------------------------------


def test_schemathesis_finds_no_contract_failures(api):
    """Every phase (examples, coverage, fuzzing, stateful) and every check against the live
    server, the site key given for both security schemes; 0 failures."""
    import schemathesis
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import Status, events, from_schema

    config = SchemathesisConfig.from_dict({
        "seed": 20_250_611,
        "generation": {"max-examples": EXAMPLES_PER_OPERATION},
        "checks": {"enabled": True},
        "auth": {"openapi": {"SiteKey": {"api_key": api["key"]}, "SiteKeyBearer": {"bearer": api["key"]}}},
        "request-timeout": 120,
    })
    checks = config.projects.default.checks
    assert all(getattr(checks, name).enabled for name in (
        "not_a_server_error", "status_code_conformance", "content_type_conformance", "response_schema_conformance",
        "response_headers_conformance", "positive_data_acceptance", "negative_data_rejection", "use_after_free",
        "ensure_resource_availability", "missing_required_header", "ignored_auth", "unsupported_method",
        "allow_header_conformance"))
    schema = schemathesis.openapi.from_url(api["url"] + "/openapi.json", config=config)
    started = time.monotonic()
    cases: dict[str, int] = {}
    failures: list[str] = []
    errors: list[str] = []
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            cases[event.phase.value] = cases.get(event.phase.value, 0) + len(event.recorder.cases)
            for node in (n for nodes in event.recorder.checks.values() for n in nodes):
                if node.status == Status.FAILURE and node.failure_info is not None:
                    f = node.failure_info.failure
                    failures.append(f"{event.recorder.label}: {node.name}: {f.title}\n{f.message}\n{node.failure_info.code_sample}")
        elif isinstance(event, (events.NonFatalError, events.FatalError)):
            errors.append(repr(getattr(event, "info", event)))
    elapsed = time.monotonic() - started
    unique = list(dict.fromkeys(failures))
    assert not errors, errors
    assert not unique, f"{len(unique)} contract failures:\n\n" + "\n\n".join(unique)
    assert cases.get("coverage", 0) > 300 and cases.get("fuzzing", 0) > 50 and cases.get("stateful", 0) > 0, cases
    print(f"schemathesis: {sum(cases.values())} cases {cases} in {elapsed:.0f} s, 0 failures")


def test_503_has_the_one_shape_too(demo_index, tmp_path, api):
    """Feedback on a server without profiles: 503, documented, in the one error shape."""
    import dataclasses

    from assistant.api import create_app
    from assistant.sitekeys import add_site

    site = add_site(tmp_path / "sites.json", "no profiles", [SHOP], **GENEROUS)
    agent = dataclasses.replace(make_agent(demo_index, tmp_path), profiles=None)
    with UvicornThread(create_app(None, agent, sites_path=tmp_path / "sites.json")) as server, \
            httpx.Client(base_url=server.url, timeout=120, headers={"X-Site-Key": site.key}) as c:
        session = new_session(c, site.key)
        r = c.post("/api/v1/feedback", json={"session_id": session, "product_id": "SKU-0001", "event": "like"})
        assert r.status_code == 503 and r.json()["code"] == "unavailable"
        check(api["doc"], "ErrorOut", r.json())
        assert "503" in api["doc"]["paths"]["/api/v1/feedback"]["post"]["responses"]
