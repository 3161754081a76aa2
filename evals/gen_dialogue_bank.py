"""The dialogue phrasing bank: labelled shopper turns in multi-turn contexts, for the
`dialogue-state` eval suite (evals/suites/dialogue_state.py).

    python -m evals.gen_dialogue_bank            # writes evals/data/dialogue_bank.jsonl (dev)
                                                 # and evals/data/dialogue_bank_held.jsonl (held)
    python -m evals.gen_dialogue_bank --stats    # counts only, writes nothing

What a line is
    {"id", "catalog", "split": "dev" | "held", "operation", "template", "subject",
     "context": [earlier shopper messages, replayed through `assistant.dialogue.update` first],
     "shown": [{"id", "title"}, ...]  products put in `state.shown` before the message (real products
              of that catalog that satisfy the context; only for operations about shown items:
              refer, compare, similar, more, cheaper, pricier),
     "message": the shopper's turn,
     "context_expect": {"constraints", "max_price", "min_price"}   the state after the context,
     "expect": {"route", "constraints": [[facet, value, exclude], ...]  (the complete standing set),
                "max_price", "min_price", "referents": [positions, 1-based]}}
    A bound is null (must be unset), a number (that amount), or {"below": x} / {"above": x} (set,
    strictly below / above x: "anything cheaper?" asks for a cap under the shown prices, not for a
    particular figure). Values compare case-insensitively; type values by
    `retrieval.attributes.type_key`, and a type and a category naming the same kind of item
    ("running shoes": the type Running Shoe or the demo's category Running Shoes) are the same
    constraint. Referents are checked for refer, compare and similar.

How turns are labelled (what a careful shopper-side reader expects)
    - add: a new facet value, kept with everything standing; "in black or white" adds both.
    - replace: "actually blue", "what about Puma instead", "make it under 800": the value of that
      facet (or the bound) is swapped; nothing else changes.
    - remove: a value named and taken back ("drop Nike", "doesn't have to be black", "not
      necessarily leather") or an exclusion lifted ("actually Nike is fine too": no longer
      excluded, and not required either).
    - relax: a whole facet let go without naming the value ("any colour is fine", "forget the
      budget"): its inclusions go, exclusions stay.
    - exclude: "not", "no", "without", "except", "other than", "anything but", "avoid", "I don't
      like", "skip", "not a fan of", "I'm done with" ... and combinations: "black but not leather"
      (black wanted, leather excluded), "not Nike or Adidas" (both excluded).
    - reset: a new subject ("now I need a kettle", "a gift for my dad who likes cooking") drops
      price bounds, size, colour, brand and material choices and keeps who it is for and the
      exclusions; a gift for someone else replaces who it is for. An explicit restart ("start
      over", "forget all that") drops everything.
    - refer (route detail), compare (route compare), similar (route product): the positions meant
      ("the last one" = the last shown; "them" / "these" = all shown); the standing search is
      unchanged, even when the item is named by its brand ("the Veloxa one").
    - more, restate: the same search (route product, never an FAQ); a restated request may use
      other words for the same constraints.
    - cheaper / pricier: a cap below the highest shown price / a floor above the lowest shown price,
      or below / above the item named ("cheaper than the second one").

The two parts
    Dev (`dev_templates()`) is for tuning; held (`held_templates()`, about 25 % of the turns) is
    written with *different* templates: other cue words and constructions, not other fills of the
    dev templates, and its own context phrasings (`CONTEXT_FRAMES`). It measures generalisation:
    do not look at its failures while tuning.

Values come from the shared real catalogs (Flipkart, Amazon.in, BigBasket, the Home Depot titles)
and the demo shop, loaded as `shopassist ingest` would (`retrieval.ingest.parse_file` with the
catalog's mapping, then `retrieval.attributes.derive_attributes`), vocabulary by
`retrieval.facets.Facets.from_products`. BigBasket has no mapping file: `BIGBASKET_MAPPING`
below (plus its sub_category as the second category level); Home Depot: `HOME_DEPOT_MAPPING`
(titles only: no brand, no price, so no price turns there). BigBasket (27,555 rows) and Home
Depot (54,667 titles) are sampled (`sample_products`, seeded) to at most `MAX_SAMPLE` products;
the suite indexes the same sample. Brands, colours, materials, audiences and prices are those of
the subject's own products; prices are round figures in the catalog's currency (₹ for the Indian
catalogs, $ for the demo shop).

Vocabulary check: a fill whose words name some *other* value of that catalog (BigBasket sells a
brand "Mom", Amazon.in one called "Noise"; "water bottles" names the types Water and Bottle) is
redrawn, so that no label depends on such an accident of the vocabulary. The check uses
`Facets.mentions`, which finds catalog names in text; it never drops a turn because a *wanted*
value would not be found.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from evals.paths import DATA, DEMO, MAPPINGS, shared_data_dir

BANK = DATA / "dialogue_bank.jsonl"
HELD = DATA / "dialogue_bank_held.jsonl"
DEMO_PRODUCTS = DEMO / "products.jsonl"
SEED = 10
MAX_SAMPLE = 2000
PER_SUBJECT_SAMPLE = 60
OPERATIONS = ("add", "replace", "remove", "exclude", "relax", "reset", "refer", "more", "similar", "compare", "restate",
              "cheaper", "pricier")
ROUTES = {"refer": "detail", "compare": "compare"}  # every other operation: product
DEV_PER_OP = 92
HELD_PER_OP = 31
CATALOG_NAMES = ("demo", "flipkart", "amazon_in", "bigbasket", "home_depot")

# --- catalogs -----------------------------------------------------------------------------------

# BigBasket (bigbasket_products.csv: index, product, category, sub_category, brand, sale_price,
# market_price, type, rating). As TOML for examples/mappings/bigbasket.toml:
#   kind = "product"
#   format = "csv"
#   extra = ["sub_category", "type", "market_price"]
#   [fields]
#   id = "index"
#   title = "product"
#   brand = "brand"
#   price = { from = ["sale_price", "market_price"], transform = "price" }
#   category = "category"
#   rating = { from = "rating", transform = "number" }
#   [defaults]
#   currency = "INR"
# A mapping takes one column per field, so the two-level path category > sub_category is made
# here (`_bigbasket_path`); with the TOML alone the category is one level.
BIGBASKET_MAPPING: dict[str, Any] = {
    "kind": "product", "format": "csv", "extra": ["sub_category", "type", "market_price"],
    "fields": {"id": "index", "title": "product", "brand": "brand",
               "price": {"from": ["sale_price", "market_price"], "transform": "price"},
               "category": "category", "rating": {"from": "rating", "transform": "number"}},
    "defaults": {"currency": "INR"},
}
# Home Depot products.csv: product_uid, product_title (titles only).
HOME_DEPOT_MAPPING: dict[str, Any] = {
    "kind": "product", "format": "csv", "fields": {"id": "product_uid", "title": "product_title"},
    "defaults": {"currency": "USD"},
}


@dataclass(frozen=True)
class Source:
    path: str  # under the shared data folder ("" = the demo shop)
    mapping: str | dict | None  # a file in examples/mappings, an inline mapping, None (our own format)
    currency: str
    sampled: bool


SOURCES: dict[str, Source] = {
    "demo": Source("", None, "USD", False),
    "flipkart": Source("catalog/flipkart/flipkart_com-ecommerce_sample.csv", "flipkart.toml", "INR", False),
    "amazon_in": Source("catalog/amazon_in/amazon.csv", "amazon_in.toml", "INR", False),
    "bigbasket": Source("catalog/bigbasket/bigbasket_products.csv", BIGBASKET_MAPPING, "INR", True),
    "home_depot": Source("relevance/home_depot/products.csv", HOME_DEPOT_MAPPING, "USD", True),
}


@dataclass(frozen=True)
class Subject:
    """A kind of product the templates talk about: the catalog's type display name, how a shopper
    names it, and which facets make sense for it."""

    type: str
    plural: str
    singular: str  # with its article: "a kettle", "some headphones"
    facets: tuple[str, ...] = ("brand", "color")


def _s(type_: str, plural: str, singular: str, *facets: str) -> Subject:
    return Subject(type_, plural, singular, tuple(facets) or ("brand", "color"))


SUBJECTS: dict[str, list[Subject]] = {
    "demo": [
        _s("Running Shoe", "running shoes", "a pair of running shoes", "brand", "color", "audience", "size"),
        _s("T-Shirt", "t-shirts", "a t-shirt", "brand", "color", "size"),
        _s("Dress", "dresses", "a dress", "brand", "color", "size"),
        _s("Sneaker", "sneakers", "a pair of sneakers", "brand", "color", "audience", "size", "material"),
        _s("Jacket", "jackets", "a jacket", "brand", "color", "audience", "size", "material"),
        _s("Backpack", "backpacks", "a backpack", "brand", "color"),
        _s("Headphones", "headphones", "some headphones", "brand", "color"),
        _s("Smartwatch", "smartwatches", "a smartwatch", "brand", "color"),
        _s("Coffee Maker", "coffee makers", "a coffee maker", "brand", "color"),
    ],
    "flipkart": [
        _s("Top", "tops", "a top", "audience"),
        _s("Boots", "boots", "a pair of boots", "color"),
        _s("Ring", "rings", "a ring", "brand", "color"),
        _s("Watch", "watches", "a watch", "audience"),
        _s("Dress", "dresses", "a dress", "audience"),
        _s("Cycling Shorts", "cycling shorts", "some cycling shorts", "brand"),
        _s("Straight Kurta", "kurtas", "a kurta", "brand"),
        _s("Air Freshener", "air fresheners", "an air freshener", "brand", "color"),
        _s("Synthetic Clutch", "clutches", "a clutch", "brand", "color"),
        _s("Necktie", "neckties", "a necktie"),
    ],
    "amazon_in": [
        _s("Cable", "cables", "a cable", "brand", "color", "material"),
        _s("Heater", "room heaters", "a room heater", "brand", "color"),
        _s("Kettle", "kettles", "a kettle", "brand", "color", "material"),
        _s("Mixer Grinder", "mixer grinders", "a mixer grinder", "brand", "color"),
        _s("Dry Iron", "irons", "an iron", "brand", "color"),
        _s("Headphones", "headphones", "some headphones", "brand", "color"),
        _s("Earphones", "earphones", "some earphones", "brand", "color"),
        _s("Smartwatch", "smartwatches", "a smartwatch", "brand", "color"),
        _s("Vacuum Cleaner", "vacuum cleaners", "a vacuum cleaner", "brand", "color"),
        _s("Bank", "power banks", "a power bank", "brand", "color"),
        _s("Protector", "screen protectors", "a screen protector", "brand", "material"),
    ],
    "bigbasket": [
        _s("Shampoo", "shampoos", "a shampoo", "brand", "audience"),
        _s("Soap", "soaps", "a soap", "brand"),
        _s("Tea", "teas", "some tea", "brand"),
        _s("Coffee", "coffees", "some coffee", "brand"),
        _s("Chocolate", "chocolates", "a chocolate", "brand"),
        _s("Biscuits", "biscuits", "some biscuits", "brand"),
        _s("Noodles", "noodles", "some noodles", "brand"),
        _s("Honey", "honeys", "some honey", "brand"),
        _s("Deodorant", "deodorants", "a deodorant", "brand", "audience"),
        _s("Perfume", "perfumes", "a perfume", "brand", "audience"),
        _s("Container", "containers", "a container", "brand", "color", "material"),
        _s("Bottle", "bottles", "a bottle", "brand", "color", "material"),
        _s("Mug", "mugs", "a mug", "brand", "color", "material"),
        _s("Bowl", "bowls", "a bowl", "brand", "color", "material"),
        _s("Toothpaste", "toothpastes", "a toothpaste", "brand"),
        _s("Diapers", "diapers", "some diapers", "brand"),
    ],
    "home_depot": [
        _s("Faucet", "faucets", "a faucet", "color", "material"),
        _s("Door", "doors", "a door", "color", "material"),
        _s("Area Rug", "area rugs", "an area rug", "color", "material"),
        _s("Fan", "ceiling fans", "a ceiling fan", "color", "material"),
        _s("Vanity", "vanities", "a vanity", "color", "material"),
        _s("Lamp", "lamps", "a lamp", "color", "material"),
        _s("Refrigerator", "refrigerators", "a refrigerator", "color", "material"),
        _s("Mirror", "mirrors", "a mirror", "color", "material"),
        _s("Sink", "sinks", "a sink", "color", "material"),
        _s("Cabinet", "cabinets", "a cabinet", "color", "material"),
        _s("Knob", "knobs", "a knob", "color", "material"),
        _s("Lantern", "lanterns", "a lantern", "color", "material"),
        _s("Ladder", "ladders", "a ladder", "color", "material"),
        _s("Chair", "chairs", "a chair", "color", "material"),
    ],
}


@dataclass
class Catalog:
    """A catalog as the bank and the suite see it: its products (after ingest-time attribute
    derivation, sampled for the large ones) and its vocabulary."""

    name: str
    path: Path
    products: list[Any]  # retrieval.schemas.Product
    facets: Any  # retrieval.facets.Facets
    currency: str
    by_id: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {p.id: p for p in self.products}


def catalog_path(name: str, root: Path | None = None) -> Path:
    if name == "demo":
        return DEMO_PRODUCTS
    return Path(root or shared_data_dir()) / SOURCES[name].path


def _mapping(name: str):
    from retrieval.mapping import Mapping

    m = SOURCES[name].mapping
    if m is None:
        return None
    return Mapping.load(MAPPINGS / m) if isinstance(m, str) else Mapping.model_validate(m)


def _bigbasket_path(p):
    sub = (p.extra.get("sub_category") or "").strip()
    return p.model_copy(update={"category": list(p.category[:1]) + ([sub] if sub else [])}) if sub else p


def sample_products(products: list[Any], subjects: list[Subject], seed: int = SEED, max_products: int = MAX_SAMPLE,
                    per_subject: int = PER_SUBJECT_SAMPLE) -> list[Any]:
    """Up to `per_subject` products of each subject's type, the rest of the room filled with other
    products (distractors), each part a random.Random(seed) sample; catalog order kept."""
    from retrieval.attributes import type_key

    rng = random.Random(seed)
    keep: set[int] = set()
    wanted = {type_key(s.type) for s in subjects}
    by_type: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(products):
        if p.product_type and type_key(p.product_type) in wanted:
            by_type[type_key(p.product_type)].append(i)
    for t in sorted(by_type):
        ix = by_type[t]
        keep.update(rng.sample(ix, min(per_subject, len(ix))))
    rest = [i for i in range(len(products)) if i not in keep]
    keep.update(rng.sample(rest, max(0, min(len(rest), max_products - len(keep)))))
    return [p for i, p in enumerate(products) if i in keep]


@lru_cache(maxsize=None)
def _load(name: str, root: str | None) -> tuple[Catalog | None, str]:
    from retrieval.attributes import derive_attributes
    from retrieval.facets import Facets
    from retrieval.ingest import parse_file

    path = catalog_path(name, Path(root) if root else None)
    if not path.is_file():
        return None, f"{name}: {path} not found"
    mapping = _mapping(name)
    parsed = parse_file(path, "product", mapping)
    items = parsed.products()
    if name == "bigbasket":
        items = [_bigbasket_path(p) for p in items]
    guessed = {n for n, rule in (mapping.fields if mapping else {}).items() if rule.transform == "first_word"}
    items, _ = derive_attributes(items, (), guessed)
    why = f"{name}: {len(items)} products from {path.name}"
    if SOURCES[name].sampled:
        items = sample_products(items, SUBJECTS[name])
        # what ingest does with the sample on its own (a fixed point: ingesting it changes nothing)
        items, _ = derive_attributes(items)
        why += f", sampled to {len(items)} (seed {SEED})"
    return Catalog(name, path, items, Facets.from_products(items), SOURCES[name].currency), why


def load_catalog(name: str, root: Path | None = None) -> tuple[Catalog | None, str]:
    """(the catalog, what was loaded) or (None, why not)."""
    return _load(name, str(root) if root else None)


# --- the subject's values -------------------------------------------------------------------------

_PLAIN_COLOURS = frozenset("""black white red blue green yellow orange purple pink brown grey navy maroon beige olive teal
turquoise lavender peach gold silver khaki charcoal cream ivory mustard violet indigo burgundy aqua chrome bronze nickel tan
camel sand rust graphite plum""".split()) | {"navy blue", "sky blue", "dark blue", "light blue", "rose gold", "off white",
                                              "neon yellow", "sage green", "mint green", "midnight blue", "matte black"}
AUDIENCE_PHRASES = {"women": ["women", "ladies"], "men": ["men"], "kids": ["kids", "children"], "girls": ["girls"], "boys": ["boys"]}
AUDIENCE_POSSESSIVE = {"women": "women's", "men": "men's", "kids": "kids", "girls": "girls", "boys": "boys"}
RELATIVES = {"dad": "men", "father": "men", "husband": "men", "brother": "men", "mom": "women", "mother": "women",
             "wife": "women", "sister": "women", "son": "boys", "daughter": "girls"}
# Materials read from titles that name a colourway or a finish there, not what the item is made of
# ("Granite" jackets, "Satin Nickel" knobs).
NOT_MATERIALS = {"demo": {"granite", "marble"}, "home_depot": {"satin"}, "flipkart": {"satin"}}
INTERESTS = ("cooking", "reading", "hiking", "gardening", "music", "travelling", "photography", "baking", "football",
             "painting", "cycling", "fishing", "golf", "knitting", "camping")


@dataclass
class SubjectData:
    subject: Subject
    products: list[Any]
    brands: list[str]
    colors: list[str]
    materials: list[str]
    audiences: list[str]
    sizes: list[str]
    prices: list[float]

    def pool(self, facet: str) -> list[str]:
        if facet not in self.subject.facets:
            return []
        return {"brand": self.brands, "color": self.colors, "material": self.materials, "audience": self.audiences,
                "size": self.sizes}[facet]


def subject_data(cat: Catalog, s: Subject) -> SubjectData:
    from retrieval.attributes import type_key
    from retrieval.documents import key

    t = type_key(s.type)
    products = [p for p in cat.products if p.product_type and type_key(p.product_type) == t]
    f = cat.facets

    def canon(facet, values, least):
        counts = Counter(values)
        out = []
        for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            c = f.canonical(facet, v)
            if n >= least and c and c not in out:
                out.append(c)
        return out

    colors = [c for c in canon("color", [p.color for p in products if p.color], 1) if key(c) in _PLAIN_COLOURS]
    audiences = [a for a in canon("audience", [a for p in products for a in p.audience], 2) if a in AUDIENCE_PHRASES]
    return SubjectData(s, products, canon("brand", [p.brand for p in products if p.brand], 2)[:14], colors[:12],
                       [m for m in canon("material", [m for p in products for m in p.materials], 1)
                        if key(m) not in NOT_MATERIALS.get(cat.name, set())][:8], audiences,
                       canon("size", [z for p in products for z in p.sizes], 3), sorted(p.price for p in products if p.price))


# --- prices -------------------------------------------------------------------------------------


def _step(x: float) -> float:
    for limit, step in ((20, 1), (100, 5), (300, 10), (1000, 50), (3000, 100), (10000, 500), (50000, 1000)):
        if x < limit:
            return step
    return 5000


def nice(x: float, up: bool = True) -> float:
    step = _step(x)
    v = (math.ceil if up else math.floor)(x / step) * step
    return float(max(step, v))


def quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, max(0, int(q * len(values))))]


def money(amount: float, currency: str, rng: random.Random) -> str:
    n = int(amount) if float(amount).is_integer() else amount
    if currency == "INR":
        forms = [f"₹{n:,}", f"{n} rupees", f"Rs {n}", f"Rs. {n}", f"{n}", f"INR {n}"]
        if isinstance(n, int) and n >= 1000 and n % 500 == 0:
            forms.append(f"{n / 1000:g}k")
    else:
        forms = [f"${n:,}", f"{n} dollars", f"{n} bucks", f"{n}", f"${n}"]
    return rng.choice(forms)


# --- templates ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class T:
    """One phrasing: the message (with {slots}), what it does (effects), and what the context must
    hold (`ctx`: pieces such as color0, brand0, price0, aud0, size0, material0, xbrand0...).
    `price` says how a new amount relates to the context's: "up", "down" or "" (any)."""

    text: str
    eff: tuple = ()
    ctx: tuple = ()
    price: str = ""


def t(text: str, *eff, ctx: tuple | str = (), price: str = "") -> T:
    return T(text, tuple(eff), (ctx,) if isinstance(ctx, str) else tuple(ctx), price)


def dev_templates() -> dict[str, list[T]]:
    """The development phrasings (tune on these)."""
    C, B, P, A, M, S = "color0", "brand0", "price0", "aud0", "material0", "size0"
    return {
        "add": [
            t("in {color}", ("add", "color")),
            t("do you have them in {color}?", ("add", "color")),
            t("{color} ones please", ("add", "color")),
            t("I'd prefer {color}", ("add", "color")),
            t("only {color} please", ("add", "color")),
            t("in {color} or {color2}", ("add", "color"), ("add", "color2")),
            t("from {brand}", ("add", "brand")),
            t("anything by {brand}?", ("add", "brand")),
            t("only {brand} please", ("add", "brand")),
            t("I like {brand}", ("add", "brand")),
            t("made of {material}", ("add", "material")),
            t("preferably {material}", ("add", "material")),
            t("for {aud}", ("add", "aud")),
            t("they're for my {rel}", ("add", "rel")),
            t("under {price}", ("max", "price")),
            t("below {price}", ("max", "price")),
            t("less than {price}", ("max", "price")),
            t("my budget is {price}", ("max", "price")),
            t("nothing over {price}", ("max", "price")),
            t("at most {price}", ("max", "price")),
            t("between {lo} and {hi}", ("range",)),
            t("over {price}", ("min", "price")),
            t("at least {price}", ("min", "price")),
            t("in size {size}", ("add", "size")),
            t("{color} and under {price}", ("add", "color"), ("max", "price")),
            t("by {brand}, in {color}", ("add", "brand"), ("add", "color")),
        ],
        "replace": [
            t("actually {color}", ("rep", "color"), ctx=C),
            t("make it {color} instead", ("rep", "color"), ctx=C),
            t("{color} instead of {color0}", ("rep", "color"), ctx=C),
            t("change the colour to {color}", ("rep", "color"), ctx=C),
            t("switch to {color}", ("rep", "color"), ctx=C),
            t("hmm, can I see them in {color} instead?", ("rep", "color"), ctx=C),
            t("what about {brand} instead?", ("rep", "brand"), ctx=B),
            t("show me {brand} instead", ("rep", "brand"), ctx=B),
            t("let's try {brand}", ("rep", "brand"), ctx=B),
            t("{brand} rather than {brand0}", ("rep", "brand"), ctx=B),
            t("make it under {price}", ("max", "price"), ctx=P),
            t("actually my budget is {price}", ("max", "price"), ctx=P),
            t("change the budget to {price}", ("max", "price"), ctx=P),
            t("can we go up to {price}?", ("max", "price"), ctx=P, price="up"),
            t("lower it to {price}", ("max", "price"), ctx=P, price="down"),
            t("under {price} instead", ("max", "price"), ctx=P),
            t("sorry, I meant for {aud}", ("aud", "aud"), ctx=A),
            t("{material} instead", ("rep", "material"), ctx=M),
        ],
        "remove": [
            t("forget the {brand0}", ("rm", "brand0"), ctx=B),
            t("drop {brand0}", ("rm", "brand0"), ctx=B),
            t("doesn't have to be {brand0}", ("rm", "brand0"), ctx=B),
            t("{brand0} isn't a must", ("rm", "brand0"), ctx=B),
            t("it needn't be {color0}", ("rm", "color0"), ctx=C),
            t("remove {color0}", ("rm", "color0"), ctx=C),
            t("take off the {color0} filter", ("rm", "color0"), ctx=C),
            t("not necessarily {material0}", ("rm", "material0"), ctx=M),
            t("drop the size {size0}", ("rm", "size0"), ctx=S),
            t("actually {xbrand0} is fine too", ("unex", "xbrand0"), ctx="xbrand0"),
            t("you can show {xbrand0} again", ("unex", "xbrand0"), ctx="xbrand0"),
            t("I changed my mind about {xcolor0}, it's ok", ("unex", "xcolor0"), ctx="xcolor0"),
            t("{xmaterial0} is ok after all", ("unex", "xmaterial0"), ctx="xmaterial0"),
        ],
        "exclude": [
            t("not {brand}", ("ex", "brand")),
            t("no {color}", ("ex", "color")),
            t("without {material}", ("ex", "material")),
            t("except {brand}", ("ex", "brand")),
            t("anything other than {brand}", ("ex", "brand")),
            t("anything but {color}", ("ex", "color")),
            t("avoid {material}", ("ex", "material")),
            t("I don't like {brand}", ("ex", "brand")),
            t("skip {brand}", ("ex", "brand")),
            t("not a fan of {color}", ("ex", "color")),
            t("I'm done with {brand}", ("ex", "brand")),
            t("no {brand} please", ("ex", "brand")),
            t("{color} but not {material}", ("add", "color"), ("ex", "material")),
            t("not {brand} or {brand2}", ("ex", "brand"), ("ex", "brand2")),
            t("no {brand}, no {brand2}", ("ex", "brand"), ("ex", "brand2")),
            t("nothing in {color}", ("ex", "color")),
            t("nothing from {brand}", ("ex", "brand")),
            t("I'd rather not have {material}", ("ex", "material")),
            t("everything except {color} and {color2}", ("ex", "color"), ("ex", "color2")),
            t("{brand} is not for me", ("ex", "brand")),
            t("exclude {brand}", ("ex", "brand")),
            t("not {color} please, and no {brand} either", ("ex", "color"), ("ex", "brand")),
            t("I hate {color}", ("ex", "color")),
            t("leave out {brand}", ("ex", "brand")),
            t("no {material} ones", ("ex", "material")),
            t("{material} but not {color}", ("add", "material"), ("ex", "color")),
            t("I don't want anything {color}", ("ex", "color")),
            t("not {brand}, I had a bad experience", ("ex", "brand")),
            t("please don't show me {brand}", ("ex", "brand")),
            t("{brand} but not in {color}", ("add", "brand"), ("ex", "color")),
        ],
        "relax": [
            t("any colour is fine", ("relax", "color"), ctx=C),
            t("the colour doesn't matter", ("relax", "color"), ctx=C),
            t("I'm flexible on colour", ("relax", "color"), ctx=C),
            t("I don't care about the brand", ("relax", "brand"), ctx=B),
            t("any brand will do", ("relax", "brand"), ctx=B),
            t("brand is not important", ("relax", "brand"), ctx=B),
            t("show me all brands", ("relax", "brand"), ctx=B),
            t("forget the budget", ("relax", "price"), ctx=P),
            t("price doesn't matter", ("relax", "price"), ctx=P),
            t("no price limit", ("relax", "price"), ctx=P),
            t("ignore the budget", ("relax", "price"), ctx=P),
            t("any size is ok", ("relax", "size"), ctx=S),
            t("whatever material", ("relax", "material"), ctx=M),
        ],
        "reset": [
            t("now I need {a_type2}", ("new", "type2")),
            t("now show me {type2_pl}", ("new", "type2")),
            t("I also need {a_type2}", ("new", "type2")),
            t("next I'm looking for {type2_pl}", ("new", "type2")),
            t("let's look at {type2_pl} now", ("new", "type2")),
            t("moving on, {type2_pl} please", ("new", "type2")),
            t("do you also have {type2_pl}?", ("new", "type2")),
            t("now {type2_pl} under {price}", ("new", "type2"), ("max", "price")),
            t("next, {type2_pl} in {color}", ("new", "type2"), ("add", "color")),
            t("a gift for my {rel} who likes {interest}", ("gift", "rel")),
            t("something for my {rel} who loves {interest}", ("gift", "rel")),
            t("{a_type2} as a present for my {rel}", ("new", "type2"), ("aud", "rel")),
            t("start over: {type2_pl}", ("reset", "type2")),
            t("let's start again, I need {a_type2}", ("reset", "type2")),
            t("forget all that, show me {type2_pl}", ("reset", "type2")),
            t("new search: {type2_pl} under {price}", ("reset", "type2"), ("max", "price")),
            t("clear everything and find me {type2_pl}", ("reset", "type2")),
        ],
        "refer": [
            t("tell me more about the {ord1} one", ("ref", "p1")),
            t("what about the {ord1} one?", ("ref", "p1")),
            t("details on number {pos1}, please", ("ref", "p1")),
            t("is the {ord1} one any good?", ("ref", "p1")),
            t("I like the {ord1} one", ("ref", "p1")),
            t("what's the rating of #{pos1}?", ("ref", "p1")),
            t("how much is the {ord1} one?", ("ref", "p1")),
            t("show me the {ord1} one", ("ref", "p1")),
            t("can I see more details of option {pos1}?", ("ref", "p1")),
            t("the {sbrand1} one looks nice, tell me more", ("ref", "p1")),
            t("tell me about the cheapest one", ("ref", "cheapest")),
            t("what do people say about the last one?", ("ref", "last")),
            t("more info on item {pos1}", ("ref", "p1")),
            t("I'm interested in the {ord1} one", ("ref", "p1")),
        ],
        "more": [
            t("show me more"),
            t("more please"),
            t("any others?"),
            t("what else do you have?"),
            t("next"),
            t("keep them coming"),
            t("got any other options?"),
            t("let me see a few more"),
            t("are there any more?"),
            t("show me the next ones"),
            t("other {type_pl}?"),
            t("more {type_pl} please"),
        ],
        "similar": [
            t("more like the {ord1} one", ("ref", "p1")),
            t("anything similar to the {ord1} one?", ("ref", "p1")),
            t("show me ones like #{pos1}", ("ref", "p1")),
            t("something like the {sbrand1} one", ("ref", "p1")),
            t("similar to the {ord1}, please", ("ref", "p1")),
            t("I want more like number {pos1}", ("ref", "p1")),
            t("find me others like the {ord1} one", ("ref", "p1")),
            t("got anything like the last one?", ("ref", "last")),
            t("similar items to option {pos1}", ("ref", "p1")),
            t("more along the lines of the {ord1} one", ("ref", "p1")),
        ],
        "compare": [
            t("compare the first two", ("cmp_n", 2)),
            t("compare the {ord1} and the {ord2}", ("cmp", "p1", "p2")),
            t("which is better, the {ord1} or the {ord2} one?", ("cmp", "p1", "p2")),
            t("what's the difference between #{pos1} and #{pos2}?", ("cmp", "p1", "p2")),
            t("{ord1} vs {ord2}?", ("cmp", "p1", "p2")),
            t("how does the {ord1} one differ from the {ord2}?", ("cmp", "p1", "p2")),
            t("compare them", ("cmp_all",)),
            t("can you compare these for me?", ("cmp_all",)),
            t("compare the {sbrand1} one with the {ord2} one", ("cmp", "p1", "p2")),
            t("put the {ord1} and {ord2} side by side", ("cmp", "p1", "p2")),
            t("which of these is the best?", ("cmp_all",)),
            t("compare options {pos1} and {pos2}", ("cmp", "p1", "p2")),
            t("compare the top three", ("cmp_n", 3)),
        ],
        "restate": [
            t("{SAME}"),
            t("I said {NP}"),
            t("again: {NP}"),
            t("just {NP}, please"),
            t("like I said, {NP}"),
            t("{NP}?"),
            t("show me {NP} again"),
            t("I'm looking for {NP}"),
            t("{NP}"),
            t("I asked for {NP}"),
            t("as I said: {NP}"),
            t("can you show me {NP}?"),
            t("still looking for {NP}"),
            t("find me {NP}, like before"),
        ],
        "cheaper": [
            t("anything cheaper?", ("below", "shown")),
            t("too expensive", ("below", "shown")),
            t("do you have cheaper ones?", ("below", "shown")),
            t("something more affordable please", ("below", "shown")),
            t("these are too pricey", ("below", "shown")),
            t("show me less expensive options", ("below", "shown")),
            t("lower priced ones?", ("below", "shown")),
            t("cheaper than the {ord1} one?", ("below", "p1")),
            t("something that costs less", ("below", "shown")),
            t("got any budget options?", ("below", "shown")),
            t("that's a bit much, anything cheaper?", ("below", "shown")),
            t("less expensive than the {sbrand1} one", ("below", "p1")),
            t("cheaper please, say under {price}", ("max_below_shown", "price")),
        ],
        "pricier": [
            t("something more expensive", ("above", "shown")),
            t("show me higher-end ones", ("above", "shown")),
            t("any premium options?", ("above", "shown")),
            t("more expensive than the {ord1} one?", ("above", "p1")),
            t("pricier ones please", ("above", "shown")),
            t("these look cheap, anything fancier?", ("above", "shown")),
            t("top of the line ones?", ("above", "shown")),
            t("something more upmarket", ("above", "shown")),
            t("what about the luxury range?", ("above", "shown")),
            t("I can spend more, show me pricier ones than the {ord1}", ("above", "p1")),
        ],
    }


def held_templates() -> dict[str, list[T]]:
    """The held-out phrasings: other cue words and constructions than `dev_templates()`, for
    measuring generalisation. Not for tuning."""
    C, B, P, A, M, S = "color0", "brand0", "price0", "aud0", "material0", "size0"
    return {
        "add": [
            t("got any in {color}?", ("add", "color")),
            t("{color} would be ideal", ("add", "color")),
            t("ideally {color} or {color2}", ("add", "color"), ("add", "color2")),
            t("I'm after {brand}", ("add", "brand")),
            t("stick to {brand}", ("add", "brand")),
            t("{brand} only", ("add", "brand")),
            t("it has to be {material}", ("add", "material")),
            t("it's for my {rel}", ("add", "rel")),
            t("suitable for {aud}", ("add", "aud")),
            t("keep it under {price}", ("max", "price")),
            t("I can spend up to {price}", ("max", "price")),
            t("nothing above {price}", ("max", "price")),
            t("no more than {price} please", ("max", "price")),
            t("{lo} to {hi} is my range", ("range",)),
            t("{price} or more", ("min", "price")),
            t("do they come in size {size}?", ("add", "size")),
            t("{color}, and keep it below {price}", ("add", "color"), ("max", "price")),
        ],
        "replace": [
            t("on second thought, {color}", ("rep", "color"), ctx=C),
            t("{color} would be better than {color0}", ("rep", "color"), ctx=C),
            t("swap {color0} for {color}", ("rep", "color"), ctx=C),
            t("I've changed my mind, {color} please", ("rep", "color"), ctx=C),
            t("go with {brand} instead", ("rep", "brand"), ctx=B),
            t("prefer {brand} over {brand0}", ("rep", "brand"), ctx=B),
            t("let's do {brand} rather", ("rep", "brand"), ctx=B),
            t("raise the limit to {price}", ("max", "price"), ctx=P, price="up"),
            t("{price} is my new max", ("max", "price"), ctx=P),
            t("bring the budget down to {price}", ("max", "price"), ctx=P, price="down"),
            t("these are for {aud}, not {aud0}", ("aud", "aud"), ctx=A),
            t("rather {material}", ("rep", "material"), ctx=M),
        ],
        "remove": [
            t("scrap {brand0}", ("rm", "brand0"), ctx=B),
            t("{brand0} is optional", ("rm", "brand0"), ctx=B),
            t("no need for it to be {color0}", ("rm", "color0"), ctx=C),
            t("I'm not set on {color0}", ("rm", "color0"), ctx=C),
            t("{color0} isn't essential", ("rm", "color0"), ctx=C),
            t("lose the {material0} requirement", ("rm", "material0"), ctx=M),
            t("let {xbrand0} back in", ("unex", "xbrand0"), ctx="xbrand0"),
            t("I don't mind {xbrand0} after all", ("unex", "xbrand0"), ctx="xbrand0"),
            t("{xcolor0} would be alright now", ("unex", "xcolor0"), ctx="xcolor0"),
            t("include {xmaterial0} again", ("unex", "xmaterial0"), ctx="xmaterial0"),
        ],
        "exclude": [
            t("steer clear of {brand}", ("ex", "brand")),
            t("keep {brand} out of it", ("ex", "brand")),
            t("minus {brand}", ("ex", "brand")),
            t("I'm not into {color}", ("ex", "color")),
            t("cross {brand} off the list", ("ex", "brand")),
            t("{brand}? no thanks", ("ex", "brand")),
            t("rule out {material}", ("ex", "material")),
            t("I can't stand {color}", ("ex", "color")),
            t("neither {brand} nor {brand2}", ("ex", "brand"), ("ex", "brand2")),
            t("I'd like {color} but not {material}", ("add", "color"), ("ex", "material")),
            t("pass on {brand}", ("ex", "brand")),
            t("anything that isn't {color}", ("ex", "color")),
            t("{brand} is a no", ("ex", "brand")),
            t("no more {brand}", ("ex", "brand")),
            t("I'm sick of {color}", ("ex", "color")),
            t("show me everything but {brand} and {brand2}", ("ex", "brand"), ("ex", "brand2")),
            t("don't include anything made of {material}", ("ex", "material")),
            t("{color} is a no-go", ("ex", "color")),
        ],
        "relax": [
            t("colour is up to you", ("relax", "color"), ctx=C),
            t("I'm open to other colours", ("relax", "color"), ctx=C),
            t("never mind the colour", ("relax", "color"), ctx=C),
            t("brand isn't a big deal", ("relax", "brand"), ctx=B),
            t("doesn't matter which brand", ("relax", "brand"), ctx=B),
            t("open to any brand", ("relax", "brand"), ctx=B),
            t("money is no object", ("relax", "price"), ctx=P),
            t("budget's not an issue anymore", ("relax", "price"), ctx=P),
            t("don't worry about the price", ("relax", "price"), ctx=P),
            t("I'm not picky about the material", ("relax", "material"), ctx=M),
            t("size is flexible", ("relax", "size"), ctx=S),
        ],
        "reset": [
            t("switching gears, I'm after {type2_pl}", ("new", "type2")),
            t("on a different note, any {type2_pl}?", ("new", "type2")),
            t("shopping for {a_type2} next", ("new", "type2")),
            t("do you sell {type2_pl} as well?", ("new", "type2")),
            t("my next item is {a_type2}", ("new", "type2")),
            t("what I really need now is {a_type2}", ("new", "type2")),
            t("I'd also like to buy {a_type2}, under {price}", ("new", "type2"), ("max", "price")),
            t("my {rel} loves {interest}, any gift ideas?", ("gift", "rel")),
            t("looking for a birthday present for my {rel}", ("gift", "rel")),
            t("I want to surprise my {rel} with {a_type2}", ("new", "type2"), ("aud", "rel")),
            t("begin a fresh search for {type2_pl}", ("reset", "type2")),
            t("wipe the filters and show {type2_pl}", ("reset", "type2")),
            t("from scratch: {type2_pl} please", ("reset", "type2")),
        ],
        "refer": [
            t("the {ord1} one, what's it like?", ("ref", "p1")),
            t("could you describe #{pos1}?", ("ref", "p1")),
            t("go on about the {scolor1} one", ("ref", "p1")),
            t("how is the {ord1} pick rated?", ("ref", "p1")),
            t("zoom in on the {ord1} result", ("ref", "p1")),
            t("I'd like to know more regarding product {pos1}", ("ref", "p1")),
            t("that {ord1} one caught my eye", ("ref", "p1")),
            t("does the {ord1} option have good reviews?", ("ref", "p1")),
            t("what's special about the {sbrand1} one?", ("ref", "p1")),
            t("give me the specs of the last one", ("ref", "last")),
            t("and the {ord1}?", ("ref", "p1")),
        ],
        "more": [
            t("anything beyond these?"),
            t("I'd like to see additional options"),
            t("what other choices are there?"),
            t("more of the same please"),
            t("can you show a few extra?"),
            t("got a wider selection?"),
            t("load more"),
            t("any alternatives?"),
            t("is that all you have?"),
            t("give me some more results"),
        ],
        "similar": [
            t("in the same style as the {ord1} one?", ("ref", "p1")),
            t("alternatives close to #{pos1}", ("ref", "p1")),
            t("things resembling the {ord1} one", ("ref", "p1")),
            t("stuff like the {scolor1} one", ("ref", "p1")),
            t("anything comparable to the {ord1} one?", ("ref", "p1")),
            t("I'd love a few in the vein of number {pos1}", ("ref", "p1")),
            t("what's close to the {sbrand1} one?", ("ref", "p1")),
            t("same kind of thing as the last one", ("ref", "last")),
        ],
        "compare": [
            t("between the {ord1} and the {ord2}, which would you pick?", ("cmp", "p1", "p2")),
            t("pros and cons of #{pos1} versus #{pos2}", ("cmp", "p1", "p2")),
            t("how do they stack up against each other?", ("cmp_all",)),
            t("contrast the {ord1} with the {ord2}", ("cmp", "p1", "p2")),
            t("which one's the better buy, {pos1} or {pos2}?", ("cmp", "p1", "p2")),
            t("weigh up the {ord1} against the {ord2}", ("cmp", "p1", "p2")),
            t("is the {ord1} better than the {ord2}?", ("cmp", "p1", "p2")),
            t("help me choose between the first two", ("cmp_n", 2)),
            t("a side-by-side of all of them please", ("cmp_all",)),
        ],
        "restate": [
            t("repeat: {NP}"),
            t("let me rephrase, {NP}"),
            t("{NP}, like I mentioned"),
            t("once more, {NP}"),
            t("I'm still after {NP}"),
            t("my request is {NP}"),
            t("{NP} is what I want"),
            t("same as before, {NP}"),
        ],
        "cheaper": [
            t("those are out of my price range", ("below", "shown")),
            t("can you find something easier on the wallet?", ("below", "shown")),
            t("I was hoping to spend less", ("below", "shown")),
            t("more budget-friendly ones?", ("below", "shown")),
            t("anything at a lower price point?", ("below", "shown")),
            t("below what the {ord1} one costs?", ("below", "p1")),
            t("not so pricey please", ("below", "shown")),
            t("a more economical option?", ("below", "shown")),
            t("these cost too much", ("below", "shown")),
        ],
        "pricier": [
            t("I'd like to go upscale", ("above", "shown")),
            t("better quality, even if it costs more", ("above", "shown")),
            t("the high end please", ("above", "shown")),
            t("costlier than the {ord1} one", ("above", "p1")),
            t("a step up in price", ("above", "shown")),
            t("more premium than these", ("above", "shown")),
            t("something classier and more expensive", ("above", "shown")),
            t("a pricier alternative to #{pos1}", ("above", "p1")),
        ],
    }


# Context phrasings: a first request (its noun phrase built from the pieces), follow-ups that
# add one piece each, and the exclusions a context may carry.
CONTEXT_FRAMES = {
    "dev": ["show me {NP}", "I'm looking for {NP}", "do you have {NP}?", "{NP} please", "I need {NP}", "find me {NP}"],
    "held": ["can you recommend {NP}?", "I'd like {NP}", "searching for {NP}", "I want to buy {NP}", "got any {NP}?",
             "help me find {NP}"],
}
FOLLOW_UPS = {
    "color0": ["in {color0}", "{color0} ones"], "brand0": ["from {brand0}", "by {brand0}"],
    "price0": ["under {price0}", "below {price0}"], "aud0": ["for {aud0}"], "size0": ["size {size0}"],
    "material0": ["made of {material0}"],
}
EXCLUSIONS = {"xbrand0": ["not {xbrand0}", "no {xbrand0} please"], "xcolor0": ["no {xcolor0}", "not in {xcolor0}"],
              "xmaterial0": ["no {xmaterial0}", "nothing made of {xmaterial0}"]}
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
SHOWN_OPS = frozenset({"refer", "compare", "similar", "more", "cheaper", "pricier"})
CHANGING_OPS = frozenset({"add", "replace", "remove", "exclude", "relax", "reset", "cheaper", "pricier"})
PIECES = ("color0", "brand0", "material0", "aud0", "size0", "price0")
EXCLUSION_PIECES = ("xbrand0", "xcolor0", "xmaterial0")
SLOT = re.compile(r"\{(\w+)\}")


def slot_facet(slot: str) -> str | None:
    """The facet a slot's words name (for the vocabulary check), or None."""
    base = slot.lstrip("x").lstrip("s") if slot.startswith(("x", "s")) and not slot.startswith("size") else slot
    for prefix, facet in (("a_type", "type"), ("type", "type"), ("brand", "brand"), ("color", "color"), ("colour", "color"),
                          ("material", "material"), ("aud", "audience"), ("rel", "audience"), ("size", "size")):
        if base.startswith(prefix):
            return facet
    return None


def _facet_of_value_slot(slot: str) -> str:
    f = slot_facet(slot)
    assert f is not None, slot
    return f


# --- the expected state ---------------------------------------------------------------------------


@dataclass
class Exp:
    cons: list[list] = field(default_factory=list)  # [facet, value, exclude]
    max: Any = None
    min: Any = None

    def copy(self) -> "Exp":
        return Exp([list(c) for c in self.cons], self.max, self.min)

    def _drop(self, facet: str, value: str | None = None, exclude: bool | None = None) -> None:
        from retrieval.documents import key

        self.cons = [c for c in self.cons if not (c[0] == facet and (value is None or key(c[1]) == key(value))
                                                   and (exclude is None or c[2] == exclude))]

    def add(self, facet: str, value: str, exclude: bool = False) -> None:
        self._drop(facet, value)
        self.cons.append([facet, value, exclude])

    def as_dict(self) -> dict:
        return {"constraints": [list(c) for c in self.cons], "max_price": self.max, "min_price": self.min}

    def signature(self):
        from retrieval.documents import key

        return (sorted((c[0], key(c[1]), c[2]) for c in self.cons), json.dumps(self.max), json.dumps(self.min))


# --- filling one turn -----------------------------------------------------------------------------


class Redraw(Exception):
    """This fill does not work (no such values, an ambiguous word): draw another."""


def render(template: str, words: dict[str, str]) -> tuple[str, list[tuple[str, int, int]]]:
    """The text with every {slot} filled, and where each slot's words are."""
    out, spans, pos, length = [], [], 0, 0
    for m in SLOT.finditer(template):
        out.append(template[pos:m.start()])
        length += len(out[-1])
        if m.group(1) not in words:
            raise KeyError(m.group(1))
        value = words[m.group(1)]
        spans.append((m.group(1), length, length + len(value)))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def vocabulary_clash(text: str, spans: list[tuple[str, int, int]], facets) -> str | None:
    """Why `text` is ambiguous in this catalog's vocabulary, or None: a catalog name outside the
    slots meant to name one, a slot naming another facet than meant, or a type slot whose words
    name two kinds of item."""
    kinds = ("type", "category")
    per_slot: Counter = Counter()
    for m in facets.mentions(text):
        inside = [s for s in spans if s[1] < m.end and m.start < s[2]]
        if not inside:
            return f"{m.words!r} names the {m.facet} {m.value!r}"
        want = slot_facet(inside[0][0])
        ok = (want == "type" and m.facet in kinds) or m.facet == want
        if not ok:
            return f"{m.words!r} in {{{inside[0][0]}}} names the {m.facet} {m.value!r}"
        if m.facet in kinds:
            per_slot[inside[0][0]] += 1
    double = [s for s, n in per_slot.items() if n > 1]
    return f"{{{double[0]}}} names two kinds of item" if double else None


def _satisfies(p, exp: Exp) -> bool:
    """Whether a product is one a correct search for `exp` may show (shown products are)."""
    from retrieval.attributes import compatible_audiences, type_key
    from retrieval.documents import key

    title = " " + re.sub(r"[^a-z0-9&' ]+", " ", p.title.lower()) + " "
    for facet, value, exclude in exp.cons:
        if facet == "type":
            has = bool(p.product_type) and type_key(p.product_type) == type_key(value)
        elif facet == "brand":
            has = key(p.brand or "") == key(value)
        elif facet == "color":
            has = key(p.color or "") == key(value)
        elif facet == "material":
            has = key(value) in {key(m) for m in p.materials}
        elif facet == "size":
            has = key(value) in {key(z) for z in p.sizes}
        elif facet == "audience":
            has = not p.audience or bool(compatible_audiences(value) & set(p.audience))
        else:
            has = False
        if exclude and (has or f" {key(value)} " in title):
            return False
        if not exclude and not has:
            return False
    if exp.max is not None and (p.price is None or p.price > exp.max):
        return False
    if exp.min is not None and (p.price is None or p.price < exp.min):
        return False
    return True


@dataclass
class Turn:
    """The drawn values of one turn as it is being made."""

    rng: random.Random
    cat: Catalog
    data: dict[str, SubjectData]
    subject: SubjectData
    subject2: SubjectData | None = None
    values: dict[str, Any] = field(default_factory=dict)  # slot -> canonical value
    words: dict[str, str] = field(default_factory=dict)  # slot -> the words written

    def taken(self, facet: str) -> set[str]:
        from retrieval.documents import key

        return {key(str(v)) for s, v in self.values.items() if slot_facet(s) == facet and isinstance(v, str)}

    def draw(self, slot: str, owner: SubjectData | None = None) -> None:
        """Give `slot` a value from its subject's pool, distinct from the values already drawn."""
        from retrieval.documents import key

        if slot in self.values:
            return
        rng, owner = self.rng, owner or self.subject
        facet = _facet_of_value_slot(slot)
        if slot == "rel":
            wanted = set(owner.pool("audience")) if owner is self.subject and self.subject2 is None else set(AUDIENCE_PHRASES)
            rels = [r for r, a in RELATIVES.items() if a in wanted]
            if not rels:
                raise Redraw("no audience for a relative")
            r = rng.choice(rels)
            self.values[slot], self.words[slot] = RELATIVES[r], r
            return
        pool = [v for v in owner.pool(facet) if key(v) not in self.taken(facet)]
        if not pool:
            raise Redraw(f"no {facet} left for {slot}")
        # the common values more often: searches then find something
        weights = [1.0 / (1 + i) ** 0.5 for i in range(len(pool))]
        value = rng.choices(pool, weights)[0]
        self.values[slot] = value
        if facet == "audience":
            self.words[slot] = rng.choice(AUDIENCE_PHRASES[value])
            self.words[slot + "_poss"] = AUDIENCE_POSSESSIVE[value]
        elif facet == "color":
            self.words[slot] = value.lower() if rng.random() < 0.8 else value
        elif facet == "material":
            self.words[slot] = value.lower()
        else:
            self.words[slot] = value

    def price(self, slot: str, kind: str, owner: SubjectData | None = None, relative_to: float | None = None,
              direction: str = "") -> float:
        owner = owner or self.subject
        prices = owner.prices
        if len(prices) < 4:
            raise Redraw("too few priced products")
        rng = self.rng
        for _ in range(20):
            if kind == "max":
                value = nice(quantile(prices, rng.uniform(0.45, 0.85)))
                if relative_to is not None and direction == "up":
                    value = nice(max(quantile(prices, rng.uniform(0.85, 0.98)), relative_to * 1.3))
                elif relative_to is not None and direction == "down":
                    value = nice(quantile(prices, rng.uniform(0.2, 0.45)), up=False)
            else:
                value = nice(quantile(prices, rng.uniform(0.15, 0.5)), up=False)
            if value >= prices[0] and (relative_to is None or value != relative_to) and not (
                    direction == "up" and relative_to is not None and value <= relative_to) and not (
                    direction == "down" and relative_to is not None and value >= relative_to):
                self.values[slot] = value
                self.words[slot] = money(value, self.cat.currency, rng)
                return value
        raise Redraw(f"no price for {slot}")


def _context(turn: Turn, pieces: list[str], split: str, allow_split: bool = True) -> tuple[list[tuple[str, list]], Exp]:
    """The context messages (text, spans) for the subject with these pieces, and the state
    they ask for."""
    rng, s = turn.rng, turn.subject
    exp = Exp([["type", s.subject.type, False]])
    for p in pieces:
        if p in PIECES:
            if p == "price0":
                exp.max = turn.values["price0"]
            else:
                exp.add(_facet_of_value_slot(p), turn.values[p])
        else:
            exp.add(_facet_of_value_slot(p), turn.values[p], True)
    plain = [p for p in pieces if p in PIECES]
    follow: list[str] = []
    if allow_split and len(plain) >= 1 and rng.random() < 0.35:
        follow = [rng.choice(plain)]
        plain = [p for p in plain if p not in follow]
    np = noun_phrase(rng, plain)
    messages = [rng.choice(CONTEXT_FRAMES[split]).replace("{NP}", np)]
    messages += [rng.choice(FOLLOW_UPS[p]) for p in follow]
    messages += [rng.choice(EXCLUSIONS[p]) for p in pieces if p in EXCLUSION_PIECES]
    words = dict(turn.words, type_pl=s.subject.plural)
    return [render(m, words) for m in messages], exp


def noun_phrase(rng: random.Random, pieces: Iterable[str]) -> str:
    """"women's black Veloxa running shoes in size 9 under $150", as a template."""
    pieces = list(pieces)
    pre, post = [], []
    if "aud0" in pieces and rng.random() < 0.5:
        pre.append("{aud0_poss}")
    elif "aud0" in pieces:
        post.append("for {aud0}")
    if "color0" in pieces:
        pre.append("{color0}")
    if "material0" in pieces:
        pre.append("{material0}")
    if "brand0" in pieces:
        if rng.random() < 0.6:
            pre.append("{brand0}")
        else:
            post.insert(0, rng.choice(["from {brand0}", "by {brand0}"]))
    if "size0" in pieces:
        post.append("in size {size0}")
    if "price0" in pieces:
        post.append(rng.choice(["under {price0}", "below {price0}", "for less than {price0}", "up to {price0}"]))
    return " ".join(pre + ["{type_pl}"] + post)


def _slots(template: T) -> set[str]:
    names = set(SLOT.findall(template.text)) | set(template.ctx)
    for e in template.eff:
        names.update(x for x in e[1:] if isinstance(x, str) and x not in ("shown", "last", "cheapest"))
    return names


def _can_draw(turn: Turn, piece: str) -> bool:
    if piece == "price0":
        return len(turn.subject.prices) >= 4
    return bool(turn.subject.pool(_facet_of_value_slot(piece)))


def _pick_shown(turn: Turn, exp: Exp, template: T) -> list[Any]:
    rng = turn.rng
    pool = [p for p in turn.subject.products if _satisfies(p, exp)]
    if len(pool) < 3:
        raise Redraw("fewer than 3 products to show")
    k = rng.choice([3, 4, 5]) if len(pool) >= 5 else min(len(pool), rng.choice([3, 4]))
    needs_price = any(e[0] in ("below", "above", "max_below_shown") for e in template.eff) or "cheapest" in template.text
    for _ in range(30):
        shown = rng.sample(pool, k)
        if needs_price and any(p.price is None for p in shown):
            continue
        if needs_price and len({p.price for p in shown}) < 2:
            continue
        if "cheapest" in template.text and sorted(p.price for p in shown)[:2].count(min(p.price for p in shown)) > 1:
            continue
        return shown
    raise Redraw("no shown set with prices")


def _positions(turn: Turn, template: T, shown: list[Any]) -> None:
    """p1 / p2 and the words naming them (ordinals, digits, a shown brand or colour)."""
    from retrieval.documents import key

    rng, text, k = turn.rng, template.text, len(shown)
    need = {name for e in template.eff for name in e[1:] if name in ("p1", "p2")}
    if not need:
        return
    candidates = list(range(1, k + 1))
    if "{sbrand1}" in text or "{scolor1}" in text:
        attr = "brand" if "{sbrand1}" in text else "color"
        counts = Counter(key(getattr(p, attr) or "") for p in shown)
        candidates = [i for i in candidates if getattr(shown[i - 1], attr) and counts[key(getattr(shown[i - 1], attr))] == 1]
        if not candidates:
            raise Redraw(f"no shown product with a {attr} of its own")
    if any(e[0] in ("below", "above") and e[1] == "p1" for e in template.eff):
        candidates = [i for i in candidates if shown[i - 1].price is not None]
    if not candidates:
        raise Redraw("no position")
    p1 = rng.choice(candidates)
    turn.values["p1"] = p1
    turn.words.update(ord1=ORDINALS[p1], pos1=str(p1))
    if "{sbrand1}" in text:
        turn.words["sbrand1"] = shown[p1 - 1].brand
    if "{scolor1}" in text:
        turn.words["scolor1"] = shown[p1 - 1].color.lower()
    if "p2" in need:
        p2 = rng.choice([i for i in range(1, k + 1) if i != p1])
        turn.values["p2"] = p2
        turn.words.update(ord2=ORDINALS[p2], pos2=str(p2))


def _apply(exp: Exp, eff: tuple, turn: Turn, shown: list[Any]) -> list[int]:
    """Apply one effect to the expected state; the referents it names."""
    kind, args = eff[0], eff[1:]
    v = turn.values
    if kind == "add":
        exp.add(_facet_of_value_slot(args[0]), v[args[0]])
    elif kind == "ex":
        exp.add(_facet_of_value_slot(args[0]), v[args[0]], True)
    elif kind in ("rep", "aud"):
        facet = _facet_of_value_slot(args[0])
        exp._drop(facet, exclude=False)
        exp.add(facet, v[args[0]])
    elif kind == "rm":
        exp._drop(_facet_of_value_slot(args[0]), v[args[0]], False)
    elif kind == "unex":
        exp._drop(_facet_of_value_slot(args[0]), v[args[0]], True)
    elif kind == "relax":
        if args[0] == "price":
            exp.max = exp.min = None
        else:
            exp._drop(args[0], exclude=False)
    elif kind == "max":
        exp.max = v[args[0]]
        if isinstance(exp.min, (int, float)) and exp.min > exp.max:
            exp.min = None
    elif kind == "min":
        exp.min = v[args[0]]
        if isinstance(exp.max, (int, float)) and exp.max < exp.min:
            exp.max = None
    elif kind == "range":
        exp.min, exp.max = v["lo"], v["hi"]
    elif kind in ("new", "gift"):
        exp.cons = [c for c in exp.cons if c[2] or c[0] == "audience"]
        exp.max = exp.min = None
        if kind == "new":
            exp.add("type", v["type2"])
        else:
            exp._drop("audience", exclude=False)
            exp.add("audience", v[args[0]])
    elif kind == "reset":
        exp.cons, exp.max, exp.min = [["type", v["type2"], False]], None, None
    elif kind == "ref":
        if args[0] == "last":
            return [len(shown)]
        if args[0] == "cheapest":
            return [min(range(len(shown)), key=lambda i: shown[i].price) + 1]
        return [v[args[0]]]
    elif kind == "cmp":
        return sorted({v[args[0]], v[args[1]]})
    elif kind == "cmp_n":
        return list(range(1, args[0] + 1))
    elif kind == "cmp_all":
        return list(range(1, len(shown) + 1))
    elif kind == "below":
        anchor = max(p.price for p in shown) if args[0] == "shown" else shown[v["p1"] - 1].price
        exp.max = {"below": anchor}
    elif kind == "above":
        anchor = min(p.price for p in shown) if args[0] == "shown" else shown[v["p1"] - 1].price
        exp.min = {"above": anchor}
    elif kind == "max_below_shown":
        exp.max = v[args[0]]
    else:
        raise ValueError(f"unknown effect {kind}")
    return []


def make_turn(rng: random.Random, cat: Catalog, data: dict[str, SubjectData], op: str, template: T, split: str) -> dict:
    """One labelled turn of `op` with this template over this catalog, or Redraw."""
    names = _slots(template)
    usable = [d for d in data.values() if len(d.products) >= 3]
    subject = rng.choice(usable)
    turn = Turn(rng, cat, data, subject)
    second = "type2" in names or any(e[0] in ("new", "reset", "gift") for e in template.eff)
    if second:
        others = [d for d in usable if d.subject.type != subject.subject.type]
        if not others:
            raise Redraw("no second subject")
        turn.subject2 = rng.choice(others)
        turn.values["type2"] = turn.subject2.subject.type
        turn.words.update(type2_pl=turn.subject2.subject.plural, a_type2=turn.subject2.subject.singular)
    turn.words.update(type_pl=subject.subject.plural, a_type=subject.subject.singular)

    # the context: the pieces the template needs, and some others that the message leaves alone
    pieces = [p for p in template.ctx]
    touched = {slot_facet(s) for s in names if slot_facet(s)} | {e[1] for e in template.eff if e[0] == "relax"}
    if any(e[0] in ("max", "min", "range", "relax") and (e[0] != "relax" or e[1] == "price") for e in template.eff):
        touched.add("price")
    if op in ("pricier", "cheaper") or any(e[0] == "max_below_shown" for e in template.eff):
        touched.add("price")
    extras_p = 0.5 if op == "reset" else 0.3
    candidates = [p for p in PIECES if p not in pieces and ("price" if p == "price0" else _facet_of_value_slot(p)) not in touched]
    if op not in ("restate",):
        candidates += [p for p in EXCLUSION_PIECES if p not in pieces and (op == "reset" or _facet_of_value_slot(p) not in touched)]
    rng.shuffle(candidates)
    for p in candidates:
        if len(pieces) >= len(template.ctx) + (3 if op == "reset" else 2):
            break
        if rng.random() < extras_p:
            pieces.append(p)
    if op == "reset":  # something that must stay (who it is for, an exclusion) and something that must go
        for group in (["aud0", *EXCLUSION_PIECES], ["color0", "brand0", "price0", "size0", "material0"]):
            if not any(p in group for p in pieces):
                pieces += [p for p in rng.sample(group, len(group)) if _can_draw(turn, p)][:1]

    kept = []
    for p in pieces:  # a piece the subject has no values for is left out, unless the template needs it
        try:
            if p == "price0":
                turn.price("price0", "max")
            else:
                turn.draw(p)
            kept.append(p)
        except Redraw:
            if p in template.ctx:
                raise
    pieces = kept

    # the message's own values
    owner = turn.subject2 if second else turn.subject
    for s in sorted(names):
        if s in turn.values or s in ("type2",) or s.startswith(("ord", "pos", "sbrand", "scolor")) or s in (
                "type_pl", "a_type", "type2_pl", "a_type2", "NP", "SAME", "interest"):
            continue
        if s in ("price", "lo", "hi"):
            continue
        if slot_facet(s) in ("brand", "color", "material", "audience", "size"):
            turn.draw(s, owner if s != "rel" else owner)
    if "interest" in names:
        turn.words["interest"] = rng.choice(INTERESTS)

    context, before = _context(turn, pieces, split, allow_split=op != "restate" or rng.random() < 0.5)
    if op == "restate" and template.text == "{SAME}" and len(context) > 1:
        raise Redraw("a verbatim repeat needs a one-message context")
    shown: list[Any] = []
    if op in SHOWN_OPS:
        shown = _pick_shown(turn, before, template)
        _positions(turn, template, shown)
    # amounts, now that the context (and what is shown) is known
    for e in template.eff:
        if e[0] == "max" and e[1] == "price":
            turn.price("price", "max", owner, relative_to=before.max if "price0" in pieces else None, direction=template.price)
        elif e[0] == "min":
            turn.price("price", "min", owner)
        elif e[0] == "range":
            lo = turn.price("lo", "min", owner)
            hi = turn.price("hi", "max", owner)
            if hi <= lo:
                raise Redraw("empty range")
        elif e[0] == "max_below_shown":
            value = nice(min(p.price for p in shown) * 0.8, up=False)
            if value <= 0 or value >= min(p.price for p in shown):
                raise Redraw("no amount below the shown prices")
            turn.values["price"], turn.words["price"] = value, money(value, cat.currency, rng)

    words = dict(turn.words)
    if op == "restate":
        words["SAME"] = context[0][0]
        np_template = noun_phrase(rng, [p for p in pieces if p in PIECES])
        np_words = dict(words)
        for p in pieces:
            if p == "price0":
                np_words["price0"] = money(turn.values["price0"], cat.currency, rng)
        text, spans = context[0] if template.text == "{SAME}" else render(template.text.replace("{NP}", np_template), np_words)
    else:
        text, spans = render(template.text, words)
    for message, message_spans in context + [(text, spans)]:
        clash = vocabulary_clash(message, message_spans, cat.facets)
        if clash:
            raise Redraw(f"vocabulary: {clash} ({message!r})")
    after = before.copy()
    referents: list[int] = []
    for e in template.eff:
        referents += _apply(after, e, turn, shown)
    if op in CHANGING_OPS and after.signature() == before.signature():
        raise Redraw("the message changes nothing")
    if op not in CHANGING_OPS and after.signature() != before.signature():
        raise Redraw("the message should change nothing")
    return {
        "catalog": cat.name, "split": split, "operation": op, "template": template.text, "subject": subject.subject.type,
        "context": [m for m, _ in context],
        "shown": [{"id": p.id, "title": p.title} for p in shown],
        "message": text,
        "context_expect": before.as_dict(),
        "expect": {"route": ROUTES.get(op, "product"), **after.as_dict(), "referents": referents},
    }


# --- the whole bank -------------------------------------------------------------------------------


def generate(catalogs: dict[str, Catalog], templates: dict[str, list[T]], split: str, per_op: int, seed: int = SEED,
             stats: Counter | None = None) -> list[dict]:
    """`per_op` turns of every operation, spread over the catalogs and the templates in turn."""
    rng = random.Random(f"{seed}-{split}")
    data = {name: {s.type: subject_data(cat, s) for s in SUBJECTS[name]} for name, cat in catalogs.items()}
    stats = stats if stats is not None else Counter()
    rows: list[dict] = []
    seen: set[tuple] = set()
    for op in OPERATIONS:
        names = [n for n in catalogs]
        made = 0
        attempt = 0
        dead: set[tuple[str, int]] = set()
        n_t = len(templates[op])
        while made < per_op and attempt < per_op * 60:
            # every template once per round, each round starting on the next catalog; a catalog
            # that cannot fill the template passes it on to the next
            index = attempt % n_t
            first = (index + attempt // n_t) % len(names)
            attempt += 1
            template = templates[op][index]
            row = None
            others = [n for n in names if n != names[first]]
            rng.shuffle(others)
            for name in [names[first]] + others:
                if (name, index) in dead:
                    continue
                for _ in range(25):
                    try:
                        row = make_turn(rng, catalogs[name], data[name], op, template, split)
                    except Redraw as why:
                        stats[f"redraw {name} {op}: {str(why).split(':')[0]}"] += 1
                        continue
                    signature = (row["catalog"], tuple(row["context"]), row["message"])
                    if signature in seen:
                        row = None
                        continue
                    seen.add(signature)
                    break
                if row is not None:
                    break
                dead.add((name, index))
                stats[f"template never filled: {split} {op} {name} {template.text!r}"] += 1
            if row is None:
                continue
            made += 1
            row["id"] = f"{split}-{op}-{made:03d}"
            rows.append(row)
        if made < per_op:
            stats[f"short: {split} {op} {made}/{per_op}"] += 1
    order = ("id", "catalog", "split", "operation", "template", "subject", "context", "shown", "message", "context_expect", "expect")
    return [{k: r[k] for k in order} for r in rows]


def write_jsonl(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_bank(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def load_catalogs(root: Path | None = None, names: Iterable[str] = CATALOG_NAMES) -> tuple[dict[str, Catalog], list[str]]:
    out, notes = {}, []
    for name in names:
        cat, why = load_catalog(name, root)
        notes.append(why)
        if cat is not None:
            out[name] = cat
    return out, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="shared data folder (default: ../shared/data)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--stats", action="store_true", help="print counts, write nothing")
    parser.add_argument("--out", type=Path, default=BANK)
    parser.add_argument("--held-out", type=Path, default=HELD)
    args = parser.parse_args(argv)
    catalogs, notes = load_catalogs(args.data)
    for n in notes:
        print(n)
    missing = [n for n in CATALOG_NAMES if n not in catalogs]
    if missing:
        print(f"missing catalogs: {', '.join(missing)}; the bank is made from all five")
        return 1
    stats: Counter = Counter()
    dev = generate(catalogs, dev_templates(), "dev", DEV_PER_OP, args.seed, stats)
    held = generate(catalogs, held_templates(), "held", HELD_PER_OP, args.seed, stats)
    for stat, count in sorted(stats.items()):
        if not stat.startswith("redraw") or count >= 50:
            print(f"  {stat}: {count}")
    for split, rows in (("dev", dev), ("held", held)):
        by = Counter((r["operation"], r["catalog"]) for r in rows)
        print(f"{split}: {len(rows)} turns; per operation: "
              + ", ".join(f"{op} {sum(n for (o, _), n in by.items() if o == op)} ({len({r['template'] for r in rows if r['operation'] == op})} templates)"
                          for op in OPERATIONS))
        print(f"  per catalog: {dict(Counter(r['catalog'] for r in rows))}")
    if not args.stats:
        write_jsonl(dev, args.out)
        write_jsonl(held, args.held_out)
        print(f"wrote {args.out} ({len(dev)}) and {args.held_out} ({len(held)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
