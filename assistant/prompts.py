"""Prompts live as versioned files in `prompts/` (`NAME.vN.md`, sections `### system` and
`### user`, `{placeholders}` filled by LangChain's PromptTemplate). Retrieved catalog and FAQ text
is fenced as data and scrubbed of anything that could close the fence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langchain_core.prompts import PromptTemplate

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
_FENCE = re.compile(r"</?\s*(?:catalog_data|faq_data)\s*>", re.I)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    system: PromptTemplate
    user: PromptTemplate

    def messages(self, **values: str) -> list[dict[str, str]]:
        return [
            {"role": "system", "content": self.system.format(**{k: v for k, v in values.items() if k in self.system.input_variables})},
            {"role": "user", "content": self.user.format(**{k: v for k, v in values.items() if k in self.user.input_variables})},
        ]


@lru_cache(maxsize=None)
def load_prompt(name: str, version: int | None = None) -> Prompt:
    """The given version, or the highest one present."""
    candidates = sorted(PROMPTS_DIR.glob(f"{name}.v*.md"), key=lambda p: int(p.stem.rsplit(".v", 1)[1]))
    if version is not None:
        candidates = [p for p in candidates if p.stem.endswith(f".v{version}")]
    if not candidates:
        raise FileNotFoundError(f"no prompt {name!r}{f' version {version}' if version else ''} in {PROMPTS_DIR}")
    path = candidates[-1]
    text = path.read_text("utf-8")
    parts = re.split(r"^### (system|user)\s*$", text, flags=re.M)
    sections = {parts[i]: parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}
    return Prompt(
        name=name,
        version=int(path.stem.rsplit(".v", 1)[1]),
        system=PromptTemplate.from_template(sections["system"]),
        user=PromptTemplate.from_template(sections["user"]),
    )


def as_data(text: str, max_chars: int = 2000) -> str:
    """Retrieved text made safe to place inside a data fence: no fence tags, bounded length."""
    return _FENCE.sub(" ", text)[:max_chars]
