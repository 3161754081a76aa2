"""The contract of one chat turn: what it returns (`TurnResult`, with `ProductOut` and `FaqOut`)
and the typed events it streams on the way (`Delta`, `Products`, `Final`, `TurnError`).

`ShoppingAssistant.turn_stream` yields these and every consumer (the HTTP API's Server-Sent
Events, the Gradio UI, `shopassist ask` / `chat`, the benchmarks) matches on their types; the
API's OpenAPI document names them for the SSE stream.
"""

from __future__ import annotations

from typing import Literal, Union

from pydantic import BaseModel, Field

from .dialogue import Constraints

RouteName = Literal["product", "faq", "both", "smalltalk", "human", "detail", "compare"]


class ProductOut(BaseModel):
    """A product as shown: catalog facts only (title, price, links) plus one reason."""

    id: str
    title: str
    price: float | None
    currency: str
    price_text: str = Field(default="", description="The price as shoppers read it (\"₹1,499\", \"$97.99\", \"price on request\").")
    reason: str
    brand: str | None = None
    color: str | None = None
    url: str | None = None
    image_url: str | None = None
    rating: float | None = None
    in_stock: bool = True
    reason_source: str = "template"


class FaqOut(BaseModel):
    id: str
    question: str
    score: float
    source: str | None = None


class TurnResult(BaseModel):
    """The JSON contract of one turn (`shopassist ask --json`, the HTTP API's final event)."""

    session_id: str
    reply: str
    intent: RouteName
    constraints: Constraints
    products: list[ProductOut] = Field(default_factory=list)
    faq: list[FaqOut] = Field(default_factory=list)
    alternatives: list[ProductOut] = Field(default_factory=list, description="Nearest relaxation when nothing matches: NOT matches.")
    relaxation: str | None = None
    offered_budget: float | None = Field(default=None, description="The budget the alternatives fit within, when a relaxation raised it.")
    handoff: bool = False
    unknown_values: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    llm_used: dict[str, bool] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


class Delta(BaseModel):
    """`event: delta`: the next piece of the reply text."""

    type: Literal["delta"] = "delta"
    text: str


class Products(BaseModel):
    """`event: products`: the products of this turn, as soon as they are decided (before the
    reply text about them has finished streaming)."""

    type: Literal["products"] = "products"
    products: list[ProductOut]
    alternatives: bool = Field(default=False, description="True: a relaxation's alternatives, NOT matches.")


class Final(BaseModel):
    """`event: final`: the whole turn."""

    type: Literal["final"] = "final"
    result: TurnResult


class TurnError(BaseModel):
    """`event: error`: the turn failed after the stream started."""

    type: Literal["error"] = "error"
    message: str


TurnEvent = Union[Delta, Products, Final, TurnError]
