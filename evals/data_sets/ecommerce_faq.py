"""The e-commerce FAQ as an FAQ set.

faq/ecommerce*/<file>.json
    `{"questions": [{"question": ..., "answer": ...}, ...]}`, parsed with
    examples/mappings/ecommerce_faq.toml (id = hash of the question). It has no held-out
    phrasings, so each entry's own question is the lookup ("exact question" check: it measures
    that lookup returns the entry whose wording was asked, not paraphrase robustness).
"""

from __future__ import annotations

from pathlib import Path

from evals.data_sets.common import EvalDataError, FaqSet, locate, parse_with_mapping, shared_root


def ecommerce_faq_set(root: Path | None = None) -> tuple[FaqSet | None, str]:
    """The e-commerce FAQ; each entry's own question is its lookup ("exact question" check)."""
    path, why = locate(shared_root(root), "ecommerce_faq", "faq/ecommerce", ".json")
    if path is None:
        return None, why
    try:
        parsed = parse_with_mapping(path, "faq", "ecommerce_faq.toml")
    except EvalDataError as exc:
        return None, f"ecommerce_faq: {exc}"
    entries = [e for _, e in parsed.items]
    rows = [{"id": f"ecommerce-{i:04d}", "question": e.question, "expected": e.id} for i, e in enumerate(entries)]
    return FaqSet("ecommerce_faq", path, entries, rows, len(parsed.rejects)), (
        f"ecommerce_faq: {len(entries)} entries from {path.name} ({len(parsed.rejects)} rejected); "
        "questions are the entries' own wording (exact-question check, no held-out paraphrases exist)")
