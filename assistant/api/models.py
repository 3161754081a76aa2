"""Request and response models of the HTTP API, and the one JSON encoder every answer goes
through (`dumps`: strict JSON, non-finite numbers sent as null, so a catalog price of `inf`
never turns into the invalid token `Infinity`)."""

from __future__ import annotations

import json
import math
from typing import Any, Literal

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..agent import MAX_MESSAGE_CHARS
from ..events import ProductOut
from ..profile import check_user_id
from ..sessions import validate_session_id

FEEDBACK_EVENTS = ("like", "dislike", "click", "view", "add_to_cart", "purchase", "more_like_this")
SIGNATURE_FIELD = Field(default=None, min_length=64, max_length=64, pattern=r"^[0-9a-fA-F]{64}$",
                        description="Hex HMAC-SHA256 of user_id with the site's secret (computed by the shop's server). "
                                    "Required with user_id.")
# The parts of a turn's result a client gets; diagnostics (`notes`: may quote backend errors) stay in the server log.
FINAL_FIELDS = {"session_id", "reply", "intent", "constraints", "products", "faq", "alternatives", "relaxation", "handoff",
                "unknown_values", "timings_ms", "llm_used"}


# --- strict JSON ------------------------------------------------------------------------------------


def json_safe(value: Any) -> Any:
    """`value` with every NaN / ±inf replaced by None (JSON has no such numbers)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    return value


def dumps(value: Any) -> str:
    return json.dumps(json_safe(value), ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class SafeJSONResponse(JSONResponse):
    """The default response class: strict JSON whatever the catalog holds."""

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


def sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {dumps(data)}\n\n"


# --- identity fields shared by requests ---------------------------------------------------------------


class _Identity(BaseModel):
    user_id: str | None = Field(default=None, min_length=1, max_length=128,
                                description="The shop's id for a signed-in shopper; needs user_signature.")
    user_signature: str | None = SIGNATURE_FIELD

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str | None) -> str | None:
        return None if value is None else check_user_id(value)


# --- requests -----------------------------------------------------------------------------------------


class SessionRequest(_Identity):
    """Start a conversation. Without a user id the shopper is anonymous (`session:<id>`)."""

    model_config = ConfigDict(extra="forbid")


class ChatRequest(_Identity):
    model_config = ConfigDict(extra="forbid")

    message: str = Field(min_length=1, max_length=MAX_MESSAGE_CHARS, description="What the shopper typed (1..2000 characters).")
    session_id: str | None = Field(default=None, min_length=1, max_length=128,
                                   description="A session the server issued (POST /api/v1/sessions, or the final event "
                                               "of a first turn sent without one).")

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


class FeedbackRequest(_Identity):
    model_config = ConfigDict(extra="forbid")

    session_id: str = Field(min_length=1, max_length=128, description="The issued session the product was shown in.")
    product_id: str = Field(min_length=1, max_length=256)
    event: Literal["like", "dislike", "click", "view", "add_to_cart", "purchase", "more_like_this"]

    @field_validator("session_id")
    @classmethod
    def _session(cls, value: str) -> str:
        return validate_session_id(value)


class ForgetRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: str = Field(min_length=1, max_length=128)
    user_signature: str = Field(min_length=64, max_length=64, pattern=r"^[0-9a-fA-F]{64}$")

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str) -> str:
        return check_user_id(value)


# --- responses ----------------------------------------------------------------------------------------


class SessionOut(BaseModel):
    session_id: str
    user_id: str = Field(description='Whose conversation it is: the signed user id, or "session:<session_id>".')
    expires_after_idle_seconds: int | None


class FeedbackOut(BaseModel):
    recorded: bool
    user_id: str
    product_id: str
    event: str


class ForgetOut(BaseModel):
    user_id: str
    sessions_deleted: int
    profile_rows_deleted: int


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
    code: str | None = Field(default=None, description="Machine-readable reason, e.g. session_unknown, identity_invalid.")
    limit: Literal["key", "client", "session", "sessions", "faq", "invalid", "busy", "ui"] | None = Field(
        default=None, description="On 429: which limit was exceeded.")


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


class ProductsEvent(BaseModel):
    """`event: products`: the turn's products, before the reply about them has streamed."""

    products: list[ProductOut]
    alternatives: bool = False


KEYED = {
    403: {"model": ErrorOut, "description": "missing, unknown or revoked site key, or origin not allowed"},
    429: {"model": ErrorOut, "description": "a limit was exceeded (`limit` names it) or busy; see Retry-After (seconds)"},
}
IDENTIFIED = {401: {"model": ErrorOut, "description": "user_id without a valid user_signature"}}
SESSIONED = {
    403: {"model": ErrorOut, "description": "site key / origin refused, or the session belongs to another site, origin or shopper"},
    404: {"model": ErrorOut, "description": "a session id this server did not issue, or one that expired"},
}
BODY = {413: {"model": ErrorOut, "description": "body too large"},
        422: {"model": ValidationErrorOut, "description": "invalid request"}}
