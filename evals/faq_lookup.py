"""`shopassist eval faq-lookup`: how often FAQ lookup finds the right answer for a shopper's
question, on the Bitext customer-support data.

Data (the shared folder, ../shared/data relative to the repo root, or --data DIR):

    faq/bitext/<...qa...>.csv        Q/A rows (flags, instruction, category, intent, response);
                                     loaded with examples/mappings/bitext_faq.toml, so every
                                     intent becomes one FAQ entry whose id is the intent
    faq/bitext/utterances_8k.csv     labelled phrasings: a text column (instruction, utterance,
                                     text or question) and a label column (intent or label)

Every phrasing is looked up (k=10) in a fresh temporary index holding only the Q/A file.
Figures: accuracy@1 (the top entry is the labelled intent *and* the lookup is confident; "no
confident match" counts as wrong), MRR over the ranked matches whatever the confidence, the
share answered "no confident match", the share of the demo set's out-of-scope questions (product
requests, general knowledge, gibberish) refused, and, for comparison, the plain nearest-phrasing baseline
(the entry of the single most similar indexed phrasing).
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

from assistant.settings import Settings, quiet_offline_environment

# The data readers are shared with `shopassist eval run` (evals/data_sets/bitext.py).
from evals.data_sets.bitext import bitext_files, check_qa_columns, load_utterances
from evals.data_sets.common import EvalDataError, out_of_scope_questions
from evals.paths import MAPPINGS, shared_data_dir

DEFAULT_MAPPING = MAPPINGS / "bitext_faq.toml"

K = 10
TARGET_ACCURACY = 0.97


# --- metrics (pure) ---------------------------------------------------------------------------


def accuracy_at_1(predictions: Sequence[str | None], labels: Sequence[str]) -> float:
    """Share of predictions equal to their label; None (no confident answer) is wrong."""
    if len(predictions) != len(labels):
        raise ValueError("predictions and labels differ in length")
    if not labels:
        return float("nan")
    return sum(p is not None and p == y for p, y in zip(predictions, labels)) / len(labels)


def reciprocal_rank(ranked: Sequence[str], label: str) -> float:
    for rank, item in enumerate(ranked, start=1):
        if item == label:
            return 1.0 / rank
    return 0.0


def mrr(ranked_lists: Sequence[Sequence[str]], labels: Sequence[str]) -> float:
    """Mean reciprocal rank of the label in each ranked list (0 when absent)."""
    if len(ranked_lists) != len(labels):
        raise ValueError("ranked lists and labels differ in length")
    if not labels:
        return float("nan")
    return sum(reciprocal_rank(r, y) for r, y in zip(ranked_lists, labels)) / len(labels)


def share(flags: Sequence[bool]) -> float:
    return sum(bool(f) for f in flags) / len(flags) if flags else float("nan")


def confusions(predictions: Sequence[str | None], labels: Sequence[str], top: int = 5) -> list[tuple[tuple[str, str], int]]:
    """Most frequent (label, wrong prediction) pairs; None shows as '(no confident match)'."""
    pairs = Counter((y, p or "(no confident match)") for p, y in zip(predictions, labels) if p != y)
    return pairs.most_common(top)


# --- the evaluation ---------------------------------------------------------------------------


def run_faq_eval(settings: Settings, data_dir: Path | None = None, limit: int | None = None,
                 mapping_path: Path | None = None) -> int:
    data_dir = Path(data_dir) if data_dir is not None else shared_data_dir()
    if not data_dir.is_dir():
        print(f"shared data not found at {data_dir}; nothing to evaluate "
              f"(expects faq/bitext/<qa>.csv and faq/bitext/utterances_8k.csv; pass --data DIR)")
        return 2
    if limit is not None and limit < 1:
        raise ValueError("--limit must be at least 1")
    try:
        qa_path, utt_path = bitext_files(data_dir)
        check_qa_columns(qa_path)
        texts, labels = load_utterances(utt_path, limit)
    except EvalDataError as exc:
        print(f"error: {exc}")
        return 2

    quiet_offline_environment()
    from retrieval.faq import FaqLookupService
    from retrieval.ingest import ingest_file
    from retrieval.mapping import Mapping
    from retrieval.store import IndexLocation, ShopIndex

    mapping = Mapping.load(mapping_path or DEFAULT_MAPPING)
    embedder = settings.make_embedder()
    print(f"FAQ lookup evaluation: Q/A {qa_path}, phrasings {utt_path} ({len(texts):,}"
          f"{' (--limit: seeded sample stratified by label)' if limit else ''}), embedder {embedder.model_id}")

    with tempfile.TemporaryDirectory(prefix="shopassist-faq-eval-", ignore_cleanup_errors=True) as tmp:
        index = ShopIndex(IndexLocation(home=Path(tmp) / "home", collection="faq_eval"), embedder)
        report = ingest_file(index, qa_path, "faq", mapping, progress=False, rejects_path=Path(tmp) / "rejects.jsonl")
        print(f"  loaded: {report.summary()}; {report.embedded_records:,} phrasings indexed; "
              f"calibrated threshold {report.faq_threshold}")
        if report.rejected:
            print(f"  warning: {report.rejected} Q/A rows rejected (first reasons: "
                  f"{Path(tmp, 'rejects.jsonl').read_text('utf-8').splitlines()[:2]})")
        entries = index.item_ids("faq")
        indexed_phrasings: set[str] = set()
        for batch in index.iter_records(where={"kind": "faq"}, include=["documents"]):
            indexed_phrasings.update(d.strip().lower() for d in batch["documents"])
        unknown = Counter(y for y in labels if y not in entries)
        if unknown:
            print(f"  warning: {sum(unknown.values())} phrasings are labelled with intents that have no entry: "
                  f"{', '.join(f'{k} ({v})' for k, v in unknown.most_common(5))}")

        service = FaqLookupService(index, threshold=settings.faq_threshold)
        started = time.perf_counter()
        vectors = embedder.embed(texts)
        embed_seconds = time.perf_counter() - started

        predictions: list[str | None] = []
        ranked: list[list[str]] = []
        confident: list[bool] = []
        baseline: list[str | None] = []
        started = time.perf_counter()
        for text, vector in zip(texts, vectors):
            result = service.lookup(text, k=K, query_vector=vector)
            ids = [m.entry.id for m in result.matches]
            ranked.append(ids)
            confident.append(result.confident)
            predictions.append(ids[0] if result.confident and ids else None)
            nearest = index.dense_query(vector, 1, {"kind": "faq"})
            nearest_meta = nearest[0][2] if nearest else None
            baseline.append(nearest_meta["item_id"] if nearest_meta is not None else None)
        lookup_seconds = time.perf_counter() - started
        threshold = service.current_threshold()
        out_of_scope = [r["question"] for r in out_of_scope_questions()]
        oos_refused = share([not service.lookup(q, k=K).confident for q in out_of_scope])

    acc = accuracy_at_1(predictions, labels)
    top1_any = accuracy_at_1([r[0] if r else None for r in ranked], labels)
    rank_mrr = mrr(ranked, labels)
    refused = share([not c for c in confident])
    base_acc = accuracy_at_1(baseline, labels)
    seen = [t.strip().lower() in indexed_phrasings for t in texts]
    unseen_idx = [i for i, s in enumerate(seen) if not s]
    unseen_acc = accuracy_at_1([predictions[i] for i in unseen_idx], [labels[i] for i in unseen_idx]) if unseen_idx else float("nan")
    wrong_confident = share([p is not None and p != y for p, y in zip(predictions, labels)])

    n = len(texts)
    print(f"  {n:,} phrasings, {len(set(labels))} intents, {len(entries)} entries; threshold {threshold:.3f}; "
          f"embedding {embed_seconds:.1f}s, lookups {lookup_seconds:.1f}s ({lookup_seconds / n * 1000:.1f} ms each)")
    print(f"\n  {'figure':<56}{'value':>9}  target")
    rows = [
        ("accuracy@1 (right entry and confident)", acc, f">= {TARGET_ACCURACY}  {'PASS' if acc >= TARGET_ACCURACY else 'FAIL'}"),
        ("top-1 right, ignoring confidence", top1_any, ""),
        (f"MRR@{K} (ranked matches, any confidence)", rank_mrr, ""),
        ('share answered "no confident match"', refused, ""),
        ("share answered confidently and wrongly", wrong_confident, ""),
        (f"out-of-scope questions refused ({len(out_of_scope)}, the demo set's)", oos_refused, ""),
        ("baseline: nearest phrasing's entry, accuracy", base_acc, ""),
        (f"accuracy@1 on phrasings not in the Q/A file ({len(unseen_idx):,})", unseen_acc, ""),
    ]
    for name, value, target in rows:
        print(f"  {name:<56}{value:>9.4f}  {target}")
    common = confusions(predictions, labels)
    if common:
        print("  most frequent errors (label -> answer): "
              + "; ".join(f"{y} -> {p} ({c})" for (y, p), c in common))
    return 0
