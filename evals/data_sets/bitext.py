"""Bitext customer-support data as an FAQ set, with labelled phrasings as questions.

faq/bitext/<name containing "qa">.csv
    Bitext customer-support Q/A rows: columns flags, instruction, category, intent, response.
    Parsed with examples/mappings/bitext_faq.toml: the rows of one intent become one FAQ entry
    whose id is the intent.
faq/bitext/utterances*.csv
    Labelled phrasings (~8k in the real set): a text column (instruction, utterance, text or
    question) and a label column (intent or label) naming the entry. They are the questions;
    `limit` takes a seeded sample stratified by label (the fast path), the full run takes all.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence

from evals.data_sets.common import SEED, EvalDataError, FaqSet, absent, parse_with_mapping, shared_root, stratified_sample

TEXT_COLUMNS = ("instruction", "utterance", "text", "question")
LABEL_COLUMNS = ("intent", "label")
QA_COLUMNS = ("instruction", "intent", "response")


def csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [h.strip() for h in next(csv.reader(fh), [])]


def pick_column(header: Sequence[str], candidates: Sequence[str], what: str, path: Path) -> str:
    lowered = {h.lower(): h for h in header}
    for name in candidates:
        if name in lowered:
            return lowered[name]
    raise EvalDataError(f"{path}: no {what} column (looked for {', '.join(candidates)}; found {', '.join(header) or 'none'})")


def bitext_files(data_dir: Path) -> tuple[Path, Path]:
    """The Q/A csv and the utterances csv under data_dir/faq/bitext (or anywhere below data_dir)."""
    folder = data_dir / "faq" / "bitext"
    roots = [folder] if folder.is_dir() else []
    roots.append(data_dir)

    def find(pattern_ok, what: str) -> Path:
        for root in roots:
            found = sorted(p for p in (root.glob("*.csv") if root == folder else root.rglob("*.csv")) if pattern_ok(p.name.lower()))
            if found:
                return found[0]
        raise EvalDataError(f"no {what} csv found under {folder if folder.is_dir() else data_dir}")

    utterances = find(lambda n: n.startswith("utterance"), "utterances (utterances*.csv)")
    qa = find(lambda n: "qa" in n and not n.startswith("utterance"), "Q/A (a name containing 'qa', e.g. qa_4k5.csv)")
    return qa, utterances


def check_qa_columns(path: Path) -> None:
    missing = [c for c in QA_COLUMNS if c not in {h.lower() for h in csv_header(path)}]
    if missing:
        raise EvalDataError(f"{path}: missing column(s) {', '.join(missing)} needed by the Bitext mapping")


def load_utterances(path: Path, limit: int | None = None, seed: int = SEED) -> tuple[list[str], list[str]]:
    """Labelled phrasings (texts, labels); `limit`: a seeded sample stratified by label."""
    header = csv_header(path)
    text_col = pick_column(header, TEXT_COLUMNS, "text", path)
    label_col = pick_column(header, LABEL_COLUMNS, "label", path)
    pairs: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            row = {(k or "").strip(): v for k, v in row.items()}
            text, label = (row.get(text_col) or "").strip(), (row.get(label_col) or "").strip()
            if text and label:
                pairs.append((text, label))
    if not pairs:
        raise EvalDataError(f"{path}: no labelled phrasings ({text_col!r} and {label_col!r} both non-empty)")
    if limit is not None:
        pairs = stratified_sample(pairs, lambda p: p[1], limit, seed)
    return [t for t, _ in pairs], [y for _, y in pairs]


def bitext_faq_set(root: Path | None = None, limit: int | None = None, seed: int = SEED) -> tuple[FaqSet | None, str]:
    """Bitext Q/A as FAQ entries; the utterances file's labelled phrasings as questions."""
    root = shared_root(root)
    if why := absent(root):
        return None, f"bitext: {why}"
    try:
        qa, utterances = bitext_files(root)
        check_qa_columns(qa)
        texts, labels = load_utterances(utterances, limit, seed)
        parsed = parse_with_mapping(qa, "faq", "bitext_faq.toml")
    except EvalDataError as exc:
        return None, f"bitext: {exc}"
    rows = [{"id": f"bitext-{i:05d}", "question": t, "expected": y} for i, (t, y) in enumerate(zip(texts, labels))]
    entries = [e for _, e in parsed.items]
    unknown = sum(y not in {e.id for e in entries} for y in labels)
    why = (f"bitext: {len(entries)} entries from {qa.name}, {len(rows)} labelled phrasings from {utterances.name}"
           + (f" (stratified sample, --limit {limit})" if limit is not None else "")
           + (f"; {unknown} labelled with intents that have no entry (count as wrong)" if unknown else ""))
    return FaqSet("bitext", qa, entries, rows, len(parsed.rejects)), why

