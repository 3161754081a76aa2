"""Features of a (query, product) pair for the learned ranker (retrieval/ranker.py).

One function, `features()`, computes them at training time (evals/train_ranker.py over judged
products) and at serving time (`HybridSearcher(..., ranker=...)` over its fused candidates), from
the same inputs: the query text and vector, the product, its stored vector, its BM25 score in
the index, and per-query figures of the searcher's own candidate lists (`QueryInfo`). Nothing
here knows about chat: constraints the caller parsed come in as plain `SearchFilters`, and the
query's colour / audience / material words are read with the fixed vocabularies of
retrieval/attributes.py.

Groups (the training report's ablation drops one group at a time):
  lexical     BM25 of the query against each field (title, description, brand, category; b=0,
              idf from the index's own document frequencies), and the index's BM25 score, raw
              and over the best BM25 among the query's candidates
  dense       cosine of query and product vectors, and its gap to the best candidate's
  match       query-term coverage (exact, idf-weighted, fuzzy: prefixes and compounds), exact
              phrase and bigram matches in the title, the query's head word in the title and as
              the product's type, where in the title the first match is, lengths, numbers
  fuzzy       query words the title spells within an edit or two ("toliet" / "toilet"), the head
              word so, letter-trigram overlap of query and title, the rarest query word the title
              lacks (shoppers' typos and the catalog's compounds, which exact matching misses)
  measures    the query's quantities with units (retrieval/measures.py: "1/2 in.", "18v") found
              in the title, and how many the title gives otherwise (another size of that unit)
  attributes  the product's type, brand, colour, audience and material against the query's
              (+1 agrees, -1 contradicts, 0 says nothing)
  commerce    price fit (against the filters' bounds), price, rating, rating count,
              popularity from the event log (optional input); NaN when unknown
  pool        how much the candidate looks like the rest of the searcher's first `POOL_TOP`
              candidates (each against the others, never itself): cosine to their centroid, to its
              three nearest, the share of them with its head word, and the mean share with each of
              its title words. A shop's search returns mostly on-topic products; the odd one out in
              a pool is usually the irrelevant one (Crowdflower's pools: +0.015 NDCG@10 out of fold)
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np
from rapidfuzz.distance import Levenshtein

from .attributes import COLORS, audiences_in, compatible_audiences, find_vocabulary, materials_in, type_key
from .lexical import tokenize
from .measures import agreement, measures
from .schemas import Product, SearchFilters

FEATURE_VERSION = "4"
K1 = 1.2
DESCRIPTION_CHARS = 2000
NAN = float("nan")

FEATURE_GROUPS: dict[str, tuple[str, ...]] = {
    "lexical": ("bm25_title", "bm25_description", "bm25_brand", "bm25_category", "bm25_index", "bm25_index_norm"),
    "dense": ("cosine", "cosine_gap"),
    "match": ("coverage_title", "coverage_title_idf", "coverage_text", "coverage_fuzzy", "phrase_title", "bigrams_title",
              "head_in_title", "head_is_type", "type_in_query", "first_match_position", "title_tokens", "query_tokens",
              "numbers_in_title"),
    "fuzzy": ("coverage_edit", "head_edit", "trigram_jaccard", "trigram_query_cover", "unmatched_idf_max"),
    "measures": ("measure_match", "measure_conflict"),
    "attributes": ("brand_match", "lead_word_in_query", "color_match", "audience_match", "material_match"),
    "commerce": ("price_fit", "price_log", "rating", "rating_count_log", "popularity_log"),
    "pool": ("pool_centroid_cosine", "pool_neighbour_cosine", "pool_head_share", "pool_word_share"),
}
POOL_TOP = 20  # the pool the pool group compares with: the searcher's first candidates
FEATURES: tuple[str, ...] = tuple(name for names in FEATURE_GROUPS.values() for name in names)
_COLOR_CANON = {"gray": "grey", "golden": "gold", "multicolour": "multicolor"}
_DIGITS = re.compile(r"\d")
# Words after which a query names what the product is for or comes with, not what it is: the head
# ("jacket" in "black jacket for women", "drill" in "drill with battery") is the last word before them.
_QUALIFIERS = frozenset({"for", "with", "without", "in", "on", "under", "from", "by", "to", "of", "w/", "w"})


def _words(text: str) -> list[str]:
    """The index's tokens (retrieval.lexical.tokenize) without a possessive's apostrophe
    ("women's" -> "women", as the query spells it)."""
    return [t.rstrip("'") for t in tokenize(text) if t.rstrip("'")]


def _close(word: str, other: str) -> bool:
    """The same word, or one within an edit (two for words of 8+ letters) for words of 4+ letters."""
    if word == other:
        return True
    if len(word) < 4 or len(other) < 4:
        return False
    edits = 2 if len(word) >= 8 else 1
    return Levenshtein.distance(word, other, score_cutoff=edits) <= edits


def _trigrams(text: str) -> set[str]:
    padded = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def head_word(text: str) -> str:
    """The query's head word: its last token before the first qualifying preposition (or its last)."""
    words = text.lower().split()
    # "in" after a number is inches ("3 in pvc pipe"), not a qualifier
    cut = next((i for i, w in enumerate(words)
                if i > 0 and w in _QUALIFIERS and not (w == "in" and _DIGITS.search(words[i - 1]))), len(words))
    tokens = _words(" ".join(words[:cut])) or _words(text)
    return tokens[-1] if tokens else ""


@dataclass(frozen=True)
class TermStats:
    """Document frequencies of the index's tokens (retrieval.lexical.tokenize), for idf."""

    documents: int
    df: Mapping[str, int]

    def idf(self, token: str) -> float:
        n = self.df.get(token, 0)
        return math.log(1.0 + (self.documents - n + 0.5) / (n + 0.5))

    @classmethod
    def from_lexical(cls, lexical) -> "TermStats":
        """From a `LexicalIndex`'s own document frequencies."""
        return cls(lexical.documents, lexical.document_frequencies())


@dataclass
class QueryInfo:
    """What the ranker knows of the query: its words, the filters it runs under, and the best
    scores among the searcher's candidates (`max_cosine`: the dense list's first, `max_bm25`:
    the lexical list's first; 0 when that list is empty)."""

    text: str
    max_cosine: float = 0.0
    max_bm25: float = 0.0
    filters: SearchFilters | None = None
    tokens: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = list(dict.fromkeys(_words(self.text)))


@dataclass
class Candidate:
    """One product to score: the cosine of its stored vector with the query's (None: unknown),
    its BM25 score in the index, its popularity (None: no event log given), its stored vector
    (unit length; None: unknown) and its place in the searcher's fused pool (None: not in it,
    as for judged products the searcher did not find)."""

    product: Product
    cosine: float | None = None
    bm25: float = 0.0
    popularity: float | None = None
    vector: np.ndarray | None = None
    pool_rank: int | None = None


class _Query:
    """Per-query work done once for all candidates."""

    def __init__(self, info: QueryInfo, stats: TermStats) -> None:
        self.info = info
        self.tokens = info.tokens
        self.set = set(self.tokens)
        self.idf = {t: stats.idf(t) for t in self.tokens}
        self.idf_total = sum(self.idf.values()) or 1.0
        self.bigrams = set(zip(self.tokens, self.tokens[1:]))
        self.head = head_word(info.text)
        self.head_type = type_key(self.head) if self.head else ""
        self.type_keys = {type_key(t) for t in self.tokens}
        self.numbers = [t for t in self.tokens if _DIGITS.search(t)]
        self.trigrams = _trigrams(info.text)
        self.measures = measures(info.text)
        text = info.text.lower()
        self.colors = {_COLOR_CANON.get(c, c) for c in find_vocabulary(text, COLORS)}
        self.audiences = set(audiences_in(text))
        self.materials = set(materials_in(text))


def _bm25(q: _Query, tokens: Sequence[str]) -> float:
    if not tokens:
        return 0.0
    tf: dict[str, int] = {}
    for t in tokens:
        if t in q.set:
            tf[t] = tf.get(t, 0) + 1
    return sum(q.idf[t] * n * (K1 + 1) / (n + K1) for t, n in tf.items())


def _fuzzy(token: str, title_tokens: set[str], joined: str) -> bool:
    """A query word the title spells otherwise: a shared prefix of 5+ letters ("faucets" /
    "faucet", "galvanized" / "galvanised"), or inside a compound ("deckover")."""
    if len(token) < 4:
        return False
    if token in joined:
        return True
    stem = token[:5]
    return len(token) >= 5 and any(len(t) >= 5 and t[:5] == stem for t in title_tokens)


def _agreement(wanted: set[str], has: set[str], compatible=None) -> float:
    if not wanted or not has:
        return 0.0
    for w in wanted:
        ok = compatible(w) if compatible else {w}
        if ok & has:
            return 1.0
    return -1.0


def _product_colors(p: Product) -> set[str]:
    found = {_COLOR_CANON.get(c, c) for c in find_vocabulary(p.title.lower(), COLORS)}
    if p.color:
        found.add(_COLOR_CANON.get(p.color.lower(), p.color.lower()))
    return found


def features(info: QueryInfo, candidates: Sequence[Candidate], stats: TermStats) -> np.ndarray:
    """The feature matrix (len(candidates) x len(FEATURES), float32, NaN = unknown)."""
    q = _Query(info, stats)
    out = np.full((len(candidates), len(FEATURES)), np.nan, dtype=np.float32)
    for row, c in enumerate(candidates):
        out[row, :_POOL_START] = _row(q, c)
    out[:, _POOL_START:] = _pool_columns(candidates)
    return out


def _pool_columns(candidates: Sequence[Candidate]) -> np.ndarray:
    """The pool group for every candidate (NaN without vectors). The pool: candidates with a
    vector among the searcher's first POOL_TOP, or every candidate with a vector when fewer than
    two of those; each candidate is compared with the pool's other members."""
    out = np.full((len(candidates), len(FEATURE_GROUPS["pool"])), np.nan, dtype=np.float32)
    known = [i for i, c in enumerate(candidates) if c.vector is not None]
    pool = [i for i in known if candidates[i].pool_rank is not None and candidates[i].pool_rank < POOL_TOP]  # type: ignore[operator]
    if len(pool) < 2:
        pool = known
    if len(pool) < 2:
        return out
    members = np.stack([candidates[i].vector for i in pool]).astype(np.float32)  # type: ignore[misc]
    total = members.sum(axis=0)
    heads = Counter(head_word(candidates[i].product.title) for i in pool)
    words = Counter(w for i in pool for w in set(_words(candidates[i].product.title)))
    where = {i: n for n, i in enumerate(pool)}
    for i in known:
        v = np.asarray(candidates[i].vector, dtype=np.float32)
        own = int(i in where)
        others = len(pool) - own
        centroid = total - v if own else total
        sims = members @ v
        if own:
            sims = np.delete(sims, where[i])
        title_words = set(_words(candidates[i].product.title))
        out[i] = [float(centroid @ v) / (float(np.linalg.norm(centroid)) or 1.0),
                  float(np.sort(sims)[-3:].mean()),
                  (heads[head_word(candidates[i].product.title)] - own) / others,
                  float(np.mean([(words[w] - own) / others for w in title_words])) if title_words else 0.0]
    return out


_POOL_START = len(FEATURES) - len(FEATURE_GROUPS["pool"])  # the pool group is computed over all candidates, after the rows


def _row(q: _Query, c: Candidate) -> list[float]:
    p = c.product
    title = _words(p.title)
    title_set = set(title)
    description = _words(p.description[:DESCRIPTION_CHARS]) if p.description else []
    brand = _words(p.brand) if p.brand else []
    category = _words(" ".join(p.category)) if p.category else []
    text_set = title_set | set(description) | set(brand) | set(category)
    n = len(q.tokens)
    joined = "".join(title)

    # lexical
    bm25_index_norm = c.bm25 / q.info.max_bm25 if q.info.max_bm25 > 0 else 0.0
    lexical = [_bm25(q, title), _bm25(q, description), _bm25(q, brand), _bm25(q, category), c.bm25, bm25_index_norm]

    # dense
    dense = [NAN, NAN] if c.cosine is None else [c.cosine, q.info.max_cosine - c.cosine]

    # match
    in_title = [t for t in q.tokens if t in title_set]
    fuzzy = [t for t in q.tokens if t in title_set or _fuzzy(t, title_set, joined)]
    phrase = 0.0
    if n >= 2:
        phrase = float(any(title[i:i + n] == q.tokens for i in range(len(title) - n + 1)))
    elif n == 1:
        phrase = float(q.tokens[0] in title_set)
    title_bigrams = set(zip(title, title[1:]))
    first = next((i for i, t in enumerate(title) if t in q.set), None)
    p_type = type_key(p.product_type) if p.product_type else ""
    match = [
        len(in_title) / n if n else 0.0,
        sum(q.idf[t] for t in in_title) / q.idf_total if n else 0.0,
        sum(t in text_set for t in q.tokens) / n if n else 0.0,
        len(fuzzy) / n if n else 0.0,
        phrase,
        len(q.bigrams & title_bigrams) / len(q.bigrams) if q.bigrams else NAN,
        float(bool(q.head) and (q.head in title_set or _fuzzy(q.head, title_set, joined))),
        float(bool(p_type) and q.head_type == p_type) if q.head else 0.0,
        float(bool(p_type) and p_type in q.type_keys),
        first / max(1, len(title)) if first is not None else 1.0,
        float(len(title)),
        float(n),
        sum(t in title_set for t in q.numbers) / len(q.numbers) if q.numbers else NAN,
    ]

    # fuzzy
    covered = [t in title_set or any(_close(t, w) for w in title_set) for t in q.tokens]
    title_trigrams = _trigrams(p.title)
    shared = len(q.trigrams & title_trigrams)
    spelling = [
        sum(covered) / n if n else 0.0,
        float(bool(q.head) and any(_close(q.head, w) for w in title_set)),
        shared / max(1, len(q.trigrams | title_trigrams)),
        shared / max(1, len(q.trigrams)),
        max((q.idf[t] for t, c in zip(q.tokens, covered) if not c), default=0.0),
    ]
    sizes = list(agreement(q.measures, measures(p.title)))

    # attributes
    brand_match = float(bool(brand) and all(t in q.set for t in brand)) if brand else 0.0
    lead = title[0] if title else ""
    audiences = set(p.audience) or set(audiences_in(p.title))
    materials = set(p.materials) or set(materials_in(p.title))
    attributes = [
        brand_match,
        float(bool(lead) and lead in q.set and not _DIGITS.search(lead)),
        _agreement(q.colors, _product_colors(p)),
        _agreement(q.audiences, audiences, compatible_audiences),
        _agreement(q.materials, materials),
    ]

    # commerce
    f = q.info.filters
    price_fit = NAN
    if p.price is not None and f is not None:
        if f.max_price:
            price_fit = p.price / f.max_price
        elif f.min_price:
            price_fit = f.min_price / max(p.price, 1e-6)
    commerce = [
        price_fit,
        math.log1p(p.price) if p.price is not None else NAN,
        p.rating if p.rating is not None else NAN,
        math.log1p(p.rating_count) if p.rating_count is not None else NAN,
        math.log1p(c.popularity) if c.popularity is not None else NAN,
    ]
    return lexical + dense + match + spelling + sizes + attributes + commerce


def group_columns(groups: Sequence[str]) -> list[int]:
    """Column positions of the features of these groups."""
    wanted = {name for g in groups for name in FEATURE_GROUPS[g]}
    return [i for i, name in enumerate(FEATURES) if name in wanted]
