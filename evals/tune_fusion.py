"""How the hybrid fusion default was chosen, rerunnable: NDCG@10 of the demo retrieval queries
for BM25, dense, RRF and convex fusion at several dense weights, on two development sets (the
same generator with seeds 7 and 21) and on the stored test set (seed 13, evals/data/).

Pick on the development sets only; the test column is there to check the pick, not to make it.

    python -m evals.tune_fusion [--weights 0.3,0.4,0.5,0.6,0.7]
"""

from __future__ import annotations

import argparse

from evals import metrics as M
from evals.context import Context, K
from evals.data_sets.common import read_jsonl
from evals.gen_retrieval import DEMO_CATALOG, DEMO_QUERIES, generate, load_catalog

DEV_SEEDS = (7, 21)


def ndcg_by_style(searcher, queries: list[dict], facets, mode: str) -> dict[str, float]:
    from evals.suites.retrieval import understood

    scores: dict[str, list[float]] = {"all": []}
    for q in queries:
        filters, text = understood(q["query"], facets)
        ranked = [h.id for h in searcher.search(text, k=K, filters=filters, mode=mode)]
        n = M.ndcg_at_k(ranked, q["grades"], K)
        scores["all"].append(n)
        scores.setdefault(q.get("style", "catalog"), []).append(n)
    return {k: M.mean(v) for k, v in scores.items()}


def main(argv: list[str] | None = None) -> int:
    from assistant.settings import Settings
    from retrieval.search import HybridSearcher

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weights", default="0.3,0.4,0.5,0.6,0.7")
    args = ap.parse_args(argv)
    weights = [float(w) for w in args.weights.split(",")]
    ctx = Context(Settings())
    try:
        products = load_catalog(DEMO_CATALOG)
        sets = {f"dev{s}": generate(products, seed=s) for s in DEV_SEEDS} | {"test13": read_jsonl(DEMO_QUERIES)}
        facets = ctx.facets()
        rows = [("bm25", HybridSearcher(ctx.shop.index), "lexical"), ("dense", HybridSearcher(ctx.shop.index), "dense"),
                ("rrf k=60", HybridSearcher(ctx.shop.index, fusion="rrf"), "hybrid")]
        rows += [(f"convex w={w:g}", HybridSearcher(ctx.shop.index, fusion="convex", dense_weight=w), "hybrid") for w in weights]
        print(f"{'fusion':14s} " + " ".join(f"{name + ' (all/catalog/shopper)':>34s}" for name in sets) + f" {'dev mean':>9s}")
        for label, searcher, mode in rows:
            cells, dev = [], []
            for name, queries in sets.items():
                s = ndcg_by_style(searcher, queries, facets, mode)
                cells.append(f"{s['all']:.4f}/{s.get('catalog', float('nan')):.4f}/{s.get('shopper', float('nan')):.4f}")
                if name.startswith("dev"):
                    dev.append(s["all"])
            print(f"{label:14s} " + " ".join(f"{c:>34s}" for c in cells) + f" {M.mean(dev):9.4f}")
    finally:
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
