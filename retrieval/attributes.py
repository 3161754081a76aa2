"""Attributes a catalog does not state in columns, read from its titles at ingest.

Real catalogs rarely name what an item *is* in a column: Flipkart's fashion export has an
audience in its category tree but no product type, Amazon.in's last category level is
"USBCables", Home Depot has titles only. Without a type, "shorts for girls" can only be a text
search, and results drift to t-shirts. So each product gets:

- `product_type`: the head noun of its title (the last noun before the first "with", "for",
  "-", "(", "," ...), kept only when that noun heads enough titles of the catalog to be a type
  rather than an accident of one title;
- `audience`: men, women, boys, girls, kids, baby, unisex, from audience words in the title and
  the category path;
- `materials`: material words in the title (cotton, leather, stainless steel...);
- `color`, when the catalog has no colour column: a colour word of the title.

A value mined from text needs evidence before it becomes a hard filter. The same holds for a
brand a mapping guessed from a title's first word (`first_word`): a first word that the rest of
the catalog uses as an ordinary descriptor ("USB Charger, Oraimo ..." while 280 other titles say
"USB cable") is not a brand, and keeping it would turn "usb c charging cable" into a search for
the brand USB. Values a file states in columns are never changed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import AbstractSet, Iterable

from .schemas import Product

AUDIENCE_WORDS: dict[str, str] = {
    "men": "men", "men's": "men", "mens": "men", "man": "men", "man's": "men", "male": "men", "gents": "men",
    "gentlemen": "men", "boyfriend": "men",
    "women": "women", "women's": "women", "womens": "women", "woman": "women", "woman's": "women", "ladies": "women",
    "lady": "women", "female": "women", "girlfriend": "women",
    "boys": "boys", "boy's": "boys", "boy": "boys", "boys'": "boys",
    "girls": "girls", "girl's": "girls", "girl": "girls", "girls'": "girls",
    "kids": "kids", "kid's": "kids", "kid": "kids", "kids'": "kids", "children": "kids", "children's": "kids",
    "child": "kids", "toddler": "kids", "toddlers": "kids", "junior": "kids", "juniors": "kids",
    "baby": "baby", "babies": "baby", "baby's": "baby", "infant": "baby", "infants": "baby", "newborn": "baby",
    "unisex": "unisex",
}
AUDIENCES = ("men", "women", "boys", "girls", "kids", "baby", "unisex")

# Multi-word materials first: "stainless steel" must win over "steel".
MATERIALS = (
    "stainless steel", "cast iron", "faux leather", "genuine leather", "pu leather", "solid wood", "tempered glass",
    "cotton", "leather", "polyester", "wool", "woollen", "woolen", "silk", "denim", "linen", "nylon", "rayon",
    "viscose", "spandex", "lycra", "fleece", "velvet", "satin", "chiffon", "georgette", "crepe", "suede", "canvas",
    "rubber", "plastic", "steel", "aluminium", "aluminum", "wood", "wooden", "bamboo", "glass", "ceramic",
    "porcelain", "copper", "brass", "silicone", "marble", "granite", "acrylic", "vinyl", "jute", "khadi",
)
_MATERIAL_CANON = {"woollen": "wool", "woolen": "wool", "wooden": "wood", "aluminum": "aluminium",
                   "genuine leather": "leather", "pu leather": "faux leather"}

COLORS = (
    "black", "white", "red", "blue", "green", "yellow", "orange", "purple", "pink", "brown", "grey", "gray",
    "navy", "navy blue", "sky blue", "royal blue", "dark blue", "light blue", "maroon", "beige", "olive", "teal",
    "turquoise", "magenta", "lavender", "peach", "gold", "golden", "silver", "khaki", "charcoal", "cream", "ivory",
    "mustard", "violet", "indigo", "burgundy", "multicolor", "multicolour", "off white", "rose gold", "aqua",
    "fuchsia", "chrome", "bronze", "nickel",
)
_COLOR_CANON = {"gray": "grey", "golden": "gold", "multicolour": "multicolor"}

# Words that end a title's head phrase: what follows describes, it does not name the item.
_BOUNDARY = re.compile(
    r"\s+(?:-|–|—|\||/)\s+|[(\[,;:|]|\s+(?:with|for|compatible|featuring|includes|including|by|from|w/|in)\s+",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
_NOT_TYPES = frozenset(
    "set pack piece pieces pcs pc combo kit pair pairs of the a an and new edition series model version size "
    "inch inches cm mm ml ltr litre liter kg gm gram grams g mtr meter metre ft feet oz lb lbs watt w v volt "
    "black white red blue green yellow orange purple pink brown grey gray navy maroon beige gold silver "
    "multicolor assorted free large small medium big mini xl xxl xs plus pro max ultra smart premium classic "
    "original digital analog regular slim fit casual formal solid printed plain design designer self color colour "
    "full half sleeve sleeveless long short new latest best organic natural fresh pure instant "
    "watts watt volts mah gb tb mb mbps hz ghz mp type-c usb ply wired wireless led hd electric automatic "
    "portable heavy duty".split()
) | frozenset(AUDIENCE_WORDS) | frozenset(phrase for phrase in MATERIALS + COLORS if " " not in phrase and phrase != "iron")


def _key(word: str) -> str:
    word = word.lower().strip("'-")
    return word


def _singular(word: str) -> str:
    """A light plural fold for grouping type nouns ("cables" / "cable"). Plurale tantum stay
    together because both forms fold to the same key ("shorts" -> "short")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def type_key(product_type: str) -> str:
    """What filters compare: the head word of a type, lower case and singular ("Cycling
    Shorts" and "shorts" both give "short"), so that every phrasing of a type meets."""
    words = product_type.lower().split()
    return _singular(words[-1].strip("'-")) if words else ""


def compatible_audiences(audience: str) -> set[str]:
    """Item audiences that satisfy a shopper's: "for girls" takes girls', kids' and unisex
    items; "for men" men's and unisex ones."""
    return {
        "men": {"men", "unisex"}, "women": {"women", "unisex"}, "boys": {"boys", "kids", "unisex"},
        "girls": {"girls", "kids", "unisex"}, "kids": {"kids", "boys", "girls", "baby", "unisex"},
        "baby": {"baby", "kids"}, "unisex": {"unisex", "men", "women"},
    }.get(audience, {audience})


def segments(title: str) -> list[str]:
    """The title cut where descriptions start ("with", "for", " - ", "(", ","...), in order."""
    text = re.sub(r"&amp;", "&", title)
    return [part.strip() for part in _BOUNDARY.split(text) if part and part.strip()]


def head_segment(title: str) -> str:
    """The part of a title before the first word or mark that starts a description."""
    parts = segments(title)
    return parts[0] if parts else ""


def head_candidates(title: str, brand: str | None = None) -> list[tuple[str, str | None]]:
    """Possible head nouns of a title as (word, the word before it), best first: each
    segment's plausible words from its end backwards, segment by segment (a segment of brand
    and model numbers only falls through to the next). The first is the likeliest head; the
    others are where to look when the catalog does not know the first as a type. The brand
    itself is never the item's type."""
    brand_key = _key(brand or "")
    out = []
    for part in segments(title)[:3]:
        words = _WORD.findall(part)
        for i in range(len(words) - 1, -1, -1):
            k = _key(words[i])
            if (len(k) < 3 and k != "tv") or k in _NOT_TYPES or k == brand_key or not re.search("[aeiouy]", k):
                continue
            out.append((words[i], words[i - 1] if i > 0 else None))
    return out


def find_vocabulary(text: str, vocabulary: Iterable[str]) -> list[str]:
    """Vocabulary phrases present in `text` as whole words, longest first, none inside another."""
    lowered = " " + re.sub(r"[^a-z0-9' ]+", " ", text.lower()) + " "
    found: list[tuple[int, int, str]] = []
    for phrase in sorted(vocabulary, key=len, reverse=True):
        start = lowered.find(f" {phrase} ")
        while start >= 0:
            end = start + len(phrase) + 1
            if not any(s <= start < e or s < end <= e for s, e, _ in found):
                found.append((start, end, phrase))
                break
            start = lowered.find(f" {phrase} ", start + 1)
    return [phrase for _, _, phrase in sorted(found)]


def audiences_in(*texts: str) -> list[str]:
    found: list[str] = []
    for text in texts:
        for word in re.findall(r"[a-z]+(?:'s?|s')?", text.lower()):
            audience = AUDIENCE_WORDS.get(word)
            if audience and audience not in found:
                found.append(audience)
    return found


def materials_in(text: str) -> list[str]:
    out = []
    for phrase in find_vocabulary(text, MATERIALS):
        canon = _MATERIAL_CANON.get(phrase, phrase)
        if canon not in out:
            out.append(canon)
    return out


def color_in(title: str) -> str | None:
    """A colour the title states: in brackets or after the head phrase if it says one there,
    else the only colour word of the title. None when unclear."""
    tail = title[len(head_segment(title)):]
    for text in (tail, title):
        found = find_vocabulary(text, COLORS)
        if text is tail and found:
            return _COLOR_CANON.get(found[0], found[0]).title()
        if text is title and len(found) == 1:
            return _COLOR_CANON.get(found[0], found[0]).title()
    return None


@dataclass
class CatalogVocabulary:
    """What the whole catalog says about its words: which nouns head enough titles to be
    product types, and how often each word is an ordinary descriptor."""

    types: dict[str, str] = field(default_factory=dict)  # singular key -> display form
    descriptor_counts: Counter = field(default_factory=Counter)
    first_word_counts: Counter = field(default_factory=Counter)

    @classmethod
    def from_titles(cls, titles: list[str], min_share: float = 1 / 2000, min_count: int = 3) -> "CatalogVocabulary":
        heads: Counter = Counter()
        surface: dict[str, Counter] = {}
        before: dict[str, Counter] = {}
        descriptors: Counter = Counter()
        firsts: Counter = Counter()
        makers: dict[str, set[str]] = {}
        for title in titles:
            words = [_key(w) for w in title.split()]
            candidates = head_candidates(title)
            if candidates:
                word, previous = candidates[0]
                k = _singular(_key(word))
                heads[k] += 1
                surface.setdefault(k, Counter())[word] += 1
                before.setdefault(k, Counter())[(previous or "").lower()] += 1
                makers.setdefault(k, set()).add(words[0] if words else "")
            if words:
                firsts[words[0].strip(",.;:()[]")] += 1
            # A descriptor use: inside the title, not right after a word that refers to another
            # product ("for Samsung", "compatible with iPhone").
            for i, w in enumerate(words[1:], 1):
                if not {"for", "with", "compatible", "fits", "to", "and", "&", "of", "from"} & set(words[max(0, i - 3):i]):
                    descriptors[w.strip(",.;:()[]")] += 1
        threshold = max(min_count, int(len(titles) * min_share))
        types = {}
        for k, n in heads.items():
            # A type heads titles of several makers; a model line ("boAt Deuce") heads one's.
            if n < threshold or len(makers[k]) < 2:
                continue
            display = surface[k].most_common(1)[0][0]
            # "Power Bank", "Light Bulb": a compound the catalog nearly always uses is the name.
            previous, uses = before[k].most_common(1)[0]
            if (previous and uses >= 0.6 * n and uses >= 10 and len(previous) >= 3 and previous.isalpha()
                    and previous not in _NOT_TYPES and firsts[previous] < 0.2 * uses):
                display = f"{previous.title()} {display}"
            types[k] = display[:1].upper() + display[1:]
        return cls(types=types, descriptor_counts=descriptors, first_word_counts=firsts)

    def product_type(self, title: str, brand: str | None = None) -> str | None:
        for word, _ in head_candidates(title, brand):
            display = self.types.get(_singular(_key(word)))
            if display:
                return display
        return None

    def is_generic(self, word: str) -> bool:
        """A title's first word that the catalog mostly uses as a descriptor, not as a name."""
        k = _key(word)
        descriptor, first = self.descriptor_counts[k], self.first_word_counts[k]
        return descriptor >= 5 and descriptor >= 3 * max(first, 1) or _singular(k) in self.types


def derive_attributes(products: list[Product], other_titles: Iterable[str] = (), guessed_fields: AbstractSet[str] = frozenset(),
                      ) -> tuple[list[Product], dict[str, int]]:
    """Products with the attributes above filled in where the file left them empty, and a count
    per attribute of how many were derived (or, for guessed brands, dropped). `other_titles`: the
    rest of the catalog already in the index, so a small update is judged against all of it."""
    vocabulary = CatalogVocabulary.from_titles([p.title for p in products] + list(other_titles))
    counts: Counter = Counter()
    out = []
    for p in products:
        changes: dict = {}
        if p.product_type is None:
            kind = vocabulary.product_type(p.title, p.brand)
            if kind:
                changes["product_type"] = kind
                counts["product_type"] += 1
        if not p.audience:
            audience = audiences_in(p.title, " ".join(p.category))
            if audience:
                changes["audience"] = audience
                counts["audience"] += 1
        if not p.materials:
            # The title first; a description's opening says what most items are made of too.
            materials = materials_in(p.title) or materials_in(p.description[:300])
            if materials:
                changes["materials"] = materials
                counts["materials"] += 1
        if p.color is None:
            color = color_in(p.title)
            if color:
                changes["color"] = color
                counts["color"] += 1
        if "brand" in guessed_fields and p.brand and vocabulary.is_generic(p.brand):
            changes["brand"] = None
            counts["brand dropped"] += 1
        out.append(p.model_copy(update=changes) if changes else p)
    return out, dict(counts)
