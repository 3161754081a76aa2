"""`POST /api/v1/feedback`: what the shopper did with a product, as a profile event of the
session's owner (the signed user id, or `session:<id>` for an anonymous shopper)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from retrieval.documents import product_record_id

from .deps import Conversation, Services, caller_of, open_conversation, services
from .guard import ApiError
from .models import (
    BODY,
    IDENTIFIED,
    KEYED,
    SESSIONED,
    UNAVAILABLE,
    FeedbackOut,
    FeedbackRequest,
)

router = APIRouter()


def feedback_context(request: Request, body: FeedbackRequest, svc: Services = Depends(services)) -> tuple[Conversation, FeedbackRequest]:
    if svc.profiles is None:
        raise ApiError(503, "profiles are not enabled on this server", "unavailable")
    caller = caller_of(request, body.user_id, body.user_signature)
    return open_conversation(svc, caller, body.session_id, turn=False), body


@router.post("/feedback", response_model=FeedbackOut, summary="Record what the shopper did with a product",
             responses={**KEYED, **IDENTIFIED, **SESSIONED, **BODY, **UNAVAILABLE,
                        404: {"model": SESSIONED[404]["model"], "description": "unknown product, or unknown / expired session"}})
def feedback(context: tuple[Conversation, FeedbackRequest] = Depends(feedback_context),
             svc: Services = Depends(services)) -> FeedbackOut:
    conversation, body = context
    if not svc.index.metadatas([product_record_id(body.product_id)]):
        raise ApiError(404, f"unknown product {body.product_id!r}", "product_unknown")
    try:
        svc.profiles.record(conversation.owner, body.event, product_id=body.product_id, session_id=conversation.session_id,
                            position=body.position, query=body.query, dwell_seconds=body.dwell_seconds)
    except ValueError as exc:
        raise ApiError(422, str(exc), "invalid") from None
    svc.sessions.touch(conversation.session_id)
    return FeedbackOut(recorded=True, user_id=conversation.owner, product_id=body.product_id, event=body.event)
