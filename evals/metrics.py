"""Ranking and rate metrics for `shopassist eval run` (pure functions, hand-checked in
tests/test_evals.py).

Conventions
- `ranked` is a list of item ids, best first (may be empty); `grades` maps id -> graded relevance
  (0/absent = not relevant). Items missing from `grades` count as 0.
- NDCG@k uses the exponential gain 2^g - 1 and log2(rank + 1) discount; the ideal ranking is the
  grades sorted descending. No relevant item at all -> NaN (the query is left out of the mean).
- Recall@k / MRR count an item as relevant when its grade >= `min_grade` (default 1).
- Duplicated ids in `ranked` count once (the first occurrence), so a system cannot gain by repeating.
"""

from __future__ import annotations

import math
from typing import Iterable, Mapping, Sequence


def _dedupe(ranked: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for r in ranked:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out


def dcg(gains: Sequence[float]) -> float:
    return sum((2.0 ** g - 1.0) / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg_at_k(ranked: Sequence[str], grades: Mapping[str, float], k: int = 10) -> float:
    ideal = sorted((g for g in grades.values() if g > 0), reverse=True)[:k]
    if not ideal:
        return float("nan")
    got = [grades.get(r, 0.0) for r in _dedupe(ranked)[:k]]
    return dcg(got) / dcg(ideal)


def recall_at_k(ranked: Sequence[str], grades: Mapping[str, float], k: int = 10, min_grade: float = 1) -> float:
    relevant = {i for i, g in grades.items() if g >= min_grade}
    if not relevant:
        return float("nan")
    return len(relevant & set(_dedupe(ranked)[:k])) / len(relevant)


def reciprocal_rank(ranked: Sequence[str], grades: Mapping[str, float], min_grade: float = 1) -> float:
    for rank, r in enumerate(_dedupe(ranked), start=1):
        if grades.get(r, 0.0) >= min_grade:
            return 1.0 / rank
    return 0.0


def hit_at_k(ranked: Sequence[str], relevant: Iterable[str], k: int = 5) -> float:
    rel = set(relevant)
    return 1.0 if rel & set(_dedupe(ranked)[:k]) else 0.0


def constraint_precision(satisfied: Sequence[bool]) -> float:
    """Share of returned items satisfying the query's hard constraints; NaN when nothing was returned."""
    return sum(bool(s) for s in satisfied) / len(satisfied) if satisfied else float("nan")


def mean(values: Iterable[float]) -> float:
    """Mean ignoring NaN; NaN when nothing is left."""
    vals = [v for v in values if v is not None and not math.isnan(v)]
    return sum(vals) / len(vals) if vals else float("nan")


def rate(flags: Iterable[bool]) -> float:
    flags = list(flags)
    return sum(bool(f) for f in flags) / len(flags) if flags else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), NaN for no values."""
    vals = sorted(values)
    if not vals:
        return float("nan")
    if len(vals) == 1:
        return float(vals[0])
    pos = (len(vals) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return float(vals[lo] + (vals[hi] - vals[lo]) * (pos - lo))
