"""Recommendations suite (issue 14): leave-last-out next-item evaluation of every recommender,
side by side, on the real Amazon review sets and on a simulated log.

Data
- **Amazon Review Data (2018)**, 5-core files of Magazine_Subscriptions and Gift_Cards
  (`<shared>/behaviour/amazon_reviews_2018/`, REAL): each review is a `purchase` at its review
  time, plus a `like` when it gives 4 or 5 stars; items are indexed from the metadata (title,
  brand, category, price, description) into a shop of their own, so the text vectors are the
  index's, as in a real shop. No sessions: co-viewed counts use each shopper's whole history.
- **A SIMULATED log** (`evals/sim_shoppers.py`: shoppers with latent tastes, budgets, favourite
  and complementary categories, sessions of searches, clicks with positions, dwell, carts,
  purchases, likes, dislikes) over the demo shop's catalog, the one every suite shares. It is
  simulated: its figures say how well each model recovers the structure the simulator puts in.

Protocol (leave-last-out). For every shopper with at least two distinct items, the target is
the item they came to last (the latest first positive event); training sees every event of
every shopper before that moment for that shopper (the rest of the others' logs as they are).
The models are trained by the same code as `shopassist train recs` into a temporary home and
served by the same `Recommender` the API and the chat use, so the figures include the serving
path (dislike filtering, exclusions); items the shopper already touched are excluded for every
method alike. HR@10 (the target in the top 10), NDCG@10 (one relevant item: 1/log2(rank+1)),
catalog coverage (share of the catalog in anybody's top 10).

Methods: popularity (decayed counts), item-kNN co-occurrence (co-bought + co-viewed, time decay,
popularity damping), text similarity to the history (the profile vector's formula), ALS and BPR
(`implicit`), the two-tower model, and the fused source (what is served). The first three learn
nothing; the rest are learned.

Also measured: the time of `train recs` on the simulated log (at least 100k events in a full
run), and the time a recommendation adds to serving (p50 of `Recommender.recommend`, and of the
`recommend` stage of real chat turns "recommend me something" on the demo shop).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from evals import metrics as M
from evals.registry import RunContext, SuiteResult, figure, fmt, suite, target

K = 10
AMAZON_SETS = ("Magazine_Subscriptions", "Gift_Cards")
METHODS = ("popularity", "item-knn", "text-history", "als", "bpr", "two-tower", "fused")
NON_LEARNED = ("popularity", "item-knn", "text-history")
LEARNED = ("als", "bpr", "two-tower", "fused")
SOURCE = {"popularity": "popularity", "item-knn": "cooc", "text-history": "text", "als": "als", "bpr": "bpr",
          "two-tower": "two_tower"}
SIM_SHOPPERS_FULL = 2250  # about 101k events before the held-out items (the 100k of the training target)
SIM_SHOPPERS_FAST = 400
TRAIN_TARGET_SECONDS = 300.0
SERVE_TARGET_MS = 20.0


def log(msg: str) -> None:
    print(msg, flush=True)


@dataclass
class RecsDataset:
    name: str
    products: list[Any]
    events: list[Any]  # assistant.profile.Event, any order
    preferences: dict[str, dict] = field(default_factory=dict)
    simulated: bool = False
    notes: list[str] = field(default_factory=list)


# --- data -----------------------------------------------------------------------------------


def _clean_title(title: str) -> str:
    return "" if not title or "<" in title or "{" in title else " ".join(title.split())[:300]


def _price(value: Any) -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", str(value or ""))
    try:
        return float(m.group(0).replace(",", "")) if m and "-" not in str(value) else None
    except ValueError:
        return None


def amazon_dataset(name: str, root: Path) -> RecsDataset | None:
    """One 5-core review file and its metadata as products and events (None when absent)."""
    from assistant.profile import Event
    from retrieval.schemas import Product

    folder = root / "behaviour" / "amazon_reviews_2018"
    reviews_path, meta_path = folder / f"{name}_5.json.gz", folder / f"meta_{name}.json.gz"
    if not reviews_path.is_file() or not meta_path.is_file():
        return None
    reviews = [json.loads(line) for line in gzip.open(reviews_path, "rt", encoding="utf-8")]
    asins = {r["asin"] for r in reviews}
    meta: dict[str, dict] = {}
    for line in gzip.open(meta_path, "rt", encoding="utf-8"):
        m = json.loads(line)
        if m.get("asin") in asins and (m["asin"] not in meta or (not _clean_title(meta[m["asin"]].get("title", "")) and _clean_title(m.get("title", "")))):
            meta[m["asin"]] = m
    products, untitled = [], 0
    for asin in sorted(asins):
        m = meta.get(asin, {})
        title = _clean_title(m.get("title", ""))
        if not title:
            untitled += 1
            title = f"{(m.get('brand') or '').strip()} {name.replace('_', ' ').rstrip('s')} {asin}".strip()
        description = " ".join(d for d in (m.get("description") or []) if isinstance(d, str))
        category = [c for c in (m.get("category") or []) if isinstance(c, str) and c.strip()][:4] or [name.replace("_", " ")]
        products.append(Product(id=asin, title=title, description=re.sub(r"<[^>]+>", " ", description)[:1500],
                                category=category, brand=(m.get("brand") or None), price=_price(m.get("price"))))
    events = []
    for n, r in enumerate(reviews):
        ts = float(r["unixReviewTime"]) + n * 1e-3  # same-day reviews keep the file's order
        events.append(Event(user_id=r["reviewerID"], product_id=r["asin"], event="purchase", ts=ts))
        if float(r.get("overall", 0)) >= 4:
            events.append(Event(user_id=r["reviewerID"], product_id=r["asin"], event="like", ts=ts + 1e-4))
    notes = [f"{name}: {len(reviews):,} reviews (REAL), {len({r['reviewerID'] for r in reviews}):,} shoppers, "
             f"{len(products)} items ({untitled} without a usable title in the metadata: named by brand and id)"]
    return RecsDataset(f"amazon-{name.lower()}", products, events, {}, False, notes)


def simulated_dataset(products: list[Any], vectors, shoppers: int, seed: int = 14) -> RecsDataset:
    from evals.sim_shoppers import SimConfig, simulate

    sim = simulate(products, vectors, SimConfig(shoppers=shoppers, seed=seed))
    return RecsDataset("simulated", list(products), sim.events, sim.preferences, True,
                       [f"simulated: {len(sim.events):,} SIMULATED events of {shoppers:,} simulated shoppers over "
                        f"{len(products)} demo products (evals/sim_shoppers.py, seed {seed})"])


def leave_last_out(events: list[Any]) -> tuple[list[Any], dict[str, str]]:
    """(training events, user -> held-out item): the item each shopper came to last is held out
    together with everything that shopper did from that moment on."""
    from assistant.profile import event_weight

    by_user: dict[str, list[tuple[int, Any]]] = {}
    for n, ev in enumerate(events):
        by_user.setdefault(ev.user_id, []).append((n, ev))
    train: list[Any] = []
    targets: dict[str, str] = {}
    for user, evs in by_user.items():
        evs.sort(key=lambda x: (x[1].ts, x[0]))
        first: dict[str, int] = {}
        for pos, (_, ev) in enumerate(evs):
            if ev.product_id and event_weight(ev) > 0 and ev.product_id not in first:
                first[ev.product_id] = pos
        if len(first) < 2:
            train.extend(ev for _, ev in evs)
            continue
        item, cut = max(first.items(), key=lambda kv: kv[1])
        targets[user] = item
        train.extend(ev for _, ev in evs[:cut])
    return train, targets


# --- one data set ---------------------------------------------------------------------------


def evaluate(ds: RecsDataset, index, home: Path, *, epochs: int | None = None, say: Callable[[str], None] = log) -> dict[str, Any]:
    """Train every model on the leave-last-out split of `ds` over `index`, score every method."""
    from assistant.profile import ProfileStore
    from assistant.recs.service import Recommender
    from assistant.recs.train import TrainOptions, train_recs

    train, targets = leave_last_out(ds.events)
    profiles = ProfileStore(home)
    profiles.record_many(train)
    for user, prefs in ds.preferences.items():
        profiles.set_preferences(user, prefs)
    options = TrainOptions(models=("popularity", "cooc", "als", "two_tower", "bpr"))
    if epochs is not None:
        options.epochs = epochs
    say(f"  {ds.name}: train recs on {len(train):,} events, {len(targets):,} held-out items")
    manifest = train_recs(home, index, profiles, options=options, say=lambda s: say("   " + s))
    rec = Recommender(index, profiles, home=home)
    rec.recommend(user_id=next(iter(targets)), k=K)  # loads the models and copies the item vectors to Chroma
    ranked: dict[str, dict[str, list[str]]] = {m: {} for m in METHODS}
    latencies = []
    for user in targets:
        t = time.perf_counter()
        r = rec.recommend(user_id=user, k=K, with_lists=True)
        latencies.append((time.perf_counter() - t) * 1000)
        ranked["fused"][user] = [x.id for x in r.items]
        for method, source in SOURCE.items():
            ranked[method][user] = r.lists.get(source, [])[:K]
    n_items = len(rec.catalog())
    out: dict[str, Any] = {}
    for method in METHODS:
        lists = ranked[method]
        hits = [M.hit_at_k(lists[u], {i}, K) for u, i in targets.items()]
        ndcg = [M.ndcg_at_k(lists[u], {i: 1.0}, K) for u, i in targets.items()]
        covered = {x for lst in lists.values() for x in lst}
        out[method] = {"hr_at_10": M.mean(hits), "ndcg_at_10": M.mean(ndcg), "coverage": len(covered) / max(n_items, 1),
                       "users": len(targets)}
    seconds = manifest.get("seconds", {})
    return {"methods": out, "train_seconds": seconds.get("total"), "train_events": len(train), "model_seconds": seconds,
            "serve_p50_ms": statistics.median(latencies) if latencies else None,
            "serve_p95_ms": sorted(latencies)[int(0.95 * (len(latencies) - 1))] if latencies else None,
            "items": n_items, "users": len(targets), "recommender": rec, "profiles": profiles, "targets": targets}


def chat_latency(index, home: Path, users: list[str], turns: int = 40) -> dict[str, float]:
    """Real chat turns (no LLM) for shoppers of a trained home, measured in the same run: a
    search turn ("show me running shoes", the baseline: the recommender is not asked) and a
    "recommend me something" turn per shopper. Reported: the p50 of the `recommend` stage (what
    serving a recommendation adds to a turn: it runs in place of the search), of each whole
    turn, and the ratio of the two turns' p50."""
    from assistant.agent import AgentConfig, ShoppingAssistant

    agent = ShoppingAssistant.over_index(index, home, llm=None, config=AgentConfig(llm_rank=False, llm_understanding="never"))
    agent.turn("show me running shoes", session_id="recs-latency-warm", user_id=users[0])  # loads models, warms caches
    agent.turn("recommend me something", session_id="recs-latency-warm-2", user_id=users[0])
    from assistant.recs.service import recommender_for

    rec = recommender_for(index, agent.profiles)  # the one the agent's turns use
    stage, total, search, direct = [], [], [], []
    for n, user in enumerate(users[:turns]):
        searched = agent.turn("show me running shoes", session_id=f"recs-latency-search-{n}", user_id=user)
        search.append(searched.timings_ms["total"])
        t = time.perf_counter()
        rec.recommend(user_id=user, k=agent.config.products_per_reply)
        direct.append((time.perf_counter() - t) * 1000)
        result = agent.turn("recommend me something", session_id=f"recs-latency-{n}", user_id=user)
        if "recommend" in result.timings_ms:
            stage.append(result.timings_ms["recommend"])
            total.append(result.timings_ms["total"])
    med = statistics.median
    out = {"recommend_stage_p50_ms": med(stage) if stage else float("nan"),
           "turn_p50_ms": med(total) if total else float("nan"),
           "search_turn_p50_ms": med(search) if search else float("nan"), "recommend_call_p50_ms": med(direct) if direct else float("nan"),
           "turns": len(stage)}
    out["recommend_vs_search_turn"] = out["turn_p50_ms"] / out["search_turn_p50_ms"] if search and total else float("nan")
    return out


# --- the suite ------------------------------------------------------------------------------


def recommendations_suite(run: RunContext) -> SuiteResult:
    from evals.paths import shared_data_dir

    result = SuiteResult()
    ctx = run.demo
    embedder = ctx.shop.index.embedder
    sections: dict[str, Any] = {}
    catalog_products = sorted(ctx.products.values(), key=lambda p: p.id)
    from assistant.recs.data import Catalog

    demo_catalog = Catalog.from_index(ctx.shop.index)
    shoppers = SIM_SHOPPERS_FAST if run.fast else SIM_SHOPPERS_FULL
    datasets: list[tuple[RecsDataset, Any]] = [(simulated_dataset(catalog_products, demo_catalog.vectors, shoppers), ctx)]
    root = shared_data_dir()
    for name in AMAZON_SETS:
        ds = amazon_dataset(name, root)
        if ds is None:
            result.notes.append(f"recommendations: {name} not found under {root / 'behaviour'}; not scored")
            continue
        from evals.context import Context

        shop = Context.empty(run.settings, embedder, name=f"recs-{name.lower()}")
        shop.load_items(ds.products, "product")
        datasets.append((ds, shop))
    for ds, shop in datasets:
        result.notes.extend(ds.notes)
        home = Path(tempfile.mkdtemp(prefix=f"shopassist-recs-{ds.name}-"))
        got = evaluate(ds, shop.shop.index, home)
        for method, m in got["methods"].items():
            if method in run.configs or not run.configs:
                result.metrics[f"{method}@{ds.name}"] = m
            log(f"  recommendations {ds.name} {method:13s} HR@10 {m['hr_at_10']:.3f}  NDCG@10 {m['ndcg_at_10']:.3f}  "
                f"coverage {m['coverage']:.3f}")
        info = {k: got[k] for k in ("train_seconds", "train_events", "model_seconds", "serve_p50_ms", "serve_p95_ms", "items", "users")}
        if ds.simulated:
            info |= chat_latency(shop.shop.index, home, list(got["targets"]))
            log(f"  chat 'recommend me something': recommend stage p50 {info['recommend_stage_p50_ms']:.1f} ms, "
                f"turn p50 {info['turn_p50_ms']:.1f} ms; a search turn in the same run p50 {info['search_turn_p50_ms']:.1f} ms "
                f"(ratio {info['recommend_vs_search_turn']:.2f}); Recommender.recommend alone p50 {info['recommend_call_p50_ms']:.1f} ms")
        sections[ds.name] = info
        log(f"  {ds.name}: train recs {info['train_seconds']:.1f} s on {info['train_events']:,} events; "
            f"serving p50 {info['serve_p50_ms']:.1f} ms (p95 {info['serve_p95_ms']:.1f})")
        result.metrics[f"run@{ds.name}"] = {k: v for k, v in info.items() if isinstance(v, (int, float))}
    result.sections["recommendations"] = sections
    result.notes.append("recommendations: the 'simulated' rows are a SIMULATED log (evals/sim_shoppers.py), not real shoppers")
    return result


def _best(report: dict, ds: str, methods: tuple[str, ...]) -> tuple[str | None, float | None]:
    figures = [(m, figure(report, "recommendations", f"{m}@{ds}", "ndcg_at_10")) for m in methods]
    scored: list[tuple[str, float]] = [(m, v) for m, v in figures if v is not None]
    return max(scored, key=lambda x: x[1]) if scored else (None, None)


def targets(report: dict) -> list[dict]:
    out = []
    learned, lv = _best(report, "simulated", LEARNED)
    plain, pv = _best(report, "simulated", NON_LEARNED)
    text = "recommendations (simulated log): best learned model beats the best non-learned baseline by >= 10% relative NDCG@10"
    if lv is None or pv is None:
        out.append(target(text, None, "not in this run"))
    else:
        gain = (lv / pv - 1) if pv else float("inf")
        out.append(target(text, gain >= 0.10, f"{learned} {lv:.3f} vs {plain} {pv:.3f} ({gain:+.1%})"))
    for name in AMAZON_SETS:
        ds = f"amazon-{name.lower()}"
        pop = figure(report, "recommendations", f"popularity@{ds}", "ndcg_at_10")
        text = f"recommendations ({name}, real): no learned model below popularity (NDCG@10)"
        if pop is None:
            out.append(target(text, None, "not in this run"))
            continue
        figures = {m: figure(report, "recommendations", f"{m}@{ds}", "ndcg_at_10") for m in LEARNED}
        rows: dict[str, float] = {m: v for m, v in figures.items() if v is not None}
        winner = max(rows, key=rows.__getitem__) if rows else None
        below = [m for m, v in rows.items() if v < pop]
        detail = (f"popularity {pop:.3f}; " + ", ".join(f"{m} {v:.3f}" for m, v in rows.items())
                  + (f"; best {winner} ({(rows[winner] / pop - 1) if pop else float('inf'):+.1%} over popularity)" if winner else "")
                  + (f"; below: {', '.join(below)}" if below else ""))
        out.append(target(text, not below, detail))
    train_s = figure(report, "recommendations", "run@simulated", "train_seconds")
    events = figure(report, "recommendations", "run@simulated", "train_events")
    text = "recommendations: train recs on 100k simulated events in <= 5 minutes (2 cores)"
    if train_s is None or events is None or events < 100_000:
        out.append(target(text, None, f"not measured at 100k events ({events or 0:,.0f} in this run, {train_s or 0:.0f} s)"))
    else:
        out.append(target(text, train_s <= TRAIN_TARGET_SECONDS, f"{train_s:.1f} s on {events:,.0f} events"))
    stage = figure(report, "recommendations", "run@simulated", "recommend_stage_p50_ms")
    text = "recommendations: serving a recommendation adds <= 20 ms p50 to a turn"
    turn = figure(report, "recommendations", "run@simulated", "turn_p50_ms")
    search = figure(report, "recommendations", "run@simulated", "search_turn_p50_ms")
    against = f"; the turn p50 {turn:.1f} ms vs a search turn {search:.1f} ms in the same run" if turn and search else ""
    out.append(target(text, None if stage is None else stage <= SERVE_TARGET_MS,
                      "not in this run" if stage is None else f"recommend stage p50 {stage:.1f} ms{against}"))
    return out


def headline(config: str, m: dict) -> str:
    if "ndcg_at_10" not in m:
        return ""
    return f"HR@10 {fmt(m.get('hr_at_10'))}, NDCG@10 {fmt(m.get('ndcg_at_10'))}, coverage {fmt(m.get('coverage'))}"


@suite("recommendations", configs=METHODS, fast=False, order=60, headline=headline, targets=targets)
def run_recommendations(run: RunContext) -> SuiteResult:
    return recommendations_suite(run)
