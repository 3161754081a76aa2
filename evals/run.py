"""`shopassist eval run`: retrieval, FAQ, dialogue, personalization and latency suites over
several configurations side by side, written as report.json / report.md / report.html.

Configurations
  bm25               HybridSearcher mode="lexical" (hard filters from the rule-based understanding)
  dense              HybridSearcher mode="dense"
  hybrid             HybridSearcher mode="hybrid"; for FAQ the calibrated FaqLookupService; for
                     dialogue the agent without an LLM
  hybrid+profile     hybrid search with the shopper's profile vector blended in (personalization)
  hybrid+llm         the agent with the embedded SmolLM2 (dialogue / latency only)
  hybrid+llm-endpoint the agent with the configured OpenAI-compatible endpoint
                     (only when SHOPASSIST_LLM_BACKEND=openai; else skipped with a note)
  tutorial-baseline  LangChain's Chroma vector store (langchain-chroma) `as_retriever()` with the
                     same embeddings: product (or FAQ) texts, top-k similarity, no filters, no fusion
--fast: demo data only, no LLM configurations (the CI gate, see evals/thresholds.toml).
"""

from __future__ import annotations

import json
import math
import platform
import random
import re
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from evals import metrics as M
from evals.gen_retrieval import DEMO_QUERIES, read_jsonl, shared_catalog_queries

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "examples" / "demo"
SUITES = ("retrieval", "faq", "dialogue", "personalization", "latency")
CONFIGS = ("bm25", "dense", "hybrid", "hybrid+profile", "hybrid+llm", "hybrid+llm-endpoint", "tutorial-baseline")
LLM_CONFIGS = ("hybrid+llm", "hybrid+llm-endpoint")
APPLIES = {
    "retrieval": ("bm25", "dense", "hybrid", "tutorial-baseline"),
    "faq": ("bm25", "dense", "hybrid", "tutorial-baseline"),
    "dialogue": ("hybrid", "hybrid+llm", "hybrid+llm-endpoint"),
    "personalization": ("hybrid", "hybrid+profile"),
    "latency": ("hybrid", "hybrid+llm", "hybrid+llm-endpoint"),
}
MODES = {"bm25": "lexical", "dense": "dense", "hybrid": "hybrid"}
K = 10
MAX_FAILURES_PER_CONFIG = 15


def log(msg: str) -> None:
    print(msg, flush=True)


class Context:
    """The demo shop loaded once into a temporary home, plus lazily built baselines."""

    def __init__(self, settings, embedder=None, llm_turn_limit: int | None = None):
        from assistant.shop import Shop
        from retrieval.documents import item_from_metadata
        from retrieval.ingest import ingest_file

        self.tmp = Path(tempfile.mkdtemp(prefix="shopassist-eval-"))
        self.settings = settings.model_copy(update={"home": self.tmp / "home"})
        self.shop = Shop.open(self.settings, embedder)
        self.llm_turn_limit = llm_turn_limit
        t = time.perf_counter()
        ingest_file(self.shop.index, DEMO / "products.jsonl", "product", progress=False)
        ingest_file(self.shop.index, DEMO / "faq.md", "faq", progress=False)
        self.load_seconds = time.perf_counter() - t
        self.products = {m["item_id"]: item_from_metadata(m) for b in self.shop.index.iter_records(where={"kind": "product"}, include=["metadatas"]) for m in b["metadatas"]}
        self.faq_entries = {m["item_id"]: item_from_metadata(m) for b in self.shop.index.iter_records(where={"kind": "faq"}, include=["metadatas"]) for m in b["metadatas"]}
        self._baseline: dict[str, Any] = {}

    def close(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    def facets(self):
        from assistant.intent import Facets

        return Facets.from_products(self.products.values())

    def tutorial(self, what: str):
        """LangChain Chroma vector store over product texts (what="product") or FAQ phrasings."""
        if what not in self._baseline:
            from langchain_chroma import Chroma
            from retrieval.documents import faq_records, product_text
            from retrieval.embeddings import langchain_embeddings

            store = Chroma(collection_name=f"tutorial_{what}", embedding_function=langchain_embeddings(self.shop.embedder),
                           persist_directory=str(self.tmp / "tutorial"), collection_metadata={"hnsw:space": "cosine"})
            if what == "product":
                items = sorted(self.products.values(), key=lambda p: p.id)
                store.add_texts([product_text(p) for p in items], metadatas=[{"item_id": p.id} for p in items], ids=[p.id for p in items])
            else:
                recs = [r for e in sorted(self.faq_entries.values(), key=lambda e: e.id) for r in faq_records(e, "")]
                store.add_texts([r.text for r in recs], metadatas=[{"item_id": r.item_id} for r in recs], ids=[r.record_id for r in recs])
            self._baseline[what] = store
        return self._baseline[what]


def _retriever_ids(store, query: str, k: int) -> list[str]:
    docs = store.as_retriever(search_kwargs={"k": k}).invoke(query)
    return list(dict.fromkeys(d.metadata["item_id"] for d in docs))


# --- retrieval ----------------------------------------------------------------------------------


def retrieval_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, fast: bool) -> None:
    from assistant.intent import SearchIntent, apply_rules
    from retrieval.documents import product_record
    from retrieval.filters import matches
    from retrieval.schemas import SearchFilters

    datasets = [("demo", read_jsonl(DEMO_QUERIES), ctx.products)]
    if not fast:
        for name in ("flipkart", "amazon_in"):
            queries, _products, why = shared_catalog_queries(name)
            if queries is None:
                notes.append(f"retrieval: {why}")
                log(f"  skipped: {why}")
            else:
                notes.append(f"retrieval: shared catalog {why} generated but not indexed in this run (demo index only)")
    facets = ctx.facets()
    for dataset, queries, products in datasets:
        for config in configs:
            t = time.perf_counter()
            ndcg, strict, recall, rr, cprec, fprec = [], [], [], [], [], []
            fails = 0
            for q in queries:
                gold = SearchFilters(kind="product", categories=q["constraints"].get("categories", []),
                                     colors=q["constraints"].get("colors", []), brands=q["constraints"].get("brands", []),
                                     sizes=q["constraints"].get("sizes", []), min_price=q["constraints"].get("min_price"),
                                     max_price=q["constraints"].get("max_price"))
                if config == "tutorial-baseline":
                    ranked = _retriever_ids(ctx.tutorial("product"), q["query"], K)
                else:
                    u = apply_rules(q["query"], SearchIntent(), facets)
                    hits = ctx.shop.searcher.search(q["query"], k=K, filters=u.intent.filters(), mode=MODES[config])
                    ranked = [h.id for h in hits if h.kind == "product"]
                grades = q["grades"]
                n2 = {i: g for i, g in grades.items() if g >= 2}
                ndcg.append(M.ndcg_at_k(ranked, grades, K))
                # Exact-only: grade 2 (every hard constraint and every soft attribute) counts alone.
                strict.append(M.ndcg_at_k(ranked, n2, K))
                # Recall@10 of the fully relevant (grade 2) items, capped: |found| / min(10, |relevant|).
                found = len(set(ranked[:K]) & set(n2))
                recall.append(found / min(K, len(n2)) if n2 else float("nan"))
                rr.append(M.reciprocal_rank(ranked, grades, min_grade=2))
                sat = [matches(gold, product_record(products[i], "").metadata) for i in ranked if i in products]
                cp = M.constraint_precision(sat)
                cprec.append(cp)
                if config != "tutorial-baseline":
                    # The filter machinery alone: the gold constraints passed as hard filters.
                    gold_hits = ctx.shop.searcher.search(q["query"], k=K, filters=gold, mode=MODES[config])
                    fprec.append(M.constraint_precision([matches(gold, product_record(products[h.id], "").metadata)
                                                         for h in gold_hits if h.id in products]))
                if (ndcg[-1] < 0.5 or (not math.isnan(cp) and cp < 1.0)) and fails < MAX_FAILURES_PER_CONFIG:
                    fails += 1
                    failures.append({"suite": "retrieval", "config": config, "id": q["id"], "input": q["query"],
                                     "expected": q["constraints"], "got": ranked[:5],
                                     "why": f"ndcg@10 {ndcg[-1]:.2f}, constraint precision {cp:.2f}"})
            key = config if dataset == "demo" else f"{config}@{dataset}"
            out[key] = {"ndcg_at_10": M.mean(ndcg), "ndcg_at_10_exact_only": M.mean(strict), "recall_at_10": M.mean(recall), "mrr": M.mean(rr),
                        "constraint_precision": M.mean(cprec), "filter_precision": M.mean(fprec), "queries": len(queries),
                        "ms_per_query": 1000 * (time.perf_counter() - t) / max(1, len(queries))}
            log(f"  retrieval {key}: ndcg@10 {out[key]['ndcg_at_10']:.3f} cp {out[key]['constraint_precision']:.3f}")


# --- faq ------------------------------------------------------------------------------------------


def faq_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, fast: bool) -> None:
    from retrieval.schemas import SearchFilters

    rows = read_jsonl(DATA / "faq_demo.jsonl")
    if not fast:
        from evals.datasets import shared_data_dir

        if not shared_data_dir().is_dir():
            notes.append(f"faq: Bitext set skipped: shared data not found at {shared_data_dir()} (run `shopassist eval faq-lookup` when present)")
            log(f"  skipped: Bitext (shared data not found at {shared_data_dir()})")
    for config in configs:
        t = time.perf_counter()
        preds, ranked_lists, labels, abstained, oos_ok = [], [], [], [], []
        fails = 0
        for r in rows:
            if config == "hybrid":
                lk = ctx.shop.faq.lookup(r["question"], k=K)
                ranked = [m.entry.id for m in lk.matches]
                pred = ranked[0] if lk.confident and ranked else None
            elif config == "tutorial-baseline":
                ranked = _retriever_ids(ctx.tutorial("faq"), r["question"], 3 * K)[:K]
                pred = ranked[0] if ranked else None
            else:
                hits = ctx.shop.searcher.search(r["question"], k=K, filters=SearchFilters(kind="faq"), mode=MODES[config])
                ranked = [h.id for h in hits]
                pred = ranked[0] if ranked else None
            if r["expected"] is None:
                oos_ok.append(pred is None)
            else:
                preds.append(pred)
                ranked_lists.append(ranked)
                labels.append(r["expected"])
                abstained.append(pred is None)
            if pred != r["expected"] and fails < MAX_FAILURES_PER_CONFIG:
                fails += 1
                failures.append({"suite": "faq", "config": config, "id": r["id"], "input": r["question"],
                                 "expected": r["expected"] or "(no answer)", "got": pred or "(no answer)"})
        from evals.faq_lookup import accuracy_at_1, mrr

        out[config] = {"accuracy_at_1": accuracy_at_1(preds, labels), "mrr": mrr(ranked_lists, labels),
                       "abstention_rate": M.rate(abstained), "out_of_scope_refused": M.rate(oos_ok),
                       "questions": len(labels), "out_of_scope_questions": len(oos_ok),
                       "ms_per_query": 1000 * (time.perf_counter() - t) / max(1, len(rows))}
        log(f"  faq {config}: acc@1 {out[config]['accuracy_at_1']:.3f} oos {out[config]['out_of_scope_refused']:.3f}")


# --- dialogue (and latency) ---------------------------------------------------------------------

_PRICE = re.compile(r"(?<![\w.])\$?\s?(\d{1,3}(?:,\d{3})*\.\d{2}|\d+\.\d{2})(?![\d])")


def ungrounded_prices(reply: str, shown_prices: list[float], remove: list[str]) -> list[str]:
    """Money amounts with cents in the reply (after removing FAQ answer text) that are no catalog
    price of a shown product."""
    text = reply
    for r in remove:
        if r:
            text = text.replace(r, " ")
    allowed = {f"{p:.2f}" for p in shown_prices if p is not None}
    found = [m.replace(",", "") for m in _PRICE.findall(text)]
    return [f for f in found if f"{float(f):.2f}" not in allowed]


def check_expectations(result, expect: dict, products: dict) -> dict[str, bool]:
    shown = [products.get(p.id) for p in result.products]
    shown = [p for p in shown if p is not None]
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
    if config == "hybrid":
        return ctx.shop.assistant(llm=None)
    from assistant.shop import make_llm

    if config == "hybrid+llm":
        return ctx.shop.assistant(llm=make_llm(ctx.settings.model_copy(update={"llm_backend": "embedded", "llm_model": None})))
    return ctx.shop.assistant(llm=make_llm(ctx.settings))


def dialogue_suite(ctx: Context, configs: list[str], out: dict, failures: list, notes: list, timings: dict) -> None:
    scenarios = json.loads((DATA / "dialogues.json").read_text("utf-8"))["scenarios"]
    for config in configs:
        agent = _agent_for(ctx, config)
        per_type: dict[str, list[bool]] = defaultdict(list)
        shown_total = hallucinated = turns_with_products = ungrounded_turns = turns = 0
        limit = ctx.llm_turn_limit if config in LLM_CONFIGS else None
        t0 = time.perf_counter()
        for sc in scenarios:
            if limit is not None and turns >= limit:
                break
            session = f"eval-{config}-{sc['id']}"
            for n, turn in enumerate(sc["turns"]):
                if limit is not None and turns >= limit:
                    break
                turns += 1
                result = agent.turn(turn["say"], session, f"user-{sc['id']}")
                for stage, ms in result.timings_ms.items():
                    timings.setdefault(config, defaultdict(list))[stage].append(ms)
                checks = check_expectations(result, turn.get("expect", {}), ctx.products)
                for name, ok in checks.items():
                    per_type[name].append(ok)
                ids = [p.id for p in result.products + result.alternatives]
                shown_total += len(ids)
                bad_ids = [i for i in ids if i not in ctx.products]
                hallucinated += len(bad_ids)
                bad_prices = []
                if result.products:
                    turns_with_products += 1
                    remove = [ctx.faq_entries[f.id].answer for f in result.faq if f.id in ctx.faq_entries]
                    prices = [ctx.products[i].price for i in ids if i in ctx.products]
                    bad_prices = ungrounded_prices(result.reply, prices, remove)
                    ungrounded_turns += bool(bad_prices)
                failed = [k for k, ok in checks.items() if not ok]
                if failed or bad_ids or bad_prices:
                    failures.append({"suite": "dialogue", "config": config, "id": f"{sc['id']}#{n + 1}", "input": turn["say"],
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
        if limit is not None:
            notes.append(f"dialogue: {config} limited to the first {limit} turns (slow embedded LLM on a loaded machine)")
        out[config] = metrics
        log(f"  dialogue {config}: pass {metrics['pass_all']:.3f} halluc {metrics['hallucinated_product_rate']:.3f} "
            f"ungrounded {metrics['ungrounded_price_rate']:.3f} ({turns} turns, {metrics['seconds']:.0f}s)")


def latency_from(timings: dict) -> tuple[dict, dict]:
    suite, detail = {}, {}
    for config, stages in timings.items():
        suite[config], detail[config] = {}, {}
        for stage, values in sorted(stages.items()):
            p50, p95 = M.percentile(values, 50), M.percentile(values, 95)
            suite[config][f"{stage}_p50_ms"] = p50
            suite[config][f"{stage}_p95_ms"] = p95
            detail[config][stage] = {"p50": p50, "p95": p95, "n": len(values), "values": [round(v, 1) for v in values]}
    return suite, detail


# --- personalization ----------------------------------------------------------------------------


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
    scores = {c: defaultdict(lambda: {"hit": [], "ndcg": []}) for c in configs}

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


# --- orchestration ------------------------------------------------------------------------------


def available_configs(requested: list[str] | None, fast: bool, settings, notes: list) -> list[str]:
    configs = list(requested or CONFIGS)
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        raise ValueError(f"unknown config(s) {', '.join(unknown)}; choose from {', '.join(CONFIGS)}")
    if fast:
        configs = [c for c in configs if c not in LLM_CONFIGS]
    if "hybrid+llm-endpoint" in configs and settings.llm_backend != "openai":
        configs.remove("hybrid+llm-endpoint")
        notes.append("hybrid+llm-endpoint skipped: SHOPASSIST_LLM_BACKEND=openai is not configured")
    if "tutorial-baseline" in configs:
        try:
            import langchain_chroma  # noqa: F401
        except ImportError:
            configs.remove("tutorial-baseline")
            notes.append("tutorial-baseline skipped: langchain-chroma is not installed")
    return configs


def run_eval(settings, suites: list[str] | None = None, configs: list[str] | None = None, report_dir: Path | None = None,
             fast: bool = False, embedder=None, llm_turn_limit: int | None = 12) -> dict:
    from evals.report import write_reports

    suites = list(suites or SUITES)
    bad = [s for s in suites if s not in SUITES]
    if bad:
        raise ValueError(f"unknown suite(s) {', '.join(bad)}; choose from {', '.join(SUITES)}")
    suites = [s for s in SUITES if s in suites]
    notes: list[str] = []
    failures: list[dict] = []
    configs = available_configs(configs, fast, settings, notes)
    started = time.perf_counter()
    report: dict[str, Any] = {"schema": 1, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                              "machine": {"python": sys.version.split()[0], "platform": platform.platform(),
                                          "processor": platform.machine(), "cpus": __import__("os").cpu_count()},
                              "fast": fast, "configs": configs, "suites": {}, "failures": failures, "latency": {}, "notes": notes}
    log(f"eval run: suites {', '.join(suites)}; configs {', '.join(configs)}" + (" (--fast)" if fast else ""))
    ctx = Context(settings, embedder, llm_turn_limit=llm_turn_limit)
    log(f"  demo shop loaded in {ctx.load_seconds:.1f}s ({len(ctx.products)} products, {len(ctx.faq_entries)} FAQ entries)")
    try:
        timings: dict = {}
        for suite in suites:
            applicable = [c for c in configs if c in APPLIES[suite]]
            if not applicable:
                notes.append(f"{suite}: no selected configuration applies")
                continue
            out: dict = {}
            t = time.perf_counter()
            if suite == "retrieval":
                retrieval_suite(ctx, applicable, out, failures, notes, fast)
            elif suite == "faq":
                faq_suite(ctx, applicable, out, failures, notes, fast)
            elif suite == "dialogue" or (suite == "latency" and "dialogue" not in suites):
                dialogue_suite(ctx, applicable, out if suite == "dialogue" else {}, failures, notes, timings)
            elif suite == "personalization":
                personalization_suite(ctx, applicable, out, failures, notes)
            if suite != "latency":
                report["suites"][suite] = out
            log(f"  {suite}: {time.perf_counter() - t:.0f}s")
        if "latency" in suites and timings:
            report["suites"]["latency"], report["latency"] = latency_from(timings)
    finally:
        ctx.close()
    report["seconds"] = round(time.perf_counter() - started, 1)
    if report_dir is not None:
        write_reports(report, Path(report_dir))
        log(f"reports written to {report_dir} ({report['seconds']:.0f}s)")
    return report
