"""Loading a shop's catalog or FAQ into the index.

Upsert by id with a content hash: an unchanged item is never re-embedded. Items are written in
batches as soon as they are embedded, each record carrying its own hash, so a load that is
killed leaves only whole records behind and a rerun picks up where it stopped. Bad rows are
reported (line and reason), written to a rejects file with their whole original text (so they
can be fixed and loaded again), and never stop the load.

`sync=True` also removes the items the file no longer holds, and is where a bad file could do
the most harm (an empty export, a broken quote, a wrong delimiter), so it is guarded: it never
runs on a file without a valid row; it never removes the id of a rejected row (nor of a row too
broken to parse, when its id can still be read); and it refuses, before anything is written to
the index, to remove more than `max_remove_share` of the items of that kind (default 20 %), or
to remove anything while some rejected row's id is unknown, unless `force=True`.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal

from pydantic import BaseModel, ValidationError

from .documents import LAYOUT_VERSION, IndexRecord, faq_record_id, faq_records, product_record, product_record_id
from .mapping import Mapping, TransformError, convert
from .readers import RowError, detect_format, printable, read_rows, slug
from .schemas import FaqEntry, Product
from .store import ShopIndex

Kind = Literal["product", "faq"]
DEFAULT_MAX_REMOVE_SHARE = 0.2


class SyncRefused(ValueError):
    """`--sync` would remove items it should not: nothing was written to the index."""


@dataclass
class Reject:
    line: int
    reason: str
    raw: str = ""
    item_id: str | None = None


@dataclass
class ParsedFile:
    items: list[tuple[int, Product | FaqEntry]] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    duplicates: int = 0
    rows: int = 0  # data rows (or entries) read from the file, valid or not

    def products(self) -> list[Product]:
        """The items that are products (all of a product file's, none of a FAQ file's)."""
        return [item for _, item in self.items if isinstance(item, Product)]


class IngestReport(BaseModel):
    path: str
    kind: Kind
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    removed: int = 0
    duplicates: int = 0
    rows: int = 0
    valid: int = 0
    embedded_records: int = 0
    seconds: float = 0.0
    rejects_file: str | None = None
    faq_threshold: float | None = None

    def summary(self) -> str:
        text = (
            f"{self.kind}: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.rejected} rejected"
        )
        if self.removed:
            text += f", {self.removed} removed"
        if self.duplicates:
            text += f", {self.duplicates} identical duplicates skipped"
        text += f" ({self.seconds:.1f}s)"
        if self.rejects_file:
            text += f"; rejected rows in {self.rejects_file}"
        return text


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "row"
        parts.append(f"missing {where}" if err["type"] == "missing" else f"{where}: {err['msg']}")
    return "; ".join(parts)


def _row_text(row: dict[str, Any]) -> str:
    """A row as JSON, for a reader that could not give the original text (never cut short)."""
    return json.dumps(row, ensure_ascii=False, default=str)


def parse_file(path: Path, kind: Kind, mapping: Mapping | None = None) -> ParsedFile:
    """Read, map and validate every row; never raises for a bad row, only for an unreadable file."""
    mapping = mapping or Mapping.identity(kind)
    if mapping.kind != kind:
        raise ValueError(f"the mapping is for kind {mapping.kind!r}, but this is a {kind} load")
    fmt = detect_format(path, mapping.format)
    model = Product if kind == "product" else FaqEntry
    parsed = ParsedFile()
    mapped_rows: list[tuple[int, dict[str, Any], dict[str, Any], str]] = []
    for row in read_rows(path, fmt, encoding=mapping.encoding, delimiter=mapping.delimiter, records=mapping.records):
        parsed.rows += 1
        if isinstance(row, RowError):
            parsed.rejects.append(Reject(row.line, row.reason, row.raw, _guess_id(row.fields, mapping)))
            continue
        text = row.raw or _row_text(row.fields)
        try:
            mapped_rows.append((row.line, row.fields, mapping.apply(row.fields), text))
        except TransformError as exc:
            parsed.rejects.append(Reject(row.line, str(exc), text, _guess_id(row.fields, mapping)))
    if mapping.group_by:
        mapped_rows = _group(mapped_rows, mapping.group_by, parsed)
    first_seen: dict[str, tuple[int, str]] = {}
    for line, fields, values, text in mapped_rows:
        try:
            item = model.model_validate(values)
        except ValidationError as exc:
            parsed.rejects.append(Reject(line, _describe(exc), text, str(values.get("id") or "").strip() or _guess_id(fields, mapping)))
            continue
        digest = item.content_hash()
        if item.id in first_seen:
            first_line, first_digest = first_seen[item.id]
            if first_digest == digest:
                parsed.duplicates += 1
            else:
                parsed.rejects.append(
                    Reject(line, f"duplicate id {item.id!r} with different content (first seen at line {first_line})", text, item.id)
                )
            continue
        first_seen[item.id] = (line, digest)
        parsed.items.append((line, item))
    return parsed


def _derive_attributes(index: ShopIndex, parsed: ParsedFile, mapping: Mapping | None) -> None:
    """Type, audience, materials and colour read from titles where the file has no column for
    them, judged against the whole catalog (this file plus what the index already holds);
    brands a mapping guessed from a title's first word are kept only with evidence."""
    from .attributes import derive_attributes

    guessed = {name for name, rule in (mapping.fields if mapping else {}).items() if rule.transform == "first_word"}
    in_file = {item.id for _, item in parsed.items}
    others = [meta.get("title", "") for batch in index.iter_records(where={"kind": "product"}, include=["metadatas"])
              for meta in batch["metadatas"] if meta.get("item_id") not in in_file]
    lines = [line for line, _ in parsed.items]
    products = parsed.products()
    if len(products) != len(lines):
        raise ValueError("attributes are derived for a file of products only")
    derived, _counts = derive_attributes(products, others, guessed)
    parsed.items = list(zip(lines, derived))


def _guess_id(row: dict[str, Any], mapping: Mapping) -> str | None:
    """The id a rejected row would have had, from what could be read of it (the mapped id column,
    through its transform; the group_by column; or `id`), so that --sync keeps that item."""
    rule = mapping.fields.get("id")
    sources = rule.sources if rule else [mapping.group_by] if mapping.group_by else ["id"]
    value = next((row[s] for s in sources if row.get(s) not in (None, "", [])), None)
    if value is None:
        return None
    if rule is not None:
        try:
            value = convert(value, rule, "id", mapping.kind)
        except (TransformError, ValueError, TypeError):
            return None
    text = str(value).strip() if value is not None else ""
    return text or None


def _group(rows: list[tuple[int, dict[str, Any], dict[str, Any], str]], column: str, parsed: ParsedFile):
    """Rows sharing `column` become one FAQ entry: the first row's question and answer, the
    other rows' questions as alternative phrasings."""
    groups: dict[str, tuple[int, dict[str, Any], dict[str, Any], str]] = {}
    for line, raw, values, text in rows:
        group_key = str(raw.get(column) or "").strip()
        if not group_key:
            parsed.rejects.append(Reject(line, f"missing {column} (the group_by column)", text))
            continue
        if not values.get("question"):
            parsed.rejects.append(Reject(line, "missing question", text, str(values.get("id") or "").strip() or group_key))
            continue
        if group_key not in groups:
            first = dict(values)
            first.setdefault("id", group_key)
            first["alternatives"] = list(first.get("alternatives") or [])
            groups[group_key] = (line, raw, first, text)
            continue
        entry = groups[group_key][2]
        for phrasing in [values.get("question"), *(values.get("alternatives") or [])]:
            if phrasing:
                entry["alternatives"].append(phrasing)
        if not entry.get("answer") and values.get("answer"):
            entry["answer"] = values["answer"]
    return list(groups.values())


def _records(item: Product | FaqEntry, index: ShopIndex) -> list[IndexRecord]:
    # The stored hash covers the item, the text layout and the model: change any, re-embed.
    digest = hashlib.sha256(f"{item.content_hash()}|{LAYOUT_VERSION}|{index.embedder.model_id}".encode()).hexdigest()[:32]
    return [product_record(item, digest)] if isinstance(item, Product) else faq_records(item, digest)


def _head_record_id(item: Product | FaqEntry) -> str:
    return product_record_id(item.id) if isinstance(item, Product) else faq_record_id(item.id, 0)


def write_rejects(rejects: list[Reject], path: Path) -> None:
    """One JSON line per rejected row: line, reason, id (when known) and the row's whole original
    text (undecodable bytes written as \\xNN)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in sorted(rejects, key=lambda r: r.line):
            item_id = printable(r.item_id) if r.item_id else None
            fh.write(json.dumps({"line": r.line, "reason": printable(r.reason), "id": item_id, "row": printable(r.raw)},
                                ensure_ascii=False) + "\n")


def _stale_ids(index: ShopIndex, path: Path, kind: Kind, parsed: ParsedFile, report: IngestReport,
               max_remove_share: float, force: bool) -> set[str]:
    """The ids --sync may remove, or `SyncRefused` (raised before anything is written)."""
    where = f"; see {report.rejects_file}" if report.rejects_file else ""
    items = "products" if kind == "product" else "FAQ entries"
    if not parsed.items:
        raise SyncRefused(f"--sync refused: {path} has no valid {kind} rows ({parsed.rows} read, {len(parsed.rejects)} rejected), "
                          f"so it would remove all {items}; nothing was changed{where}")
    # A rejected row for an existing id must not delete the good copy already in the index.
    keep_ids = {item.id for _, item in parsed.items} | {r.item_id for r in parsed.rejects if r.item_id}
    current = index.item_ids(kind)
    stale = current - keep_ids
    if not stale or force:
        return stale
    share = len(stale) / len(current)
    if share > max_remove_share:
        raise SyncRefused(f"--sync refused: it would remove {len(stale)} of the {len(current)} {items} ({share:.0%}), more than "
                          f"the {max_remove_share:.0%} allowed; nothing was changed. Check {path} ({parsed.rows} rows read, "
                          f"{len(parsed.rejects)} rejected){where}; if the removal is meant, rerun with --force "
                          f"(or a higher --max-remove-share)")
    unknown = [r for r in parsed.rejects if not r.item_id]
    if unknown:
        raise SyncRefused(f"--sync refused: {len(unknown)} rejected rows of {path} have no readable id (first at line "
                          f"{unknown[0].line}), so it cannot tell whether they are among the {len(stale)} {items} it would "
                          f"remove; nothing was changed{where}. Fix those rows, or rerun with --force")
    return stale


def ingest_file(
    index: ShopIndex,
    path: Path,
    kind: Kind,
    mapping: Mapping | None = None,
    *,
    sync: bool = False,
    max_remove_share: float = DEFAULT_MAX_REMOVE_SHARE,
    force: bool = False,
    rejects_path: Path | None = None,
    batch_size: int = 256,
    progress: bool | None = None,
    on_reject: Callable[[Reject], None] | None = None,
) -> IngestReport:
    """Load one file. `sync` also removes the items of `kind` the file no longer holds, within the
    limits described in the module docstring (`SyncRefused` otherwise, with nothing written to the
    index; the rejects file is still written, to show what to fix)."""
    started = time.perf_counter()
    path = Path(path)
    if not 0 <= max_remove_share <= 1:
        raise ValueError(f"max_remove_share must be between 0 and 1 (a share of the {kind}s), not {max_remove_share}")
    parsed = parse_file(path, kind, mapping)
    if kind == "product" and parsed.items:
        _derive_attributes(index, parsed, mapping)
    parsed.rejects.sort(key=lambda r: r.line)
    report = IngestReport(path=str(path), kind=kind, rejected=len(parsed.rejects), duplicates=parsed.duplicates,
                          rows=parsed.rows, valid=len(parsed.items))
    for reject in parsed.rejects:
        if on_reject:
            on_reject(reject)
    if parsed.rejects:
        rejects_path = rejects_path or index.location.home / "rejects" / f"{slug(path.name)}.rejects.jsonl"
        write_rejects(parsed.rejects, rejects_path)
        report.rejects_file = str(rejects_path)

    records_by_item = [(item, _records(item, index)) for _, item in parsed.items]
    stored = index.stored_hashes([_head_record_id(item) for item, _ in records_by_item])
    to_write: list[tuple[Product | FaqEntry, list[IndexRecord], bool]] = []
    for item, records in records_by_item:
        old = stored.get(_head_record_id(item))
        if old == records[0].metadata["content_hash"]:
            report.unchanged += 1
        else:
            to_write.append((item, records, old is not None))

    stale = _stale_ids(index, path, kind, parsed, report, max_remove_share, force) if sync else set()
    if not to_write and not stale:
        index.ensure_lexical()
        report.seconds = time.perf_counter() - started
        return report

    index.begin_write()
    from tqdm import tqdm

    bar = tqdm(total=len(to_write), desc=f"embedding {kind}s", unit="item", disable=None if progress is None else not progress)
    pending: list[tuple[Product | FaqEntry, list[IndexRecord], bool]] = []
    pending_records = 0

    def flush() -> None:
        nonlocal pending, pending_records
        if not pending:
            return
        updated_faq = [item.id for item, _, existed in pending if existed and isinstance(item, FaqEntry)]
        if updated_faq:  # an edited entry may have fewer phrasings now: drop the old ones first
            index.delete_items("faq", updated_faq)
        records = [r for _, recs, _ in pending for r in recs]
        vectors = index.embedder.embed([r.text for r in records])
        index.upsert([r.record_id for r in records], [r.text for r in records], [r.metadata for r in records], vectors)
        report.embedded_records += len(records)
        for _, _, existed in pending:
            if existed:
                report.updated += 1
            else:
                report.added += 1
        bar.update(len(pending))
        pending, pending_records = [], 0

    for entry in to_write:
        pending.append(entry)
        pending_records += len(entry[1])
        if pending_records >= batch_size:
            flush()
    flush()
    bar.close()
    if stale:
        index.delete_items(kind, stale)
        report.removed = len(stale)
    index.rebuild_lexical()
    if index.count("faq") and (kind == "faq" or report.added or report.removed):
        from .faq import calibrate_threshold
        from .faq_classifier import FaqClassifierSidecar

        report.faq_threshold = calibrate_threshold(index).threshold
        FaqClassifierSidecar(index).refit()  # now, so the first question does not wait for it
    report.seconds = time.perf_counter() - started
    return report
