"""Latency suite: per-stage chat-turn timings (p50 / p95 in ms) of the demo dialogue scenarios,
per configuration. It reads the dialogue suite's timings when that suite ran in the same run,
else replays the demo scenarios itself (their figures are not reported, their failures are).
The raw timings go to report.json's top-level "latency" entry (the report's box plot)."""

from __future__ import annotations

from evals import metrics as M
from evals.registry import RunContext, SuiteResult, fmt, suite
from evals.suites.dialogue import CONFIGS, dialogue_suite


def latency_from(timings: dict) -> tuple[dict, dict]:
    """(p50 / p95 per stage and configuration, the same with every value) from stage timings."""
    figures: dict[str, dict] = {}
    detail: dict[str, dict] = {}
    for config, stages in timings.items():
        figures[config], detail[config] = {}, {}
        for stage, values in sorted(stages.items()):
            p50, p95 = M.percentile(values, 50), M.percentile(values, 95)
            figures[config][f"{stage}_p50_ms"] = p50
            figures[config][f"{stage}_p95_ms"] = p95
            detail[config][stage] = {"p50": p50, "p95": p95, "n": len(values), "values": [round(v, 1) for v in values]}
    return figures, detail


def headline(config: str, m: dict) -> str:
    return f"total p50 {fmt(m.get('total_p50_ms'))} ms, p95 {fmt(m.get('total_p95_ms'))} ms"


@suite("latency", configs=CONFIGS, order=90, headline=headline)  # after the dialogue suite, whose timings it reads
def run_latency(run: RunContext) -> SuiteResult:
    result = SuiteResult()
    dialogue = run.results.get("dialogue")
    if dialogue is not None:
        timings = dialogue.timings
    else:
        timings = result.timings
        dialogue_suite(run.demo, run.configs, {}, result.failures, result.notes, timings, fast=True, shared=run.shared)
    if timings:
        result.metrics, result.sections["latency"] = latency_from(timings)
    return result
