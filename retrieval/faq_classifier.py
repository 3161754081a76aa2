"""A linear classifier over the FAQ's own phrasings, for FAQs phrased many ways per entry.

Why. Nearest-phrasing scoring (retrieval/faq.py) looks at a question's closest neighbours only;
with hundreds of phrasings per entry, a linear model over all of them learns which directions of
the embedding space separate entries that share words ("change my order" against "place an
order"). On Bitext (27 entries, ~166 phrasings each, scored on its 8,000 labelled phrasings, none
of them used here) the dense entry score alone gives accuracy@1 0.956; adding 0.1 × this model's
margin gives 0.973 (a logistic regression's probability in its place: 0.971; the margin alone:
0.968). The dense score still decides whether to answer at all, so refusals keep their
calibration.

When. Only when the FAQ has at least two entries and its median entry has MIN_PHRASINGS phrasings:
with three or four per entry (the demo FAQ) a classifier has too little to learn from and the
nearest-phrasing score is left alone.

Where. A sidecar beside the BM25 one, like it derived from Chroma and tied to the collection's
revision: fitted after an FAQ load (and lazily by a reader that finds it stale), saved whole or not
at all, so every worker of a shop reads the same fit.
"""

from __future__ import annotations

import logging
import statistics
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .files import written_into_place
from .store import WRITING, ShopIndex

log = logging.getLogger(__name__)

MIN_PHRASINGS = 10
WEIGHT = 0.1  # of the margin, added to the dense entry score for ranking (not for confidence)
SVM_C = 1.0
FORMAT = 1


@dataclass(frozen=True)
class FaqClassifier:
    """One-vs-rest linear SVM weights: `margins(v)` scores every entry for a unit query vector."""

    entry_ids: tuple[str, ...]
    coef: np.ndarray  # (entries, dimension)
    intercept: np.ndarray  # (entries,)
    revision: str

    @classmethod
    def fit(cls, vectors: np.ndarray, entry_ids: list[str], revision: str) -> "FaqClassifier | None":
        """Fit on phrasing vectors labelled by entry; None when the FAQ is too thinly phrased."""
        counts = Counter(entry_ids)
        if len(counts) < 2 or statistics.median(counts.values()) < MIN_PHRASINGS:
            return None
        from sklearn.svm import LinearSVC

        model = LinearSVC(C=SVM_C, random_state=0).fit(np.asarray(vectors, dtype=np.float32), entry_ids)
        return cls(tuple(str(c) for c in model.classes_), model.coef_.astype(np.float32),
                   model.intercept_.astype(np.float32), revision)

    def margins(self, vector: np.ndarray) -> dict[str, float]:
        scores = self.coef @ np.asarray(vector, dtype=np.float32) + self.intercept
        return dict(zip(self.entry_ids, scores.tolist()))

    def save(self, path: Path) -> None:
        with written_into_place(path) as tmp:
            with open(tmp, "wb") as fh:
                np.savez(fh, format=FORMAT, entry_ids=np.asarray(self.entry_ids), coef=self.coef,
                         intercept=self.intercept, revision=self.revision)

    @classmethod
    def load(cls, path: Path) -> "FaqClassifier | None":
        """The saved fit, or None when the file is missing, unreadable or of another format."""
        try:
            with np.load(path, allow_pickle=False) as data:
                if int(data["format"]) != FORMAT:
                    return None
                entry_ids = tuple(str(e) for e in data["entry_ids"])
                coef, intercept = data["coef"], data["intercept"]
                if coef.shape != (len(entry_ids), coef.shape[1]) or intercept.shape != (len(entry_ids),):
                    return None
                return cls(entry_ids, coef, intercept, str(data["revision"]))
        except FileNotFoundError:
            return None
        except Exception as exc:  # a damaged sidecar is refitted, never trusted
            log.warning("ignoring the FAQ classifier at %s (%s); it will be fitted again", path, exc)
            return None


_NONE = object()  # "fitted, and the FAQ is too thinly phrased for a classifier"


class FaqClassifierSidecar:
    """The classifier for one index, kept current with its revision."""

    def __init__(self, index: ShopIndex) -> None:
        self.index = index
        self.path = index.sidecar_dir("faq_classifier") / "svm.npz"
        self._current: FaqClassifier | object | None = None
        self._revision: str | None = None
        self._lock = threading.Lock()

    def current(self, revision: str | None = None) -> FaqClassifier | None:
        """The classifier for the index's current revision (loaded or fitted now), or None."""
        revision = revision or self.index.revision()
        with self._lock:
            if self._revision != revision:
                self._current = self._load_or_fit(revision)
                self._revision = revision
            return self._current if isinstance(self._current, FaqClassifier) else None

    def refit(self) -> FaqClassifier | None:
        """Fit for the current revision and save (the FAQ was just loaded)."""
        revision = self.index.revision()
        with self._lock:
            self._current, self._revision = self._fit(revision), revision
            return self._current if isinstance(self._current, FaqClassifier) else None

    def _load_or_fit(self, revision: str) -> FaqClassifier | object:
        saved = FaqClassifier.load(self.path)
        if saved is not None and saved.revision == revision:
            return saved
        marker = self.path.with_name("none.revision")
        if marker.is_file() and marker.read_text("utf-8") == revision:
            return _NONE
        return self._fit(revision)

    def _fit(self, revision: str) -> FaqClassifier | object:
        entry_ids, vectors = [], []
        for batch in self.index.iter_records(where={"kind": "faq"}, include=["metadatas", "embeddings"]):
            for meta, vector in zip(batch["metadatas"], batch["embeddings"]):
                if meta.get("phrasing_no") != -1:  # the answer text is not a phrasing
                    entry_ids.append(str(meta["item_id"]))
                    vectors.append(vector)
        fitted = FaqClassifier.fit(np.asarray(vectors, dtype=np.float32), entry_ids, revision) if vectors else None
        persist = not revision.startswith(WRITING)  # mid-load: for this process only
        if fitted is None:
            if persist:
                with written_into_place(self.path.with_name("none.revision")) as tmp:
                    tmp.write_text(revision, "utf-8")
            return _NONE
        if persist:
            fitted.save(self.path)
        return fitted
