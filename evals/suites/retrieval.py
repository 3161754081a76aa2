"""Retrieval suite: labelled queries (evals/data/retrieval_*.jsonl) -> NDCG@10 with graded
labels, Recall@10, MRR and constraint precision, per configuration."""

from __future__ import annotations

import math
import time

from evals import metrics as M
from evals.context import K, MAX_FAILURES_PER_CONFIG, MODES, Context, log, retriever_ids
from evals.gen_retrieval import DEMO_QUERIES, read_jsonl, shared_catalog_queries


def retrieval_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, fast: bool) -> None:
    from assistant.intent import SearchIntent, apply_rules
    from retrieval.documents import product_record
    from retrieval.filters import matches
    from retrieval.schemas import SearchFilters

    datasets = [("demo", read_jsonl(DEMO_QUERIES), ctx.products)]
    if not fast:
        for name in ("flipkart", "amazon_in"):
            queries, _products, why = shared_catalog_queries(name)
            if queries is None:
                notes.append(f"retrieval: {why}")
                log(f"  skipped: {why}")
            else:
                notes.append(f"retrieval: shared catalog {why} generated but not indexed in this run (demo index only)")
    facets = ctx.facets()
    for dataset, queries, products in datasets:
        for config in configs:
            t = time.perf_counter()
            ndcg, strict, recall, rr, cprec, fprec = [], [], [], [], [], []
            fails = 0
            for q in queries:
                gold = SearchFilters(kind="product", categories=q["constraints"].get("categories", []),
                                     colors=q["constraints"].get("colors", []), brands=q["constraints"].get("brands", []),
                                     sizes=q["constraints"].get("sizes", []), min_price=q["constraints"].get("min_price"),
                                     max_price=q["constraints"].get("max_price"))
                if config == "tutorial-baseline":
                    ranked = retriever_ids(ctx.tutorial("product"), q["query"], K)
                else:
                    u = apply_rules(q["query"], SearchIntent(), facets)
                    hits = ctx.shop.searcher.search(q["query"], k=K, filters=u.intent.filters(), mode=MODES[config])
                    ranked = [h.id for h in hits if h.kind == "product"]
                grades = q["grades"]
                n2 = {i: g for i, g in grades.items() if g >= 2}
                ndcg.append(M.ndcg_at_k(ranked, grades, K))
                # Exact-only: grade 2 (every hard constraint and every soft attribute) counts alone.
                strict.append(M.ndcg_at_k(ranked, n2, K))
                # Recall@10 of the fully relevant (grade 2) items, capped: |found| / min(10, |relevant|).
                found = len(set(ranked[:K]) & set(n2))
                recall.append(found / min(K, len(n2)) if n2 else float("nan"))
                rr.append(M.reciprocal_rank(ranked, grades, min_grade=2))
                sat = [matches(gold, product_record(products[i], "").metadata) for i in ranked if i in products]
                cp = M.constraint_precision(sat)
                cprec.append(cp)
                if config != "tutorial-baseline":
                    # The filter machinery alone: the gold constraints passed as hard filters.
                    gold_hits = ctx.shop.searcher.search(q["query"], k=K, filters=gold, mode=MODES[config])
                    fprec.append(M.constraint_precision([matches(gold, product_record(products[h.id], "").metadata)
                                                         for h in gold_hits if h.id in products]))
                if (ndcg[-1] < 0.5 or (not math.isnan(cp) and cp < 1.0)) and fails < MAX_FAILURES_PER_CONFIG:
                    fails += 1
                    failures.append({"suite": "retrieval", "config": config, "id": q["id"], "input": q["query"],
                                     "expected": q["constraints"], "got": ranked[:5],
                                     "why": f"ndcg@10 {ndcg[-1]:.2f}, constraint precision {cp:.2f}"})
            key = config if dataset == "demo" else f"{config}@{dataset}"
            out[key] = {"ndcg_at_10": M.mean(ndcg), "ndcg_at_10_exact_only": M.mean(strict), "recall_at_10": M.mean(recall), "mrr": M.mean(rr),
                        "constraint_precision": M.mean(cprec), "filter_precision": M.mean(fprec), "queries": len(queries),
                        "ms_per_query": 1000 * (time.perf_counter() - t) / max(1, len(queries))}
            log(f"  retrieval {key}: ndcg@10 {out[key]['ndcg_at_10']:.3f} cp {out[key]['constraint_precision']:.3f}")
