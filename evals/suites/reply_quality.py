"""Reply quality: are the reasons shown beside products worth reading?

For product turns over the demo shop and the shared catalogs, each product's reason is judged:
- restates the title: most of its words are the title's (Jaccard of word sets ≥ 0.6, or ≥ 70%
  of the reason's content words are title words);
- no item-specific fact: it names nothing of that item beyond the request's own words (its
  price, rating or review count, a brand, material, feature or detail word from its own text);
- repeats wording within the reply: it starts with the same three words as another reason of
  the same reply, or shares most of its word trigrams with one;
- states something the catalog contradicts: `assistant.ranking.reason_problem` finds a claim
  the item's facts do not support.
Targets: 0, 0, ≤ 5 %, 0 (for the default, composed reasons). The same turns are judged with the reasons the assistant wrote before
the composer (`assistant.ranking.template_reason`, "Matches: …, within your 100 budget …") as
"before", and examples of both go into the report.

The LLM configurations (`hybrid+llm`, `hybrid+llm-endpoint`) measure what an LLM rewrite would
give: on the demo shop's first `--llm-turns` queries, the LLM's reasons replace the composer's
whenever they pass the same fact check (`llm_reasons_shown` = their share), judged the same way.
"""

from __future__ import annotations

import re
import time
from typing import Any

from retrieval.documents import key

_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_FILLER = frozenset(
    "a an the of for with and or in on at to by from is it its this that these those one ones here here's than "
    "your you shoppers shopper rated best lowest price less more only same brand first comes has notable fits "
    "under budget matches".split()
)
TARGETS = {"restates_title": 0.0, "no_item_fact": 0.0, "repeated_wording": 0.05, "contradicts_catalog": 0.0}


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def restates_title(reason: str, title: str) -> bool:
    r, t = set(_words(reason)) - _FILLER, set(_words(title)) - _FILLER
    if not r:
        return False
    jaccard = len(r & t) / len(r | t)
    return jaccard >= 0.6 or len(r & t) >= 0.7 * len(r)


def item_facts(product) -> set[str]:
    """Words and numbers that are this item's own facts."""
    from assistant.formatting import price

    facts = set(_words(" ".join([product.title, product.description, product.brand or "", product.color or "",
                                 " ".join(product.materials or []), " ".join(product.category), " ".join(product.sizes or [])])))
    for number in (product.price, product.rating, product.rating_count):
        if number is not None:
            facts |= set(_words(f"{number:g} {number:,}" if isinstance(number, int) else f"{number:g}"))
    if product.price is not None:
        facts |= set(_words(price(product)))
    return facts - _FILLER


def has_item_fact(reason: str, product, request: str = "") -> bool:
    """The reason names a fact of this item (from its own fields and text) beyond the words of
    the request itself ("Matches: backpacks, within your 110 budget" names none)."""
    mine = set(_words(reason)) & item_facts(product)
    return bool(mine - set(_words(request)))


def repeated(reasons: list[str]) -> list[bool]:
    """Per reason: does another reason of the same reply start alike or share most trigrams?"""
    def trigrams(text: str) -> set[tuple[str, ...]]:
        w = _words(text)
        return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}

    out = []
    for i, a in enumerate(reasons):
        start = tuple(_words(a)[:3])
        ta = trigrams(a)
        alike = False
        for j, b in enumerate(reasons):
            if i == j:
                continue
            tb = trigrams(b)
            if (len(start) == 3 and tuple(_words(b)[:3]) == start) or (ta and tb and len(ta & tb) / min(len(ta), len(tb)) > 0.5):
                alike = True
                break
        out.append(alike)
    return out


def judge(products: list, reasons: list[str], facets, constraints, request: str = "") -> dict[str, list[bool]]:
    from assistant.ranking import reason_problem

    flags: dict[str, list[bool]] = {name: [] for name in TARGETS}
    rep = repeated(reasons)
    for n, (p, reason) in enumerate(zip(products, reasons)):
        flags["restates_title"].append(restates_title(reason, p.title))
        flags["no_item_fact"].append(not has_item_fact(reason, p, request + " " + constraints.describe()))
        flags["repeated_wording"].append(rep[n])
        flags["contradicts_catalog"].append(reason_problem(reason, p, facets, candidates=products, intent=constraints) is not None)
    return flags


def reply_quality(agent, products_by_id: dict, queries: list[str], label: str, examples: int = 3) -> dict[str, Any]:
    """Figures for the composer ("after") and the old template reasons ("before") on the same turns."""
    from assistant.ranking import template_reason

    after: dict[str, list[bool]] = {name: [] for name in TARGETS}
    before: dict[str, list[bool]] = {name: [] for name in TARGETS}
    shown: list[dict] = []
    from_llm = 0
    t0 = time.perf_counter()
    facets = agent.facets()
    for n, query in enumerate(queries):
        result = agent.turn(query, f"reply-quality-{label}-{n}-{time.time_ns()}")
        products = [products_by_id[p.id] for p in result.products if p.id in products_by_id]
        if len(products) < 2:
            continue
        new = [p.reason for p in result.products if p.id in products_by_id]
        from_llm += sum(1 for p in result.products if p.id in products_by_id and p.reason_source == "llm")
        old = [template_reason(p, result.constraints) for p in products]
        for into, reasons in ((after, new), (before, old)):
            for name, flags in judge(products, reasons, facets, result.constraints, query).items():
                into[name] += flags
        if len(shown) < examples:
            shown.append({"query": query, "opening": result.reply[:300],
                          "products": [{"title": p.title[:80], "before": o, "after": a} for p, o, a in zip(products, old, new)]})
    share = lambda flags: sum(flags) / len(flags) if flags else float("nan")  # noqa: E731
    out: dict[str, Any] = {f"{name}": share(flags) for name, flags in after.items()}
    out |= {f"{name}_before": share(flags) for name, flags in before.items()}
    out |= {"reasons": len(after["restates_title"]), "turns": len(queries), "seconds": time.perf_counter() - t0, "examples": shown,
            "llm_share": from_llm / max(1, len(after["restates_title"]))}
    return out


def meets_targets(figures: dict[str, Any]) -> dict[str, bool]:
    return {name: figures.get(name, float("nan")) <= limit for name, limit in TARGETS.items()}


def queries_of(retrieval_queries: list[dict], n: int = 40) -> list[str]:
    """A spread of the retrieval set's one-shot queries (they carry the request's constraints)."""
    step = max(1, len(retrieval_queries) // n)
    return [q["query"] for q in retrieval_queries[::step]][:n]


def key_of(config: str, dataset: str) -> str:
    return config if dataset == "demo" else f"{config}@{key(dataset)}"


# --- the suite --------------------------------------------------------------------------------

from evals.registry import RunContext, SuiteResult, fmt, suite, target  # noqa: E402

CATALOGS = ("flipkart", "amazon_in")
LLM_CONFIGS = ("hybrid+llm", "hybrid+llm-endpoint")
QUERIES = 40


def headline(config: str, m: dict) -> str:
    return (f"restates title {fmt(m.get('restates_title'))} (before {fmt(m.get('restates_title_before'))}), "
            f"no item fact {fmt(m.get('no_item_fact'))} ({fmt(m.get('no_item_fact_before'))}), "
            f"repeated {fmt(m.get('repeated_wording'))} ({fmt(m.get('repeated_wording_before'))}), "
            f"contradicts {fmt(m.get('contradicts_catalog'))} ({fmt(m.get('contradicts_catalog_before'))})")


def targets(report: dict) -> list[dict]:
    out = []
    for config, m in report.get("suites", {}).get("reply-quality", {}).items():
        if config in LLM_CONFIGS:
            continue  # a measurement of the LLM's reasons (is a rewrite better?), not what shoppers get by default
        for name, limit in TARGETS.items():
            value = m.get(name)
            out.append(target(f"reply quality ({config}): {name.replace('_', ' ')} <= {limit:g}",
                              None if value is None else value <= limit,
                              "not in this run" if value is None else f"{value:.3f} (before the composer: {m.get(name + '_before', float('nan')):.3f})"))
    return out


def examples_md(report: dict) -> str:
    """The first turns of each shop, each product's reason before (template) and after (composer)."""
    out = ["## Reply quality: examples, before and after the composer", ""]
    for shop, turns in report.get("reply_quality_examples", {}).items():
        for turn in turns:
            out += [f"**{shop}**: “{turn['query']}” — {turn['opening']}", "", "| product | before | after |", "| --- | --- | --- |"]
            out += [f"| {_cell(p['title'])} | {_cell(p['before'])} | {_cell(p['after'])} |" for p in turn["products"]]
            out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def llm_agent(ctx, config: str):
    """The demo shop's agent with the configuration's LLM, its reasons preferred to the
    composer's whenever they pass the fact check: what an LLM rewrite would give shoppers."""
    from dataclasses import replace

    llm = ctx.llm_for(config)
    agent = ctx.shop.assistant(llm=llm)
    agent.config = replace(agent.config, prefer_llm_reasons=True)
    return agent


@suite("reply-quality", configs=("hybrid", *LLM_CONFIGS), order=35, headline=headline, targets=targets, sections_md=examples_md)
def run_reply_quality(run: RunContext) -> SuiteResult:
    """The demo shop's retrieval queries, and (not --fast) each shared catalog's generated ones."""
    from evals.data_sets.common import read_jsonl
    from evals.gen_retrieval import DEMO_QUERIES

    result = SuiteResult()
    sets = [("demo", run.demo, queries_of(read_jsonl(DEMO_QUERIES), QUERIES))]
    if run.shared is not None:
        for name in CATALOGS:
            ctx, cat, why = run.shared.context(name)
            if ctx is None or cat is None:
                result.notes.append(f"reply-quality: {name} skipped: {why}")
                continue
            sets.append((name, ctx, queries_of(cat.queries, QUERIES)))
    if "hybrid" in run.configs:
        for name, ctx, queries in sets:
            agent = ctx.shop.assistant(llm=None)
            figures = reply_quality(agent, ctx.products, queries, name)
            examples = figures.pop("examples")
            figures.pop("llm_share")
            result.metrics[key_of("hybrid", name)] = figures
            result.sections.setdefault("reply_quality_examples", {})[name] = examples
    # The LLM's own reasons (preferred over the composer's when they pass the checks), on the demo
    # shop's first --llm-turns queries: whether an LLM rewrite would read better than the draft.
    limit = run.demo.llm_turn_limit or QUERIES
    for config in (c for c in run.configs if c in LLM_CONFIGS):
        agent = llm_agent(run.demo, config)
        figures = reply_quality(agent, run.demo.products, sets[0][2][: min(limit, QUERIES)], f"demo-{config}")
        figures["llm_reasons_shown"] = figures.pop("llm_share")
        figures.pop("examples")
        result.metrics[config] = figures
    return result
