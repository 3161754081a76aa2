"""What the routes share (`Services`, on `app.state.services`) and the FastAPI dependencies that
check who is asking: the site (set by the guard), the signed identity, the issued session and
its owner, and the rate budgets a request spends.

Order inside a route's dependencies: the body is validated first (FastAPI does not call a
dependency whose body failed to validate, so invalid requests spend no budget), then identity
(401), then the session (404 / 403), then every budget at once (429 naming the first one
exceeded; nothing is spent unless all have room), and only then is a session issued or claimed.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Sequence

from fastapi import Request

from ..sessions import SessionBinding, SessionStore, anonymous_user
from ..sitekeys import SiteKey, SiteRegistry, normalize_origin
from .guard import SCOPE_SITE, ApiError, RateBuckets, client_address, rate_limited


@dataclass(frozen=True)
class ServerLimits:
    """Limits of the server itself (per-site limits live in sites.json)."""

    max_body_bytes: int = 16384
    invalid_rate_per_minute: float = 60.0
    max_concurrent_turns: int = 4
    turn_wait_seconds: float = 5.0
    turn_timeout_seconds: float = 180.0
    ui_rate_per_minute: float = 60.0
    max_completion_body_bytes: int = 1_048_576  # /v1/chat/completions: OpenAI clients resend the whole history


@dataclass
class Services:
    agent: Any
    index: Any
    faq: Any
    profiles: Any
    sessions: SessionStore
    registry: SiteRegistry
    buckets: RateBuckets
    limits: ServerLimits
    executor: ThreadPoolExecutor
    turn_slots: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    caches: dict[str, Any] = field(default_factory=dict)  # per-app caches of the routes (search result sets)

    def semaphore(self) -> asyncio.Semaphore:
        if "sem" not in self.turn_slots:  # created inside the running loop
            self.turn_slots["sem"] = asyncio.Semaphore(self.limits.max_concurrent_turns)
        return self.turn_slots["sem"]

    def count_invalid(self, request: Request) -> None:
        self.buckets.take(("invalid", client_address(request.scope)), self.limits.invalid_rate_per_minute)


def services(request: Request) -> Services:
    return request.app.state.services


@dataclass(frozen=True)
class Caller:
    """Who is asking: the site key (checked by the guard), the browser's origin (None for a
    server-to-server call), the client address, and the verified user id (None: anonymous)."""

    site: SiteKey
    origin: str | None
    client: str
    user: str | None


@dataclass(frozen=True)
class Conversation:
    caller: Caller
    session_id: str
    owner: str  # the verified user id, or session:<id>
    new: bool = False


def caller_of(request: Request, user_id: str | None = None, signature: str | None = None) -> Caller:
    site: SiteKey = request.scope[SCOPE_SITE]
    origin = request.headers.get("origin")
    if origin is not None:
        origin = normalize_origin(origin)  # the guard already checked it is one of the key's
    return Caller(site=site, origin=origin, client=client_address(request.scope), user=verified_user(site, user_id, signature))


def verified_user(site: SiteKey, user_id: str | None, signature: str | None) -> str | None:
    """The user id when its signature is valid for this site; None without a user id; else 401."""
    if user_id is None:
        if signature:
            raise ApiError(401, "user_signature was sent without user_id", "identity_invalid")
        return None
    if not site.secret:
        raise ApiError(401, "this site key has no identity secret, so user ids cannot be verified; "
                            "run `shopassist sites rotate-secret KEY` and sign user ids with it", "identity_unavailable")
    if not signature:
        raise ApiError(401, "user_id needs user_signature: the hex HMAC-SHA256 of the user id with the site's secret, "
                            "computed by the shop's server", "identity_missing")
    if not site.verify_user(user_id, signature):
        raise ApiError(401, "user_signature does not match user_id for this site", "identity_invalid")
    return user_id


def bound_session(svc: Services, caller: Caller, session_id: str) -> SessionBinding:
    """The issued session if this caller may use it: same site key, same origin, and owned by
    nobody yet, by its anonymous shopper, or by this very user; else 404 / 403."""
    binding = svc.sessions.binding(session_id)
    if binding is None or not binding.issued:
        raise ApiError(404, "unknown or expired session: start a new one (POST /api/v1/sessions, or send the "
                            "message without session_id)", "session_unknown")
    if binding.site_key != caller.site.key or binding.origin != caller.origin:
        raise ApiError(403, "this session was started from another site or origin", "session_forbidden")
    owner = binding.user_id
    if owner not in (None, anonymous_user(session_id)) and owner != caller.user:
        raise ApiError(403, "this conversation belongs to another shopper" if caller.user
                       else "this conversation belongs to a signed-in shopper: send their user_id and user_signature",
                       "session_owned")
    return binding


def spend(svc: Services, wants: list[tuple[str, Any, float]]) -> None:
    """One token from every (limit, bucket, rate per minute), or 429 naming the first exceeded."""
    hit = svc.buckets.take_all(wants)
    if hit is not None:
        label, wait = hit
        rate = next(r for lbl, _, r in wants if lbl == label)
        raise rate_limited(label, rate, wait)


def open_conversation(svc: Services, caller: Caller, session_id: str | None, extra: Sequence[tuple[str, Any, float]] = (),
                      *, turn: bool) -> Conversation:
    """Check (or issue) the session, spend the budgets, and make the caller its owner.

    A turn spends the client, session and key budgets; feedback the client and key ones.
    A request without a session id is issued one, which also spends the client's budget of new
    sessions: rotating session ids gains nothing."""
    site = caller.site
    wants: list[tuple[str, Any, float]] = [("client", ("client", caller.client), site.client_rate_per_minute)]
    if session_id is not None:
        bound_session(svc, caller, session_id)
        if turn:
            wants.append(("session", ("session", session_id), site.session_rate_per_minute))
    else:
        wants.append(("sessions", ("issue", caller.client), site.sessions_per_client_per_minute))
    wants.append(("key", ("key", site.key), site.rate_per_minute))
    spend(svc, wants + list(extra))
    new = session_id is None
    if session_id is None:
        session_id = svc.sessions.issue(site.key, caller.origin, caller.user)
    owner = caller.user or anonymous_user(session_id)
    if not svc.sessions.claim(session_id, owner):  # another request took it over in the meantime
        raise ApiError(403, "this conversation belongs to another shopper", "session_owned")
    return Conversation(caller=caller, session_id=session_id, owner=owner, new=new)
