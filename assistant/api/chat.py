"""Conversations: `POST /api/v1/sessions` (issue one) and `POST /api/v1/chat` (one turn, SSE)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from ..agent import InputError
from ..events import Delta, Final, Products
from ..sessions import anonymous_user
from .deps import Conversation, Services, caller_of, open_conversation, services, spend
from .guard import error
from .models import BODY, FINAL_FIELDS, IDENTIFIED, KEYED, SESSIONED, ChatRequest, SessionOut, SessionRequest, sse

log = logging.getLogger("shopassist.api")
router = APIRouter()


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
                           "with session_id, products and faq), or `event: error` (data: ErrorEvent).",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        },
        **KEYED, **IDENTIFIED, **SESSIONED, **BODY,
    },
    openapi_extra={"x-sse-events": {"delta": "DeltaEvent", "products": "ProductsEvent", "final": "TurnResult", "error": "ErrorEvent"}},
)
async def chat(turn: Turn = Depends(chat_turn), svc: Services = Depends(services)):
    conversation = turn.conversation
    session_id, owner = conversation.session_id, conversation.owner
    sem = svc.semaphore()
    try:
        async with asyncio.timeout(svc.limits.turn_wait_seconds):
            await sem.acquire()
    except TimeoutError:
        return error(429, "busy, retry: every assistant slot is taken", {"Retry-After": "2"}, code="rate_limited", limit="busy")

    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()

    def put(item) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, item)

    def work() -> None:
        try:
            for event in svc.agent.turn_stream(turn.message, session_id, owner):
                if isinstance(event, Delta):
                    put(("delta", {"text": event.text}))
                elif isinstance(event, Products):
                    put(("products", event.model_dump(mode="json", exclude={"type"})))
                elif isinstance(event, Final):
                    put(("final", event.result.model_dump(mode="json", include=FINAL_FIELDS)))
        except (InputError, ValueError) as exc:
            put(("error", {"message": str(exc)}))
        except Exception:
            log.exception("chat turn failed")
            put(("error", {"message": "the assistant failed on this message; please try again"}))
        finally:
            put(None)
            loop.call_soon_threadsafe(sem.release)

    try:
        svc.executor.submit(work)
    except RuntimeError:  # shutting down
        sem.release()
        return error(503, "the server is shutting down")

    async def events():
        deadline = loop.time() + svc.limits.turn_timeout_seconds
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=max(0.1, deadline - loop.time()))
            except TimeoutError:
                yield sse("error", {"message": "the assistant took too long; please try again"})
                return
            if item is None:
                return
            yield sse(*item)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

