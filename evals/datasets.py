"""Finding the shared real data sets (`../shared/data` next to the repo) without hard-coding
their file names, which differ between copies."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_data_dir() -> Path:
    return Path(os.environ.get("SHOPASSIST_SHARED_DATA", REPO.parent / "shared" / "data"))


def find_data_file(root: Path, folder: str, name_contains: str = "", suffixes: tuple[str, ...] = (".csv", ".json", ".jsonl")) -> Path | None:
    """The first file under root/folder (a folder, or a file prefix like catalog/flipkart) whose
    name contains `name_contains` and ends with one of `suffixes`, largest first."""
    base = root / folder
    candidates: list[Path] = []
    if base.is_file():
        candidates = [base]
    elif base.is_dir():
        candidates = [p for p in base.rglob("*") if p.is_file()]
    else:
        candidates = [p for p in base.parent.glob(base.name + "*") if p.is_file()] if base.parent.is_dir() else []
        for d in base.parent.glob(base.name + "*") if base.parent.is_dir() else []:
            if d.is_dir():
                candidates += [p for p in d.rglob("*") if p.is_file()]
    matches = [p for p in candidates if p.suffix.lower() in suffixes and name_contains.lower() in p.name.lower()]
    return max(matches, key=lambda p: p.stat().st_size) if matches else None
