"""The OpenAPI document (`GET /openapi.json`), completed where FastAPI leaves gaps:

- the Server-Sent Events: one schema per event (`ChatStreamEvent` for /api/v1/chat, keyed by
  the event's name, `ChatCompletionStreamEvent` for streamed completions), each event's `data`
  described as JSON (`contentMediaType`) with its own component (`DeltaEvent`,
  `ProductsEvent`, `TurnResult`, `ErrorEvent`, `ChatCompletionChunk`, `StreamError`), so a
  client (or schemathesis) can validate every event. Before OpenAPI 3.2, a sequential media
  type's `schema` describes one item;
- the security schemes: the site key in the `X-Site-Key` header or the `site_key` query
  parameter on /api/v1, as the bearer token on /v1; no key on /healthz;
- one error shape (`ErrorOut`) on every error status each operation can answer (400 / 413 /
  422 where there is a body, 422 where there are parameters, 401 / 403 / 429 / 500 wherever a
  key is needed), with `Retry-After` on every 429; FastAPI's own `HTTPValidationError` is gone
  (the server never sends it);
- links from search results to the product and feedback operations.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from .guard import API_PREFIX, OPENAI_PREFIX, SITE_KEY_HEADER, in_prefix
from .models import FINAL_FIELDS, SSE_EVENTS, ChatCompletionChunk, ErrorOut, StreamError

REF = "#/components/schemas/{model}"
ERROR_REF = {"$ref": REF.format(model="ErrorOut")}
SECURITY_SCHEMES = {
    "SiteKey": {"type": "apiKey", "in": "header", "name": SITE_KEY_HEADER,
                "description": "The site's key (`shopassist sites add`). Every /api/v1 call needs it (or ?site_key=)."},
    "SiteKeyQuery": {"type": "apiKey", "in": "query", "name": "site_key",
                     "description": "The same key as a query parameter (for EventSource and links); never logged."},
    "SiteKeyBearer": {"type": "http", "scheme": "bearer", "bearerFormat": "sk_...",
                      "description": "On /v1 (OpenAI-compatible): the site key as the bearer token, i.e. the OpenAI "
                                     "client's `api_key`."},
}
ERROR_TEXT = {
    400: "the body cannot be read (not UTF-8 text) or a header is malformed",
    401: "identity: user_id without a valid user_signature (on /v1 also a missing or unknown key)",
    403: "missing, unknown or revoked site key, origin not allowed, or a session of another site, origin or shopper",
    404: "not found",
    413: "body too large",
    422: "invalid request: `errors` lists each problem",
    429: "a limit was exceeded (`limit` names it) or every assistant slot is busy; retry after Retry-After seconds",
    500: "an unexpected failure (the server log has the details)",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying.", "required": True,
                               "schema": {"type": "string", "pattern": "^[0-9]+$"}}}


def install(app: FastAPI) -> None:
    """Make `app.openapi()` return the completed document (built once)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete(original())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def complete(doc: dict[str, Any]) -> dict[str, Any]:
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    _add_models(schemas)
    _public_turn_result(schemas)
    schemas["ChatStreamEvent"] = chat_stream_event()
    schemas["ChatCompletionStreamEvent"] = completion_stream_event()
    doc["components"]["securitySchemes"] = SECURITY_SCHEMES
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                _complete_operation(path, op)
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return doc


def _add_models(schemas: dict[str, Any]) -> None:
    models: list[type[BaseModel]] = [*SSE_EVENTS.values(), ChatCompletionChunk, StreamError, ErrorOut]
    _, defs = models_json_schema([(m, "serialization") for m in models], ref_template=REF)
    for name, schema in defs.get("$defs", {}).items():
        schemas.setdefault(name, schema)


def _public_turn_result(schemas: dict[str, Any]) -> None:
    """TurnResult as the API sends it: the fields of FINAL_FIELDS (diagnostics stay in the server)."""
    turn = schemas["TurnResult"]
    turn["properties"] = {k: v for k, v in turn["properties"].items() if k in FINAL_FIELDS}
    turn["required"] = [k for k in turn.get("required", []) if k in FINAL_FIELDS]
    turn["description"] = ("The JSON contract of one turn: the `final` event of /api/v1/chat and `shopassist` of a chat "
                           "completion. `session_id` continues the conversation.")


def _json_data(model: str) -> dict[str, Any]:
    return {"type": "string", "contentMediaType": "application/json", "contentSchema": {"$ref": REF.format(model=model)}}


def chat_stream_event() -> dict[str, Any]:
    """One event of /api/v1/chat: its name and its JSON data, by name."""
    return {
        "description": "One Server-Sent Event of /api/v1/chat: `event` names it, `data` is JSON of the named schema.",
        "oneOf": [
            {"type": "object", "required": ["event", "data"],
             "properties": {"event": {"const": name}, "data": _json_data(model.__name__)}}
            for name, model in SSE_EVENTS.items()
        ],
    }


def completion_stream_event() -> dict[str, Any]:
    """One event of a streamed completion: a chunk, an error, or the literal [DONE]."""
    return {
        "description": "One Server-Sent Event of a streamed chat completion (no `event:` line, as OpenAI sends them): "
                       "`data` is a ChatCompletionChunk, a StreamError, or the literal `[DONE]` that ends the stream.",
        "type": "object", "required": ["data"],
        "properties": {
            "event": {"const": "message"},
            "data": {
                "type": "string",
                "if": {"const": "[DONE]"},
                "then": {},
                "else": {"contentMediaType": "application/json",
                         "contentSchema": {"anyOf": [{"$ref": REF.format(model="ChatCompletionChunk")},
                                                     {"$ref": REF.format(model="StreamError")}]}},
            },
        },
    }


def _complete_operation(path: str, op: dict[str, Any]) -> None:
    responses = op.setdefault("responses", {})
    for response in responses.values():  # FastAPI's validation error model -> the one error shape
        for media in response.get("content", {}).values():
            if media.get("schema", {}).get("$ref", "").endswith("/HTTPValidationError"):
                media["schema"] = dict(ERROR_REF)
    statuses: set[int] = set()
    if in_prefix(path, API_PREFIX):
        op["security"] = [{"SiteKey": []}, {"SiteKeyQuery": []}]
        statuses |= {403, 429, 500}
    elif in_prefix(path, OPENAI_PREFIX):
        op["security"] = [{"SiteKeyBearer": []}]
        statuses |= {401, 403, 429, 500}
    else:
        op["security"] = []
        statuses |= {500}
    if "requestBody" in op:
        statuses |= {400, 413, 422}
    if op.get("parameters"):
        statuses |= {422}
    for status in sorted(statuses):
        responses.setdefault(str(status), {"description": ERROR_TEXT[status],
                                           "content": {"application/json": {"schema": dict(ERROR_REF)}}})
    for status, response in responses.items():
        if status == "429":
            response.setdefault("headers", {}).update(RETRY_AFTER)
        if status[0] in "45":
            response.setdefault("content", {"application/json": {"schema": dict(ERROR_REF)}})
