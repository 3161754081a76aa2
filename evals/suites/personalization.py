"""Personalization suite: simulated shoppers with hidden preferences click over a few sessions;
hit rate / NDCG of preferred items with and without their profile. Target: the profile helps
(hybrid + profile beats hybrid on NDCG@10 after the sessions)."""

from __future__ import annotations

import math
import random
from collections import defaultdict

from evals import metrics as M
from evals.context import Context, K, log
from evals.registry import RunContext, SuiteResult, figure, fmt, suite, target


def _pref_grade(p, prefs) -> int:
    return int(bool(p.brand) and p.brand == prefs["brand"]) + int(bool(p.color) and p.color == prefs["color"]) + int(
        p.price is not None and p.price <= prefs["budget"])


def personalization_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list,
                          shoppers: int = 12, sessions: int = 3, seed: int = 7) -> None:
    """Simulated shoppers: a hidden (category, brand, colour, budget) taken from a seeded random
    product; in each session they search "<category>" and click (then buy one of) the shown items
    matching at least two of their three preferences; when none is shown they find one by browsing
    and click it. After 0 (cold start) .. `sessions` sessions, a held-out query "show me <category>"
    is scored: hit rate@5 = a preferred item (>= 2 of 3 preferences) in the top 5; NDCG@10 with
    the number of matched preferences (0-3) as the grade. Filters: the category only."""
    from assistant.agent import AgentConfig
    from assistant.profile import ProfileStore, profile_vector
    from retrieval.schemas import SearchFilters

    rng = random.Random(seed)
    store = ProfileStore(ctx.tmp / "personalization")
    weight = AgentConfig().profile_weight
    by_leaf = defaultdict(list)
    for p in sorted(ctx.products.values(), key=lambda p: p.id):
        if p.category:
            by_leaf[p.category[-1]].append(p)
    leaves = sorted(by_leaf)
    # config -> sessions of feedback so far -> metric -> one value per shopper
    scores: dict[str, defaultdict[int, dict[str, list[float]]]] = {
        c: defaultdict(lambda: {"hit": [], "ndcg": []}) for c in configs}

    def evaluate(user, leaf, prefs, after):
        filters = SearchFilters(kind="product", categories=[leaf])
        pv = profile_vector(store, ctx.shop.index, user)
        grades = {p.id: _pref_grade(p, prefs) for p in by_leaf[leaf]}
        preferred = {i for i, g in grades.items() if g >= 2}
        for config in configs:
            use = config == "hybrid+profile" and pv is not None
            hits = ctx.shop.searcher.search(f"show me {leaf.lower()}", k=K, filters=filters,
                                            profile_vector=pv if use else None, profile_weight=weight if use else 0.0)
            ranked = [h.id for h in hits]
            scores[config][after]["hit"].append(M.hit_at_k(ranked, preferred, 5))
            scores[config][after]["ndcg"].append(M.ndcg_at_k(ranked, grades, K))

    for s in range(shoppers):
        leaf = leaves[s % len(leaves)]
        seedp = rng.choice([p for p in by_leaf[leaf] if p.brand and p.color and p.price is not None])
        prefs = {"brand": seedp.brand, "color": seedp.color, "budget": math.ceil(seedp.price / 10) * 10}
        user = f"sim-{s}"
        evaluate(user, leaf, prefs, 0)
        for session in range(1, sessions + 1):
            pv = profile_vector(store, ctx.shop.index, user)
            hits = ctx.shop.searcher.search(leaf.lower(), k=K, filters=SearchFilters(kind="product", categories=[leaf]),
                                            profile_vector=pv, profile_weight=weight if pv is not None else 0.0)
            liked = [h.id for h in hits if _pref_grade(ctx.products[h.id], prefs) >= 2]
            if not liked:
                liked = [rng.choice([p.id for p in by_leaf[leaf] if _pref_grade(p, prefs) >= 2])]
            for pid in liked[:3]:
                store.record(user, "click", product_id=pid, session_id=f"{user}-s{session}")
            store.record(user, "purchase", product_id=liked[0], session_id=f"{user}-s{session}")
            evaluate(user, leaf, prefs, session)
    for config in configs:
        m = {}
        for after in sorted(scores[config]):
            label = "cold" if after == 0 else f"after_{after}"
            m[f"hit_rate_at_5_{label}"] = M.mean(scores[config][after]["hit"])
            m[f"ndcg_at_10_{label}"] = M.mean(scores[config][after]["ndcg"])
        last = max(scores[config])
        m["hit_rate_at_5"] = M.mean(scores[config][last]["hit"])
        m["ndcg_at_10"] = M.mean(scores[config][last]["ndcg"])
        m["shoppers"] = shoppers
        out[config] = m
        log(f"  personalization {config}: hit@5 {m['hit_rate_at_5']:.3f} ndcg@10 {m['ndcg_at_10']:.3f} (cold {m['ndcg_at_10_cold']:.3f})")


# --- registration: the suite, its headline and its target -----------------------------------------


def headline(config: str, m: dict) -> str:
    return (f"hit@5 {fmt(m.get('hit_rate_at_5'))} (cold {fmt(m.get('hit_rate_at_5_cold'))}), "
            f"NDCG@10 {fmt(m.get('ndcg_at_10'))} (cold {fmt(m.get('ndcg_at_10_cold'))})")


def targets(report: dict) -> list[dict]:
    plain = figure(report, "personalization", "hybrid", "ndcg_at_10")
    profile = figure(report, "personalization", "hybrid+profile", "ndcg_at_10")
    text = "personalization: hybrid + profile beats hybrid (NDCG@10 after the sessions)"
    if plain is None or profile is None:
        return [target(text, None, "not in this run")]
    return [target(text, profile > plain, f"{profile:.3f} vs {plain:.3f}")]


@suite("personalization", configs=("hybrid", "hybrid+profile"), order=50, headline=headline, targets=targets)
def run_personalization(run: RunContext) -> SuiteResult:
    result = SuiteResult()
    personalization_suite(run.demo, run.configs, result.metrics, result.failures, result.notes)
    return result
