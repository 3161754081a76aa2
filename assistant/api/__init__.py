"""The HTTP API (FastAPI) behind the embeddable chat widget: `shopassist serve`.

Routes (one router module each)
  POST /api/v1/sessions         start a conversation: a server-issued session id          (chat.py)
  POST /api/v1/chat             one chat turn, streamed as Server-Sent Events (delta..., products, final | error)
  POST /api/v1/feedback         like / dislike / click / ... on a product (profile event)  (feedback.py)
  GET  /api/v1/products/search  the shop's search box: text, filters, facets, pages        (search.py)
  GET  /api/v1/products/{id}    one product as stored in the catalog                       (catalog.py)
  GET  /api/v1/faq/search       FAQ lookup (support staff, widget "help" box)
  POST /api/v1/forget           delete everything about a signed-in user (shop's server)   (admin.py)
  POST /v1/chat/completions     OpenAI-compatible chat (streaming or not) over the assistant (openai_compat.py)
  GET  /v1/models               the one model name it offers
  GET  /healthz                 the index can be read, and what it holds (no key); 503 with the reason  (admin.py)
  GET  /widget.js, /static/...  the widget script and its assets (no key)
  /ui                           the Gradio page, only with `serve --ui` and an admin key   (ui_mount.py)
  GET  /openapi.json            the OpenAPI document: every request, response and SSE event  (openapi.py)

The contract (models.py, openapi.py). Every request and response has a schema, and so has every
Server-Sent Event (its name and its JSON data: DeltaEvent, ProductsEvent, TurnResult, ErrorEvent;
ChatCompletionChunk on /v1). What the schema allows the server accepts and the other way round:
texts and ids carry the patterns the validators apply (a message is 1..2000 characters and not
only white space; session ids are URL-safe base64; user ids printable ASCII). Every error, whatever
its status (400 unreadable body, 401, 403, 404, 405, 413, 422, 429, 500, 503, 504), has one shape,
`ErrorOut`: `detail` (words), `code` (for programs), `limit` (429), `errors` (422 from validation),
and on /v1 also `error`, the same in OpenAI's shape. A body that is not JSON is 422 (code
invalid_json); one that is not even UTF-8 text, 400.

Security schemes (declared in the document). /api/v1: an active site key in the `X-Site-Key`
header (`SiteKey`) or the `?site_key=` query parameter (`SiteKeyQuery`, redacted from the access
log), else 403. /v1: the site key as the bearer token (`SiteKeyBearer`, the OpenAI client's
`api_key`), else 401. A request with an `Origin` header must come from one of the key's
`allowed_origins`, else 403; CORS headers (`Access-Control-Allow-Origin: <that origin>`, `Vary:
Origin`) are sent only for such origins, never `*`. A preflight is answered for an origin the
`?site_key=` key allows, or without one for an origin any active key allows (the real request
is then checked against its own key); preflights spend no budget. /healthz, /widget.js and
/openapi.json need no key.

Sessions. The server issues session ids (`secrets.token_urlsafe`, 192 bits) — POST /sessions,
or a chat turn sent without one — and stores with each the site key and origin that created it
(sessions.db). A turn or feedback on a session the server never issued, or that expired (idle
TTL, 30 days by default), is 404; from another key or origin, 403. Client-chosen ids are never
used. /v1/chat/completions names the session in `metadata.session_id` and returns it in
`shopassist.session_id`.

Identity (deps.py). Without `user_id` the shopper is anonymous: profile `session:<id>`. A shop
that knows its customer sends `user_id` with `user_signature` = hex HMAC-SHA256(user_id) keyed
with the site's secret (sites.json; `shopassist sites add` prints it once, `sites rotate-secret`
replaces it); on /v1 they go in `metadata`. Only with a valid signature does a request act for
that user id, else 401. A session belongs to one shopper: anonymous until a signed user links
it, then that user for good; anybody else gets 403. The final event carries the turn's own
result only (no diagnostics).

Limits (guard.py, deps.py, turns.py). Token buckets (capacity = the per-minute rate, refilled
continuously); a 429 has `Retry-After` and `limit` naming what was exceeded:
  key       turns, feedback, product reads and searches per minute for the site key  (rate_per_minute)
  client    the same per client address                                              (client_rate_per_minute)
  session   turns per minute per session                                            (session_rate_per_minute)
  sessions  new sessions per minute per client address, so rotating ids escapes nothing
  faq       FAQ searches per minute per key (a budget of its own; also per client address)
  invalid   requests refused before any work (bad key or origin, 400/401/403/404/413/422) per client
            address; they never spend the key's budget. Over it, the client is refused for a while
  busy      all `max_concurrent_turns` turn slots taken for `turn_wait_seconds`
A request spends all its budgets or none. Bodies over `max_body_bytes` get 413
(`max_completion_body_bytes`, 1 MiB, on /v1: OpenAI clients resend the history); messages must
be 1..2000 characters (422). A turn runs in a worker thread; one whose client disconnects still
finishes and holds its slot until it does. /v1/chat/completions has the very same limits as a
chat turn.

Every JSON answer and SSE event is strict JSON (non-finite numbers become null).
The /ui page (guard.UiGuard) needs the admin key (HTTP Basic password, X-Admin-Key, or the
cookie set after either), must be called from its own origin, is rate-limited per client, and
puts every user and session id typed into it under `ui:` (ui_mount.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from ..ratelimits import SharedBuckets
from ..sitekeys import SiteRegistry
from ..sitekeys import sites_path as default_sites_path
from . import admin, catalog, chat, feedback, handoff, openai_compat, openapi, recommendations, search
from .deps import ServerLimits, Services
from .guard import (
    API_PREFIX,
    OPENAI_PREFIX,
    SITE_KEY_HEADER,
    ApiError,
    ApiGuard,
    TokenBuckets,
    UiGuard,
    error,
    in_prefix,
)
from .logs import uvicorn_config
from .models import (  # noqa: F401
    FEEDBACK_EVENTS,
    PATTERN_TEXT,
    ChatRequest,
    FeedbackRequest,
    SafeJSONResponse,
    SessionRequest,
)

log = logging.getLogger("shopassist.api")

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
PURGE_INTERVAL_SECONDS = 3600.0


def create_app(
    shop: Any = None,
    agent: Any = None,
    *,
    sites_path: str | Path | None = None,
    max_body_bytes: int = 16384,
    max_completion_body_bytes: int = 1_048_576,
    mount_ui: bool = False,
    admin_key: str | None = None,
    max_concurrent_turns: int = 4,
    turn_wait_seconds: float = 5.0,
    turn_timeout_seconds: float = 180.0,
    invalid_rate_per_minute: float = 60.0,
    ui_rate_per_minute: float = 60.0,
    session_ttl_seconds: float | None = None,
    static_dir: str | Path = STATIC_DIR,
) -> FastAPI:
    """The API over a Shop (its configured LLM) or a ready ShoppingAssistant (`agent`, e.g.
    `shop.assistant(llm=None)`); `shop` may be None when `agent` and `sites_path` are given.
    Site keys come from `sites_path` (default `<home>/sites.json`). `mount_ui` needs
    `admin_key`. `session_ttl_seconds` overrides the session store's idle TTL (0: never expire)."""
    if agent is None:
        if shop is None:
            raise ValueError("create_app needs a shop or an agent")
        agent = shop.assistant()
    profiles = agent.profiles if agent.profiles is not None else (shop.profiles if shop is not None else None)
    shared_db = getattr(agent.sessions, "database", None)
    if getattr(shared_db, "dialect", None) != "postgres":
        shared_db = None  # one process: budgets in memory, keys in the sites file
    if sites_path is None:
        if shared_db is not None:
            sites_path = shared_db  # several workers: the keys in the shared database
        elif shop is not None:
            sites_path = default_sites_path(shop.settings.home)
        elif profiles is not None:
            sites_path = default_sites_path(profiles.home)
        else:
            raise ValueError("create_app needs sites_path when given no shop")
    if max_concurrent_turns < 1:
        raise ValueError("max_concurrent_turns must be at least 1")
    if mount_ui and not admin_key:
        raise ValueError("the UI at /ui needs an admin key: set SHOPASSIST_ADMIN_KEY")
    if session_ttl_seconds is not None:
        agent.sessions.ttl_seconds = session_ttl_seconds or None
    limits = ServerLimits(max_body_bytes=max_body_bytes, max_completion_body_bytes=max_completion_body_bytes,
                          invalid_rate_per_minute=invalid_rate_per_minute,
                          max_concurrent_turns=max_concurrent_turns, turn_wait_seconds=turn_wait_seconds,
                          turn_timeout_seconds=turn_timeout_seconds, ui_rate_per_minute=ui_rate_per_minute)
    svc = Services(agent=agent, index=agent.index, faq=agent.faq, profiles=profiles, sessions=agent.sessions,
                   registry=SiteRegistry(sites_path if hasattr(sites_path, "dialect") else Path(sites_path)),
                   buckets=SharedBuckets(shared_db) if shared_db is not None else TokenBuckets(), limits=limits,
                   executor=ThreadPoolExecutor(max_workers=max_concurrent_turns, thread_name_prefix="shopassist-turn"))
    if shared_db is not None:
        from ..handoff import ticket_store

        ticket_store(agent.sessions.home, agent.sessions)  # the UI and the routes share the tickets in the database
    static_dir = Path(static_dir)

    def warm_up() -> None:
        """Build what the first turns would otherwise race to build (BM25 sidecar, facets)."""
        try:
            agent.index.ensure_lexical()
            agent.facets()
        except Exception as exc:  # an empty index still serves /healthz and answers sensibly
            log.warning("warm-up skipped: %s", exc)

    async def purge_sessions() -> None:
        while True:
            try:
                removed = await run_in_threadpool(svc.sessions.purge_expired)
                if removed:
                    log.info("purged %d expired sessions", removed)
            except Exception as exc:  # never let the schedule die
                log.warning("session purge failed: %s", exc)
            await asyncio.sleep(PURGE_INTERVAL_SECONDS)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        svc.turn_slots["sem"] = asyncio.Semaphore(max_concurrent_turns)
        await run_in_threadpool(warm_up)
        purger = asyncio.create_task(purge_sessions())
        try:
            yield
        finally:
            purger.cancel()
            svc.executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="shopassist API",
        version="1",
        description=__doc__.split("\n\n")[0],
        lifespan=lifespan,
        docs_url=None,  # Swagger/ReDoc pages load their JS from a CDN; this server stays offline
        redoc_url=None,
        default_response_class=SafeJSONResponse,
    )
    app.state.services = svc
    app.state.registry = svc.registry
    app.state.buckets = svc.buckets
    app.state.agent = agent
    app.state.health_cache = {}

    def in_api(request: Request) -> bool:
        return in_prefix(request.url.path, API_PREFIX) or in_prefix(request.url.path, OPENAI_PREFIX)

    def openai_style(request: Request) -> bool:
        return in_prefix(request.url.path, OPENAI_PREFIX)

    @app.exception_handler(ApiError)
    async def _refused(request: Request, exc: ApiError) -> JSONResponse:
        if 400 <= exc.status < 429:
            svc.count_invalid(request)
        return exc.response(openai_style(request))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if in_api(request) and 400 <= exc.status_code < 429:
            svc.count_invalid(request)
        # FastAPI's own 400 is a body it could not decode (not UTF-8 text).
        code = "invalid_json" if exc.status_code == 400 else None
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:  # Starlette names the methods of one route; a path may have several
            headers["Allow"] = allowed_methods(request)
        return error(exc.status_code, str(exc.detail), headers or None, openai=openai_style(request), code=code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        svc.count_invalid(request)
        errors = []
        for e in exc.errors():
            msg = str(e.get("msg", "invalid")).removeprefix("Value error, ")
            if e.get("type") == "string_pattern_mismatch":
                pattern = (e.get("ctx") or {}).get("pattern")
                if isinstance(pattern, str):
                    msg = PATTERN_TEXT.get(pattern, msg)
            errors.append({"loc": [x if isinstance(x, int) else str(x) for x in e.get("loc", ())], "msg": msg, "type": e.get("type", "")})

        def where(loc: list) -> str:
            return ".".join(str(x) for x in loc[1:]) or (str(loc[0]) if loc else "request")

        summary = "; ".join(f"{where(e['loc'])}: {e['msg']}" for e in errors)
        code = "invalid_json" if any(e["type"] == "json_invalid" for e in errors) else "invalid"
        return error(422, f"invalid request: {summary}", openai=openai_style(request), code=code, errors=errors)

    @app.exception_handler(Exception)
    async def _failed(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error(500, "internal error; the server log has the details", openai=openai_style(request), code="internal")

    app.include_router(chat.router, prefix=API_PREFIX, tags=["chat"])
    app.include_router(feedback.router, prefix=API_PREFIX, tags=["feedback"])
    app.include_router(search.router, prefix=API_PREFIX, tags=["catalog"])  # before /products/{id}, which would take "search"
    app.include_router(catalog.router, prefix=API_PREFIX, tags=["catalog"])
    app.include_router(admin.router, prefix=API_PREFIX, tags=["admin"])
    app.include_router(admin.health_router, tags=["admin"])
    app.include_router(openai_compat.router, prefix=OPENAI_PREFIX, tags=["openai"])
    app.include_router(handoff.router, prefix=API_PREFIX, tags=["handoff"])
    app.include_router(recommendations.router, prefix=API_PREFIX, tags=["recommendations"])
    openapi.install(app)  # the document is built on first use, from every router

    @app.get("/widget.js", include_in_schema=False)
    async def widget_js():
        path = static_dir / "widget.js"
        if not path.is_file():
            raise HTTPException(404, "widget.js is not available on this server")
        return FileResponse(path, media_type="application/javascript", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=static_dir, check_dir=False), name="static")

    if mount_ui:
        from .ui_mount import mount_ui as mount

        mount(app, agent)
        assert admin_key, "create_app refuses a UI without an admin key, above"
        app.add_middleware(UiGuard, admin_key=admin_key, buckets=svc.buckets, rate_per_minute=ui_rate_per_minute,
                           invalid_rate_per_minute=invalid_rate_per_minute)

    app.add_middleware(ApiGuard, registry=svc.registry, buckets=svc.buckets, max_body_bytes=max_body_bytes,
                       max_openai_body_bytes=max_completion_body_bytes, invalid_rate_per_minute=invalid_rate_per_minute)
    return app


def allowed_methods(request: Request) -> str:
    """Every method some route of the app takes at this path (RFC 9110's Allow), asked of the
    routes themselves (`matches`), so routers included with a prefix count too."""
    allowed = set()
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
        scope = dict(request.scope, method=method)
        if any(route.matches(scope)[0] == Match.FULL for route in request.app.router.routes):
            allowed.add(method)
    return ", ".join(sorted(allowed))


def serve(app: FastAPI, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
          forwarded_allow_ips: str | None = None) -> None:
    """Run the app under uvicorn; the access log never shows query strings."""
    import uvicorn

    uvicorn.Server(uvicorn_config(app, host, port, log_level, forwarded_allow_ips)).run()


__all__ = ["create_app", "serve", "uvicorn_config", "API_PREFIX", "SITE_KEY_HEADER", "FEEDBACK_EVENTS", "TokenBuckets"]
