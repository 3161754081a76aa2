"""Filtered dense search at 55k products: the searcher's path (`HybridSearcher.dense`, which
answers filters from the BM25 sidecar's metadata table and cached vectors) against Chroma's own
`where` query, on the Home Depot index the relevance suite caches.

    python -m evals.bench_filtered [--queries 40]

Each query is a stored product vector with a little noise, filtered on that product's type and
colour (else material), the filters `bench index --catalog home_depot` uses. The first pass
fetches the passing records' vectors (once per index revision, as a serving process does); the
figures are from the second. Agreement = share of Chroma's filtered top 10 in the searcher's.
Needs the relevance suite's Home Depot index (`python -m evals.suites.relevance --set home_depot`).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

import numpy as np

from evals.relevance_index import cache_root


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    from assistant.settings import Settings, quiet_offline_environment
    from retrieval.filters import chroma_where
    from retrieval.schemas import SearchFilters
    from retrieval.search import HybridSearcher
    from retrieval.store import IndexLocation, ShopIndex

    parser = argparse.ArgumentParser(prog="python -m evals.bench_filtered", description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=int, default=40)
    args = parser.parse_args(argv)
    quiet_offline_environment()
    settings = Settings()
    homes = sorted(cache_root(settings).glob("relevance-home_depot-*/complete.json"))
    if not homes:
        print("error: no cached Home Depot index; run `python -m evals.suites.relevance --set home_depot` first", file=sys.stderr)
        return 2
    home = homes[-1].parent
    index = ShopIndex(IndexLocation(home=home, collection="relevance"), settings.make_embedder())
    searcher = HybridSearcher(index)
    index.ensure_lexical()
    lex = index.lexical
    metas = json.loads((home / "lexical" / "relevance" / "records.json").read_text("utf-8"))["metadata"]
    rng = random.Random(5)
    picks = [i for i in rng.sample(range(len(metas)), 10 * args.queries) if metas[i].get("type")][: args.queries]
    stored = index.vectors([lex.record_ids[i] for i in picks])
    rows = []
    for i in picks:
        wanted: dict[str, list[str]] = {"types": [metas[i]["type"]]}
        if metas[i].get("color"):
            wanted["colors"] = [metas[i]["color"]]
        elif metas[i].get("materials"):
            wanted["materials"] = [metas[i]["materials"][0]]
        v = stored[lex.record_ids[i]] + np.random.default_rng(i).normal(0, 0.02, len(stored[lex.record_ids[i]])).astype(np.float32)
        rows.append((SearchFilters(kind="product", **wanted), v / np.linalg.norm(v)))
    for f, v in rows:
        searcher.dense(v, f, 50)
    ours, chroma, agree, passing = [], [], [], []
    for f, v in rows:
        passing.append(int(lex.table.mask(f).sum()))
        t = time.perf_counter()
        got = [c.record_id for c in searcher.dense(v, f, 50)]
        ours.append(1000 * (time.perf_counter() - t))
        t = time.perf_counter()
        ref = [r[0] for r in index.dense_query(v, 50, chroma_where(f), with_metadata=False)]
        chroma.append(1000 * (time.perf_counter() - t))
        k = min(10, len(ref))
        agree.append(len(set(got[:10]) & set(ref[:10])) / k if k else 1.0)
    print(f"{len(rows)} filtered queries over {lex.size:,} records; passing records per query: median {statistics.median(passing):.0f}, max {max(passing)}")
    print(f"searcher (sidecar table + cached vectors): p50 {statistics.median(ours):.1f} ms, p95 {_p(ours, .95):.1f} ms")
    print(f"Chroma where query:                        p50 {statistics.median(chroma):.1f} ms, p95 {_p(chroma, .95):.1f} ms")
    print(f"ratio of p50s: {statistics.median(chroma) / max(1e-9, statistics.median(ours)):.1f}x; top-10 agreement {statistics.mean(agree):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
