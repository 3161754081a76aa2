"""MG-ShopDial's shopper turns, each with a label and the routes of our agent that count as sane.

dialogues/mg_shopdial*/<file>.json
    MG-ShopDial (Bernard & Balog, SIGIR 2023; github.com/iai-group/MG-ShopDial,
    MGShopDial/MGShopDial.json and its data card MGShopDial/README.md). Assumed format: a JSON
    list of dialogues, each
        {"id": "Books:45:109:118", "metadata": {...},
         "utterances": [{"utterance_id": 1, "participant": "Client" | "Wizard",
                         "utterance": "...", "goal": "search" | "recommendation" | "qa" | "meta",
                         "intents": [["greeting", 4.0], ["interaction", 3.0]]}, ...]}
    `intents` pairs an intent with the number of annotators (of 5) who chose it; intents seen:
    greeting, interaction, elicit, disclose, clarify, answer, recommend, explain, o_question
    (open question), pf / nf (positive / negative feedback). The data card calls the shop side
    "Assistant" where the file says "Wizard". Tolerated variations: a dict holding the list under
    "dialogues" / "conversations" / "data"; "turns" / "messages" for "utterances"; "speaker" /
    "role" for "participant"; "text" for "utterance"; intents as plain strings or
    {"intent", "count"} objects.
    Only Client (shopper) utterances are replayed; each gets a label and the routes of our agent
    (`assistant.agent.TurnResult.intent`) that count as sane for it, see ROUTES_BY_LABEL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from evals.data_sets.common import locate, shared_root

# label (the utterance's conversational goal) -> routes of our agent that count as sane
ROUTES_BY_LABEL: dict[str, frozenset[str]] = {
    "search": frozenset({"product", "both"}),          # looking for items
    "recommendation": frozenset({"product", "both"}),  # asking for / reacting to suggestions
    "qa": frozenset({"product", "faq", "both"}),       # questions about items or the shop
    "meta": frozenset({"smalltalk"}),                  # greetings, thanks, acknowledgements
}
# Without a (known) goal, the intent most annotators chose gives the label.
LABEL_BY_INTENT = {
    "greeting": "meta", "interaction": "meta", "pf": "meta", "nf": "meta",
    "disclose": "recommendation", "elicit": "recommendation", "recommend": "recommendation",
    "o_question": "qa", "c_question": "qa", "clarify": "qa", "answer": "qa", "explain": "qa",
}
_GOAL_ALIASES = {"question answering": "qa", "question_answering": "qa", "chit-chat": "meta", "chitchat": "meta"}
CLIENT_ROLES = {"client", "user", "shopper", "customer", "seeker"}


@dataclass
class DialTurn:
    """One shopper utterance of MG-ShopDial with its label and the sane routes for it."""

    dialogue_id: str
    utterance_id: Any
    text: str
    goal: str | None
    intents: list[tuple[str, float]]
    label: str
    routes: frozenset[str]


def _intents(raw: Any) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for item in raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []:
        if isinstance(item, str):
            out.append((item, 1.0))
        elif isinstance(item, (list, tuple)) and item and isinstance(item[0], str):
            out.append((item[0], float(item[1]) if len(item) > 1 and isinstance(item[1], (int, float)) else 1.0))
        elif isinstance(item, dict) and isinstance(label := item.get("intent") or item.get("label"), str):
            out.append((label, float(item.get("count") or item.get("votes") or 1.0)))
    return out


def _first(d: dict, keys: Sequence[str]) -> Any:
    return next((d[k] for k in keys if k in d), None)


def label_for(goal: str | None, intents: list[tuple[str, float]]) -> str | None:
    """The goal when known, else the label of the intent with the most annotator votes."""
    goal = _GOAL_ALIASES.get((goal or "").strip().lower(), (goal or "").strip().lower())
    if goal in ROUTES_BY_LABEL:
        return goal
    for name, _votes in sorted(intents, key=lambda iv: -iv[1]):
        if name.lower() in LABEL_BY_INTENT:
            return LABEL_BY_INTENT[name.lower()]
    return None


def mg_shopdial_turns(root: Path | None = None) -> tuple[list[tuple[str, list[DialTurn]]] | None, str]:
    """[(dialogue id, its shopper turns in order)] from MG-ShopDial, or (None, why)."""
    path, why = locate(shared_root(root), "mg_shopdial", "dialogues/mg_shopdial", ".json")
    if path is None:
        return None, why
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except (OSError, UnicodeError, ValueError) as exc:
        return None, f"mg_shopdial: {path}: not valid JSON ({str(exc)[:200]})"
    if isinstance(data, dict):
        data = _first(data, ("dialogues", "conversations", "data")) or list(data.values())
    if not isinstance(data, list):
        return None, f"mg_shopdial: {path}: expected a list of dialogues"
    dialogues, unlabelled = [], 0
    for n, d in enumerate(data):
        utterances = _first(d, ("utterances", "turns", "messages")) if isinstance(d, dict) else None
        if not isinstance(utterances, list):
            continue
        did = str(d.get("id") or d.get("dialogue_id") or n)
        turns = []
        for u in utterances:
            if not isinstance(u, dict):
                continue
            role = str(_first(u, ("participant", "speaker", "role")) or "").strip().lower()
            text = str(_first(u, ("utterance", "text", "message")) or "").strip()
            if role not in CLIENT_ROLES or not text:
                continue
            intents = _intents(u.get("intents", u.get("intent")))
            goal = u.get("goal") if isinstance(u.get("goal"), str) else None
            label = label_for(goal, intents)
            if label is None:
                unlabelled += 1
                continue
            turns.append(DialTurn(did, u.get("utterance_id"), text[:2000], goal, intents, label, ROUTES_BY_LABEL[label]))
        if turns:
            dialogues.append((did, turns))
    if not dialogues:
        return None, (f"mg_shopdial: {path}: no labelled shopper utterances (expected dialogues with 'utterances' of "
                      f"'participant' Client, 'utterance', 'goal' or 'intents')")
    total = sum(len(t) for _, t in dialogues)
    return dialogues, (f"mg_shopdial: {len(dialogues)} dialogues, {total} shopper turns from {path.name}"
                       + (f"; {unlabelled} without a known goal or intent left out" if unlabelled else ""))
