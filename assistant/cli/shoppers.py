"""Shopper profiles: `feedback` (what a shopper did with a product) and `profile show|set|forget`.
Only `feedback` opens the index (to check the product exists); the profile store is a file of
its own, so `profile` never loads the model."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .common import command, open_shop, settings_from

# `profile set` flag -> the preference it sets
PREFERENCE_FLAGS = (("max_budget", "max_budget"), ("min_budget", "min_budget"), ("brand", "preferred_brands"),
                    ("avoid_brand", "avoided_brands"), ("size", "sizes"), ("color", "colors"))


def register(sub: Any) -> None:
    from assistant.profile import EVENT_TYPES

    fb = command(sub, "feedback", _feedback, help="record what a shopper did with a product")
    fb.add_argument("--user", required=True)
    fb.add_argument("--product", help="product id (required except for --event handoff)")
    fb.add_argument("--event", required=True, choices=EVENT_TYPES)
    fb.add_argument("--session")

    prof = sub.add_parser("profile", help="a shopper's stored profile")
    prof_sub = prof.add_subparsers(dest="what", required=True)
    show = command(prof_sub, "show", _show, help="preferences, event counts and recent events")
    show.add_argument("user")
    show.add_argument("--limit", type=int, default=10, help="recent events to show")
    show.add_argument("--json", action="store_true")
    pset = command(prof_sub, "set", _set, help="change stated preferences (given fields replace, others are kept)")
    pset.add_argument("user")
    pset.add_argument("--max-budget", type=float)
    pset.add_argument("--min-budget", type=float)
    pset.add_argument("--brand", action="append", help="preferred brand; repeatable")
    pset.add_argument("--avoid-brand", action="append", help="repeatable")
    pset.add_argument("--size", action="append", help="repeatable")
    pset.add_argument("--color", action="append", help="repeatable")
    forget = command(prof_sub, "forget", _forget, help="delete everything stored about the shopper")
    forget.add_argument("user")


def _store(args: argparse.Namespace):
    """The profile store, after checking the user id (before anything slow is loaded)."""
    from assistant.profile import ProfileStore, check_user_id

    check_user_id(args.user)
    settings = settings_from(args)
    return ProfileStore(settings.home, database=settings.database(), recs_home=settings.recs_home)


def _feedback(args: argparse.Namespace) -> int:
    from retrieval.documents import product_record_id

    store = _store(args)
    if args.product is not None and not open_shop(args).index.metadatas([product_record_id(args.product)]):
        print(f"error: unknown product {args.product}", file=sys.stderr)
        return 2
    event = store.record(args.user, args.event, product_id=args.product, session_id=args.session)
    print(f"recorded {event.event}" + (f" of {event.product_id}" if event.product_id else "") + f" for {event.user_id}")
    return 0


def _forget(args: argparse.Namespace) -> int:
    """Everything about the shopper: events, preferences, their conversations with every message
    (overwritten on disk), and the anonymous profiles of sessions they had linked."""
    from assistant.sessions import SessionStore, anonymous_user

    store = _store(args)
    settings = settings_from(args)
    sessions = SessionStore(settings.home, database=settings.database())
    linked = sessions.sessions_of(args.user)
    rows = store.forget(args.user) + sum(store.forget(anonymous_user(s)) for s in linked)
    conversations = sessions.forget_user(args.user)
    print(f"removed {rows + conversations} rows for {args.user} "
          f"({rows} profile rows, {conversations} conversations with their messages)")
    return 0


def _set(args: argparse.Namespace) -> int:
    store = _store(args)
    changes = {field: getattr(args, flag) for flag, field in PREFERENCE_FLAGS if getattr(args, flag) is not None}
    if not changes:
        raise ValueError("nothing to set: give --max-budget, --min-budget, --brand, --avoid-brand, --size or --color")
    prefs = store.update_preferences(args.user, **changes)
    print(json.dumps(prefs.model_dump(mode="json"), ensure_ascii=False))
    return 0


def _show(args: argparse.Namespace) -> int:
    store = _store(args)
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
        _print_recent(recent)
    return 0


def _print_recent(events) -> None:
    import time

    print("recent:")
    for e in events:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(e.ts))
        print(f"  {when} {e.event}" + (f" {e.product_id}" if e.product_id else "") + (f" (session {e.session_id})" if e.session_id else ""))
