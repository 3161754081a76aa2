"""Hybrid search: dense (Chroma) and lexical (BM25) candidates, each pre-filtered by the hard
filters, fused into typed hits that keep every signal's rank and score.

Fusion. By default a convex combination of scores: w·cosine + (1-w)·bm25/max(bm25 of this
query's candidates), w = 0.6; an item one signal did not return gets 0 from it. Scores carry what
ranks lose: under hard filters every candidate shares the category word, so BM25's order among
weak matches is near noise, and reciprocal-rank fusion (RRF, `fusion="rrf"`) gives that noise
the same weight as a strong match. On the demo retrieval set (evals/), w was chosen on two
development sets drawn with other seeds (w from 0.4 to 0.6 scored alike); it beats BM25, dense
and RRF there and on the test set (figures in evals/README.md).

FAQ entries are indexed once per phrasing; both signals collapse phrasings to their entry
(best rank wins) before fusion, so an entry is one candidate however many phrasings it has.

Learned ranker (optional, `ranker=`; retrieval/ranker.py): for product searches in hybrid mode
the first `rerank_depth` fused candidates are reordered by a LightGBM lambdarank model over
lexical, dense, term-match, attribute and commerce features, its score with a retrieval prior
(the standardised hybrid and BM25 scores; `with_retrieval_prior`); without a ranker (or with
`rerank=False`, or when scoring fails, with a warning) the fused order is returned unchanged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from .documents import item_from_metadata
from .embeddings import normalise
from .filters import chroma_where
from .schemas import FaqEntry, Product, SearchFilters, SearchHit
from .spelling import QuerySpeller
from .store import WRITING, ShopIndex

if TYPE_CHECKING:
    from .ranker import LearnedRanker, StatsCache

log = logging.getLogger(__name__)
Mode = Literal["hybrid", "dense", "lexical"]
Fusion = Literal["convex", "rrf"]
RRF_K = 60
DENSE_WEIGHT = 0.6
COMPLETE_TOP = 3  # BM25's best few get their cosine computed when dense search did not return them
RERANK_DEPTH = 50  # fused candidates the learned ranker reorders
EXACT_MAX = 5000  # filtered dense search: up to this many passing records, exact cosines over cached vectors
OVERFETCH_MAX = 1000  # beyond that, an unfiltered query at most this deep before Chroma's filter is asked


@dataclass
class _Candidate:
    record_id: str
    item_key: tuple[str, str]
    score: float
    metadata: dict[str, Any] | None


@dataclass
class Pool:
    """Fused candidates (best first) and the scores of each signal's list (best first)."""

    hits: list[SearchHit]
    dense_scores: list[float]
    lexical_scores: list[float]
    vector: np.ndarray | None
    query: str = ""  # the query searched: as given, or as spelling correction made it


def _collapse(cands: list[_Candidate]) -> list[_Candidate]:
    seen: set[tuple[str, str]] = set()
    out = []
    for c in cands:
        if c.item_key not in seen:
            seen.add(c.item_key)
            out.append(c)
    return out


class HybridSearcher:
    """Search over a `ShopIndex`. Stateless apart from the index; safe to share."""

    def __init__(self, index: ShopIndex, candidates: int = 50, rrf_k: int = RRF_K, fusion: Fusion = "convex",
                 dense_weight: float = DENSE_WEIGHT, ranker: "LearnedRanker | None" = None,
                 rerank_depth: int = RERANK_DEPTH, spelling: bool = False) -> None:
        if fusion not in ("convex", "rrf"):
            raise ValueError(f"fusion must be 'convex' or 'rrf', not {fusion!r}")
        if not 0 <= dense_weight <= 1:
            raise ValueError("dense_weight must be between 0 and 1")
        self.index = index
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.fusion = fusion
        self.dense_weight = dense_weight
        self.ranker = ranker
        self.rerank_depth = rerank_depth
        self.spelling = spelling  # correct query words to the catalog's (retrieval/spelling.py)
        self._speller: tuple[str | None, QuerySpeller] | None = None  # per lexical revision
        self._stats: StatsCache | None = None  # made on first rerank
        self._vectors: dict[str, np.ndarray] = {}  # filtered dense search (_dense_masked), per revision
        self._vectors_revision: str | None = None

    def query_vector(self, query: str) -> np.ndarray:
        return self.index.embedder.embed([query])[0]

    def corrected(self, query: str) -> str:
        """The query as spelling correction makes it (itself when `spelling` is off)."""
        if not self.spelling:
            return query
        self.index.ensure_lexical()
        revision = self.index.lexical.revision
        if self._speller is None or self._speller[0] != revision:
            self._speller = (revision, QuerySpeller.for_index(self.index.lexical))
        return self._speller[1].correct(query)

    def dense(self, vector: np.ndarray, filters: SearchFilters, n: int) -> list[_Candidate]:
        # FAQ entries have several records each: ask for more so that n distinct items remain.
        fetch = n * (3 if filters.kind != "product" else 1)
        where = chroma_where(filters)
        if where == {"kind": "product"}:
            # Chroma's metadata filter costs time in proportion to the records it matches, and
            # nearly every record is a product: query unfiltered, drop the few FAQ records, and
            # fall back to the filtered query only if too few products remain.
            raw = self.index.dense_query(vector, 2 * fetch, None, with_metadata=False)
            products = [r for r in raw if r[0].startswith("product:")]
            if len(products) >= fetch or len(raw) < 2 * fetch:
                return self._candidates(products, n)
        masked = self._dense_masked(vector, filters, fetch)
        if masked is not None:
            return self._candidates(masked, n)
        return self._candidates(self.index.dense_query(vector, fetch, where, with_metadata=False), n)

    def _dense_masked(self, vector: np.ndarray, filters: SearchFilters, fetch: int) -> list | None:
        """Filtered dense search without Chroma's metadata filter, whose cost grows with the
        records it matches (781 ms p50 at 55k products): the BM25 sidecar's metadata table (the
        same predicate, tested to agree) says which records pass. Few pass: their cosines
        exactly, from vectors cached per index revision. Many pass: an unfiltered query deep
        enough to hold `fetch` of them, kept when it does. None: ask Chroma with the filter."""
        self.index.ensure_lexical()
        lex = self.index.lexical
        if lex.revision is None or lex.revision.startswith(WRITING) or not lex.size:
            return None
        allowed = np.flatnonzero(lex.table.mask(filters))
        if len(allowed) == 0:
            return []
        ids = [lex.record_ids[i] for i in allowed]
        if len(allowed) <= EXACT_MAX:
            vectors = self._cached_vectors(lex.revision, ids)
            if len(vectors) != len(ids):
                return None
            sims = np.stack([vectors[r] for r in ids]) @ np.asarray(vector, dtype=np.float32)
            order = np.argsort(-sims, kind="stable")[:fetch]
            return [(ids[i], float(sims[i]), None) for i in order]
        depth = min(OVERFETCH_MAX, int(fetch * 2 * lex.size / len(allowed)) + fetch)
        passing = set(ids)
        raw = self.index.dense_query(vector, depth, None, with_metadata=False)
        kept = [r for r in raw if r[0] in passing]
        return kept if len(kept) >= fetch or len(raw) < depth else None

    def _cached_vectors(self, revision: str, record_ids: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors of these records, fetched once per index revision (at most every
        record's: 84 MB at 55k products of 384 dimensions). Threads share the cache; one that
        sees a new revision starts a new dict, and each call works on the dict it started with."""
        if self._vectors_revision != revision:
            self._vectors, self._vectors_revision = {}, revision
        cache = self._vectors
        missing = [r for r in record_ids if r not in cache]
        for start in range(0, len(missing), 1000):
            cache.update(self.index.vectors(missing[start:start + 1000]))
        return {r: cache[r] for r in record_ids if r in cache}

    def _candidates(self, raw, n: int) -> list[_Candidate]:
        return _collapse([_Candidate(rid, self.index.parse_record_id(rid), sim, meta) for rid, sim, meta in raw])[:n]

    def lexical(self, query: str, filters: SearchFilters, n: int) -> list[_Candidate]:
        lex = self.index.lexical
        mask = None if filters.is_empty() and not filters.kind else lex.table.mask(filters)
        top = lex.top(query, n * (3 if filters.kind != "product" else 1), mask)
        return self._candidates([(lex.record_ids[pos], score, None) for pos, score in top], n)

    def _complete(self, dense: list[_Candidate], lexical: list[_Candidate], vector: np.ndarray,
                  query: str) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
        """The other signal's score of every candidate only one signal found: the cosine of a
        BM25-only item (its stored vector), the BM25 score of a dense-only one. Without it an
        exact match of a rare word ("Bulk item 49998") that dense search did not return gets 0
        from the dense side and falls below fifty near-identical neighbours."""
        dense_keys = {c.item_key for c in dense}
        missing_dense = [c for c in lexical[:COMPLETE_TOP] if c.item_key not in dense_keys]
        missing_lexical: list[_Candidate] = []
        dense_scores: dict[tuple[str, str], float] = {}
        if missing_dense:
            vectors = self.index.vectors([c.record_id for c in missing_dense])
            for c in missing_dense:
                if c.record_id in vectors:
                    dense_scores[c.item_key] = float(vectors[c.record_id] @ np.asarray(vector, dtype=np.float32))
        lexical_scores: dict[tuple[str, str], float] = {}
        if missing_lexical:
            scores = self.index.lexical.scores(query)
            positions = self.index.lexical.positions()
            for c in missing_lexical:
                pos = positions.get(c.record_id)
                if pos is not None and scores[pos] > 0:
                    lexical_scores[c.item_key] = float(scores[pos])
        return dense_scores, lexical_scores

    def search(
        self,
        query: str,
        k: int = 10,
        filters: SearchFilters | None = None,
        *,
        mode: Mode = "hybrid",
        profile_vector: np.ndarray | None = None,
        profile_weight: float = 0.0,
        query_vector: np.ndarray | None = None,
        rerank: bool = True,
    ) -> list[SearchHit]:
        """The k best items under the filters. `rerank=False` skips the learned ranker (if any)."""
        filters = filters or SearchFilters()
        use_ranker = rerank and self.ranker is not None and mode == "hybrid" and filters.kind == "product"
        pool = self.pool(query, max(k, self.rerank_depth) if use_ranker else k, filters, mode=mode,
                         profile_vector=profile_vector, profile_weight=profile_weight, query_vector=query_vector)
        if use_ranker:
            return self._rerank(pool.query or query, pool, filters, k)
        return pool.hits

    def pool(self, query: str, k: int, filters: SearchFilters, *, mode: Mode = "hybrid", profile_vector: np.ndarray | None = None,
             profile_weight: float = 0.0, query_vector: np.ndarray | None = None) -> "Pool":
        """The k best fused candidates, with what the learned ranker needs of the signals (the
        training of the ranker calls this too, so its candidates are the searcher's)."""
        n = max(self.candidates, k)
        corrected = self.corrected(query)
        if corrected != query:  # a vector of the words as typed would search for the typo
            query, query_vector = corrected, None
        if filters.exclude_colors or filters.exclude_materials:
            self.index.ensure_lexical()
            filters = self.index.lexical.table.widen(filters)
        dense: list[_Candidate] = []
        lexical: list[_Candidate] = []
        vector = None
        if mode in ("hybrid", "dense"):
            vector = query_vector if query_vector is not None else self.query_vector(query)
            vector = blend(vector, profile_vector, profile_weight)
            dense = self.dense(vector, filters, n)
        if mode in ("hybrid", "lexical"):
            self.index.ensure_lexical()
            lexical = self.lexical(query, filters, n)
        completed: tuple[dict, dict] = ({}, {})
        if mode == "hybrid" and self.fusion == "convex" and dense and lexical and vector is not None:
            completed = self._complete(dense, lexical, vector, query)
        return Pool(self._fuse(dense, lexical, k, completed), [c.score for c in dense], [c.score for c in lexical], vector, query)

    def _rerank(self, query: str, pool: "Pool", filters: SearchFilters, k: int) -> list[SearchHit]:
        from .ranker import StatsCache, rerank_hits

        if self.ranker is None or pool.vector is None:  # search() reranks only a hybrid pool, with a ranker
            return pool.hits[:k]
        try:
            if self._stats is None:
                self._stats = StatsCache()
            stats = self._stats.get(self.index.lexical)
            return rerank_hits(self.ranker, self.index, stats, query, pool.vector, pool.hits, pool.dense_scores,
                               pool.lexical_scores, filters, self.dense_weight)[:k]
        except Exception as exc:  # a broken model must cost the order, never the search
            log.warning("learned ranker failed (%s: %s); hybrid order for this query", type(exc).__name__, exc)
            return pool.hits[:k]

    def _fuse(self, dense: list[_Candidate], lexical: list[_Candidate], k: int,
              completed: tuple[dict, dict] = ({}, {})) -> list[SearchHit]:
        fused: dict[tuple[str, str], dict[str, Any]] = {}
        max_lexical = max([c.score for c in lexical] + list(completed[1].values()), default=0.0) or 1.0
        for signal, cands in (("dense", dense), ("lexical", lexical)):
            for rank, c in enumerate(cands, start=1):
                entry = fused.setdefault(c.item_key, {"score": 0.0, "record_id": c.record_id, "metadata": c.metadata})
                entry["score"] += self._contribution(signal, rank, c.score, max_lexical, both=bool(dense and lexical))
                entry[f"{signal}_rank"] = rank
                entry[f"{signal}_score"] = c.score
                if entry["metadata"] is None and c.metadata is not None:
                    entry["metadata"], entry["record_id"] = c.metadata, c.record_id
        for signal, scores in zip(("dense", "lexical"), completed):
            for item_key, score in scores.items():
                entry = fused[item_key]
                entry["score"] += self._contribution(signal, 0, score, max_lexical, both=True)
                entry[f"{signal}_score"] = score
        # Ties (same fused score) fall back to the dense similarity, then the id, for a stable order.
        ordered = sorted(
            fused.items(), key=lambda kv: (-kv[1]["score"], -(kv[1].get("dense_score") or -1.0), kv[0][1])
        )[:k]
        missing = [v["record_id"] for _, v in ordered if v["metadata"] is None]
        fetched = self.index.metadatas(missing)
        hits = []
        for (kind, item_id), v in ordered:
            meta = v["metadata"] or fetched.get(v["record_id"])
            if meta is None:  # deleted between the two reads; skip rather than show a ghost
                continue
            item = item_from_metadata(meta)
            hits.append(
                SearchHit(
                    id=item_id,
                    kind=kind,
                    score=v["score"],
                    dense_rank=v.get("dense_rank"),
                    dense_score=v.get("dense_score"),
                    lexical_rank=v.get("lexical_rank"),
                    lexical_score=v.get("lexical_score"),
                    product=item if isinstance(item, Product) else None,
                    faq=item if isinstance(item, FaqEntry) else None,
                    matched_text=meta.get("_document") if kind == "faq" else None,
                )
            )
        return hits

    def _contribution(self, signal: str, rank: int, score: float, max_lexical: float, both: bool) -> float:
        if self.fusion == "rrf":
            return 1.0 / (self.rrf_k + rank)
        if not both:  # one signal only (a mode, or the other found nothing): its own scale orders it
            return score / max_lexical if signal == "lexical" else score
        if signal == "dense":
            return self.dense_weight * score
        return (1.0 - self.dense_weight) * score / max_lexical


def blend(query_vector: np.ndarray, profile_vector: np.ndarray | None, weight: float) -> np.ndarray:
    """Move the query towards the shopper's taste: (1-w)·q + w·p, renormalised. w=0 is the query."""
    if profile_vector is None or weight <= 0:
        return query_vector
    if not 0 <= weight <= 1:
        raise ValueError("profile weight must be between 0 and 1")
    return normalise((1 - weight) * np.asarray(query_vector) + weight * normalise(np.asarray(profile_vector)))
