"""Five-turn shopping conversations generated from a real catalog's own products, and a check of
every product shown against what the shopper had said.

Each conversation follows the shape a shop owner tries first: a product type and who it is for
("shorts for girls"), then a colour, then a budget, then an exclusion ("not from Puma", phrased
many ways), then a policy question. A turn is clean when no product it shows contradicts a
constraint stated so far. The check reads the products' own titles and fields, not our filters:
a product contradicts the type when neither its title nor the shop's category names it; the audience when its
title or category names another audience; the colour when its colour field or title names
another colour; the budget when its price is above it; the exclusion when its brand (or the
title's first word) is the excluded brand. Alternatives offered after "nothing matches" are
labelled as not matching and are counted separately.

    python -m evals.conversations flipkart amazon_in bigbasket [--n 40] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from assistant.formatting import plural
from retrieval.attributes import COLORS, audiences_in, compatible_audiences, type_key

CATALOG_FILES = {
    "flipkart": ("catalog/flipkart", "flipkart.toml"),
    "amazon_in": ("catalog/amazon_in", "amazon_in.toml"),
    "bigbasket": ("catalog/bigbasket/bigbasket_products.csv", "bigbasket.toml"),
}
AUDIENCE_PHRASES = {"men": ["men", "a man", "my husband"], "women": ["women", "a woman", "my wife"], "girls": ["girls", "my daughter"],
                    "boys": ["boys", "my son"], "kids": ["kids", "children"], "baby": ["a baby"], "unisex": ["anyone"]}
TYPE_TURNS = ["{type} for {aud}", "show me {type} for {aud}", "I'm looking for {type} for {aud}", "do you have {type} for {aud}?",
              "need some {type} for {aud}", "{type} for {aud} please", "can you find {type} for {aud}", "any good {type} for {aud}?"]
TYPE_ONLY = ["{type}", "show me {type}", "I'm looking for {type}", "do you have {type}?", "I need {type}", "{type} please"]
COLOR_TURNS = ["in {color}", "any in {color}?", "{color} ones please", "do you have them in {color}?", "I'd prefer {color}",
               "only {color}", "make it {color}", "what about {color}?"]
BUDGET_TURNS = ["under {budget}", "my budget is {budget}", "less than {budget}", "nothing above {budget}",
                "keep it below {budget}", "at most {budget}", "up to {budget} please", "I can spend {budget} max"]
EXCLUSION_TURNS = ["not from {brand}", "no {brand} please", "anything but {brand}", "I don't want {brand}", "skip {brand}",
                   "other than {brand}", "without {brand}", "avoid {brand}", "I'm not a fan of {brand}", "exclude {brand}",
                   "nothing by {brand}", "I'd rather not have {brand}", "no more {brand}", "{brand} is not for me",
                   "I'm done with {brand}", "none from {brand}"]
FAQ_TURNS = ["what is your return policy?", "how long does delivery take?", "can I pay cash on delivery?",
             "do you ship internationally?", "how do I track my order?", "can I cancel my order?"]


@dataclass
class Scenario:
    id: str
    turns: list[tuple[str, dict]]  # (message, what this turn states)


@dataclass
class Outcome:
    turns: int = 0
    clean: int = 0
    with_products: int = 0
    alternatives_contradicting: int = 0
    failures: list[dict] = field(default_factory=list)
    by_turn: dict[int, list[bool]] = field(default_factory=lambda: defaultdict(list))


def _round_up(value: float) -> int:
    step = 10 ** max(0, len(str(int(value))) - 2)
    return int((value // step + 1) * step)


def make_scenarios(products, n: int = 40, seed: int = 7, currency_symbol: str = "₹") -> list[Scenario]:
    """n conversations over groups of products sharing a type (and an audience when titles say one)."""
    rng = random.Random(seed)
    groups: dict[tuple[str, str | None], list] = defaultdict(list)
    for p in products:
        if not p.product_type or p.price is None:
            continue
        audiences = [a for a in p.audience if a in AUDIENCE_PHRASES] or [None]
        for a in audiences[:1]:
            groups[(p.product_type, a)].append(p)
    usable = [(k, v) for k, v in groups.items() if len(v) >= 6 and len({x.brand for x in v if x.brand}) >= 2]
    if not usable:
        return []
    usable.sort(key=lambda kv: (-len(kv[1]), kv[0][0]))
    out = []
    for i in range(n):
        (kind, audience), members = usable[i % min(len(usable), max(8, n // 3))] if len(usable) > 1 else usable[0]
        words = plural(kind.lower())
        if audience:
            first = rng.choice(TYPE_TURNS).format(type=words, aud=rng.choice(AUDIENCE_PHRASES[audience]))
        else:
            first = rng.choice(TYPE_ONLY).format(type=words)
        turns: list[tuple[str, dict]] = [(first, {"type": kind, "audience": audience})]
        pool = members
        colors = Counter(p.color.lower() for p in members if p.color)
        color = next((c for c, k in colors.most_common() if k >= 2), None)
        if color:
            turns.append((rng.choice(COLOR_TURNS).format(color=color), {"color": color}))
            pool = [p for p in members if (p.color or "").lower() == color] or members
        prices = sorted(p.price for p in pool)
        budget = _round_up(prices[len(prices) * 2 // 3])
        say_budget = rng.choice([str(budget), f"{currency_symbol}{budget}", f"{budget} rupees" if currency_symbol == "₹" else f"{budget} dollars"])
        turns.append((rng.choice(BUDGET_TURNS).format(budget=say_budget), {"max_price": budget}))
        brands = Counter(p.brand for p in pool if p.brand and p.price <= budget) or Counter(p.brand for p in members if p.brand)
        brand = brands.most_common(1)[0][0]
        turns.append((rng.choice(EXCLUSION_TURNS).format(brand=brand), {"exclude_brand": brand}))
        turns.append((rng.choice(FAQ_TURNS), {"faq": True}))
        out.append(Scenario(f"{i + 1:02d}-{type_key(kind)}-{audience or 'any'}", turns))
    return out


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("'s", "")))


def contradictions(product, said: dict) -> list[str]:
    """What of the stated constraints this product contradicts, read from its title and fields."""
    title = product.title
    words = _words(title)
    problems = []
    kind = said.get("type")
    if kind:
        head = type_key(kind)
        named = words | _words(" ".join(product.category).replace("&", " "))
        camel = " ".join(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", c) for c in product.category)  # "USBCables"
        named |= _words(camel)
        if not ({head, head + "s", head + "es"} & named or (head.endswith("y") and head[:-1] + "ies" in named)):
            problems.append(f"type: neither title nor category names {kind}")
    audience = said.get("audience")
    if audience:
        stated = audiences_in(title, " ".join(product.category))
        if stated and not set(stated) & compatible_audiences(audience):
            problems.append(f"audience: {'/'.join(stated)} item for {audience}")
    color = said.get("color")
    if color:
        own = (product.color or "").lower()
        other_in_title = [c for c in COLORS if " " not in c and c in words and c != color and c not in color.split()]
        if own and color not in own and own not in color:
            problems.append(f"colour: {own} item for {color}")
        elif not own and other_in_title and color not in words:
            problems.append(f"colour: title says {other_in_title[0]}")
    budget = said.get("max_price")
    if budget is not None and product.price is not None and product.price > budget:
        problems.append(f"budget: {product.price:g} over {budget:g}")
    brand = said.get("exclude_brand")
    if brand:
        first = title.split()[0].lower() if title.split() else ""
        if (product.brand or "").lower() == brand.lower() or first == brand.lower():
            problems.append(f"exclusion: {brand} item")
    return problems


def run_conversations(agent, products_by_id: dict, scenarios: list[Scenario], label: str = "") -> Outcome:
    out = Outcome()
    for sc in scenarios:
        said: dict = {}
        session = f"conv-{label}-{sc.id}-{time.time_ns()}"
        for n, (message, states) in enumerate(sc.turns, 1):
            said.update({k: v for k, v in states.items() if k != "faq"})
            result = agent.turn(message, session)
            shown = [products_by_id[p.id] for p in result.products if p.id in products_by_id]
            bad = {p.id: contradictions(p, said) for p in shown}
            bad = {k: v for k, v in bad.items() if v}
            alternatives = [products_by_id[p.id] for p in result.alternatives if p.id in products_by_id]
            out.alternatives_contradicting += sum(1 for p in alternatives if contradictions(p, said))
            out.turns += 1
            out.with_products += bool(shown)
            clean = not bad and (not states.get("faq") or result.intent in ("faq", "both"))
            out.clean += clean
            out.by_turn[n].append(clean)
            if not clean:
                out.failures.append({"scenario": sc.id, "turn": n, "message": message, "said": dict(said), "route": result.intent,
                                     "constraints": result.constraints.describe(),
                                     "bad": {products_by_id[k].title[:80]: v for k, v in bad.items()}})
    return out


def _load(name: str):
    from evals.data_sets.common import EvalDataError, find_data_file, parse_with_mapping, shared_root

    folder, mapping = CATALOG_FILES[name]
    root = shared_root(None)
    path = root / folder if folder.endswith(".csv") else find_data_file(root, folder, "", (".csv",))
    if path is None:
        raise EvalDataError(f"no CSV file for {name} under {root / folder}")
    return [item for _, item in parse_with_mapping(path, "product", mapping).items]


def main(argv: list[str] | None = None) -> int:
    from assistant.agent import ShoppingAssistant
    from assistant.settings import Settings
    from evals.context import Context
    from evals.data_sets.catalogs import sample_catalog

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("catalogs", nargs="+", choices=sorted(CATALOG_FILES))
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--max-products", type=int, default=3000)
    ap.add_argument("--show", type=int, default=15, help="failures to print")
    args = ap.parse_args(argv)
    for name in args.catalogs:
        products = _load(name)
        sample, _ = sample_catalog(products, args.max_products) if len(products) > args.max_products else (products, None)
        ctx = Context.empty(Settings(), name=name)
        try:
            ctx.load_items(sample, "product")
            scenarios = make_scenarios(list(ctx.products.values()), args.n, args.seed)
            agent = ShoppingAssistant.over_index(ctx.shop.index, ctx.tmp / "agent")
            outcome = run_conversations(agent, ctx.products, scenarios, name)
        finally:
            ctx.close()
        share = outcome.clean / outcome.turns if outcome.turns else float("nan")
        per_turn = " ".join(f"t{n}:{statistics.mean(v):.2f}" for n, v in sorted(outcome.by_turn.items()))
        print(f"{name}: {len(scenarios)} conversations, {outcome.turns} turns, clean {share:.3f} ({per_turn}); "
              f"turns with products {outcome.with_products}; contradicting alternatives {outcome.alternatives_contradicting}")
        for f in outcome.failures[: args.show]:
            print(f"  {f['scenario']} #{f['turn']} {f['message']!r} -> {f['route']} [{f['constraints']}] {f['bad']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
