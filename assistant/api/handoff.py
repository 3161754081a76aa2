"""Hand-off to a person: `POST /api/v1/handoff` (open a ticket with the conversation so far)
and `GET /api/v1/handoff` (the ticket's status and the staff's replies, which the widget polls
every few seconds while a ticket is not closed). Tickets live in `<home>/handoff.db`
(assistant/handoff.py); staff answer them in the Support tab of the staff UI.

Who may ask: the caller of an issued session, checked exactly as for a turn (deps.py: site
key and origin that created the session, the signed identity of its owner; 404 / 403 / 401
otherwise). The session id and identity travel in the body (POST) or the query string (GET),
never in the path: uvicorn's access log drops query strings (logs.py), so neither a session id
nor a signature lands in it.

Budgets: opening a ticket spends the client's and the key's (it is rare); polling spends a
budget of its own per conversation (`session`, 30 a minute) and per client address (`client`,
240 a minute: a shop's customers may share one address), so waiting for staff never eats into
the key's budget for chat turns.

The widget opens the ticket itself when a turn's final event says `handoff: true`; opening is
idempotent (one ticket per conversation until staff close it), so a server-side call after
such a turn (`ticket_store(...).open_ticket(session_id, owner)`) may coexist with it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..handoff import Ticket, TicketStore, ticket_store
from ..profile import check_user_id
from ..sessions import anonymous_user, validate_session_id
from .deps import Services, bound_session, caller_of, services, spend
from .models import BODY, IDENTIFIED, KEYED, QUERY, SESSIONED, SIGNATURE_FIELD, SessionId, UserId

router = APIRouter()

POLL_AFTER_SECONDS = 4
POLL_RATE_PER_SESSION = 30.0
POLL_RATE_PER_CLIENT = 240.0


def _reason(value: str | None) -> str | None:
    """Any text is a reason; what cannot be stored (a lone surrogate JSON can spell) is replaced."""
    return None if value is None else value.encode("utf-8", "replace").decode("utf-8")


class HandoffRequest(BaseModel):
    """Ask for a person in this conversation."""

    model_config = ConfigDict(extra="forbid")

    user_id: UserId | None = None
    user_signature: str | None = SIGNATURE_FIELD
    session_id: SessionId = Field(description="The issued session of the conversation.")
    reason: str | None = Field(default=None, max_length=200, description="Why, in a few words (shown to staff).")

    @field_validator("session_id")
    @classmethod
    def _session(cls, value: str) -> str:
        return validate_session_id(value)

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str | None) -> str | None:
        return None if value is None else check_user_id(value)

    @field_validator("reason")
    @classmethod
    def _why(cls, value: str | None) -> str | None:
        return _reason(value)


class HandoffQuery(BaseModel):
    """The query string of a poll (the site key may ride along as `site_key`)."""

    session_id: SessionId = Field(description="The issued session of the conversation.")
    user_id: UserId | None = None
    user_signature: str | None = SIGNATURE_FIELD

    @field_validator("session_id")
    @classmethod
    def _session(cls, value: str) -> str:
        return validate_session_id(value)

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str | None) -> str | None:
        return None if value is None else check_user_id(value)


class ReplyOut(BaseModel):
    n: int = Field(description="1, 2, ... within the ticket: show each reply once.")
    author: str
    text: str = Field(description="Plain text written by staff: show it as text, never as HTML.")
    ts: float


class TicketOut(BaseModel):
    ticket_id: int
    status: str = Field(description="open (waiting for staff), answered (staff replied), closed.")
    created: float
    updated: float
    replies: list[ReplyOut]


class HandoffOut(BaseModel):
    ticket: TicketOut | None = Field(description="The conversation's latest ticket, or null when there is none.")
    poll_after_seconds: int | None = Field(description="When to ask again; null: no need (no ticket, or it is closed).")


def tickets_of(svc: Services) -> TicketStore:
    """The ticket store of the server's home folder (next to sessions.db)."""
    return ticket_store(svc.sessions.path.parent, svc.sessions)


def _out(ticket: Ticket | None) -> HandoffOut:
    if ticket is None:
        return HandoffOut(ticket=None, poll_after_seconds=None)
    return HandoffOut(
        ticket=TicketOut(ticket_id=ticket.id, status=ticket.status, created=ticket.created, updated=ticket.updated,
                         replies=[ReplyOut(n=r.n, author=r.author, text=r.text, ts=r.ts) for r in ticket.replies]),
        poll_after_seconds=POLL_AFTER_SECONDS if ticket.active else None)


@router.post("/handoff", response_model=HandoffOut, summary="Hand the conversation to a person (opens a ticket)",
             responses={**KEYED, **IDENTIFIED, **SESSIONED, **BODY})
def open_handoff(request: Request, body: HandoffRequest, svc: Services = Depends(services)) -> HandoffOut:
    caller = caller_of(request, body.user_id, body.user_signature)
    binding = bound_session(svc, caller, body.session_id)
    site = caller.site
    spend(svc, [("client", ("client", caller.client), site.client_rate_per_minute), ("key", ("key", site.key), site.rate_per_minute)])
    owner = binding.user_id or caller.user or anonymous_user(body.session_id)
    ticket = tickets_of(svc).open_ticket(body.session_id, owner, reason=body.reason or "asked for a person")
    svc.sessions.touch(body.session_id)
    return _out(ticket)


@router.get("/handoff", response_model=HandoffOut, summary="The conversation's hand-off ticket and the staff's replies",
            responses={**KEYED, **IDENTIFIED, **SESSIONED, **QUERY})
def handoff_status(request: Request, query: Annotated[HandoffQuery, Query()], svc: Services = Depends(services)) -> HandoffOut:
    caller = caller_of(request, query.user_id, query.user_signature)
    bound_session(svc, caller, query.session_id)
    spend(svc, [("session", ("handoff-poll", query.session_id), POLL_RATE_PER_SESSION),
                ("client", ("handoff-poll", caller.client), POLL_RATE_PER_CLIENT)])
    return _out(tickets_of(svc).for_session(query.session_id))


__all__ = ["router", "tickets_of", "HandoffRequest", "HandoffOut"]
