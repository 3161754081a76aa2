"""Readers turn a shop's files into raw rows, each with the line it came from and its original text.

A row that cannot be read (broken encoding, wrong column count, invalid JSON line, a broken quote)
becomes a `RowError` and reading goes on: one bad row never costs the valid ones. Every row keeps
the original text of its physical lines (`raw`), so a rejected row can be fixed and reloaded from
the rejects file; a `RowError` also carries what could still be read of it (`fields`, e.g. its id
column), so that `--sync` never removes an item whose row was merely unreadable.

CSV needs care, because one unclosed quote makes Python's csv reader read on to the next quote,
swallowing the valid rows in between into one field. A record that spans several physical lines is
therefore accepted only when it also parses in strict mode with the header's column count (every
legitimate multi-line description in the shared real catalogs does). Otherwise the reader decides
between two readings: if re-reading from its second physical line gives mostly well-formed rows,
the first line alone is rejected and reading resynchronises there (the rows it would have
swallowed load); if not, the whole multi-line record is rejected as one row. A file whose header
is a single column on the configured delimiter but splits cleanly on another one is a file-level
error naming that delimiter, rather than thousands of one-column rejects.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

csv.field_size_limit(16 * 1024 * 1024)


class FileError(ValueError):
    """The file as a whole cannot be read (missing, not the stated format, wrong delimiter)."""


@dataclass(frozen=True)
class RawRow:
    line: int
    fields: dict[str, Any]
    raw: str = ""  # the original text of the row's physical lines (without the final line break)


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str
    raw: str = ""
    fields: dict[str, Any] = field(default_factory=dict)  # what could still be read (e.g. the id column)


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


def printable(text: str) -> str:
    """Text safe to write as UTF-8: undecodable bytes (kept by surrogateescape) become `\\xNN`."""
    if not _BAD_BYTES.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_rows(path: Path, fmt: str, *, encoding: str = "utf-8", delimiter: str | None = None, records: str | None = None) -> Iterator[RawRow | RowError]:
    text = _decode(path, encoding)
    if fmt in ("csv", "tsv"):
        yield from _csv_rows(path, text, delimiter or ("\t" if fmt == "tsv" else ","))
    elif fmt == "jsonl":
        yield from _jsonl_rows(text)
    elif fmt == "json":
        yield from _json_rows(path, text, records)
    elif fmt == "markdown":
        yield from markdown_faq_rows(text)
    else:
        raise FileError(f"{path}: unsupported format {fmt!r}")


# --- CSV ------------------------------------------------------------------------------------

# Physical lines as the csv module sees them (StringIO with newline=""): \r\n, \r or \n ends one.
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_SAMPLE_LINES = 200


class _Lines:
    """Physical lines handed to csv.reader one at a time, so the reader's position is known
    (`pos` = lines consumed) and can be moved back to resynchronise after a broken quote."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.pos = 0

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def _strip_break(text: str) -> str:
    return text[:-2] if text.endswith("\r\n") else text[:-1] if text.endswith(("\r", "\n")) else text


def _one_line_fields(line: str, delimiter: str, header: list[str]) -> dict[str, Any]:
    """What a single physical line says, read on its own (best effort, for a rejected row's id)."""
    try:
        values = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return {}
    return {h: v for h, v in zip(header, values) if h}


def _strict_record(span: list[str], delimiter: str) -> list[str] | None:
    """The span read in strict mode, if it is exactly one well-formed record."""
    try:
        records = list(csv.reader(span, delimiter=delimiter, strict=True))
    except csv.Error:
        return None
    return records[0] if len(records) == 1 else None


def _open_at_end(span: list[str], delimiter: str) -> bool:
    """Whether the span ends inside a quoted field (only non-strict reading let it through)."""
    try:
        list(csv.reader(span, delimiter=delimiter, strict=True))
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _check_delimiter(path: Path, lines: list[str], delimiter: str, header: list[str]) -> None:
    """A one-column header that splits cleanly on another delimiter means the file uses that one."""
    if len(header) > 1:
        return
    sample = lines[:_SAMPLE_LINES]
    for candidate, name in _DELIMITER_NAMES.items():
        if candidate == delimiter:
            continue
        try:
            records = [r for r in csv.reader(sample, delimiter=candidate) if any(v.strip() for v in r)]
        except csv.Error:
            continue
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        data = records[1:]
        if data and sum(len(r) == width for r in data) < 0.8 * len(data):
            continue
        ours = _DELIMITER_NAMES.get(delimiter, repr(delimiter))
        raise FileError(
            f"{path}: the file looks {name}-separated ({candidate!r}), not {ours}-separated: its header is one "
            f"column on {delimiter!r} but {width} columns on {candidate!r}; set delimiter = {json.dumps(candidate)} "
            f"in a mapping file (or export the file with {ours}s)"
        )


def _csv_rows(path: Path, text: str, delimiter: str) -> Iterator[RawRow | RowError]:
    lines = _PHYSICAL_LINE.findall(text)
    feed = _Lines(lines)
    reader = csv.reader(feed, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise FileError(f"{path}: the header row is not readable CSV: {exc}") from None
    header = [h.strip() for h in header]
    if _has_bad_bytes(header):
        raise FileError(f"{path}: the header row is not valid UTF-8; fix the file's encoding or set encoding in a mapping file")
    _check_delimiter(path, lines, delimiter, header)
    width = len(header)
    while feed.pos < len(lines):
        first = feed.pos
        record, error = _next_record(reader)
        if record is None and error is None:
            return
        last = feed.pos
        span = lines[first:last]
        number = first + 1  # physical line number, the header being line 1
        if last - first > 1 and (record is None or len(record) != width or _strict_record(span, delimiter) != record):
            # A broken quote, or a malformed multi-line row: see the module docstring.
            if _swallowed_rows(lines, first + 1, last, delimiter, width):
                yield RowError(number, "broken quote: this line opens a quoted field that is never closed "
                               "(reading resumed at the next line)", _strip_break(lines[first]),
                               _one_line_fields(lines[first], delimiter, header))
                feed.pos = first + 1
            else:
                found = f"{len(record)} columns" if record is not None else f"unreadable CSV ({error})"
                yield RowError(number, f"malformed row over lines {number}-{last}: expected {width} columns, found {found}",
                               _strip_break("".join(span)), _one_line_fields(lines[first], delimiter, header))
            reader = csv.reader(feed, delimiter=delimiter)
            continue
        raw = _strip_break("".join(span))
        if record is not None and last == len(lines) and '"' in raw and _open_at_end(span, delimiter):
            # The last line opens a quote that the end of the file closes: the row is cut short.
            yield RowError(number, "broken quote: this line opens a quoted field that is never closed", raw,
                           _one_line_fields(lines[first], delimiter, header))
            continue
        if record is None:
            yield RowError(number, f"unreadable CSV row: {error}", raw, _one_line_fields(lines[first], delimiter, header))
            reader = csv.reader(feed, delimiter=delimiter)
            continue
        if not record or all(not v.strip() for v in record):
            continue
        fields = dict(zip(header, record))
        if len(record) != width:
            yield RowError(number, f"expected {width} columns, found {len(record)}", raw, fields)
            continue
        if _has_bad_bytes(record):
            yield RowError(number, "invalid UTF-8 bytes in row (broken encoding)", raw, fields)
            continue
        yield RawRow(number, fields, raw)


def _next_record(reader) -> tuple[list[str] | None, str | None]:
    """(record, None), (None, error message), or (None, None) at the end."""
    try:
        return next(reader), None
    except StopIteration:
        return None, None
    except csv.Error as exc:
        return None, str(exc)


def _swallowed_rows(lines: list[str], start: int, stop: int, delimiter: str, width: int) -> bool:
    """Whether the lines start..stop, read afresh, are more often well-formed rows than not (the swallowed rows
    of a broken quote) rather than the inside of one malformed multi-line field."""
    feed = _Lines(lines)
    feed.pos = start
    reader = csv.reader(feed, delimiter=delimiter)
    good = bad = 0
    while feed.pos < stop:
        before = feed.pos
        record, error = _next_record(reader)
        if record is None and error is None:
            break
        if record is not None and not any(v.strip() for v in record):
            continue
        span = lines[before:feed.pos]
        ok = record is not None and len(record) == width and (len(span) == 1 or _strict_record(span, delimiter) == record)
        good, bad = (good + 1, bad) if ok else (good, bad + 1)
        if error is not None:
            reader = csv.reader(feed, delimiter=delimiter)
    return good > bad


# --- JSON -----------------------------------------------------------------------------------

_JSON_PAIR = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?)')


def _partial_json_fields(text: str) -> dict[str, Any]:
    """Key/value pairs still legible in a broken JSON line (best effort, for a rejected row's id)."""
    out: dict[str, Any] = {}
    for key, value in _JSON_PAIR.findall(text):
        try:
            out.setdefault(json.loads(f'"{key}"'), json.loads(value))
        except json.JSONDecodeError:
            continue
    return out


def _jsonl_rows(text: str) -> Iterator[RawRow | RowError]:
    # Only \n ends a JSON line: str.splitlines() would also split at U+2028 and other characters
    # that are valid, unescaped, inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        if _has_bad_bytes(line):
            yield RowError(number, "invalid UTF-8 bytes in line (broken encoding)", line, _partial_json_fields(line))
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(number, f"invalid JSON: {exc.msg} at column {exc.colno}", line, _partial_json_fields(line))
            continue
        if not isinstance(value, dict):
            yield RowError(number, f"expected a JSON object, found {type(value).__name__}", line)
            continue
        yield RawRow(number, value, line)


def _json_rows(path: Path, text: str, records: str | None) -> Iterator[RawRow | RowError]:
    if not text.strip():
        return  # an empty file: no rows (the caller reports it), not a JSON syntax error
    bad = _BAD_BYTES.search(text)
    if bad:
        # Undecodable bytes inside one JSON document cannot be confined to a row: locate them.
        line = text[: bad.start()].count("\n") + 1
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
    # Line numbers and original text: walk the array with raw_decode from where it starts.
    if items is document:
        start = text.index("[")
    else:
        found = re.search(r'"%s"\s*:\s*\[' % re.escape((records or lists[0]).split(".")[-1]), text)
        start = found.end() - 1 if found else -1
    try:
        spans = _array_element_spans(text, decoder, start) if start >= 0 else None
    except (ValueError, json.JSONDecodeError):
        spans = None  # fall back to record numbers
    if spans is not None and len(spans) != len(items):
        spans = None
    for n, value in enumerate(items):
        if spans:
            line, begin, end = spans[n]
            raw = text[begin:end]
        else:
            line, raw = n + 1, json.dumps(value, ensure_ascii=False)
        if not isinstance(value, dict):
            yield RowError(line, f"expected a JSON object, found {type(value).__name__}", raw)
            continue
        yield RawRow(line, value, raw)


def _array_element_spans(text: str, decoder: json.JSONDecoder, start: int) -> list[tuple[int, int, int]]:
    """(line, start, end) of each element of the JSON array that opens at `start`."""
    pos = start + 1
    spans: list[tuple[int, int, int]] = []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return spans
        begin = pos
        _, pos = decoder.raw_decode(text, pos)
        spans.append((text.count("\n", 0, begin) + 1, begin, pos))


# --- Markdown FAQ ---------------------------------------------------------------------------

_ID_COMMENT = re.compile(r"<!--\s*id\s*:\s*(.+?)\s*-->", re.I)
_ALSO = re.compile(r"^\s*(?:\*\*)?also asked(?:\*\*)?\s*:\s*(.+)$", re.I)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "entry"


def markdown_faq_rows(text: str) -> Iterator[RawRow | RowError]:
    """FAQ in Markdown: `## Category`, then per entry a `### Question` heading, an optional
    `<!-- id: slug -->`, an optional `Also asked: a | b` line, and the answer paragraphs.
    An entry holding undecodable bytes is rejected whole (not loaded with a line missing)."""
    lines = text.splitlines()
    category = None
    current: dict[str, Any] | None = None

    def finish(entry: dict[str, Any] | None, end: int):
        if entry is None:
            return None
        start = entry.pop("_line")
        raw = "\n".join(lines[start - 1 : end - 1]).rstrip()
        bad_line = entry.pop("_bad")
        answer = "\n".join(entry.pop("_lines")).strip()
        entry["answer"] = answer
        if bad_line:
            return RowError(start, f"invalid UTF-8 bytes at line {bad_line} (broken encoding)", raw,
                            {"id": entry["id"]} if "id" in entry else {})
        entry.setdefault("id", slug(entry["question"]))
        return RawRow(start, entry, raw)

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("### "):
            row = finish(current, number)
            if row:
                yield row
            current = {"question": stripped[4:].strip(), "category": category, "alternatives": [], "_lines": [],
                       "_line": number, "_bad": number if _has_bad_bytes(line) else 0}
        elif stripped.startswith("## ") or stripped.startswith("# "):
            row = finish(current, number)
            if row:
                yield row
            current = None
            if _has_bad_bytes(line):
                yield RowError(number, "invalid UTF-8 bytes in line (broken encoding)", line)
                category = None
            elif stripped.startswith("## "):
                category = stripped[3:].strip()
        elif current is not None:
            if _has_bad_bytes(line) and not current["_bad"]:
                current["_bad"] = number
            id_match = _ID_COMMENT.search(stripped)
            also = _ALSO.match(stripped)
            if id_match and not current["_lines"]:
                current["id"] = id_match.group(1)
            elif also and not current["_lines"]:
                current["alternatives"] = [a.strip() for a in also.group(1).split("|") if a.strip()]
            else:
                current["_lines"].append(line)
        elif _has_bad_bytes(line):
            yield RowError(number, "invalid UTF-8 bytes in line (broken encoding)", line)
    row = finish(current, len(lines) + 1)
    if row:
        yield row
