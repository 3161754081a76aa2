"""The eval suite registry (evals/registry.py): a suite registers itself in one place, the run
gives it only the configurations it names and adds what it returned to the report, and the
report renders a suite it knows nothing about. No shop is loaded."""

import pytest

from evals import registry
from evals.registry import RunContext, SuiteResult, suite, target


@pytest.fixture
def scratch_registry(monkeypatch):
    """An empty registry for the test's own suites (the real ones come back afterwards)."""
    monkeypatch.setattr(registry, "_SUITES", {})
    monkeypatch.setattr(registry, "_discovered", True)


def test_the_shipped_suites_are_registered():
    names = [s.name for s in registry.registered()]
    assert {"retrieval", "faq", "dialogue", "dialogue-state", "personalization", "latency"} <= set(names)
    assert names.index("dialogue") < names.index("latency")  # latency reads the dialogue suite's timings
    assert not registry.get("dialogue-state").fast
    assert "rules" in registry.all_configs() and "hybrid" in registry.all_configs()


def test_a_new_suite_registers_runs_and_renders(scratch_registry):
    from evals.report import headline_md, markdown, targets
    from evals.run import new_report, run_suite

    seen = {}

    @suite("toy", configs=("hybrid", "toy-config"), order=99,
           targets=lambda report: [target("toy: hybrid is perfect", registry.figure(report, "toy", "hybrid", "score") == 1.0, "")])
    def toy(run: RunContext) -> SuiteResult:
        seen["configs"] = run.configs
        return SuiteResult(metrics={c: {"score": 1.0, "items": 3} for c in run.configs}, notes=["toy: ran"],
                           failures=[{"suite": "toy", "config": "hybrid", "id": "1", "input": "x", "expected": 1, "got": 0}])

    assert registry.all_configs() == ["hybrid", "toy-config"]
    report = new_report(False, ["bm25", "hybrid"], [])
    run_suite(registry.get("toy"), RunContext(demo=None, shared=None, configs=[], fast=False, selected=["toy"]), ["bm25", "hybrid"], report)
    assert seen["configs"] == ["hybrid"]  # only the selected configurations it names
    assert report["suites"]["toy"] == {"hybrid": {"score": 1.0, "items": 3}}
    assert report["notes"] == ["toy: ran"] and report["failures"][0]["suite"] == "toy"
    assert "| toy | hybrid | score 1.000, items 3 |" in headline_md(report)
    assert {"target": "toy: hybrid is perfect", "status": "met", "detail": ""} in targets(report)
    assert "## toy" in markdown(report)


def test_a_suite_no_selected_configuration_applies_to_is_a_note(scratch_registry):
    from evals.run import new_report, run_suite

    @suite("toy2", configs=("rules",))
    def toy2(run):
        raise AssertionError("must not run")

    report = new_report(False, ["hybrid"], [])
    run_suite(registry.get("toy2"), RunContext(None, None, [], False, ["toy2"]), ["hybrid"], report)
    assert report["notes"] == ["toy2: no selected configuration applies"] and "toy2" not in report["suites"]


def test_two_suites_cannot_share_a_name(scratch_registry):
    def one(run):
        return SuiteResult()

    def other(run):
        return SuiteResult()

    suite("toy", configs=("hybrid",))(one)
    suite("toy", configs=("hybrid",))(one)  # the same function again (a module imported twice) is fine
    with pytest.raises(ValueError, match="registered twice"):
        suite("toy", configs=("hybrid",))(other)


def test_targets_in_another_shape_are_named(scratch_registry):
    from evals.report import targets

    suite("toy3", configs=("hybrid",), targets=lambda report: [{"target": "x", "met": True}])(lambda run: SuiteResult())
    with pytest.raises(ValueError, match="suite toy3: a target needs"):
        targets({"suites": {}})


def test_unknown_suites_and_configs_are_refused():
    from assistant.settings import Settings
    from evals.run import available_configs, selected_suites

    with pytest.raises(ValueError, match="unknown suite"):
        selected_suites(["nope"], False)
    with pytest.raises(ValueError, match="unknown config"):
        available_configs(["nope"], False, Settings(llm_backend="none"), [])
    assert "dialogue-state" not in [s.name for s in selected_suites(None, True)]
    assert [s.name for s in selected_suites(["latency", "faq"], True)] == ["faq", "latency"]
