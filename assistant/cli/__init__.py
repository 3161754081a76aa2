"""`shopassist`: a thin command line over the library. Every command takes --home; errors
print one line saying what to fix and exit non-zero.

Each module declares its subcommands next to their handlers (`register(sub)`, which adds the
parsers and `set_defaults(handler=...)`): `catalog` (ingest, search, lookup, stats, reset),
`chat` (ask, chat, ui, demo), `shoppers` (feedback, profile), `server` (serve, sites). Other
packages add commands through the `shopassist.commands` entry point group: each entry point
names a `register(sub)` function, called the same way (the `evals` package adds `bench` and
`eval` so; the product package never imports it)."""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import entry_points
from typing import Any, Sequence

from . import catalog, chat, recs, server, shoppers
from .common import add_home_option
from .errors import run

COMMAND_MODULES = (catalog, chat, shoppers, server, recs)
PLUGIN_GROUP = "shopassist.commands"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shopassist", description="Offline conversational shopping assistant.")
    add_home_option(parser)
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    register_plugins(sub)
    return parser


def register_plugins(sub: Any) -> None:
    """Let every installed `shopassist.commands` entry point add its commands. A plugin that
    fails to load is named on stderr; the other commands still work."""
    for ep in entry_points(group=PLUGIN_GROUP):
        try:
            ep.load()(sub)
        except Exception as exc:
            print(f"warning: commands of plugin {ep.name} ({ep.value}) not loaded: {type(exc).__name__}: {exc}",
                  file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run(args)
