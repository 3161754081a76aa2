"""The shared real catalogs (Flipkart, Amazon.in, BigBasket): read with their mapping, sampled
by a seeded procedure, their stored query files, and dialogue scenarios made from their own
attributes. (`evals.shared_contexts` indexes the samples for an eval run; the query generator
is `evals.gen_retrieval`.)

catalog/flipkart*/<file>.csv, catalog/amazon_in*/<file>.csv
    The Flipkart and Amazon.in product exports, parsed with examples/mappings/flipkart.toml and
    amazon_in.toml. A seeded sample of at most `max_products` products is indexed (see
    `sample_catalog`); the labelled queries come from `evals/data/retrieval_<name>.jsonl` when
    stored (`python -m evals.gen_retrieval --shared <name>`), else are generated in the run.
    That file's first line is `{"sample": {...}}` (catalog file, procedure, seed, sampled ids),
    the other lines are queries as in retrieval_demo.jsonl.
"""

from __future__ import annotations

import math
import random
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Sequence

from evals.data_sets.common import SEED, EvalDataError, locate, parse_with_mapping, read_jsonl, shared_root, stratified_sample
from evals.paths import DATA

CATALOGS = ("flipkart", "amazon_in")
MAX_PRODUCTS = 3000
MAX_CATEGORIES = 15  # the query generator's categories: the largest leaf categories

SAMPLE_PROCEDURE = (
    "products without a price are left out; leaf categories (last level of the category path) ranked by "
    "product count, then name; every product of the first max_categories leaves is kept (the query "
    "generator's categories, so its grades are complete), or, when those alone exceed max_products, a "
    "random.Random(seed) sample stratified by leaf; the remaining room is filled with a random.Random(seed) "
    "sample of the other products stratified by leaf ('' for no category); ids stored in catalog order")


def sample_catalog(products: Sequence[Any], max_products: int = MAX_PRODUCTS, seed: int = SEED,
                   max_categories: int = MAX_CATEGORIES) -> tuple[list[Any], dict]:
    """A seeded sample of at most max_products, stratified by leaf category, holding every product
    of the categories `evals.gen_retrieval.generate(sample, seed, max_categories)` will pick (see
    SAMPLE_PROCEDURE). Returns the sample and its description (stored with the queries)."""
    priced = [p for p in products if p.price is not None]

    def leaf(p) -> str:
        return p.category[-1] if p.category else ""

    counts = Counter(leaf(p) for p in priced if p.category)
    top = set(sorted(counts, key=lambda c: (-counts[c], c))[:max_categories])
    core = [p for p in priced if leaf(p) in top]
    if len(core) >= max_products:
        sample = stratified_sample(core, leaf, max_products, seed)
    else:
        rest = [p for p in priced if leaf(p) not in top]
        keep = {id(p) for p in core + stratified_sample(rest, leaf, max_products - len(core), seed)}
        sample = [p for p in priced if id(p) in keep]
    meta = {"procedure": SAMPLE_PROCEDURE, "seed": seed, "max_products": max_products, "max_categories": max_categories,
            "catalog_products": len(products), "ids": [p.id for p in sample]}
    return sample, meta


def read_catalog(name: str, root: Path | None = None) -> tuple[Path | None, list[Any], str]:
    """(file, every product parsed with the catalog's mapping, "") or (None, [], why it was skipped)."""
    path, why = locate(shared_root(root), name, f"catalog/{name}", ".csv")
    if path is None:
        return None, [], f"{why}; skipped"
    try:
        parsed = parse_with_mapping(path, "product", f"{name}.toml")
    except EvalDataError as exc:
        return None, [], f"{name}: {exc}; skipped"
    return path, [p for _, p in parsed.items], ""


def queries_path(name: str, queries_dir: Path = DATA) -> Path:
    return Path(queries_dir) / f"retrieval_{name}.jsonl"


def read_shared_queries(path: Path) -> tuple[dict, list[dict]]:
    """(sample description, queries) of a stored evals/data/retrieval_<name>.jsonl."""
    rows = read_jsonl(path)
    if not rows or "sample" not in rows[0]:
        raise EvalDataError(f"{path}: first line must be {{\"sample\": ...}} (regenerate with python -m evals.gen_retrieval --shared NAME)")
    return rows[0]["sample"], rows[1:]


def catalog_scenarios(name: str, products: Sequence[Any], seed: int = SEED, categories: int = 6) -> list[dict]:
    """Scripted dialogues (evals/data/dialogues.json format) from a catalog's own attributes, for
    its `categories` largest leaf categories with 3+ priced products: "show me <leaf> under <P>"
    (P = median price rounded up) expecting max_price, then "not <B>" (B = the leaf's most common
    brand, when it has another brand too) expecting brand_not and max_price; and "show me <leaf>
    in <colour>" (a seeded pick of the leaf's colours) expecting color."""
    rng = random.Random(seed)
    by_leaf: dict[str, list[Any]] = defaultdict(list)
    for p in sorted(products, key=lambda p: p.id):
        if p.category and p.price is not None:
            by_leaf[p.category[-1]].append(p)
    leaves = [c for c in sorted(by_leaf, key=lambda c: (-len(by_leaf[c]), c)) if len(by_leaf[c]) >= 3][:categories]
    out = []
    for n, leaf in enumerate(leaves):
        items = by_leaf[leaf]
        cap = float(math.ceil(statistics.median(p.price for p in items)))
        turns = [{"say": f"show me {leaf.lower()} under {cap:g}", "expect": {"routes_to": "product", "max_price": cap}}]
        brands = Counter(p.brand for p in items if p.brand and p.price <= cap)
        if len(brands) >= 2:
            brand = min(brands, key=lambda b: (-brands[b], b))
            turns.append({"say": f"not {brand}", "expect": {"brand_not": brand, "max_price": cap}})
        out.append({"id": f"{name}-{n}-price-brand", "turns": turns})
        colours = sorted({p.color for p in items if p.color})
        if colours:
            colour = rng.choice(colours)
            out.append({"id": f"{name}-{n}-colour", "turns": [
                {"say": f"show me {leaf.lower()} in {colour.lower()}", "expect": {"routes_to": "product", "color": colour}}]})
    return out

