"""Dialogue understanding in one place: a typed `DialogueState` and one pure function,
`update(state, message, facets, llm=None) -> Update`, which the agent calls once per turn and
which does everything a message means for the conversation.

The rules (`rules.read`) read what they can; when they are unsure and an LLM is at hand, the
LLM proposes operations over the same vocabulary (`llm.propose`); either way the operations go
through `state.apply_operations`, which checks every value against the catalog's facets. The
state keeps where each constraint came from (turn and words) and what was shown, so "the second
one", "cheaper than that" and "more like the first" resolve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from retrieval.facets import Facets

from .llm import merge, propose
from .rules import Reading, read
from .state import (
    Applied,
    Bound,
    Constraint,
    Constraints,
    DialogueState,
    Operation,
    Route,
    ShownItem,
    Source,
    apply_operations,
    nice_above,
    nice_below,
)

__all__ = ["Bound", "Constraint", "Constraints", "DialogueState", "Operation", "Route", "ShownItem", "Source", "Update", "update",
           "nice_above", "nice_below", "apply_operations"]

_SEARCH_OPS = frozenset({"more", "similar", "cheaper", "pricier", "refer", "compare"})


@dataclass
class Update:
    """What one message did: the route it takes, the state after it, the operations applied
    (with who proposed them), and notes for the turn's record."""

    route: Route
    state: DialogueState
    operations: list[Operation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    used_llm: bool = False

    def has(self, op: str) -> bool:
        return any(o.op == op for o in self.operations)


def update(state: DialogueState, message: str, facets: Facets, llm=None, *,
           faq_match: Callable[[str], bool] | None = None, history: list[dict] | None = None,
           always_ask_llm: bool = False) -> Update:
    """The state after `message`. Pure apart from the optional LLM call and `faq_match`
    (a read of the shop's FAQ): `state` itself is never changed. The LLM is asked when the
    rules are unsure (or on every message with `always_ask_llm`, to measure it)."""
    turn = state.turn + 1
    reading: Reading = read(message, state, facets, faq_match)
    notes = ["rules"] + reading.notes
    used_llm = False
    operations = list(reading.operations)
    route = reading.route
    if llm is not None and (always_ask_llm or not reading.sure) and route not in ("human", "recommend"):
        proposal = propose(llm, state, message, facets, history or [])
        notes += proposal.notes
        if proposal.route is not None:
            used_llm = True
            kept, dropped = merge(operations, proposal.operations)
            operations += kept
            notes += dropped
            moves = any(o.op in _SEARCH_OPS for o in reading.operations)  # "next", "cheaper": a turn over the shown products
            if route in ("smalltalk", "product") and proposal.route != route and not moves:
                route = proposal.route
    if route in ("faq", "smalltalk", "human"):
        operations = []  # the search stays as it was for the next product turn
    applied: Applied = apply_operations(state, operations, facets, turn)
    new = applied.state
    new.turn = turn
    notes += applied.notes
    if route in ("product", "both") and state.subject and not any(o.op in _SEARCH_OPS | {"new_subject", "reset"} for o in operations) \
            and new.same_search(state) and not any(o.op == "refine" and o.value for o in operations):
        operations.append(Operation(op="restate", words=message))
        new.seen = []
        notes.append("restated: the same search")
    if route in ("product", "both") and not new.subject and not new.query:
        new.subject = new.query = " ".join(message.split())[:200]
        new.subject_turn = turn
    if any(o.op in ("new_subject", "reset") for o in operations):
        new.seen, new.similar_to, new.focus, new.relaxed = [], None, None, []
    if not any(o.op == "similar" for o in operations):
        new.similar_to = None
    new.last_route = route
    return Update(route=route, state=new, operations=operations, notes=notes,
                  unknown=list(dict.fromkeys(reading.unknown + applied.unknown)), used_llm=used_llm)
