"""Operations: `GET /healthz` (no key) and `POST /api/v1/forget` (the shop's server deletes
everything stored about one of its users, authenticated by that user's signature)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from fastapi import APIRouter, Depends, Request

from ..sessions import anonymous_user
from .deps import Services, caller_of, services, spend
from .guard import ApiError, error
from .models import BODY, IDENTIFIED, KEYED, ErrorOut, ForgetOut, ForgetRequest, HealthOut

log = logging.getLogger("shopassist.api")
health_router = APIRouter()
router = APIRouter()


def forget_everything(svc: Services, user_id: str) -> tuple[int, int]:
    """The user's sessions with their messages, their hand-off tickets (and those of their
    conversations), their profile, and the anonymous profiles of the sessions they had linked:
    (sessions deleted, profile rows deleted)."""
    from .handoff import tickets_of

    sessions = svc.sessions.sessions_of(user_id)
    tickets_of(svc).forget_user(user_id, sessions)
    rows = 0
    if svc.profiles is not None:
        rows = svc.profiles.forget(user_id) + sum(svc.profiles.forget(anonymous_user(s)) for s in sessions)
    return svc.sessions.forget_user(user_id), rows


@router.post("/forget", response_model=ForgetOut, summary="Delete everything stored about a signed-in user",
             responses={**KEYED, **IDENTIFIED, **BODY})
def forget(request: Request, body: ForgetRequest, svc: Services = Depends(services)) -> ForgetOut:
    caller = caller_of(request, body.user_id, body.user_signature)
    spend(svc, [("client", ("client", caller.client), caller.site.client_rate_per_minute)])
    sessions, rows = forget_everything(svc, body.user_id)
    return ForgetOut(user_id=body.user_id, sessions_deleted=sessions, profile_rows_deleted=rows)


_health_lock = threading.Lock()


@health_router.get("/healthz", response_model=HealthOut, summary="Liveness: the index can be read, and what it holds (no key)",
                   responses={503: {"model": ErrorOut, "description": "the index cannot be read (the reason is given)"}})
def healthz(request: Request, svc: Services = Depends(services)):
    cache: dict[str, Any] = request.app.state.health_cache
    try:
        svc.index.check_readable()  # a real read every time: counts alone pass over a broken index
        revision = svc.index.revision()
        with _health_lock:
            if cache.get("revision") != revision:
                cache.update(revision=revision, products=svc.index.count("product"), faq_entries=len(svc.index.item_ids("faq")))
            counts = {"products": cache["products"], "faq_entries": cache["faq_entries"]}
    except Exception as exc:
        log.warning("health check failed: %s", exc)
        return error(503, f"index unavailable: {exc}", code="index_unavailable")
    return HealthOut(status="ok", **counts)


__all__ = ["router", "health_router", "forget_everything", "ApiError"]
