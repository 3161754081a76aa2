"""The index's commands: `ingest catalog|faq`, `search`, `lookup`, `stats`, `reset`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Literal

from .common import command, open_shop


def register(sub: Any) -> None:
    _register_ingest(sub)
    _register_search(sub)
    lookup = command(sub, "lookup", _lookup, help="FAQ answers for a customer's question (support staff)")
    lookup.add_argument("question")
    lookup.add_argument("--k", type=int, default=3)
    lookup.add_argument("--json", action="store_true")
    stats = command(sub, "stats", _stats, help="what the index holds")
    stats.add_argument("--json", action="store_true")
    reset = command(sub, "reset", _reset, help="delete the index (products and FAQ)")
    reset.add_argument("--yes", action="store_true", help="do not ask")


# --- ingest -------------------------------------------------------------------------------------


def _register_ingest(sub: Any) -> None:
    ingest = sub.add_parser("ingest", help="load a catalog or FAQ file into the index")
    ingest_sub = ingest.add_subparsers(dest="what", required=True)
    for what, help_text in (("catalog", "products (CSV, JSON, JSONL)"), ("faq", "FAQ entries (CSV, JSON, JSONL, Markdown)")):
        p = command(ingest_sub, what, _ingest, help=help_text)
        p.add_argument("path", type=Path)
        p.add_argument("--mapping", type=Path, help="TOML file mapping the file's fields to ours")
        p.add_argument("--sync", action="store_true", help=f"remove {what} items that are no longer in the file")
        p.add_argument("--rejects", type=Path, help="where to write rejected rows (JSONL)")
        p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="progress bar on stderr (default: when stderr is a terminal)")
        p.add_argument("--max-remove-share", type=float, default=0.2, metavar="SHARE",
                       help=f"--sync refuses to remove more than this share of the {what} (default 0.2) unless --force")
        p.add_argument("--force", action="store_true",
                       help="let --sync remove more than --max-remove-share, or items whose rejected rows have no readable id")


def _ingest(args: argparse.Namespace) -> int:
    from retrieval.ingest import ingest_file
    from retrieval.mapping import Mapping

    kind: Literal["product", "faq"] = "product" if args.what == "catalog" else "faq"
    share = args.max_remove_share
    if not 0 <= share <= 1:
        raise ValueError(f"--max-remove-share must be between 0 and 1 (0.2 = a fifth of the {args.what}), not {share}")
    mapping = Mapping.load(args.mapping) if args.mapping else None
    shop = open_shop(args)

    def show(reject) -> None:
        print(f"rejected line {reject.line}: {reject.reason}", file=sys.stderr)

    report = ingest_file(
        shop.index, args.path, kind, mapping, sync=args.sync, max_remove_share=share, force=args.force,
        rejects_path=args.rejects, progress=args.progress, on_reject=show,
    )
    print(report.summary())
    return _ingest_outcome(report, args.path)


def _ingest_outcome(report, path: Path) -> int:
    """Exit 1 when the file gave nothing to load: an empty export must not pass for a good one."""
    if report.rows == 0:
        print(f"warning: {path} has no data rows (empty, or a header only); nothing was loaded", file=sys.stderr)
        return 1
    if report.valid == 0:
        print(f"warning: none of the {report.rows} rows of {path} is valid, nothing was loaded; "
              f"the rows and reasons are in {report.rejects_file}", file=sys.stderr)
        return 1
    if report.rejected:
        print(f"warning: {report.rejected} of {report.rows} rows rejected (the valid ones were loaded); "
              f"fix them in {report.rejects_file} and load the file again", file=sys.stderr)
    return 0


# --- search and lookup --------------------------------------------------------------------------


def _register_search(sub: Any) -> None:
    search = command(sub, "search", _search, help="hybrid search over products and FAQ")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--min-price", type=float)
    search.add_argument("--max-price", type=float)
    search.add_argument("--brand", action="append", default=[], help="repeatable")
    search.add_argument("--category", action="append", default=[], help="repeatable; matches any level")
    search.add_argument("--color", action="append", default=[])
    search.add_argument("--size", action="append", default=[])
    search.add_argument("--kind", choices=["product", "faq"])
    search.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid")
    search.add_argument("--json", action="store_true")


def _search(args: argparse.Namespace) -> int:
    from assistant.formatting import price as format_price
    from retrieval.schemas import SearchFilters

    filters = SearchFilters(
        kind=args.kind, min_price=args.min_price, max_price=args.max_price, brands=args.brand,
        categories=args.category, colors=args.color, sizes=args.size,
    )
    if args.k < 1:
        raise ValueError("--k must be at least 1")
    hits = open_shop(args).searcher.search(args.query, k=args.k, filters=filters, mode=args.mode)
    if args.json:
        print(json.dumps([h.summary() for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print("no results")
    for n, hit in enumerate(hits, 1):
        if hit.product:
            p = hit.product
            print(f"{n:2}. [{p.id}] {p.title} — {format_price(p)}" + (f" — {p.brand}" if p.brand else ""))
        elif hit.faq:
            print(f"{n:2}. [FAQ {hit.faq.id}] {hit.faq.question}")
    return 0


def _lookup(args: argparse.Namespace) -> int:
    result = open_shop(args).faq.lookup(args.question, k=args.k)
    if args.json:
        rows = [
            {"id": m.entry.id, "kind": "faq", "score": m.score, "question": m.entry.question, "answer": m.entry.answer,
             "source": m.entry.source, "matched_phrasing": m.matched_phrasing}
            for m in result.matches
        ]
        print(json.dumps({"confident": result.confident, "threshold": result.threshold, "matches": rows}, ensure_ascii=False, indent=1))
        return 0
    if not result.confident:
        print(f"No confident match (best score below {result.threshold:.2f}); hand this question to a colleague.")
        if result.matches:
            print("Closest, not confident:")
    for m in result.matches:
        print(f"[{m.score:.3f}] {m.entry.id}: {m.entry.question}\n    {m.entry.answer}\n    source: {m.entry.source or m.entry.id}")
    return 0


# --- stats and reset ----------------------------------------------------------------------------


def _stats(args: argparse.Namespace) -> int:
    index = open_shop(args).index
    meta = index.collection.metadata or {}
    stats = {
        "location": index.location.describe(),
        "products": len(index.item_ids("product")),
        "faq_entries": len(index.item_ids("faq")),
        "records": index.count(),
        "embedding_model": meta.get("embedding_model"),
        "faq_threshold": meta.get("faq_threshold"),
    }
    if args.json:
        print(json.dumps(stats, indent=1))
    else:
        for k, v in stats.items():
            print(f"{k}: {v}")
    return 0


def _reset(args: argparse.Namespace) -> int:
    if not args.yes and (not sys.stdin.isatty() or input("Delete the whole index? [y/N] ").strip().lower() != "y"):
        print("not deleted (pass --yes to confirm)")
        return 1
    open_shop(args).index.reset()
    print("index deleted")
    return 0
