"""What the loaders of the shared real data sets share: finding a set's file under the shared
data folder (`evals.paths.shared_data_dir()`; file names differ between copies), the error for
data that is missing or malformed, parsing with a shipped mapping, seeded stratified samples,
JSONL files, and FAQ sets with the temporary shop that scores them.

Every loader returns `(data, why)`: `data` is None when the set is absent or malformed and `why`
is then one line saying what is missing (the eval run records it as a note and goes on);
otherwise `why` says what was loaded."""

from __future__ import annotations

import csv
import json
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from evals.context import Context
from evals.paths import DATA, MAPPINGS, shared_data_dir

T = TypeVar("T")
SEED = 13


class EvalDataError(ValueError):
    """The evaluation data is missing or not in the expected shape."""


def shared_root(root: Path | None) -> Path:
    """`root`, or the configured shared data folder."""
    return Path(root) if root is not None else shared_data_dir()


def absent(root: Path) -> str | None:
    return None if root.is_dir() else f"shared data not found at {root} (set SHOPASSIST_SHARED_DATA)"


def find_data_file(root: Path, folder: str, name_contains: str = "", suffixes: tuple[str, ...] = (".csv", ".json", ".jsonl")) -> Path | None:
    """The first file under root/folder (a folder, or a file prefix like catalog/flipkart) whose
    name contains `name_contains` and ends with one of `suffixes`, largest first."""
    base = root / folder
    candidates: list[Path] = []
    if base.is_file():
        candidates = [base]
    elif base.is_dir():
        candidates = [p for p in base.rglob("*") if p.is_file()]
    else:
        candidates = [p for p in base.parent.glob(base.name + "*") if p.is_file()] if base.parent.is_dir() else []
        for d in base.parent.glob(base.name + "*") if base.parent.is_dir() else []:
            if d.is_dir():
                candidates += [p for p in d.rglob("*") if p.is_file()]
    matches = [p for p in candidates if p.suffix.lower() in suffixes and name_contains.lower() in p.name.lower()]
    return max(matches, key=lambda p: p.stat().st_size) if matches else None


def locate(root: Path, name: str, folder: str, suffix: str) -> tuple[Path | None, str]:
    """The data file of a set under root/folder*, or (None, why it is missing)."""
    if why := absent(root):
        return None, f"{name}: {why}"
    path = find_data_file(root, folder, suffixes=(suffix,))
    if path is None:
        return None, f"{name}: no {suffix} file under {root / folder}*"
    return path, ""


def stratified_sample(items: Sequence[T], label: Callable[[T], str], n: int, seed: int = SEED) -> list[T]:
    """A seeded sample of n items with every label's share kept (largest remainder; each label
    gets at least one item while n allows), in the items' original order."""
    if n >= len(items):
        return list(items)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        groups[label(item)].append(i)
    exact = {g: n * len(ix) / len(items) for g, ix in groups.items()}
    quota = {g: min(len(groups[g]), max(1 if n >= len(groups) else 0, math.floor(x))) for g, x in exact.items()}
    for g in sorted(groups, key=lambda g: (-(exact[g] - math.floor(exact[g])), g)):
        if sum(quota.values()) >= n:
            break
        if quota[g] < len(groups[g]):
            quota[g] += 1
    while sum(quota.values()) > n:  # the "at least one" floors overshot: trim the largest quotas
        quota[max(quota, key=lambda g: (quota[g], g))] -= 1
    rng = random.Random(seed)
    keep = {i for g in sorted(groups) for i in rng.sample(groups[g], quota[g])}
    return [item for i, item in enumerate(items) if i in keep]


def parse_with_mapping(path: Path, kind: str, mapping_name: str):
    """parse_file with the shipped mapping; raises EvalDataError when nothing valid is left."""
    from retrieval.ingest import parse_file
    from retrieval.mapping import Mapping

    try:
        parsed = parse_file(path, kind, Mapping.load(MAPPINGS / mapping_name))  # type: ignore[arg-type]
    except (OSError, ValueError, UnicodeError, csv.Error) as exc:
        raise EvalDataError(f"{path}: cannot be read with {mapping_name}: {str(exc).splitlines()[0][:200]}") from None
    if not parsed.items:
        first = f"; first: line {parsed.rejects[0].line}: {parsed.rejects[0].reason}" if parsed.rejects else ""
        raise EvalDataError(f"{path}: no valid {kind} rows with {mapping_name} ({len(parsed.rejects)} rejected{first})")
    if kind == "product":
        # What `shopassist ingest` reads from titles, judged against the whole catalog before any
        # sample is drawn (a sample's vocabulary is thinner than the shop's).
        from retrieval.attributes import derive_attributes

        mapping = Mapping.load(MAPPINGS / mapping_name)
        guessed = {name for name, rule in mapping.fields.items() if rule.transform == "first_word"}
        derived, _ = derive_attributes(parsed.products(), (), guessed)
        parsed.items = [(line, item) for (line, _), item in zip(parsed.items, derived)]
    return parsed



def write_jsonl(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()]


# --- FAQ sets -----------------------------------------------------------------------------------


@dataclass
class FaqSet:
    """A shared FAQ file parsed with its mapping, and labelled questions for it."""

    name: str
    path: Path
    entries: list[Any]  # retrieval.schemas.FaqEntry
    rows: list[dict]  # {"id", "question", "expected"} like evals/data/faq_demo.jsonl
    rejected: int = 0


def out_of_scope_questions() -> list[dict]:
    """The demo set's questions that no customer-service FAQ answers (product requests, general
    knowledge, gibberish), as rows with `expected` None: asked of every FAQ so that a gain in
    accuracy cannot come from answering what should be handed off."""
    return [r for r in read_jsonl(DATA / "faq_demo.jsonl") if r["expected"] is None]


def faq_context(faq: FaqSet, settings, embedder=None, llm_turn_limit: int | None = None) -> Context:
    """A temporary shop holding only this FAQ (calibrated on it at load, as `shopassist ingest faq`)."""
    ctx = Context.empty(settings, embedder, name=faq.name, llm_turn_limit=llm_turn_limit)
    try:
        ctx.load_items(faq.entries, "faq")
    except BaseException:
        ctx.close()
        raise
    return ctx

