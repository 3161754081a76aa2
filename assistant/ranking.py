"""The LLM ranks and explains; code decides what is shown.

The model gets compact, token-budgeted cards (every catalog string fenced as data, on one line)
and returns chosen ids with a one-sentence reason each. Then every pick is checked: the id must
be a candidate, not a duplicate, satisfy every hard constraint, and its reason must say only what
the catalog says about that item (`reason_problem`: prices and deals from structured fields only,
comparisons true among the candidates, numbers, names and attributes found in the item's own
text, no markup or instruction-like text, not a restatement of the title). A rejected reason is
replaced by the template reason; invalid picks are dropped; the list is filled from the retrieval
order with reasons built from the attributes that matched. An LLM error or timeout takes the same
fallback for the whole stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from retrieval.documents import key
from retrieval.facets import Facets
from retrieval.filters import matches
from retrieval.schemas import Product

from .budget import TokenCounter, fit_cards, tiktoken_counter, truncate_to_tokens
from .dialogue import Constraints
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


def _field(text: str, max_chars: int) -> str:
    """A catalog string for a card: fenced as data (no fence tags), on one line (a newline in a
    title cannot start a fake card or a fake prompt section), and no `|` (the field separator)."""
    return " ".join(as_data(str(text), max_chars * 2).replace("|", "/").split())[:max_chars]


def card(product: Product, count: TokenCounter = tiktoken_counter, description_tokens: int = 30) -> str:
    """One candidate as a line of the rank prompt. Every catalog string goes through `_field`."""
    parts = [f"[{_field(product.id, 80)}] {_field(product.title, 200)}"]
    if product.brand:
        parts.append(f"brand {_field(product.brand, 60)}")
    if product.category:
        parts.append("category " + " > ".join(_field(c, 60) for c in product.category[-2:]))
    if product.color:
        parts.append(f"color {_field(product.color, 40)}")
    if product.sizes:
        parts.append("sizes " + ",".join(_field(s, 12) for s in product.sizes[:8]))
    if product.price is not None:
        parts.append(f"price {product.price:.2f} {_field(product.currency, 8)}")
    if product.rating is not None:
        parts.append(f"rating {product.rating:g}" + (f" ({product.rating_count} reviews)" if product.rating_count else ""))
    if not product.in_stock:
        parts.append("out of stock")
    if product.description and description_tokens > 0:
        parts.append(truncate_to_tokens(_field(product.description, 600), description_tokens, count))
    return " | ".join(parts)


# --- reason checks -----------------------------------------------------------------------------
#
# A reason is shown to the shopper beside catalog facts, so it may only say what the catalog says
# about *this* item. The checks below compare it with the item's own text (title, brand,
# category, colour, sizes, description, extra attributes) and structured fields (price, rating,
# review count, any discount or list-price field). Deals and prices are believed only from
# structured fields, never from free text: free text is where an injected "free today" lives.

_MONEY = re.compile(r"(?:[$₹€£]\s*|\b(?:usd|inr|eur|gbp|rs\.?)\s*)(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(?:dollars|usd|inr|eur|gbp|rupees|euros?|pounds|bucks)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")

# Normalised tokens: lower case, possessives and apostrophes dropped, hyphens and slashes split,
# a number glued to a unit split ("20mm" -> "20 mm"), a few spellings unified, plural -s dropped.
_UNITS = r"(?:mm|cm|m|km|g|kg|mg|ml|l|oz|lbs?|w|kw|mah|wh|gb|tb|mb|hz|khz|db|hrs?|h|mins?|in|ft|gsm|v)"
_GLUED_UNIT = re.compile(rf"(\d)({_UNITS})\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
_CANON = {
    "colour": "color", "colours": "color", "colors": "color", "coloured": "colored", "gray": "grey",
    "aluminum": "aluminium", "fibre": "fiber", "multicolour": "multicolor",
    "canceling": "cancel", "cancelling": "cancel", "cancellation": "cancel", "cancels": "cancel", "canceled": "cancel",
    "kids": "kid", "children": "kid", "child": "kid", "youth": "kid", "junior": "kid", "juniors": "kid",
    "women": "woman", "womens": "woman", "ladies": "woman", "lady": "woman",
    "men": "man", "mens": "man", "gents": "man", "babies": "baby", "toddlers": "toddler", "teens": "teen",
    "teenagers": "teen", "teenager": "teen", "boys": "boy", "girls": "girl", "professionals": "pro",
    "professional": "pro", "pros": "pro", "beginners": "beginner", "waterproofing": "waterproof",
    "nonstick": "non stick", "handcrafted": "handmade",
}


def _canon(token: str) -> str:
    token = _CANON.get(token, token)
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")) and not token[-2].isdigit():
        token = token[:-1]
    return token


def _tokens(text: str) -> list[str]:
    text = (text or "").lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text).replace("'", "")
    text = _GLUED_UNIT.sub(r"\1 \2", text)
    out: list[str] = []
    for raw in _TOKEN.findall(text):
        out.extend(_canon(raw).split())
    return out


def _phrase(text: str) -> str:
    return " ".join(_tokens(text))


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


_NEGATIVE_VALUE = re.compile(r"^\s*(?:no|none|false|n/?a|not\b.*|0|without\b.*)\s*$", re.I)
_DEAL_FIELD = re.compile(r"discount|sale|offer|deal|mrp|(?:actual|list|retail|original|regular|was|compare[_ ]?at)[_ ]?price", re.I)


@dataclass(frozen=True)
class _Item:
    """What the catalog says about one product, normalised for the checks."""

    text: str  # " tok tok ... " (padded): every token of the item's own text
    title: frozenset[str]
    lacks: frozenset[str]  # attributes an extra field says it does not have ("waterproof": "no")
    numbers: tuple[float, ...]
    discount_pct: float | None
    list_prices: tuple[float, ...]

    @classmethod
    def of(cls, product: Product) -> "_Item":
        parts = [product.title, product.brand or "", " ".join(product.category), product.color or "",
                 " ".join(product.sizes), product.description]
        lacks: set[str] = set()
        discount: float | None = None
        list_prices: list[float] = []
        for name, value in product.extra.items():
            label = name.replace("_", " ")
            if _NEGATIVE_VALUE.match(str(value)):
                lacks.add(_phrase(label))
                continue
            parts += [label, str(value)]
            if _DEAL_FIELD.search(name):
                amounts = [a for a in (_number(x) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", str(value))) if a is not None]
                if "%" in str(value) or "discount" in name.lower() or "percent" in name.lower():
                    discount = amounts[0] if amounts else discount
                else:
                    list_prices += amounts
        numbers = [n for n in (_number(x) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", " ".join(parts))) if n is not None]
        numbers += [x for x in (product.price, product.rating, product.rating_count) if x is not None]
        if discount is None and product.price and any(lp > product.price for lp in list_prices):
            discount = round(100 * (1 - product.price / max(list_prices)))
        if discount:
            numbers.append(discount)
        return cls(text=f" {' '.join(_tokens(' '.join(parts)))} ", title=frozenset(_tokens(product.title)),
                   lacks=frozenset(lacks), numbers=tuple(numbers), discount_pct=discount or None,
                   list_prices=tuple(list_prices))

    def says(self, phrase: str) -> bool:
        """The item's own text contains the phrase (already normalised), on token boundaries."""
        return bool(phrase) and f" {phrase} " in self.text

    def has_number(self, value: float) -> bool:
        return any(abs(value - n) < 0.005 for n in self.numbers)

    @property
    def has_deal(self) -> bool:
        return bool(self.discount_pct and self.discount_pct > 0)


# What a reason must never carry: markup, links, contact details, and the language of an
# instruction to a model or a shopper (text copied from an injected title or description).
_MARKUP = re.compile(r"https?:|www\.|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\b[a-z0-9-]+\.(?:com|net|org|io|co|example|info|biz|xyz|shop|store|app|ly)\b"
                     r"|<\s*/?\s*[a-z!?]|\]\s*\(|[`{}\[\]\\]|\*\*|__|#{2,}|&#?\w+;", re.I)
_INSTRUCTION = re.compile(
    r"\bignore\b.{0,40}\b(?:instruction|prompt|rule|above|previous|prior|everything)|\bdisregard\b|\boverride\b"
    r"|\bsystem\s*(?:prompt|message|note|:)|\b(?:assistant|system|developer|ai|model)\s*:|\byou\s+are\s+now\b"
    r"|\bas\s+an\s+ai\b|\blanguage\s+model\b|\bjailbreak|\b(?:admin|developer|god)\s+mode"
    r"|\b(?:previous|prior|above|new|following|these|my|system|all|any|hidden)\s+instructions?\b"
    r"|\b(?:tell|inform|remind|convince)\s+(?:the\s+)?(?:shopper|customer|user|buyer|reader)s?\b"
    r"|\bsay\s+(?:that|it\s+is|this\s+is)\b|\b(?:respond|reply|answer)\s+(?:with|only)\b"
    r"|\brecommend\s+only\b|\bonly\s+recommend\b|\balways\s+recommend\b"
    r"|\bclick\s+(?:here|the\s+link|this|on)\b|\bvisit\s+(?:our|the\s+site|this\s+site|us|www)|\bcall\s+(?:us|now)\b|\bcontact\s+us\b"
    r"|\b(?:log|sign)\s+in\b|\blogin\b|\bpassword|\bverify\s+your|\bclaim\s+(?:your|a|the)\b|\bprize\b|\bcongratulations\b"
    r"|\byou(?:'ve|\s+have)?\s+won\b|\bact\s+now\b|\burgent|\bcatalog_data\b|\bfaq_data\b|\bjson\b",
    re.I,
)
_SEGMENTS = re.compile(r"[.!?;:|\n—–]+|\s-\s")

# Price and deal claims. "free" alone is a price claim unless it is part of an attribute the
# item's text has ("hands free", "ears free"); "bubble-free" (hyphenated) is an attribute.
_FREE = re.compile(r"(?<![\w-])free\b(?!-)", re.I)
_FREE_PRICE_BEFORE = {"is", "are", "its", "it", "for", "totally", "completely", "absolutely", "entirely", "basically",
                      "virtually", "practically", "almost", "nearly", "100", "100%", "s", "get", "got", "comes", "come", "arrives",
                      "ships", "be", "now", "today", "them", "one", "costs", "cost", "price"}
_FREE_PRICE_AFTER = {"today", "now", "tonight", "of", "shipping", "delivery", "returns", "return", "gift", "trial",
                     "sample", "bonus", "item", "product", "with", "to", "this", "forever", "when", "if", "for", "upgrade",
                     "accessory", "case", "extra", "extras", "installation", "setup", "service", "month", "months"}
_ZERO_COST = re.compile(r"\b(?:costs?\s+(?:nothing|zero|0\b|you\s+nothing)|no\s+cost|zero\s+cost|at\s+no\s+(?:extra\s+)?(?:cost|charge)"
                        r"|no\s+charge|pay\s+nothing|nothing\s+to\s+pay|for\s+nothing|gratis|complimentary|on\s+the\s+house|won'?t\s+cost|without\s+paying"
                        r"|(?:zero|0)\s+(?:dollars|rupees|euros|pounds|bucks|usd|inr|eur|cost)|for\s+zero\b)", re.I)
_DEAL = re.compile(
    r"\b(?:half[\s-]*(?:price|off)|\d+(?:\.\d+)?\s*(?:%|percent)\s*off|discount\w*|on\s+sale|sale\s+price|big\s+sale|clearance"
    r"|marked\s+down|markdown|price\s+(?:drop|cut)|reduced\s+(?:price|to)|price\s+reduced|special\s+offer|limited[\s-]+(?:time|offer)"
    r"|(?:today|this\s+week|this\s+weekend)\s+only|deals?\b|bargain|coupon|promo\w*|voucher|bogo|buy\s+one\s+get|save\s+(?:up\s+to\s+)?[$₹€£\d]"
    r"|savings|you\s+save|save\s+(?:big|more|money)|a\s+steal\b|was\s+[$₹€£]?\d|originally\s+[$₹€£]?\d|lowest\s+price\s+ever"
    r"|\d+\s*(?:%|percent)\s+(?:cheaper|less)|lower\s+price\s+than|cheaper\s+than\s+(?:anywhere|elsewhere|other\s+(?:shops|stores|sellers)|rivals|competitors|the\s+competition|retail)"
    r"|unbeatable\s+price|price\s+match|beats?\s+any\s+price)",
    re.I,
)
_PCT_OFF = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent)\s*off", re.I)
_URGENCY = re.compile(r"\b(?:only\s+\w+\s+left|selling\s+(?:out|fast)|sold\s+out|last\s+chance|hurry|while\s+(?:stocks?|supplies)\s+last"
                      r"|ships?\s+(?:today|now|immediately|tomorrow|same[\s-]day|next[\s-]day|free|fast)|same[\s-]day|next[\s-]day|overnight\s+(?:delivery|shipping)"
                      r"|(?:fast|express|quick|speedy)\s+(?:delivery|shipping)|free\s+returns)\b", re.I)
_IN_STOCK = re.compile(r"\b(?:in\s+stock|available\s+now|ready\s+to\s+ship|available\s+today)\b", re.I)
_COMPARISONS = [  # (claim, what must be true of the item among the candidates)
    (re.compile(r"\b(?:cheapest|lowest[\s-]+(?:priced|price|cost)|least\s+expensive|most\s+(?:affordable|budget[\s-]friendly)|best\s+price)\b", re.I), "cheapest"),
    (re.compile(r"\b(?:cheaper|less\s+expensive|more\s+affordable|lower[\s-]+priced)\b", re.I), "cheaper"),
    (re.compile(r"\b(?:most\s+expensive|priciest|highest[\s-]+priced|dearest)\b", re.I), "priciest"),
    (re.compile(r"\b(?:highest[\s-]+rated|top[\s-]+rated|best[\s-]+rated|best[\s-]+reviewed|highest\s+rating|top\s+rating|best\s+rating)\b", re.I), "top rated"),
    (re.compile(r"\b(?:most[\s-]+(?:reviewed|popular)|most\s+(?:reviews|ratings))\b", re.I), "most reviewed"),
    (re.compile(r"(?:\bbest[\s-]*sell\w*|\bbestsell\w*|#\s*1\b|\bnumber\s+one\b|\bno\.\s*1\b|\btop[\s-]+sell\w*|\bmost\s+sold\b|\btrending\b)", re.I), "best-selling"),
]

# Attribute claims: a claim (normalised) and the words of the item's text that support it.
_ATTRIBUTES_SPEC = """
black: black | white: white, ivory, cream, off white | grey: grey, charcoal, graphite, silver, heather |
red: red, burgundy, maroon, crimson, rust | blue: blue, navy, cobalt, indigo, teal | navy: navy | green: green, olive, sage,
emerald, mint, teal, forest | yellow: yellow, amber, mustard, gold | orange: orange, terracotta, rust, peach, copper |
purple: purple, plum, lavender, violet, lilac | pink: pink, rose, peach, coral | brown: brown, tan, camel, chocolate, khaki |
beige: beige, sand, khaki, cream, ivory, tan | teal: teal | khaki: khaki | burgundy: burgundy | maroon: maroon | ivory: ivory |
lavender: lavender | turquoise: turquoise | magenta: magenta | coral: coral | bronze: bronze | multicolor: multicolor, multi |
leather: leather | cotton: cotton | wool: wool, merino | merino: merino | cashmere: cashmere | silk: silk | linen: linen |
denim: denim | suede: suede | canvas: canvas | polyester: polyester | nylon: nylon | fleece: fleece | mesh: mesh |
rubber: rubber | silicone: silicone | plastic: plastic | steel: steel | stainless: stainless | stainless steel: stainless steel |
aluminium: aluminium | titanium: titanium | carbon fiber: carbon fiber | bamboo: bamboo | wood: wood, wooden, oak, walnut, bamboo |
wooden: wood, wooden, oak, walnut | glass: glass | ceramic: ceramic | cast iron: cast iron | brass: brass | velvet: velvet |
latex: latex | spandex: spandex, elastane, lycra | elastane: elastane, spandex | gore tex: gore tex | memory foam: memory foam |
foam: foam | recycled: recycled | organic: organic | vegan: vegan | cruelty free: cruelty free | fragrance free: fragrance free |
bpa free: bpa free | gluten free: gluten free | hypoallergenic: hypoallergenic |
waterproof: waterproof, ip67, ip68, ipx7, ipx8 | water resistant: water resistant, water resistance, water repellent, waterproof,
ip54, ip55, ip56, ip57, ip65, ip66, ip67, ip68, ipx4, ipx5, ipx6, ipx7, ipx8 | water repellent: water repellent, waterproof, water resistant |
windproof: windproof, wind resistant | breathable: breathable | insulated: insulated, insulation | wireless: wireless, bluetooth |
bluetooth: bluetooth | wired: wired, cable | cordless: cordless | rechargeable: rechargeable, battery, usb c |
noise cancel: noise cancel, anc | anc: anc, noise cancel | foldable: foldable, folding, fold | fold: foldable, folding, fold | adjustable: adjustable |
reflective: reflective | padded: padded, padding, pad | hooded: hood, hooded | detachable: detachable, removable |
removable: removable, detachable | non stick: non stick | dishwasher safe: dishwasher safe | oven safe: oven safe |
induction: induction | machine washable: machine washable, machine wash | spf: spf | uv protection: uv, spf |
touchscreen: touchscreen, touch screen | gps: gps | heart rate: heart rate | nfc: nfc, contactless | wifi: wifi, wi fi |
usb c: usb c | solar: solar | handmade: handmade, hand made | eco friendly: eco friendly, recycled, sustainable, organic |
sustainable: sustainable, recycled | biodegradable: biodegradable | recyclable: recyclable, recycled | warranty: warranty |
guarantee: guarantee, guaranteed, warranty | guaranteed: guarantee, guaranteed, warranty | certified: certified, certification |
award winning: award | award: award | awarded: award | limited edition: limited edition | exclusive: exclusive | genuine: genuine | authentic: authentic |
official: official | refurbished: refurbished | brand new: brand new | quick dry: quick dry, quick drying, fast drying |
moisture wicking: moisture wicking, wicking | thermal: thermal | heated: heated, heating |
kid: kid, baby, toddler, infant, teen, boy, girl, age | baby: baby, infant, toddler, newborn | toddler: toddler, baby |
teen: teen | boy: boy, kid | girl: girl, kid | woman: woman, unisex, female | man: man, unisex, male |
beginner: beginner, entry level | pro: pro | senior: senior | pet: pet, dog, cat | dog: dog, pet | cat: cat, pet
"""
_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    _phrase(claim): tuple(_phrase(s) for s in supports.split(","))
    for claim, supports in (item.split(":", 1) for item in _ATTRIBUTES_SPEC.replace("\n", " ").split("|"))
}
# Words that are a colour only in a colour context ("in rose", "sky blue"), not otherwise.
_AMBIGUOUS_COLOURS = {"clear", "light", "dark", "natural", "sand", "stone", "rose", "cream", "coffee", "wine", "forest",
                      "sky", "mint", "sage", "rust", "plum", "peach", "amber", "ivory", "pastel", "copper", "silver",
                      "gold", "charcoal", "olive", "orange", "midnight", "ocean", "smoke", "ash", "chocolate", "camel", "tan", "lime", "berry"}
_COLOUR_CONTEXT_AFTER = {"color", "colored", "finish", "colorway", "shade", "tone", "hue", "version", "edition"}
_NEGATIONS = {"not", "no", "non", "without", "isnt", "arent", "lack", "lacks", "nor"}
_LETTER_SIZES = {"xxs", "xs", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl"}

# Words that say nothing about the item, for "says nothing" / "restates the title".
_STOPWORDS = set(
    "a an the and or but of for to in on at by with from as is are was were be been it its this that these those you your "
    "yours it's i we our they their them he she his her my me so very really also just too than then there here which who "
    "what when where how all any some each every both more most less much many such one can will would could should may "
    "might has have had do does did not no if into out up down over under about after before while because since".split())
_FILLER = set(
    "great good nice excellent perfect ideal best top fantastic amazing awesome wonderful superb outstanding solid choice "
    "option options pick picks product products item items recommend recommended recommendation buy purchase shopper "
    "shoppers need needs want wants looking love like lovely quality high overall definitely must worth fit fits fitting "
    "suit suits suited match matches matching request requested offer offers offering provide provides well make makes made "
    "option thing things stuff everyone anyone someone people customer customers value".split())

# Common words a sentence may start with; any other capitalised first word is taken as a name.
_COMMON_STARTERS = set(
    "this that these those the a an it its it's they their there here you your our my we if when while as with without for "
    "from in on at by to of and but or so also plus thanks because since although though even just only still yet very "
    "really super extra ultra more most less all both each every either neither no not yes one two three four five six "
    "great good nice perfect ideal excellent best top solid fine fantastic amazing awesome wonderful lovely beautiful "
    "gorgeous elegant sleek stylish chic classic modern simple clean compact portable light lightweight durable sturdy "
    "strong tough rugged reliable soft warm cool cosy cozy comfy roomy spacious handy useful practical versatile "
    "affordable cheap budget premium quality high low big small large tiny slim thin thick long short wide deep quiet "
    "loud bright bold fun cute smart easy quick fast slow everyday daily ideal suitable ready available new fresh "
    "natural pure rich smooth crisp clear sharp punchy balanced detailed accurate precise gentle mild fragrant "
    "breathable waterproof wireless comfortable flexible stretchy supportive cushioned responsive grippy "
    "designed built made crafted features offers provides includes comes has have gives delivers brings adds combines "
    "uses holds supports tracks brews cooks charges protects looks feels sounds runs stays keeps lets fits suits matches "
    "works pairs rated loved trusted popular chosen picked recommended perfect great go get enjoy try take "
    "shoppers runners riders cyclists parents kids families buyers fans beginners pros travellers travelers commuters "
    "anyone everyone someone those lovers about around across along among against beyond inside outside through "
    "throughout toward towards upon via within despite unlike near ample plenty enough lots whether once now today "
    "whatever however thus hence therefore altogether together alongside besides beside instead rather quite pretty "
    "fairly sized stands wins beats boasts sports packs handsome neat tidy cheerful playful timeless iconic trusty "
    "plush snug cushy silky".split()) | _STOPWORDS | _FILLER
_COMMON_SUFFIXES = ("ly", "ing", "ed", "able", "ible", "ful", "ous", "ive", "al", "ent", "ant", "est", "er", "ic", "ish",
                    "less", "ness", "ty", "ry", "ers")
_CURRENCY_CODES = {"usd", "inr", "eur", "gbp", "rs"}


def reason_problem(reason: str, product: Product, facets: Facets, *, candidates: list[Product] | tuple = (),
                   intent: Constraints | None = None) -> str | None:
    """Why a reason is unusable, or None. Pure: the reason against the product's own facts.

    Rejected: too thin, garbled or repetitive text; markup, links or instruction-like text
    (also when copied from an injected catalog field); a price, deal or "free" the structured
    catalog fields do not support; "cheapest", "top rated" and the like when untrue among
    `candidates`; numbers that are not the item's facts (a rating, review count or price in
    the wrong role; a budget other than the shopper's); names (capitalised words, model
    codes, the catalog's brands) absent from the item's text; attributes (colours, materials,
    features, audiences, sizes) the item's text lacks or an extra field denies; and reasons
    that only restate the title. `intent` supplies the shopper's stated bounds ("under your
    150 budget")."""
    words = _WORD.findall(reason)
    if len(words) < 4:
        return "too short to explain anything"
    letters = sum(c.isalpha() for c in reason)
    if letters < 0.6 * len(reason.replace(" ", "")) or re.search(r"(.{1,4})\1{4,}", reason):
        return "garbled text"
    if len({w.lower() for w in words}) < 0.5 * len(words):
        return "repetitive text"
    item = _Item.of(product)
    for check in (_deal_problem, _money_problem, _injection_problem, _name_problem, _attribute_problem,
                  _number_problem, _restatement_problem):
        problem = check(reason, product, item, facets, list(candidates), intent)
        if problem:
            return problem
    return None


def _injection_problem(reason, product, item, facets, candidates, intent) -> str | None:
    if m := _MARKUP.search(reason):
        return f"carries markup or a link ({m.group(0)!r})"
    if m := _INSTRUCTION.search(reason):
        return f"reads like an instruction ({m.group(0)!r})"
    # Text copied from a catalog field that reads like an instruction: three tokens in a row.
    shingles = _shingles(_tokens(reason))
    for field_text in (product.title, product.description, product.brand or "", *product.extra.values()):
        for segment in _SEGMENTS.split(field_text or ""):
            if (_INSTRUCTION.search(segment) or _MARKUP.search(segment)) and shingles & _shingles(_tokens(segment)):
                return "repeats catalog text that reads like an instruction"
    return None


def _shingles(tokens: list[str], n: int = 3) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1) if any(t not in _STOPWORDS for t in tokens[i : i + n])}


def _deal_problem(reason, product, item, facets, candidates, intent) -> str | None:
    lowered = reason.lower()
    free_ok = product.price is not None and product.price == 0
    if (m := _ZERO_COST.search(lowered)) and not free_ok:
        return f"claims it costs nothing ({m.group(0)!r}), catalog price {product.price}"
    for m in _FREE.finditer(lowered):
        before = re.findall(r"[a-z0-9%]+", lowered[: m.start()])
        after = re.findall(r"[a-z0-9%]+", lowered[m.end():])
        prev, nxt = (before[-1] if before else None), (after[0] if after else None)
        if free_ok:
            continue
        if prev in _FREE_PRICE_BEFORE or nxt in _FREE_PRICE_AFTER or (prev is None and nxt is None):
            return f"claims it is free, catalog price {product.price}"
        compound = _phrase(f"{prev or ''} free" if prev else f"free {nxt}")
        if not item.says(compound):
            return f"claims {compound!r}, not in the item's facts"
    if m := _DEAL.search(lowered):
        if not item.has_deal:
            return f"claims a deal ({m.group(0)!r}), the catalog lists none"
        for pct in _PCT_OFF.finditer(lowered):
            if abs(float(pct.group(1)) - item.discount_pct) > 0.5:
                return f"claims {pct.group(0)!r}, catalog discount {item.discount_pct:g}%"
        if re.search(r"half[\s-]*(?:price|off)", lowered) and not 45 <= item.discount_pct <= 55:
            return f"claims half price, catalog discount {item.discount_pct:g}%"
    if m := _URGENCY.search(lowered):
        return f"claims stock or delivery the item's facts do not state ({m.group(0)!r})"
    if _IN_STOCK.search(lowered) and not product.in_stock:
        return "claims it is in stock, the catalog says out of stock"
    others = [c for c in candidates if c.id != product.id]
    for pattern, claim in _COMPARISONS:
        if not (m := pattern.search(lowered)):
            continue
        if not _comparison_holds(claim, product, others):
            return f"claims {m.group(0)!r}, not true among the candidates"
    return None


def _comparison_holds(claim: str, product: Product, others: list[Product]) -> bool:
    if not others or claim == "best-selling":
        return False  # nothing to compare with, or no sales data at all
    if claim in ("cheapest", "cheaper", "priciest"):
        prices = [o.price for o in others if o.price is not None]
        if product.price is None or not prices:
            return False
        return {"cheapest": product.price <= min(prices), "cheaper": product.price < max(prices),
                "priciest": product.price >= max(prices)}[claim]
    if claim == "top rated":
        ratings = [o.rating for o in others if o.rating is not None]
        return product.rating is not None and (not ratings or product.rating >= max(ratings))
    counts = [o.rating_count for o in others if o.rating_count is not None]
    return product.rating_count is not None and (not counts or product.rating_count >= max(counts))


_BOUND_BEFORE = re.compile(r"(?:under|below|less\s+than|within|up\s+to|at\s+most|no\s+more\s+than|beneath)\s*(?:your\s+|the\s+|a\s+)?(?:budget\s+of\s+)?[$₹€£]?\s*$", re.I)
_BUDGET_NEAR = re.compile(r"budget", re.I)


def _bound_kind(reason: str, start: int, end: int) -> str | None:
    """"upper" for "under 150" / "within your 150", "budget" for "your 150 budget", else None."""
    before, after = reason[max(0, start - 40): start], reason[end: end + 15]
    if _BOUND_BEFORE.search(before):
        return "upper"
    if _BUDGET_NEAR.search(before[-25:] + " " + after):
        return "budget"
    return None


def _bound_holds(kind: str, value: float, product: Product, intent: Constraints | None) -> bool:
    """An upper bound the item's price really stays within; a budget that is the shopper's own."""
    if product.price is None or product.price > value + 0.005:
        return False
    return kind == "upper" or (intent is not None and intent.max_price is not None and abs(value - intent.max_price) <= 0.01)


def _money_problem(reason, product, item, facets, candidates, intent) -> str | None:
    for match in _MONEY.finditer(reason):
        value = _number(match.group(1) or match.group(2))
        if value is None:
            continue
        if product.price is not None and abs(value - product.price) <= 0.01:
            continue
        if item.has_deal and any(abs(value - lp) <= 0.01 for lp in item.list_prices):
            continue  # "down from ₹1,099": the catalog's own list price
        kind = _bound_kind(reason, match.start(), match.end())
        if kind and _bound_holds(kind, value, product, intent):
            continue
        return f"states price {value:g}, catalog says {product.price}"
    return None


_BARE_NUMBER = re.compile(r"(?<![\w.,$₹€£])(?<![A-Za-z]-)(\d[\d,]*(?:\.\d+)?)(?![\d])(\s*(?:%|percent\b))?")
_RATING_BEFORE = re.compile(r"(?:rated|rating(?:\s+of)?|scores?|scored)\s*$", re.I)
_RATING_AFTER = re.compile(r"^\s*(?:[-\s]?stars?\b|/\s*5\b|out\s+of\s+5\b|[-\s]star\b)", re.I)
_COUNT_AFTER = re.compile(r"^\s*\+?\s*(?:reviews?|ratings?|reviewers?|shoppers?|buyers?|customers?|people|users|owners|runners|riders|fans)\b", re.I)
_MORE_THAN_BEFORE = re.compile(r"(?:over|more\s+than|above|at\s+least)\s*$", re.I)
_PRICE_BEFORE = re.compile(r"(?:costs?|costing|priced(?:\s+at)?|price\s+(?:of|is)|for\s+(?:just|only)|only\s+costs?|retails?\s+(?:at|for)|sells?\s+for|pay(?:ing)?|yours\s+for)\s*[$₹€£]?\s*$", re.I)
_UNIT_AFTER = re.compile(
    rf"^\s*-?\s*(?:{_UNITS}|hours?|minutes?|days?|weeks?|months?|years?|miles?|kilomet(?:re|er)s?|pieces?|pcs|modes?|watts?"
    r"|lit(?:re|er)s?|cups?|grams?|ounces?|inch(?:es)?|feet|foot|met(?:re|er)s?|pages?|layers?|pockets?|colou?rs?|sizes?"
    r"|settings?|speeds?|levels?|x|times|bars?|degrees?|°)(?![a-z])", re.I)


def _number_problem(reason, product, item, facets, candidates, intent) -> str | None:
    money_spans = [m.span() for m in _MONEY.finditer(reason)]
    for m in _BARE_NUMBER.finditer(reason):
        if any(a <= m.start() < b for a, b in money_spans):
            continue  # checked as an amount
        value = _number(m.group(1))
        if value is None:
            continue
        before, after = reason[max(0, m.start() - 30): m.start()], reason[m.end(): m.end() + 20]
        if re.search(r"(?:/|out\s+of)\s*$", before, re.I) and value == 5:
            continue  # the scale of "4.4/5"
        if _RATING_BEFORE.search(before) or _RATING_AFTER.search(after):
            if product.rating is None or abs(value - product.rating) > 0.051:
                return f"states rating {value:g}, catalog says {product.rating}"
            continue
        if _COUNT_AFTER.search(after) and not m.group(2):
            count = product.rating_count
            if _MORE_THAN_BEFORE.search(before):
                if count is None or count <= value:
                    return f"claims more than {value:g} reviews, catalog says {count}"
                continue
            if count is None or abs(value - count) > 0.5:
                return f"states {value:g} reviews, catalog says {count}"
            continue
        if _PRICE_BEFORE.search(before) and not _UNIT_AFTER.search(after):
            if product.price is None or abs(value - product.price) > 0.01:
                return f"states price {value:g}, catalog says {product.price}"
            continue
        kind = None if m.group(2) or _UNIT_AFTER.search(after) else _bound_kind(reason, m.start(), m.end())
        if kind and not item.has_number(value):  # a number of the item's own ("under 3 years") is a fact
            if _bound_holds(kind, value, product, intent):
                continue
            return f"states a price bound {value:g} the item does not meet (price {product.price})"
        if not item.has_number(value):
            return f"states {m.group(0).strip()!r}, not in the item's facts"
    return None


_NAME_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&+.-]*[A-Za-z0-9+]|[A-Za-z0-9]")


def _name_problem(reason, product, item, facets, candidates, intent) -> str | None:
    said = f" {' '.join(_tokens(reason))} "
    own = _phrase(product.brand or "")
    for brand in facets.brands.values():
        phrase = _phrase(brand)
        if phrase and f" {phrase} " in said and phrase != own and not item.says(phrase):
            return f"names brand {brand}, product is {product.brand}"
    for m in _NAME_TOKEN.finditer(reason):
        token = re.sub(r"(?:'s|’s|[.'’-])+$", "", m.group(0))
        if not token or token.isdigit() or re.fullmatch(r"\d[\d,.]*", token):
            continue
        split = _GLUED_UNIT.sub(r"\1 \2", token.lower())
        model = any(re.search(r"[a-z]", t) and re.search(r"\d", t) for t in re.split(r"[\s.'’&+-]+", split))
        mixed = any(c.isupper() for c in token[1:]) and len(token) > 1
        capital = token[0].isupper()
        if not (model or mixed or capital) or token == "I" or token.lower() in _CURRENCY_CODES:
            continue
        if capital and not (model or mixed) and _sentence_start(reason, m.start()) and _common_word(token):
            continue
        phrase = _phrase(token)
        if not phrase or item.says(phrase) or all(item.says(p) for p in phrase.split()):
            continue
        if token.lower() in _LETTER_SIZES | {"s", "m", "l"} or token.upper() in {s.upper() for s in product.sizes}:
            continue  # a size: the size check decides
        return f"names {token!r}, not in the item's facts"
    return None


def _sentence_start(reason: str, at: int) -> bool:
    before = reason[:at].rstrip()
    return not before or before[-1] in ".!?:;\"“(—–-"


def _common_word(token: str) -> bool:
    word = token.lower().replace("’", "'")
    return word in _COMMON_STARTERS or (len(word) > 4 and word.endswith(_COMMON_SUFFIXES))


def _attribute_problem(reason, product, item, facets, candidates, intent) -> str | None:
    tokens = _tokens(reason)
    text = f" {' '.join(tokens)} "
    claims = dict(_ATTRIBUTES)
    for colour in facets.colors.values():
        claims.setdefault(_phrase(colour), (_phrase(colour),))
    for claim in sorted(claims, key=lambda c: -len(c)):
        if not claim or f" {claim} " not in text:
            continue
        for at in _positions(tokens, claim.split()):
            previous = tokens[max(0, at - 2): at]
            if any(t in _NEGATIONS for t in previous):
                continue
            nxt = tokens[at + len(claim.split())] if at + len(claim.split()) < len(tokens) else ""
            if claim in _AMBIGUOUS_COLOURS and not (previous[-1:] == ["in"] or nxt in _COLOUR_CONTEXT_AFTER):
                continue
            if claim in item.lacks:
                return f"claims {claim!r}, the catalog says it has none"
            if not any(item.says(s) for s in claims[claim]):
                return f"claims {claim!r}, not in the item's facts"
    return _size_problem(reason, product)


def _positions(tokens: list[str], phrase: list[str]) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(tokens) - n + 1) if tokens[i : i + n] == phrase]


_SIZE_LIST = re.compile(r"\bsizes?\s+((?:[A-Za-z0-9.]+)(?:\s*(?:,|and|or|to|through|/|-)\s*[A-Za-z0-9.]+)*)", re.I)


def _size_problem(reason: str, product: Product) -> str | None:
    have = {key(s) for s in product.sizes}
    for m in _SIZE_LIST.finditer(reason):
        for size in re.split(r"\s*(?:,|\band\b|\bor\b|\bto\b|\bthrough\b|/|-)\s*", m.group(1)):
            size = size.strip(".").lower()
            if not size or not (re.fullmatch(r"\d+(?:\.\d+)?", size) or size in _LETTER_SIZES or size in {"s", "m", "l"}):
                break  # the list ended ("sizes 8 to 11 for trail runs")
            if size not in have:
                return f"claims size {size.upper()}, catalog sizes {', '.join(product.sizes) or 'none'}"
    for token in re.findall(r"\b(?:XXS|XS|XL|XXL|XXXL|[234]XL)\b", reason):
        if key(token) not in have:
            return f"claims size {token}, catalog sizes {', '.join(product.sizes) or 'none'}"
    return None


def _restatement_problem(reason, product, item, facets, candidates, intent) -> str | None:
    content = [t for t in _tokens(reason) if t not in _STOPWORDS and t not in _FILLER and (len(t) > 1 or t.isdigit())]
    if not content:
        return "says nothing specific about the item"
    new = [t for t in content if t not in item.title]
    if not new or (len(new) == 1 and (len(content) - 1) / len(content) >= 0.8):
        return "only restates the title"
    return None

def template_reason(product: Product, intent: Constraints) -> str:
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
    intent: Constraints,
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
            problem = reason_problem(pick.reason, product, facets, candidates=candidates, intent=intent)
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
