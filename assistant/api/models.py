"""Request and response models of the HTTP API, and the one JSON encoder every answer goes
through (`dumps`: strict JSON, non-finite numbers sent as null, so a catalog price of `inf`
never turns into the invalid token `Infinity`).

The contract is exact both ways: every constraint a validator enforces is in the schema
(lengths, and patterns for the texts and ids: `NOT_BLANK`, `USER_ID_PATTERN`,
`SESSION_ID_PATTERN`), and nothing the schema allows is refused. Patterns use only what ECMA-262,
Python's `re` and Rust's `regex` (pydantic) read alike: explicit character classes, `^`/`$`.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any, Literal

from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..agent import MAX_MESSAGE_CHARS
from ..dialogue import Constraints
from ..events import ProductOut, TurnResult
from ..profile import check_user_id
from ..sessions import validate_session_id

FEEDBACK_EVENTS = ("like", "dislike", "click", "view", "dwell", "add_to_cart", "purchase", "more_like_this")
# A text holds at least one character that is neither a control character nor white space
# (Python's str.strip() set, plus the C0/C1 controls and the BOM): "\t", "\u3000", "\x00" are blank.
NOT_BLANK = r"[^\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
# The shop's user ids: 1..128 printable ASCII characters, not only spaces.
USER_ID_PATTERN = r"^[ -~]*[!-~][ -~]*$"
# Issued session ids are `secrets.token_urlsafe(24)`: URL-safe base64.
SESSION_ID_PATTERN = r"^[A-Za-z0-9_-]+$"
SIGNATURE_PATTERN = r"^[0-9a-fA-F]{64}$"
SIGNATURE_FIELD = Field(default=None, min_length=64, max_length=64, pattern=SIGNATURE_PATTERN,
                        description="Hex HMAC-SHA256 of user_id with the site's secret (computed by the shop's server). "
                                    "Required with user_id.")
# The parts of a turn's result a client gets; diagnostics (`notes`: may quote backend errors) stay in the server log.
FINAL_FIELDS = {"session_id", "reply", "intent", "constraints", "products", "faq", "alternatives", "relaxation", "offered_budget", "handoff",
                "unknown_values", "timings_ms", "llm_used"}

# What a pattern mismatch means, in the words a 422 uses.
PATTERN_TEXT = {NOT_BLANK: "must not be empty or only white space",
                USER_ID_PATTERN: "must be 1..128 printable ASCII characters, not only spaces",
                SESSION_ID_PATTERN: "is not a session id this server issues (URL-safe base64)",
                SIGNATURE_PATTERN: "must be 64 hex digits"}

UserId = Annotated[str, Field(min_length=1, max_length=128, pattern=USER_ID_PATTERN,
                              description="The shop's id for a signed-in shopper (1..128 printable ASCII characters, "
                                          "not only spaces); needs user_signature.")]
SessionId = Annotated[str, Field(min_length=1, max_length=128, pattern=SESSION_ID_PATTERN,
                                 description="A session id the server issued (URL-safe base64, at most 128 characters).")]
Signature = Annotated[str, Field(min_length=64, max_length=64, pattern=SIGNATURE_PATTERN,
                                 description="Hex HMAC-SHA256 of user_id with the site's secret.")]
Message = Annotated[str, Field(min_length=1, max_length=MAX_MESSAGE_CHARS, pattern=NOT_BLANK,
                               description=f"What the shopper typed: 1..{MAX_MESSAGE_CHARS} characters, not only "
                                           "white space or control characters.")]


def valid_text(value: str, what: str = "text") -> str:
    """`value` unless it holds a lone surrogate (JSON can spell one, Unicode text cannot hold it)."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError(f"{what} is not valid Unicode (a lone surrogate)")
    return value


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
    user_id: UserId | None = None
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

    message: Message
    session_id: SessionId | None = Field(default=None, description="A session the server issued (POST /api/v1/sessions, or "
                                                                   "the final event of a first turn sent without one).")

    @field_validator("message")
    @classmethod
    def _message(cls, value: str) -> str:
        return valid_text(value, "message")

    @field_validator("session_id")
    @classmethod
    def _session(cls, value: str | None) -> str | None:
        return None if value is None else validate_session_id(value)


class FeedbackRequest(_Identity):
    model_config = ConfigDict(extra="forbid")

    session_id: SessionId = Field(description="The issued session the product was shown in.")
    product_id: str = Field(min_length=1, max_length=256, description="The product's id in the catalog (404 if unknown).")
    event: Literal["like", "dislike", "click", "view", "dwell", "add_to_cart", "purchase", "more_like_this"]
    # What the recommenders learn from (issue 14): where a click was and what showed it; how long a dwell lasted.
    position: int | None = Field(default=None, ge=0, le=1000, description="A click's place in the list it was in (0 = first).")
    query: str | None = Field(default=None, min_length=1, max_length=500, description="The search or message that showed the product.")
    dwell_seconds: float | None = Field(default=None, ge=0, le=86400, allow_inf_nan=False,
                                        description="Seconds the shopper spent on the product; required with event dwell.")

    @field_validator("query")
    @classmethod
    def _query(cls, value: str | None) -> str | None:
        return None if value is None else valid_text(value, "query")

    @field_validator("session_id")
    @classmethod
    def _session(cls, value: str) -> str:
        return validate_session_id(value)

    @field_validator("product_id")
    @classmethod
    def _product(cls, value: str) -> str:
        return valid_text(value, "product_id")


class ForgetRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: UserId
    user_signature: Signature

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


# --- errors: one shape for every 4xx / 5xx -----------------------------------------------------------

LimitName = Literal["key", "client", "session", "sessions", "faq", "invalid", "busy", "ui"]
ERROR_CODES = {
    "invalid": "the request does not fit the schema (422; `errors` says where)",
    "invalid_json": "the body is not JSON (400 when it is not even UTF-8 text, else 422 with `errors`)",
    "bad_request": "a malformed request line or header, e.g. Content-Length (400)",
    "site_key": "missing, unknown or revoked site key (403; 401 on /v1)",
    "origin": "the Origin is not one of the key's allowed origins (403)",
    "identity_missing": "user_id without user_signature (401)",
    "identity_invalid": "user_signature does not match user_id, or came without it (401)",
    "identity_unavailable": "the site key has no identity secret (401)",
    "session_unknown": "a session id the server did not issue, or one that expired (404)",
    "session_forbidden": "the session was started from another site key or origin (403)",
    "session_owned": "the conversation belongs to another shopper (403)",
    "product_unknown": "no such product in the catalog (404)",
    "not_found": "no such route (404)",
    "method_not_allowed": "the route does not take this method (405)",
    "body_too_large": "the body is over the limit (413)",
    "rate_limited": "a limit was exceeded (429; `limit` names it, Retry-After says when to retry)",
    "unavailable": "a part of the server is not enabled or is shutting down (503)",
    "index_unavailable": "the index cannot be read (503, /healthz)",
    "timeout": "the assistant took too long (504)",
    "internal": "an unexpected failure; the server log has the details (500)",
}


class ValidationErrorItem(BaseModel):
    loc: list[str | int] = Field(description='Where: ["body", "message"], ["query", "page"]...')
    msg: str
    type: str


class OpenAIErrorBody(BaseModel):
    """The `error` object OpenAI clients read (only on /v1 routes)."""

    message: str
    type: str = Field(description="invalid_request_error, authentication_error, permission_error, not_found_error, "
                                  "rate_limit_error, api_error")
    param: str | None = None
    code: str | None = None


class ErrorOut(BaseModel):
    """Every refusal and failure, whatever the status: `detail` for people, `code` for programs,
    `limit` on a 429, `errors` on a 422 from validation, and on /v1 routes `error` (the same
    message in OpenAI's shape, which OpenAI clients show)."""

    detail: str = Field(description="What went wrong and what to do, in words.")
    code: str = Field(description="Machine-readable reason. " + "; ".join(f"`{c}`: {t}" for c, t in ERROR_CODES.items()) + ".")
    limit: LimitName | None = Field(default=None, description="On 429: which limit was exceeded.")
    errors: list[ValidationErrorItem] | None = Field(default=None, description="On 422 from validation: each problem.")
    error: OpenAIErrorBody | None = Field(default=None, description="On /v1 routes: the same error as OpenAI clients read it.")


ValidationErrorOut = ErrorOut  # one error shape; the old name still works


# --- Server-Sent Events of POST /api/v1/chat ----------------------------------------------------------


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


SSE_EVENTS: dict[str, type[BaseModel]] = {"delta": DeltaEvent, "products": ProductsEvent, "final": TurnResult, "error": ErrorEvent}


# --- product search (GET /api/v1/products/search) -------------------------------------------------------


class SearchProduct(BaseModel):
    """A product as a search box lists it: catalog facts, the price as shoppers read it, and the
    relevance score when there was search text."""

    id: str
    title: str
    price: float | None
    currency: str
    price_text: str = Field(description='The price as shoppers read it ("₹1,499", "$97.99", "price on request").')
    brand: str | None = None
    color: str | None = None
    category: list[str] = Field(default_factory=list, description="Category path, broadest first.")
    product_type: str | None = None
    audience: list[str] = Field(default_factory=list)
    rating: float | None = None
    rating_count: int | None = None
    in_stock: bool = True
    url: str | None = None
    image_url: str | None = None
    score: float | None = Field(default=None, description="Hybrid relevance (higher is better); null without search text.")


class FacetCount(BaseModel):
    value: str = Field(description="The catalog's display value; pass it back as the filter of the same name.")
    count: int = Field(ge=1, description="How many products of the result set have it.")


class PriceBand(BaseModel):
    min: float | None = Field(description="Inclusive lower bound; null: no lower bound (the first band).")
    max: float | None = Field(description="Exclusive upper bound; null: no upper bound (the last band).")
    count: int = Field(ge=1)
    label: str = Field(description='"under $50", "$50 – $100", "$200 and up".')


class SearchFacets(BaseModel):
    """Counts over the whole result set (every page), each list most frequent first (ties by
    value), at most `FACET_VALUES` values; a product counts once per category on its path."""

    brands: list[FacetCount]
    categories: list[FacetCount]
    colors: list[FacetCount]
    types: list[FacetCount]
    price_bands: list[PriceBand] = Field(description="Bands with at least one product; products without a price are in none.")


class SearchFilterOut(BaseModel):
    """The filters the search applied (explicit parameters over what `understand` read)."""

    min_price: float | None = None
    max_price: float | None = None
    brands: list[str] = Field(default_factory=list)
    exclude_brands: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    exclude_categories: list[str] = Field(default_factory=list)
    colors: list[str] = Field(default_factory=list)
    exclude_colors: list[str] = Field(default_factory=list)
    types: list[str] = Field(default_factory=list)
    exclude_types: list[str] = Field(default_factory=list)
    audiences: list[str] = Field(default_factory=list)
    exclude_materials: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    min_rating: float | None = None
    in_stock_only: bool = False


class SearchOut(BaseModel):
    q: str = Field(description="The query as sent.")
    text: str = Field(description="The text searched for (after `understand`); empty: the filtered catalog, no ranking by text.")
    understood: Constraints | None = Field(default=None, description="With understand=true: how the assistant read `q`.")
    filters: SearchFilterOut
    sort: Literal["relevance", "price_asc", "price_desc", "rating"]
    page: int
    page_size: int
    total: int = Field(description="Products in the result set, over all pages.")
    pages: int = Field(description="ceil(total / page_size).")
    truncated: bool = Field(description="More products match than the result set holds (see `max_results`); refine the query.")
    max_results: int
    products: list[SearchProduct]
    facets: SearchFacets


# --- OpenAI-compatible chat completions (POST /v1/chat/completions) -------------------------------------
# Strict models: a JSON `0` is not `false` and `"1"` not `1`, as the schema says.


class TextPart(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    type: Literal["text"]
    text: str = Field(max_length=100_000)


class _ChatMessage(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    name: str | None = Field(default=None, max_length=256)


HISTORY_TEXT = Annotated[str, Field(max_length=100_000)]


class SystemMessage(_ChatMessage):
    role: Literal["system", "developer"]
    content: HISTORY_TEXT | list[TextPart] = Field(description="Read by no one: the assistant's own instructions stand.")


class UserTextPart(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    type: Literal["text"]
    text: Message

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        return valid_text(value, "text")


class UserMessage(_ChatMessage):
    """A shopper's message, held to the rules of /api/v1/chat's `message`. The last one is the turn."""

    role: Literal["user"]
    content: Message | Annotated[list[UserTextPart], Field(min_length=1, max_length=1)] = Field(
        description="The text, or a list of exactly one text part.")

    @field_validator("content")
    @classmethod
    def _content(cls, value: str | list[UserTextPart]) -> str | list[UserTextPart]:
        return valid_text(value, "content") if isinstance(value, str) else value

    @property
    def text(self) -> str:
        return self.content if isinstance(self.content, str) else self.content[0].text


class AssistantMessage(_ChatMessage):
    role: Literal["assistant"]
    content: HISTORY_TEXT | list[TextPart] | None = None


class ToolMessage(_ChatMessage):
    role: Literal["tool", "function"]
    content: HISTORY_TEXT | list[TextPart] | None = None


ChatMessageIn = Annotated[SystemMessage | UserMessage | AssistantMessage | ToolMessage, Field(discriminator="role")]


class CompletionMetadata(BaseModel):
    """OpenAI's `metadata` (string values). These keys mean something here; others are ignored."""

    model_config = ConfigDict(extra="allow", strict=True)
    __pydantic_extra__: dict[str, Annotated[str, Field(max_length=512)]]

    session_id: SessionId | None = Field(default=None, description="The conversation: `shopassist.session_id` of an "
                                                                   "earlier answer. Without it a new conversation starts.")
    user_id: UserId | None = None
    user_signature: str | None = SIGNATURE_FIELD

    @field_validator("user_id")
    @classmethod
    def _user(cls, value: str | None) -> str | None:
        return None if value is None else check_user_id(value)


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    """OpenAI's chat completion request. The assistant reads the last `user` message as the
    shopper's turn; the conversation's state lives on the server (`metadata.session_id`).
    Sampling parameters (temperature, max_tokens, tools...) are accepted and ignored."""

    model_config = ConfigDict(extra="ignore", strict=True)

    model: str = Field(min_length=1, max_length=256, description="Any name (see GET /v1/models); echoed back.")
    messages: list[ChatMessageIn] = Field(min_length=1, max_length=256, json_schema_extra={
        "contains": {"type": "object", "properties": {"role": {"const": "user"}}, "required": ["role"]}},
        description="The conversation as the client keeps it; at least one `user` message.")
    stream: bool = False
    stream_options: StreamOptions | None = None
    metadata: CompletionMetadata | None = None
    user: str | None = Field(default=None, max_length=256, description="OpenAI's end-user tag: ignored; it is no identity "
                                                                       "here (signed identities go in metadata).")
    n: int = Field(default=1, ge=1, le=1, description="One choice only.")

    @model_validator(mode="after")
    def _has_user_message(self) -> ChatCompletionRequest:
        if not any(isinstance(m, UserMessage) for m in self.messages):
            raise ValueError("messages hold no user message")
        return self

    def turn_text(self) -> str:
        return next(m for m in reversed(self.messages) if isinstance(m, UserMessage)).text


class AssistantReply(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str
    refusal: None = None


class CompletionChoice(BaseModel):
    index: Literal[0] = 0
    message: AssistantReply
    finish_reason: Literal["stop"] = "stop"
    logprobs: None = None


class Usage(BaseModel):
    """Estimated (characters / 4): the assistant does not count tokens."""

    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[CompletionChoice]
    usage: Usage
    system_fingerprint: str | None = None
    shopassist: TurnResult = Field(description="The turn: products, alternatives, constraints, faq, session_id "
                                               "(the final event of /api/v1/chat).")


class ChunkDelta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class ChunkChoice(BaseModel):
    index: Literal[0] = 0
    delta: ChunkDelta
    finish_reason: Literal["stop"] | None = None
    logprobs: None = None


class ChatCompletionChunk(BaseModel):
    """One `data:` line of a streamed completion. The first has `delta.role`, the next ones
    `delta.content`, the last `finish_reason: "stop"` and `shopassist`; with
    stream_options.include_usage one more with `choices: []` and `usage`; then `data: [DONE]`."""

    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[ChunkChoice]
    system_fingerprint: str | None = None
    usage: Usage | None = None
    shopassist: TurnResult | None = Field(default=None, description="On the last chunk (finish_reason stop) only.")


class StreamError(BaseModel):
    """A streamed completion that failed after it started: one `data: {"error": ...}` line."""

    error: OpenAIErrorBody


class ModelOut(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelOut]


# --- response documentation shared by the routers -----------------------------------------------------

# The type FastAPI's `responses=` takes: status code -> OpenAPI response fields.
Responses = dict[int | str, dict[str, Any]]

KEYED: Responses = {
    403: {"model": ErrorOut, "description": "missing, unknown or revoked site key, or origin not allowed"},
    429: {"model": ErrorOut, "description": "a limit was exceeded (`limit` names it) or busy; see Retry-After (seconds)"},
}
IDENTIFIED: Responses = {401: {"model": ErrorOut, "description": "user_id without a valid user_signature"}}
SESSIONED: Responses = {
    403: {"model": ErrorOut, "description": "site key / origin refused, or the session belongs to another site, origin or shopper"},
    404: {"model": ErrorOut, "description": "a session id this server did not issue, or one that expired"},
}
BODY: Responses = {400: {"model": ErrorOut, "description": "the body cannot be read as JSON (not UTF-8 text)"},
        413: {"model": ErrorOut, "description": "body too large"},
        422: {"model": ErrorOut, "description": "invalid request: `errors` lists each problem"}}
QUERY: Responses = {422: {"model": ErrorOut, "description": "invalid parameters: `errors` lists each problem"}}
UNAVAILABLE: Responses = {503: {"model": ErrorOut, "description": "the server is shutting down (turns), or profiles are not enabled (feedback)"}}
