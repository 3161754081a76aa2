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
Without --fast the shared real data sets are scored too when present (evals/data_sets/; keys
"<config>@<set>"); the shared catalogs are indexed once per run in `SharedContexts`.
"""

from __future__ import annotations

import platform
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from evals.context import LLM_CONFIGS, Context, log
from evals.shared_contexts import SharedContexts
from evals.suites.dialogue import check_expectations, dialogue_suite, latency_from, ungrounded_prices  # noqa: F401
from evals.suites.dialogue_state import dialogue_state_suite
from evals.suites.faq import faq_suite
from evals.suites.personalization import personalization_suite
from evals.suites.retrieval import retrieval_suite

SUITES = ("retrieval", "faq", "dialogue", "dialogue-state", "personalization", "latency")
CONFIGS = ("bm25", "dense", "hybrid", "hybrid+profile", "hybrid+llm", "hybrid+llm-endpoint", "tutorial-baseline",
           "rules", "rules+llm", "rules+llm-endpoint")
APPLIES = {
    "retrieval": ("bm25", "dense", "hybrid", "hybrid+profile", "hybrid+llm", "hybrid+llm-endpoint", "tutorial-baseline"),
    "faq": ("bm25", "dense", "hybrid", "tutorial-baseline"),
    "dialogue": ("hybrid", "hybrid+llm", "hybrid+llm-endpoint"),
    "dialogue-state": ("rules", "rules+llm", "rules+llm-endpoint"),  # the phrasing bank (not in --fast by default)
    "personalization": ("hybrid", "hybrid+profile"),
    "latency": ("hybrid", "hybrid+llm", "hybrid+llm-endpoint"),
}


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
             fast: bool = False, embedder=None, llm_turn_limit: int | None = 24, query_limit: int | None = None) -> dict:
    from evals.report import write_reports

    for flag, value in (("--queries", query_limit), ("--llm-turns", llm_turn_limit)):
        if value is not None and value < 1:
            raise ValueError(f"{flag} must be at least 1, not {value}")
    suites = list(suites or [s for s in SUITES if not (fast and s == "dialogue-state")])
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
    ctx.query_limit = query_limit
    log(f"  demo shop loaded in {ctx.load_seconds:.1f}s ({len(ctx.products)} products, {len(ctx.faq_entries)} FAQ entries)")
    # The shared real catalogs, sampled and indexed on first use, once per run (not with --fast).
    shared = None if fast else SharedContexts(ctx.settings, ctx.shop.embedder, llm_turn_limit=llm_turn_limit)
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
                retrieval_suite(ctx, applicable, out, failures, notes, fast, shared=shared)
            elif suite == "faq":
                faq_suite(ctx, applicable, out, failures, notes, fast)
            elif suite == "dialogue" or (suite == "latency" and "dialogue" not in suites):
                dialogue_suite(ctx, applicable, out if suite == "dialogue" else {}, failures, notes, timings,
                               fast=fast or suite == "latency", shared=shared)
            elif suite == "personalization":
                personalization_suite(ctx, applicable, out, failures, notes)
            elif suite == "dialogue-state":
                dialogue_state_suite(ctx, applicable, out, failures, notes, fast)
            if suite != "latency":
                report["suites"][suite] = out
            log(f"  {suite}: {time.perf_counter() - t:.0f}s")
        if "latency" in suites and timings:
            report["suites"]["latency"], report["latency"] = latency_from(timings)
    finally:
        if shared is not None:
            shared.close()
        ctx.close()
    report["seconds"] = round(time.perf_counter() - started, 1)
    if report_dir is not None:
        write_reports(report, Path(report_dir))
        log(f"reports written to {report_dir} ({report['seconds']:.0f}s)")
    return report
