"""The FAQ-lookup evaluation's metrics against hand-computed cases, and its data checks."""

import math

import pytest

from assistant.settings import Settings
from evals.faq_lookup import accuracy_at_1, mrr, reciprocal_rank, run_faq_eval, share


def test_accuracy_counts_abstentions_as_wrong():
    assert accuracy_at_1(["a", None, "c", "x"], ["a", "b", "c", "d"]) == 0.5
    assert math.isnan(accuracy_at_1([], []))
    with pytest.raises(ValueError):
        accuracy_at_1(["a"], ["a", "b"])


def test_reciprocal_rank_and_mrr():
    assert reciprocal_rank(["x", "a", "b"], "a") == 0.5
    assert reciprocal_rank(["x", "y"], "a") == 0.0
    assert reciprocal_rank([], "a") == 0.0
    assert mrr([["a"], ["x", "a"], ["x", "y", "z"]], ["a", "a", "a"]) == pytest.approx((1 + 0.5 + 0) / 3)


def test_share():
    assert share([True, False, True, True]) == 0.75


def test_missing_data_is_a_clear_message(tmp_path, capsys):
    assert run_faq_eval(Settings(home=tmp_path / "h"), data_dir=tmp_path / "absent") == 2
    assert "not found" in capsys.readouterr().out.lower()
