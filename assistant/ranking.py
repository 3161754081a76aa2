"""The LLM ranks and explains; code decides what is shown.

The model gets compact, token-budgeted cards and returns chosen ids with a one-sentence reason
each. Then every pick is checked: the id must be a candidate, not a duplicate, satisfy every hard
constraint, and its reason must not state a price, brand or colour that contradicts the catalog.
Invalid picks are dropped; the list is filled from the retrieval order with reasons built from
the attributes that matched. An LLM error or timeout takes the same fallback for the whole stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from retrieval.documents import key
from retrieval.filters import matches
from retrieval.schemas import Product

from .budget import TokenCounter, fit_cards, tiktoken_counter, truncate_to_tokens
from .intent import Facets, SearchIntent
from .llm import LLM, LLMError
from .prompts import as_data, load_prompt


class Pick(BaseModel):
    id: str
    reason: str = Field(default="", max_length=400)


class RankAnswer(BaseModel):
    picks: list[Pick] = Field(default_factory=list)


def rank_schema(candidate_ids: list[str], n: int) -> dict:
    """JSON schema for constrained decoding: ids can only be candidates."""
    return {
        "type": "object",
        "properties": {
            "picks": {
                "type": "array",
                "minItems": 1,
                "maxItems": n,
                "items": {
                    "type": "object",
                    "properties": {"id": {"type": "string", "enum": candidate_ids}, "reason": {"type": "string", "maxLength": 120}},
                    "required": ["id", "reason"],
                },
            }
        },
        "required": ["picks"],
    }


@dataclass
class RankedProduct:
    product: Product
    reason: str
    reason_source: str  # "llm" or "template"


@dataclass
class RankResult:
    picks: list[RankedProduct]
    used_llm: bool
    problems: list[str] = field(default_factory=list)


def card(product: Product, count: TokenCounter = tiktoken_counter, description_tokens: int = 30) -> str:
    parts = [f"[{product.id}] {as_data(product.title, 200)}"]
    if product.brand:
        parts.append(f"brand {as_data(product.brand, 60)}")
    if product.category:
        parts.append("category " + " > ".join(product.category[-2:]))
    if product.color:
        parts.append(f"color {product.color}")
    if product.sizes:
        parts.append("sizes " + ",".join(product.sizes[:8]))
    if product.price is not None:
        parts.append(f"price {product.price:.2f} {product.currency}")
    if product.rating is not None:
        parts.append(f"rating {product.rating:g}" + (f" ({product.rating_count} reviews)" if product.rating_count else ""))
    if not product.in_stock:
        parts.append("out of stock")
    if product.description and description_tokens > 0:
        parts.append(truncate_to_tokens(as_data(product.description, 600), description_tokens, count))
    return " | ".join(parts)


_MONEY = re.compile(r"(?:[$₹€£]\s*|\b(?:usd|inr|rs\.?)\s*)(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(?:dollars|usd|inr|rupees|bucks)\b", re.I)


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def reason_problem(reason: str, product: Product, facets: Facets) -> str | None:
    """Why a reason is unusable (too thin, garbled, or contradicting the catalog), or None."""
    words = _WORD.findall(reason)
    if len(words) < 4:
        return "too short to explain anything"
    letters = sum(c.isalpha() for c in reason)
    if letters < 0.6 * len(reason.replace(" ", "")) or re.search(r"(.{1,4})\1{4,}", reason):
        return "garbled text"
    if len({w.lower() for w in words}) < 0.5 * len(words):
        return "repetitive text"
    for match in _MONEY.finditer(reason):
        value = float((match.group(1) or match.group(2)).replace(",", ""))
        if product.price is None or abs(value - product.price) > 0.01:
            return f"states price {value:g}, catalog says {product.price}"
    words = re.sub(r"[^\w&-]+", " ", reason)
    lowered = f" {key(words)} "
    for brand_key, brand in facets.brands.items():
        if f" {brand_key} " in lowered and brand_key != key(product.brand or "") and brand_key not in key(product.title):
            return f"names brand {brand}, product is {product.brand}"
    for color_key, color in facets.colors.items():
        if f" {color_key} " in lowered and color_key != key(product.color or "") and color_key not in key(product.title):
            own = key(product.color or "")
            if color_key not in own:
                return f"names colour {color}, product is {product.color}"
    return None


def template_reason(product: Product, intent: SearchIntent) -> str:
    """A reason from the attributes that matched the request: honest and never wrong."""
    bits = []
    if intent.category and any(key(intent.category) == key(c) for c in product.category):
        bits.append(product.category[-1].lower() if product.category else intent.category)
    if intent.colors and product.color:
        bits.append(f"in {product.color.lower()}")
    if intent.brands and product.brand:
        bits.append(f"by {product.brand}")
    if intent.sizes:
        have = [s for s in product.sizes if key(s) in {key(x) for x in intent.sizes}]
        if have:
            bits.append(f"available in size {have[0]}")
    if intent.max_price is not None and product.price is not None:
        bits.append(f"within your {intent.max_price:g} budget")
    if product.rating is not None and product.rating >= 4.0:
        bits.append(f"rated {product.rating:g}/5" + (f" by {product.rating_count:,} shoppers" if product.rating_count else ""))
    if not bits:
        first = (product.description.split(".")[0].strip() if product.description else "") or product.title
        return truncate_to_tokens(first, 30) + ("." if not first.endswith(".") else "")
    return "Matches: " + ", ".join(bits) + "."


_PICK = re.compile(r'\{\s*"id"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"reason"\s*:\s*"((?:[^"\\]|\\.)*)"\s*\}')


def salvage_picks(raw_text: str) -> RankAnswer:
    """The complete picks of a JSON answer cut short (token limit): each still goes through
    the same validation as any other pick."""
    import json

    picks = []
    for match in _PICK.finditer(raw_text or ""):
        try:
            picks.append(Pick(id=json.loads(f'"{match.group(1)}"'), reason=json.loads(f'"{match.group(2)}"')))
        except ValueError:
            continue
    return RankAnswer(picks=picks)


def rank_and_explain(
    llm: LLM | None,
    candidates: list[Product],
    intent: SearchIntent,
    request: str,
    facets: Facets,
    *,
    n: int = 5,
    llm_picks: int | None = None,
    card_budget: int = 900,
    max_cards: int = 8,
    description_tokens: int = 30,
    preferences: str = "none stated",
    count: TokenCounter = tiktoken_counter,
) -> RankResult:
    by_id = {p.id: p for p in candidates}
    filters = intent.filters()
    problems: list[str] = []
    chosen: list[RankedProduct] = []
    used_llm = False
    if llm is not None and candidates:
        picks_wanted = min(llm_picks or n, n)
        cards = fit_cards([card(p, count, description_tokens) for p in candidates[:max_cards]], card_budget, count)
        shown_ids = [p.id for p in candidates[: len(cards)]]
        prompt = load_prompt("rank")
        messages = prompt.messages(request=as_data(request, 500), constraints=intent.describe() or "none",
                                   preferences=preferences, cards="\n".join(cards), n=str(picks_wanted))
        try:
            answer = llm.structured(messages, RankAnswer, max_tokens=45 * picks_wanted, schema=rank_schema(shown_ids, picks_wanted))
            used_llm = True
        except LLMError as exc:
            answer = salvage_picks(exc.raw_text)
            problems.append(f"LLM rank failed: {exc}" + (f" (salvaged {len(answer.picks)} complete picks)" if answer.picks else ""))
        seen: set[str] = set()
        for pick in answer.picks:
            product = by_id.get(pick.id)
            if product is None:
                problems.append(f"unknown id {pick.id!r}")
                continue
            if pick.id in seen:
                problems.append(f"duplicate id {pick.id!r}")
                continue
            if not matches(filters, _meta(product)):
                problems.append(f"{pick.id} violates the constraints")
                continue
            seen.add(pick.id)
            problem = reason_problem(pick.reason, product, facets)
            if problem:
                problems.append(f"{pick.id}: reason replaced ({problem})")
                chosen.append(RankedProduct(product, template_reason(product, intent), "template"))
            else:
                chosen.append(RankedProduct(product, pick.reason.strip(), "llm"))
            if len(chosen) >= n:
                break
    picked = {c.product.id for c in chosen}
    for product in candidates:
        if len(chosen) >= n:
            break
        if product.id not in picked and matches(filters, _meta(product)):
            chosen.append(RankedProduct(product, template_reason(product, intent), "template"))
            picked.add(product.id)
    return RankResult(chosen, used_llm, problems)


def _meta(product: Product) -> dict:
    """The product in the index's metadata shape, so the same `matches` predicate checks it."""
    from retrieval.documents import product_record

    return product_record(product, "").metadata
