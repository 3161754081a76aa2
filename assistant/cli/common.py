"""What every command shares: the --home option, the settings it gives, the shop opened from
them, and `command()`, which adds a subcommand together with its handler. Plugins registering
commands through the `shopassist.commands` entry point group use the same helpers."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.shop import Shop

Handler = Callable[[argparse.Namespace], int]


def add_home_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's --home must not overwrite one given before the subcommand.
    parser.add_argument("--home", type=Path, default=argparse.SUPPRESS,
                        help="data folder (default: $SHOPASSIST_HOME or ./.shopassist)")


def command(sub: Any, name: str, handler: Handler, *, help: str, home: bool = True) -> argparse.ArgumentParser:
    """Add subcommand `name` to `sub` (what `add_subparsers()` returned) with its handler: the
    function `main` calls with the parsed arguments; it returns the exit code."""
    parser = sub.add_parser(name, help=help)
    if home:
        add_home_option(parser)
    parser.set_defaults(handler=handler)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    overrides = {}
    if getattr(args, "home", None):
        overrides["home"] = args.home
    return Settings(**overrides)


def open_shop(args: argparse.Namespace) -> Shop:
    from assistant.shop import Shop

    return Shop.open(settings_from(args))
