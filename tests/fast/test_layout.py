"""The tree's layering and the command line's wiring: nothing in the product package imports
`evals`, no import circle, every command has its handler, plugins add commands through the
entry point group (and a broken one costs only its own commands)."""

import argparse
import ast
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("assistant", "retrieval", "evals")


def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
            out[name] = path
    return out


def _imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The tree's modules that `name` imports anywhere in its file (function-level imports too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name and not name.startswith(target + "."):
                found.add(target)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    known = _modules()
    return {name: _imports(name, path, known) for name, path in known.items()}


def test_the_product_package_never_imports_evals(graph):
    upward = sorted((m, t) for m, targets in graph.items() if not m.startswith("evals") for t in targets if t.startswith("evals"))
    assert not upward


def test_retrieval_never_imports_upward(graph):
    assert not sorted((m, t) for m, ts in graph.items() if m.startswith("retrieval") for t in ts if not t.startswith("retrieval"))


def test_no_import_circle(graph):
    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            m = todo.pop()
            if m == goal:
                return True
            if m not in seen:
                seen.add(m)
                todo.extend(graph.get(m, ()))
        return False

    circles = sorted({tuple(sorted((m, t))) for m, ts in graph.items() for t in ts if reaches(t, m)})
    assert not circles, "modules importing each other (directly or through others); move what both need into a third"


def test_importing_the_cli_does_not_import_evals():
    code = "import sys, assistant.cli; print(any(m == 'evals' or m.startswith('evals.') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def _leaves(parser: argparse.ArgumentParser, path=()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield " ".join(path), parser
    for action in subs:
        for name, child in action.choices.items():
            yield from _leaves(child, (*path, name))


def test_every_command_has_its_handler_and_the_eval_commands_come_from_the_plugin():
    leaves = dict(_leaves(cli.build_parser()))
    assert {"ingest catalog", "search", "ask", "profile forget", "sites rotate-secret", "bench load", "eval run"} <= set(leaves)
    assert all(callable(p.get_default("handler")) for p in leaves.values()), [n for n, p in leaves.items() if not p.get_default("handler")]
    assert leaves["eval run"].get_default("handler").__module__ == "evals.cli"
    ingest = leaves["ingest faq"].parse_args(["f.md", "--max-remove-share", "0.5", "--force"])
    assert ingest.max_remove_share == 0.5 and ingest.force


class _EntryPoint:
    def __init__(self, name, register):
        self.name, self.value, self._register = name, f"{name}:register", register

    def load(self):
        return self._register


def test_a_plugin_adds_commands_and_a_broken_one_only_loses_its_own(monkeypatch, capsys):
    def register(sub):
        cli.common.command(sub, "hello", lambda args: print("hi") or 3, help="say hi")

    def broken(sub):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "entry_points", lambda group: [_EntryPoint("broken", broken), _EntryPoint("hello", register)])
    assert cli.main(["hello"]) == 3
    out = capsys.readouterr()
    assert out.out == "hi\n" and "plugin broken (broken:register) not loaded: RuntimeError: boom" in out.err
