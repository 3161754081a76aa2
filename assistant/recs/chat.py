"""Chat requests that ask for recommendations from behaviour rather than for a search:

    for_you     "recommend me something", "any suggestions for me?", "surprise me", "what should I buy?"
    like_last   "something like what I bought last time", "more like what I liked"
    goes_with   "what goes with this?", "what goes well with the second one?", "frequently bought together?"

The dialogue rules (assistant/dialogue) read these as a product search with no subject (or, for
"what goes with this?", an FAQ question); the agent asks `behaviour_request` first and, when it
names one of these, answers from the recommender (`ShoppingAssistant._recommend_from_behaviour`).
A request that names what it wants ("recommend me trail shoes") is a search and stays one."""

from __future__ import annotations

import re

_FOR_YOU = re.compile(
    r"^\s*(?:(?:can|could|would) you\s+|please\s+|so\s+|ok(?:ay)?,?\s+|hey,?\s+|hi,?\s+)*(?:"
    r"(?:recommend|suggest)(?:\s+(?:me|us))?\s+(?:something|anything|some(?:thing)? (?:nice|good|new|else))(?:\s+(?:for me|to buy|i(?:'d| would) like))?"
    r"|(?:any|some|got any|give me some|give me)\s+(?:suggestions|recommendations|ideas|picks)(?:\s+for me)?"
    r"|what (?:would|do|can) you (?:recommend|suggest)(?:\s+for me)?"
    r"|what should i (?:buy|get|try)(?:\s+next)?"
    r"|surprise me"
    r"|(?:show me\s+)?(?:something|stuff|things|picks) (?:for me|i(?:'d| would|'ll| will)? (?:like|love))"
    r"|(?:show me\s+)?(?:my )?(?:recommendations|picks for me|for you)"
    r")\s*[.!?]*\s*(?:please)?\s*[.!?]*\s*$", re.I)
_LIKE_LAST = re.compile(
    r"\b(?:like|similar to|along the lines of|same as)\s+(?:what|the (?:ones?|things?|stuff|items?))\s+i\s+"
    r"(?P<verb>bought|purchased|ordered|got|liked|loved)(?:\s+(?:last time|before|recently|earlier|last))?\b", re.I)
_GOES_WITH = re.compile(
    r"\b(?:what|anything|something)\s+(?:else\s+)?(?:goes|go|would go|pairs?|would pair|matches|works?)\s+(?:well\s+|nicely\s+)?with\s+"
    r"(?:this|that|it|these|those|the (?:first|second|third|fourth|fifth|last|\w+) (?:one|pick|item)|(?:the |my )?#?\d)\b"
    r"|\b(?:frequently|often|usually)\s+bought\s+together\b"
    r"|\bwhat else (?:do i need|should i get|goes with it)\b"
    r"|\bcomplete the (?:look|set|outfit)\b", re.I)
_POSITION = re.compile(r"\b(first|second|third|fourth|fifth|last)\b|#?(\d)\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def behaviour_request(message: str) -> str | None:
    """for_you | like_last | goes_with, or None for anything else."""
    text = " ".join(message.split())
    if _GOES_WITH.search(text):
        return "goes_with"
    if _LIKE_LAST.search(text):
        return "like_last"
    if _FOR_YOU.match(text):
        return "for_you"
    return None


def like_last_events(message: str) -> tuple[str, ...]:
    """Which events "what I bought / liked" refers to."""
    m = _LIKE_LAST.search(" ".join(message.split()))
    verb = (m.group("verb") if m else "bought").lower()
    return ("like",) if verb in ("liked", "loved") else ("purchase", "add_to_cart")


def referred_position(message: str) -> int | None:
    """"what goes with the second one" -> 2; "the last one" -> -1; None: no position named."""
    m = _GOES_WITH.search(" ".join(message.split()))
    if not m:
        return None
    found = _POSITION.search(m.group(0))
    if not found:
        return None
    return _ORDINALS[found.group(1).lower()] if found.group(1) else int(found.group(2))
