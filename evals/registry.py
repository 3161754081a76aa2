"""The evaluation suites, each declared in its own module under `evals/suites/`:

    from evals.registry import RunContext, SuiteResult, suite

    @suite("retrieval", configs=("bm25", "dense", "hybrid"), order=10)
    def retrieval(run: RunContext) -> SuiteResult:
        result = SuiteResult()
        result.metrics["hybrid"] = {"ndcg_at_10": 0.96}
        return result

That is all a new suite needs: every module of `evals/suites/` is imported when the registry is
first read, `shopassist eval run` runs the registered suites in `order` (each with the selected
configurations it names), and `evals/report.py` renders whatever they returned. A suite may also
give `headline` (its figures per configuration in the report's headline table; see `fmt()`) and
`targets` (its "must show" targets, computed from a whole report; see `target()` and `figure()`)
and `sections_md` (Markdown for the report's sections the suite filled, e.g. before/after examples).

Nothing here knows a particular suite; `evals/run.py` builds the `RunContext`, `evals/report.py`
reads `headline` and `targets`.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from evals.context import Context
    from evals.shared_contexts import SharedContexts


@dataclass
class SuiteResult:
    """What a suite returns. `metrics` becomes report["suites"][name]; `failures` and `notes` are
    appended to the report's lists; `sections` are other top-level entries of report.json the
    suite fills (the latency suite's per-stage detail under "latency")."""

    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)  # per configuration key: "hybrid", "hybrid@flipkart"
    failures: list[dict] = field(default_factory=list)  # {"suite", "config", "id", "input", "expected", "got", ...}
    notes: list[str] = field(default_factory=list)
    timings: dict[str, dict[str, list[float]]] = field(default_factory=dict)  # config -> stage -> ms per turn
    sections: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunContext:
    """What a suite receives: the demo shop (with the run's flags `llm_turn_limit` and
    `query_limit`), the shared real catalogs (None with --fast), the selected configurations this
    suite applies to, and what the suites before it returned."""

    demo: Context
    shared: SharedContexts | None
    configs: list[str]
    fast: bool
    selected: list[str]  # every suite of this run, in order
    results: dict[str, SuiteResult] = field(default_factory=dict)

    @property
    def settings(self):
        return self.demo.settings


@dataclass(frozen=True)
class Suite:
    name: str
    run: Callable[[RunContext], SuiteResult]
    configs: tuple[str, ...]  # the configurations it can score
    fast: bool = True  # part of `eval run --fast` unless --suite names it
    order: int = 100  # lower runs (and is reported) first
    headline: Callable[[str, dict], str] | None = None  # (config, its metrics) -> the headline's figures
    targets: Callable[[dict], list[dict]] | None = None  # whole report -> [target(...), ...]
    sections_md: Callable[[dict], str] | None = None  # whole report -> Markdown of the suite's own sections


_SUITES: dict[str, Suite] = {}
_discovered = False


def suite(name: str, *, configs: tuple[str, ...], fast: bool = True, order: int = 100,
          headline: Callable[[str, dict], str] | None = None,
          targets: Callable[[dict], list[dict]] | None = None,
          sections_md: Callable[[dict], str] | None = None) -> Callable[[Callable[[RunContext], SuiteResult]], Callable]:
    """Register the decorated function as the suite `name` (see the module docstring)."""

    def register(fn: Callable[[RunContext], SuiteResult]) -> Callable[[RunContext], SuiteResult]:
        known = _SUITES.get(name)
        if known is not None and _qualname(known.run) != _qualname(fn):
            raise ValueError(f"suite {name!r} is registered twice: {_qualname(known.run)} and {_qualname(fn)}")
        _SUITES[name] = Suite(name, fn, tuple(configs), fast, order, headline, targets, sections_md)
        return fn

    return register


def registered() -> list[Suite]:
    """Every suite, in order (the modules of evals/suites/ are imported on the first call)."""
    global _discovered
    if not _discovered:
        import evals.suites

        for module in pkgutil.iter_modules(evals.suites.__path__):
            importlib.import_module(f"evals.suites.{module.name}")
        _discovered = True
    return sorted(_SUITES.values(), key=lambda s: (s.order, s.name))


def get(name: str) -> Suite | None:
    return next((s for s in registered() if s.name == name), None)


def all_configs() -> list[str]:
    """Every configuration some suite scores, in the suites' order."""
    return list(dict.fromkeys(c for s in registered() for c in s.configs))


def _qualname(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


# --- for headlines and targets ----------------------------------------------------------------------


def fmt(v: Any) -> str:
    """A figure as the report prints it: n/a when missing or NaN, 3 decimals (1 from 100 up)."""
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return "n/a" if math.isnan(v) else (f"{v:.1f}" if abs(v) >= 100 else f"{v:.3f}")
    return str(v)


def figure(report: dict, suite_name: str, config: str, metric: str) -> float | None:
    """One metric of a report, None when absent or not a number (NaN)."""
    v = report.get("suites", {}).get(suite_name, {}).get(config, {}).get(metric)
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else v


def target(text: str, ok: bool | None, detail: str) -> dict:
    """One row of the report's targets: met / not met, or not measured when `ok` is None."""
    return {"target": text, "status": "not measured" if ok is None else ("met" if ok else "not met"), "detail": detail}
