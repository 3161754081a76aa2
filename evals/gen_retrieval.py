"""Labelled retrieval queries generated from a catalog's own attributes, by a documented and
seeded procedure, so every run scores the same set (`evals/data/retrieval_demo.jsonl`).

Each query has HARD constraints (always the category, plus some of: max price, price range,
colour, brand, size) and SOFT attributes the shopper describes in words. Both come from a target
product drawn from the catalog, so at least one product fits exactly.

Procedure (seed 13 unless told otherwise), per leaf category (the last level of the path), in
sorted order, with one `random.Random(seed)` drawn in that fixed order:
  * Soft vocabulary of a product: its gender from `extra` ("women's", "men's", "kids"; unisex
    gives none), the names of its yes/no features that are "yes" ("waterproof",
    "noise-cancelling", "induction compatible"...), and the descriptive words of its title and
    `extra["material"]` ("trail", "wireless", "leather", hyphenated words as one: "pour-over").
    A word is descriptive when it has 3+ letters and no digit, is no stop word, is not part of a
    brand / colour / category / size name of the catalog (those are hard constraints), occurs in
    lower case somewhere in the catalog's descriptions or `extra` values and is not the word right
    after the brand in any title (so model names such as "Tailwind" are left out), and at most half of the category's products have it.
  * TEMPLATES (below) are tried in order; for each, up to 4 targets are drawn from the category's
    products that have the fields the template needs and a soft vocabulary; 1 or 2 soft
    attributes (drawn) are taken from the target. Hard values come from the target: its colour,
    brand, a size it comes in, "under P" with P = max(target price, median price of the products
    meeting the other hard constraints) rounded up to 10, "between L and H" with L = target price
    * 0.6 rounded down to 10 and H = target price * 1.4 rounded up to 10 (L < 10 gives "under H").
  * Query text reads naturally: "women's trail running shoes under 150", "wireless headphones in
    navy", "Castwell cast iron cookware"; categories that are no plural noun lead ("yoga mat").
Graded relevance: 2 = satisfies every hard constraint AND has every soft attribute (its words
appear, in order, in the product's title, description or `extra` values / "yes" feature names;
case-insensitive, plurals and "'s" folded), 1 = satisfies every hard constraint but lacks a soft
attribute, 0 = violates a hard constraint (not relevant at all; not listed). Only grades >= 1 are
stored; the ideal DCG is computed from these labels.
A query is kept when it has at least 1 grade-2 item, at least 3 constraint-satisfying items and
at least 1 grade-1 item (so ranking among the filtered items matters), and its text is new; at
most PER_CATEGORY queries per category.

Two wordings (field "style"). The procedure above gives "catalog" queries: the soft attributes
in the catalog's own words, which favours word matching by construction (a grade-2 item contains
the query's words). Shoppers often say it differently, so every catalog query with a soft
attribute that has an entry in `data/shopper_words.json` (our table of shopper phrasings that
avoid the catalog word: "waterproof" -> "for rainy days", "noise-cancelling" -> "for a noisy
commute") also gets a "shopper" twin with the same hard constraints and the same labels: each
such attribute is said the shopper's way (attributes with no entry, mostly materials such as
"cotton", stay as they are), the phrasing drawn by a second `random.Random(seed + 1)` so that the
catalog queries do not depend on the table. Reports give NDCG for each wording and both together.

Regenerate:  python -m evals.gen_retrieval  [--catalog FILE --out FILE --seed N]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
from pathlib import Path
from typing import Any, Iterable

from evals.data_sets.catalogs import MAX_CATEGORIES, MAX_PRODUCTS, queries_path, read_catalog, sample_catalog
from evals.data_sets.common import write_jsonl
from evals.paths import DATA, DEMO
from retrieval.documents import key
from retrieval.schemas import Product

DEMO_CATALOG = DEMO / "products.jsonl"
DEMO_QUERIES = DATA / "retrieval_demo.jsonl"
SHOPPER_WORDS = DATA / "shopper_words.json"
_POST = ("for ", "with ", "made ", "that ", "around ")
SEED = 13
PER_CATEGORY = 6
TRIES = 4
# (hard constraints besides the category, in the order they are tried per category)
TEMPLATES = (("max_price",), ("colors",), ("brands",), ("price_range",), ("sizes",), (), ("colors", "max_price"), ("brands", "max_price"))
STOP = {"and", "with", "the", "for", "from", "that", "this", "your", "into", "per", "each", "pro", "plus", "mini",
        "inch", "pack", "piece", "pieces", "set", "kit", "quart", "its", "one", "all", "type", "types"}
GENDER = {"women": "women's", "men": "men's", "kids": "kids"}


def _fold(word: str) -> str:
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(?:s|x|ch|sh)es$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def tokens(text: str) -> list[str]:
    """Lower-case words (apostrophes kept inside words), plurals and "'s" folded."""
    return [_fold(t) for t in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())]


def product_tokens(p: Product) -> list[str]:
    parts = [p.title, p.description]
    for name, value in sorted(p.extra.items()):
        v = str(value).strip().lower()
        if v in ("yes", "true"):
            parts.append(name.replace("_", " "))
        elif v not in ("no", "false"):
            parts.append(str(value))
    return tokens(" | ".join(parts))


def has_phrase(toks: list[str], phrase: str) -> bool:
    want = tokens(phrase)
    n = len(want)
    return n > 0 and any(toks[i:i + n] == want for i in range(len(toks) - n + 1))


def _satisfies(p: Product, c: dict) -> bool:
    if c.get("categories") and not {key(x) for x in c["categories"]} & {key(x) for x in p.category}:
        return False
    if c.get("colors") and key(p.color or "") not in {key(x) for x in c["colors"]}:
        return False
    if c.get("brands") and key(p.brand or "") not in {key(x) for x in c["brands"]}:
        return False
    if c.get("sizes") and not {key(x) for x in c["sizes"]} & {key(s) for s in p.sizes}:
        return False
    if c.get("max_price") is not None and (p.price is None or p.price > c["max_price"]):
        return False
    if c.get("min_price") is not None and (p.price is None or p.price < c["min_price"]):
        return False
    return True


def grade(p: Product, constraints: dict, soft: list[str], toks: list[str] | None = None) -> int:
    if not _satisfies(p, constraints):
        return 0
    toks = product_tokens(p) if toks is None else toks
    return 2 if all(has_phrase(toks, s) for s in soft) else 1


class _Vocabulary:
    """Which words may serve as soft attributes (see the module docstring)."""

    def __init__(self, products: list[Product]):
        reserved: set[str] = set()
        for p in products:
            for value in [p.brand or "", p.color or "", *p.category, *p.sizes]:
                reserved.update(tokens(value))
        self.reserved = reserved
        lower: set[str] = set()
        for p in products:
            lower.update(_fold(t) for t in re.findall(r"(?<![A-Za-z])[a-z]+(?:'[a-z]+)?", p.description))
            for v in p.extra.values():
                lower.update(_fold(t) for t in re.findall(r"(?<![A-Za-z])[a-z]+(?:'[a-z]+)?", str(v)))
        self.lower = lower
        # model names: the word right after the brand in a title ("Veloxa Tailwind ...")
        models: set[str] = set()
        for p in products:
            words = re.findall(r"[A-Za-z0-9]+", p.title)
            n = len(tokens(p.brand or ""))
            if p.brand and p.title.lower().startswith(p.brand.lower()) and len(words) > n:
                models.add(_fold(words[n]))
        self.models = models

    def word_ok(self, w: str) -> bool:
        return len(w) >= 3 and w.isalpha() and w not in STOP and w not in self.reserved and w in self.lower

    def soft(self, p: Product) -> list[str]:
        out: list[str] = []
        gender = GENDER.get(key(p.extra.get("gender", "")))
        if gender:
            out.append(gender)
        for name, value in sorted(p.extra.items()):
            if str(value).strip().lower() in ("yes", "true") and all(self.word_ok(w) for w in tokens(name.replace("_", " "))):
                out.append(name.replace("_", "-") if name in ("noise_cancelling", "carry_on_compliant") else name.replace("_", " "))
        for text in (p.title, p.extra.get("material", "")):
            for word in re.findall(r"[A-Za-z]+(?:[-'][A-Za-z]+)*", text):
                parts = [_fold(w) for w in word.split("-")]
                if len(parts) > 1:  # "pour-over", "slip-on", "noise-cancelling": one attribute
                    if all(w.isalpha() and w not in self.reserved and w not in STOP for w in parts) and any(self.word_ok(w) for w in parts):
                        out.append(word.lower())
                elif self.word_ok(parts[0]) and parts[0] not in self.models and parts[0] not in {_fold(g) for g in GENDER}:
                    out.append(word.lower())
        return list(dict.fromkeys(out))


def _ceil10(x: float) -> float:
    return float(max(10, math.ceil(x / 10.0) * 10))


def _text(leaf: str, soft: list[str], hard: dict) -> str:
    name = leaf.lower()
    gender = [s for s in soft if s in GENDER.values()]
    rest = [s for s in soft if s not in GENDER.values()]
    if name.endswith("s"):
        core = " ".join([*gender, *rest, name])
    else:  # "yoga mat", "women's cycling shorts"
        core = " ".join([*gender, name, *rest])
    if hard.get("brands"):
        core = f"{hard['brands'][0]} {core}"
    if hard.get("colors"):
        core = f"{core} in {hard['colors'][0].lower()}"
    if hard.get("sizes"):
        core = f"{core} in size {hard['sizes'][0].lower()}"
    if hard.get("min_price") is not None:
        core = f"{core} between {hard['min_price']:g} and {hard['max_price']:g}"
    elif hard.get("max_price") is not None:
        core = f"{core} under {hard['max_price']:g}"
    return core


def shopper_words(path: Path = SHOPPER_WORDS) -> dict[str, list[str]]:
    return {k: v for k, v in json.loads(Path(path).read_text("utf-8")).items() if not k.startswith("_")}


def _shopper_text(leaf: str, phrases: list[str], hard: dict) -> str:
    """Like `_text`, with shopper phrasings: adjectives before the product noun, phrases after."""
    pre = [p for p in phrases if not p.startswith(_POST)]
    post = [p for p in phrases if p.startswith(_POST)]
    core = " ".join([*pre, leaf.lower()])
    if post:
        core = f"{core} {' and '.join(post)}"
    return _text(core, [], hard)


def generate(products: Iterable[Product], seed: int = SEED, max_categories: int | None = None,
             words: dict[str, list[str]] | None = None) -> list[dict]:
    products = [p for p in products if p.category]
    words = shopper_words() if words is None else words
    rng = random.Random(seed)
    rng_words = random.Random(seed + 1)
    vocab = _Vocabulary(products)
    toks = {p.id: product_tokens(p) for p in products}
    by_leaf: dict[str, list[Product]] = {}
    for p in products:
        by_leaf.setdefault(p.category[-1], []).append(p)
    leaves = sorted(by_leaf, key=lambda c: (-len(by_leaf[c]), c))
    leaves = sorted(leaves[:max_categories]) if max_categories else sorted(leaves)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for leaf in leaves:
        items = sorted(by_leaf[leaf], key=lambda p: p.id)
        if len(items) < 3:
            continue
        # soft attributes that at most half of the category has
        limit = len(items) / 2
        softs = {}
        for p in items:
            ok = [s for s in vocab.soft(p) if sum(has_phrase(toks[q.id], s) for q in items) <= limit]
            if ok:
                softs[p.id] = ok
        kept = 0
        for template in TEMPLATES:
            if kept >= PER_CATEGORY:
                break
            need = {"colors": lambda p: bool(p.color), "brands": lambda p: bool(p.brand), "sizes": lambda p: bool(p.sizes),
                    "max_price": lambda p: p.price is not None, "price_range": lambda p: p.price is not None}
            pool = [p for p in items if p.id in softs and all(need[h](p) for h in template)]
            if not pool:
                continue
            for _ in range(TRIES):
                target = rng.choice(pool)
                cand = softs[target.id]
                soft = sorted(rng.sample(cand, min(len(cand), rng.choice((1, 2)))), key=cand.index)
                hard: dict = {"categories": [leaf]}
                if "colors" in template:
                    hard["colors"] = [target.color]
                if "brands" in template:
                    hard["brands"] = [target.brand]
                if "sizes" in template:
                    hard["sizes"] = [rng.choice(target.sizes)]
                if "max_price" in template and target.price is not None:
                    others = [p.price for p in items if p.price is not None and _satisfies(p, hard)]
                    hard["max_price"] = _ceil10(max(target.price, statistics.median(others)))
                if "price_range" in template and target.price is not None:
                    low = float(math.floor(target.price * 0.6 / 10.0) * 10)
                    if low >= 10:
                        hard["min_price"] = low
                    hard["max_price"] = _ceil10(target.price * 1.4)
                text = _text(leaf, soft, hard)
                if text in seen:
                    continue
                grades = {p.id: g for p in products if (g := grade(p, hard, soft, toks[p.id])) >= 1}
                n2 = sum(g == 2 for g in grades.values())
                if n2 < 1 or len(grades) < 3 or n2 == len(grades):
                    continue
                seen.add(text)
                qid = f"q{sum(r['style'] == 'catalog' for r in out):03d}"
                out.append({"id": qid, "style": "catalog", "query": text, "constraints": hard, "soft": soft, "grades": grades})
                if any(s in words for s in soft):
                    said = _shopper_text(leaf, [rng_words.choice(words[s]) if s in words else s for s in soft], hard)
                    out.append({"id": f"{qid}-shopper", "style": "shopper", "query": said, "constraints": hard, "soft": soft, "grades": grades})
                kept += 1
                break
    return out


def load_catalog(path: Path, mapping: Path | None = None) -> list[Product]:
    from retrieval.ingest import parse_file
    from retrieval.mapping import Mapping

    parsed = parse_file(Path(path), "product", Mapping.load(mapping) if mapping else None)
    return parsed.products()


def sample_and_generate(products: list[Product], catalog_file: str, max_products: int = MAX_PRODUCTS, seed: int = SEED,
                        max_categories: int = MAX_CATEGORIES) -> tuple[list[Product], dict, list[dict]]:
    """A shared catalog's seeded sample (`evals.data_sets.catalogs.sample_catalog`), its
    description (with the catalog's file name) and the queries generated from the sample."""
    sample, meta = sample_catalog(products, max_products, seed, max_categories)
    meta["catalog"] = catalog_file
    return sample, meta, generate(sample, seed=seed, max_categories=max_categories)


def store_shared_queries(name: str, root: Path | None = None, out: Path | None = None, max_products: int = MAX_PRODUCTS,
                         seed: int = SEED, max_categories: int = MAX_CATEGORIES) -> tuple[Path | None, str]:
    """Sample, generate and write evals/data/retrieval_<name>.jsonl (first line: the sample)."""
    path, products, why = read_catalog(name, root)
    if path is None:
        return None, why
    sample, meta, queries = sample_and_generate(products, path.name, max_products, seed, max_categories)
    out = Path(out) if out is not None else queries_path(name)
    write_jsonl([{"sample": meta}, *queries], out)
    return out, (f"{name}: {len(sample)} sampled products of {len(products)} in {path.name}, "
                 f"{len(queries)} generated queries -> {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalog", type=Path, default=DEMO_CATALOG)
    ap.add_argument("--mapping", type=Path)
    ap.add_argument("--out", type=Path, help="default: evals/data/retrieval_demo.jsonl (or retrieval_<NAME>.jsonl with --shared)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--shared", metavar="NAME", choices=("flipkart", "amazon_in"),
                    help="sample the shared catalog NAME (../shared/data or $SHOPASSIST_SHARED_DATA) and store its "
                         "queries with the sampled ids in evals/data/retrieval_NAME.jsonl (see evals/data_sets/catalogs.py)")
    args = ap.parse_args(argv)
    if args.shared:
        path, why = store_shared_queries(args.shared, out=args.out, seed=args.seed)
        print(why)
        return 0 if path is not None else 2
    rows = generate(load_catalog(args.catalog, args.mapping), seed=args.seed)
    out = args.out or DEMO_QUERIES
    write_jsonl(rows, out)
    print(f"{len(rows)} labelled queries -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
