"""Requests for recommendations from behaviour rather than for a search, read by the rules as
the route "recommend" with one operation `recommend` whose value says which:

    for_you     "recommend me something", "any suggestions for me?", "surprise me", "what should I buy?"
    liked       "more like what I liked", "similar to the ones I loved"
    bought      "something like what I bought last time"
    goes_with   "what goes with this?", "what goes well with the second one?" (`values`: the position),
                "frequently bought together?"

The agent answers them from the recommender (assistant/recs). A request that names what it wants
("recommend me trail shoes") is a search and stays one."""

from __future__ import annotations

import re

from .state import Operation

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


def recommendation(message: str) -> Operation | None:
    """The `recommend` operation the message asks for, or None for anything else."""
    text = " ".join(message.split())
    goes = _GOES_WITH.search(text)
    if goes:
        position = _position(goes.group(0))
        return Operation(op="recommend", value="goes_with", values=[position] if position is not None else [], words=goes.group(0))
    like = _LIKE_LAST.search(text)
    if like:
        kind = "liked" if like.group("verb").lower() in ("liked", "loved") else "bought"
        return Operation(op="recommend", value=kind, words=like.group(0))
    if _FOR_YOU.match(text):
        return Operation(op="recommend", value="for_you", words=text)
    return None


def _position(words: str) -> int | None:
    """"the second one" -> 2; "the last one" -> -1; None: no position named."""
    found = _POSITION.search(words)
    if not found:
        return None
    return _ORDINALS[found.group(1).lower()] if found.group(1) else int(found.group(2))
