"""`shopassist`: a thin command line over the library. Every command takes --home; errors
print one line saying what to fix and exit non-zero."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from .settings import Settings


def _common(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's --home must not overwrite one given before the subcommand.
    parser.add_argument("--home", type=Path, default=argparse.SUPPRESS,
                        help="data folder (default: $SHOPASSIST_HOME or ./.shopassist)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shopassist", description="Offline conversational shopping assistant.")
    _common(parser)
    sub = parser.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="load a catalog or FAQ file into the index")
    ingest_sub = ingest.add_subparsers(dest="what", required=True)
    for what, help_text in (("catalog", "products (CSV, JSON, JSONL)"), ("faq", "FAQ entries (CSV, JSON, JSONL, Markdown)")):
        p = ingest_sub.add_parser(what, help=help_text)
        _common(p)
        p.add_argument("path", type=Path)
        p.add_argument("--mapping", type=Path, help="TOML file mapping the file's fields to ours")
        p.add_argument("--sync", action="store_true", help=f"remove {what} items that are no longer in the file")
        p.add_argument("--rejects", type=Path, help="where to write rejected rows (JSONL)")
        p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="progress bar on stderr (default: when stderr is a terminal)")

    search = sub.add_parser("search", help="hybrid search over products and FAQ")
    _common(search)
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

    lookup = sub.add_parser("lookup", help="FAQ answers for a customer's question (support staff)")
    _common(lookup)
    lookup.add_argument("question")
    lookup.add_argument("--k", type=int, default=3)
    lookup.add_argument("--json", action="store_true")

    ask = sub.add_parser("ask", help="one chat turn, for scripts")
    _common(ask)
    ask.add_argument("message")
    ask.add_argument("--session", required=True, help="conversation id; the same id continues it")
    ask.add_argument("--user", help="shopper id (profile and feedback)")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--no-llm", action="store_true", help="switch the LLM stages off")

    chat = sub.add_parser("chat", help="chat in the terminal")
    _common(chat)
    chat.add_argument("--session", help="conversation id (default: a new one)")
    chat.add_argument("--user")
    chat.add_argument("--no-llm", action="store_true")

    stats = sub.add_parser("stats", help="what the index holds")
    _common(stats)
    stats.add_argument("--json", action="store_true")

    reset = sub.add_parser("reset", help="delete the index (products and FAQ)")
    _common(reset)
    reset.add_argument("--yes", action="store_true", help="do not ask")

    demo = sub.add_parser("demo", help="load the demo catalog and FAQ, then open the chat UI on 127.0.0.1")
    _common(demo)
    demo.add_argument("--no-interactive", action="store_true", help="load and exit")

    ui = sub.add_parser("ui", help="serve the chat UI (Gradio) over the index in --home")
    _common(ui)
    ui.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    ui.add_argument("--port", type=int, default=7860)
    ui.add_argument("--no-llm", action="store_true", help="rules and retrieval only, no language model")

    bench = sub.add_parser("bench", help="benchmarks that print figures")
    bench_sub = bench.add_subparsers(dest="what", required=True)
    bi = bench_sub.add_parser("index", help="ingest throughput, search latency and recall at >= 10,000 items")
    _common(bi)
    bi.add_argument("--items", type=int, default=10000)
    bi.add_argument("--queries", type=int, default=200)
    ba = bench_sub.add_parser("agent", help="per-stage chat-turn latency with the LLM on and off, model tokens/s")
    _common(ba)
    ba.add_argument("--rounds", type=int, default=2)
    bl = bench_sub.add_parser("load", help="HTTP API under concurrent simulated shoppers: requests/s, latency, status codes")
    _common(bl)
    bl.add_argument("--sessions", type=int, default=20, help="concurrent simulated shoppers")
    bl.add_argument("--seconds", type=float, default=30, help="how long to keep starting requests")
    bl.add_argument("--no-llm", action="store_true", help="serve without the language model")
    bl.add_argument("--think", type=float, default=0.5, help="mean pause between a shopper's requests, seconds")

    ev = sub.add_parser("eval", help="evaluations on labelled data")
    ev_sub = ev.add_subparsers(dest="what", required=True)
    ef = ev_sub.add_parser("faq-lookup", help="accuracy@1 / MRR of FAQ lookup on the Bitext phrasings")
    _common(ef)
    ef.add_argument("--data", type=Path, help="folder with the shared data (default: ../shared/data)")
    ef.add_argument("--limit", type=int, help="only the first N phrasings")
    er = ev_sub.add_parser("run", help="retrieval / faq / dialogue / personalization / latency suites, configs side by side")
    _common(er)
    er.add_argument("--suite", action="append", default=[], help="repeatable; default: all")
    er.add_argument("--config", action="append", default=[], help="repeatable; default: all available")
    er.add_argument("--report", type=Path, required=True, help="folder for report.json, report.md, report.html")
    er.add_argument("--fast", action="store_true", help="CI subset: demo data, no LLM configurations")
    er.add_argument("--llm-turns", type=int, default=24, help="at most this many turns per dialogue set for LLM configs "
                    "(default 24: all 21 demo turns; bounds the MG-ShopDial replay)")
    er.add_argument("--queries", type=int, help="score every configuration on this many retrieval queries, evenly spread "
                    "over the set (default: all; for slow LLM configurations)")
    ec = ev_sub.add_parser("compare", help="metric differences between two report.json files; exit 1 on regressions")
    ec.add_argument("a", type=Path)
    ec.add_argument("b", type=Path)
    ec.add_argument("--tolerance", type=float, default=0.02)

    _add_profile_commands(sub)
    _add_api_commands(sub)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "home", None):
        overrides["home"] = args.home
    return Settings(**overrides)


def _open(args):
    from .shop import Shop

    return Shop.open(_settings(args))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # The --sync guard's flags on `ingest catalog` / `ingest faq` (skipped once build_parser has them).
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and "ingest" in action.choices:
            for inner in action.choices["ingest"]._actions:
                if isinstance(inner, argparse._SubParsersAction):
                    for what, p in inner.choices.items():
                        if not any("--force" in a.option_strings for a in p._actions):
                            p.add_argument("--max-remove-share", type=float, default=0.2, metavar="SHARE",
                                           help=f"--sync refuses to remove more than this share of the {what} "
                                                "(default 0.2) unless --force")
                            p.add_argument("--force", action="store_true",
                                           help="let --sync remove more than --max-remove-share, or items whose "
                                                "rejected rows have no readable id")
    args = parser.parse_args(argv)
    import sqlite3
    import traceback

    from retrieval.mapping import MappingError
    from retrieval.readers import FileError
    from retrieval.store import IndexConfigError

    from pydantic import ValidationError

    def home() -> str:
        try:
            return str(_settings(args).home)
        except Exception:  # the settings themselves are broken: name no folder
            return "the data folder"

    def sidecar_mismatch(exc: BaseException) -> str | None:
        """The BM25 sidecar folder whose record list no longer matches its BM25 index, when the
        error came from reading it (an IndexError or a numpy shape error in the lexical path)."""
        frames = {Path(f.filename).name for f in traceback.extract_tb(exc.__traceback__)
                  if Path(f.filename).parent.name == "retrieval"}
        if not frames & {"lexical.py", "search.py", "filters.py"}:
            return None
        for records in sorted(Path(home()).glob("lexical/*/records.json")):
            try:
                data = json.loads(records.read_text("utf-8"))
                params = records.parent / "bm25" / "params.index.json"
                docs = json.loads(params.read_text("utf-8"))["num_docs"] if params.exists() else None
                count = len(data["record_ids"])
                if len(data["metadata"]) != count or docs not in (None, count):
                    return str(records.parent)
            except (OSError, ValueError, KeyError, TypeError):
                return str(records.parent)
        return None

    try:
        return _dispatch(args)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors())
        print(f"error: invalid {problems}", file=sys.stderr)
        return 2
    except (FileError, MappingError, IndexConfigError, ValueError, IndexError) as exc:
        sidecar = None if isinstance(exc, (FileError, MappingError, IndexConfigError)) else sidecar_mismatch(exc)
        if sidecar:
            print(f"error: the BM25 sidecar {sidecar} no longer matches its record list; delete that folder and rerun "
                  "(it is rebuilt from the index, nothing is lost)", file=sys.stderr)
            return 2
        if isinstance(exc, IndexError):
            raise  # a bug, not an operational error: keep the traceback
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            hint = (f"another shopassist process (a load, serve or ui) is using the databases in {home()}; "
                    "wait for it to finish or stop it, then rerun")
        else:
            hint = f"check the disk holding {home()} (free space, permissions, errors), then rerun"
        print(f"error: database: {exc}; {hint}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        print(f"error: database: {exc}; a database file in {home()} is damaged or not a database: "
              "move it aside (or restore a backup) and rerun", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of the output went away (`| head`): nothing to report
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 141
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}; check that path (permissions, free disk space), then rerun "
              "the same command (nothing already written is lost)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; rerun the same command to finish (nothing already written is lost)", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "ingest":
        return _ingest(args)
    if args.command == "search":
        return _search(args)
    if args.command == "lookup":
        return _lookup(args)
    if args.command == "stats":
        return _stats(args)
    if args.command == "ask":
        return _ask(args)
    if args.command == "chat":
        return _chat(args)
    if args.command == "reset":
        return _reset(args)
    if args.command == "demo":
        from .demo import run_demo

        return run_demo(_open(args), interactive=not args.no_interactive)
    if args.command == "ui":
        from .ui import launch_ui

        shop = _open(args)
        launch_ui(shop.assistant(llm=None) if args.no_llm else shop, host=args.host, port=args.port)
        return 0
    if args.command == "serve":
        return _serve(args)
    if args.command == "sites":
        return _sites(args)
    if args.command == "bench" and args.what == "load":
        from evals.bench_load import run_load_benchmark

        return run_load_benchmark(_settings(args), sessions=args.sessions, seconds=args.seconds, no_llm=args.no_llm,
                                  think=args.think, home=getattr(args, "home", None))
    if args.command == "bench" and args.what == "agent":
        from evals.bench_agent import run_agent_benchmark

        return run_agent_benchmark(_settings(args), rounds=args.rounds)
    if args.command == "bench":
        from evals.bench_index import run_benchmark

        return run_benchmark(_settings(args), items=args.items, queries=args.queries)
    if args.command == "eval" and args.what == "run":
        from evals.report import check_thresholds
        from evals.run import run_eval

        report = run_eval(_settings(args), suites=args.suite or None, configs=args.config or None, report_dir=args.report,
                          fast=args.fast, llm_turn_limit=args.llm_turns, query_limit=args.queries)
        if args.fast:
            problems = check_thresholds(report)
            for p in problems:
                print(f"below threshold: {p}")
            return 1 if problems else 0
        return 0
    if args.command == "eval" and args.what == "compare":
        from evals.report import run_compare

        return run_compare(args.a, args.b, tolerance=args.tolerance)
    if args.command == "eval":
        from evals.faq_lookup import run_faq_eval

        return run_faq_eval(_settings(args), data_dir=args.data, limit=args.limit)
    if args.command == "feedback":
        return _feedback(args)
    if args.command == "profile":
        return _profile(args)
    raise ValueError(f"unknown command {args.command}")


def _ingest(args) -> int:
    from retrieval.ingest import ingest_file
    from retrieval.mapping import Mapping

    kind = "product" if args.what == "catalog" else "faq"
    share = args.max_remove_share
    if not 0 <= share <= 1:
        raise ValueError(f"--max-remove-share must be between 0 and 1 (0.2 = a fifth of the {args.what}), not {share}")
    mapping = Mapping.load(args.mapping) if args.mapping else None
    shop = _open(args)

    def show(reject) -> None:
        print(f"rejected line {reject.line}: {reject.reason}", file=sys.stderr)

    report = ingest_file(
        shop.index, args.path, kind, mapping, sync=args.sync, max_remove_share=share, force=args.force,
        rejects_path=args.rejects, progress=args.progress, on_reject=show,
    )
    print(report.summary())
    # Exit 1 when the file gave nothing to load: an empty export must not pass for a good one.
    if report.rows == 0:
        print(f"warning: {args.path} has no data rows (empty, or a header only); nothing was loaded", file=sys.stderr)
        return 1
    if report.valid == 0:
        print(f"warning: none of the {report.rows} rows of {args.path} is valid, nothing was loaded; "
              f"the rows and reasons are in {report.rejects_file}", file=sys.stderr)
        return 1
    if report.rejected:
        print(f"warning: {report.rejected} of {report.rows} rows rejected (the valid ones were loaded); "
              f"fix them in {report.rejects_file} and load the file again", file=sys.stderr)
    return 0


def _search(args) -> int:
    from retrieval.schemas import SearchFilters

    from .formatting import price as format_price

    filters = SearchFilters(
        kind=args.kind, min_price=args.min_price, max_price=args.max_price, brands=args.brand,
        categories=args.category, colors=args.color, sizes=args.size,
    )
    if args.k < 1:
        raise ValueError("--k must be at least 1")
    shop = _open(args)
    hits = shop.searcher.search(args.query, k=args.k, filters=filters, mode=args.mode)
    if args.json:
        print(json.dumps([h.summary() for h in hits], ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print("no results")
    for n, hit in enumerate(hits, 1):
        if hit.product:
            p = hit.product
            price = format_price(p)
            print(f"{n:2}. [{p.id}] {p.title} — {price}" + (f" — {p.brand}" if p.brand else ""))
        elif hit.faq:
            print(f"{n:2}. [FAQ {hit.faq.id}] {hit.faq.question}")
    return 0


def _lookup(args) -> int:
    shop = _open(args)
    result = shop.faq.lookup(args.question, k=args.k)
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


def _agent(args):
    shop = _open(args)
    return shop.assistant(llm=None) if args.no_llm else shop.assistant()


def _ask(args) -> int:
    from .agent import InputError
    from .events import Delta

    agent = _agent(args)
    try:
        if args.json:
            result = agent.turn(args.message, args.session, args.user)
            out = result.model_dump(mode="json", include={"reply", "intent", "constraints", "products", "faq", "alternatives",
                                                           "relaxation", "handoff", "unknown_values", "session_id", "timings_ms"})
            out["products"] = [{k: p[k] for k in ("id", "title", "price", "currency", "reason", "url")} for p in out["products"]]
            print(json.dumps(out, ensure_ascii=False, indent=1))
            return 0
        for event in agent.turn_stream(args.message, args.session, args.user):
            if isinstance(event, Delta):
                print(event.text, end="", flush=True)
        print()
    except InputError as exc:
        raise ValueError(str(exc)) from None
    return 0


def _chat(args) -> int:
    import uuid

    from .agent import InputError
    from .events import Delta

    agent = _agent(args)
    session = args.session or uuid.uuid4().hex[:12]
    print(f"shopassist chat (session {session}). Empty line or Ctrl-D to quit.")
    while True:
        try:
            message = input("you> ").strip()
        except EOFError:
            print()
            return 0
        if not message:
            return 0
        print("assistant> ", end="", flush=True)
        try:
            for event in agent.turn_stream(message, session, args.user):
                if isinstance(event, Delta):
                    print(event.text, end="", flush=True)
        except InputError as exc:
            print(f"(cannot send that: {exc})", end="")
        print()


def _stats(args) -> int:
    shop = _open(args)
    index = shop.index
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


def _reset(args) -> int:
    if not args.yes and (not sys.stdin.isatty() or input("Delete the whole index? [y/N] ").strip().lower() != "y"):
        print("not deleted (pass --yes to confirm)")
        return 1
    _open(args).index.reset()
    print("index deleted")
    return 0


# --- shopper profiles: `feedback` and `profile show|set|forget` ---------------------------------


def _add_profile_commands(sub) -> None:
    from .profile import EVENT_TYPES

    fb = sub.add_parser("feedback", help="record what a shopper did with a product")
    _common(fb)
    fb.add_argument("--user", required=True)
    fb.add_argument("--product", help="product id (required except for --event handoff)")
    fb.add_argument("--event", required=True, choices=EVENT_TYPES)
    fb.add_argument("--session")

    prof = sub.add_parser("profile", help="a shopper's stored profile")
    prof_sub = prof.add_subparsers(dest="what", required=True)
    show = prof_sub.add_parser("show", help="preferences, event counts and recent events")
    _common(show)
    show.add_argument("user")
    show.add_argument("--limit", type=int, default=10, help="recent events to show")
    show.add_argument("--json", action="store_true")
    pset = prof_sub.add_parser("set", help="change stated preferences (given fields replace, others are kept)")
    _common(pset)
    pset.add_argument("user")
    pset.add_argument("--max-budget", type=float)
    pset.add_argument("--min-budget", type=float)
    pset.add_argument("--brand", action="append", help="preferred brand; repeatable")
    pset.add_argument("--avoid-brand", action="append", help="repeatable")
    pset.add_argument("--size", action="append", help="repeatable")
    pset.add_argument("--color", action="append", help="repeatable")
    forget = prof_sub.add_parser("forget", help="delete everything stored about the shopper")
    _common(forget)
    forget.add_argument("user")


def _feedback(args) -> int:
    from retrieval.documents import product_record_id

    from .profile import ProfileStore, check_user_id

    check_user_id(args.user)  # fail before loading the model
    store = ProfileStore(_settings(args).home)
    if args.product is not None and not _open(args).index.metadatas([product_record_id(args.product)]):
        print(f"error: unknown product {args.product}", file=sys.stderr)
        return 2
    event = store.record(args.user, args.event, product_id=args.product, session_id=args.session)
    print(f"recorded {event.event}" + (f" of {event.product_id}" if event.product_id else "") + f" for {event.user_id}")
    return 0


def _profile(args) -> int:
    # No index needed: the profile store is a file of its own, so no model is loaded.
    from .profile import ProfileStore, check_user_id

    check_user_id(args.user)
    store = ProfileStore(_settings(args).home)
    if args.what == "forget":
        from .sessions import SessionStore, anonymous_user

        # Everything about the shopper: events, preferences, their conversations with every
        # message (overwritten on disk), and the anonymous profiles of sessions they had linked.
        sessions = SessionStore(_settings(args).home)
        linked = sessions.sessions_of(args.user)
        rows = store.forget(args.user) + sum(store.forget(anonymous_user(s)) for s in linked)
        conversations = sessions.forget_user(args.user)
        print(f"removed {rows + conversations} rows for {args.user} "
              f"({rows} profile rows, {conversations} conversations with their messages)")
        return 0
    if args.what == "set":
        changes = {
            field: value
            for field, value in (
                ("max_budget", args.max_budget), ("min_budget", args.min_budget), ("preferred_brands", args.brand),
                ("avoided_brands", args.avoid_brand), ("sizes", args.size), ("colors", args.color),
            )
            if value is not None
        }
        if not changes:
            raise ValueError("nothing to set: give --max-budget, --min-budget, --brand, --avoid-brand, --size or --color")
        prefs = store.update_preferences(args.user, **changes)
        print(json.dumps(prefs.model_dump(mode="json"), ensure_ascii=False))
        return 0
    if args.limit < 0:
        raise ValueError("--limit must not be negative")
    prefs = store.get_preferences(args.user)
    counts = store.event_counts(args.user)
    recent = store.events(args.user, limit=args.limit)
    if args.json:
        print(json.dumps({"user_id": args.user, "preferences": prefs.model_dump(mode="json"), "event_counts": counts,
                          "recent_events": [e.model_dump(mode="json") for e in recent]}, ensure_ascii=False, indent=1))
        return 0
    print(f"user: {args.user}")
    print("preferences:" + (" none stated" if prefs.is_empty() else ""))
    for field, value in prefs.model_dump().items():
        if value not in (None, []):
            print(f"  {field}: {', '.join(value) if isinstance(value, list) else f'{value:g}'}")
    print("events:" + (" none" if not counts else " " + ", ".join(f"{k} {n}" for k, n in counts.items())))
    if recent:
        import time

        print("recent:")
        for e in recent:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(e.ts))
            print(f"  {when} {e.event}" + (f" {e.product_id}" if e.product_id else "") + (f" (session {e.session_id})" if e.session_id else ""))
    return 0


# --- HTTP API: `serve` and `sites add|list|revoke` ------------------------------------------------


def _add_api_commands(sub) -> None:
    serve = sub.add_parser("serve", help="serve the HTTP API and the chat widget with uvicorn (the admin UI at /ui with --ui)")
    _common(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-llm", action="store_true", help="rules and retrieval only, no language model")
    serve.add_argument("--ui", action="store_true",
                       help="mount the Gradio chat page at /ui for staff; needs SHOPASSIST_ADMIN_KEY (asked as the HTTP Basic password)")
    serve.add_argument("--no-ui", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for old scripts
    serve.add_argument("--sites", type=Path, help="site keys file (default: <home>/sites.json)")
    serve.add_argument("--max-turns", type=int, default=4, help="chat turns processed at once (more wait, then get 429)")
    serve.add_argument("--session-ttl-days", type=float, default=30,
                       help="delete conversations idle for this many days (default 30; 0: keep them)")
    serve.add_argument("--forwarded-allow-ips", metavar="IPS",
                       help="reverse proxies (comma-separated) whose X-Forwarded-For gives the client address")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])

    sites = sub.add_parser("sites", help="site keys for the HTTP API and the chat widget")
    sites_sub = sites.add_subparsers(dest="what", required=True)
    add = sites_sub.add_parser("add", help="create a key and an identity secret for a site; prints both (the secret only now)")
    _common(add)
    add.add_argument("name", help="the site's name (for you)")
    add.add_argument("--origin", action="append", default=[], metavar="URL",
                     help="exact origin the widget runs on, e.g. https://shop.example.com; repeatable")
    add.add_argument("--rate", type=int, default=60, help="chat turns, feedback and product reads per minute for the key (default 60)")
    add.add_argument("--session-rate", type=int, default=20, help="chat turns per minute per conversation (default 20)")
    add.add_argument("--client-rate", type=int, default=30, help="turns and feedback per minute per client address (default 30)")
    add.add_argument("--faq-rate", type=int, default=120, help="FAQ searches per minute for the key (default 120)")
    add.add_argument("--new-sessions-rate", type=int, default=10, help="new conversations per minute per client address (default 10)")
    add.add_argument("--json", action="store_true", help="print the new entry as JSON (with its secret)")
    ls = sites_sub.add_parser("list", help="every key with its origins, limits and status (never the secrets)")
    _common(ls)
    ls.add_argument("--json", action="store_true")
    rv = sites_sub.add_parser("revoke", help="revoke a key (requests with it get 403 at once)")
    _common(rv)
    rv.add_argument("key")
    rs = sites_sub.add_parser("rotate-secret", help="replace a key's identity secret; prints the new one (old signatures stop working)")
    _common(rs)
    rs.add_argument("key")


def _serve(args) -> int:
    from .api import create_app, serve
    from .sitekeys import list_sites, sites_path

    settings = _settings(args)
    sites = args.sites or sites_path(settings.home)
    if args.max_turns < 1:
        raise ValueError("--max-turns must be at least 1")
    if args.session_ttl_days < 0:
        raise ValueError("--session-ttl-days must not be negative")
    admin_key = getattr(settings, "admin_key", None)
    if args.ui and (not admin_key or len(admin_key) < 16):
        raise ValueError("--ui needs an admin key of at least 16 characters in SHOPASSIST_ADMIN_KEY "
                         "(staff give it as the password when the browser asks)")
    if not any(not s.revoked for s in list_sites(sites)):
        print(f"note: no active site key in {sites}; /api/v1 answers 403 until `shopassist sites add NAME --origin URL`",
              file=sys.stderr)
    shop = _open(args)
    agent = shop.assistant(llm=None) if args.no_llm else shop.assistant()
    app = create_app(shop, agent, sites_path=sites, mount_ui=args.ui, admin_key=admin_key if args.ui else None,
                     max_concurrent_turns=args.max_turns, session_ttl_seconds=args.session_ttl_days * 86400)
    serve(app, host=args.host, port=args.port, log_level=args.log_level, forwarded_allow_ips=args.forwarded_allow_ips)
    return 0


def _sites(args) -> int:
    from .sitekeys import add_site, list_sites, revoke_site, rotate_secret, sites_path

    path = sites_path(_settings(args).home)
    if args.what == "add":
        if not args.origin:
            raise ValueError("give at least one --origin URL (the page the widget runs on, e.g. https://shop.example.com)")
        site = add_site(path, args.name, args.origin, rate_per_minute=args.rate, session_rate_per_minute=args.session_rate,
                        client_rate_per_minute=args.client_rate, faq_rate_per_minute=args.faq_rate,
                        sessions_per_client_per_minute=args.new_sessions_rate)
        if args.json:
            print(json.dumps(site.model_dump(mode="json"), ensure_ascii=False, indent=1))
            return 0
        print(site.key)
        print(f"identity secret (shown once; keep it on the shop's server, never in a page): {site.secret}", file=sys.stderr)
        return 0
    if args.what == "revoke":
        site = revoke_site(path, args.key)
        print(f"revoked {site.key} ({site.name})")
        return 0
    if args.what == "rotate-secret":
        site = rotate_secret(path, args.key)
        print(site.secret)
        print(f"new identity secret for {site.key} ({site.name}); signatures made with the old one no longer verify",
              file=sys.stderr)
        return 0
    sites = list_sites(path)
    if args.json:
        print(json.dumps([s.public() for s in sites], ensure_ascii=False, indent=1))
        return 0
    if not sites:
        print(f"no site keys in {path}")
    for s in sites:
        status = "revoked" if s.revoked else "active"
        print(f"{s.key}  {s.name}  [{status}]  {s.rate_per_minute}/min, {s.session_rate_per_minute}/min per session, "
              f"{s.client_rate_per_minute}/min per client, FAQ {s.faq_rate_per_minute}/min  "
              f"identity: {'secret set' if s.secret else 'no secret (sites rotate-secret)'}  "
              f"origins: {', '.join(s.allowed_origins) or '(none: non-browser clients only)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
