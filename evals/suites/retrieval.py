"""Retrieval suite: labelled queries (evals/data/retrieval_*.jsonl) -> NDCG@10 with graded
labels, Recall@10, MRR and constraint precision, per configuration; its targets: hybrid beats
BM25 and dense, the agent configurations beat the tutorial baseline with every constraint kept."""

from __future__ import annotations

import math
import time

from evals import metrics as M
from evals.context import MAX_FAILURES_PER_CONFIG, MODES, Context, K, log, retriever_ids
from evals.data_sets.common import read_jsonl
from evals.gen_retrieval import DEMO_QUERIES
from evals.registry import RunContext, SuiteResult, figure, fmt, suite, target

CONFIGS = ("bm25", "dense", "hybrid", "hybrid+profile", "hybrid+llm", "hybrid+llm-endpoint", "tutorial-baseline")
AGENT_CONFIGS = ("hybrid+profile", "hybrid+llm", "hybrid+llm-endpoint")
BASELINE_MARGIN = 0.15  # NDCG@10 the agent configurations must gain over the tutorial baseline
SHARED_QUERY_LIMIT = 30  # per shared catalog and configuration, unless --queries says otherwise


def spread(queries: list[dict], n: int | None) -> list[dict]:
    """n queries evenly spread over the set (every category keeps a share), or all of them."""
    if n is None or n >= len(queries):
        return queries
    return [queries[i * len(queries) // n] for i in range(n)]


def key_of(config: str, dataset: str) -> str:
    return config if dataset == "demo" else f"{config}@{dataset}"


def gold_filters(q: dict):
    from retrieval.schemas import SearchFilters

    c = q["constraints"]
    return SearchFilters(kind="product", categories=c.get("categories", []), colors=c.get("colors", []),
                         brands=c.get("brands", []), sizes=c.get("sizes", []), min_price=c.get("min_price"),
                         max_price=c.get("max_price"))


class _AgentRanker:
    """The products the chat agent shows for a query, as a ranked list: the agent configured to
    show K products (the LLM, when there is one, picks and orders its share; the rest follow in
    retrieval order, as in a real reply). A relaxation ("closest option if you allow ...") is not
    a match and ranks nothing. hybrid+profile asks as a signed-in shopper whose history is
    unrelated to the query (3 clicks and a purchase drawn from the whole catalog, seeded per
    query): the profile may reorder, but must not break a hard constraint."""

    def __init__(self, ctx: Context, config: str, llm):
        import dataclasses

        self.ctx, self.config = ctx, config
        self.agent = ctx.shop.assistant(llm=llm, config=dataclasses.replace(ctx.shop.agent_config(llm), products_per_reply=K))

    def __call__(self, q: dict) -> list[str]:
        user = None
        if self.config == "hybrid+profile":
            import random

            user = f"eval-shopper-{q['id']}"
            rng = random.Random(q["id"])
            history = rng.sample(sorted(self.ctx.products), 4)
            for pid in history[:3]:
                self.ctx.shop.profiles.record(user, "click", product_id=pid, session_id=f"{user}-history")
            self.ctx.shop.profiles.record(user, "purchase", product_id=history[3], session_id=f"{user}-history")
        result = self.agent.turn(q["query"], f"eval-retrieval-{self.config}-{q['id']}", user)
        return [p.id for p in result.products]


def understood(query: str, facets):
    """A one-shot query as the agent reads it: (hard filters, search text)."""
    from assistant.dialogue import DialogueState, update

    state = update(DialogueState(), query, facets).state
    return state.filters(), state.search_text() or query


def retrieval_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, fast: bool, shared=None) -> None:
    """The demo set over `ctx`, and (not `fast`) the shared catalogs present, each over its own
    sampled index from `shared` (evals.shared_contexts.SharedContexts); keys "<config>" and "<config>@<catalog>"."""
    from retrieval.documents import product_record
    from retrieval.filters import matches

    datasets = [("demo", ctx, read_jsonl(DEMO_QUERIES))]
    if not fast:
        from evals.shared_contexts import shared_retrieval_sets

        sets, set_notes = shared_retrieval_sets(ctx.settings, ctx.shop.embedder, contexts=shared)
        datasets += sets
        notes.extend(set_notes)
        for n in set_notes:
            log(f"  {n}")
    for dataset, dctx, queries in datasets:
        products = dctx.products
        facets = dctx.facets()
        for config in configs:
            t = time.perf_counter()
            ndcg, strict, recall, rr, cprec, fprec = [], [], [], [], [], []
            by_style: dict[str, list[float]] = {}
            fails = 0
            # one LLM per run (the demo context's), whichever catalog it ranks
            agent = _AgentRanker(dctx, config, ctx.llm_for(config)) if config in AGENT_CONFIGS else None
            # The shared catalogs' sets are scored on a spread-out share by default, so that a full
            # run with the embedded LLM (~4 s a query) stays within its 20-minute budget.
            scored = spread(queries, ctx.query_limit or (None if dataset == "demo" else SHARED_QUERY_LIMIT))
            if len(scored) < len(queries):
                notes.append(f"retrieval: {key_of(config, dataset)} scored on {len(scored)} of {len(queries)} queries, evenly spread "
                             f"({'--queries' if ctx.query_limit else 'the default for shared catalogs; --queries N for more'})")
            for q in scored:
                gold = gold_filters(q)
                if config == "tutorial-baseline":
                    ranked = retriever_ids(dctx.tutorial("product"), q["query"], K)
                elif agent is not None:  # one of AGENT_CONFIGS
                    ranked = agent(q)
                else:
                    filters, text = understood(q["query"], facets)
                    hits = dctx.shop.searcher.search(text, k=K, filters=filters, mode=MODES[config])
                    ranked = [h.id for h in hits if h.kind == "product"]
                grades = q["grades"]
                n2 = {i: g for i, g in grades.items() if g >= 2}
                ndcg.append(M.ndcg_at_k(ranked, grades, K))
                by_style.setdefault(q.get("style", "catalog"), []).append(ndcg[-1])
                # Exact-only: grade 2 (every hard constraint and every soft attribute) counts alone.
                strict.append(M.ndcg_at_k(ranked, n2, K))
                # Recall@10 of the fully relevant (grade 2) items, capped: |found| / min(10, |relevant|).
                found = len(set(ranked[:K]) & set(n2))
                recall.append(found / min(K, len(n2)) if n2 else float("nan"))
                rr.append(M.reciprocal_rank(ranked, grades, min_grade=2))
                sat = [matches(gold, product_record(products[i], "").metadata) for i in ranked if i in products]
                cp = M.constraint_precision(sat)
                cprec.append(cp)
                if config in MODES:
                    # The filter machinery alone: the gold constraints passed as hard filters.
                    gold_hits = dctx.shop.searcher.search(q["query"], k=K, filters=gold, mode=MODES[config])
                    fprec.append(M.constraint_precision([matches(gold, product_record(products[h.id], "").metadata)
                                                         for h in gold_hits if h.id in products]))
                if (ndcg[-1] < 0.5 or (not math.isnan(cp) and cp < 1.0)) and fails < MAX_FAILURES_PER_CONFIG:
                    fails += 1
                    failures.append({"suite": "retrieval", "config": key_of(config, dataset), "id": q["id"], "input": q["query"],
                                     "expected": q["constraints"], "got": ranked[:5],
                                     "why": f"ndcg@10 {ndcg[-1]:.2f}, constraint precision {cp:.2f}"})
            key = key_of(config, dataset)
            out[key] = {"ndcg_at_10": M.mean(ndcg), **{f"ndcg_at_10_{style}_words": M.mean(v) for style, v in sorted(by_style.items())},
                        "ndcg_at_10_exact_only": M.mean(strict), "recall_at_10": M.mean(recall), "mrr": M.mean(rr),
                        "constraint_precision": M.mean(cprec), "filter_precision": M.mean(fprec), "queries": len(scored),
                        "ms_per_query": 1000 * (time.perf_counter() - t) / max(1, len(scored))}
            log(f"  retrieval {key}: ndcg@10 {out[key]['ndcg_at_10']:.3f} cp {out[key]['constraint_precision']:.3f}")


# --- registration: the suite, its headline and its targets ----------------------------------------


def headline(config: str, m: dict) -> str:
    return (f"NDCG@10 {fmt(m.get('ndcg_at_10'))}, Recall@10 {fmt(m.get('recall_at_10'))}, MRR {fmt(m.get('mrr'))}, "
            f"constraint precision {fmt(m.get('constraint_precision'))}")


def targets(report: dict) -> list[dict]:
    """Per retrieval data set (the demo set and each shared catalog in the report): hybrid beats
    BM25 and dense on NDCG@10; each agent configuration beats the tutorial baseline by
    BASELINE_MARGIN with constraint precision 1.00."""
    keys = report.get("suites", {}).get("retrieval", {})
    datasets = sorted({c.split("@", 1)[1] if "@" in c else "" for c in keys}) or [""]
    return [t for ds in datasets for t in _dataset_targets(report, ds)]


def _dataset_targets(report: dict, ds: str) -> list[dict]:
    sfx, name = (f"@{ds}", ds) if ds else ("", "demo")
    n = {c: figure(report, "retrieval", c + sfx, "ndcg_at_10") for c in ("bm25", "dense", "hybrid", "tutorial-baseline", *AGENT_CONFIGS)}
    cp = {c: figure(report, "retrieval", c + sfx, "constraint_precision") for c in ("tutorial-baseline", *AGENT_CONFIGS)}
    text = f"retrieval ({name}): hybrid beats BM25 and dense on NDCG@10"
    hybrid, bm25, dense = n["hybrid"], n["bm25"], n["dense"]
    if hybrid is None or bm25 is None or dense is None:
        out = [target(text, None, "a configuration is missing from this run")]
    else:
        out = [target(text, hybrid > max(bm25, dense), f"hybrid {hybrid:.3f}, bm25 {bm25:.3f}, dense {dense:.3f}")]
    base = n["tutorial-baseline"]
    for c in AGENT_CONFIGS:
        text = f"retrieval ({name}): {c} beats the tutorial baseline by >= {BASELINE_MARGIN} NDCG@10, constraint precision 1.00"
        score = n[c]
        if score is None or base is None:
            out.append(target(text, None, "not in this run"))
            continue
        out.append(target(text, score - base >= BASELINE_MARGIN and cp[c] == 1.0,
                          f"{score:.3f} vs {base:.3f} (+{score - base:.3f}); constraint precision "
                          f"{cp[c]:.3f} vs baseline {cp['tutorial-baseline']:.3f}"))
    return out


@suite("retrieval", configs=CONFIGS, order=10, headline=headline, targets=targets)
def run_retrieval(run: RunContext) -> SuiteResult:
    result = SuiteResult()
    retrieval_suite(run.demo, run.configs, result.metrics, result.failures, result.notes, run.fast, shared=run.shared)
    return result
