"""Talking to the assistant: `ask` (one turn, for scripts), `chat` (the terminal), `ui` (the
Gradio page) and `demo` (load the demo shop, then open the page)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from .common import command, open_shop

# What `ask --json` prints of a turn, and of each product in it.
ASK_FIELDS = {"reply", "intent", "constraints", "products", "faq", "alternatives", "relaxation", "handoff",
              "unknown_values", "session_id", "timings_ms"}
PRODUCT_FIELDS = ("id", "title", "price", "currency", "reason", "url")


def register(sub: Any) -> None:
    ask = command(sub, "ask", _ask, help="one chat turn, for scripts")
    ask.add_argument("message")
    ask.add_argument("--session", required=True, help="conversation id; the same id continues it")
    ask.add_argument("--user", help="shopper id (profile and feedback)")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--no-llm", action="store_true", help="switch the LLM stages off")

    chat = command(sub, "chat", _chat, help="chat in the terminal")
    chat.add_argument("--session", help="conversation id (default: a new one)")
    chat.add_argument("--user")
    chat.add_argument("--no-llm", action="store_true")

    demo = command(sub, "demo", _demo, help="load the demo catalog and FAQ, then open the chat UI on 127.0.0.1")
    demo.add_argument("--no-interactive", action="store_true", help="load and exit")

    ui = command(sub, "ui", _ui, help="serve the chat UI (Gradio) over the index in --home")
    ui.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    ui.add_argument("--port", type=int, default=7860)
    ui.add_argument("--no-llm", action="store_true", help="rules and retrieval only, no language model")


def _agent(args: argparse.Namespace):
    shop = open_shop(args)
    return shop.assistant(llm=None) if args.no_llm else shop.assistant()


def _stream(agent, message: str, session: str, user: str | None) -> None:
    """Print the reply's text as it is generated, then the products: the text summarises them,
    and here, as on the cards of the UI, each is listed once with its price and reason."""
    from assistant.events import Delta, Products

    products = []
    for event in agent.turn_stream(message, session, user):
        if isinstance(event, Delta):
            print(event.text, end="", flush=True)
        elif isinstance(event, Products):
            products = event.products
    for n, p in enumerate(products, 1):
        print(f"\n  {n}. {p.title} — {p.price_text}: {p.reason}", end="")


def _ask(args: argparse.Namespace) -> int:
    from assistant.agent import InputError

    agent = _agent(args)
    try:
        if args.json:
            result = agent.turn(args.message, args.session, args.user)
            out = result.model_dump(mode="json", include=ASK_FIELDS)
            out["products"] = [{k: p[k] for k in PRODUCT_FIELDS} for p in out["products"]]
            print(json.dumps(out, ensure_ascii=False, indent=1))
            return 0
        _stream(agent, args.message, args.session, args.user)
        print()
    except InputError as exc:
        raise ValueError(str(exc)) from None
    return 0


def _chat(args: argparse.Namespace) -> int:
    import uuid

    from assistant.agent import InputError

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
            _stream(agent, message, session, args.user)
        except InputError as exc:
            print(f"(cannot send that: {exc})", end="")
        print()


def _demo(args: argparse.Namespace) -> int:
    from assistant.demo import run_demo

    return run_demo(open_shop(args), interactive=not args.no_interactive)


def _ui(args: argparse.Namespace) -> int:
    from assistant.ui import launch_ui

    shop = open_shop(args)
    launch_ui(shop.assistant(llm=None) if args.no_llm else shop, host=args.host, port=args.port)
    return 0
