"""The catalog's own vocabulary: which brands, colours, sizes, categories, product types and
materials it has, and where a text names them.

Understanding a shopper starts from what the shop sells: "Decibelle" is a brand because a
product says so, "shorts" a type because titles are headed by it. `Facets.mentions` finds every
such name in a message at once, longest first, so that one phrase is one mention ("light blue"
is a colour, not the type "light" and a colour; "running shoes" a type, not "shoes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Literal

from .attributes import _COLOR_CANON, _MATERIAL_CANON, AUDIENCE_WORDS, COLORS, MATERIALS, type_key
from .documents import key

FacetName = Literal["type", "category", "brand", "color", "material", "audience", "size"]
# When two vocabularies name the same phrase, the more specific reading wins.
# The shop's own category column outranks a type read from titles for the same words.
# Audience words are about who, even where a catalog has a category "Men".
_PRIORITY: dict[str, int] = {"brand": 0, "audience": 1, "category": 2, "type": 3, "color": 4, "material": 5, "size": 6}
# Plural nouns whose singular means something else ("short sleeve", "jean jacket").
_PLURALIA_TANTUM = frozenset(
    "shorts jeans trousers pants leggings tights glasses sunglasses scissors pliers tongs binoculars pajamas "
    "pyjamas briefs boxers overalls goggles".split()
)
_AUDIENCE_TERMS = {w: a for w, a in AUDIENCE_WORDS.items() if not w.endswith("'")} | {
    "dad": "men", "father": "men", "husband": "men", "son": "boys", "brother": "men", "grandpa": "men",
    "mom": "women", "mum": "women", "mother": "women", "wife": "women", "daughter": "girls", "sister": "women",
    "grandma": "women", "toddler": "kids", "kiddos": "kids", "teen": "kids",
}


# Colours shoppers pluralise ("no blacks", "the browns and tans"); not "oranges", "olives", "creams",
# "chocolates", which are things a shop sells.
_PLURAL_COLORS = frozenset("black white red blue green yellow purple pink brown grey gray maroon beige tan teal khaki "
                           "neutral pastel".split())


def _is_audience_phrase(phrase: str) -> bool:
    words = [w for w in re.findall(r"[a-z']+", phrase.lower()) if w not in ("for", "the", "and", "&")]
    return bool(words) and all(w in _AUDIENCE_TERMS or w.rstrip("'s") in _AUDIENCE_TERMS for w in words)


@dataclass(frozen=True)
class Mention:
    facet: FacetName
    value: str  # the catalog's display value (a type's display name, an audience's canonical name)
    start: int  # character span in the message
    end: int
    words: str  # the message's own words


def _fold(text: str) -> str:
    """Lower case with every character but letters, digits, & and ' turned into a space, char
    for char, so positions stay valid."""
    return re.sub(r"[^a-z0-9&']", " ", text.lower())


def _variants(term: str, plural: bool = True) -> set[str]:
    words = " ".join(re.sub(r"[^a-z0-9&' ]+", " ", term.lower()).split()).split()
    if not words:
        return set()
    last = words[-1]
    forms = {last}
    if plural and last not in _PLURALIA_TANTUM:
        if last.endswith("ies"):
            forms.add(last[:-3] + "y")
        elif last.endswith(("ches", "shes", "sses", "xes")):
            forms.add(last[:-2])
        elif last.endswith("s") and not last.endswith("ss"):
            forms.add(last[:-1])
        if last.endswith("y") and not last.endswith(("ay", "ey", "oy", "uy")):
            forms.add(last[:-1] + "ies")
        elif last.endswith(("ch", "sh", "ss", "x")):
            forms.add(last + "es")
        elif not last.endswith("s"):
            forms.add(last + "s")
    return {" ".join(words[:-1] + [f]) for f in forms}


def _spellings(variants: set[str]) -> set[str]:
    """A name of several words also written as one ("t shirt" as "tshirt", "power bank" as
    "powerbank"), and a one-word name split where shoppers split it ("smartwatch" as "smart
    watch", "earphones" as "ear phones")."""
    out = set(variants)
    for v in variants:
        words = v.split()
        if len(words) == 2:
            out.add("".join(words))
        elif len(words) == 1:
            for head in _SPLIT_HEADS:
                if v.startswith(head) and len(v) - len(head) >= 3:
                    out.add(f"{head} {v[len(head):]}")
    return out


# Word starts that shoppers write apart from the rest of a compound ("smart watch", "head phones").
_SPLIT_HEADS = ("smart", "ear", "head", "power", "hair", "tooth", "back", "sun", "note", "key", "lap", "wrist", "foot",
                "sweat", "sauce", "tea", "coffee", "book", "wash", "table", "water", "air", "dish")


def find_terms(text: str, vocabulary: dict[str, str]) -> list[tuple[str, int]]:
    """Vocabulary keys present in text as whole words (plurals folded), with their position;
    longer names win over names they contain ("running shoes" over "shoes")."""
    lowered = " " + _fold(text) + " "
    found: list[tuple[str, int, int]] = []
    for term in sorted(vocabulary, key=len, reverse=True):
        if len(term) < 2:
            continue
        for variant in _variants(term):
            pos = lowered.find(f" {variant} ")
            if pos >= 0 and not any(s <= pos < e for _, s, e in found):
                found.append((term, pos, pos + len(variant) + 1))
                break
    return [(term, pos) for term, pos, _ in found]


def _loose(term: str) -> str:
    return term.replace("-", " ")


def _loosely(vocabulary: dict[str, str]) -> dict[str, str]:
    """A vocabulary keyed without hyphens, so that a built-in "off white" finds the catalog's "Off-White"."""
    return {_loose(k): v for k, v in vocabulary.items()}


@dataclass
class Facets:
    """The catalog's vocabulary as lower-case keys mapped to display values. `types` maps every
    phrasing of a type (its display name, its head word, their plurals) to the type's display
    name; filters compare `type_key(display)`."""

    brands: dict[str, str] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    materials: dict[str, str] = field(default_factory=dict)
    type_counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_products(cls, products: Iterable) -> "Facets":
        facets = cls()
        for p in products:
            if p.brand:
                facets.brands.setdefault(key(p.brand), p.brand)
            if p.color:
                facets.colors.setdefault(key(p.color), p.color)
            for s in p.sizes:
                facets.sizes.setdefault(key(s), s)
            for c in p.category:
                facets.categories.setdefault(key(c), c)
            for m in getattr(p, "materials", None) or []:
                facets.materials.setdefault(key(m), m)
            kind = getattr(p, "product_type", None)
            if kind:
                facets.add_type(kind)
        return facets

    def add_type(self, display: str) -> None:
        k = type_key(display)
        self.type_counts[k] = self.type_counts.get(k, 0) + 1
        for phrase in (display, display.split()[-1]):
            self.types.setdefault(key(phrase), display)

    def type_display(self, value: str) -> str:
        """A type's display name for any phrasing of it ("tees" → "T-Shirt")."""
        return self.types.get(key(value), value)

    # --- finding names in a message ------------------------------------------------------

    def _vocabularies(self) -> list[tuple[FacetName, dict[str, str], bool]]:
        colors, materials = _loosely(self.colors), _loosely(self.materials)
        return [
            # Colour words the catalog lacks are still colours: "in turquoise" is reported, not searched as a word.
            # A spelling the catalog does not use names its own value ("gray" the catalog's Grey, "aluminum" its
            # aluminium, "off white" its Off-White).
            ("brand", self.brands, False), ("type", self.types, True),
            ("color", {c: colors.get(_loose(_COLOR_CANON.get(c, c)), _COLOR_CANON.get(c, c).title()) for c in COLORS} | self.colors, False),
            ("material", {m: materials.get(_loose(_MATERIAL_CANON.get(m, m)), _MATERIAL_CANON.get(m, m)) for m in MATERIALS}
             | self.materials, False),
            # A category that only names an audience ("For Girls", "Men") is read as the audience.
            ("category", {k: v for k, v in self.categories.items() if not _is_audience_phrase(k)}, True),
            ("audience", _AUDIENCE_TERMS, False), ("size", self.sizes, False),
        ]

    def mentions(self, text: str) -> list[Mention]:
        """Every facet value named in `text`, in order, one mention per phrase: the longest
        phrase wins, and between equally long readings the more specific facet."""
        lowered = " " + _fold(text) + " "
        candidates: list[tuple[int, int, int, FacetName, str]] = []
        for facet, vocabulary, plural in self._vocabularies():
            for term, display in vocabulary.items():
                if facet == "size" and len(term) < 2 and not term.isdigit():
                    continue  # "s", "m", "l" are sizes only when the message says "size"
                if len(term) < 2:
                    continue
                variants = _variants(term, plural) | {term}
                if facet == "color" and term in _PLURAL_COLORS:
                    variants.add(term + "s")
                for variant in _spellings(variants):
                    if not variant:
                        continue
                    # another spelling ("smart watch") yields to a name the catalog writes that way
                    priority = _PRIORITY[facet] + (0 if variant in variants else len(_PRIORITY))
                    for probe in (f" {variant} ", f" {variant}'s "):  # "boAt's a no": the possessive names it too
                        start = lowered.find(probe)
                        while start >= 0:
                            candidates.append((start, start + len(variant) + 1, priority, facet, display))
                            start = lowered.find(probe, start + 1)
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
        taken: list[tuple[int, int]] = []
        found: list[Mention] = []
        for start, end, _, facet, display in candidates:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            # positions in `lowered` are one past the message's (the leading space)
            found.append(Mention(facet, display, start, end - 1, text[start:end - 1]))
        return sorted(found, key=lambda m: m.start)

    def canonical(self, facet: FacetName, value: str) -> str | None:
        """The catalog's display value for a facet value named any way, or None if it has none."""
        k = key(value)
        if facet == "material":
            k = _MATERIAL_CANON.get(k, k)
        if facet == "color" and k not in self.colors:
            k = _COLOR_CANON.get(k, k)
        if facet == "audience":
            return _AUDIENCE_TERMS.get(k) or (k if k in set(_AUDIENCE_TERMS.values()) else None)
        if facet == "material":
            return self.materials.get(k) or (k if k in MATERIALS else None)
        if facet == "type":
            return self.types.get(k) or next((d for t, d in self.types.items() if k in _variants(t)), None)
        vocabulary = {"brand": self.brands, "color": self.colors, "size": self.sizes, "category": self.categories}[facet]
        if k in vocabulary:
            return vocabulary[k]
        if facet == "category":
            return next((d for t, d in vocabulary.items() if k in _variants(t)), None)
        return None
