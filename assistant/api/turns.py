"""Running one chat turn for a route: a turn slot (at most `max_concurrent_turns` at once; a
request that waits longer than `turn_wait_seconds` gets 429 `busy`), the agent's turn in a
worker thread, and its events handed to the event loop as they come. Shared by
`POST /api/v1/chat` (Server-Sent Events) and `POST /v1/chat/completions` (OpenAI's format).

A turn whose client disconnects still finishes in its worker and holds its slot until it does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

from ..agent import InputError
from ..events import Delta, Final, Products
from .deps import Conversation, Services
from .guard import ApiError
from .models import FINAL_FIELDS

log = logging.getLogger("shopassist.api")

# (name, data): ("delta", DeltaEvent), ("products", ProductsEvent), ("final", TurnResult), ("error", ErrorEvent),
# or ("timeout", ErrorEvent) when the turn ran over `turn_timeout_seconds`.
TurnItem = tuple[str, dict]
TIMEOUT_MESSAGE = "the assistant took too long; please try again"


async def start_turn(svc: Services, conversation: Conversation, message: str) -> AsyncIterator[TurnItem]:
    """Take a turn slot and start the turn; its events, as an async iterator. Raises 429 (busy)
    when no slot frees up in time and 503 while the server shuts down, before anything is sent.
    The iterator ends after `final`, `error` or `timeout`."""
    sem = svc.semaphore()
    try:
        async with asyncio.timeout(svc.limits.turn_wait_seconds):
            await sem.acquire()
    except TimeoutError:
        raise ApiError(429, "busy, retry: every assistant slot is taken", "rate_limited", limit="busy", retry=2) from None

    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()
    session_id, owner = conversation.session_id, conversation.owner

    def put(item) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, item)

    def work() -> None:
        try:
            for event in svc.agent.turn_stream(message, session_id, owner):
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
        raise ApiError(503, "the server is shutting down", "unavailable") from None

    async def events() -> AsyncIterator[TurnItem]:
        deadline = loop.time() + svc.limits.turn_timeout_seconds
        while True:
            try:
                item = await asyncio.wait_for(queue.get(), timeout=max(0.1, deadline - loop.time()))
            except TimeoutError:
                yield "timeout", {"message": TIMEOUT_MESSAGE}
                return
            if item is None:
                return
            yield item
            if item[0] in ("final", "error", "timeout"):
                return

    return events()
