"""Train the learned ranker (retrieval/ranker.py) on graded judgments: LightGBM lambdarank over
the features of retrieval/ranker_features.py, folds split by query.

    python -m evals.train_ranker                                  # the shared development halves (Home Depot, Crowdflower)
    python -m evals.train_ranker --judgments J.csv --products P.csv [--judgments ... --products ...]
                                 [--out retrieval/models/ranker.txt] [--folds 5] [--no-ablation]

What is trained on, per query: the products the hybrid searcher returns for it (`HybridSearcher.pool`,
the first 50 fused candidates, exactly what serving reranks) and every judged product. A judged
product's label is its gain (grade - lowest grade, in thirds: LightGBM wants integer labels and
`label_gain` gives each its 2^gain - 1). The model learns from the judged rows only
(`JUDGED_ONLY`); the unjudged pool rows are kept for the full-catalog figures (labelling them 0
taught the model "judged or not" and lost rerank NDCG, see evals/README.md).
Features come from `retrieval.ranker.pool_candidates` / `candidates_for` and
`ranker_features.features`, the code the searcher runs at query time, over the set's cached index
(evals/relevance_index.py: `RelevanceIndex`).

The report (JSON and Markdown beside the model) gives, per set, the cross-validated (5 folds by
query, out-of-fold scores) rerank NDCG@10 and full-catalog recall@10/@50 of the ranker beside
BM25, dense and hybrid on the same rows, and what each feature group adds (the same
cross-validation without that group). The model file itself is trained on all the rows. A click
log becomes judgments the same way: one row per (query, product shown) with a grade (e.g. 1
shown, 2 clicked, 3 bought).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from evals import metrics as M

FOLDS = 5
DEPTH = 50
K = 10
LABEL_STEPS = 3  # labels in thirds of a grade (Home Depot's grades are means of three raters)
PARAMS = {
    "objective": "lambdarank", "metric": "ndcg", "ndcg_eval_at": [10], "learning_rate": 0.06, "num_leaves": 7,
    "min_data_in_leaf": 100, "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "lambdarank_truncation_level": 20, "verbose": -1, "deterministic": True, "force_row_wise": True, "seed": 7,
    "num_threads": 2,
}
# Small trees: measured out of fold against 15 leaves in 250 rounds, as good on Home Depot and better on
# Crowdflower; 800 rounds at half the learning rate did no better and made a 733 kB file
ROUNDS = 400
# Weights of the retrieval prior (hybrid, BM25) the report shows beside the chosen one (retrieval/ranker.py).
PRIOR_GRID = ((0.0, 0.0), (0.5, 0.0), (1.0, 0.0), (2.0, 0.0), (0.5, 0.25), (1.0, 0.25), (1.0, 0.5), (2.0, 0.25))
# Train on the judged products only (True), or on the whole pool with unjudged products as
# grade 0 (False). Measured: the pool-wide labels teach the model "judged or not" (Home Depot's
# judged products came from its own search) more than "how relevant", and lose rerank NDCG.
JUDGED_ONLY = True
REPORT_JSON = "ranker_report.json"
REPORT_MD = "ranker_report.md"


def log(msg: str) -> None:
    print(msg, flush=True)


def fold_of(text: str, folds: int) -> int:
    """The fold of a query: a fixed hash of its text, so a query is in one fold whatever the set."""
    return int(hashlib.sha1(text.lower().encode()).hexdigest()[:8], 16) % folds


@dataclass
class Rows:
    """Feature rows of one judgment set, grouped by query (rows of a query are contiguous)."""

    set_name: str
    X: np.ndarray
    gain: np.ndarray  # grade - lowest for judged rows, NaN for unjudged pool rows
    in_pool: np.ndarray  # bool: the row is one of the searcher's pool for its query
    pool_rank: np.ndarray  # position in the fused pool (0 = first), -1 outside it
    items: np.ndarray  # product ids
    groups: np.ndarray  # rows per query
    query_ids: list[str]
    query_texts: list[str]
    relevant_at_gain: float
    weight: float = 1.0
    key: str = ""  # the feature rows' cache key (judgments, feature version, searcher settings)
    dense_weight: float = 0.6  # the searcher's, for the ranker's retrieval prior
    starts: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.starts = np.concatenate([[0], np.cumsum(self.groups)]).astype(np.int64)

    @property
    def labels(self) -> np.ndarray:
        return np.where(np.isnan(self.gain), 0, np.rint(np.nan_to_num(self.gain) * LABEL_STEPS)).astype(np.int32)

    def folds(self, n: int) -> np.ndarray:
        return np.array([fold_of(t, n) for t in self.query_texts], dtype=np.int32)

    def row_folds(self, n: int) -> np.ndarray:
        return np.repeat(self.folds(n), self.groups)

    def query_slice(self, qi: int) -> slice:
        return slice(int(self.starts[qi]), int(self.starts[qi + 1]))


def rows_key(jset, idx, depth: int = DEPTH) -> str:
    """What a set's feature rows depend on: the index (its folder names its products, embedding
    model and runtime: int8 vectors give other rows), the judgments, the features and the searcher."""
    from retrieval.ranker_features import FEATURE_VERSION

    s = idx.searcher
    spec = f"{idx.home.name}|{jset.digest()}|{FEATURE_VERSION}|{depth}|{s.candidates}|{s.fusion}|{s.dense_weight}" + ("|spelling" if s.spelling else "")
    return hashlib.sha256(spec.encode()).hexdigest()[:16]


def rows_for(jset, idx, depth: int = DEPTH) -> Rows:
    """Every query of the set as feature rows (cached beside the set's index)."""
    from retrieval.ranker import StatsCache, bm25_of, candidates_for, pool_candidates
    from retrieval.ranker_features import features
    from retrieval.schemas import SearchFilters

    s = idx.searcher
    key = rows_key(jset, idx, depth)
    path = idx.home / f"rows-{key}.npz"
    relevant_at_gain = jset.gain(jset.relevant_at)
    if path.is_file():
        d = np.load(path, allow_pickle=False)
        return Rows(jset.name, d["X"], d["gain"], d["in_pool"], d["pool_rank"], d["items"], d["groups"],
                    [str(x) for x in d["query_ids"]], [str(x) for x in d["query_texts"]], relevant_at_gain, key=key,
                    dense_weight=s.dense_weight)
    t = time.perf_counter()
    stats = StatsCache().get(idx.index.lexical)
    filters = SearchFilters(kind="product")
    vectors = idx.embedder.embed([q.text for q in jset.queries])
    idx.embedder.flush()
    X: list[np.ndarray] = []
    gain: list[float] = []
    in_pool: list[bool] = []
    pool_rank: list[int] = []
    items: list[str] = []
    groups: list[int] = []
    for n, (q, v) in enumerate(zip(jset.queries, vectors)):
        pool = s.pool(q.text, depth, filters, query_vector=v)
        hits, info, cands = pool_candidates(idx.index, q.text, pool.vector, pool.hits, pool.dense_scores, pool.lexical_scores, filters)
        ids = [h.id for h in hits]
        extra = [i for i in sorted(q.grades) if i not in set(ids) and i in idx.row]
        extra_products = [idx.by_id[i] for i in extra]
        cosines = [float(idx.matrix[idx.row[i]] @ v) for i in extra]
        cands += candidates_for(extra_products, cosines, bm25_of(idx.index, q.text, [f"product:{i}" for i in extra]),
                                vectors=[idx.matrix[idx.row[i]] for i in extra])  # judged, outside the pool: no pool rank
        X.append(features(info, cands, stats))
        all_ids = ids + extra
        gain.extend(jset.gain(q.grades[i]) if i in q.grades else np.nan for i in all_ids)
        in_pool.extend([True] * len(ids) + [False] * len(extra))
        pool_rank.extend(list(range(len(ids))) + [-1] * len(extra))
        items.extend(all_ids)
        groups.append(len(all_ids))
        if (n + 1) % 1000 == 0:
            log(f"    {jset.name}: features of {n + 1:,} of {len(jset.queries):,} queries ({time.perf_counter() - t:.0f}s)")
    rows = Rows(jset.name, np.concatenate(X).astype(np.float32), np.asarray(gain, dtype=np.float32), np.asarray(in_pool),
                np.asarray(pool_rank, dtype=np.int32), np.asarray(items, dtype="U64"), np.asarray(groups, dtype=np.int32),
                [q.id for q in jset.queries], [q.text for q in jset.queries], relevant_at_gain, key=key,
                dense_weight=s.dense_weight)
    tmp = path.with_name(f".{path.name}.tmp.npz")
    np.savez(tmp, X=rows.X, gain=rows.gain, in_pool=rows.in_pool, pool_rank=rows.pool_rank, items=rows.items, groups=rows.groups,
             query_ids=np.asarray(rows.query_ids), query_texts=np.asarray(rows.query_texts))
    tmp.replace(path)
    log(f"  ranker features: {jset.name}: {len(rows.X):,} rows over {len(groups):,} queries in {time.perf_counter() - t:.0f}s")
    return rows


# --- training -----------------------------------------------------------------------------------


def _label_gain(max_label: int) -> list[float]:
    return [2.0 ** (i / LABEL_STEPS) - 1.0 for i in range(max_label + 1)]


def train(parts: Sequence[tuple[Rows, np.ndarray]], columns: Sequence[int] | None = None, rounds: int = ROUNDS):
    """A booster on the selected queries of each Rows (`mask`: bool per query)."""
    import lightgbm as lgb

    from retrieval.ranker_features import FEATURES

    Xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    ws: list[np.ndarray] = []
    gs: list[int] = []
    for rows, qmask in parts:
        qmask = np.asarray(qmask, dtype=bool)
        rmask = np.repeat(qmask, rows.groups)  # a query's rows are contiguous: order and groups are kept
        if JUDGED_ONLY:
            rmask &= ~np.isnan(rows.gain)
        sizes = np.add.reduceat(rmask.astype(np.int64), rows.starts[:-1]) if len(rows.groups) else np.zeros(0, dtype=np.int64)
        Xs.append(rows.X[rmask])
        ys.append(rows.labels[rmask])
        ws.append(np.full(int(rmask.sum()), rows.weight, dtype=np.float32))
        gs.extend(int(n) for n in sizes if n > 0)
    X = np.concatenate(Xs)
    y = np.concatenate(ys)
    names = list(FEATURES)
    if columns is not None:
        X = X[:, list(columns)]
        names = [names[c] for c in columns]
    params = dict(PARAMS, label_gain=_label_gain(int(max(y.max(), 1))))
    data = lgb.Dataset(X, y, weight=np.concatenate(ws), group=gs, feature_name=names, free_raw_data=True)
    return lgb.train(params, data, num_boost_round=rounds)


def with_prior(rows: Rows, model_scores: np.ndarray, weights: tuple[float, float] | None = None) -> np.ndarray:
    """The model's scores of every row with the retrieval prior the searcher adds
    (`retrieval.ranker.with_retrieval_prior`), query by query."""
    from retrieval.ranker import PRIOR_BM25, PRIOR_HYBRID, with_retrieval_prior

    out = np.zeros(len(model_scores))
    for qi in range(len(rows.groups)):
        sl = rows.query_slice(qi)
        out[sl] = with_retrieval_prior(model_scores[sl], rows.X[sl], rows.dense_weight, weights or (PRIOR_HYBRID, PRIOR_BM25))
    return out


@dataclass
class CrossValidated:
    """Out-of-fold scores: each query scored by the model trained on the other folds; `oof` with
    the retrieval prior (what the searcher ranks by), `raw` the model alone."""

    rows: list[Rows]
    oof: dict[str, np.ndarray]
    raw: dict[str, np.ndarray] = field(default_factory=dict)

    @classmethod
    def fit(cls, rows: list[Rows], folds: int = FOLDS, columns: Sequence[int] | None = None, rounds: int = ROUNDS,
            cache_dir: Path | None = None) -> CrossValidated:
        """`cache_dir`: keep the out-of-fold scores there, keyed by everything they depend on (each
        set's rows and weight, folds, columns, rounds, parameters, LightGBM's version), so that the
        suite and the LLM measurement do not refit what training already fitted."""
        path = None
        if cache_dir is not None and all(r.key for r in rows):
            import lightgbm as lgb

            spec = json.dumps([[r.set_name, r.key, r.weight] for r in rows] + [folds, list(columns or []), rounds, PARAMS, JUDGED_ONLY,
                                                                                 lgb.__version__], sort_keys=True, default=str)
            path = Path(cache_dir) / f"cv-{hashlib.sha256(spec.encode()).hexdigest()[:16]}.npz"
            if path.is_file():
                with np.load(path) as d:
                    cached = {r.set_name: d[r.set_name] for r in rows if r.set_name in d.files}
                if all(len(cached.get(r.set_name, ())) == len(r.X) for r in rows):
                    return cls.of(rows, cached)
                log(f"  cached out-of-fold scores {path.name} do not fit these rows; refitting")
        oof = {r.set_name: np.zeros(len(r.X)) for r in rows}
        for f in range(folds):
            booster = train([(r, r.folds(folds) != f) for r in rows], columns, rounds)
            for r in rows:
                mask = r.row_folds(folds) == f
                if mask.any():
                    X = r.X[mask] if columns is None else r.X[mask][:, list(columns)]
                    oof[r.set_name][mask] = booster.predict(X, num_threads=2)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.stem}.{os.getpid()}.tmp.npz")
            np.savez(tmp, allow_pickle=False, **oof)  # float arrays (np.load reads them back without pickle)
            tmp.replace(path)
        return cls.of(rows, oof)

    @classmethod
    def of(cls, rows: list[Rows], raw: dict[str, np.ndarray]) -> CrossValidated:
        return cls(rows, {r.set_name: with_prior(r, raw[r.set_name]) for r in rows}, raw)

    def _rows(self, name: str) -> Rows:
        return next(r for r in self.rows if r.set_name == name)

    def rerank_scorer(self, name: str) -> Callable:
        return scorer_from(self._rows(name), self.oof[name])

    def pool_searcher(self, name: str, idx=None) -> Callable:
        return searcher_from(self._rows(name), self.oof[name])


def scorer_from(rows: Rows, scores: np.ndarray) -> Callable:
    lookup = {}
    for qi, qid in enumerate(rows.query_ids):
        sl = rows.query_slice(qi)
        lookup[qid] = dict(zip(rows.items[sl].tolist(), scores[sl].tolist()))

    def score(q, ids: list[str]) -> np.ndarray:
        got = lookup.get(q.id, {})
        return np.array([got.get(i, -np.inf) for i in ids])

    return score


def searcher_from(rows: Rows, scores: np.ndarray) -> Callable:
    """The full-catalog result of reranking each query's pool by these scores (what the searcher
    with that model returns: same pool, same features)."""
    ranked = {}
    for qi, qid in enumerate(rows.query_ids):
        sl = rows.query_slice(qi)
        pool = np.flatnonzero(rows.in_pool[sl])
        order = sorted(pool, key=lambda j: (-scores[sl][j], rows.pool_rank[sl][j]))
        ranked[qid] = [str(rows.items[sl][j]) for j in order]

    def search(q, vector=None) -> list[str]:
        return ranked.get(q.id, [])

    return search


def shipped_scorer(ranker, idx) -> Callable:
    rows = rows_for(idx.jset, idx)
    return scorer_from(rows, with_prior(rows, ranker.score(rows.X)))


def shipped_searcher(ranker, idx) -> Callable:
    rows = rows_for(idx.jset, idx)
    return searcher_from(rows, with_prior(rows, ranker.score(rows.X)))


def serving_latency(ranker, idx, jset, n: int) -> tuple[float, float]:
    """ms per query (mean, p95) of the searcher with the ranker: pool, features and scoring,
    query embedding excluded."""
    from retrieval.schemas import SearchFilters
    from retrieval.search import HybridSearcher

    s = idx.searcher
    searcher = HybridSearcher(idx.index, candidates=s.candidates, fusion=s.fusion, dense_weight=s.dense_weight, ranker=ranker,
                              rerank_depth=DEPTH)
    queries = [jset.queries[i * len(jset.queries) // n] for i in range(min(n, len(jset.queries)))]
    vectors = idx.embedder.embed([q.text for q in queries])
    filters = SearchFilters(kind="product")
    searcher.search(queries[0].text, k=DEPTH, filters=filters, query_vector=vectors[0])
    ms = []
    for q, v in zip(queries, vectors):
        t = time.perf_counter()
        searcher.search(q.text, k=DEPTH, filters=filters, query_vector=v)
        ms.append(1000 * (time.perf_counter() - t))
    return M.mean(ms), M.percentile(ms, 95)


# --- evaluation on rows -------------------------------------------------------------------------


def evaluate(rows: Rows, scores: np.ndarray) -> dict:
    """Rerank NDCG@10 over judged rows (queries with 2+ judged), full-catalog recall@10/@50 of
    the pool reranked by `scores` (queries with a product graded >= relevant_at)."""
    ndcg, r10, r50 = [], [], []
    for qi in range(len(rows.groups)):
        sl = rows.query_slice(qi)
        gain, items, sc = rows.gain[sl], rows.items[sl], scores[sl]
        judged = np.flatnonzero(~np.isnan(gain))
        grades = {str(items[j]): float(gain[j]) for j in judged}
        if len(judged) >= 2:
            # ties broken by the product id's hash, the same for every ranker
            order = sorted(judged, key=lambda j: (-sc[j], hashlib.sha1(str(items[j]).encode()).hexdigest()))
            ndcg.append(M.ndcg_at_k([str(items[j]) for j in order], grades, K))
        relevant = {i for i, g in grades.items() if g >= rows.relevant_at_gain - 1e-6}
        if relevant:
            pool = np.flatnonzero(rows.in_pool[sl])
            order = sorted(pool, key=lambda j: (-sc[j], rows.pool_rank[sl][j]))
            got = [str(items[j]) for j in order]
            r10.append(len(set(got[:K]) & relevant) / len(relevant))
            r50.append(len(set(got[:DEPTH]) & relevant) / len(relevant))
    return {"rerank_ndcg_at_10": M.mean(ndcg), "recall_at_10": M.mean(r10), "recall_at_50": M.mean(r50),
            "rerank_queries": len(ndcg), "recall_queries": len(r10)}


def baseline_scores(rows: Rows, dense_weight: float = 0.6) -> dict[str, np.ndarray]:
    """BM25, dense and hybrid scores from the rows' own feature columns (the searcher's inputs)."""
    from retrieval.ranker import hybrid_of
    from retrieval.ranker_features import FEATURES

    col = {n: i for i, n in enumerate(FEATURES)}
    cos = np.nan_to_num(rows.X[:, col["cosine"]], nan=-1.0)
    bm25 = rows.X[:, col["bm25_index"]]
    return {"bm25": bm25, "dense": cos, "hybrid": hybrid_of(rows.X, dense_weight),
            "hybrid (pool order)": -rows.pool_rank.astype(np.float64) - 1000.0 * (rows.pool_rank < 0)}


# --- the entry point ----------------------------------------------------------------------------


def trained_digests(model_path: Path) -> set[str]:
    """Digests of the judgment sets the model at `model_path` was trained on (from its report)."""
    report = Path(model_path).with_name(REPORT_JSON)
    try:
        return {s["digest"] for s in json.loads(report.read_text("utf-8")).get("trained_on", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def set_weights(rows: list[Rows]) -> None:
    """Each set weighs about as much as the square root of its share of queries would make it:
    a small set (Crowdflower's 132 queries beside Home Depot's 5,946) still shapes the model
    without being fitted alone."""
    if len(rows) < 2:
        return
    most = max(len(r.groups) for r in rows)
    for r in rows:
        r.weight = float(np.sqrt(most / len(r.groups)))


def train_ranker(sets: Sequence, out: Path, *, settings=None, embedder=None, folds: int = FOLDS, ablation: bool = True,
                 rounds: int = ROUNDS) -> dict:
    """Train on judgment sets (names of the shared development sets, or
    `evals.data_sets.relevance.JudgmentSet`s), write the model to `out` and its report beside it
    (ranker_report.json / .md), return the report."""
    from assistant.settings import Settings
    from evals.data_sets.relevance import shared_root, shared_set
    from evals.relevance_index import RelevanceIndex, cache_root, cached_embedder
    from retrieval.ranker_features import (
        FEATURE_GROUPS,
        FEATURE_VERSION,
        FEATURES,
        group_columns,
    )

    settings = settings or Settings()
    embedder = cached_embedder(embedder or settings.make_embedder(), settings)
    started = time.perf_counter()
    jsets, all_rows, indexes = [], [], []
    try:
        for s in sets:
            if isinstance(s, str):
                jset, why = shared_set(s, shared_root(settings))
                log(f"  {why}")
                if jset is None:
                    raise ValueError(why)
            else:
                jset = s
            idx = RelevanceIndex(jset, settings, embedder)
            indexes.append(idx)
            jsets.append(jset)
            all_rows.append(rows_for(jset, idx))
    finally:
        for idx in indexes:
            idx.close()
    set_weights(all_rows)
    report: dict = {"model": str(out), "feature_version": FEATURE_VERSION, "features": list(FEATURES),
                    "feature_groups": {g: list(v) for g, v in FEATURE_GROUPS.items()}, "params": PARAMS, "rounds": rounds,
                    "folds": folds, "pool_depth": DEPTH,
                    "trained_on": [{"set": j.name, "digest": j.digest(), "source": j.source, "queries": len(j.queries),
                                    "judgments": sum(len(q.grades) for q in j.queries), "rows": len(r.X), "weight": r.weight}
                                   for j, r in zip(jsets, all_rows)],
                    "sets": {}, "prior": {}, "ablation": {}}
    log(f"  cross-validating ({folds} folds by query, {sum(len(r.X) for r in all_rows):,} rows)")
    t = time.perf_counter()
    cv = CrossValidated.fit(all_rows, folds, rounds=rounds, cache_dir=cache_root(settings))
    log(f"    {time.perf_counter() - t:.0f}s")
    for r in all_rows:
        figures = {name: evaluate(r, sc) for name, sc in baseline_scores(r, settings.search_dense_weight).items()}
        figures["learned-ranker, model alone (cv)"] = evaluate(r, cv.raw[r.set_name])
        figures["learned-ranker (cv)"] = evaluate(r, cv.oof[r.set_name])
        report["sets"][r.set_name] = figures
        report["prior"][r.set_name] = {f"{a:g} hybrid + {b:g} bm25": evaluate(r, with_prior(r, cv.raw[r.set_name], (a, b)))
                                       for a, b in PRIOR_GRID}
        for name, f in figures.items():
            log(f"    {r.set_name} {name}: rerank ndcg@10 {f['rerank_ndcg_at_10']:.4f} recall@10 {f['recall_at_10']:.4f} @50 {f['recall_at_50']:.4f}")
    if ablation:
        for group in FEATURE_GROUPS:
            keep = [i for i in range(len(FEATURES)) if i not in set(group_columns([group]))]
            t = time.perf_counter()
            cvg = CrossValidated.fit(all_rows, folds, columns=keep, rounds=rounds)
            report["ablation"][group] = {}
            for r in all_rows:
                f = evaluate(r, cvg.oof[r.set_name])
                full = report["sets"][r.set_name]["learned-ranker (cv)"]
                report["ablation"][group][r.set_name] = {
                    **f, "adds_rerank_ndcg_at_10": full["rerank_ndcg_at_10"] - f["rerank_ndcg_at_10"],
                    "adds_recall_at_10": full["recall_at_10"] - f["recall_at_10"]}
            log(f"    without {group}: " + "; ".join(
                f"{name} ndcg {v['rerank_ndcg_at_10']:.4f} (adds {v['adds_rerank_ndcg_at_10']:+.4f}), recall@10 {v['recall_at_10']:.4f} "
                f"(adds {v['adds_recall_at_10']:+.4f})" for name, v in report["ablation"][group].items()) + f" [{time.perf_counter() - t:.0f}s]")
    t = time.perf_counter()
    booster = train([(r, np.ones(len(r.groups), dtype=bool)) for r in all_rows], rounds=rounds)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(booster.model_to_string(), "utf-8")
    tmp.replace(out)
    importance = dict(zip(booster.feature_name(), booster.feature_importance("gain").tolist()))
    report["importance_gain"] = {k: round(v, 1) for k, v in sorted(importance.items(), key=lambda kv: -kv[1])}
    report["model_bytes"] = out.stat().st_size
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["created"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    (out.with_name(REPORT_JSON)).write_text(json.dumps(report, indent=2, default=float), "utf-8")
    (out.with_name(REPORT_MD)).write_text(report_markdown(report), "utf-8")
    log(f"  model written to {out} ({report['model_bytes']:,} bytes, final fit {time.perf_counter() - t:.0f}s); report beside it")
    return report


def report_markdown(report: dict) -> str:
    lines = ["# Learned ranker: training report", "",
             (f"LightGBM lambdarank, {report['rounds']} rounds, {len(report['features'])} features (version "
              f"{report['feature_version']}), pool depth {report['pool_depth']}; figures are out-of-fold over "
              f"{report['folds']} folds split by query. Model {Path(report['model']).name}: {report.get('model_bytes', 0):,} bytes."), "",
             "| set | queries | judgments | rows | weight |", "| --- | --- | --- | --- | --- |"]
    for s in report["trained_on"]:
        lines.append(f"| {s['set']} | {s['queries']:,} | {s['judgments']:,} | {s['rows']:,} | {s['weight']:.2f} |")
    for name, figures in report["sets"].items():
        lines += ["", f"## {name}", "", "| ranker | rerank NDCG@10 | full-catalog recall@10 | recall@50 |", "| --- | --- | --- | --- |"]
        for ranker, f in figures.items():
            lines.append(f"| {ranker} | {f['rerank_ndcg_at_10']:.4f} | {f['recall_at_10']:.4f} | {f['recall_at_50']:.4f} |")
    if report.get("prior"):
        sets = list(report["prior"])
        lines += ["", "## The retrieval prior", "",
                  "The model learns from judged products only, so its scores get the standardised hybrid and BM25 scores added "
                  "per query (retrieval/ranker.py, PRIOR_HYBRID and PRIOR_BM25); 0 + 0 is the model alone.", "",
                  "| weights | " + " | ".join(f"{s}: NDCG@10 / recall@10" for s in sets) + " |",
                  "| --- | " + " | ".join("---" for _ in sets) + " |"]
        for weights in report["prior"][sets[0]]:
            cells = [f"{report['prior'][s][weights]['rerank_ndcg_at_10']:.4f} / {report['prior'][s][weights]['recall_at_10']:.4f}" for s in sets]
            lines.append(f"| {weights} | " + " | ".join(cells) + " |")
    if report.get("ablation"):
        sets = list(report["sets"])
        lines += ["", "## What each feature group adds", "",
                  "The same cross-validation without the group; 'adds' = full model minus the model without it.", "",
                  "| group | features | " + " | ".join(f"{s}: NDCG@10 adds / recall@10 adds" for s in sets) + " |",
                  "| --- | --- | " + " | ".join("---" for _ in sets) + " |"]
        for group, per_set in report["ablation"].items():
            cells = [f"{per_set[s]['adds_rerank_ndcg_at_10']:+.4f} / {per_set[s]['adds_recall_at_10']:+.4f}" for s in sets]
            lines.append(f"| {group} | {', '.join(report['feature_groups'][group])} | " + " | ".join(cells) + " |")
    if report.get("importance_gain"):
        lines += ["", "## Feature importance (total gain, final model)", "",
                  ", ".join(f"{k} {v:,.0f}" for k, v in report["importance_gain"].items() if v > 0)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    from assistant.settings import Settings, quiet_offline_environment
    from evals.data_sets.relevance import SETS, load_judgments
    from retrieval.ranker import DEFAULT_RANKER

    parser = argparse.ArgumentParser(prog="python -m evals.train_ranker", description=__doc__.split("\n\n")[0])
    parser.add_argument("--judgments", type=Path, action="append", help="judgments CSV (repeat with --products for several sets)")
    parser.add_argument("--products", type=Path, action="append", help="the products file of each --judgments")
    parser.add_argument("--set", action="append", choices=SETS, help="a shared development set (default: both, without --judgments)")
    parser.add_argument("--out", type=Path, default=DEFAULT_RANKER, help=f"model file (default {DEFAULT_RANKER})")
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--no-ablation", action="store_true", help="skip the per-group ablation")
    args = parser.parse_args(argv)
    quiet_offline_environment()
    sets: list = list(args.set or [])
    if args.judgments:
        if not args.products or len(args.products) != len(args.judgments):
            parser.error("give one --products per --judgments")
        sets += [load_judgments(j, p) for j, p in zip(args.judgments, args.products)]
    if not sets:
        sets = list(SETS)
    try:
        train_ranker(sets, args.out, settings=Settings(), folds=args.folds, ablation=not args.no_ablation, rounds=args.rounds)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
