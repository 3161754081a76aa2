"""The event log as JSON lines: `shopassist events export|import`, so a shop can load its history
(or move it between homes).

One event per line, the fields of `assistant.profile.Event` without the row id:

    {"user_id": "c-1", "event": "click", "product_id": "SKU-1", "session_id": "s-9",
     "ts": 1733000000.0, "position": 2, "query": "trail shoes", "dwell_seconds": null, "detail": null}

`ts` is unix seconds; an ISO 8601 time ("2024-12-01T10:00:00Z") is accepted on import. Import
checks every line like `ProfileStore.record` does; a bad line is reported with its number and
skipped, never costing the lines around it; the good lines go in one transaction per batch.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import IO, Any, Iterable

from pydantic import ValidationError

from ..profile import Event, ProfileStore

FIELDS = ("user_id", "event", "product_id", "session_id", "ts", "position", "query", "dwell_seconds", "detail")
BATCH = 5000


def event_json(ev: Event) -> str:
    data = ev.model_dump()
    return json.dumps({k: data[k] for k in FIELDS}, ensure_ascii=False)


def export_events(store: ProfileStore, out: IO[str], user_id: str | None = None) -> int:
    """Write every event (or one shopper's) as JSONL, oldest first; returns how many."""
    n = 0
    events: Iterable[Event] = reversed(store.events(user_id)) if user_id else store.all_events()
    for ev in events:
        out.write(event_json(ev) + "\n")
        n += 1
    return n


@dataclass
class ImportReport:
    imported: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)


def parse_event(data: Any) -> Event:
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    data = {k: v for k, v in data.items() if k != "id"}
    ts = data.get("ts")
    if isinstance(ts, str):
        try:
            data["ts"] = dt.datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()
        except ValueError:
            raise ValueError(f"ts {ts!r} is neither unix seconds nor an ISO 8601 time") from None
    return Event.model_validate(data)


def import_events(store: ProfileStore, lines: Iterable[str]) -> ImportReport:
    report = ImportReport()
    batch: list[Event] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            batch.append(parse_event(json.loads(line)))
        except json.JSONDecodeError as exc:
            report.rejected.append((number, f"not JSON: {exc.msg}"))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first.get("loc", ())) or "line"
            report.rejected.append((number, f"{where}: {str(first.get('msg', 'invalid')).removeprefix('Value error, ')}"))
        except ValueError as exc:
            report.rejected.append((number, str(exc)))
        if len(batch) >= BATCH:
            report.imported += store.record_many(batch)
            batch = []
    report.imported += store.record_many(batch)
    return report
