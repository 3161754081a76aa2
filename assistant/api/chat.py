"""Conversations: `POST /api/v1/sessions` (issue one) and `POST /api/v1/chat` (one turn, SSE).

The stream: `event: delta` (data: DeltaEvent) for each piece of the reply, `event: products`
(data: ProductsEvent) once the turn's products are decided, then `event: final` (data:
TurnResult) or `event: error` (data: ErrorEvent). The OpenAPI document gives the schema of each
event (openapi.py), so a client can validate every event's data.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from ..sessions import anonymous_user
from .deps import Conversation, Services, caller_of, open_conversation, services, spend
from .models import (
    BODY,
    IDENTIFIED,
    KEYED,
    SESSIONED,
    UNAVAILABLE,
    ChatRequest,
    SessionOut,
    SessionRequest,
    sse,
)
from .turns import start_turn

router = APIRouter()
SSE_EVENTS_DOC = {"delta": "DeltaEvent", "products": "ProductsEvent", "final": "TurnResult", "error": "ErrorEvent"}


@dataclass(frozen=True)
class Turn:
    conversation: Conversation
    message: str


def session_request(request: Request, body: SessionRequest | None = None, svc: Services = Depends(services)) -> SessionOut:
    body = body or SessionRequest()
    caller = caller_of(request, body.user_id, body.user_signature)
    site = caller.site
    spend(svc, [("sessions", ("issue", caller.client), site.sessions_per_client_per_minute)])
    session_id = svc.sessions.issue(site.key, caller.origin, caller.user)
    owner = caller.user or anonymous_user(session_id)
    svc.sessions.claim(session_id, owner)
    ttl = svc.sessions.ttl_seconds
    return SessionOut(session_id=session_id, user_id=owner, expires_after_idle_seconds=int(ttl) if ttl else None)


def chat_turn(request: Request, body: ChatRequest, svc: Services = Depends(services)) -> Turn:
    caller = caller_of(request, body.user_id, body.user_signature)
    return Turn(open_conversation(svc, caller, body.session_id, turn=True), body.message)


@router.post("/sessions", response_model=SessionOut, status_code=201, summary="Start a conversation (a server-issued session)",
             responses={**KEYED, **IDENTIFIED, **BODY})
async def new_session(out: SessionOut = Depends(session_request)) -> SessionOut:
    return out


@router.post(
    "/chat",
    response_class=StreamingResponse,
    summary="One chat turn, streamed as Server-Sent Events",
    responses={
        200: {
            "description": "`event: delta` (data: DeltaEvent) for each piece of the reply, `event: products` (data: "
                           "ProductsEvent) once the turn's products are decided, then `event: final` (data: TurnResult, "
                           "with session_id, products and faq), or `event: error` (data: ErrorEvent). The schema "
                           "describes one event: its name and its JSON data.",
            "content": {"text/event-stream": {"schema": {"$ref": "#/components/schemas/ChatStreamEvent"}}},
        },
        **KEYED, **IDENTIFIED, **SESSIONED, **BODY, **UNAVAILABLE,
    },
    openapi_extra={"x-sse-events": SSE_EVENTS_DOC},
)
async def chat(turn: Turn = Depends(chat_turn), svc: Services = Depends(services)):
    items = await start_turn(svc, turn.conversation, turn.message)

    async def events():
        async for name, data in items:
            yield sse("error" if name == "timeout" else name, data)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
