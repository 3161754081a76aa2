"""A simulator of shoppers, for evaluating recommenders where no real event log is big enough.

THE LOG IT WRITES IS SIMULATED. Nothing in it was done by a person; figures measured on it say how
the recommenders recover the structure put in below, not how real shoppers behave. The real
check is the Amazon review sets (evals/suites/recommendations.py).

The world (everything seeded, `SimConfig.seed`):

- **Items** are a real catalog's products (the demo shop's by default). Each has a latent
  style vector z_i (`dims` numbers, unit length) = `text_share` of a random projection of its text
  embedding + the rest an independent random part that no text shows (fit, quality, taste
  nobody writes down), and an appeal b_i ~ N(0, `appeal_sd`) (some items are simply popular).
- **Categories** (the leaf of the category path) are linked to `complements` other categories
  chosen at random ("goes with"): after a purchase the next session is in a linked category with
  probability `p_complement`.
- **Shoppers** have a latent taste u (unit vector in the same space; utility of an item is
  `taste_strength` * u . z_i + b_i - price penalty), 1-3 favourite categories (chosen by how
  well their taste fits them), and a budget: the median price of their favourites times
  LogNormal(0, 0.4). A purchase over budget is rare (utility falls with the excess); a fraction
  `p_states_budget` tell the shop their budget (stated preferences: max_budget).
- **Sessions**: 1 + Poisson(`sessions_mean` - 1) per shopper, `gap_days` apart on average
  (exponential). A session is in a linked category (after a purchase), else a favourite
  (probability `p_favourite`), else any category. The shopper searches it (the query is the
  category's name), sees a result list (the category's items ordered by appeal plus noise), and
  looks at 2-6 of them, picked with probability proportional to exp(utility) with a position
  bias (1 / (1 + 0.3 * position)): a `view` and a `click` with the position and query, then a
  `dwell` whose seconds grow with utility. The best-liked of them is added to the cart with
  probability sigmoid(utility - `cart_threshold`), bought with probability `p_buy_after_cart`;
  items liked or disliked now and then (`p_like` when utility is high, `p_dislike` when low).

`simulate(catalog_products, vectors, config)` returns the events (assistant.profile.Event,
timestamps ending at `end_ts`) and each shopper's stated preferences. `shoppers_for_events(n)`
picks the number of shoppers for about n events. From the command line, over a shop's catalog
(what `train recs` is timed on):

    python -m evals.sim_shoppers --home H --events 100000 --out sim.jsonl
    shopassist events import --home H sim.jsonl && shopassist train recs --home H
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np


@dataclass
class SimConfig:
    shoppers: int = 3000
    seed: int = 14
    dims: int = 16
    text_share: float = 0.5
    appeal_sd: float = 0.6
    taste_strength: float = 3.0
    complements: int = 2
    p_complement: float = 0.45
    p_favourite: float = 0.75
    sessions_mean: float = 4.0
    gap_days: float = 4.0
    cart_threshold: float = 2.0
    p_buy_after_cart: float = 0.6
    p_like: float = 0.15
    p_dislike: float = 0.1
    p_states_budget: float = 0.3
    end_ts: float = 1_764_547_200.0  # 2025-12-01: the log ends here
    notes: list[str] = field(default_factory=list)


@dataclass
class SimResult:
    events: list[Any]
    preferences: dict[str, dict]
    config: SimConfig
    leaves: list[str]


def simulate(products: Sequence[Any], vectors: np.ndarray, config: SimConfig | None = None) -> SimResult:
    from assistant.profile import Event

    cfg = config or SimConfig()
    rng = np.random.default_rng(cfg.seed)
    n = len(products)
    vectors = np.asarray(vectors, dtype=np.float64)
    # --- items
    proj = rng.normal(size=(vectors.shape[1], cfg.dims))
    visible = _unit(vectors @ proj)
    hidden = _unit(rng.normal(size=(n, cfg.dims)))
    z = _unit(cfg.text_share * visible + (1 - cfg.text_share) * hidden)
    appeal = rng.normal(0, cfg.appeal_sd, size=n)
    prices = np.array([p.price if p.price is not None else np.nan for p in products], dtype=np.float64)
    leaf_of = [(p.category[-1] if p.category else "other") for p in products]
    leaves = sorted(set(leaf_of))
    members = {leaf: np.array([i for i in range(n) if leaf_of[i] == leaf]) for leaf in leaves}
    links = {leaf: list(rng.choice([x for x in leaves if x != leaf], size=min(cfg.complements, len(leaves) - 1), replace=False))
             for leaf in leaves} if len(leaves) > 1 else {leaves[0]: []}
    median_price = {leaf: float(np.nanmedian(prices[members[leaf]])) if np.isfinite(prices[members[leaf]]).any() else 50.0
                    for leaf in leaves}
    events: list[Any] = []
    preferences: dict[str, dict] = {}
    span = cfg.sessions_mean * cfg.gap_days * 86400.0 * 3
    for s in range(cfg.shoppers):
        user = f"sim-{s:05d}"
        u = _unit(rng.normal(size=cfg.dims))
        fit = np.array([np.mean(np.exp(cfg.taste_strength * (z[members[leaf]] @ u))) for leaf in leaves])
        k = int(rng.integers(1, 4))
        favourites = list(rng.choice(leaves, size=min(k, len(leaves)), replace=False, p=fit / fit.sum()))
        budget = float(np.mean([median_price[f] for f in favourites]) * math.exp(rng.normal(0, 0.4)))
        if rng.random() < cfg.p_states_budget:
            preferences[user] = {"max_budget": round(budget, 2)}
        utility = cfg.taste_strength * (z @ u) + appeal - _price_penalty(prices, budget)
        t = cfg.end_ts - span * rng.random() - span
        sessions = 1 + int(rng.poisson(max(cfg.sessions_mean - 1, 0)))
        last_bought_leaf = None
        for sn in range(sessions):
            t += rng.exponential(cfg.gap_days * 86400.0)
            if last_bought_leaf is not None and links[last_bought_leaf] and rng.random() < cfg.p_complement:
                leaf = str(rng.choice(links[last_bought_leaf]))
            elif rng.random() < cfg.p_favourite:
                leaf = str(rng.choice(favourites))
            else:
                leaf = str(rng.choice(leaves))
            session = f"{user}-s{sn}"
            items = members[leaf]
            shown = items[np.argsort(-(appeal[items] + rng.normal(0, 0.5, size=len(items))))][:24]
            looks = min(len(shown), int(rng.integers(2, 7)))
            bias = 1.0 / (1.0 + 0.3 * np.arange(len(shown)))
            w = np.exp(utility[shown] - utility[shown].max()) * bias
            picked = rng.choice(len(shown), size=looks, replace=False, p=w / w.sum())
            best, best_u = None, -np.inf
            for position in picked:
                i = int(shown[position])
                pid = products[i].id
                t += rng.exponential(40.0)
                events.append(Event(user_id=user, product_id=pid, event="view", session_id=session, ts=t))
                events.append(Event(user_id=user, product_id=pid, event="click", session_id=session, ts=t + 1,
                                    position=int(position), query=leaf.lower()))
                dwell = float(np.clip(rng.lognormal(math.log(20) + 0.3 * utility[i], 0.5), 2, 900))
                t += dwell
                events.append(Event(user_id=user, product_id=pid, event="dwell", session_id=session, ts=t,
                                    dwell_seconds=round(dwell, 1)))
                if utility[i] > best_u:
                    best, best_u = i, utility[i]
                if utility[i] > cfg.cart_threshold and rng.random() < cfg.p_like:
                    events.append(Event(user_id=user, product_id=pid, event="like", session_id=session, ts=t + 2))
                elif utility[i] < 0 and rng.random() < cfg.p_dislike:
                    events.append(Event(user_id=user, product_id=pid, event="dislike", session_id=session, ts=t + 2))
            if best is not None and rng.random() < _sigmoid(best_u - cfg.cart_threshold):
                pid = products[best].id
                t += rng.exponential(60.0)
                events.append(Event(user_id=user, product_id=pid, event="add_to_cart", session_id=session, ts=t))
                if rng.random() < cfg.p_buy_after_cart:
                    t += rng.exponential(120.0)
                    events.append(Event(user_id=user, product_id=pid, event="purchase", session_id=session, ts=t))
                    last_bought_leaf = leaf
    return SimResult(events, preferences, cfg, leaves)


def shoppers_for_events(target_events: int, per_shopper: float = 47.0) -> int:
    """About how many shoppers give `target_events` events with the default configuration."""
    return max(1, int(round(target_events / per_shopper)))


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-12)


def _price_penalty(prices: np.ndarray, budget: float) -> np.ndarray:
    over = np.where(np.isfinite(prices), np.maximum(0.0, prices / budget - 1.0), 0.0)
    return 4.0 * over


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def main(argv: list[str] | None = None) -> int:
    """Write a SIMULATED event log over the products of a shop's index as JSONL (the format of
    `shopassist events import`): at least `--events` events, whole shoppers."""
    from assistant.recs.data import Catalog
    from assistant.recs.events import event_json
    from assistant.settings import Settings
    from assistant.shop import Shop
    from retrieval.documents import item_from_metadata, product_record_id

    parser = argparse.ArgumentParser(prog="python -m evals.sim_shoppers", description=main.__doc__)
    parser.add_argument("--home", required=True, help="a shop's data folder (its catalog is indexed)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--out", required=True, help="JSONL file to write")
    args = parser.parse_args(argv)
    shop = Shop.open(Settings(home=args.home))
    catalog = Catalog.from_index(shop.index)
    if not len(catalog):
        print("error: the index holds no products (shopassist ingest catalog FILE first)", file=sys.stderr)
        return 2
    found = shop.index.metadatas([product_record_id(pid) for pid in catalog.ids])
    products = sorted((item_from_metadata(m) for m in found.values()), key=lambda p: p.id)
    shoppers = shoppers_for_events(args.events)
    while True:
        sim = simulate(products, catalog.vectors, SimConfig(shoppers=shoppers, seed=args.seed))
        if len(sim.events) >= args.events:
            break
        shoppers = int(shoppers * args.events / max(len(sim.events), 1)) + 1
    with open(args.out, "w", encoding="utf-8") as fh:
        for ev in sorted(sim.events, key=lambda e: e.ts):
            fh.write(event_json(ev) + "\n")
    print(f"wrote {len(sim.events):,} SIMULATED events of {shoppers:,} simulated shoppers over {len(products)} products "
          f"to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
