"""The LLM's part in understanding: when the rules are unsure, it proposes operations over the
same vocabulary the rules use. A proposal is validated before it is used: every facet value
must be one the catalog has and one the shopper wrote in this message, every amount a number
the message contains; whatever fails is dropped with a note. A weak model can therefore only
add what the message and the catalog both support. `merge` then keeps only what fills a gap in
the rules' reading: the LLM never overrules or doubles what the rules read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from retrieval.documents import key
from retrieval.facets import Facets

from ..budget import fit_history, tiktoken_counter
from ..llm import LLMError
from ..prompts import as_data, load_prompt
from .state import DialogueState, Operation


class ProposedOperation(BaseModel):
    op: Literal["add", "replace", "exclude", "remove", "new_subject", "more", "cheaper", "pricier"]
    facet: Literal["type", "category", "brand", "color", "material", "audience", "size", "max_price", "min_price"] | None = None
    value: str | float | None = None


ProposedRoute = Literal["product", "faq", "both", "smalltalk", "human"]


class Proposal(BaseModel):
    route: ProposedRoute
    operations: list[ProposedOperation] = Field(default_factory=list, max_length=8)


@dataclass
class Validated:
    route: ProposedRoute | None = None
    operations: list[Operation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def propose(llm, state: DialogueState, message: str, facets: Facets, history: list[dict], history_tokens: int = 300) -> Validated:
    prompt = load_prompt("dialogue")
    recent, _ = fit_history(history[-6:], history_tokens, tiktoken_counter)
    messages = prompt.messages(
        constraints=as_data(state.describe() or "none", 400),
        history="\n".join(f"{m['role']}: {as_data(m['content'], 300)}" for m in recent) or "(start)",
        message=as_data(message, 1000),
    )
    try:
        proposal = llm.structured(messages, Proposal, max_tokens=160)
    except LLMError as exc:
        return Validated(notes=[f"LLM understanding failed: {exc}"])
    return validate(proposal, message, facets)


def validate(proposal: Proposal, message: str, facets: Facets) -> Validated:
    lowered = " " + re.sub(r"[^a-z0-9&' ]+", " ", message.lower()) + " "
    numbers = {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", message)}
    out = Validated(route=proposal.route, notes=["llm proposal"])
    for p in proposal.operations:
        value = p.value
        if p.facet in ("max_price", "min_price"):
            try:
                amount = float(value)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                out.notes.append(f"llm: dropped {p.op} {p.facet} {value!r} (not a number)")
                continue
            if amount not in numbers and amount / 1000 not in numbers:
                out.notes.append(f"llm: dropped {p.facet} {amount:g} (not in the message)")
                continue
            out.operations.append(Operation(op="add" if p.op != "remove" else "remove", facet=p.facet, value=amount, words=str(value)))
            continue
        if p.op in ("more", "cheaper", "pricier"):
            out.operations.append(Operation(op=p.op, words="(llm)"))
            continue
        if p.op == "new_subject":
            text = str(value or "").strip()
            if text and all(f" {w} " in lowered for w in key(text).split()[:6]):
                out.operations.append(Operation(op="new_subject", value=text, words=text))
            else:
                out.notes.append(f"llm: dropped new_subject {text!r} (not the shopper's words)")
            continue
        if p.facet is None or value in (None, ""):
            if p.op == "remove" and p.facet:
                out.operations.append(Operation(op="remove", facet=p.facet, words="(llm)"))
            continue
        text = str(value)
        if f" {key(text)} " not in lowered:
            out.notes.append(f"llm: dropped {p.op} {p.facet} {text!r} (not in the message)")
            continue
        if facets.canonical(p.facet, text) is None:  # type: ignore[arg-type]
            out.notes.append(f"llm: dropped {p.op} {p.facet} {text!r} (not in the catalog)")
            continue
        out.operations.append(Operation(op=p.op, facet=p.facet, value=text, words=text))
    return out


_MOVES = frozenset({"more", "cheaper", "pricier", "new_subject"})
_PRICE = frozenset({"max_price", "min_price"})


def _about_price(o: Operation) -> bool:
    return o.op in ("cheaper", "pricier") or o.facet in _PRICE


def merge(read: list[Operation], proposed: list[Operation]) -> tuple[list[Operation], list[str]]:
    """The proposed operations that fill a gap in the rules' reading `read`, each once. Dropped:
    a move (more, cheaper, pricier, new subject) when the rules read any operation (a 135M model
    proposes "new subject" and "more" beside almost anything, which would wipe the shopper's
    constraints); anything about price when the rules read the price ("cheaper" and a bound);
    both price moves when the proposal holds the two; a facet the rules already set."""
    touched = {(o.op, o.facet) for o in read}
    price_read = any(_about_price(o) for o in read)
    both_ways = {"cheaper", "pricier"} <= {o.op for o in proposed}
    kept: list[Operation] = []
    notes: list[str] = []
    for o in proposed:
        why = ("the rules read this message's operations" if read and o.op in _MOVES else
               "the rules read the price" if price_read and _about_price(o) else
               "cheaper and pricier at once" if both_ways and o.op in ("cheaper", "pricier") else
               "the rules set it" if (o.op, o.facet) in touched else
               "proposed twice" if any((k.op, k.facet, k.value) == (o.op, o.facet, o.value) for k in kept) else "")
        if why:
            notes.append(f"llm: dropped {o.op}{' ' + o.facet if o.facet else ''} ({why})")
        else:
            kept.append(o)
    return kept, notes
