"""An OpenAI-compatible facade over the assistant: `POST /v1/chat/completions` (streaming and
not) and `GET /v1/models`, so the official `openai` client and tools that speak OpenAI's chat
API can hold a shopping conversation:

    client = openai.OpenAI(base_url="https://ASSISTANT_HOST/v1", api_key="sk_...")   # the site key
    first = client.chat.completions.create(model="shopassist", messages=[{"role": "user", "content": "running shoes"}])
    first.choices[0].message.content          # the reply
    first.shopassist["products"]              # the products (TurnResult, as /api/v1/chat's final event)
    session = first.shopassist["session_id"]
    client.chat.completions.create(model="shopassist", messages=[...history..., {"role": "user", "content": "under 100"}],
                                   metadata={"session_id": session}, stream=True)

Authentication: the site key as the bearer token (`Authorization: Bearer sk_...`, how the client
sends `api_key`); missing or unknown: 401. Everything else is /api/v1/chat's: origin and CORS,
body size (a larger limit, the client resends the history), signed identity
(`metadata.user_id` + `metadata.user_signature`: 401 when they do not match), issued sessions
bound to key and origin (`metadata.session_id`: 404 unknown, 403 another site's or shopper's),
every rate limit and the busy answer (429 with Retry-After).

The conversation's state is the server's: the turn is the last `user` message; earlier
messages, system prompts and sampling parameters are accepted and not read. Without
`metadata.session_id` a new conversation starts and its id comes back in
`shopassist.session_id` (and the `X-Shopassist-Session` header).

Streaming follows OpenAI's chunk format: a first chunk with `delta.role`, chunks with
`delta.content` (together exactly `message.content` of the non-streamed answer), a last chunk
with `finish_reason: "stop"` and `shopassist`, a usage chunk when `stream_options.include_usage`,
then `data: [DONE]`. A turn that fails once streaming has begun sends `data: {"error": {...}}`
and ends. Errors before that are the API's one error shape with OpenAI's `error` object in it.
"""

from __future__ import annotations

import math
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from .deps import Conversation, Services, caller_of, open_conversation, services, spend
from .guard import ApiError
from .models import (
    BODY,
    SESSIONED,
    UNAVAILABLE,
    ChatCompletion,
    ChatCompletionRequest,
    CompletionMetadata,
    ErrorOut,
    ModelList,
    ModelOut,
    SafeJSONResponse,
    dumps,
)
from .turns import start_turn

router = APIRouter()
MODEL_ID = "shopassist"
SESSION_HEADER = "X-Shopassist-Session"
_STARTED = int(time.time())


@dataclass(frozen=True)
class CompletionTurn:
    conversation: Conversation
    body: ChatCompletionRequest


def completion_turn(request: Request, body: ChatCompletionRequest, svc: Services = Depends(services)) -> CompletionTurn:
    meta = body.metadata or CompletionMetadata()
    caller = caller_of(request, meta.user_id, meta.user_signature)
    return CompletionTurn(open_conversation(svc, caller, meta.session_id, turn=True), body)


def _tokens(text: str) -> int:
    return math.ceil(len(text) / 4)


def _usage(body: ChatCompletionRequest, reply: str) -> dict[str, int]:
    prompt = 0
    for m in body.messages:
        content = m.content
        if isinstance(content, str):
            prompt += _tokens(content)
        elif content:
            prompt += sum(_tokens(part.text) for part in content)
    completion = _tokens(reply)
    return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}


def _stream_error(message: str, code: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "api_error", "param": None, "code": code}}


@router.post(
    "/chat/completions",
    response_model=ChatCompletion,
    summary="OpenAI-compatible chat completion: one turn of a shopping conversation",
    description=__doc__.split("\n\n", 1)[1],
    responses={
        200: {
            "description": "stream=false: a ChatCompletion (application/json). stream=true: Server-Sent Events "
                           "(text/event-stream), each `data:` a ChatCompletionChunk, then `data: [DONE]`; the schema "
                           "describes one event.",
            "content": {"text/event-stream": {"schema": {"$ref": "#/components/schemas/ChatCompletionStreamEvent"}}},
            "headers": {SESSION_HEADER: {"description": "The conversation's session id (also `shopassist.session_id`).",
                                         "schema": {"type": "string"}}},
        },
        401: {"model": ErrorOut, "description": "missing or unknown site key (the bearer token), or metadata.user_id "
                                                "without a valid metadata.user_signature"},
        **SESSIONED, **BODY, **UNAVAILABLE,
        504: {"model": ErrorOut, "description": "stream=false: the assistant took too long"},
    },
)
async def chat_completions(turn: CompletionTurn = Depends(completion_turn), svc: Services = Depends(services)):
    body = turn.body
    session_id = turn.conversation.session_id
    items = await start_turn(svc, turn.conversation, body.turn_text())
    completion_id = "chatcmpl-" + secrets.token_hex(12)
    created = int(time.time())
    headers = {SESSION_HEADER: session_id}
    if body.stream:
        headers |= {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(_stream(items, body, completion_id, created), media_type="text/event-stream", headers=headers)

    final = None
    async for name, data in items:
        if name == "final":
            final = data
        elif name == "timeout":
            raise ApiError(504, data["message"], "timeout")
        elif name == "error":
            raise ApiError(500, data["message"], "internal")
    if final is None:  # the worker ended without a result (it logged why)
        raise ApiError(500, "the assistant failed on this message; please try again", "internal")
    reply = final["reply"]
    out = {
        "id": completion_id, "object": "chat.completion", "created": created, "model": body.model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": reply, "refusal": None},
                     "finish_reason": "stop", "logprobs": None}],
        "usage": _usage(body, reply), "system_fingerprint": None, "shopassist": final,
    }
    return SafeJSONResponse(out, headers=headers)


async def _stream(items: AsyncIterator[tuple[str, dict]], body: ChatCompletionRequest, completion_id: str,
                  created: int) -> AsyncIterator[str]:
    include_usage = bool(body.stream_options and body.stream_options.include_usage)

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
        data: dict[str, Any] = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": body.model,
                                "system_fingerprint": None,
                                "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}]}
        if include_usage:
            data["usage"] = None
        return f"data: {dumps(data | extra)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    started, pending = False, ""
    async for name, data in items:
        if name == "delta":
            # Leading and trailing white space of the reply is held back, so the pieces add up to
            # exactly the non-streamed `message.content` (the reply, stripped).
            text = pending + data["text"]
            if not started:
                text = text.lstrip()
            piece = text.rstrip()
            pending = text[len(piece):]
            if piece:
                started = True
                yield chunk({"content": piece})
        elif name == "final":
            yield chunk({}, "stop", shopassist=data)
            if include_usage:
                usage = {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": body.model,
                         "system_fingerprint": None, "choices": [], "usage": _usage(body, data["reply"])}
                yield f"data: {dumps(usage)}\n\n"
            yield "data: [DONE]\n\n"
            return
        elif name in ("error", "timeout"):
            yield f"data: {dumps(_stream_error(data['message'], 'timeout' if name == 'timeout' else 'internal'))}\n\n"
            return


@router.get("/models", response_model=ModelList, summary="The one model this server offers (OpenAI's model list)")
def models(request: Request, svc: Services = Depends(services)) -> ModelList:
    caller = caller_of(request)
    site = caller.site
    spend(svc, [("client", ("client", caller.client), site.client_rate_per_minute), ("key", ("key", site.key), site.rate_per_minute)])
    return ModelList(data=[ModelOut(id=MODEL_ID, created=_STARTED, owned_by="shopassist")])
