"""What stands in front of the routes: rate-limit buckets, the API guard (site key, origin, CORS,
body size, clients that send too many invalid requests) for `/api/v1` (key in `X-Site-Key` or
`?site_key=`) and the OpenAI-compatible `/v1` (key as `Authorization: Bearer`), and the `/ui`
guard (admin key, same origin, a rate per client). Both are pure ASGI middleware, so streamed
answers pass through untouched. `error` builds every error answer: one shape, `ErrorOut`."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import threading
import time
from typing import Any, Iterable, Protocol

from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.responses import Response

from ..sitekeys import SiteRegistry
from .models import SafeJSONResponse

API_PREFIX = "/api/v1"
OPENAI_PREFIX = "/v1"
UI_PREFIX = "/ui"
SITE_KEY_HEADER = "X-Site-Key"
ADMIN_KEY_HEADER = "X-Admin-Key"
ADMIN_COOKIE = "shopassist_admin"
SCOPE_SITE = "shopassist.site"
PREFLIGHT_HEADERS = "Content-Type, X-Site-Key, Authorization, Accept, Last-Event-ID, Cache-Control"
# The code an error gets when its raiser names none.
DEFAULT_CODES = {400: "bad_request", 401: "site_key", 403: "site_key", 404: "not_found", 405: "method_not_allowed",
                 413: "body_too_large", 422: "invalid", 429: "rate_limited", 503: "unavailable", 504: "timeout"}
OPENAI_TYPES = {401: "authentication_error", 403: "permission_error", 404: "not_found_error", 429: "rate_limit_error"}


# --- token buckets ----------------------------------------------------------------------------------


class RateBuckets(Protocol):
    """What the routes and guards need of the rate budgets: `TokenBuckets` (in memory, one process)
    and `ratelimits.SharedBuckets` (in the shared database, every worker) both are."""

    def take(self, name: Any, rate_per_minute: float) -> float: ...

    def take_all(self, wants: Iterable[tuple[Any, Any, float]]) -> tuple[Any, float] | None: ...

    def peek(self, name: Any, rate_per_minute: float) -> float: ...


class TokenBuckets:
    """Token buckets by name: capacity = the per-minute rate (a full minute's burst), refilled
    continuously."""

    def __init__(self, max_entries: int = 100_000) -> None:
        self.max_entries = max_entries
        self._buckets: dict[Any, tuple[float, float, float]] = {}  # name -> (tokens, updated, rate/min)
        self._lock = threading.Lock()

    def _level(self, name: Any, capacity: float, now: float) -> float:
        tokens, updated, _ = self._buckets.get(name, (capacity, now, capacity))
        return min(capacity, tokens + (now - updated) * capacity / 60.0)

    def take(self, name: Any, rate_per_minute: float) -> float:
        """0.0 (allowed, one token used) or the seconds until a token is there."""
        hit = self.take_all([(None, name, rate_per_minute)])
        return 0.0 if hit is None else hit[1]

    def take_all(self, wants: Iterable[tuple[Any, Any, float]]) -> tuple[Any, float] | None:
        """One token from each (label, bucket name, rate per minute), all or none: None when every
        bucket had one, else (the label of the first that had none, seconds until it has)."""
        wants = list(wants)
        now = time.monotonic()
        with self._lock:
            levels = []
            for label, name, rate in wants:
                level = self._level(name, float(rate), now)
                if level < 1.0:
                    for _, other, other_rate in wants:  # refill bookkeeping only, nothing spent
                        self._buckets[other] = (self._level(other, float(other_rate), now), now, float(other_rate))
                    return label, (1.0 - level) * 60.0 / float(rate)
                levels.append(level)
            for (_label, name, rate), level in zip(wants, levels):
                self._buckets[name] = (level - 1.0, now, float(rate))
            if len(self._buckets) > self.max_entries:
                self._prune(now)
        return None

    def peek(self, name: Any, rate_per_minute: float) -> float:
        """Seconds until `name` has a token (0.0: it has one now); spends nothing."""
        now = time.monotonic()
        with self._lock:
            level = self._level(name, float(rate_per_minute), now)
        return 0.0 if level >= 1.0 else (1.0 - level) * 60.0 / float(rate_per_minute)

    def _prune(self, now: float) -> None:
        """Forget buckets that have refilled completely (they behave exactly like new ones)."""
        full = [n for n, (t, u, cap) in self._buckets.items() if t + (now - u) * cap / 60.0 >= cap]
        for n in full:
            del self._buckets[n]


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


def in_prefix(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def error(status: int, detail: str, headers: dict[str, str] | None = None, *, openai: bool = False,
          **extra: Any) -> SafeJSONResponse:
    """The one error shape (`models.ErrorOut`): `detail`, `code` (from `extra`, else by status),
    `limit` and `errors` when given, and with `openai` (a /v1 route) the same in OpenAI's
    `error` object."""
    body: dict[str, Any] = {"detail": detail, **{k: v for k, v in extra.items() if v is not None}}
    body.setdefault("code", DEFAULT_CODES.get(status, "internal" if status >= 500 else "bad_request"))
    if openai:
        param = None
        if body.get("errors"):
            loc = [str(x) for x in body["errors"][0].get("loc", ())]
            param = ".".join(loc[1:]) or None
        kind = OPENAI_TYPES.get(status, "api_error" if status >= 500 else "invalid_request_error")
        body["error"] = {"message": detail, "type": kind, "param": param, "code": body["code"]}
    return SafeJSONResponse(body, status_code=status, headers=headers)


class ApiError(Exception):
    """A refusal raised by a dependency or a route: answered as JSON `{detail, code, limit}`.
    Refusals below 429 count against the client's budget of invalid requests."""

    def __init__(self, status: int, detail: str, code: str | None = None, *, limit: str | None = None,
                 retry: float | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.detail, self.code, self.limit = status, detail, code, limit
        self.headers = dict(headers or {})
        if retry is not None:
            self.headers["Retry-After"] = retry_after(retry)

    def response(self, openai: bool = False) -> SafeJSONResponse:
        return error(self.status, self.detail, self.headers or None, openai=openai, code=self.code, limit=self.limit)


LIMIT_TEXT = {
    "key": "requests per minute for this site key",
    "client": "chat turns and feedback per minute from your address",
    "session": "messages per minute in this conversation",
    "sessions": "new conversations per minute from your address",
    "faq": "FAQ searches per minute for this site key",
    "invalid": "invalid requests per minute from your address",
    "ui": "requests per minute to the admin UI from your address",
}


def rate_limited(limit: str, rate: float, wait: float) -> ApiError:
    return ApiError(429, f"rate limit exceeded: at most {rate:g} {LIMIT_TEXT[limit]}; retry in {retry_after(wait)} s",
                    "rate_limited", limit=limit, retry=wait)


def client_address(scope) -> str:
    """The peer's address as uvicorn sees it (behind a proxy: the X-Forwarded-For address, when
    the server was started with --forwarded-allow-ips naming that proxy)."""
    client = scope.get("client")
    return client[0] if client else "unknown"


# --- /api/v1 ----------------------------------------------------------------------------------------


class ApiGuard:
    """Site key, Origin, CORS, body size, and clients over their invalid-request budget, for
    `/api/v1` (key in X-Site-Key or ?site_key=; refusals 403) and `/v1` (key as the bearer token,
    the way OpenAI clients send `api_key`; a missing or unknown key is 401, as OpenAI answers)."""

    def __init__(self, app, *, registry: SiteRegistry, buckets: RateBuckets, max_body_bytes: int,
                 invalid_rate_per_minute: float, prefix: str = API_PREFIX, openai_prefix: str | None = OPENAI_PREFIX,
                 max_openai_body_bytes: int | None = None):
        self.app = app
        self.registry = registry
        self.buckets = buckets
        self.max_body_bytes = max_body_bytes
        self.max_openai_body_bytes = max_openai_body_bytes or max_body_bytes
        self.invalid_rate = invalid_rate_per_minute
        self.prefix = prefix
        self.openai_prefix = openai_prefix

    def count_invalid(self, scope) -> None:
        self.buckets.take(("invalid", client_address(scope)), self.invalid_rate)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        openai = self.openai_prefix is not None and in_prefix(scope["path"], self.openai_prefix)
        if not openai and not in_prefix(scope["path"], self.prefix):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if openai:
            scheme, _, token = headers.get("authorization", "").partition(" ")
            key = token.strip() if scheme.lower() == "bearer" else None
        else:
            key = headers.get(SITE_KEY_HEADER) or QueryParams(scope.get("query_string", b"").decode("latin-1")).get("site_key")

        if scope["method"] == "OPTIONS" and origin is not None and headers.get("access-control-request-method"):
            await self._preflight(origin, None if openai else key)(scope, receive, send)
            return

        async def refuse(status: int, detail: str, code: str, extra: dict[str, str] | None = None) -> None:
            self.count_invalid(scope)
            await error(status, detail, extra or None, openai=openai, code=code)(scope, receive, send)

        wait = self.buckets.peek(("invalid", client_address(scope)), self.invalid_rate)
        site = self.registry.lookup(key)
        cors: dict[str, str] = {}
        if site is not None and origin is not None and site.allows(origin):
            cors = {"Access-Control-Allow-Origin": origin, "Vary": "Origin", "Access-Control-Expose-Headers": "Retry-After, X-Shopassist-Session"}
        if wait:
            await _with_headers(rate_limited("invalid", self.invalid_rate, wait).response(openai), cors)(scope, receive, send)
            return
        if site is None:
            if openai:
                detail = ("missing site key: send it as the bearer token (Authorization: Bearer sk_..., the OpenAI "
                          "client's api_key)" if not key else "unknown or revoked site key")
                await refuse(401, detail, "site_key", {"WWW-Authenticate": 'Bearer realm="shopassist"'})
            else:
                detail = (f"missing site key: send the {SITE_KEY_HEADER} header (or ?site_key=)" if not key
                          else "unknown or revoked site key")
                await refuse(403, detail, "site_key")
            return
        if origin is not None and not cors:
            await refuse(403, f"origin {origin[:200]} is not allowed for this site key", "origin")
            return

        if scope["method"] in ("POST", "PUT", "PATCH"):
            limit = self.max_openai_body_bytes if openai else self.max_body_bytes
            body, problem = await self._read_body(headers, receive, limit)
            if problem is not None:
                status, detail = problem
                if status:
                    await refuse(status, detail, "body_too_large" if status == 413 else "bad_request", cors)
                return  # client went away
            receive = _replay(body, receive)

        scope[SCOPE_SITE] = site

        async def send_with_cors(message) -> None:
            if cors and message["type"] == "http.response.start":
                h = MutableHeaders(scope=message)
                for name, value in cors.items():
                    h[name] = value
            await send(message)

        await self.app(scope, receive, send_with_cors)

    async def _read_body(self, headers: Headers, receive, limit: int) -> tuple[bytes, tuple[int, str] | None]:
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

    def _preflight(self, origin: str, key: str | None) -> Response:
        if key:
            site = self.registry.lookup(key)
            allowed = site is not None and site.allows(origin)
        else:
            allowed = self.registry.origin_allowed_by_any(origin)
        if not allowed:
            return error(403, f"origin {origin[:200]} is not allowed" + (" for this site key" if key else ""), code="origin")
        return Response(status_code=204, headers={
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": PREFLIGHT_HEADERS,
            "Access-Control-Max-Age": "600",
            "Vary": "Origin",
        })


def _with_headers(response: Response, headers: dict[str, str]) -> Response:
    for name, value in headers.items():
        response.headers[name] = value
    return response


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # then whatever comes next (a disconnect)

    return replay


# --- /ui ----------------------------------------------------------------------------------------------


def admin_cookie_value(admin_key: str) -> str:
    """What the admin cookie holds: derived from the key, never the key itself."""
    return hmac.new(admin_key.encode("utf-8"), b"shopassist admin ui", hashlib.sha256).hexdigest()


class UiGuard:
    """The Gradio page mounted at /ui is for the shop's staff: every request needs the admin key
    (HTTP Basic with the key as password — what a browser prompts for —, the X-Admin-Key header,
    or the cookie set after either), must come from the page's own origin when it names one, and
    counts against a per-client rate. Failed logins count as invalid requests."""

    def __init__(self, app, *, admin_key: str, buckets: RateBuckets, rate_per_minute: float,
                 invalid_rate_per_minute: float, prefix: str = UI_PREFIX) -> None:
        self.app = app
        self.admin_key = admin_key
        self.cookie = admin_cookie_value(admin_key)
        self.buckets = buckets
        self.rate = rate_per_minute
        self.invalid_rate = invalid_rate_per_minute
        self.prefix = prefix

    def _authorised(self, headers: Headers) -> tuple[bool, bool]:
        """(allowed, by a credential rather than the cookie)."""
        given = headers.get(ADMIN_KEY_HEADER.lower())
        auth = headers.get("authorization", "")
        if not given and auth.lower().startswith("basic "):
            try:
                given = base64.b64decode(auth[6:].strip(), validate=True).decode("utf-8").partition(":")[2]
            except (ValueError, UnicodeDecodeError):
                given = None
        if given:
            return hmac.compare_digest(given.encode("utf-8"), self.admin_key.encode("utf-8")), True
        for part in headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == ADMIN_COOKIE and hmac.compare_digest(value.encode(), self.cookie.encode()):
                return True, False
        return False, False

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket") or not (scope["path"] == self.prefix or scope["path"].startswith(self.prefix + "/")):
            await self.app(scope, receive, send)
            return
        client = client_address(scope)
        headers = Headers(scope=scope)
        if scope["type"] == "websocket":  # gradio 6 does not use websockets; refuse rather than guard them
            await send({"type": "websocket.close", "code": 1008})
            return
        wait = self.buckets.peek(("invalid", client), self.invalid_rate)
        if wait:
            await rate_limited("invalid", self.invalid_rate, wait).response()(scope, receive, send)
            return
        allowed, by_credential = self._authorised(headers)
        if not allowed:
            self.buckets.take(("invalid", client), self.invalid_rate)
            await error(401, "the admin UI needs the admin key (HTTP Basic password, or the X-Admin-Key header)",
                        {"WWW-Authenticate": 'Basic realm="shopassist admin", charset="UTF-8"'}, code="admin_key")(scope, receive, send)
            return
        origin = headers.get("origin")
        if origin is not None:
            own = f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"
            if origin.rstrip("/").lower() != own.lower():
                self.buckets.take(("invalid", client), self.invalid_rate)
                await error(403, f"origin {origin[:200]} may not call the admin UI", code="origin")(scope, receive, send)
                return
        if scope["method"] == "POST":
            wait = self.buckets.take(("ui", client), self.rate)
            if wait:
                await rate_limited("ui", self.rate, wait).response()(scope, receive, send)
                return

        async def send_with_cookie(message) -> None:
            if by_credential and message["type"] == "http.response.start":
                MutableHeaders(scope=message).append(
                    "Set-Cookie", f"{ADMIN_COOKIE}={self.cookie}; Path={self.prefix}; HttpOnly; SameSite=Strict")
            await send(message)

        await self.app(scope, receive, send_with_cookie)
