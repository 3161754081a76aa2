"""Relevance suite: search ranked against judgments made by people.

Sets (development halves under the shared data folder, or a shop's own files in the same format;
see evals/README.md, "Relevance judgments"):
  home_depot   relevance/home_depot/judgments_dev.csv (search_term, product_uid, relevance 1-3,
               the mean of several raters) over products.csv (54,667 titles)
  crowdflower  relevance/crowdflower/judgments_dev.csv (query, product_id, median_relevance 1-4)
               over products.csv (9,913 titles with descriptions)

Two ways to score, per configuration:
  rerank       each query's judged products ordered by the ranker: NDCG@10 with gain = grade -
               lowest grade (the project's NDCG, evals/metrics.py: 2^gain - 1), MRR of the first
               product graded >= `relevant_at`; queries with at least two judged products (one
               scores 1.0 whatever the ranker)
  full catalog the ranker's top 50 over the whole indexed catalog: recall@10 / @50 of the
               products graded >= `relevant_at` (Home Depot 2.33, Crowdflower 4; unjudged
               products are unknown, not irrelevant), MRR@50; per-query latency (query
               embedding excluded: vectors are computed first, in one batch)
Configurations: random (the floor; rerank averaged over 10 seeded shuffles, full catalog 50
random products), bm25, dense, hybrid (the searcher's scoring functions; rerank applies them to
every judged product), tutorial-baseline (LangChain's Chroma store over the same texts and
vectors: `as_retriever(search_kwargs={"k": 50})`; rerank = its similarity search restricted to
the judged ids), learned-ranker (the LightGBM ranker over the hybrid pool: on a set it was
trained on, out-of-fold scores of a 5-fold cross-validation split by query, see
evals/train_ranker.py; on any other set the shipped model itself).

Indexes and vectors are cached under the eval cache folder (`SHOPASSIST_EVAL_CACHE`, default
~/.cache/shopassist/eval-indexes): every text's vector once per model and runtime, keyed by the
hash of the text (`VectorCache`); each set's index (Chroma + BM25 + the tutorial store) by the
hash of its products, the model, the runtime and the record layout (`RelevanceIndex`), built in a
private folder and renamed into place. A rerun embeds nothing and indexes nothing.

`python -m evals.suites.relevance [--set home_depot] [--queries N] [--runtime torch|onnx|onnx-int8] [--report DIR]`
runs it alone and writes report.json / report.md.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from evals import metrics as M
from evals import registry
from evals import train_ranker as T
from evals.data_sets.relevance import (  # noqa: F401
    SETS,
    SHARED,
    JudgedQuery,
    JudgmentSet,
    load_judgments,
    query_id,
    read_products,
    shared_root,
    shared_set,
)
from evals.relevance_index import (  # noqa: F401
    CachedEmbedder,
    RelevanceIndex,
    VectorCache,
    cache_root,
    cached_embedder,
)

if TYPE_CHECKING:
    from retrieval.search import Mode

K = 10
DEPTH = 50
CONFIGS = ("random", "bm25", "dense", "hybrid", "tutorial-baseline", "learned-ranker")
RANDOM_SHUFFLES = 10
LATENCY_QUERIES = 300
TARGETS = {"home_depot": 0.01, "crowdflower": 0.02}  # learned ranker over the best of bm25 / dense / hybrid
TARGET_RECALL_HD = 0.45


def log(msg: str) -> None:
    print(msg, flush=True)


# --- scoring ------------------------------------------------------------------------------------


def rerank_scores(config: str, idx: RelevanceIndex, q: JudgedQuery, vector: np.ndarray, ids: list[str],
                  bm25: np.ndarray, max_bm25: float, dense_weight: float) -> np.ndarray:
    cos = np.array([float(idx.matrix[idx.row[i]] @ vector) for i in ids])
    if config == "bm25":
        return bm25
    if config == "dense":
        return cos
    if config == "hybrid":
        return dense_weight * cos + (1 - dense_weight) * (bm25 / max_bm25 if max_bm25 > 0 else 0 * bm25)
    raise ValueError(config)


SEARCH_MODES: dict[str, Mode] = {"bm25": "lexical", "dense": "dense", "hybrid": "hybrid"}  # config -> searcher mode


def order_by(ids: list[str], scores: Sequence[float] | np.ndarray, tie: Sequence[str]) -> list[str]:
    """Best first; ties in the seeded random order `tie` (no ranker gains from the file's order)."""
    pos = {t: i for i, t in enumerate(tie)}
    return [ids[i] for i in sorted(range(len(ids)), key=lambda i: (-float(scores[i]), pos[ids[i]]))]


def shuffled(ids: Iterable[str], seed: str) -> list[str]:
    out = sorted(ids)
    random.Random(seed).shuffle(out)
    return out


def tutorial_rerank(store, vector: np.ndarray, ids: list[str]) -> list[str]:
    """The tutorial store's similarity search over the judged products only."""
    docs = store.similarity_search_by_vector_with_relevance_scores(vector.tolist(), k=len(ids), filter={"item_id": {"$in": ids}})
    got = list(dict.fromkeys(d.metadata["item_id"] for d, _ in docs))
    return got + [i for i in ids if i not in got]


@dataclass
class Tally:
    ndcg: list[float] = field(default_factory=list)
    rr: list[float] = field(default_factory=list)
    r10: list[float] = field(default_factory=list)
    r50: list[float] = field(default_factory=list)
    mrr50: list[float] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)

    def full(self, ranked: list[str], relevant: set[str]) -> None:
        self.r10.append(len(set(ranked[:K]) & relevant) / len(relevant))
        self.r50.append(len(set(ranked[:DEPTH]) & relevant) / len(relevant))
        self.mrr50.append(next((1.0 / r for r, i in enumerate(ranked[:DEPTH], 1) if i in relevant), 0.0))

    def figures(self, rerank_n: int, recall_n: int) -> dict:
        return {"rerank_ndcg_at_10": M.mean(self.ndcg), "rerank_mrr": M.mean(self.rr), "recall_at_10": M.mean(self.r10),
                "recall_at_50": M.mean(self.r50), "mrr_at_50": M.mean(self.mrr50),
                "ms_per_query": M.mean(self.ms) if self.ms else float("nan"),
                "ms_per_query_p95": M.percentile(self.ms, 95) if self.ms else float("nan"),
                "rerank_queries": rerank_n, "recall_queries": recall_n}


def spread(items: list, n: int | None) -> list:
    if n is None or n >= len(items):
        return items
    return [items[i * len(items) // n] for i in range(n)]


def score_set(jset: JudgmentSet, idx: RelevanceIndex, configs: Sequence[str], *, query_limit: int | None = None,
              ranker_scores: Callable | None = None, ranker_searcher: Callable | None = None,
              failures: list | None = None) -> dict[str, dict]:
    """Every configuration on one set. `ranker_scores(query, ids) -> scores` and
    `ranker_searcher(query, vector) -> ids` give the learned ranker's rerank and full-catalog
    results (cross-validated or shipped, the caller decides)."""
    from retrieval.ranker import bm25_of
    from retrieval.schemas import SearchFilters

    rq = {q.id for q in jset.rerank_queries()}
    cq = {q.id for q in jset.recall_queries()}
    queries = spread([q for q in jset.queries if q.id in rq or q.id in cq], query_limit)
    vectors = idx.embedder.embed([q.text for q in queries])
    idx.embedder.flush()
    tallies = {c: Tally() for c in configs}
    product_only = SearchFilters(kind="product")
    catalog_ids = [p.id for p in idx.products]
    w = idx.searcher.dense_weight
    tutorial = idx.tutorial() if "tutorial-baseline" in configs else None
    for n, (q, v) in enumerate(zip(queries, vectors)):
        ids = sorted(q.grades)
        gains = {i: jset.gain(g) for i, g in q.grades.items()}
        relevant = jset.relevant(q)
        tie = shuffled(ids, q.id)
        bm25 = np.array(bm25_of(idx.index, q.text, [f"product:{i}" for i in ids]))
        lexical_top = idx.index.lexical.top(q.text, 1)
        max_bm25 = lexical_top[0][1] if lexical_top else 0.0
        for config in configs:
            t = tallies[config]
            # rerank
            if q.id in rq:
                if config == "random":
                    orders = [shuffled(ids, f"{q.id}-{s}") for s in range(RANDOM_SHUFFLES)]
                    t.ndcg.append(float(np.mean([M.ndcg_at_k(o, gains, K) for o in orders])))
                    t.rr.append(float(np.mean([M.reciprocal_rank(o, {i: 1 for i in relevant}) for o in orders])))
                else:
                    if config == "tutorial-baseline":
                        ranked = tutorial_rerank(tutorial, v, ids)
                    elif config == "learned-ranker":
                        if ranker_scores is None:
                            raise ValueError("score_set: the learned-ranker configuration needs ranker_scores")
                        ranked = order_by(ids, ranker_scores(q, ids), tie)
                    else:
                        ranked = order_by(ids, rerank_scores(config, idx, q, v, ids, bm25, max_bm25, w), tie)
                    t.ndcg.append(M.ndcg_at_k(ranked, gains, K))
                    t.rr.append(M.reciprocal_rank(ranked, {i: 1 for i in relevant}))
                    if failures is not None and config == "learned-ranker" and t.ndcg[-1] < 0.5 and len(failures) < 15:
                        failures.append({"suite": "relevance", "config": f"{config}@{jset.name}", "id": q.id, "input": q.text,
                                         "expected": sorted(q.grades.items(), key=lambda kv: -kv[1])[:3], "got": ranked[:3],
                                         "why": f"rerank ndcg@10 {t.ndcg[-1]:.2f}"})
            # full catalog
            if q.id in cq:
                started = time.perf_counter()
                if config == "random":
                    found = random.Random(q.id).sample(catalog_ids, min(DEPTH, len(catalog_ids)))
                elif config == "tutorial-baseline":
                    if tutorial is None:  # made above whenever "tutorial-baseline" is in configs
                        raise ValueError("score_set: the tutorial-baseline store was not opened")
                    docs = tutorial.similarity_search_by_vector(v.tolist(), k=DEPTH)
                    found = list(dict.fromkeys(d.metadata["item_id"] for d in docs))
                elif config == "learned-ranker":
                    if ranker_searcher is None:
                        raise ValueError("score_set: the learned-ranker configuration needs ranker_searcher")
                    found = ranker_searcher(q, v)
                else:
                    mode = SEARCH_MODES[config]
                    found = [h.id for h in idx.searcher.search(q.text, k=DEPTH, filters=product_only, mode=mode,
                                                               query_vector=v, rerank=False)]
                t.ms.append(1000 * (time.perf_counter() - started))
                t.full(found, relevant)
        if (n + 1) % 1000 == 0:
            log(f"    {jset.name}: {n + 1:,} of {len(queries):,} queries")
    rn = sum(q.id in rq for q in queries)
    cn = sum(q.id in cq for q in queries)
    return {c: tallies[c].figures(rn, cn) for c in configs}


# --- the suite ----------------------------------------------------------------------------------


def relevance_suite(settings, configs: Sequence[str] | None = None, sets: Sequence[str | JudgmentSet] = SETS, *,
                    embedder=None, query_limit: int | None = None, ranker_path: Path | None = None,
                    notes: list | None = None, failures: list | None = None) -> dict[str, dict]:
    """Scores per "<config>@<set>" (see the module docstring). `sets`: shared set names or
    JudgmentSet objects (a shop's own, `load_judgments`). Absent sets become notes."""
    from retrieval.ranker import DEFAULT_RANKER, LearnedRanker, RankerUnavailable

    configs = [c for c in (configs or CONFIGS) if c in CONFIGS]
    notes = notes if notes is not None else []
    if "tutorial-baseline" in configs:
        try:
            import langchain_chroma  # noqa: F401
        except ImportError:
            configs.remove("tutorial-baseline")
            notes.append("relevance: tutorial-baseline skipped: langchain-chroma is not installed")
    embedder = cached_embedder(embedder or settings.make_embedder(), settings)
    out: dict[str, dict] = {}
    shipped = None
    try:
        shipped = LearnedRanker.load(ranker_path or settings_ranker_path(settings) or DEFAULT_RANKER)
    except RankerUnavailable as exc:
        notes.append(f"relevance: shipped ranker unavailable ({exc})")
    trained_on = T.trained_digests(ranker_path or settings_ranker_path(settings) or DEFAULT_RANKER)
    jsets: list[JudgmentSet] = []
    for s in sets:
        if isinstance(s, str):
            jset, why = shared_set(s, shared_root(settings))
            notes.append(why)
            log(f"  {why}")
            if jset is None:
                continue
        else:
            jset = s
        jsets.append(jset)
    indexes = {j.name: RelevanceIndex(j, settings, embedder) for j in jsets}
    try:
        scorers: dict[str, tuple[Callable, Callable]] = {}
        if "learned-ranker" in configs:
            # Sets the shipped model was trained on are scored out of fold: a cross-validation split
            # by query over all of them together (as the model was trained), each query scored by
            # the model of the fold that held it out. Any other set gets the shipped model.
            seen = [j for j in jsets if j.digest() in trained_on or shipped is None]
            if seen:
                rows = [T.rows_for(j, indexes[j.name]) for j in seen]
                T.set_weights(rows)
                cv = T.CrossValidated.fit(rows, folds=T.FOLDS, cache_dir=cache_root(settings))
                for j in seen:
                    scorers[j.name] = (cv.rerank_scorer(j.name), cv.pool_searcher(j.name))
                    notes.append(f"relevance: learned-ranker@{j.name}: {T.FOLDS}-fold cross-validation by query over "
                                 f"{', '.join(x.name for x in seen)} (the shipped model was trained on them)")
            for j in jsets:
                if j.name not in scorers:
                    if shipped is None:  # every set is cross-validated then (`seen` above)
                        raise RankerUnavailable(f"relevance: no shipped ranker to score {j.name} with")
                    scorers[j.name] = (T.shipped_scorer(shipped, indexes[j.name]), T.shipped_searcher(shipped, indexes[j.name]))
                    notes.append(f"relevance: learned-ranker@{j.name}: the shipped model {shipped.path.name}")
        for jset in jsets:
            t = time.perf_counter()
            idx = indexes[jset.name]
            scorer, searcher = scorers.get(jset.name, (None, None))
            figures = score_set(jset, idx, configs, query_limit=query_limit, ranker_scores=scorer, ranker_searcher=searcher,
                                failures=failures)
            if "learned-ranker" in configs and shipped is not None:
                figures["learned-ranker"]["ms_per_query"], figures["learned-ranker"]["ms_per_query_p95"] = \
                    T.serving_latency(shipped, idx, jset, LATENCY_QUERIES)
            for c, f in figures.items():
                out[f"{c}@{jset.name}"] = f
                log(f"  relevance {c}@{jset.name}: rerank ndcg@10 {f['rerank_ndcg_at_10']:.4f} mrr {f['rerank_mrr']:.3f} | "
                    f"recall@10 {f['recall_at_10']:.3f} @50 {f['recall_at_50']:.3f} mrr@50 {f['mrr_at_50']:.3f} | "
                    f"{f['ms_per_query']:.1f} ms")
            log(f"  relevance {jset.name}: {time.perf_counter() - t:.0f}s")
    finally:
        for idx in indexes.values():
            idx.close()
    return out


def settings_ranker_path(settings) -> Path | None:
    value = getattr(settings, "ranker_path", None)
    return Path(value) if value else None


def relevance_targets(metrics: dict[str, dict]) -> list[dict]:
    """The issue's targets, from this suite's figures: learned ranker over the best of bm25 /
    dense / hybrid by 0.01 (Home Depot) and 0.02 (Crowdflower) rerank NDCG@10; Home Depot
    full-catalog recall@10 >= 0.45."""
    out = []
    for name, margin in TARGETS.items():
        learned = metrics.get(f"learned-ranker@{name}", {}).get("rerank_ndcg_at_10")
        best = max((metrics.get(f"{c}@{name}", {}).get("rerank_ndcg_at_10", float("nan")) for c in ("bm25", "dense", "hybrid")),
                   default=float("nan"))
        measured = None if learned is None or math.isnan(best) else learned - best
        out.append({"target": f"learned ranker - best of bm25/dense/hybrid, rerank NDCG@10 on {name}", "wanted": f">= {margin}",
                    "measured": measured, "met": None if measured is None else measured >= margin})
    r = metrics.get("learned-ranker@home_depot", {}).get("recall_at_10")
    out.append({"target": "learned ranker full-catalog recall@10 on home_depot", "wanted": f">= {TARGET_RECALL_HD}",
                "measured": r, "met": None if r is None else r >= TARGET_RECALL_HD})
    return out


def markdown(metrics: dict[str, dict], notes: list[str], targets: list[dict], title: str = "Relevance suite") -> str:
    lines = [f"# {title}", ""]
    sets = list(dict.fromkeys(k.split("@", 1)[1] for k in metrics))
    for s in sets:
        lines += [f"## {s}", "", "| config | rerank NDCG@10 | rerank MRR | recall@10 | recall@50 | MRR@50 | ms/query mean / p95 |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for c in CONFIGS:
            f = metrics.get(f"{c}@{s}")
            if f is None:
                continue
            lines.append(f"| {c} | {f['rerank_ndcg_at_10']:.4f} | {f['rerank_mrr']:.4f} | {f['recall_at_10']:.4f} | "
                         f"{f['recall_at_50']:.4f} | {f['mrr_at_50']:.4f} | {f['ms_per_query']:.1f} / {f['ms_per_query_p95']:.1f} |")
        f = next(iter(v for k, v in metrics.items() if k.endswith(f"@{s}")))
        lines += ["", f"{f['rerank_queries']:,} rerank queries (2+ judged products), {f['recall_queries']:,} full-catalog queries.", ""]
    lines += ["## Targets", ""] + [
        f"- {t['target']}: wanted {t['wanted']}, measured "
        f"{'n/a' if t['measured'] is None else format(t['measured'], '.4f')} -> "
        f"{'not measured' if t['met'] is None else ('met' if t['met'] else 'NOT met')}" for t in targets]
    lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


# --- the LLM's place in ranking, measured ---------------------------------------------------------


def llm_rank_measurement(settings, jset: JudgmentSet, idx: RelevanceIndex, n: int = 30, llm=None, cv=None) -> dict:
    """The agent's rank stage (`assistant.ranking.rank_and_explain`, sized as the agent sizes it
    for the model: `assistant.agent.config_for`) over each query's judged products, on `n`
    queries with 4+ judged products spread over the set: the LLM picks and orders its share of the
    first cards, the rest follow in the order it was given. Given the hybrid order and the learned
    ranker's (cross-validated when `cv`, else the shipped model), against those orders alone."""
    from assistant.agent import config_for
    from assistant.dialogue import Constraints
    from assistant.ranking import rank_and_explain
    from retrieval.facets import Facets
    from retrieval.ranker import bm25_of

    if llm is None:
        from assistant.shop import make_llm

        llm = make_llm(settings.model_copy(update={"llm_backend": "embedded", "llm_model": None}))
    config = config_for(llm)
    scorer = cv.rerank_scorer(jset.name) if cv is not None else None
    queries = spread([q for q in jset.rerank_queries() if len(q.grades) >= 4], n)
    vectors = idx.embedder.embed([q.text for q in queries])
    facets = Facets.from_products([idx.by_id[i] for q in queries for i in q.grades])
    w = idx.searcher.dense_weight
    tally: dict[str, list[float]] = {"hybrid": [], "hybrid+llm": [], "learned-ranker": [], "learned-ranker+llm": []}
    seconds: dict[str, list[float]] = {"hybrid+llm": [], "learned-ranker+llm": []}
    problems = 0
    for q, v in zip(queries, vectors):
        ids = sorted(q.grades)
        gains = {i: jset.gain(g) for i, g in q.grades.items()}
        tie = shuffled(ids, q.id)
        bm25 = np.array(bm25_of(idx.index, q.text, [f"product:{i}" for i in ids]))
        top = idx.index.lexical.top(q.text, 1)
        orders = {"hybrid": order_by(ids, rerank_scores("hybrid", idx, q, v, ids, bm25, top[0][1] if top else 0.0, w), tie)}
        if scorer is not None:
            orders["learned-ranker"] = order_by(ids, scorer(q, ids), tie)
        for name, order in orders.items():
            tally[name].append(M.ndcg_at_k(order, gains, K))
            t = time.perf_counter()
            ranked = rank_and_explain(llm, [idx.by_id[i] for i in order], Constraints(), q.text, facets, n=len(order),
                                      llm_picks=config.rank_picks, card_budget=config.card_tokens, max_cards=config.rank_cards,
                                      description_tokens=config.card_description_tokens)
            seconds[f"{name}+llm"].append(time.perf_counter() - t)
            problems += bool(ranked.problems)
            tally[f"{name}+llm"].append(M.ndcg_at_k([p.product.id for p in ranked.picks], gains, K))
    out: dict[str, float | str] = {name: M.mean(v) for name, v in tally.items() if v}
    out |= {f"{name}_seconds_per_query": M.mean(v) for name, v in seconds.items() if v}
    out |= {"queries": len(queries), "llm": getattr(llm, "name", type(llm).__name__), "cards": config.rank_cards,
            "picks": config.rank_picks, "queries_with_rank_problems": problems, "set": jset.name}
    return out


# --- registration with `shopassist eval run` (evals/registry.py) ---------------------------------


def _headline(config: str, figures: dict) -> str:
    return f"rerank NDCG@10 {figures.get('rerank_ndcg_at_10', float('nan')):.3f}, recall@10 {figures.get('recall_at_10', float('nan')):.3f}"


def _targets(report: dict) -> list[dict]:
    """The suite's targets as the report's rows (evals.registry.target)."""
    rows = []
    for t in relevance_targets(report.get("suites", {}).get("relevance", {})):
        measured = "not measured" if t["measured"] is None else f"measured {t['measured']:.4f}"
        rows.append(registry.target(f"{t['target']} {t['wanted']}", t["met"], measured))
    return rows


@registry.suite("relevance", configs=CONFIGS, fast=False, order=15, headline=_headline, targets=_targets)
def relevance(run: registry.RunContext) -> registry.SuiteResult:
    result = registry.SuiteResult()
    result.metrics = relevance_suite(run.settings, run.configs, embedder=run.demo.shop.embedder,
                                     query_limit=run.demo.query_limit, notes=result.notes, failures=result.failures)
    return result


def main(argv: list[str] | None = None) -> int:
    import argparse

    from assistant.settings import Settings, quiet_offline_environment
    from retrieval.embeddings import RUNTIMES

    parser = argparse.ArgumentParser(prog="python -m evals.suites.relevance", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=SETS, help="shared set (default: both)")
    parser.add_argument("--judgments", type=Path, help="a shop's own judgments CSV (with --products)")
    parser.add_argument("--products", type=Path)
    parser.add_argument("--config", action="append", choices=CONFIGS)
    parser.add_argument("--queries", type=int, help="score this many queries per set, spread over it")
    parser.add_argument("--runtime", choices=RUNTIMES,
                        help="embedding runtime: torch (full precision), onnx (same vectors), onnx-int8 (quantized); "
                             "default: the settings'")
    parser.add_argument("--report", type=Path, help="write report.json and report.md here")
    parser.add_argument("--llm", type=int, metavar="N", help="instead: the LLM rank stage vs the learned ranker on N queries")
    args = parser.parse_args(argv)
    quiet_offline_environment()
    settings = Settings()
    if args.runtime:
        settings = settings.model_copy(update={"embedding_runtime": args.runtime})
    sets: list = list(args.set or SETS)
    if args.judgments:
        if not args.products:
            parser.error("--judgments needs --products")
        sets = [load_judgments(args.judgments, args.products)]
    if args.llm:

        embedder = cached_embedder(settings.make_embedder(), settings)
        found = [shared_set(name, shared_root(settings)) for name in SETS]
        jsets = [j for j, _ in found if j is not None]
        indexes = {j.name: RelevanceIndex(j, settings, embedder) for j in jsets}
        results = []
        try:
            rows = [T.rows_for(j, indexes[j.name]) for j in jsets]
            T.set_weights(rows)
            cv = T.CrossValidated.fit(rows, cache_dir=cache_root(settings))
            for j in jsets:
                if j.name in (args.set or SETS):
                    results.append(llm_rank_measurement(settings, j, indexes[j.name], args.llm, cv=cv))
                    log(json.dumps(results[-1], indent=2))
        finally:
            for idx in indexes.values():
                idx.close()
        if args.report:
            args.report.mkdir(parents=True, exist_ok=True)
            (args.report / "llm_rank.json").write_text(json.dumps(results, indent=2, default=float), "utf-8")
        return 0
    notes: list[str] = []
    if args.queries:
        notes.append(f"relevance: --queries {args.queries}: at most {args.queries:,} queries per set, spread evenly over it "
                     "(the learned ranker's out-of-fold scores still come from a cross-validation over every query)")
    failures: list[dict] = []
    started = time.perf_counter()
    metrics = relevance_suite(settings, args.config, sets, query_limit=args.queries, notes=notes, failures=failures)
    targets = relevance_targets(metrics)
    for t in targets:
        log(f"  target: {t['target']}: {t['measured']} ({'met' if t['met'] else 'not met' if t['met'] is False else 'not measured'})")
    if args.report:
        args.report.mkdir(parents=True, exist_ok=True)
        runtime = getattr(settings, "embedding_runtime", "torch")
        report = {"suite": "relevance", "created": time.strftime("%Y-%m-%dT%H:%M:%S"), "embedding_runtime": runtime,
                  "seconds": round(time.perf_counter() - started, 1), "metrics": metrics, "targets": targets, "notes": notes,
                  "failures": failures}
        (args.report / "report.json").write_text(json.dumps(report, indent=2, default=float), "utf-8")
        (args.report / "report.md").write_text(markdown(metrics, notes, targets, f"Relevance suite ({runtime} embeddings)"), "utf-8")
        log(f"  written to {args.report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
