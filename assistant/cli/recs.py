"""Behaviour and recommendations (issue 14): `events export|import` (the event log as JSONL, see
assistant/recs/events.py) and `train recs [--incremental]` (assistant/recs/train.py).

    shopassist events export [--out FILE] [--user U]      # stdout by default
    shopassist events import FILE                         # "-" reads stdin; bad lines are listed and skipped
    shopassist train recs [--incremental] [--seed N] [--epochs N]

`train recs` prints how long each model took and the total; `--incremental` is what a schedule
runs (e.g. cron: `*/30 * * * * shopassist --home /srv/shopassist/home train recs --incremental`):
it returns at once when no event arrived since the last training. The models go to
`<home>/recs/`, or to `SHOPASSIST_RECS_HOME` when set (the folder several workers share)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from .common import command, open_shop, settings_from


def register(sub: Any) -> None:
    events = sub.add_parser("events", help="the shoppers' event log as JSON lines (export / import)")
    events_sub = events.add_subparsers(dest="what", required=True)
    export = command(events_sub, "export", _export, help="write every event (or one shopper's) as JSONL")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--user", help="only this shopper's events")
    load = command(events_sub, "import", _import, help="add events from a JSONL file (a shop's history)")
    load.add_argument("file", help="JSONL file, or - for standard input")

    train = sub.add_parser("train", help="train models from the shop's data")
    train_sub = train.add_subparsers(dest="what", required=True)
    recs = command(train_sub, "recs", _train, help="co-occurrence, ALS and the two-tower model from the event log")
    recs.add_argument("--incremental", action="store_true",
                      help="continue from the last training (nothing to do when no event is new); for schedules")
    recs.add_argument("--seed", type=int, default=0)
    recs.add_argument("--epochs", type=int, help="two-tower epochs (default 10)")


def _profiles(args: argparse.Namespace):
    from assistant.profile import ProfileStore

    settings = settings_from(args)
    return ProfileStore(settings.home, database=settings.database(), recs_home=settings.recs_home)


def _export(args: argparse.Namespace) -> int:
    from assistant.profile import check_user_id
    from assistant.recs.events import export_events

    if args.user is not None:
        check_user_id(args.user)
    store = _profiles(args)
    if args.out is None:
        n = export_events(store, sys.stdout, args.user)
    else:
        with args.out.open("w", encoding="utf-8") as fh:
            n = export_events(store, fh, args.user)
    print(f"exported {n:,} events" + (f" to {args.out}" if args.out else ""), file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from assistant.recs.events import import_events

    store = _profiles(args)
    if args.file == "-":
        report = import_events(store, sys.stdin)
    else:
        path = Path(args.file)
        if not path.is_file():
            print(f"error: no such file {path}", file=sys.stderr)
            return 2
        with path.open(encoding="utf-8", errors="replace") as fh:
            report = import_events(store, fh)
    for number, reason in report.rejected[:50]:
        print(f"line {number}: {reason}", file=sys.stderr)
    if len(report.rejected) > 50:
        print(f"... and {len(report.rejected) - 50} more rejected lines", file=sys.stderr)
    print(f"imported {report.imported:,} events; rejected {len(report.rejected):,} lines")
    return 1 if report.rejected and not report.imported else 0


def _train(args: argparse.Namespace) -> int:
    from assistant.recs.train import TrainOptions, train_recs

    started = time.perf_counter()
    shop = open_shop(args)
    options = TrainOptions(seed=args.seed)
    if args.epochs is not None:
        if args.epochs < 1:
            print("error: --epochs must be at least 1", file=sys.stderr)
            return 2
        options.epochs = args.epochs
    try:
        manifest = train_recs(shop.settings.home, shop.index, shop.profiles, incremental=args.incremental, options=options,
                              say=print, recs_home=shop.settings.recs_home)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not manifest.get("skipped"):
        print(f"train recs: {time.perf_counter() - started:.1f} s in all (models {manifest['seconds']['total']:.1f} s)")
    return 0
