"""What query spelling correction (retrieval/spelling.py) does to full-catalog search on a
judgment set: hybrid recall@10 of the products graded >= `relevant_at`, with and without it, on
the same cached index (evals/relevance_index.py), and a sample of the corrections made.

    python -m evals.spelling_recall [--set home_depot] [--set crowdflower] [--sample 15]
"""

from __future__ import annotations

import argparse
import random
import sys

from evals import metrics as M


def spelling_recall(jset, idx, sample: int = 15) -> dict:
    from retrieval.schemas import SearchFilters
    from retrieval.search import HybridSearcher

    queries = jset.recall_queries()
    vectors = idx.embedder.embed([q.text for q in queries])
    idx.embedder.flush()
    base = idx.searcher
    searchers = {on: HybridSearcher(idx.index, candidates=base.candidates, fusion=base.fusion, dense_weight=base.dense_weight,
                                    spelling=on) for on in (False, True)}
    filters = SearchFilters(kind="product")
    recall: dict[bool, list[float]] = {False: [], True: []}
    changed: list[tuple[str, str]] = []
    for q, v in zip(queries, vectors):
        relevant = jset.relevant(q)
        for on, searcher in searchers.items():
            got = {h.id for h in searcher.search(q.text, 10, filters, query_vector=v)}
            recall[on].append(len(got & relevant) / len(relevant))
        fixed = searchers[True].corrected(q.text)
        if fixed != q.text:
            changed.append((q.text, fixed))
    return {"set": jset.name, "queries": len(queries), "changed": len(changed),
            "recall_at_10_without": M.mean(recall[False]), "recall_at_10_with": M.mean(recall[True]),
            "sample": random.Random(5).sample(changed, min(sample, len(changed)))}


def main(argv: list[str] | None = None) -> int:
    from assistant.settings import Settings
    from evals.data_sets.relevance import shared_set
    from evals.relevance_index import RelevanceIndex, cached_embedder

    parser = argparse.ArgumentParser(prog="python -m evals.spelling_recall", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", dest="sets", help="shared judgment set (default: home_depot and crowdflower)")
    parser.add_argument("--sample", type=int, default=15, help="corrections to print")
    args = parser.parse_args(argv)
    settings = Settings()
    embedder = cached_embedder(settings.make_embedder(), settings)
    for name in args.sets or ["home_depot", "crowdflower"]:
        jset, why = shared_set(name)
        if jset is None:
            print(f"{name}: {why}", file=sys.stderr)
            return 2
        r = spelling_recall(jset, RelevanceIndex(jset, settings, embedder), args.sample)
        print(f"{name}: {r['queries']:,} queries, {r['changed']:,} corrected; hybrid full-catalog recall@10 "
              f"{r['recall_at_10_without']:.4f} without, {r['recall_at_10_with']:.4f} with")
        for typed, fixed in r["sample"]:
            print(f"    {typed!r} -> {fixed!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
