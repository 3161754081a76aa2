"""Graded relevance judgments made by people: the shared development halves under
`relevance/` of the shared data folder (Home Depot, Crowdflower) and a shop's own files in the
same format (see evals/README.md, "Relevance suite").

  home_depot   relevance/home_depot/judgments_dev.csv (search_term, product_uid, relevance 1-3,
               the mean of several raters) over products.csv (54,667 titles)
  crowdflower  relevance/crowdflower/judgments_dev.csv (query, product_id, median_relevance 1-4)
               over products.csv (9,913 titles with descriptions)

Used by the relevance suite (evals/suites/relevance.py) and the ranker's training
(evals/train_ranker.py).
"""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SETS = ("home_depot", "crowdflower")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class JudgedQuery:
    id: str
    text: str
    grades: dict[str, float]


@dataclass
class JudgmentSet:
    """Graded judgments of (query, product) pairs over a catalog. `lowest` is the grade that
    means "not relevant" (gain 0); `relevant_at` the grade from which a product counts for
    full-catalog recall."""

    name: str
    products: list[Any]
    queries: list[JudgedQuery]
    lowest: float
    relevant_at: float
    source: str = ""

    def gain(self, grade: float) -> float:
        return grade - self.lowest

    def digest(self) -> str:
        """Hash of the judgments (queries, products judged, grades): which set a model was trained on."""
        h = hashlib.sha256()
        for q in sorted(self.queries, key=lambda q: q.text):
            h.update(q.text.encode())
            for pid, g in sorted(q.grades.items()):
                h.update(f"|{pid}={g:.4f}".encode())
            h.update(b"\n")
        return h.hexdigest()[:16]

    def rerank_queries(self) -> list[JudgedQuery]:
        return [q for q in self.queries if len(q.grades) >= 2]

    def recall_queries(self) -> list[JudgedQuery]:
        return [q for q in self.queries if any(g >= self.relevant_at - 1e-6 for g in q.grades.values())]

    def relevant(self, q: JudgedQuery) -> set[str]:
        return {p for p, g in q.grades.items() if g >= self.relevant_at - 1e-6}


def _pick(header: Sequence[str], names: Sequence[str], what: str, path: Path) -> str:
    lowered = {h.lower().strip(): h for h in header}
    for n in names:
        if n in lowered:
            return lowered[n]
    raise ValueError(f"{path}: no {what} column (looked for {', '.join(names)}; found {', '.join(header)})")


def query_id(name: str, text: str) -> str:
    return f"{name}-{hashlib.sha1(text.encode()).hexdigest()[:10]}"


def read_products(path: Path) -> list[Any]:
    """A products file: JSONL of our Product schema, or CSV with an id column (product_id,
    product_uid, id), a title (product_title, title, name) and optionally description, brand,
    category (a path with '>'), price, rating, rating_count."""
    from retrieval.schemas import Product

    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8") as fh:
            return [Product.model_validate_json(line) for line in fh if line.strip()]
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        id_col = _pick(header, ("product_id", "product_uid", "id", "item_id"), "product id", path)
        title_col = _pick(header, ("product_title", "title", "name"), "title", path)
        optional = {}
        for field_name, names in (("description", ("product_description", "description")), ("brand", ("brand",)),
                                  ("category", ("category",)), ("price", ("price",)), ("rating", ("rating",)),
                                  ("rating_count", ("rating_count",))):
            try:
                optional[field_name] = _pick(header, names, field_name, path)
            except ValueError:
                pass
        for row in reader:
            pid, title = (row.get(id_col) or "").strip(), (row.get(title_col) or "").strip()
            if not pid or not title:
                continue
            data: dict[str, Any] = {"id": pid, "title": title[:1000]}
            for field_name, col in optional.items():
                value = (row.get(col) or "").strip()
                if not value:
                    continue
                if field_name == "description":
                    data[field_name] = value[:20000]
                elif field_name == "category":
                    data[field_name] = [c.strip() for c in value.split(">") if c.strip()]
                elif field_name in ("price", "rating"):
                    try:
                        data[field_name] = float(value)
                    except ValueError:
                        pass
                elif field_name == "rating_count":
                    try:
                        data[field_name] = int(float(value))
                    except ValueError:
                        pass
                else:
                    data[field_name] = value
            out.append(Product.model_validate(data))
    return out


def load_judgments(judgments: Path, products: Path, name: str | None = None, relevant_at: float | None = None,
                   lowest: float | None = None) -> JudgmentSet:
    """A judgments CSV (a query column: query / search_term; a product id column: product_id /
    product_uid / item_id; a grade column: grade / relevance / median_relevance / label) over a
    products file (`read_products`). Grades are numbers, higher is better; `lowest` defaults to
    the lowest grade in the file (gain 0), `relevant_at` to the highest."""
    judgments, products = Path(judgments), Path(products)
    catalog = read_products(products)
    known = {p.id for p in catalog}
    by_query: dict[str, dict[str, float]] = {}
    with judgments.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        q_col = _pick(header, ("query", "search_term", "question"), "query", judgments)
        p_col = _pick(header, ("product_id", "product_uid", "item_id", "id"), "product id", judgments)
        g_col = _pick(header, ("grade", "relevance", "median_relevance", "label"), "grade", judgments)
        for row in reader:
            text, pid = " ".join((row.get(q_col) or "").split()), (row.get(p_col) or "").strip()
            try:
                grade = float(row.get(g_col) or "")
            except ValueError:
                continue
            if text and pid in known:
                by_query.setdefault(text, {})[pid] = grade
    if not by_query:
        raise ValueError(f"{judgments}: no judgment names a product of {products}")
    name = name or judgments.parent.name
    grades = [g for gs in by_query.values() for g in gs.values()]
    queries = [JudgedQuery(query_id(name, t), t, g) for t, g in sorted(by_query.items())]
    return JudgmentSet(name, catalog, queries, min(grades) if lowest is None else lowest,
                       max(grades) if relevant_at is None else relevant_at, source=str(judgments))


SHARED = {
    # name: (judgments, products, relevant_at, lowest)
    "home_depot": ("relevance/home_depot/judgments_dev.csv", "relevance/home_depot/products.csv", 2.33, 1.0),
    "crowdflower": ("relevance/crowdflower/judgments_dev.csv", "relevance/crowdflower/products.csv", 4.0, 1.0),
}


def shared_root(settings=None) -> Path:
    if settings is not None and getattr(settings, "shared_data", None):
        return Path(settings.shared_data)
    env = os.environ.get("SHOPASSIST_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


def shared_set(name: str, root: Path | None = None) -> tuple[JudgmentSet | None, str]:
    """A shared development set by name, or None and why."""
    root = Path(root) if root else shared_root()
    judgments, products, relevant_at, lowest = SHARED[name]
    j, p = root / judgments, root / products
    if not j.is_file() or not p.is_file():
        return None, f"relevance: {name} not found under {root} ({judgments}, {products})"
    try:
        s = load_judgments(j, p, name, relevant_at, lowest)
    except (OSError, ValueError) as exc:
        return None, f"relevance: {name} unreadable: {exc}"
    return s, (f"relevance: {name}: {len(s.queries):,} queries, {sum(len(q.grades) for q in s.queries):,} judgments, "
               f"{len(s.products):,} products")
