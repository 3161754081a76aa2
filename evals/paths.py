"""Where the evaluation package finds things, defined once: the repository, its labelled sets
(`evals/data`), the demo shop, the shipped mapping files, and the two folders that come from
the settings (`assistant.settings.Settings`: `SHOPASSIST_SHARED_DATA`, `SHOPASSIST_EVAL_CACHE`)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "evals" / "data"  # labelled sets written by us (retrieval_*.jsonl, faq_demo.jsonl, dialogues.json, ...)
DEMO = REPO / "examples" / "demo"  # the demo shop: products.jsonl, faq.md
MAPPINGS = REPO / "examples" / "mappings"  # mapping files of the shared real data sets


def shared_data_dir() -> Path:
    """The shared real data sets: $SHOPASSIST_SHARED_DATA, else `../shared/data` next to the repo."""
    from assistant.settings import Settings

    return Settings().shared_data or REPO.parent / "shared" / "data"


def eval_cache_dir() -> Path:
    """Where evals keep indexes between runs: $SHOPASSIST_EVAL_CACHE, else ~/.cache/shopassist/eval-indexes."""
    from assistant.settings import Settings

    return Settings().eval_cache or Path.home() / ".cache" / "shopassist" / "eval-indexes"
