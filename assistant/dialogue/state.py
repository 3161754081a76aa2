"""The dialogue state: what the shopper has asked for so far, where each part came from, and
what they were shown; and the named operations that change it.

Every change to the standing search is one `Operation` (add, replace, remove, exclude, relax,
reset, new subject, refer, more, similar, compare, restate, cheaper, pricier, sort), applied by
`apply_operations`, which validates each against the catalog's facets. Rules and the LLM both
propose operations; neither touches the state directly, so the same checks hold for both.
"""

from __future__ import annotations

import math
from typing import Literal, get_args

from pydantic import BaseModel, Field

from retrieval.documents import key
from retrieval.facets import FacetName, Facets
from retrieval.schemas import SearchFilters

Route = Literal["product", "faq", "both", "smalltalk", "human", "detail", "compare", "recommend"]
Sort = Literal["relevance", "price_asc", "price_desc", "rating"]
_SORTS: dict[str, Sort] = {name: name for name in get_args(Sort)}
BoundName = Literal["max_price", "min_price", "min_rating"]
OpName = Literal[
    "add", "replace", "remove", "exclude", "relax", "reset", "new_subject", "refer", "more", "similar", "compare",
    "restate", "cheaper", "pricier", "sort", "in_stock", "refine", "recommend",
]
# What follows the shopper to a new subject: who it is for and what they never want.
DURABLE: frozenset[str] = frozenset({"audience"})


class Source(BaseModel):
    """Where a part of the state came from: the turn and the shopper's own words."""

    turn: int
    words: str = ""
    by: Literal["rules", "llm", "shown", "accepted"] = "rules"


class Constraint(BaseModel):
    facet: FacetName
    value: str = Field(description="The catalog's display value (brand, colour, type...) or an audience.")
    exclude: bool = False
    source: Source


class Bound(BaseModel):
    value: float = Field(allow_inf_nan=False, ge=0)
    source: Source


class ShownItem(BaseModel):
    """A product as the shopper saw it, so "the second one" and "cheaper than that" resolve."""

    id: str
    title: str
    price: float | None = None
    brand: str | None = None
    color: str | None = None
    product_type: str | None = None


class Operation(BaseModel):
    """One named change to the state. `facet` says what it is about (a facet, a price bound,
    or none); `value` is a facet value, an amount, or for references a shown item's position
    (1-based; -1 the last)."""

    op: OpName
    facet: FacetName | BoundName | None = None
    value: str | float | None = None
    values: list[int] = Field(default_factory=list, description="Positions of shown items (compare).")
    words: str = ""


class Constraints(BaseModel):
    """The standing search as the outside sees it: `TurnResult.constraints`, the API's final
    event, `ask --json`. Flat lists per facet; `filters()` gives the hard filters."""

    text: str = ""
    category: str | None = Field(default=None, description="The first of `categories`.")
    categories: list[str] = Field(default_factory=list)
    types: list[str] = Field(default_factory=list)
    audiences: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)
    colors: list[str] = Field(default_factory=list)
    materials: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    exclude_brands: list[str] = Field(default_factory=list)
    exclude_colors: list[str] = Field(default_factory=list)
    exclude_materials: list[str] = Field(default_factory=list)
    exclude_types: list[str] = Field(default_factory=list)
    exclude_categories: list[str] = Field(default_factory=list)
    min_price: float | None = None
    max_price: float | None = None
    min_rating: float | None = None
    in_stock_only: bool = False
    sort: Sort = "relevance"

    def filters(self) -> SearchFilters:
        """The hard filters. A wanted material ranks rather than filters (it is in the search
        text): most catalogs say what an item is made of only somewhere in its description, so
        a filter would drop items that are exactly what was asked for. An unwanted material
        filters out every item that states it."""
        return SearchFilters(
            kind="product", min_price=self.min_price, max_price=self.max_price, brands=self.brands,
            exclude_brands=self.exclude_brands, categories=self.categories, exclude_categories=self.exclude_categories,
            types=self.types, exclude_types=self.exclude_types, colors=self.colors, exclude_colors=self.exclude_colors,
            exclude_materials=self.exclude_materials, audiences=self.audiences, sizes=self.sizes,
            min_rating=self.min_rating, in_stock_only=self.in_stock_only,
        )

    def describe(self, money=None) -> str:
        """Short phrase of the constraints for replies ("Shorts, for girls, black, under ₹500,
        not Puma"); `money` formats amounts (default: plain numbers)."""
        money = money or (lambda amount: f"{amount:g}")
        parts: list[str] = list(self.categories) + list(self.types)
        if self.audiences:
            parts.append("for " + " or ".join(self.audiences))
        if self.brands:
            parts.append("by " + " or ".join(self.brands))
        for values in (self.colors, self.materials):
            if values:
                parts.append(" or ".join(values))
        if self.sizes:
            parts.append("size " + "/".join(self.sizes))
        if self.min_price is not None and self.max_price is not None:
            parts.append(f"between {money(self.min_price)} and {money(self.max_price)}")
        elif self.max_price is not None:
            parts.append(f"under {money(self.max_price)}")
        elif self.min_price is not None:
            parts.append(f"over {money(self.min_price)}")
        if self.min_rating is not None:
            parts.append(f"rated {self.min_rating:g}+")
        excluded = (self.exclude_brands + self.exclude_colors + self.exclude_materials + self.exclude_types
                    + self.exclude_categories)
        if excluded:
            parts.append("not " + ", ".join(excluded))
        if self.in_stock_only:
            parts.append("in stock")
        return ", ".join(parts)


class DialogueState(BaseModel):
    """The standing search of one conversation, and what it has shown."""

    turn: int = 0
    subject: str = Field(default="", description="What is being looked for, in the shopper's words.")
    subject_turn: int = 0
    query: str = Field(default="", description="The standalone search text.")
    constraints: list[Constraint] = Field(default_factory=list)
    max_price: Bound | None = None
    min_price: Bound | None = None
    min_rating: Bound | None = None
    in_stock_only: bool = False
    sort: Sort = "relevance"
    shown: list[ShownItem] = Field(default_factory=list, description="The last reply's products, in order.")
    seen: list[str] = Field(default_factory=list, description="Every product shown for the current subject.")
    focus: str | None = Field(default=None, description="The shown product the shopper last referred to.")
    similar_to: str | None = Field(default=None, description="Search around this product (\"more like the first\").")
    relaxed: list[str] = Field(default_factory=list, description="Constraints the last reply had to relax to show anything.")
    last_route: Route | None = None

    # --- reading it -------------------------------------------------------------------------

    def values(self, facet: str, exclude: bool = False) -> list[str]:
        return [c.value for c in self.constraints if c.facet == facet and c.exclude == exclude]

    def has(self, facet: str, value: str, exclude: bool | None = None) -> bool:
        return any(c.facet == facet and key(c.value) == key(value) and (exclude is None or c.exclude == exclude)
                   for c in self.constraints)

    def public(self) -> Constraints:
        v = self.values
        return Constraints(
            text=self.search_text(), category=next(iter(v("category")), None), categories=v("category"), types=v("type"),
            audiences=v("audience"), brands=v("brand"), colors=v("color"), materials=v("material"), sizes=v("size"),
            exclude_brands=v("brand", True), exclude_colors=v("color", True), exclude_materials=v("material", True),
            exclude_types=v("type", True), exclude_categories=v("category", True),
            min_price=self.min_price.value if self.min_price else None,
            max_price=self.max_price.value if self.max_price else None,
            min_rating=self.min_rating.value if self.min_rating else None, in_stock_only=self.in_stock_only, sort=self.sort,
        )

    def filters(self) -> SearchFilters:
        """The hard filters every product shown must satisfy."""
        return self.public().filters()

    def describe(self, money=None) -> str:
        return self.public().describe(money)

    def search_text(self) -> str:
        """What to search for: the standing query plus the included values filters cannot
        rank by (colour and type words help the dense side find the right items first)."""
        extra = [c.value for c in self.constraints if not c.exclude and c.facet in ("type", "category", "color", "material")]
        parts = [self.query] + [e for e in extra if key(e) not in key(self.query)]
        return " ".join(p for p in parts if p).strip()

    def shown_at(self, position: int) -> ShownItem | None:
        if not self.shown:
            return None
        index = position - 1 if position > 0 else len(self.shown) + position
        return self.shown[index] if 0 <= index < len(self.shown) else None

    def same_search(self, other: "DialogueState") -> bool:
        """Whether two states ask for the same products (a restated request)."""
        def sig(s: DialogueState):
            return (sorted((c.facet, key(c.value), c.exclude) for c in s.constraints),
                    s.max_price.value if s.max_price else None, s.min_price.value if s.min_price else None,
                    s.min_rating.value if s.min_rating else None, s.in_stock_only, s.sort)
        return sig(self) == sig(other)


def nice_below(amount: float) -> float:
    """A round budget just under `amount` (97.78 → 95, 1,499 → 1,400, 45.5 → 44): derived
    budgets read like something a person would say."""
    if amount <= 1:
        return round(amount * 0.9, 2)
    magnitude = 10 ** math.floor(math.log10(amount))
    step = next(s * magnitude / 10 for s in (5, 2, 1) if amount / (s * magnitude / 10) >= 10)
    value = math.floor((amount - 1e-9) / step) * step
    return float(value if value > 0 else round(amount * 0.9, 2))


def nice_above(amount: float) -> float:
    magnitude = 10 ** math.floor(math.log10(max(amount, 1)))
    step = next(s * magnitude / 10 for s in (5, 2, 1) if max(amount, 1) / (s * magnitude / 10) >= 10)
    return float(math.floor(amount / step + 1) * step)


class Applied(BaseModel):
    """The outcome of applying operations: the new state, and notes on what was refused."""

    state: DialogueState
    notes: list[str] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)


def apply_operations(state: DialogueState, operations: list[Operation], facets: Facets, turn: int,
                     by: Literal["rules", "llm"] = "rules") -> Applied:
    """A new state with the operations applied in order; the input state is not changed. A
    facet value the catalog does not have is refused (and reported as unknown), never
    silently turned into a filter."""
    new = state.model_copy(deep=True)
    notes: list[str] = []
    unknown: list[str] = []
    for op in operations:
        problem = _apply_one(new, op, facets, turn, by)
        if problem:
            notes.append(problem)
            if problem.startswith("unknown "):
                unknown.append(problem.removeprefix("unknown "))
    return Applied(state=new, notes=notes, unknown=unknown)


def _apply_one(state: DialogueState, op: Operation, facets: Facets, turn: int, by: str) -> str | None:
    source = Source(turn=turn, words=op.words, by=by)
    if op.facet in ("max_price", "min_price", "min_rating") and op.op in ("add", "replace"):
        return _set_bound(state, op, source)
    if op.op in ("add", "replace", "exclude"):
        return _set_constraint(state, op, facets, source)
    if op.op == "remove":
        return _remove(state, op, facets)
    if op.op in ("reset", "new_subject"):
        keep = [c for c in state.constraints if c.exclude or c.facet in DURABLE] if op.op == "new_subject" else []
        fresh = DialogueState(turn=state.turn, shown=state.shown, constraints=keep,
                              in_stock_only=state.in_stock_only if op.op == "new_subject" else False)
        fresh.subject = str(op.value or "")
        fresh.query = fresh.subject
        fresh.subject_turn = turn
        for name in DialogueState.model_fields:
            setattr(state, name, getattr(fresh, name))
        return None
    if op.op in ("cheaper", "pricier"):
        return _price_step(state, op, source)
    if op.op == "relax":
        return _relax(state, op)
    if op.op in ("refer", "similar", "compare"):
        return _refer(state, op)
    if op.op == "more":
        return None  # the search stays; the agent skips what was seen
    if op.op == "recommend":
        return None  # answered from behaviour (assistant/recs); the standing search stays
    if op.op == "refine":
        words = [w for w in str(op.value or "").split() if w.lower() not in state.query.lower().split()]
        state.query = " ".join((state.query.split() + words)[-16:])
        return None
    if op.op == "restate":
        state.seen = []
        return None
    if op.op == "sort":
        sort = _SORTS.get(op.value) if isinstance(op.value, str) else None
        if sort is None:
            return f"unknown sort {op.value!r}"
        state.sort = sort
        return None
    if op.op == "in_stock":
        state.in_stock_only = bool(op.value if op.value is not None else True)
        return None
    return f"operation {op.op} not understood"


def _set_constraint(state: DialogueState, op: Operation, facets: Facets, source: Source) -> str | None:
    if op.facet not in ("type", "category", "brand", "color", "material", "audience", "size") or not op.value:
        return f"{op.op} needs a facet and a value"
    value = facets.canonical(op.facet, str(op.value))
    if value is None:
        return f"unknown {op.facet} {op.value}"
    exclude = op.op == "exclude"
    # The latest word wins: wanting a value drops its exclusion, excluding drops its inclusion.
    state.constraints = [c for c in state.constraints if not (c.facet == op.facet and key(c.value) == key(value))]
    if op.op == "replace":
        state.constraints = [c for c in state.constraints if not (c.facet == op.facet and not c.exclude)]
    state.constraints.append(Constraint(facet=op.facet, value=value, exclude=exclude, source=source))
    if op.facet in state.relaxed:
        state.relaxed.remove(op.facet)
    return None


def _remove(state: DialogueState, op: Operation, facets: Facets) -> str | None:
    if op.facet in ("max_price", "min_price", "min_rating"):
        setattr(state, op.facet, None)
        return None
    if op.facet == "price":
        state.max_price = state.min_price = None
        return None
    before = len(state.constraints)
    if op.value:
        # A named value is dropped whichever way it stood: wanted ("doesn't have to be Nike") or
        # excluded ("Nike is fine after all").
        wanted = key(facets.canonical(op.facet, str(op.value)) or str(op.value)) if op.facet else key(str(op.value))  # type: ignore[arg-type]
        state.constraints = [c for c in state.constraints
                             if not (key(c.value) == wanted and (op.facet is None or c.facet == op.facet))]
    elif op.facet:
        state.constraints = [c for c in state.constraints if not (c.facet == op.facet and not c.exclude)]
    return None if len(state.constraints) < before or op.facet else f"nothing to remove for {op.words!r}"


def _set_bound(state: DialogueState, op: Operation, source: Source) -> str | None:
    name = op.facet if op.facet in ("max_price", "min_price", "min_rating") else op.op
    try:
        value = float(op.value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return f"{name} needs a number, not {op.value!r}"
    if not math.isfinite(value) or value < 0 or (name == "min_rating" and value > 5):
        return f"{name} {value:g} is out of range"
    setattr(state, name, Bound(value=value, source=source))
    if name == "max_price" and state.min_price and state.min_price.value > value:
        state.min_price = None
    if name == "min_price" and state.max_price and state.max_price.value <= value:
        state.max_price = None  # "the kind that costs 1000 plus" under a ceiling of 1000: the floor moves past it
    if "price" in state.relaxed and name in ("max_price", "min_price"):
        state.relaxed.remove("price")
    return None


def _price_step(state: DialogueState, op: Operation, source: Source) -> str | None:
    """"cheaper" (than the shown items, or than the one referred to): a round budget under
    them; "pricier": a floor above them (above the middle of them, or the one referred to)."""
    referent = state.shown_at(int(op.value)) if isinstance(op.value, (int, float)) and op.value else None
    prices = [referent.price] if referent and referent.price is not None else [s.price for s in state.shown if s.price is not None]
    if not prices:
        if op.op == "cheaper":
            state.sort = "price_asc"
            return None
        state.sort = "price_desc"
        return None
    prices.sort()
    if op.op == "cheaper":
        anchor = prices[0] if referent else prices[len(prices) // 2]
        if state.max_price and state.max_price.value < anchor:
            anchor = state.max_price.value  # cheaper than what was asked for, too
        state.max_price = Bound(value=nice_below(anchor), source=source)
        if state.min_price and state.min_price.value > state.max_price.value:
            state.min_price = None
    else:
        # Like "cheaper", the middle of what was shown: "pricier ones" wants the dearer end of the
        # shopper's range, and a budget they stated still holds while the floor stays under it.
        anchor = prices[0] if referent else prices[len(prices) // 2]
        state.min_price = Bound(value=nice_above(anchor), source=source)
        if state.max_price and state.max_price.value <= state.min_price.value:
            state.max_price = None  # a floor at or past the ceiling: the shopper moved up
    return None


def _relax(state: DialogueState, op: Operation) -> str | None:
    """Drop what the shopper lets go of: a facet's constraints, the budget (or a named one),
    or what the last reply had to relax (the shopper went on from its alternatives)."""
    targets = [op.facet] if op.facet else list(state.relaxed)
    for facet in targets:
        if facet in ("price", "max_price"):
            if state.max_price:
                state.max_price = Bound(value=round(state.max_price.value * 1.25, 2), source=state.max_price.source)
            continue
        state.constraints = [c for c in state.constraints if not (c.facet == facet and not c.exclude)]
    state.relaxed = []
    return None


def _refer(state: DialogueState, op: Operation) -> str | None:
    positions = op.values or ([int(op.value)] if isinstance(op.value, (int, float)) else [])
    items = [state.shown_at(p) for p in positions]
    if not items or any(i is None for i in items):
        return f"no shown product at {positions or op.words!r}"
    state.focus = items[-1].id  # type: ignore[union-attr]
    if op.op == "similar":
        state.similar_to = items[0].id  # type: ignore[union-attr]
    return None
