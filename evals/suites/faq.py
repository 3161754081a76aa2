"""FAQ suite: labelled phrasings -> accuracy@1, MRR, abstention; out-of-scope questions ->
share correctly not answered from the FAQ."""

from __future__ import annotations

import time

from evals import metrics as M
from evals.context import DATA, K, MAX_FAILURES_PER_CONFIG, MODES, Context, log, retriever_ids
from evals.gen_retrieval import read_jsonl


def faq_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, fast: bool) -> None:
    from retrieval.schemas import SearchFilters

    rows = read_jsonl(DATA / "faq_demo.jsonl")
    if not fast:
        from evals.datasets import shared_data_dir

        if not shared_data_dir().is_dir():
            notes.append(f"faq: Bitext set skipped: shared data not found at {shared_data_dir()} (run `shopassist eval faq-lookup` when present)")
            log(f"  skipped: Bitext (shared data not found at {shared_data_dir()})")
    for config in configs:
        t = time.perf_counter()
        preds, ranked_lists, labels, abstained, oos_ok = [], [], [], [], []
        fails = 0
        for r in rows:
            if config == "hybrid":
                lk = ctx.shop.faq.lookup(r["question"], k=K)
                ranked = [m.entry.id for m in lk.matches]
                pred = ranked[0] if lk.confident and ranked else None
            elif config == "tutorial-baseline":
                ranked = retriever_ids(ctx.tutorial("faq"), r["question"], 3 * K)[:K]
                pred = ranked[0] if ranked else None
            else:
                hits = ctx.shop.searcher.search(r["question"], k=K, filters=SearchFilters(kind="faq"), mode=MODES[config])
                ranked = [h.id for h in hits]
                pred = ranked[0] if ranked else None
            if r["expected"] is None:
                oos_ok.append(pred is None)
            else:
                preds.append(pred)
                ranked_lists.append(ranked)
                labels.append(r["expected"])
                abstained.append(pred is None)
            if pred != r["expected"] and fails < MAX_FAILURES_PER_CONFIG:
                fails += 1
                failures.append({"suite": "faq", "config": config, "id": r["id"], "input": r["question"],
                                 "expected": r["expected"] or "(no answer)", "got": pred or "(no answer)"})
        from evals.faq_lookup import accuracy_at_1, mrr

        out[config] = {"accuracy_at_1": accuracy_at_1(preds, labels), "mrr": mrr(ranked_lists, labels),
                       "abstention_rate": M.rate(abstained), "out_of_scope_refused": M.rate(oos_ok),
                       "questions": len(labels), "out_of_scope_questions": len(oos_ok),
                       "ms_per_query": 1000 * (time.perf_counter() - t) / max(1, len(rows))}
        log(f"  faq {config}: acc@1 {out[config]['accuracy_at_1']:.3f} oos {out[config]['out_of_scope_refused']:.3f}")
