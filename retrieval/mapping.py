"""Mapping files (TOML) describe how a foreign file's columns become our schema, so a shop can
load its own export without code changes.

    kind = "product"            # or "faq"
    format = "csv"              # optional; from the file extension otherwise
    records = "questions"       # JSON only: dotted path to the list of records
    group_by = "intent"         # FAQ only: rows sharing this value become one entry

    [fields]
    id = "uniq_id"                                       # a column name
    price = { from = ["discounted_price", "retail_price"], transform = "price" }
    category = { from = "product_category_tree", transform = "category_tree", separator = ">>" }
    image_url = { from = "image", transform = "first" }

    [defaults]
    currency = "INR"

`from` lists columns to try in order (the first non-empty wins). Transforms: price, number, int,
bool, category (split a path), category_tree (a list literal holding a path), list (split),
first (first of a list literal or split string), first_word (e.g. a brand from a title), spec (a value from a key/value spec list), hash
(a stable id from the text). `extra` takes a list of columns copied as text attributes.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class MappingError(ValueError):
    """The mapping file itself is wrong."""


class TransformError(ValueError):
    """One value could not be converted; the row is rejected with this message."""


Transform = Literal[
    "price", "number", "int", "bool", "category", "category_tree", "list", "first", "first_word", "spec", "hash", "text"
]


class FieldRule(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    sources: list[str] = Field(alias="from")
    transform: Transform = "text"
    separator: str | None = None
    key: str | None = Field(default=None, description="For `spec`: which attribute to take.")
    split_words: bool = Field(default=False, description="For `category`: \"USBCables\" -> \"USB Cables\", "
                              "\"Computers&Accessories\" -> \"Computers & Accessories\" (names glued together in the export).")

    @field_validator("sources", mode="before")
    @classmethod
    def _as_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Mapping(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["product", "faq"]
    format: Literal["csv", "tsv", "json", "jsonl", "markdown"] | None = None
    encoding: str = "utf-8"
    delimiter: str | None = None
    records: str | None = None
    group_by: str | None = None
    fields: dict[str, FieldRule] = Field(default_factory=dict)
    extra: list[str] = Field(default_factory=list)
    defaults: dict[str, Any] = Field(default_factory=dict)

    @field_validator("fields", mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: {"from": v} if isinstance(v, (str, list)) else v for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _check_targets(self) -> "Mapping":
        from .schemas import FaqEntry, Product

        model = Product if self.kind == "product" else FaqEntry
        unknown = set(self.fields) - set(model.model_fields)
        if unknown:
            raise ValueError(f"unknown {self.kind} fields {sorted(unknown)}; known: {sorted(model.model_fields)}")
        if self.group_by and self.kind != "faq":
            raise ValueError("group_by only applies to kind = 'faq'")
        return self

    @classmethod
    def load(cls, path: Path) -> "Mapping":
        try:
            data = tomllib.loads(Path(path).read_text("utf-8"))
        except FileNotFoundError:
            raise MappingError(f"{path}: no such mapping file") from None
        except tomllib.TOMLDecodeError as exc:
            raise MappingError(f"{path}: invalid TOML: {exc}") from None
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise MappingError(f"{path}: {where}: {first['msg']}") from None

    @classmethod
    def identity(cls, kind: str) -> "Mapping":
        """No mapping file: the file already uses our field names (lists split on | in CSV)."""
        return cls(kind=kind)

    def apply(self, row: dict[str, Any]) -> dict[str, Any]:
        """Map one raw row to schema fields (still to be validated by the schema)."""
        out: dict[str, Any] = dict(self.defaults)
        if not self.fields:
            out.update({k: _auto(k, v, self.kind) for k, v in row.items() if v not in (None, "")})
        for target, rule in self.fields.items():
            value = next((row[s] for s in rule.sources if s in row and row[s] not in (None, "", [])), None)
            if value is None:
                continue
            converted = convert(value, rule, target, self.kind)
            if converted is not None:
                out[target] = converted
        if self.extra:
            extra = dict(out.get("extra") or {})
            for column in self.extra:
                if row.get(column) not in (None, ""):
                    extra[column] = row[column] if isinstance(row[column], str) else json.dumps(row[column], ensure_ascii=False)
            out["extra"] = extra
        return out


_LIST_FIELDS = {"product": {"category", "sizes"}, "faq": {"alternatives"}}


def _auto(field: str, value: Any, kind: str) -> Any:
    if field in _LIST_FIELDS[kind] and isinstance(value, str):
        sep = ">" if field == "category" and ">" in value else "|"
        return [p.strip() for p in value.split(sep) if p.strip()]
    if field == "in_stock" and isinstance(value, str):
        return parse_bool(value)
    if field == "price" and isinstance(value, str):
        return parse_price(value)
    return value


# A price is one number, perhaps with a currency symbol or code around it ("Rs. 1,099", "₹1,099",
# "$ 12.5", "12,50 €", "Rs. 500/-"). Anything that could be read two ways is rejected with the
# reason rather than guessed: scientific notation ("1e308" is not 1308), non-finite values, two
# numbers ("10-20", "2 for 99"), and separators that do not fit a thousands grouping.
_NON_FINITE = re.compile(r"(?<![a-z])(?:inf(?:inity)?|nan)(?![a-z])", re.I)
_SCIENTIFIC = re.compile(r"\d\s*[eE]\s*[+-]?\d")
_NUMBER_RUN = re.compile(r"[.,]?\d(?:[\d.,' \u00a0\u202f]*\d)?")
_TRAILING_DASH = re.compile(r"(?:/-|(?<=\d)[.,]-)\s*$")  # "Rs. 500/-", "12,-": no minor units
_SCALED = re.compile(r"^\s*(?:k|m|mn|bn|lakh|lac|cr|crore)\b", re.I)


def parse_price(value: Any) -> float | None:
    """'₹1,099' → 1099.0, 'Rs. 1,099' → 1099.0, '1,099.00' → 1099.0, '$ 12.5' → 12.5,
    '1.099,50' → 1099.5, '12,5' → 12.5; '1e308', 'inf', '1.099', '10-20' are errors."""
    if isinstance(value, bool):
        raise TransformError(f"unparsable price {value!r}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise TransformError(f"unparsable price {value!r}: not a finite number")
        return float(value)
    text = str(value).strip()

    def error(why: str | None = None) -> TransformError:
        return TransformError(f"unparsable price {text!r}" + (f": {why}" if why else ""))

    if _NON_FINITE.search(text):
        raise error("not a finite number")
    if _SCIENTIFIC.search(text):
        raise error("scientific notation; write the plain amount")
    body = _TRAILING_DASH.sub("", text)
    runs = list(_NUMBER_RUN.finditer(body))
    if not runs:
        raise error()
    if len(runs) > 1:
        raise error("more than one number")
    if "-" in body or "\u2212" in body:
        raise error("negative, or a range")
    run = runs[0]
    number = run.group(0)
    if number[0] in ".," and run.start() > 0 and body[run.start() - 1].isalpha():
        number = number[1:]  # the dot of "Rs.99" ends an abbreviation, it is no decimal point
    if _SCALED.match(body[run.end():]):
        raise error("a scaled amount (k, lakh, ...); write the plain amount")
    try:
        amount = _price_amount(number)
    except ValueError as exc:
        raise error(str(exc)) from None
    if not math.isfinite(amount):
        raise error("too large")
    return amount


def _price_amount(number: str) -> float:
    """The value of one run of digits and separators; ValueError(reason) when it is ambiguous."""
    text = number.replace("\u00a0", " ").replace("\u202f", " ")
    marks = [c for c in text if c in ".,"]
    decimal = None
    if marks and marks.count(marks[-1]) == 1:
        mark = marks[-1]
        head, _, tail = text.rpartition(mark)
        if len(set(marks)) == 2:
            decimal = mark  # 1,099.00 or 1.099,50: the last mark is the decimal one
        elif mark == ",":
            if len(tail) <= 2:
                decimal = mark  # 12,5 or 12,50: a decimal comma
            elif len(tail) > 3 or head.strip(" '") in ("", "0"):
                raise ValueError(f"ambiguous separator in {number!r}")
            # else 1,099: a thousands comma
        elif len(tail) != 3 or head in ("", "0") or any(c in head for c in " '"):
            decimal = mark  # 12.5, 349.00, 0.125, 1 099.000
        else:
            raise ValueError(f"ambiguous separator: '.' before three digits is a thousands separator "
                             f"({head}{tail}) or a decimal point ({head}.{tail}); write {head}{tail} or {head}.{tail}0")
    integer, _, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    if not fraction.isdigit() and fraction:
        raise ValueError(f"ambiguous separators in {number!r}")
    separators = {c for c in integer if not c.isdigit()}
    if len(separators) > 1:
        raise ValueError(f"mixed thousands separators in {number!r}")
    if separators:
        groups = integer.split(separators.pop())
        western = 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        indian = 1 <= len(groups[0]) <= 2 and all(len(g) == 2 for g in groups[1:-1]) and len(groups[-1]) == 3
        if not (western or indian) or groups[0].startswith("0"):
            raise ValueError(f"ambiguous separators in {number!r}")
        integer = "".join(groups)
    return float(f"{integer or '0'}.{fraction or '0'}")


_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:[eE][+-]?\d+)?")
_INT_LIMIT = 2**63  # Chroma keeps integer metadata as signed 64-bit


def parse_number(value: Any) -> float | None:
    """The first number in the text ('4.2', '24,269', '1.5e3'); None when there is none ('No
    rating available' means unknown). Non-finite values (inf, nan, overflow) are errors."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise TransformError(f"not a finite number: {value!r}")
        return float(value)
    text = str(value)
    if _NON_FINITE.search(text):
        raise TransformError(f"not a finite number: {text.strip()!r}")
    match = _NUMBER.search(text)
    if not match:
        return None  # "No rating available" and the like mean unknown, not an error
    number = float(match.group(0).replace(",", ""))
    if not math.isfinite(number):
        raise TransformError(f"number out of range: {text.strip()!r}")
    return number


def parse_int(value: Any) -> int | None:
    number = parse_number(value)
    if number is None:
        return None
    if abs(number) >= _INT_LIMIT:
        raise TransformError(f"integer out of range: {str(value).strip()!r}")
    return int(number)


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "y", "1", "in stock", "available", "t"):
        return True
    if text in ("false", "no", "n", "0", "out of stock", "unavailable", "f", "sold out"):
        return False
    raise TransformError(f"not a yes/no value: {value!r}")


def parse_list_literal(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    text = str(value).strip()
    if not (text.startswith("[") and text.endswith("]")):
        return None
    for parser in (json.loads, ast.literal_eval):
        try:
            parsed = parser(text)
        except (ValueError, SyntaxError):
            continue
        if isinstance(parsed, list):
            return parsed
    return None


def _split(text: str, separator: str | None) -> list[str]:
    if separator:
        parts = text.split(separator)
    else:
        parts = re.split(r"\s*(?:>>|>|\|)\s*", text)
    return [p.strip() for p in parts if p.strip()]


_SPEC_PAIR = re.compile(r'"key"\s*=>\s*"([^"]*)"\s*,\s*"value"\s*=>\s*"([^"]*)"')


def split_glued_words(name: str) -> str:
    """"USBCables" -> "USB Cables", "SmartWatches" -> "Smart Watches", "Kettle&ToasterSets" ->
    "Kettle & Toaster Sets": category names an export glued together."""
    name = re.sub(r"\s*&\s*", " & ", name)
    name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    name = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    return " ".join(name.split())


def convert(value: Any, rule: FieldRule, target: str, kind: str = "product") -> Any:
    t = rule.transform
    if t == "text":
        if target in _LIST_FIELDS[kind]:
            return _auto(target, value, kind)
        return value if isinstance(value, (list, dict, bool, int, float)) else str(value)
    if t == "price":
        return parse_price(value)
    if t == "number":
        return parse_number(value)
    if t == "int":
        return parse_int(value)
    if t == "bool":
        return parse_bool(value)
    if t == "category":
        parts = _split(str(value), rule.separator) if not isinstance(value, list) else [str(v) for v in value]
        return [split_glued_words(p) for p in parts] if rule.split_words else parts
    if t == "category_tree":
        items = parse_list_literal(value)
        if items is None:
            return _split(str(value), rule.separator)
        if not items:
            return []
        if all(isinstance(i, str) for i in items) and len(items) > 1 and not any((rule.separator or ">") in i for i in items):
            return [i.strip() for i in items]  # already one level per element
        return _split(str(items[0]), rule.separator)
    if t == "list":
        items = parse_list_literal(value)
        return [str(i).strip() for i in items] if items is not None else _split(str(value), rule.separator or ",")
    if t == "first":
        items = parse_list_literal(value)
        if items is None:
            items = _split(str(value), rule.separator or ",") if rule.separator else [str(value).strip()]
        return str(items[0]).strip() if items else None
    if t == "first_word":
        words = str(value).split()
        return words[0].strip(",.;:()[]") or None if words else None
    if t == "spec":
        if not rule.key:
            raise TransformError("spec transform needs `key`")
        pairs = _SPEC_PAIR.findall(str(value)) if not isinstance(value, dict) else list(value.items())
        for k, v in pairs:
            if k.strip().lower() == rule.key.lower():
                return v.strip() or None
        return None
    if t == "hash":
        return hashlib.sha1(str(value).strip().lower().encode("utf-8")).hexdigest()[:16]
    raise TransformError(f"unknown transform {t}")
