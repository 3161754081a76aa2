"""The HTTP API (FastAPI) behind the embeddable chat widget: `shopassist serve`.

Routes
  POST /api/v1/chat             one chat turn, streamed as Server-Sent Events (delta..., final | error)
  POST /api/v1/feedback         like / dislike / click / ... on a product (profile event)
  GET  /api/v1/faq/search       FAQ lookup (support staff, widget "help" box)
  GET  /api/v1/products/{id}    one product as stored in the catalog
  GET  /healthz                 liveness and what the index holds (no key)
  GET  /widget.js, /static/...  the widget script and its assets (no key)
  /ui                           the Gradio chat page (when mounted)
  GET  /openapi.json            the OpenAPI document

Site keys (`assistant.sitekeys`). Every /api/v1 request needs an active key, in the `X-Site-Key`
header or the `?site_key=` query parameter, else 403. A request with an `Origin` header (a
browser calling cross-origin) must come from one of the key's `allowed_origins`, else 403; CORS
response headers (`Access-Control-Allow-Origin: <that origin>`, `Vary: Origin`) are sent only
for such allowed origins, never `*`.

CORS preflight (OPTIONS with Access-Control-Request-Method) carries no custom header values, so:
  - with `?site_key=` in the URL (the widget may put its key there), the origin must be allowed
    by *that* key;
  - without it, the preflight is answered for an origin allowed by *any* active key.
  This is safe because the preflight only lets the browser send the real request, which is
  then checked against its own key and origin as above. Preflights do not count against rate
  limits. A preflight for an origin nobody allows gets 403 without CORS headers.

Limits. Per key and per chat session: token buckets (capacity = the per-minute rate, refilled
continuously), 429 with `Retry-After` (seconds) and a JSON `detail`. Bodies larger than
`max_body_bytes` are answered 413, checked on Content-Length and on the bytes actually received.
Messages must be 1..2000 characters (422). At most `max_concurrent_turns` agent turns run at
once (each in a worker thread, so the event loop stays free); a turn waits up to
`turn_wait_seconds` for a slot, then gets 429 "busy, retry". A turn whose client disconnects
still finishes (the session stays consistent) and still holds its slot until it does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders, QueryParams

from retrieval.documents import item_from_metadata, product_record_id
from retrieval.schemas import Product

from .agent import MAX_MESSAGE_CHARS, InputError, TurnResult
from .profile import check_user_id, shopper_id
from .sessions import validate_session_id
from .sitekeys import SiteKey, SiteRegistry, sites_path as default_sites_path

log = logging.getLogger("shopassist.api")

API_PREFIX = "/api/v1"
STATIC_DIR = Path(__file__).resolve().parent / "static"
SITE_KEY_HEADER = "X-Site-Key"
FEEDBACK_EVENTS = ("like", "dislike", "click", "view", "add_to_cart", "purchase", "more_like_this")
_SCOPE_SITE = "shopassist.site"
_PREFLIGHT_HEADERS = "Content-Type, X-Site-Key, Accept, Last-Event-ID, Cache-Control"


# --- request / response models ----------------------------------------------------------------


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS, description="What the shopper typed (1..2000 characters).")
    session_id: str | None = Field(default=None, min_length=1, max_length=128,
                                   description="Conversation id; omit on the first turn, then send back the one in the final event.")
    user_id: str | None = Field(default=None, min_length=1, max_length=128, description="Shopper id (profile, personalisation).")

    @field_validator("message")
    @classmethod
    def _message(cls, value: str) -> str:
        if not value.replace("\x00", "").strip():
            raise ValueError("message is empty")
        return value

    @field_validator("session_id")
    @classmethod
    def _session(cls, value: str | None) -> str | None:
        return None if value is None else validate_session_id(value)

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str | None) -> str | None:
        return None if value is None else check_user_id(value)


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(min_length=1, max_length=128)
    user_id: str | None = Field(default=None, min_length=1, max_length=128,
                                description='Shopper id; without one the event is kept under "session:<session_id>".')
    product_id: str = Field(min_length=1, max_length=256)
    event: Literal["like", "dislike", "click", "view", "add_to_cart", "purchase", "more_like_this"]

    @field_validator("session_id")
    @classmethod
    def _session(cls, value: str) -> str:
        return validate_session_id(value)

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str | None) -> str | None:
        return None if value is None else check_user_id(value)


class FeedbackOut(BaseModel):
    recorded: bool
    user_id: str
    product_id: str
    event: str


class FaqMatchOut(BaseModel):
    id: str
    question: str
    answer: str
    score: float
    source: str | None = None


class FaqSearchOut(BaseModel):
    confident: bool = Field(description="False: the best match is below the threshold; do not answer from it.")
    threshold: float
    matches: list[FaqMatchOut]


class HealthOut(BaseModel):
    status: Literal["ok"]
    products: int
    faq_entries: int


class ErrorOut(BaseModel):
    detail: str


class ValidationErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(BaseModel):
    detail: str
    errors: list[ValidationErrorItem]


class DeltaEvent(BaseModel):
    """`event: delta`: a piece of the reply text."""

    text: str


class ErrorEvent(BaseModel):
    """`event: error`: the turn failed after the stream started."""

    message: str


_KEYED = {
    403: {"model": ErrorOut, "description": "missing, unknown or revoked site key, or origin not allowed"},
    429: {"model": ErrorOut, "description": "rate limit or busy; see Retry-After (seconds)"},
}
_BODY = {413: {"model": ErrorOut, "description": "body too large"},
         422: {"model": ValidationErrorOut, "description": "invalid request"}}


# --- rate limiting ------------------------------------------------------------------------------


class TokenBuckets:
    """Token buckets by name: capacity = the per-minute rate (a full minute's burst), refilled
    continuously. `take` answers 0.0 (allowed, one token used) or the seconds until a token."""

    def __init__(self, max_entries: int = 100_000) -> None:
        self.max_entries = max_entries
        self._buckets: dict[Any, tuple[float, float, float]] = {}  # name -> (tokens, updated, rate/min)
        self._lock = threading.Lock()

    def take(self, name: Any, rate_per_minute: float) -> float:
        capacity = float(rate_per_minute)
        per_second = capacity / 60.0
        now = time.monotonic()
        with self._lock:
            tokens, updated, _ = self._buckets.get(name, (capacity, now, capacity))
            tokens = min(capacity, tokens + (now - updated) * per_second)
            if tokens >= 1.0:
                self._buckets[name] = (tokens - 1.0, now, capacity)
                wait = 0.0
            else:
                self._buckets[name] = (tokens, now, capacity)
                wait = (1.0 - tokens) / per_second
            if len(self._buckets) > self.max_entries:
                self._prune(now)
            return wait

    def _prune(self, now: float) -> None:
        """Forget buckets that have refilled completely (they behave exactly like new ones)."""
        full = [n for n, (t, u, cap) in self._buckets.items() if t + (now - u) * cap / 60.0 >= cap]
        for n in full:
            del self._buckets[n]


def _retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


# --- the guard in front of /api/v1: keys, origins, CORS, per-key rate, body size ---------------


class ApiGuard:
    """Pure ASGI middleware (streaming responses pass through untouched)."""

    def __init__(self, app, *, registry: SiteRegistry, buckets: TokenBuckets, max_body_bytes: int, prefix: str = API_PREFIX):
        self.app = app
        self.registry = registry
        self.buckets = buckets
        self.max_body_bytes = max_body_bytes
        self.prefix = prefix

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not (scope["path"] == self.prefix or scope["path"].startswith(self.prefix + "/")):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        key = headers.get(SITE_KEY_HEADER) or QueryParams(scope.get("query_string", b"").decode("latin-1")).get("site_key")

        if scope["method"] == "OPTIONS" and origin is not None and headers.get("access-control-request-method"):
            await self._preflight(origin, key)(scope, receive, send)
            return

        site = self.registry.lookup(key)
        if site is None:
            detail = (f"missing site key: send the {SITE_KEY_HEADER} header (or ?site_key=)" if not key
                      else "unknown or revoked site key")
            await _error(403, detail)(scope, receive, send)
            return
        cors: dict[str, str] = {}
        if origin is not None:
            if not site.allows(origin):
                await _error(403, f"origin {origin[:200]} is not allowed for this site key")(scope, receive, send)
                return
            cors = {"Access-Control-Allow-Origin": origin, "Vary": "Origin", "Access-Control-Expose-Headers": "Retry-After"}

        wait = self.buckets.take(("key", site.key), site.rate_per_minute)
        if wait:
            await _error(429, f"rate limit of {site.rate_per_minute} requests per minute for this site key exceeded; "
                              f"retry in {_retry_after(wait)} s", {"Retry-After": _retry_after(wait), **cors})(scope, receive, send)
            return

        if scope["method"] in ("POST", "PUT", "PATCH"):
            body, problem = await self._read_body(headers, receive)
            if problem is not None:
                status, detail = problem
                if status:
                    await _error(status, detail, cors)(scope, receive, send)
                return  # client went away
            receive = _replay(body, receive)

        scope[_SCOPE_SITE] = site

        async def send_with_cors(message) -> None:
            if cors and message["type"] == "http.response.start":
                h = MutableHeaders(scope=message)
                for name, value in cors.items():
                    h[name] = value
            await send(message)

        await self.app(scope, receive, send_with_cors)

    async def _read_body(self, headers: Headers, receive) -> tuple[bytes, tuple[int, str] | None]:
        limit = self.max_body_bytes
        too_large = (413, f"request body is larger than the limit of {limit:,} bytes")
        declared = headers.get("content-length")
        if declared is not None:
            try:
                if int(declared) > limit:
                    return b"", too_large
            except ValueError:
                return b"", (400, "invalid Content-Length header")
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"", (0, "")
            body += message.get("body", b"")
            if len(body) > limit:
                return b"", too_large
            if not message.get("more_body", False):
                return bytes(body), None

    def _preflight(self, origin: str, key: str | None) -> JSONResponse:
        if key:
            site = self.registry.lookup(key)
            allowed = site is not None and site.allows(origin)
        else:
            allowed = self.registry.origin_allowed_by_any(origin)
        if not allowed:
            return _error(403, f"origin {origin[:200]} is not allowed" + (" for this site key" if key else ""))
        from starlette.responses import Response

        return Response(status_code=204, headers={
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": _PREFLIGHT_HEADERS,
            "Access-Control-Max-Age": "600",
            "Vary": "Origin",
        })


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # then whatever comes next (a disconnect)

    return replay


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


# --- the app ------------------------------------------------------------------------------------


def create_app(
    shop: Any = None,
    agent: Any = None,
    *,
    sites_path: str | Path | None = None,
    max_body_bytes: int = 16384,
    mount_ui: bool = True,
    max_concurrent_turns: int = 4,
    turn_wait_seconds: float = 5.0,
    turn_timeout_seconds: float = 180.0,
    static_dir: str | Path = STATIC_DIR,
) -> FastAPI:
    """The API over a Shop (its configured LLM) or a ready ShoppingAssistant (`agent`, e.g.
    `shop.assistant(llm=None)`); `shop` may be None when `agent` and `sites_path` are given.
    Site keys come from `sites_path` (default `<home>/sites.json`)."""
    if agent is None:
        if shop is None:
            raise ValueError("create_app needs a shop or an agent")
        agent = shop.assistant()
    index = agent.index
    faq = agent.faq
    profiles = agent.profiles if agent.profiles is not None else (shop.profiles if shop is not None else None)
    if sites_path is None:
        if shop is not None:
            sites_path = default_sites_path(shop.settings.home)
        elif profiles is not None:
            sites_path = default_sites_path(profiles.home)
        else:
            raise ValueError("create_app needs sites_path when given no shop")
    if max_concurrent_turns < 1:
        raise ValueError("max_concurrent_turns must be at least 1")
    registry = SiteRegistry(Path(sites_path))
    buckets = TokenBuckets()
    static_dir = Path(static_dir)
    executor = ThreadPoolExecutor(max_workers=max_concurrent_turns, thread_name_prefix="shopassist-turn")
    turn_slots: dict[str, asyncio.Semaphore] = {}  # created inside the running loop
    health_cache: dict[str, Any] = {}
    health_lock = threading.Lock()

    def warm_up() -> None:
        """Build what the first turns would otherwise race to build (BM25 sidecar, facets)."""
        try:
            index.ensure_lexical()
            agent.facets()
        except Exception as exc:  # an empty index still serves /healthz and answers sensibly
            log.warning("warm-up skipped: %s", exc)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        turn_slots["sem"] = asyncio.Semaphore(max_concurrent_turns)
        await run_in_threadpool(warm_up)
        try:
            yield
        finally:
            executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="shopassist API",
        version="1",
        description=__doc__.split("\n\n")[0],
        lifespan=lifespan,
        docs_url=None,  # Swagger/ReDoc pages load their JS from a CDN; this server stays offline
        redoc_url=None,
    )
    app.state.registry = registry
    app.state.buckets = buckets
    app.state.agent = agent

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for e in exc.errors():
            msg = str(e.get("msg", "invalid"))
            msg = msg.removeprefix("Value error, ")
            errors.append({"loc": [x if isinstance(x, int) else str(x) for x in e.get("loc", ())], "msg": msg, "type": e.get("type", "")})
        def where(loc: list) -> str:
            return ".".join(str(x) for x in loc[1:]) or (str(loc[0]) if loc else "request")

        summary = "; ".join(f"{where(e['loc'])}: {e['msg']}" for e in errors)
        return JSONResponse({"detail": f"invalid request: {summary}", "errors": errors}, status_code=422)

    def _semaphore() -> asyncio.Semaphore:
        if "sem" not in turn_slots:  # app used without its lifespan (e.g. some test clients)
            turn_slots["sem"] = asyncio.Semaphore(max_concurrent_turns)
        return turn_slots["sem"]

    @app.post(
        API_PREFIX + "/chat",
        response_class=StreamingResponse,
        summary="One chat turn, streamed as Server-Sent Events",
        responses={
            200: {
                "description": "`event: delta` (data: DeltaEvent) for each piece of the reply, then `event: final` "
                               "(data: TurnResult, with session_id, products and faq), or `event: error` (data: ErrorEvent).",
                "content": {"text/event-stream": {"schema": {"type": "string"}}},
            },
            **_KEYED, **_BODY,
        },
        openapi_extra={"x-sse-events": {"delta": "DeltaEvent", "final": "TurnResult", "error": "ErrorEvent"}},
    )
    async def chat(body: ChatRequest, request: Request):
        site: SiteKey = request.scope[_SCOPE_SITE]
        session_id = body.session_id or uuid.uuid4().hex
        if body.session_id is not None:
            wait = buckets.take(("session", site.key, session_id), site.session_rate_per_minute)
            if wait:
                return _error(429, f"too many messages in this conversation (at most {site.session_rate_per_minute} per "
                                   f"minute); retry in {_retry_after(wait)} s", {"Retry-After": _retry_after(wait)})
        sem = _semaphore()
        try:
            async with asyncio.timeout(turn_wait_seconds):
                await sem.acquire()
        except TimeoutError:
            return _error(429, "busy, retry: every assistant slot is taken", {"Retry-After": "2"})

        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()

        def put(item) -> None:
            loop.call_soon_threadsafe(queue.put_nowait, item)

        def work() -> None:
            try:
                for event in agent.turn_stream(body.message, session_id, body.user_id):
                    if event["type"] == "delta":
                        put(("delta", {"text": event["text"]}))
                    elif event["type"] == "final":
                        result: TurnResult = event["result"]
                        put(("final", result.model_dump(mode="json")))
            except (InputError, ValueError) as exc:
                put(("error", {"message": str(exc)}))
            except Exception:
                log.exception("chat turn failed (session %s)", session_id)
                put(("error", {"message": "the assistant failed on this message; please try again"}))
            finally:
                put(None)
                loop.call_soon_threadsafe(sem.release)

        try:
            executor.submit(work)
        except RuntimeError:  # shutting down
            sem.release()
            return _error(503, "the server is shutting down")

        async def events():
            deadline = loop.time() + turn_timeout_seconds
            while True:
                try:
                    item = await asyncio.wait_for(queue.get(), timeout=max(0.1, deadline - loop.time()))
                except TimeoutError:
                    yield _sse("error", {"message": "the assistant took too long; please try again"})
                    return
                if item is None:
                    return
                yield _sse(*item)

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @app.post(API_PREFIX + "/feedback", response_model=FeedbackOut, summary="Record what the shopper did with a product",
              responses={404: {"model": ErrorOut, "description": "unknown product"}, **_KEYED, **_BODY})
    async def feedback(body: FeedbackRequest) -> FeedbackOut:
        if profiles is None:
            raise HTTPException(503, "profiles are not enabled on this server")
        found = await run_in_threadpool(index.metadatas, [product_record_id(body.product_id)])
        if not found:
            raise HTTPException(404, f"unknown product {body.product_id!r}")
        try:
            user = shopper_id(body.user_id, body.session_id)
            await run_in_threadpool(lambda: profiles.record(user, body.event, product_id=body.product_id, session_id=body.session_id))
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None
        return FeedbackOut(recorded=True, user_id=user, product_id=body.product_id, event=body.event)

    @app.get(API_PREFIX + "/faq/search", response_model=FaqSearchOut, summary="FAQ answers for a question",
             responses={**_KEYED, 422: _BODY[422]})
    async def faq_search(q: str = Query(min_length=1, max_length=MAX_MESSAGE_CHARS, description="the question"),
                         k: int = Query(3, ge=1, le=20, description="how many entries")) -> FaqSearchOut:
        if not q.strip():
            raise HTTPException(422, "q is empty")
        lookup = await run_in_threadpool(faq.lookup, q, k)
        return FaqSearchOut(
            confident=lookup.confident, threshold=lookup.threshold,
            matches=[FaqMatchOut(id=m.entry.id, question=m.entry.question, answer=m.entry.answer, score=m.score,
                                 source=m.entry.source or m.entry.id) for m in lookup.matches],
        )

    @app.get(API_PREFIX + "/products/{product_id:path}", response_model=Product, summary="One product of the catalog",
             responses={404: {"model": ErrorOut, "description": "unknown product"}, **_KEYED})
    async def product(product_id: str) -> Product:
        found = await run_in_threadpool(index.metadatas, [product_record_id(product_id)])
        if not found:
            raise HTTPException(404, f"unknown product {product_id!r}")
        return item_from_metadata(next(iter(found.values())))

    def counts() -> dict[str, int]:
        revision = index.revision()
        with health_lock:
            if health_cache.get("revision") != revision:
                health_cache.update(revision=revision, products=index.count("product"), faq_entries=len(index.item_ids("faq")))
            return {"products": health_cache["products"], "faq_entries": health_cache["faq_entries"]}

    @app.get("/healthz", response_model=HealthOut, summary="Liveness and index size (no key needed)",
             responses={503: {"model": ErrorOut}})
    async def healthz():
        try:
            return HealthOut(status="ok", **await run_in_threadpool(counts))
        except Exception as exc:
            log.warning("health check failed: %s", exc)
            return _error(503, f"index unavailable: {exc}")

    @app.get("/widget.js", include_in_schema=False)
    async def widget_js():
        path = static_dir / "widget.js"
        if not path.is_file():
            raise HTTPException(404, "widget.js is not available on this server")
        return FileResponse(path, media_type="application/javascript", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=static_dir, check_dir=False), name="static")

    if mount_ui:
        try:
            import gradio as gr

            from .ui import build_ui

            gr.mount_gradio_app(app, build_ui(agent), path="/ui", ssr_mode=False, show_error=True)
        except Exception as exc:  # the API matters more than the page
            log.warning("Gradio UI not mounted at /ui: %s", exc)

    app.add_middleware(ApiGuard, registry=registry, buckets=buckets, max_body_bytes=max_body_bytes)
    return app


def serve(app: FastAPI, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level=log_level, proxy_headers=False, server_header=False)
