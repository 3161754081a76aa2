"""The HTTP API: `serve` (the API and the chat widget, the staff UI with --ui) and
`sites add|list|revoke|rotate-secret` (the per-site keys it accepts)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .common import command, open_shop, settings_from


def register(sub: Any) -> None:
    _register_serve(sub)
    _register_sites(sub)
    _register_db(sub)


# --- db -----------------------------------------------------------------------------------------


def _register_db(sub: Any) -> None:
    db = sub.add_parser("db", help="the stores' database (SQLite files in the home folder, or SHOPASSIST_DATABASE_URL)")
    db_sub = db.add_subparsers(dest="what", required=True)
    command(db_sub, "migrate", _migrate,
            help="create or upgrade the tables of every store (sessions, hand-off tickets, site keys, rate limits, profiles)")


def _migrate(args: argparse.Namespace) -> int:
    from assistant.stores import migrate_all

    settings = settings_from(args)
    for store, version in migrate_all(settings.home, settings.database()).items():
        print(f"{store}: schema version {version}")
    return 0


# --- serve --------------------------------------------------------------------------------------


def _register_serve(sub: Any) -> None:
    serve = command(sub, "serve", _serve,
                    help="serve the HTTP API and the chat widget with uvicorn (the admin UI at /ui with --ui)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-llm", action="store_true", help="rules and retrieval only, no language model")
    serve.add_argument("--ui", action="store_true",
                       help="mount the Gradio chat page at /ui for staff; needs SHOPASSIST_ADMIN_KEY (asked as the HTTP Basic password)")
    serve.add_argument("--no-ui", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for old scripts
    serve.add_argument("--sites", type=Path, help="site keys file (default: <home>/sites.json)")
    serve.add_argument("--max-turns", type=int, default=None,
                       help="chat turns processed at once (more wait, then get 429); default: SHOPASSIST_LLM_SLOTS, "
                            "else the LLM server's parallel slots when it reports them (llama.cpp), else 4")
    serve.add_argument("--session-ttl-days", type=float, default=30,
                       help="delete conversations idle for this many days (default 30; 0: keep them)")
    serve.add_argument("--forwarded-allow-ips", metavar="IPS",
                       help="reverse proxies (comma-separated) whose X-Forwarded-For gives the client address")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])


DEFAULT_MAX_TURNS = 4


def turn_capacity(settings: Any, no_llm: bool = False) -> tuple[int, str]:
    """How many turns a worker runs at once, and where the number came from: the LLM endpoint's
    capacity (SHOPASSIST_LLM_SLOTS, or the slots a llama.cpp server reports), else 4."""
    if settings.llm_slots:
        return settings.llm_slots, "SHOPASSIST_LLM_SLOTS"
    if not no_llm and settings.llm_backend == "openai":
        from assistant.llm import endpoint_slots

        slots = endpoint_slots(settings.llm_base_url, settings.llm_api_key)
        if slots:
            return slots, f"the LLM server's total_slots at {settings.llm_base_url}"
    return DEFAULT_MAX_TURNS, "default"


def _check_serve_flags(args: argparse.Namespace, admin_key: str | None) -> None:
    if args.max_turns is not None and args.max_turns < 1:
        raise ValueError("--max-turns must be at least 1")
    if args.session_ttl_days < 0:
        raise ValueError("--session-ttl-days must not be negative")
    if args.ui and (not admin_key or len(admin_key) < 16):
        raise ValueError("--ui needs an admin key of at least 16 characters in SHOPASSIST_ADMIN_KEY "
                         "(staff give it as the password when the browser asks)")


def _serve(args: argparse.Namespace) -> int:
    from assistant.api import create_app, serve
    from assistant.sitekeys import list_sites

    settings = settings_from(args)
    sites = args.sites or sites_location(settings)
    admin_key = settings.admin_key
    _check_serve_flags(args, admin_key)
    if not any(not s.revoked for s in list_sites(sites)):
        print(f"note: no active site key in {sites}; /api/v1 answers 403 until `shopassist sites add NAME --origin URL`",
              file=sys.stderr)
    if args.max_turns is None:
        max_turns, source = turn_capacity(settings, args.no_llm)
        print(f"note: {max_turns} chat turns at once ({source}; --max-turns overrides)", file=sys.stderr)
    else:
        max_turns = args.max_turns
    shop = open_shop(args)
    agent = shop.assistant(llm=None) if args.no_llm else shop.assistant()
    app = create_app(shop, agent, sites_path=sites, mount_ui=args.ui, admin_key=admin_key if args.ui else None,
                     max_concurrent_turns=max_turns, session_ttl_seconds=args.session_ttl_days * 86400)
    serve(app, host=args.host, port=args.port, log_level=args.log_level, forwarded_allow_ips=args.forwarded_allow_ips)
    return 0


# --- sites --------------------------------------------------------------------------------------


def _register_sites(sub: Any) -> None:
    sites = sub.add_parser("sites", help="site keys for the HTTP API and the chat widget")
    sites_sub = sites.add_subparsers(dest="what", required=True)
    add = command(sites_sub, "add", _add,
                  help="create a key and an identity secret for a site; prints both (the secret only now)")
    add.add_argument("name", help="the site's name (for you)")
    add.add_argument("--origin", action="append", default=[], metavar="URL",
                     help="exact origin the widget runs on, e.g. https://shop.example.com; repeatable")
    add.add_argument("--rate", type=int, default=60, help="chat turns, feedback and product reads per minute for the key (default 60)")
    add.add_argument("--session-rate", type=int, default=20, help="chat turns per minute per conversation (default 20)")
    add.add_argument("--client-rate", type=int, default=30, help="turns and feedback per minute per client address (default 30)")
    add.add_argument("--faq-rate", type=int, default=120, help="FAQ searches per minute for the key (default 120)")
    add.add_argument("--new-sessions-rate", type=int, default=10, help="new conversations per minute per client address (default 10)")
    add.add_argument("--json", action="store_true", help="print the new entry as JSON (with its secret)")
    ls = command(sites_sub, "list", _list, help="every key with its origins, limits and status (never the secrets)")
    ls.add_argument("--json", action="store_true")
    rv = command(sites_sub, "revoke", _revoke, help="revoke a key (requests with it get 403 at once)")
    rv.add_argument("key")
    rs = command(sites_sub, "rotate-secret", _rotate,
                 help="replace a key's identity secret; prints the new one (old signatures stop working)")
    rs.add_argument("key")


def sites_location(settings: Any) -> Any:
    """Where the site keys are: the shared database when SHOPASSIST_DATABASE_URL is set, else
    `<home>/sites.json`."""
    from assistant.sitekeys import sites_path

    database = settings.database()
    return database if database is not None else sites_path(settings.home)


def _sites_file(args: argparse.Namespace) -> Any:
    return sites_location(settings_from(args))


def _add(args: argparse.Namespace) -> int:
    from assistant.sitekeys import add_site

    if not args.origin:
        raise ValueError("give at least one --origin URL (the page the widget runs on, e.g. https://shop.example.com)")
    site = add_site(_sites_file(args), args.name, args.origin, rate_per_minute=args.rate,
                    session_rate_per_minute=args.session_rate, client_rate_per_minute=args.client_rate,
                    faq_rate_per_minute=args.faq_rate, sessions_per_client_per_minute=args.new_sessions_rate)
    if args.json:
        print(json.dumps(site.model_dump(mode="json"), ensure_ascii=False, indent=1))
        return 0
    print(site.key)
    print(f"identity secret (shown once; keep it on the shop's server, never in a page): {site.secret}", file=sys.stderr)
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from assistant.sitekeys import revoke_site

    site = revoke_site(_sites_file(args), args.key)
    print(f"revoked {site.key} ({site.name})")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from assistant.sitekeys import rotate_secret

    site = rotate_secret(_sites_file(args), args.key)
    print(site.secret)
    print(f"new identity secret for {site.key} ({site.name}); signatures made with the old one no longer verify",
          file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    from assistant.sitekeys import list_sites

    path = _sites_file(args)
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
