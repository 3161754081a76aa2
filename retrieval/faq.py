"""FAQ lookup for support staff and the agent: the best entries for a question, matched against
every phrasing of every entry, with an honest "no confident match" below a calibrated threshold.

Scoring. Each entry gets a dense score from its phrasings' cosine similarities to the question:
0.6 · best + 0.4 · mean of its three best (entries phrased many ways that agree beat a single
lucky neighbour), blended with the similarity to its answer text (weight 0.5: shoppers often ask
in the answer's words). The answer's weight falls for entries phrased more than ANSWER_PHRASINGS
ways (weight · ANSWER_PHRASINGS / phrasings): their phrasings say it better than one answer text
does. On Bitext (27 entries of about 166 phrasings, answers written in templates) the full answer
weight cost accuracy@1 (0.941 against 0.957 without it, 8,000 labelled phrasings); entries of the
demo FAQ (3-4 phrasings) keep it whole. On the demo FAQ, held-out phrasings are answered right
0.62 of the time from phrasings alone and about 0.72 with the answer blended in (see
tests/test_faq.py).

Ranking adds to the dense score a small BM25 bonus for shared rare words and, for FAQs phrased
many ways per entry, a linear classifier's margin (retrieval/faq_classifier.py; Bitext accuracy@1
0.957 -> 0.971). Whether to answer at all is decided on the dense score alone, against a
threshold calibrated on the loaded FAQ itself: each phrasing is looked up with itself held out
(in-domain questions) and product texts from the same index plus a fixed set of general questions
serve as out-of-scope questions; the threshold maximises correct answers plus correct refusals
minus wrong answers.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field

from .documents import faq_answer_record_id, item_from_metadata
from .faq_classifier import WEIGHT as CLASSIFIER_WEIGHT
from .faq_classifier import FaqClassifierSidecar
from .schemas import FaqEntry, SearchFilters
from .store import ShopIndex

DEFAULT_THRESHOLD = 0.5
# Questions no shop FAQ answers, written for calibration: with the product texts of the index they
# are the "should not answer" side, so a FAQ-only index still gets a meaningful threshold.
OUT_OF_SCOPE = [
    "what's the weather like today", "tell me a joke", "who won the world cup", "what is the capital of france",
    "how do I bake sourdough bread", "recommend a good movie to watch tonight", "what time is it in tokyo",
    "how tall is mount everest", "can you help me with my math homework", "what is the meaning of life",
    "translate hello into spanish", "who is the president of the united states", "how do I fix a leaking tap",
    "what's a good name for a cat", "write me a poem about the sea", "how many calories are in an apple",
    "is it going to rain tomorrow", "what's the best programming language", "how do vaccines work",
    "book me a table for two at an italian restaurant", "what are the symptoms of the flu", "how far is the moon",
    "explain quantum physics simply", "what's the score of the game", "how do I change a car tyre",
]
BEST_WEIGHT = 0.6
TOP_N = 3
ANSWER_WEIGHT = 0.5
ANSWER_PHRASINGS = 4
LEXICAL_BONUS = 0.05


class FaqMatch(BaseModel):
    entry: FaqEntry
    score: float
    dense_score: float
    matched_phrasing: str
    lexical_rank: int | None = None


class FaqLookup(BaseModel):
    question: str
    confident: bool = Field(description="False: the best match is below the threshold; do not answer from it.")
    threshold: float
    matches: list[FaqMatch]

    def best(self) -> FaqMatch | None:
        return self.matches[0] if self.confident and self.matches else None


def answer_weight(phrasings: int | None) -> float:
    """The answer's weight for an entry phrased this many ways (None: unknown, the full weight)."""
    if not phrasings or phrasings <= ANSWER_PHRASINGS:
        return ANSWER_WEIGHT
    return ANSWER_WEIGHT * ANSWER_PHRASINGS / phrasings


def entry_score(similarities: list[float], answer_similarity: float | None = None, phrasings: int | None = None) -> float:
    """Combine one entry's phrasing similarities (any order) and its answer's similarity into
    its dense score (on the cosine scale, so one threshold fits). `phrasings`: how many the
    entry has in all (sets the answer's weight)."""
    top = sorted(similarities, reverse=True)[:TOP_N]
    phrasing = BEST_WEIGHT * top[0] + (1 - BEST_WEIGHT) * float(np.mean(top)) if top else 0.0
    if answer_similarity is None:
        return phrasing
    if not top:
        return answer_similarity
    w = answer_weight(phrasings)
    return (phrasing + w * answer_similarity) / (1 + w)


@dataclass
class FaqLookupService:
    index: ShopIndex
    threshold: float | None = None  # None: the calibrated one stored with the index
    candidates: int = 100
    use_classifier: bool = True  # False: nearest-phrasing scores only (for comparison)

    def __post_init__(self) -> None:
        self.classifier = FaqClassifierSidecar(self.index)

    def current_threshold(self) -> float:
        if self.threshold is not None:
            return self.threshold
        # Fresh, not the copy from when this process opened the index: another may have recalibrated.
        return float(self.index.metadata().get("faq_threshold", DEFAULT_THRESHOLD))

    def lookup(self, question: str, k: int = 5, query_vector: np.ndarray | None = None) -> FaqLookup:
        vector = query_vector if query_vector is not None else self.index.embedder.embed([question])[0]
        raw = self.index.dense_query(vector, self.candidates, {"kind": "faq"})
        sims: dict[str, list[float]] = defaultdict(list)
        answer_sims: dict[str, float] = {}
        best_meta: dict[str, dict] = {}
        for _rid, sim, meta in raw:
            if meta is None:  # asked with metadata: every record has it
                continue
            entry_id = meta["item_id"]
            if meta.get("phrasing_no") == -1:
                answer_sims[entry_id] = sim
            else:
                sims[entry_id].append(sim)
                best_meta.setdefault(entry_id, meta)
            best_meta.setdefault(entry_id, meta)
        # Answers that did not make the candidate list still count: fetch their vectors.
        missing = [faq_answer_record_id(e) for e in best_meta if e not in answer_sims]
        for rid, answer_vector in self.index.vectors(missing).items():
            answer_sims[self.index.parse_record_id(rid)[1]] = float(answer_vector @ vector)
        self.index.ensure_lexical()
        lexical = self.index.lexical
        lex_rank: dict[str, int] = {}
        lex_score: dict[str, float] = {}
        top = lexical.top(question, self.candidates, lexical.table.mask(SearchFilters(kind="faq")))
        for pos, score in top:
            entry_id = self.index.parse_record_id(lexical.record_ids[pos])[1]
            if entry_id not in lex_rank:
                lex_rank[entry_id] = len(lex_rank) + 1
                lex_score[entry_id] = score
        max_lex = max(lex_score.values(), default=0.0) or 1.0
        classifier = self.classifier.current(self.index.lexical.revision) if self.use_classifier else None
        margins = classifier.margins(vector) if classifier is not None else {}
        scored = []
        for entry_id in best_meta:
            entry_sims = sims.get(entry_id, [])
            dense = entry_score(entry_sims, answer_sims.get(entry_id), self._phrasings(best_meta[entry_id]))
            bonus = LEXICAL_BONUS * lex_score.get(entry_id, 0.0) / max_lex
            scored.append((dense + bonus + CLASSIFIER_WEIGHT * margins.get(entry_id, 0.0), dense, entry_id))
        scored.sort(key=lambda t: (-t[0], t[2]))
        threshold = self.current_threshold()
        matches = []
        for score, dense, entry_id in scored[:k]:
            meta = best_meta[entry_id]
            matches.append(
                FaqMatch(
                    entry=item_from_metadata(meta),
                    score=round(score, 6),
                    dense_score=round(dense, 6),
                    matched_phrasing=meta.get("_document", ""),
                    lexical_rank=lex_rank.get(entry_id),
                )
            )
        confident = bool(matches) and matches[0].dense_score >= threshold
        return FaqLookup(question=question, confident=confident, threshold=threshold, matches=matches)

    def _phrasings(self, meta: dict) -> int:
        """How many phrasings the entry of this record has (from its payload, kept per content hash)."""
        cache = self.__dict__.setdefault("_phrasing_counts", {})
        k = (meta.get("item_id"), meta.get("content_hash"))
        if k not in cache:
            try:
                cache[k] = len(json.loads(meta["payload"]).get("alternatives") or []) + 1
            except (KeyError, TypeError, ValueError):
                cache[k] = 0
        return cache[k]


@dataclass
class Calibration:
    threshold: float
    in_domain: int
    out_of_scope: int
    loo_accuracy: float

    def as_dict(self) -> dict:
        return self.__dict__.copy()


def calibrate_threshold(index: ShopIndex, max_negatives: int = 500, seed: int = 13) -> Calibration:
    """Pick the confidence threshold from the loaded data (see module docstring) and store it
    in the collection's metadata. Falls back to DEFAULT_THRESHOLD when no entry has a second
    phrasing to hold out."""
    entry_ids, vectors = [], []
    answers: dict[str, np.ndarray] = {}
    for batch in index.iter_records(where={"kind": "faq"}, include=["metadatas", "embeddings"]):
        for meta, vector in zip(batch["metadatas"], batch["embeddings"]):
            if meta.get("phrasing_no") == -1:
                answers[meta["item_id"]] = np.asarray(vector, dtype=np.float32)
            else:
                entry_ids.append(meta["item_id"])
                vectors.append(vector)
    negatives: list = []
    for batch in index.iter_records(where={"kind": "product"}, include=["embeddings"]):
        negatives.extend(batch["embeddings"])
    rng = random.Random(seed)
    if len(negatives) > max_negatives:
        negatives = rng.sample(negatives, max_negatives)
    negatives.extend(index.embedder.embed(OUT_OF_SCOPE))
    counts: dict[str, int] = defaultdict(int)
    for e in entry_ids:
        counts[e] += 1
    held_out = [i for i, e in enumerate(entry_ids) if counts[e] > 1]
    if not held_out:
        result = Calibration(DEFAULT_THRESHOLD, 0, len(negatives), float("nan"))
        _store(index, result)
        return result
    if len(held_out) > 3000:
        held_out = sorted(rng.sample(held_out, 3000))
    matrix = np.asarray(vectors, dtype=np.float32)
    labels = np.asarray(entry_ids, dtype=object)
    answer_ids = list(answers)
    answer_matrix = np.asarray([answers[a] for a in answer_ids], dtype=np.float32).reshape(len(answer_ids), -1)

    def best_entry(query: np.ndarray, exclude: int | None = None) -> tuple[str, float]:
        # The same scoring as FaqLookupService.lookup, in numpy.
        sims = matrix @ query
        if exclude is not None:
            sims[exclude] = -np.inf  # hold the phrasing itself out
        per_entry: dict[str, list[float]] = defaultdict(list)
        for j in np.argsort(-sims)[:100]:
            if np.isfinite(sims[j]):
                per_entry[labels[j]].append(float(sims[j]))
        answer_sims = dict(zip(answer_ids, (answer_matrix @ query).tolist())) if answer_ids else {}
        scored = sorted(((entry_score(s, answer_sims.get(e), counts[e]), e) for e, s in per_entry.items()), reverse=True)
        return scored[0][1], scored[0][0]

    in_scores, in_correct = [], []
    for i in held_out:
        entry, score = best_entry(matrix[i], exclude=i)
        in_scores.append(score)
        in_correct.append(entry == labels[i])
    neg_scores = [best_entry(np.asarray(v, dtype=np.float32))[1] for v in negatives]
    in_scores_a, in_correct_a, neg_a = np.array(in_scores), np.array(in_correct), np.array(neg_scores)
    best_t, best_utility = DEFAULT_THRESHOLD, -np.inf
    for t in np.arange(0.2, 0.9, 0.01):
        accepted = in_scores_a >= t
        utility = (accepted & in_correct_a).mean() - (accepted & ~in_correct_a).mean()
        if neg_a.size:
            utility += (neg_a < t).mean()
        if utility > best_utility + 1e-9:
            best_t, best_utility = float(t), utility
    result = Calibration(round(best_t, 3), len(held_out), len(neg_scores), float(in_correct_a.mean()))
    _store(index, result)
    return result


def _store(index: ShopIndex, calibration: Calibration) -> None:
    index.set_metadata(faq_threshold=calibration.threshold, faq_calibration=json.dumps(calibration.as_dict()))
