"""The shared real catalogs as an eval run uses them: each sampled, with its labelled queries
(stored in evals/data/retrieval_<name>.jsonl, else generated in the run), and indexed once per
run in a temporary shop (`SharedContexts`), which the retrieval and dialogue suites share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from evals.context import Context, log
from evals.data_sets.catalogs import CATALOGS, MAX_CATEGORIES, MAX_PRODUCTS, queries_path, read_catalog, read_shared_queries
from evals.data_sets.common import SEED, EvalDataError
from evals.gen_retrieval import sample_and_generate
from evals.paths import DATA, REPO


@dataclass
class SharedCatalog:
    """A sampled shared catalog and its labelled queries."""

    name: str
    path: Path
    products: list[Any]  # the sample (retrieval.schemas.Product)
    queries: list[dict]
    sample: dict
    stored: Path | None  # the stored query file used; None when generated in this run
    notes: list[str] = field(default_factory=list)



def load_shared_catalog(name: str, root: Path | None = None, max_products: int = MAX_PRODUCTS, seed: int = SEED,
                        max_categories: int = MAX_CATEGORIES, queries_dir: Path = DATA) -> tuple[SharedCatalog | None, str]:
    """The shared catalog `name` (flipkart | amazon_in | bigbasket): parsed with its mapping, sampled, with
    queries from the stored file (its sample rebuilt from the stored ids) or generated now."""
    path, products, why = read_catalog(name, root)
    if path is None:
        return None, why
    stored = queries_path(name, queries_dir)
    if stored.is_file():
        return _stored_catalog(name, path, products, stored)
    sample, meta, queries = sample_and_generate(products, path.name, max_products, seed, max_categories)
    notes = [f"{name}: {len(queries)} queries generated in this run; store them for comparable runs with "
             f"`python -m evals.gen_retrieval --shared {name}` (writes {stored.relative_to(REPO) if stored.is_relative_to(REPO) else stored})"]
    cat = SharedCatalog(name, path, sample, queries, meta, None, notes)
    return cat, f"{name}: {len(sample)} sampled products of {len(products)} in {path.name}, {len(queries)} generated queries"


def _stored_catalog(name: str, path: Path, products: list[Any], stored: Path) -> tuple[SharedCatalog | None, str]:
    """The catalog with the sample and queries of its stored query file."""
    try:
        meta, queries = read_shared_queries(stored)
    except (EvalDataError, ValueError) as exc:
        return None, f"{name}: {str(exc)[:300]}; skipped"
    by_id = {p.id: p for p in products}
    sample = [by_id[i] for i in meta.get("ids", []) if i in by_id]
    notes: list[str] = []
    missing = len(meta.get("ids", [])) - len(sample)
    if missing:
        notes.append(f"{name}: {missing} sampled ids of {stored.name} are no longer in {path.name}; its grades may name absent products")
    if meta.get("catalog") and meta["catalog"] != path.name:
        notes.append(f"{name}: {stored.name} was made from {meta['catalog']}, this run reads {path.name}")
    cat = SharedCatalog(name, path, sample, queries, meta, stored, notes)
    return cat, f"{name}: {len(sample)} sampled products of {len(products)} in {path.name}, {len(queries)} stored queries ({stored.name})"


class SharedContexts:
    """Shared catalogs indexed once per eval run, in temporary shops (Context.empty over the
    sample). Suites ask for them by name; `close()` removes them all."""

    def __init__(self, settings, embedder=None, root: Path | None = None, max_products: int = MAX_PRODUCTS, seed: int = SEED,
                 max_categories: int = MAX_CATEGORIES, queries_dir: Path = DATA, llm_turn_limit: int | None = None):
        self.settings, self.embedder, self.root = settings, embedder, root
        self.max_products, self.seed, self.max_categories = max_products, seed, max_categories
        self.queries_dir, self.llm_turn_limit = queries_dir, llm_turn_limit
        self._catalogs: dict[str, tuple[SharedCatalog | None, str]] = {}
        self._contexts: dict[str, Context] = {}

    def catalog(self, name: str) -> tuple[SharedCatalog | None, str]:
        if name not in self._catalogs:
            self._catalogs[name] = load_shared_catalog(name, self.root, self.max_products, self.seed, self.max_categories, self.queries_dir)
        return self._catalogs[name]

    def context(self, name: str) -> tuple[Context | None, SharedCatalog | None, str]:
        cat, why = self.catalog(name)
        if cat is None:
            return None, None, why
        if name not in self._contexts:
            ctx = Context.empty(self.settings, self.embedder, name=name, llm_turn_limit=self.llm_turn_limit)
            try:
                ctx.load_items(cat.products, "product")
            except Exception as exc:  # one broken set must not end the whole eval run
                ctx.close()
                self._catalogs[name] = (None, f"{name}: indexing the sample failed: {type(exc).__name__}: {str(exc)[:200]}")
                return None, None, self._catalogs[name][1]
            log(f"  {name}: {len(ctx.products)} sampled products indexed in {ctx.load_seconds:.0f}s")
            self._contexts[name] = ctx
        return self._contexts[name], cat, why

    def first_available(self, names: Iterable[str] = CATALOGS) -> tuple[Context | None, SharedCatalog | None, str]:
        whys = []
        for name in names:
            ctx, cat, why = self.context(name)
            if ctx is not None:
                return ctx, cat, why
            whys.append(why)
        return None, None, "; ".join(whys)

    def close(self) -> None:
        for ctx in self._contexts.values():
            ctx.close()
        self._contexts.clear()


def shared_retrieval_sets(settings, embedder=None, names: Sequence[str] = CATALOGS, root: Path | None = None,
                          max_products: int = MAX_PRODUCTS, seed: int = SEED, max_categories: int = MAX_CATEGORIES,
                          contexts: SharedContexts | None = None) -> tuple[list[tuple[str, Context, list[dict]]], list[str]]:
    """[(name, Context over the sampled catalog, queries)] for the shared catalogs present, and
    notes (skips, how to store generated queries). Contexts come from `contexts` when given (and
    are closed by its owner), else from a new SharedContexts: the caller closes each Context."""
    contexts = contexts or SharedContexts(settings, embedder, root, max_products, seed, max_categories)
    sets, notes = [], []
    for name in names:
        ctx, cat, why = contexts.context(name)
        notes.append(f"retrieval: {why}")
        if ctx is not None and cat is not None:
            notes.extend(f"retrieval: {n}" for n in cat.notes)
            sets.append((name, ctx, cat.queries))
    return sets, notes
