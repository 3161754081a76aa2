"""Quantities with units (retrieval/measures.py), read the way Home Depot titles and queries write them."""

import math

import pytest

from retrieval.measures import Measure, agreement, measures


@pytest.mark.parametrize("text,expected", [
    ("Milwaukee M18 18-Volt 1/2 in. Drill", [Measure(18.0, "v"), Measure(0.5, "in")]),
    ("3-1/2 in. screws 50-pack", [Measure(3.5, "in"), Measure(50.0, "piece")]),
    ("3 1/2 inch", [Measure(3.5, "in")]),
    ("2x4 8 ft", [Measure(2.0, None), Measure(4.0, None), Measure(8.0, "ft")]),
    ("BEHR Premium 1-gal. Tugboat", [Measure(1.0, "gal")]),
    ("60 in. vanity", [Measure(60.0, "in")]),
    ("5000 btu air conditioner", [Measure(5000.0, "btu")]),
    ("no numbers here", []),
])
def test_quantities_are_read_with_their_units(text, expected):
    assert measures(text) == expected


def test_the_asked_size_agrees_and_another_size_of_that_unit_contradicts():
    title = measures("Milwaukee M18 18-Volt 1/2 in. Drill")
    assert agreement(measures("18v drill"), title) == (1.0, 0.0)
    assert agreement(measures("12 volt drill"), title) == (0.0, 1.0)
    assert agreement(measures("drill 3 gal"), title) == (0.0, 0.0)  # a unit the title does not give: no contradiction
    share, conflicts = agreement([], title)
    assert math.isnan(share) and math.isnan(conflicts)


def test_malformed_fractions_are_skipped_not_raised():
    assert measures("1/0 in. pipe") == []
