"""`shopassist eval run`: the registered suites (evals/registry.py; one module each under
evals/suites/) over several configurations side by side, written as report.json / report.md /
report.html.

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
  rules, rules+llm, rules+llm-endpoint  dialogue understanding alone (the dialogue-state suite)
A suite scores the selected configurations it names in its `@suite(configs=...)`.
--fast: demo data only, no LLM configurations, only the suites registered with fast=True (the CI
gate, see evals/thresholds.toml). Without --fast the shared real data sets are scored too when
present (evals/data_sets/; keys "<config>@<set>"); the shared catalogs are indexed once per run
in `SharedContexts`.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from evals.context import LLM_CONFIGS, Context, log
from evals.registry import RunContext, Suite, all_configs, registered
from evals.shared_contexts import SharedContexts


def available_configs(requested: list[str] | None, fast: bool, settings, notes: list) -> list[str]:
    known = all_configs()
    configs = list(requested or known)
    unknown = [c for c in configs if c not in known]
    if unknown:
        raise ValueError(f"unknown config(s) {', '.join(unknown)}; choose from {', '.join(known)}")
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


def selected_suites(requested: list[str] | None, fast: bool) -> list[Suite]:
    """The suites named (in registry order), else all of them (with --fast: those registered fast=True)."""
    suites = registered()
    if not requested:
        return [s for s in suites if s.fast or not fast]
    names = [s.name for s in suites]
    bad = [s for s in requested if s not in names]
    if bad:
        raise ValueError(f"unknown suite(s) {', '.join(bad)}; choose from {', '.join(names)}")
    return [s for s in suites if s.name in requested]


def new_report(fast: bool, configs: list[str], notes: list[str]) -> dict[str, Any]:
    return {"schema": 1, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": {"python": sys.version.split()[0], "platform": platform.platform(),
                        "processor": platform.machine(), "cpus": os.cpu_count()},
            "fast": fast, "configs": configs, "suites": {}, "failures": [], "latency": {}, "notes": notes}


def run_eval(settings, suites: list[str] | None = None, configs: list[str] | None = None, report_dir: Path | None = None,
             fast: bool = False, embedder=None, llm_turn_limit: int | None = 24, query_limit: int | None = None) -> dict:
    from evals.report import write_reports

    for flag, value in (("--queries", query_limit), ("--llm-turns", llm_turn_limit)):
        if value is not None and value < 1:
            raise ValueError(f"{flag} must be at least 1, not {value}")
    chosen = selected_suites(suites, fast)
    notes: list[str] = []
    configs = available_configs(configs, fast, settings, notes)
    started = time.perf_counter()
    report = new_report(fast, configs, notes)
    log(f"eval run: suites {', '.join(s.name for s in chosen)}; configs {', '.join(configs)}" + (" (--fast)" if fast else ""))
    ctx = Context(settings, embedder, llm_turn_limit=llm_turn_limit)
    ctx.query_limit = query_limit
    log(f"  demo shop loaded in {ctx.load_seconds:.1f}s ({len(ctx.products)} products, {len(ctx.faq_entries)} FAQ entries)")
    # The shared real catalogs, sampled and indexed on first use, once per run (not with --fast).
    shared = None if fast else SharedContexts(ctx.settings, ctx.shop.embedder, llm_turn_limit=llm_turn_limit)
    try:
        run = RunContext(ctx, shared, [], fast, [s.name for s in chosen])
        for suite in chosen:
            run_suite(suite, run, configs, report)
    finally:
        if shared is not None:
            shared.close()
        ctx.close()
    report["seconds"] = round(time.perf_counter() - started, 1)
    if report_dir is not None:
        write_reports(report, Path(report_dir))
        log(f"reports written to {report_dir} ({report['seconds']:.0f}s)")
    return report


def run_suite(suite: Suite, run: RunContext, configs: list[str], report: dict[str, Any]) -> None:
    """Run one suite on the configurations it applies to and add what it returned to the report."""
    applicable = [c for c in configs if c in suite.configs]
    if not applicable:
        report["notes"].append(f"{suite.name}: no selected configuration applies")
        return
    t = time.perf_counter()
    result = suite.run(replace(run, configs=applicable))  # `results` stays shared
    run.results[suite.name] = result
    report["suites"][suite.name] = result.metrics
    report["failures"].extend(result.failures)
    report["notes"].extend(result.notes)
    report.update(result.sections)
    log(f"  {suite.name}: {time.perf_counter() - t:.0f}s")
