"""Dialogue suite: scripted multi-turn scenarios through the real agent -> pass rate per
expectation type, hallucinated-product rate, ungrounded-price rate; per-stage timings (demo
scenarios only) feed the latency suite. Without --fast also the shared data: MG-ShopDial routing
("<config>@mg_shopdial") and scenarios generated from a shared catalog ("<config>@<catalog>").
Targets: no hallucinated product, no turn contradicting what the shopper said."""

from __future__ import annotations

import json
import time
from collections import defaultdict

from evals import metrics as M
from evals.context import LLM_CONFIGS, MAX_FAILURES_PER_CONFIG, Context, log
from evals.paths import DATA
from evals.registry import RunContext, SuiteResult, fmt, suite, target

CONFIGS = ("hybrid", "hybrid+llm", "hybrid+llm-endpoint")
# Configurations (before any "@<set>") whose replies must never show a product the catalog lacks.
GROUNDED_CONFIGS = ("hybrid", "hybrid+profile", "hybrid+llm", "hybrid+llm-endpoint")


def ungrounded_prices(reply: str, shown_prices: list[float], remove: list[str]) -> list[str]:
    """Money amounts in the reply (after removing FAQ answer text) that are no catalog price of
    a shown product, read with the same rules the reply was written with (assistant/formatting.py)."""
    from assistant.formatting import parse_money

    text = reply
    for r in remove:
        if r:
            text = text.replace(r, " ")
    allowed = {round(p, 2) for p in shown_prices if p is not None}
    return [f"{amount:.2f}" for amount in parse_money(text) if round(amount, 2) not in allowed]


def check_expectations(result, expect: dict, products: dict) -> dict[str, bool]:
    shown = [p for p in (products.get(item.id) for item in result.products) if p is not None]
    checks = {}
    for name, want in expect.items():
        if name == "max_price":
            checks[name] = bool(shown) and all(p.price is not None and p.price <= want for p in shown)
        elif name == "brand_not":
            checks[name] = all((p.brand or "").lower() != want.lower() for p in shown) and all(
                (a.brand or "").lower() != want.lower() for a in result.alternatives)
        elif name == "color":
            checks[name] = bool(shown) and all((p.color or "").lower() == want.lower() for p in shown)
        elif name == "routes_to":
            checks[name] = result.intent == want
        elif name == "hands_off":
            checks[name] = bool(result.handoff) == bool(want)
        else:
            raise ValueError(f"unknown expectation {name!r}")
    return checks


def _agent_for(ctx: Context, config: str):
    return ctx.shop.assistant(llm=ctx.llm_for(config))


def dialogue_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, timings: dict,
                   fast: bool = True, shared=None) -> None:
    """The scripted demo dialogues; without --fast also MG-ShopDial routing (over this shop) and
    scenarios generated from one shared catalog (over its sample; `shared`: evals.shared_contexts.SharedContexts)."""
    scenarios = json.loads((DATA / "dialogues.json").read_text("utf-8"))["scenarios"]
    for config in configs:
        out[config] = run_scenarios(ctx, config, scenarios, failures, notes, timings)
    if fast:
        return
    mg_shopdial_suite(ctx, configs, out, failures, notes)
    if shared is not None:
        catalog_dialogue_suite(shared, configs, out, failures, notes)
        conversation_suite(shared, configs, out, failures, notes, ctx.llm_turn_limit)


def run_scenarios(ctx: Context, config: str, scenarios: list[dict], failures: list, notes: list,
                  timings: dict | None = None, key: str | None = None) -> dict:
    """Replay scripted scenarios through the config's agent over ctx; the suite's figures."""
    key = key or config
    agent = _agent_for(ctx, config)
    per_type: dict[str, list[bool]] = defaultdict(list)
    shown_total = hallucinated = turns_with_products = ungrounded_turns = turns = 0
    limit = ctx.llm_turn_limit if config in LLM_CONFIGS else None
    t0 = time.perf_counter()
    for sc in scenarios:
        if limit is not None and turns >= limit:
            break
        session = f"eval-{key}-{sc['id']}"
        for n, turn in enumerate(sc["turns"]):
            if limit is not None and turns >= limit:
                break
            turns += 1
            result = agent.turn(turn["say"], session, f"user-{sc['id']}")
            if timings is not None:
                for stage, ms in result.timings_ms.items():
                    timings.setdefault(config, defaultdict(list))[stage].append(ms)
            checks = check_expectations(result, turn.get("expect", {}), ctx.products)
            for name, ok in checks.items():
                per_type[name].append(ok)
            bad_ids, bad_prices, shown = _grounding(ctx, result)
            shown_total += shown
            hallucinated += len(bad_ids)
            if result.products:
                turns_with_products += 1
                ungrounded_turns += bool(bad_prices)
            failed = [k for k, ok in checks.items() if not ok]
            if failed or bad_ids or bad_prices:
                failures.append({"suite": "dialogue", "config": key, "id": f"{sc['id']}#{n + 1}", "input": turn["say"],
                                 "expected": {k: turn["expect"][k] for k in failed} if failed else "grounded output",
                                 "got": {"route": result.intent, "handoff": result.handoff,
                                         "products": [(p.id, p.price, p.brand, p.color) for p in result.products],
                                         "hallucinated": bad_ids, "ungrounded_prices": bad_prices,
                                         "reply": result.reply[:300]}})
    metrics = {f"pass_{k}": M.rate(v) for k, v in sorted(per_type.items())}
    all_checks = [x for v in per_type.values() for x in v]
    metrics |= {"pass_all": M.rate(all_checks), "hallucinated_product_rate": hallucinated / shown_total if shown_total else 0.0,
                "ungrounded_price_rate": ungrounded_turns / turns_with_products if turns_with_products else 0.0,
                "turns": turns, "seconds": time.perf_counter() - t0}
    available = sum(len(sc["turns"]) for sc in scenarios)
    if limit is not None and limit < available:
        notes.append(f"dialogue: {key} limited to the first {limit} of {available} turns (--llm-turns; slow LLM)")
    log(f"  dialogue {key}: pass {metrics['pass_all']:.3f} halluc {metrics['hallucinated_product_rate']:.3f} "
        f"ungrounded {metrics['ungrounded_price_rate']:.3f} ({turns} turns, {metrics['seconds']:.0f}s)")
    return metrics


def _grounding(ctx: Context, result) -> tuple[list[str], list[str], int]:
    """(shown ids not in the catalog, prices in the reply that no shown product has, products shown)."""
    ids = [p.id for p in result.products + result.alternatives]
    bad_ids = [i for i in ids if i not in ctx.products]
    bad_prices: list[str] = []
    if result.products:
        remove = [ctx.faq_entries[f.id].answer for f in result.faq if f.id in ctx.faq_entries]
        # The shopper's own budget bounds are quoted back ("under $150"): they are not product prices.
        bounds = [b for b in (result.constraints.max_price, result.constraints.min_price, result.offered_budget) if b is not None]
        bad_prices = ungrounded_prices(result.reply, [ctx.products[i].price for i in ids if i in ctx.products] + bounds, remove)
    return bad_ids, bad_prices, len(ids)


def mg_shopdial_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, root=None) -> None:
    """MG-ShopDial shopper turns replayed (one session per dialogue) over ctx: "sane routing" =
    share of turns whose route is one evals.data_sets.mg_shopdial.ROUTES_BY_LABEL allows for the turn's label,
    overall and per label, plus the hallucinated-product rate. Its dialogues are about another
    catalog, so the products shown are not judged, only that they exist (grounding)."""
    from evals.data_sets.mg_shopdial import mg_shopdial_turns

    dialogues, why = mg_shopdial_turns(root)
    notes.append(f"dialogue: {why}")
    if dialogues is None:
        log(f"  skipped: {why}")
        return
    for config in configs:
        key = f"{config}@mg_shopdial"
        agent = _agent_for(ctx, config)
        limit = ctx.llm_turn_limit if config in LLM_CONFIGS else None
        per_label: dict[str, list[bool]] = defaultdict(list)
        shown_total = hallucinated = turns = fails = 0
        t0 = time.perf_counter()
        for did, dturns in dialogues:
            for turn in dturns:
                if limit is not None and turns >= limit:
                    break
                turns += 1
                result = agent.turn(turn.text, f"eval-{key}-{did}", f"user-{did}")
                ok = result.intent in turn.routes
                per_label[turn.label].append(ok)
                bad_ids, _prices, shown = _grounding(ctx, result)
                shown_total += shown
                hallucinated += len(bad_ids)
                if (not ok or bad_ids) and fails < MAX_FAILURES_PER_CONFIG:
                    fails += 1
                    failures.append({"suite": "dialogue", "config": key, "id": f"{did}#{turn.utterance_id}", "input": turn.text,
                                     "expected": {"label": turn.label, "routes": sorted(turn.routes)},
                                     "got": {"route": result.intent, "hallucinated": bad_ids}})
        metrics = {"sane_routing": M.rate([x for v in per_label.values() for x in v])}
        metrics |= {f"sane_routing_{label}": M.rate(v) for label, v in sorted(per_label.items())}
        metrics |= {"hallucinated_product_rate": hallucinated / shown_total if shown_total else 0.0,
                    "turns": turns, "seconds": time.perf_counter() - t0}
        if limit is not None:
            notes.append(f"dialogue: {key} limited to the first {limit} turns")
        out[key] = metrics
        log(f"  dialogue {key}: sane routing {metrics['sane_routing']:.3f} halluc {metrics['hallucinated_product_rate']:.3f} ({turns} turns)")


def catalog_dialogue_suite(shared, configs: list[str], out: dict, failures: list, notes: list) -> None:
    """Scenarios generated from the first available shared catalog's own attributes
    (evals.data_sets.catalogs.catalog_scenarios), over its indexed sample; keys "<config>@<catalog>"."""
    from evals.data_sets.catalogs import catalog_scenarios

    ctx, cat, why = shared.first_available()
    if ctx is None or cat is None:
        notes.append(f"dialogue: shared-catalog scenarios skipped: {why}")
        log(f"  skipped: shared-catalog scenarios ({why})")
        return
    scenarios = catalog_scenarios(cat.name, cat.products)
    notes.append(f"dialogue: {len(scenarios)} scenarios generated from {cat.name} ({why})")
    for config in configs:
        key = f"{config}@{cat.name}"
        out[key] = run_scenarios(ctx, config, scenarios, failures, notes, key=key)


CONVERSATION_CATALOGS = ("flipkart", "amazon_in", "bigbasket")
CONVERSATIONS = 40


def conversation_suite(shared, configs: list[str], out: dict, failures: list, notes: list, llm_turn_limit: int | None) -> None:
    """Five-turn conversations generated from each shared catalog (evals/conversations.py):
    the share of turns showing no product that contradicts what the shopper said; keys
    "<config>@<catalog>-conversations"."""
    from evals.conversations import make_scenarios, run_conversations

    for name in CONVERSATION_CATALOGS:
        ctx, _cat, why = shared.context(name)
        if ctx is None:
            notes.append(f"dialogue: conversations on {name} skipped: {why}")
            continue
        for config in configs:
            n = CONVERSATIONS if config not in LLM_CONFIGS or llm_turn_limit is None else max(1, llm_turn_limit // 5)
            scenarios = make_scenarios(list(ctx.products.values()), n)
            if not scenarios:
                notes.append(f"dialogue: {name} has no product type with enough products for conversations")
                break
            t0 = time.perf_counter()
            outcome = run_conversations(_agent_for(ctx, config), ctx.products, scenarios, f"{config}-{name}")
            key = f"{config}@{name}-conversations"
            out[key] = {"clean_turns": outcome.clean / outcome.turns, "turns": outcome.turns, "conversations": len(scenarios),
                        "turns_with_products": outcome.with_products,
                        "contradicting_alternatives": outcome.alternatives_contradicting,
                        "seconds": time.perf_counter() - t0}
            for f in outcome.failures[:MAX_FAILURES_PER_CONFIG]:
                failures.append({"suite": "dialogue", "config": key, "id": f"{f['scenario']}#{f['turn']}", "input": f["message"],
                                 "expected": f["said"], "got": {"route": f["route"], "constraints": f["constraints"], "contradicting": f["bad"]}})
            log(f"  dialogue {key}: clean turns {out[key]['clean_turns']:.3f} ({outcome.turns} turns)")


# --- registration: the suite, its headline and its targets ----------------------------------------


def headline(config: str, m: dict) -> str:
    if "clean_turns" in m:
        return f"clean turns {fmt(m['clean_turns'])} of {m['turns']} ({m['conversations']} conversations)"
    return (f"pass {fmt(m.get('pass_all'))}, hallucinated {fmt(m.get('hallucinated_product_rate'))}, "
            f"ungrounded price {fmt(m.get('ungrounded_price_rate'))}")


def targets(report: dict) -> list[dict]:
    """No hallucinated product for the hybrid and agent configurations; no turn of a generated
    conversation showing a product that contradicts what the shopper said."""
    by_config = report.get("suites", {}).get("dialogue", {})
    out = [target(f"dialogue ({config}): hallucinated-product rate 0", by["hallucinated_product_rate"] == 0,
                  f"{by['hallucinated_product_rate']:.3f}")
           for config, by in by_config.items()
           if config.split("@")[0] in GROUNDED_CONFIGS and "hallucinated_product_rate" in by]
    out += [target(f"dialogue ({config}): no turn shows a product contradicting a stated constraint", by["clean_turns"] == 1.0,
                   f"{by['clean_turns']:.3f} of {by['turns']} turns clean")
            for config, by in by_config.items() if config.endswith("-conversations") and "clean_turns" in by]
    return out


@suite("dialogue", configs=CONFIGS, order=30, headline=headline, targets=targets)
def run_dialogue(run: RunContext) -> SuiteResult:
    result = SuiteResult()
    dialogue_suite(run.demo, run.configs, result.metrics, result.failures, result.notes, result.timings,
                   fast=run.fast, shared=run.shared)
    return result
