"""Quantities with units in product text and queries ("1/2 in.", "18-Volt", "2x4 8 ft",
"50-pack"), read into (value, unit) pairs so that the learned ranker can tell a title with the
asked size from one with another size of the same unit (Home Depot's raters grade a wrong size
down: "the right product in the wrong size is a 2").

Units are normalised to one name each ("in", "inch", '"' -> "in"); a number without a unit keeps
unit None and matches any unit of the same value.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# (name, spellings) in the order tried: longer spellings first where one starts another
_UNITS: tuple[tuple[str, str], ...] = (
    ("sqft", r"sq\.? ?ft\.?|square (?:feet|foot)"),
    ("cuft", r"cu\.? ?ft\.?|cubic (?:feet|foot)"),
    ("in", r"-?in\.?|inch(?:es)?|\"|''"),
    ("ft", r"-?ft\.?|foot|feet|'"),
    ("v", r"-?volts?|v"),
    ("gal", r"-?gal\.?|gallons?"),
    ("lb", r"-?lbs?\.?|pounds?"),
    ("ah", r"ah|amp[- ]hours?"),
    ("amp", r"-?amps?|a"),
    ("w", r"-?watts?|w"),
    ("mm", r"mm"),
    ("cm", r"cm"),
    ("oz", r"fl\.? ?oz\.?|oz\.?|ounces?"),
    ("qt", r"qt\.?|quarts?"),
    ("btu", r"btu"),
    ("gauge", r"-?gauge|ga\.?"),
    ("psi", r"psi"),
    ("piece", r"-?pieces?|-?pack|pcs?\.?|count|ct"),
    ("light", r"-?lights?"),
    ("hp", r"hp|horsepower"),
    ("mah", r"mah"),
    ("grit", r"-?grit"),
)
_UNIT_PATTERN = "|".join(f"(?P<{name}>{spelling})" for name, spelling in _UNITS)
# a number (decimal, fraction, or whole and fraction: "3-1/2"), then optionally a unit
_MEASURE = re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?(?:[- ]\d+/\d+|/\d+)?)\s*(?:{_UNIT_PATTERN})?(?![\w])", re.I)


class Measure(NamedTuple):
    value: float
    unit: str | None


def _number(text: str) -> float | None:
    """ "12.5" -> 12.5, "1/2" -> 0.5, "3-1/2" and "3 1/2" -> 3.5."""
    text = text.replace(" ", "-")
    whole, _, fraction = text.partition("-") if "/" in text and "-" in text else ("", "", text)
    try:
        if "/" in fraction:
            top, bottom = fraction.split("/")
            return round(float(whole or 0) + float(top) / float(bottom), 3)
        return round(float(fraction), 3)
    except (ValueError, ZeroDivisionError):
        return None


def measures(text: str) -> list[Measure]:
    """The quantities in `text`, in order ("2x4" is two numbers: each side of a size)."""
    found = []
    for m in _MEASURE.finditer(text.lower().replace("x", " x ")):
        value = _number(m.group(1))
        if value is not None:
            found.append(Measure(value, next((name for name, _ in _UNITS if m.group(name)), None)))
    return found


def agreement(asked: list[Measure], offered: list[Measure]) -> tuple[float, float]:
    """(share of the asked quantities the offered text has, how many it contradicts: an asked
    unit the text gives only with other values). NaN, NaN when nothing is asked."""
    if not asked:
        return float("nan"), float("nan")
    matched = conflicts = 0
    for value, unit in asked:
        if any(value == v and (unit is None or u is None or unit == u) for v, u in offered):
            matched += 1
        elif unit is not None and any(u == unit for _, u in offered):
            conflicts += 1
    return matched / len(asked), float(conflicts)
