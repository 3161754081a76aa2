"""The reply a shop assistant would write, grounded by construction.

One opening sentence says what was found and how the request was read, in the shopper's terms
and the catalog's currency ("Five running shoes under $100, none by Veloxa — the Runwright
Sprintra 5 is the best rated."). Each product then gets one specific reason built from true
facts of that item and of the request, comparative where that helps ("the lowest price here",
"₹300 less than the first", "the only one in leather", "same brand as the jacket you liked"),
varied in wording and never restating the title. Products are listed once: the text is the
summary, the cards (the turn's `products`) carry every product with its reason.

Every reason here is composed from catalog fields only, and still goes through the same fact
check as an LLM's (`assistant.ranking.reason_problem`); one that fails is replaced by a plainer
true one. An LLM reason that passed that check is kept when it says something the composer
could not (`reason_source == "llm"`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterable

from retrieval.attributes import MATERIALS
from retrieval.documents import key
from retrieval.facets import Facets
from retrieval.schemas import Product

from .dialogue import Constraints
from .formatting import money, plural

NUMBER_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine", 10: "Ten"}
# Features a shopper asks about by name; "the only waterproof one" is worth saying.
FEATURES = (
    "waterproof", "water-resistant", "water-repellent", "wireless", "bluetooth", "noise cancelling", "noise-cancelling",
    "fast charging", "foldable", "lightweight", "breathable", "insulated", "reflective", "non-stick", "dishwasher safe",
    "rechargeable", "adjustable", "organic", "vegan", "recycled", "machine washable", "stretch", "padded", "cordless",
    "portable", "quick-dry", "hooded", "slim fit", "regular fit", "anti-slip", "leak-proof", "bpa free", "microwave safe",
)


@dataclass
class Composed:
    opening: str
    reasons: dict[str, str] = field(default_factory=dict)  # product id -> reason
    sources: dict[str, str] = field(default_factory=dict)  # product id -> "composed" | "llm"


def _variant(options: list[str], *seed: str) -> str:
    """A stable choice among phrasings, different for different products and turns."""
    digest = hashlib.sha1("|".join(seed).encode()).digest()
    return options[digest[0] % len(options)]


def _things(constraints: Constraints, products: list[Product]) -> str:
    """What the products are, in the shopper's terms: the type or category asked for, else
    the type most of them share, else "options"."""
    for value in constraints.types + constraints.categories:
        return plural(value.lower())
    kinds = [p.product_type for p in products if p.product_type]
    if kinds and kinds.count(kinds[0]) * 2 > len(products):
        return plural(kinds[0].lower())
    return "options"


def _text(p: Product) -> str:
    return key(" ".join([p.title, p.description, " ".join(p.category)]))


def _features(p: Product) -> set[str]:
    text = f" {re.sub(r'[^a-z0-9 -]+', ' ', _text(p))} "
    return {f for f in FEATURES if f" {f} " in text} | {m for m in (p.materials or [])}


def _criteria(constraints: Constraints, currency: str) -> str:
    """How the request was read, as a phrase: "under $100, in black, none by Veloxa"."""
    parts = []
    if constraints.audiences:
        parts.append("for " + " or ".join(constraints.audiences))
    if constraints.colors:
        parts.append("in " + " or ".join(c.lower() for c in constraints.colors))
    if constraints.brands:
        parts.append("by " + " or ".join(constraints.brands))
    if constraints.sizes:
        parts.append("in size " + "/".join(constraints.sizes))
    low, high = constraints.min_price, constraints.max_price
    if low is not None and high is not None:
        parts.append(f"between {money(low, currency)} and {money(high, currency)}")
    elif high is not None:
        parts.append(f"under {money(high, currency)}")
    elif low is not None:
        parts.append(f"over {money(low, currency)}")
    if constraints.min_rating is not None:
        parts.append(f"rated {constraints.min_rating:g} or more")
    excluded = constraints.exclude_brands + constraints.exclude_colors + constraints.exclude_materials + constraints.exclude_types
    if excluded:
        parts.append("no " + " or ".join(excluded))
    return ", ".join(parts)


def opening_head(n: int, constraints: Constraints, products: list[Product], seed: str = "") -> str:
    """How many of what, read how ("Five running shoes under $100, no Veloxa"). Known before
    ranking, so it can be streamed at once."""
    currency = products[0].currency if products else "USD"
    count = NUMBER_WORDS.get(n, str(n))
    things = _things(constraints, products)
    criteria = _criteria(constraints, currency)
    if n == 1:  # "headphones", "jeans": no singular to trust, so no count noun
        return f"Just one match for {things}" + (f" {criteria}" if criteria else "")
    head = f"{count} {things}" + (f" {criteria}" if criteria else "")
    return _variant([head, f"I found {head[0].lower()}{head[1:]}", f"Here {'is' if n == 1 else 'are'} {head[0].lower()}{head[1:]}"],
                    seed, "head")


def opening_tail(products: list[Product], seed: str = "") -> str:
    """The standout among the picks, or just the full stop."""
    standout = _standout(products, seed)
    return f" — {standout}." if standout else "."


def opening(products: list[Product], constraints: Constraints, seed: str) -> str:
    return opening_head(len(products), constraints, products, seed) + opening_tail(products, seed)


def _standout(products: list[Product], seed: str) -> str:
    rated = [p for p in products if p.rating is not None and (p.rating_count or 0) >= 10]
    if len(products) >= 2 and rated:
        best = max(rated, key=lambda p: (p.rating, p.rating_count or 0))
        if sum(1 for p in rated if p.rating == best.rating) == 1:
            return _variant([f"the {_short(best)} is the best rated ({best.rating:g}/5)",
                             f"shoppers rate the {_short(best)} highest, {best.rating:g}/5"], seed, "standout")
    priced = [(p.price, p) for p in products if p.price is not None]
    if len(priced) >= 2:
        price, cheap = min(priced, key=lambda pair: pair[0])
        return f"the {_short(cheap)} is the least expensive at {money(price, cheap.currency)}"
    return ""


def _short(p: Product) -> str:
    """A product's name without its long tail ("Runwright Sprintra 5", not every feature)."""
    head = re.split(r"\s+[-–|(,]|\s+with\s+|\s+for\s+", p.title, maxsplit=1)[0]
    words = head.split()
    return " ".join(words[:6]) if len(words) > 6 else head


def _opening_words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", text.lower())[:3])


def reasons(products: list[Product], constraints: Constraints, facets: Facets, *, liked_brands: Iterable[str] = (),
            seed: str = "", check=None) -> dict[str, str]:
    """One true, specific reason per product, worded unlike the others of the reply (a kind of
    fact may come back, in other words). `check(reason, product)` returns a problem or None
    (assistant.ranking.reason_problem)."""
    liked = {key(b): b for b in liked_brands}
    out: dict[str, str] = {}
    starts: set[tuple[str, ...]] = set()
    kinds: dict[str, int] = {}
    for i, p in enumerate(products):
        options = list(_candidates(p, i, products, constraints, liked)) + list(_fallbacks(p, products, constraints, seed))
        chosen = None
        for kind, variants in options:
            if kinds.get(kind, 0) >= (2 if kind in ("only", "detail", "colour") else 4):
                continue
            fresh = [v for v in _as_list(variants) if _opening_words(v) not in starts and (check is None or check(v, p) is None)]
            if fresh:
                chosen = (kind, fresh[0])
                break
        if chosen is None:  # every true fact already said in these words: the price, in yet other words
            chosen = ("plain", f"It is {money(p.price, p.currency)} for this one." if p.price is not None else "Ask our team for its price today.")
        kinds[chosen[0]] = kinds.get(chosen[0], 0) + 1
        starts.add(_opening_words(chosen[1]))
        out[p.id] = chosen[1]
    return out


def _as_list(variants) -> list[str]:
    return [variants] if isinstance(variants, str) else list(variants)


def _kind_of(reason: str) -> str:
    """Which kind of fact a reason states, so a reply never says the same kind twice."""
    for marker, kind in (("lowest price", "cheapest"), ("least expensive", "cheapest"), ("best rated", "rating"),
                         ("rated", "rating"), ("less than the first", "cheaper"), ("only one", "only"), ("down from", "deal"),
                         ("same brand", "liked"), ("reviews", "reviews"), ("ratings", "reviews")):
        if marker in reason:
            return kind
    return reason[:12]


def _candidates(p: Product, i: int, products: list[Product], constraints: Constraints, liked: dict[str, str]):
    """Comparative and personal facts, best first, each as (kind, sentence)."""
    currency = p.currency
    others = [q for q in products if q.id != p.id]
    priced = [q for q in products if q.price is not None]
    if p.brand and key(p.brand) in liked:
        yield "liked", f"Same brand as the {liked[key(p.brand)]} pieces you liked."
    if p.price is not None and len(priced) >= 3 and p.price < min(q.price for q in others if q.price is not None):
        yield "cheapest", [f"The lowest price here, {money(p.price, currency)}.", f"At {money(p.price, currency)}, the least expensive of these."]
    rated = [q for q in products if q.rating is not None and (q.rating_count or 0) >= 10]
    other_ratings = [q.rating for q in rated if q.id != p.id and q.rating is not None]
    if p.rating is not None and (p.rating_count or 0) >= 10 and len(rated) >= 2 and all(p.rating > r for r in other_ratings):
        yield "rating", [f"The best rated of these: {p.rating:g}/5 from {p.rating_count:,} shoppers.",
                         f"Shoppers rate it highest here, {p.rating:g}/5 ({p.rating_count:,} ratings)."]
    first = products[0]
    if i > 0 and p.price is not None and first.price is not None and first.price - p.price >= max(1.0, 0.05 * first.price):
        yield "cheaper", [f"{money(first.price - p.price, currency)} less than the first one.",
                          f"Saves you {money(first.price - p.price, currency)} against the first."]
    mine = _features(p)
    title = key(p.title)
    asked = key(f"{constraints.text} {' '.join(constraints.materials)}")
    for feature in sorted(mine):
        if feature in title or feature in asked:
            continue  # the title says it already, or the shopper did
        if others and not any(feature in _features(q) for q in others):
            if feature in MATERIALS or feature in (p.materials or []):
                yield "only", [f"The only one here in {feature}.", f"Unlike the others, it is made of {feature}.",
                               f"Made of {feature}, which none of the others are."]
            else:
                yield "only", [f"The only {feature} one here.", f"Unlike the others, it is {feature}.",
                               f"It is {feature}, which none of the others are."]
            break
    deal = _deal(p)
    if deal:
        yield "deal", deal
    if p.rating_count and p.rating_count >= 1000 and len(others) and all((q.rating_count or 0) < p.rating_count for q in others):
        yield "reviews", [f"The most reviewed here, with {p.rating_count:,} ratings.", f"{p.rating_count:,} ratings, more than any other here."]


def _deal(p: Product) -> str | None:
    """A discount the structured fields state (Amazon.in's actual price and discount)."""
    from .ranking import _number  # the same reading of catalog numbers as the fact check

    actual = _number(p.extra.get("actual_price", "")) if p.extra else None
    if actual and p.price is not None and actual > p.price * 1.05:
        share = p.extra.get("discount_percentage", "").strip()
        return f"Down from {money(actual, p.currency)}" + (f" ({share} off)." if share.endswith("%") else ".")
    return None


_DETAIL = re.compile(r"\b(?:with|featuring|has|offers|comes with)\s+(?:an?\s+|its\s+|two\s+)?([a-z0-9][a-z0-9 -]{5,48}?)(?=[,.;:]|\s+(?:and|that|which|so|for)\s|$)", re.I)


def _detail(p: Product) -> str | None:
    """A concrete detail the description gives and the title does not ("a responsive foam
    midsole")."""
    title = set(re.findall(r"[a-z]+", p.title.lower())) | set(re.findall(r"[a-z]+", (p.brand or "").lower()))
    for m in _DETAIL.finditer(p.description[:600]):
        phrase = m.group(1).strip()
        if re.search(r"\b(?:this|these|that|those|it|pair of|by|our|you|your)\b", phrase, re.I):
            continue  # points back at the product or the reader, says nothing about it
        words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in ("a", "an", "the", "its", "from")]
        title_singular = {w.rstrip("s") for w in title}
        fresh = [w for w in words if w not in title and w.rstrip("s") not in title_singular]
        if len(fresh) >= 2 and len(fresh) >= 0.6 * len(words):
            return phrase
    return None


def _fallbacks(p: Product, products: list[Product], constraints: Constraints, seed: str):
    """Plain true facts when nothing comparative holds, the item's own before the shared."""
    others = [q for q in products if q.id != p.id]
    detail = _detail(p)
    if detail:
        yield "detail", [f"Comes with {detail}.", f"It has {detail}.", f"Notable: {detail}."]
    if p.rating is not None and p.rating_count:
        yield "rating", [f"Rated {p.rating:g}/5 by {p.rating_count:,} shoppers.", f"{p.rating_count:,} shoppers give it {p.rating:g}/5."]
    feature = next(iter(sorted(_features(p))), None)
    if feature:
        yield f"feature-{feature}", _variant([f"Made in {feature}." if feature in MATERIALS else f"It is {feature}.",
                                              f"A {feature} pick." if feature not in MATERIALS else f"In {feature}."], p.id, seed)
    matched = []
    if constraints.colors and p.color:
        matched.append(p.color.lower())
    if constraints.brands and p.brand:
        matched.append(f"by {p.brand}")
    if constraints.max_price is not None and p.price is not None:
        matched.append(f"{money(constraints.max_price - p.price, p.currency)} under your budget")
    if matched:
        yield "match", "Fits: " + ", ".join(matched) + "."
    if p.sizes and all(set(q.sizes) != set(p.sizes) for q in others):
        yield "sizes", [f"Comes in sizes {', '.join(p.sizes[:6])}.", f"Sizes {', '.join(p.sizes[:6])}."]
    if p.color and not constraints.colors and any(key(q.color or "") != key(p.color) for q in others) and key(p.color) not in key(p.title):
        yield "colour", [f"This one comes in {p.color.lower()}.", f"Finished in {p.color.lower()}."]
    if p.price is not None:
        amount = money(p.price, p.currency)
        yield "price", ([f"It is in stock now for {amount}.", f"Available now, priced at {amount}.",
                         f"You can order it now for {amount}.", f"Ready to order today at {amount}."]
                        if p.in_stock else [f"Out of stock right now; it sells for {amount}.", f"Currently out of stock, usually {amount}."])


def compose(products: list[Product], llm_reasons: dict[str, str], constraints: Constraints, facets: Facets, *,
            liked_brands: Iterable[str] = (), seed: str = "", check=None, prefer_llm: bool = False) -> Composed:
    """The opening and one reason per product. An LLM reason (already through the fact check)
    replaces the composed one when `prefer_llm` (backends that write well), or when the
    composer has only a plain fact for that product."""
    if not products:
        return Composed(opening="")
    composed = reasons(products, constraints, facets, liked_brands=liked_brands, seed=seed, check=check)
    out = Composed(opening=opening(products, constraints, seed))
    for p in products:
        mine = composed[p.id]
        llm = llm_reasons.get(p.id)
        plain = _kind_of(mine) in ("rating", "match", "price") or mine.startswith(("Rated", "Fits", "At ", "Comes with", "It has", "Notable"))
        if llm and (plain or prefer_llm):
            out.reasons[p.id], out.sources[p.id] = llm, "llm"
        else:
            out.reasons[p.id], out.sources[p.id] = mine, "composed"
    return out
