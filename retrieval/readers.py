"""Readers turn a shop's files into raw rows, each with the line it came from.

A row that cannot be read (broken encoding, wrong column count, invalid JSON line) becomes a
`RowError` and reading goes on: one bad row never costs the valid ones.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

csv.field_size_limit(16 * 1024 * 1024)


class FileError(ValueError):
    """The file as a whole cannot be read (missing, not the stated format)."""


@dataclass(frozen=True)
class RawRow:
    line: int
    fields: dict[str, Any]


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str
    raw: str = ""


FORMATS = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "markdown", ".markdown": "markdown"}


def detect_format(path: Path, declared: str | None = None) -> str:
    if declared:
        return declared
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise FileError(f"{path}: unknown file type {path.suffix!r}; use .csv, .tsv, .json, .jsonl or .md, or set format in a mapping file")
    return fmt


def _decode(path: Path, encoding: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileError(f"{path}: is a directory, not a file") from None
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig"):
        # surrogateescape keeps undecodable bytes as markers, so only the rows holding them are rejected.
        return data.decode("utf-8-sig", errors="surrogateescape")
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise FileError(f"{path}: cannot decode as {encoding}: {exc}") from None


_BAD_BYTES = re.compile("[\udc80-\udcff]")


def _has_bad_bytes(value: Any) -> bool:
    if isinstance(value, str):
        return bool(_BAD_BYTES.search(value))
    if isinstance(value, dict):
        return any(_has_bad_bytes(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_bad_bytes(v) for v in value)
    return False


def read_rows(path: Path, fmt: str, *, encoding: str = "utf-8", delimiter: str | None = None, records: str | None = None) -> Iterator[RawRow | RowError]:
    text = _decode(path, encoding)
    if fmt in ("csv", "tsv"):
        yield from _csv_rows(text, delimiter or ("\t" if fmt == "tsv" else ","))
    elif fmt == "jsonl":
        yield from _jsonl_rows(text)
    elif fmt == "json":
        yield from _json_rows(path, text, records)
    elif fmt == "markdown":
        yield from markdown_faq_rows(text)
    else:
        raise FileError(f"{path}: unsupported format {fmt!r}")


def _csv_rows(text: str, delimiter: str) -> Iterator[RawRow | RowError]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    header = [h.strip() for h in header]
    if _has_bad_bytes(header):
        raise FileError("the header row is not valid UTF-8; fix the file's encoding or set encoding in a mapping file")
    while True:
        start = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RowError(start, f"unreadable CSV row: {exc}")
            continue
        if not values or all(not v.strip() for v in values):
            continue
        raw = delimiter.join(values)[:500]
        if len(values) != len(header):
            yield RowError(start, f"expected {len(header)} columns, found {len(values)}", raw)
            continue
        if _has_bad_bytes(values):
            yield RowError(start, "invalid UTF-8 bytes in row (broken encoding)", raw.encode("utf-8", "replace").decode())
            continue
        yield RawRow(start, dict(zip(header, values)))


def _jsonl_rows(text: str) -> Iterator[RawRow | RowError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if _has_bad_bytes(line):
            yield RowError(number, "invalid UTF-8 bytes in line (broken encoding)", line.encode("utf-8", "replace").decode()[:500])
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(number, f"invalid JSON: {exc.msg} at column {exc.colno}", line[:500])
            continue
        if not isinstance(value, dict):
            yield RowError(number, f"expected a JSON object, found {type(value).__name__}", line[:500])
            continue
        yield RawRow(number, value)


def _json_rows(path: Path, text: str, records: str | None) -> Iterator[RawRow | RowError]:
    if _has_bad_bytes(text):
        # Undecodable bytes inside one JSON document cannot be confined to a row: locate them.
        line = text[: _BAD_BYTES.search(text).start()].count("\n") + 1
        raise FileError(f"{path}: invalid UTF-8 bytes at line {line} (broken encoding)")
    decoder = json.JSONDecoder()
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    items = document
    if records:
        for part in records.split("."):
            if not isinstance(items, dict) or part not in items:
                raise FileError(f"{path}: no {records!r} in the JSON document (set `records` in the mapping to the list of records)")
            items = items[part]
    lists: list[str] = []
    if not records and isinstance(document, dict):
        lists = [k for k, v in document.items() if isinstance(v, list)]
        if len(lists) != 1:
            raise FileError(f"{path}: expected a JSON array of records, or an object with one list; set `records` in a mapping file")
        items = document[lists[0]]
    if not isinstance(items, list):
        raise FileError(f"{path}: the records are not a JSON array")
    # Line numbers: walk the array with raw_decode from where it starts in the text.
    if items is document:
        start = text.index("[")
    else:
        found = re.search(r'"%s"\s*:\s*\[' % re.escape((records or lists[0]).split(".")[-1]), text)
        start = found.end() - 1 if found else -1
    try:
        lines = _array_element_lines(text, decoder, start) if start >= 0 else None
    except (ValueError, json.JSONDecodeError):
        lines = None  # fall back to record numbers
    for n, value in enumerate(items):
        line = lines[n] if lines and n < len(lines) else n + 1
        if not isinstance(value, dict):
            yield RowError(line, f"expected a JSON object, found {type(value).__name__}", json.dumps(value)[:500])
            continue
        yield RawRow(line, value)


def _array_element_lines(text: str, decoder: json.JSONDecoder, start: int) -> list[int]:
    pos = start + 1
    lines = []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return lines
        lines.append(text.count("\n", 0, pos) + 1)
        _, pos = decoder.raw_decode(text, pos)


_ID_COMMENT = re.compile(r"<!--\s*id\s*:\s*(.+?)\s*-->", re.I)
_ALSO = re.compile(r"^\s*(?:\*\*)?also asked(?:\*\*)?\s*:\s*(.+)$", re.I)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "entry"


def markdown_faq_rows(text: str) -> Iterator[RawRow | RowError]:
    """FAQ in Markdown: `## Category`, then per entry a `### Question` heading, an optional
    `<!-- id: slug -->`, an optional `Also asked: a | b` line, and the answer paragraphs."""
    category = None
    current: dict[str, Any] | None = None

    def finish(entry: dict[str, Any] | None):
        if entry is None:
            return None
        answer = "\n".join(entry.pop("_lines")).strip()
        entry["answer"] = answer
        entry.setdefault("id", slug(entry["question"]))
        return RawRow(entry.pop("_line"), entry)

    for number, line in enumerate(text.splitlines(), start=1):
        if _has_bad_bytes(line):
            yield RowError(number, "invalid UTF-8 bytes in line (broken encoding)")
            continue
        stripped = line.strip()
        if stripped.startswith("### "):
            row = finish(current)
            if row:
                yield row
            current = {"question": stripped[4:].strip(), "category": category, "alternatives": [], "_lines": [], "_line": number}
        elif stripped.startswith("## ") or stripped.startswith("# "):
            row = finish(current)
            if row:
                yield row
            current = None
            if stripped.startswith("## "):
                category = stripped[3:].strip()
        elif current is not None:
            id_match = _ID_COMMENT.search(stripped)
            also = _ALSO.match(stripped)
            if id_match and not current["_lines"]:
                current["id"] = id_match.group(1)
            elif also and not current["_lines"]:
                current["alternatives"] = [a.strip() for a in also.group(1).split("|") if a.strip()]
            else:
                current["_lines"].append(line)
    row = finish(current)
    if row:
        yield row
