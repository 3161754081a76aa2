"""`shopassist bench ...`, `shopassist eval ...` and `shopassist train ranker`: the evaluation package's commands, added
to the product's command line through the `shopassist.commands` entry point group
(pyproject.toml), so that the product package never imports `evals`. Nothing heavy is imported
until a command runs: this module is loaded whenever `shopassist` starts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.cli.common import command, settings_from


def register(sub: Any) -> None:
    _register_bench(sub)
    _register_eval(sub)
    _register_train(sub)


def _group(sub: Any, name: str, help: str) -> Any:
    """The subcommands of the top-level command `name`: those of the group another module
    created (`train` comes from assistant/cli/recs.py, registered before the plugins), or a new
    group when no module did."""
    parser = sub.choices.get(name)
    if parser is None:
        parser = sub.add_parser(name, help=help)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest="what", required=True)


# --- train --------------------------------------------------------------------------------------


def _register_train(sub: Any) -> None:
    tr = command(_group(sub, "train", "train models from the shop's data"), "ranker", _train_ranker,
                 help="the learned search ranker (LightGBM lambdarank) from graded judgments or a click log")
    tr.add_argument("--judgments", type=Path, action="append", required=True,
                    help="CSV of query, product id, grade (repeat, each with its --products)")
    tr.add_argument("--products", type=Path, action="append", required=True, help="the catalog the judgments name (CSV or JSONL)")
    tr.add_argument("--out", type=Path, help="model file (default: the shipped retrieval/models/ranker.txt); its report goes beside it")
    tr.add_argument("--folds", type=int, default=5, help="cross-validation folds, split by query")
    tr.add_argument("--no-ablation", action="store_true", help="skip what-each-feature-group-adds")


def _train_ranker(args: argparse.Namespace) -> int:
    from evals.train_ranker import main

    if len(args.judgments) != len(args.products):
        print("error: give one --products per --judgments", file=sys.stderr)
        return 2
    argv = [x for j, p in zip(args.judgments, args.products) for x in ("--judgments", str(j), "--products", str(p))]
    argv += (["--out", str(args.out)] if args.out else []) + ["--folds", str(args.folds)] + (["--no-ablation"] if args.no_ablation else [])
    return main(argv)


# --- bench --------------------------------------------------------------------------------------


def _embedding_runtimes() -> tuple[str, ...]:
    """The settings' embedding runtimes (torch, onnx, onnx-int8), without importing the embedders."""
    from typing import get_args

    from assistant.settings import Settings

    return get_args(Settings.model_fields["embedding_runtime"].annotation)


def _register_bench(sub: Any) -> None:
    bench = sub.add_parser("bench", help="benchmarks that print figures")
    bench_sub = bench.add_subparsers(dest="what", required=True)
    bi = command(bench_sub, "index", _bench_index, help="ingest throughput, search latency and recall at >= 10,000 items")
    bi.add_argument("--items", type=int, default=10000, help="size of the synthetic catalog")
    bi.add_argument("--queries", type=int, default=200)
    bi.add_argument("--catalog", action="append", choices=("synthetic", "home_depot"),
                    help="repeatable, run one after the other (default: synthetic); home_depot: the 54,667 shared titles")
    bi.add_argument("--runtime", action="append", choices=_embedding_runtimes(),
                    help="embedding runtimes whose raw throughput is measured side by side, repeatable (default: all)")
    ba = command(bench_sub, "agent", _bench_agent, help="per-stage chat-turn latency with the LLM on and off, model tokens/s")
    ba.add_argument("--rounds", type=int, default=2)
    bl = command(bench_sub, "load", _bench_load,
                 help="HTTP API under concurrent simulated shoppers: requests/s, latency, status codes")
    bl.add_argument("--sessions", type=int, default=20, help="concurrent simulated shoppers")
    bl.add_argument("--seconds", type=float, default=30, help="how long to keep starting requests")
    bl.add_argument("--no-llm", action="store_true", help="serve without the language model")
    bl.add_argument("--think", type=float, default=0.5, help="mean pause between a shopper's requests, seconds")
    bl.add_argument("--workers", type=int, metavar="N",
                    help="also run N stateless workers over a chroma run server and PostgreSQL started on 127.0.0.1 "
                         "(and one worker on them), after one embedded process, and compare")
    bl.add_argument("--max-turns", type=int, help="turns each server runs at once (serve --max-turns)")
    bl.add_argument("--llm-slots", metavar="N,N,...",
                    help="instead: the LLM on, the embedded model against llama.cpp's llama-server -np N for each N "
                         "(e.g. 1,2,4; `make llama-server` builds it)")
    bl.add_argument("--llm-threads", type=int, default=1, help="llama-server threads for --llm-slots (default 1, as embedded)")


def _bench_index(args: argparse.Namespace) -> int:
    from evals.bench_index import run_benchmark
    from retrieval.embeddings import RUNTIMES

    codes = [run_benchmark(settings_from(args), items=args.items, queries=args.queries, catalog=c,
                           runtimes=tuple(args.runtime or RUNTIMES))
             for c in dict.fromkeys(args.catalog or ["synthetic"])]
    return max(codes)


def _bench_agent(args: argparse.Namespace) -> int:
    from evals.bench_agent import run_agent_benchmark

    return run_agent_benchmark(settings_from(args), rounds=args.rounds)


def _bench_load(args: argparse.Namespace) -> int:
    from evals.bench_load import run_load_benchmark, run_scaling_benchmark, run_slot_curve

    if args.llm_slots:
        try:
            slots = [int(n) for n in args.llm_slots.split(",")]
        except ValueError:
            raise ValueError(f"--llm-slots takes comma-separated slot counts such as 1,2,4, not {args.llm_slots!r}") from None
        return run_slot_curve(settings_from(args), slots, sessions=args.sessions, seconds=args.seconds, think=args.think,
                              llm_threads=args.llm_threads)
    if args.workers:
        return run_scaling_benchmark(settings_from(args), workers=args.workers, sessions=args.sessions, seconds=args.seconds,
                                     no_llm=args.no_llm, think=args.think, max_turns=args.max_turns)
    return run_load_benchmark(settings_from(args), sessions=args.sessions, seconds=args.seconds, no_llm=args.no_llm,
                              think=args.think, home=getattr(args, "home", None))


# --- eval ---------------------------------------------------------------------------------------


def _register_eval(sub: Any) -> None:
    ev = sub.add_parser("eval", help="evaluations on labelled data")
    ev_sub = ev.add_subparsers(dest="what", required=True)
    ef = command(ev_sub, "faq-lookup", _faq_lookup, help="accuracy@1 / MRR of FAQ lookup on the Bitext phrasings")
    ef.add_argument("--data", type=Path, help="folder with the shared data (default: ../shared/data)")
    ef.add_argument("--limit", type=int, help="only the first N phrasings")
    er = command(ev_sub, "run", _run,
                 help="retrieval / faq / dialogue / personalization / latency suites, configs side by side")
    er.add_argument("--suite", action="append", default=[], help="repeatable; default: all")
    er.add_argument("--config", action="append", default=[], help="repeatable; default: all available")
    er.add_argument("--report", type=Path, required=True, help="folder for report.json, report.md, report.html")
    er.add_argument("--fast", action="store_true", help="CI subset: demo data, no LLM configurations")
    er.add_argument("--llm-turns", type=int, default=24, help="at most this many turns per dialogue set for LLM configs "
                    "(default 24: all 21 demo turns; bounds the MG-ShopDial replay)")
    er.add_argument("--queries", type=int, help="score every configuration on this many retrieval queries, evenly spread "
                    "over the set (default: all; for slow LLM configurations)")
    ec = command(ev_sub, "compare", _compare, home=False,
                 help="metric differences between two report.json files; exit 1 on regressions")
    ec.add_argument("a", type=Path)
    ec.add_argument("b", type=Path)
    ec.add_argument("--tolerance", type=float, default=0.02)


def _faq_lookup(args: argparse.Namespace) -> int:
    from evals.faq_lookup import run_faq_eval

    return run_faq_eval(settings_from(args), data_dir=args.data, limit=args.limit)


def _run(args: argparse.Namespace) -> int:
    """The suites; with --fast also the CI gate: exit 1 when a figure is below evals/thresholds.toml."""
    from evals.report import check_thresholds
    from evals.run import run_eval

    report = run_eval(settings_from(args), suites=args.suite or None, configs=args.config or None, report_dir=args.report,
                      fast=args.fast, llm_turn_limit=args.llm_turns, query_limit=args.queries)
    if not args.fast:
        return 0
    problems = check_thresholds(report)
    for p in problems:
        print(f"below threshold: {p}")
    return 1 if problems else 0


def _compare(args: argparse.Namespace) -> int:
    from evals.report import run_compare

    return run_compare(args.a, args.b, tolerance=args.tolerance)
