"""Labelled retrieval queries generated from a catalog's own attributes, by a documented and
seeded procedure, so every run scores the same set (`evals/data/retrieval_demo.jsonl`).

Procedure (seed 13 unless told otherwise), per leaf category (the last level of the path), in
sorted order, with one `random.Random(seed)` drawn in that fixed order:
  1. "<category>"                                 constraints: category
  2. "<colour> <category>"                        colour drawn from the category's products
  3. "<brand> <category>"                         brand drawn from the category's products
  4. "<colour> <category> under <P>"              P = a drawn product's price rounded up to 10
  5. "<brand> <category> under <P>"               (same rule for P)
Graded relevance: 2 = the product satisfies every constraint of the query (category, colour,
brand, max price), 1 = right category only, 0 = otherwise (not listed). Only products with a
grade >= 1 are stored. A query is kept when at least one product has grade 2 (always true by
construction) and it is not a duplicate of an earlier query text.

Regenerate:  python -m evals.gen_retrieval  [--catalog FILE --out FILE --seed N]
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path
from typing import Iterable

from retrieval.documents import key
from retrieval.schemas import Product

REPO = Path(__file__).resolve().parent.parent
DEMO_CATALOG = REPO / "examples" / "demo" / "products.jsonl"
DEMO_QUERIES = Path(__file__).resolve().parent / "data" / "retrieval_demo.jsonl"
SEED = 13


def _satisfies(p: Product, c: dict) -> bool:
    if c.get("categories") and not {key(x) for x in c["categories"]} & {key(x) for x in p.category}:
        return False
    if c.get("colors") and key(p.color or "") not in {key(x) for x in c["colors"]}:
        return False
    if c.get("brands") and key(p.brand or "") not in {key(x) for x in c["brands"]}:
        return False
    if c.get("max_price") is not None and (p.price is None or p.price > c["max_price"]):
        return False
    return True


def generate(products: Iterable[Product], seed: int = SEED, max_categories: int | None = None) -> list[dict]:
    products = [p for p in products if p.category]
    rng = random.Random(seed)
    by_leaf: dict[str, list[Product]] = {}
    for p in products:
        by_leaf.setdefault(p.category[-1], []).append(p)
    leaves = sorted(by_leaf, key=lambda c: (-len(by_leaf[c]), c))
    if max_categories:
        leaves = sorted(leaves[:max_categories])
    else:
        leaves = sorted(leaves)
    out, seen = [], set()
    for leaf in leaves:
        items = sorted(by_leaf[leaf], key=lambda p: p.id)
        if len(items) < 3:
            continue
        name = leaf.lower()
        colored = [p for p in items if p.color]
        branded = [p for p in items if p.brand]
        priced = [p for p in items if p.price is not None]
        specs = [(name, {})]
        if colored:
            c = rng.choice(colored).color
            specs.append((f"{c.lower()} {name}", {"colors": [c]}))
        if branded:
            b = rng.choice(branded).brand
            specs.append((f"{b} {name}", {"brands": [b]}))
        for attr, pool in (("colors", [p for p in colored if p.price is not None]), ("brands", [p for p in branded if p.price is not None])):
            if not pool:
                continue
            pick = rng.choice(pool)
            value = pick.color if attr == "colors" else pick.brand
            cap = float(max(10, math.ceil(pick.price / 10.0) * 10))
            text = f"{value.lower() if attr == 'colors' else value} {name} under {cap:g}"
            specs.append((text, {attr: [value], "max_price": cap}))
        del priced
        for text, extra in specs:
            constraints = {"categories": [leaf], **extra}
            if text in seen:
                continue
            grades = {}
            for p in products:
                if _satisfies(p, constraints):
                    grades[p.id] = 2
                elif _satisfies(p, {"categories": [leaf]}):
                    grades[p.id] = 1
            if not any(g == 2 for g in grades.values()):
                continue
            seen.add(text)
            out.append({"id": f"q{len(out):03d}", "query": text, "constraints": constraints, "grades": grades})
    return out


def load_catalog(path: Path, mapping: Path | None = None) -> list[Product]:
    from retrieval.ingest import parse_file
    from retrieval.mapping import Mapping

    parsed = parse_file(Path(path), "product", Mapping.load(mapping) if mapping else None)
    return [p for _, p in parsed.items]


def write_jsonl(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


def shared_catalog_queries(name: str, seed: int = SEED, limit_categories: int = 15) -> tuple[list[dict] | None, list[Product] | None, str]:
    """Labelled queries for a shared real catalog (flipkart | amazon_in), or (None, None, why skipped)."""
    from evals.datasets import find_data_file, shared_data_dir

    root = shared_data_dir()
    if not root.is_dir():
        return None, None, f"shared data not found at {root} (set SHOPASSIST_SHARED_DATA); {name} skipped"
    path = find_data_file(root, f"catalog/{name}", suffixes=(".csv",))
    if path is None:
        return None, None, f"no csv under {root / 'catalog' / name}; {name} skipped"
    products = load_catalog(path, REPO / "examples" / "mappings" / f"{name}.toml")
    return generate(products, seed=seed, max_categories=limit_categories), products, f"{name}: {path}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--catalog", type=Path, default=DEMO_CATALOG)
    ap.add_argument("--mapping", type=Path)
    ap.add_argument("--out", type=Path, default=DEMO_QUERIES)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    rows = generate(load_catalog(args.catalog, args.mapping), seed=args.seed)
    write_jsonl(rows, args.out)
    print(f"{len(rows)} labelled queries -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
