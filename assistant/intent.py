"""Understanding a turn: which route it takes, and the search it implies.

`SearchIntent` is the standing search of a conversation: constraints persist across turns and
each message updates them ("under 2000", then "in black", then "cheaper ones", then "not Puma",
then "show me something else"). Rules and the catalog's own facet values (brands, colours,
sizes, categories) do what they can deterministically; an LLM may fill the rest, but every value
it proposes is validated against the facets, and values the shopper names that the catalog does
not have are reported, never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from retrieval.documents import key
from retrieval.schemas import SearchFilters

Route = Literal["product", "faq", "both", "smalltalk", "human"]
Sort = Literal["relevance", "price_asc", "price_desc", "rating"]


class SearchIntent(BaseModel):
    """The standing search: free text plus hard constraints."""

    text: str = ""
    category: str | None = None
    brands: list[str] = Field(default_factory=list)
    exclude_brands: list[str] = Field(default_factory=list)
    colors: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    min_price: float | None = Field(default=None, ge=0)
    max_price: float | None = Field(default=None, ge=0)
    min_rating: float | None = Field(default=None, ge=0, le=5)
    in_stock_only: bool = False
    sort: Sort = "relevance"

    def filters(self) -> SearchFilters:
        return SearchFilters(
            kind="product",
            min_price=self.min_price,
            max_price=self.max_price,
            brands=self.brands,
            exclude_brands=self.exclude_brands,
            categories=[self.category] if self.category else [],
            colors=self.colors,
            sizes=self.sizes,
            min_rating=self.min_rating,
            in_stock_only=self.in_stock_only,
        )

    def describe(self) -> str:
        """Short human phrase of the constraints, for replies ("under $100, black, not Veloxa")."""
        parts = []
        if self.category:
            parts.append(self.category)
        if self.brands:
            parts.append("by " + " or ".join(self.brands))
        if self.colors:
            parts.append(" or ".join(self.colors))
        if self.sizes:
            parts.append("size " + "/".join(self.sizes))
        if self.min_price is not None and self.max_price is not None:
            parts.append(f"between {self.min_price:g} and {self.max_price:g}")
        elif self.max_price is not None:
            parts.append(f"under {self.max_price:g}")
        elif self.min_price is not None:
            parts.append(f"over {self.min_price:g}")
        if self.min_rating is not None:
            parts.append(f"rated {self.min_rating:g}+")
        if self.exclude_brands:
            parts.append("not " + ", ".join(self.exclude_brands))
        if self.in_stock_only:
            parts.append("in stock")
        return ", ".join(parts)


class IntentUpdate(BaseModel):
    """What the LLM may propose for one message (all optional); validated before use."""

    route: Route | None = None
    category: str | None = None
    brands: list[str] = Field(default_factory=list)
    exclude_brands: list[str] = Field(default_factory=list)
    colors: list[str] = Field(default_factory=list)
    sizes: list[str] = Field(default_factory=list)
    min_price: float | None = None
    max_price: float | None = None
    query: str | None = Field(default=None, description="standalone search text")


@dataclass
class Facets:
    """The catalog's own vocabulary, as lower-case keys mapped to display values."""

    brands: dict[str, str] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_products(cls, products) -> "Facets":
        facets = cls()
        for p in products:
            if p.brand:
                facets.brands.setdefault(key(p.brand), p.brand)
            if p.color:
                facets.colors.setdefault(key(p.color), p.color)
            for s in p.sizes:
                facets.sizes.setdefault(key(s), s)
            for c in p.category:
                facets.categories.setdefault(key(c), c)
        return facets


@dataclass
class Understanding:
    route: Route
    intent: SearchIntent
    reset: bool = False
    more: bool = False  # "show me something else": same search, new items
    cheaper: bool = False
    pricier: bool = False
    refers_to_shown: bool = False
    unknown: list[str] = field(default_factory=list)
    used_llm: bool = False
    notes: list[str] = field(default_factory=list)


# --- rules -------------------------------------------------------------------------------------

_NUM = r"(?:[$₹€£]\s*)?(\d[\d,]*(?:\.\d+)?)\s*(k\b)?(?:\s*(?:dollars|usd|rs\.?|rupees|inr|bucks|euros?))?"
_MAX_PRICE = re.compile(rf"\b(?:under|below|less than|cheaper than|at most|max(?:imum)?|up to|upto|within|no more than|budget(?: of| is)?|<)\s*{_NUM}", re.I)
_MIN_PRICE = re.compile(rf"\b(?:over|above|more than|at least|min(?:imum)?|starting at|from|>)\s*{_NUM}", re.I)
_BETWEEN = re.compile(rf"\bbetween\s*{_NUM}\s*(?:and|to|-)\s*{_NUM}", re.I)
_RANGE = re.compile(rf"{_NUM}\s*(?:-|to)\s*{_NUM}", re.I)
_AROUND = re.compile(rf"\b(?:around|about|roughly|approximately)\s*{_NUM}", re.I)
_RATING = re.compile(r"\b(?:rated|rating|at least|minimum|min|above|over)?\s*(\d(?:\.\d)?)\s*(?:\+|stars?|star and up|stars and up|and up)", re.I)
_NEGATION = r"(?:not|no|without|except|excluding|other than|anything but|avoid|don'?t (?:want|like)|hate|never)"
_HUMAN = re.compile(r"\b(?:human|real person|agent|representative|someone from (?:support|customer service)|talk to (?:a |some)?(?:person|someone)|speak to (?:a |some)?(?:person|someone)|live (?:chat|support)|call me)\b", re.I)
# Small talk: a short message made only of greeting / thanks / pleasantry words ("hi there",
# "hello, how are you?", "thanks a lot", "ok great, bye"); one other word and it is not.
_SMALLTALK_WORDS = frozenset(
    "hi hello hey heya hiya yo there all everyone folks again good morning afternoon evening day thanks thank "
    "you so much a lot very ok okay cool great nice awesome perfect lovely cheers bye goodbye see later soon "
    "how are who what can do doing".split()
)
_SMALLTALK_PHRASE = re.compile(r"^(?:hi|hello|hey|heya|hiya|yo|good|thanks?|ok|okay|cool|great|nice|awesome|perfect|lovely|cheers|bye|goodbye|see|how|who|what)\b")
_MORE = re.compile(r"\b(?:something else|other options|others|more options|show (?:me )?more|anything else|different ones|next ones|more like (?:this|these))\b", re.I)
_CHEAPER = re.compile(r"\b(?:cheaper|less expensive|lower price|more affordable|too expensive|budget option)\b", re.I)
_PRICIER = re.compile(r"\b(?:more expensive|pricier|higher end|high-end|premium|fancier)\b", re.I)
_RESET = re.compile(r"\b(?:start over|new search|forget (?:that|it|everything)|reset|clear (?:filters|everything))\b", re.I)
_IN_STOCK = re.compile(r"\b(?:in stock|available now|ships now|available today)\b", re.I)
_SORT = [
    (re.compile(r"\b(?:cheapest|lowest price|least expensive)\b", re.I), "price_asc"),
    (re.compile(r"\b(?:most expensive|highest price)\b", re.I), "price_desc"),
    (re.compile(r"\b(?:best rated|top rated|highest rated|best reviewed|best reviews)\b", re.I), "rating"),
]
_REFERS = re.compile(r"\b(?:these|those|they|them|this one|that one|it|the first|the second|the third|the last one)\b", re.I)
_SHOPPING = re.compile(r"\b(?:looking for|look for|need|want|recommend|suggest|show me|find|buy|shopping for|gift|searching|search|any|do you (?:have|sell|carry)|options?|best)\b", re.I)
_FAQ_WORDS = re.compile(r"\b(?:ship|shipping|deliver|delivery|return|returns|refund|exchange|warranty|guarantee|payment|pay|paypal|card|order status|track|tracking|cancel|account|password|login|sign in|privacy|data|gift card|store hours|size guide|sizing chart|policy|coupon|discount code|promo)\b", re.I)
_SIZE = re.compile(r"\bsize\s*([a-z0-9.]+(?:\s*x?l)?)\b|\b(xxs|xs|xxl|xl)\b", re.I)
_NAMED_BRAND = re.compile(r"\b(?:from|by|brand|made by)\s+([A-Z][\w&'-]+)")
_SIZE_WORDS = {"small": "s", "medium": "m", "large": "l", "extra large": "xl", "extra small": "xs"}


def _amount(number: str, thousands: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * 1000 if thousands else value


def _plural_forms(word: str) -> set[str]:
    forms = {word}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    else:
        forms.add(word + "s")
        forms.add(word + "es")
    return forms


def _words_only(text: str) -> str:
    """Lower case, punctuation (but & and ') as spaces: the same folding for text and vocabulary."""
    return " ".join(re.sub(r"[^a-z0-9&' ]+", " ", text.lower()).split())


def find_terms(text: str, vocabulary: dict[str, str]) -> list[tuple[str, int]]:
    """Vocabulary keys present in text as whole words (plurals folded), with their position;
    longer names win over names they contain ("running shoes" over "shoes")."""
    # Char-for-char folding of the text keeps positions valid for the negation check.
    lowered = " " + re.sub(r"[^a-z0-9&' ]", " ", text.lower()) + " "
    found: list[tuple[str, int, int]] = []
    for term in sorted(vocabulary, key=len, reverse=True):
        if len(term) < 2:
            continue
        words = _words_only(term).split()  # "t-shirts" in the catalog meets "t-shirts" or "t shirts" in text
        variants = {" ".join(words[:-1] + [w]) for w in _plural_forms(words[-1])} if words else {term}
        for variant in variants:
            pos = lowered.find(f" {variant} ")
            if pos >= 0 and not any(s <= pos < e for _, s, e in found):
                found.append((term, pos, pos + len(variant) + 1))
                break
    return [(term, pos) for term, pos, _ in found]


def _negated(text: str, position: int) -> bool:
    window = text.lower()[max(0, position - 30) : position]
    return bool(re.search(_NEGATION + r"\s+(?:\w+\s+){0,2}$", window))


def _is_smalltalk(text: str) -> bool:
    words = re.findall(r"[a-z']+", text.lower())
    return 0 < len(words) <= 8 and all(w in _SMALLTALK_WORDS for w in words) and bool(_SMALLTALK_PHRASE.match(words[0]))


def apply_rules(message: str, current: SearchIntent, facets: Facets) -> Understanding:
    """Everything rules can tell about a message, applied on top of the standing intent."""
    text = message.strip()
    intent = current.model_copy(deep=True)
    u = Understanding(route="product", intent=intent)
    if _RESET.search(text):
        u.reset = True
        intent = SearchIntent()
        u.intent = intent
    product_signal = False

    # categories: a new category starts a new topic; size and colour belong to the old one
    cats = find_terms(text, facets.categories)
    if cats:
        category = facets.categories[cats[0][0]]
        if intent.category and key(intent.category) != key(category):
            intent.sizes, intent.colors, intent.brands = [], [], []
        intent.category = category
        product_signal = True

    for term, pos in find_terms(text, facets.brands):
        brand = facets.brands[term]
        if _negated(text, pos):
            intent.exclude_brands = _add(intent.exclude_brands, brand)
            intent.brands = [b for b in intent.brands if key(b) != term]
        else:
            intent.brands = _add(intent.brands, brand)
            intent.exclude_brands = [b for b in intent.exclude_brands if key(b) != term]
        product_signal = True

    for term, pos in find_terms(text, facets.colors):
        if _negated(text, pos):
            intent.colors = [c for c in intent.colors if key(c) != term]
        else:
            intent.colors = [facets.colors[term]]
        product_signal = True

    for match in _SIZE.finditer(text):
        raw = key(match.group(1) or match.group(2))
        size = facets.sizes.get(raw)
        if size:
            intent.sizes = [size]
        else:
            u.unknown.append(f"size {raw.upper()}")
        product_signal = True
    for word, size_key in _SIZE_WORDS.items():
        if re.search(rf"\b(?:in|size)\s+(?:a\s+)?{word}\b", text, re.I) and size_key in facets.sizes:
            intent.sizes = [facets.sizes[size_key]]
            product_signal = True

    between = _BETWEEN.search(text) or _RANGE.search(text)
    if between:
        low, high = _amount(between.group(1), between.group(2)), _amount(between.group(3), between.group(4))
        intent.min_price, intent.max_price = min(low, high), max(low, high)
        product_signal = True
    else:
        around = _AROUND.search(text)
        upper = _MAX_PRICE.search(text)
        lower = _MIN_PRICE.search(text)
        if around:
            value = _amount(around.group(1), around.group(2))
            intent.min_price, intent.max_price = round(value * 0.8, 2), round(value * 1.2, 2)
            product_signal = True
        if upper:
            intent.max_price = _amount(upper.group(1), upper.group(2))
            if intent.min_price is not None and intent.min_price > intent.max_price:
                intent.min_price = None
            product_signal = True
        if lower and not _RATING.search(text[lower.start():]):
            intent.min_price = _amount(lower.group(1), lower.group(2))
            if intent.max_price is not None and intent.max_price < intent.min_price:
                intent.max_price = None
            product_signal = True

    rating = _RATING.search(text)
    if rating and float(rating.group(1)) <= 5:
        intent.min_rating = float(rating.group(1))
        product_signal = True
    if _IN_STOCK.search(text):
        intent.in_stock_only = True
    for pattern, sort in _SORT:
        if pattern.search(text):
            intent.sort = sort  # type: ignore[assignment]
            product_signal = True
    for match in _NAMED_BRAND.finditer(message):
        name = match.group(1)
        lowered_name = key(name)
        if lowered_name not in facets.brands and lowered_name not in facets.categories and lowered_name not in facets.colors:
            u.unknown.append(f"brand {name}")
            product_signal = True
    u.more = bool(_MORE.search(text))
    u.cheaper = bool(_CHEAPER.search(text))
    u.pricier = bool(_PRICIER.search(text))
    u.refers_to_shown = bool(_REFERS.search(text))
    product_signal = product_signal or u.more or u.cheaper or u.pricier or bool(_SHOPPING.search(text))

    faq_words = bool(_FAQ_WORDS.search(text))
    if _HUMAN.search(text):
        u.route = "human"
    elif _is_smalltalk(text):
        u.route = "smalltalk"
    elif faq_words and (product_signal or u.refers_to_shown) and not _pure_faq(text):
        u.route = "both"
    elif faq_words:
        u.route = "faq"
    else:
        u.route = "product"
    u.notes.append("rules")
    return u


def _pure_faq(text: str) -> bool:
    """Policy questions that merely contain a shopping word ("do you ship to Canada?")."""
    return not re.search(r"\b(?:these|those|them|this one|that one|it)\b", text, re.I) and not re.search(
        r"\b(?:looking for|recommend|suggest|show me|find me)\b", text, re.I
    )


def _add(values: list[str], value: str) -> list[str]:
    return values if key(value) in {key(v) for v in values} else values + [value]


def merge_llm_update(u: Understanding, update: IntentUpdate, message: str, facets: Facets) -> None:
    """Take what the LLM proposed, but only what survives validation: facet values must exist in
    the catalog, and brands, colours, sizes and prices must be named in the message itself (a
    weak model's invention is dropped); values the shopper named that the catalog lacks are
    reported as unknown."""
    lowered = message.lower()
    u.used_llm = True
    intent = u.intent

    def named(value: str) -> bool:
        return key(value) in lowered

    for brand in update.brands:
        if not named(brand):
            continue
        if key(brand) in facets.brands:
            intent.brands = _add(intent.brands, facets.brands[key(brand)])
        elif f"brand {brand}" not in u.unknown:
            u.unknown.append(f"brand {brand}")
    for brand in update.exclude_brands:
        if named(brand) and key(brand) in facets.brands:
            intent.exclude_brands = _add(intent.exclude_brands, facets.brands[key(brand)])
    for color in update.colors:
        if not named(color):
            continue
        if key(color) in facets.colors:
            intent.colors = [facets.colors[key(color)]]
        else:
            u.unknown.append(f"colour {color}")
    for size in update.sizes:
        if named(size) and key(size) in facets.sizes and not intent.sizes:
            intent.sizes = [facets.sizes[key(size)]]
    if update.category and not intent.category:
        found = find_terms(update.category, facets.categories)
        if found:
            intent.category = facets.categories[found[0][0]]
    for bound in ("min_price", "max_price"):
        value = getattr(update, bound)
        if value is not None and getattr(intent, bound) is None and value >= 0 and re.search(rf"\b{int(value)}\b", lowered.replace(",", "")):
            setattr(intent, bound, float(value))
    if intent.min_price is not None and intent.max_price is not None and intent.min_price > intent.max_price:
        intent.min_price = None
