"""Serving recommendations: one candidate source fused from every signal, with a reason each.

`Recommender.recommend(user_id=..., product_id=..., k=...)`:

- **For a shopper** (no product): candidates from the two-tower model (the user tower over their
  recent events and stated preferences, then a nearest-neighbour search over the item vectors in
  their own Chroma collection; an exact search in memory below `CHROMA_MIN_ITEMS` items), ALS (their vector solved from their events now), item-to-item
  co-occurrence from their history, text similarity to their history (the profile vector of
  `assistant.profile`, the same weights and half-life), and popularity; fused by weighted
  reciprocal rank (`FUSION_WEIGHTS`). Items they already interacted with are left out.
- **With a product** ("often bought together", "what goes with this?"): co-bought, then
  co-viewed neighbours of the product, then the two-tower and text neighbours of its vector; a
  signed-in shopper's dislikes and purchases are left out.
- **Cold start**, said explicitly in the result (`cold_start`, `sources`): a shopper with no
  usable events gets popularity (and text neighbours of the product, if one is given); with no
  trained model every shopper gets text similarity to their history and popularity.
- **Dislikes** act on the next request: every request reads the shopper's events, drops what
  they disliked and its near-duplicates (same title family: the title without colours, sizes and
  brand, Jaccard >= 0.75; or text vectors with cosine >= `NEAR_DUPLICATE_COSINE`).

Each item says why, from the signal that ranked it highest: "People who bought the X also
bought this" (co-bought), "Shoppers who looked at the X also looked at this" (co-viewed), "Like
the running shoes you liked" (two-tower: the history items nearest to it in the model's space),
"Shoppers with tastes like yours who bought the X chose this" (ALS: the history item that
contributes most to its score), "Similar to the X you looked at" (text), "Popular: N shoppers
bought it in the last 30 days" (popularity). The anchors named are real events of the shopper.

Models are read from the profile store's `recs_folder` (`<home>/recs/`, or the shared
`recs_home` of several workers) and reloaded when its `manifest.json` changes (a new training,
or a forget through any worker), checked at most every `RELOAD_CHECK_SECONDS`.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from .cooc import CoOccurrence
from .data import BUY, Catalog, same_family
from .mf import MatrixFactorisation
from .store import MANIFEST, load_npz, read_manifest, recs_dir
from .train import Popularity, catalog_hash
from .twotower import TwoTower

log = logging.getLogger(__name__)

FUSION_WEIGHTS = {"two_tower": 1.0, "als": 1.0, "cooc": 1.0, "text": 0.5, "popularity": 0.3}
PRODUCT_WEIGHTS = {"bought": 1.0, "viewed": 0.6, "two_tower": 0.5, "text": 0.3, "popularity": 0.1}
# "something like what I bought": substitutes first (the model's and the text's neighbours)
SIMILAR_WEIGHTS = {"two_tower": 1.0, "text": 0.8, "viewed": 0.5, "bought": 0.2, "popularity": 0.1}
RRF_K = 20
PER_SOURCE = 100
NEAR_DUPLICATE_COSINE = 0.95
HISTORY_EVENTS = 200
RELOAD_CHECK_SECONDS = 5.0
CHROMA_RETRY_SECONDS = 60.0
# From this many trained items the two-tower candidates come from the HNSW index in Chroma; below
# it an exact dot product over every item vector takes well under a millisecond, while a Chroma
# query costs about 3 ms whatever the size (measured on the demo shop's 352 products).
CHROMA_MIN_ITEMS = 5000
VERBS = {"purchase": "bought", "add_to_cart": "added to your cart", "like": "liked", "more_like_this": "wanted more of",
         "click": "looked at", "dwell": "looked at", "view": "looked at"}
VERB_STRENGTH = {"purchase": 6, "add_to_cart": 5, "like": 4, "more_like_this": 3, "dwell": 2, "click": 2, "view": 1}


@dataclass
class Rec:
    id: str
    score: float
    reason: str
    reason_kind: str  # co_bought | co_viewed | two_tower | similar_taste | text_similar | popular
    because: str | None = None  # the product id the reason names, if any
    sources: dict[str, int] = field(default_factory=dict)  # source -> rank (1 = its best)


@dataclass
class Recommendations:
    mode: str  # for_you | with_product | similar
    items: list[Rec]
    cold_start: bool
    sources: list[str]  # the signals that proposed candidates
    model_version: str | None
    notes: list[str] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)  # each source's own candidates, best first (evals)


@dataclass
class History:
    items: list[int]  # positive events, oldest first (catalog positions)
    events: list[str]
    weights: list[float]
    ts: list[float]
    disliked: set[int]
    disliked_ids: set[str]
    touched: set[int]  # every product with a positive event
    bought: set[int]


class Models:
    """What one training left in its folder (store.py), loaded, over the catalog it was trained on."""

    # cooc's explanations re-keyed by today's positions, for the last explanation seen (see _now_keys)
    _why_cache: tuple[dict[int, tuple[int, str]], dict[int, tuple[int, str]]] | None = None

    def __init__(self, folder: Path, catalog: Catalog) -> None:
        self.manifest = read_manifest(folder)
        self.version: str | None = self.manifest.get("version")
        self.catalog = catalog
        trained_items: list[str] = self.manifest.get("items") or []
        # Positions in the trained arrays -> positions in today's catalog (the catalog may have changed since).
        self.same_catalog = self.manifest.get("catalog") == catalog_hash(catalog)
        self.to_now = np.array([catalog.position.get(pid, -1) for pid in trained_items], dtype=np.int64)
        self.to_trained = np.full(len(catalog), -1, dtype=np.int64)
        for j, now in enumerate(self.to_now):
            if now >= 0:
                self.to_trained[now] = j
        pop = load_npz(folder / "popularity.npz")
        self.popularity = Popularity.from_arrays(pop) if pop is not None else None
        co = load_npz(folder / "cooc.npz")
        self.cooc = CoOccurrence.from_arrays(co) if co is not None else None
        als = load_npz(folder / "als.npz")
        self.als = MatrixFactorisation.from_arrays(als) if als is not None else None
        self.two_tower = TwoTower.load(folder / "two_tower.pt") if (folder / "two_tower.pt").is_file() else None
        bpr = load_npz(folder / "bpr.npz")
        self.bpr = MatrixFactorisation.from_arrays(bpr) if bpr is not None else None  # evals only: not fused

    @property
    def trained(self) -> bool:
        return self.version is not None and len(self.to_now) > 0

    def spread(self, trained_scores: np.ndarray) -> np.ndarray:
        """Scores over the trained items -> scores over today's catalog (-inf for items the model lacks)."""
        out = np.full(len(self.catalog), -np.inf)
        ok = self.to_now >= 0
        out[self.to_now[ok]] = trained_scores[ok]
        return out

    def trained_positions(self, positions: Iterable[int]) -> list[int]:
        return [int(self.to_trained[p]) for p in positions if self.to_trained[p] >= 0]


class Recommender:
    """The fused candidate source over one shop (its index and profile store). The models are
    those in `<home>/recs/` when `home` is given, else in the profile store's `recs_folder`:
    the folder its forgets clean, so a forgotten shopper leaves what this serves too."""

    def __init__(self, index, profiles, home: Path | None = None, *, nn: str = "auto") -> None:
        self.index = index
        self.profiles = profiles
        self.folder: Path = recs_dir(home) if home is not None else profiles.recs_folder
        # chroma: two-tower candidates from their Chroma collection; numpy: exact, in memory; auto:
        # Chroma from CHROMA_MIN_ITEMS items on (below, an exact search is faster than a query's fixed cost)
        self.nn = nn
        self._lock = threading.Lock()
        self._models: Models | None = None
        self._catalog: Catalog | None = None
        self._catalog_revision: str | None = None
        self._checked = 0.0
        self._manifest_mtime: float | None = None
        self._chroma_ready_version: str | None = None
        self._chroma_retry_at = 0.0

    # --- loading ---------------------------------------------------------------------------

    def catalog(self) -> Catalog:
        revision = self.index.revision()
        if self._catalog is None or revision != self._catalog_revision:
            self._catalog, self._catalog_revision = Catalog.from_index(self.index), revision
            self._models = None
        return self._catalog

    def models(self) -> Models:
        """The trained models, reloaded when a training wrote a new manifest."""
        now = time.monotonic()
        with self._lock:
            catalog = self.catalog() if (self._catalog is None or now - self._checked >= RELOAD_CHECK_SECONDS) else self._catalog
            if self._models is None or now - self._checked >= RELOAD_CHECK_SECONDS:
                self._checked = now
                path = self.folder / MANIFEST
                mtime = path.stat().st_mtime if path.is_file() else None
                if self._models is None or mtime != self._manifest_mtime:
                    try:
                        self._models = Models(self.folder, catalog)
                    except Exception as exc:  # a half-trained or unreadable folder: serve text and popularity
                        log.warning("recommender models unreadable (%s); serving text and popularity", exc)
                        self._models = Models.__new__(Models)
                        _empty_models(self._models, catalog)
                    self._manifest_mtime = mtime
            return self._models

    def refresh(self) -> None:
        """Forget what is loaded (tests, after a training in the same process)."""
        with self._lock:
            self._models, self._catalog, self._manifest_mtime, self._checked = None, None, None, 0.0

    # --- the shopper -----------------------------------------------------------------------

    def history(self, user_id: str | None, catalog: Catalog) -> History:
        h = History([], [], [], [], set(), set(), set(), set())
        if not user_id or self.profiles is None:
            return h
        from ..profile import event_weight

        events = self.profiles.events(user_id, limit=HISTORY_EVENTS)  # newest first
        verdict: dict[str, str] = {}
        for ev in reversed(events):
            if ev.product_id is None:
                continue
            if ev.event in ("like", "dislike"):
                verdict[ev.product_id] = ev.event
            i = catalog.position.get(ev.product_id)
            w = event_weight(ev)
            if i is None or w <= 0:
                continue
            h.items.append(i)
            h.events.append(ev.event)
            h.weights.append(w)
            h.ts.append(ev.ts)
            h.touched.add(i)
            if ev.event in BUY:
                h.bought.add(i)
        # the same rule as profile.disliked_products: the latest like / dislike wins
        h.disliked_ids = {pid for pid, v in verdict.items() if v == "dislike"}
        h.disliked = {catalog.position[p] for p in h.disliked_ids if p in catalog.position}
        keep = [n for n, i in enumerate(h.items) if i not in h.disliked]
        h.items, h.events, h.weights, h.ts = ([h.items[n] for n in keep], [h.events[n] for n in keep],
                                              [h.weights[n] for n in keep], [h.ts[n] for n in keep])
        h.touched -= h.disliked
        return h

    def blocked(self, catalog: Catalog, history: History) -> np.ndarray:
        """Items a shopper must not be shown: what they disliked and its near-duplicates."""
        out = np.zeros(len(catalog), dtype=bool)
        if not history.disliked:
            return out
        bad = sorted(history.disliked)
        out[bad] = True
        sims = catalog.vectors @ catalog.vectors[bad].T
        out |= (sims >= NEAR_DUPLICATE_COSINE).any(axis=1)
        families = catalog.families
        bad_families = [families[b] for b in bad]
        for i, fam in enumerate(families):
            if not out[i] and any(same_family(fam, f) for f in bad_families):
                out[i] = True
        return out

    # --- recommending ----------------------------------------------------------------------

    def recommend(self, user_id: str | None = None, product_id: str | None = None, k: int = 10,
                  exclude: Iterable[str] = (), allowed: np.ndarray | None = None,
                  with_lists: bool = False, similar: bool = False) -> Recommendations:
        """Up to `k` products with reasons. `allowed` (a boolean mask over `catalog()`) keeps
        only the items a caller's constraints allow (the chat's standing filters). `with_lists`
        also returns every source's own ranking (`Recommendations.lists`, for the eval).
        `similar` with a product: items like it ("something like what I bought") rather than
        what goes with it."""
        t0 = time.perf_counter()
        models = self.models()
        catalog = models.catalog
        timings: dict[str, float] = {}
        history = self.history(user_id, catalog)
        prefs = None
        if user_id and self.profiles is not None:
            prefs = self.profiles.get_preferences(user_id)
        timings["profile"] = _ms(t0)
        banned = self.blocked(catalog, history)
        for pid in exclude:
            if pid in catalog.position:
                banned[catalog.position[pid]] = True
        banned |= catalog.out_of_stock
        if prefs is not None and prefs.avoided_brands:
            avoided = {b.lower() for b in prefs.avoided_brands}
            banned |= np.array([(b or "").lower() in avoided for b in catalog.brands])
        if allowed is not None:
            banned |= ~allowed
        anchor = catalog.position.get(product_id) if product_id else None
        if anchor is not None:
            banned[anchor] = True
        if product_id is not None:
            result = self._with_product(models, catalog, anchor, product_id, history, banned, k, similar)
        else:
            banned[list(history.touched)] = True
            result = self._for_you(models, catalog, history, prefs, banned, k, user_id, with_lists)
        result.timings_ms = timings | {"total": _ms(t0)}
        return result

    def _for_you(self, models: Models, catalog: Catalog, history: History, prefs, banned: np.ndarray, k: int,
                 user_id: str | None, with_lists: bool = False) -> Recommendations:
        lists: dict[str, list[int]] = {}
        explain: dict[str, Any] = {}
        notes: list[str] = []
        pop_scores = self._popularity_scores(models, catalog)
        cold = not history.items
        if not cold:
            hist_t = models.trained_positions(history.items)
            hist_ev = [e for i, e in zip(history.items, history.events) if models.to_trained[i] >= 0]
            hist_w = [w for i, w in zip(history.items, history.weights) if models.to_trained[i] >= 0]
            if models.two_tower is not None and hist_t:
                u = models.two_tower.user_vector(hist_t, hist_ev, prefs)
                if u is not None:
                    lists["two_tower"] = self._two_tower_candidates(models, u, banned)
            if models.als is not None and hist_t:
                u = models.als.user_vector(hist_t, hist_w, user_id)
                if u is not None:
                    lists["als"] = _top(models.spread(models.als.scores(u)), banned, PER_SOURCE)
                    explain["als"] = (hist_t, hist_w)
            if models.cooc is not None and hist_t:
                recency = _recency_weights(hist_w)
                scores_t, why = models.cooc.scores(hist_t, recency, len(models.to_now))
                scores = models.spread(np.where(scores_t > 0, scores_t, -np.inf))
                lists["cooc"] = _top(scores, banned, PER_SOURCE)
                explain["cooc"] = why
            text = self._text_scores(catalog, history)
            if text is not None:
                lists["text"] = _top(text, banned, PER_SOURCE)
            if with_lists and models.bpr is not None and hist_t:
                u = models.bpr.user_vector(hist_t, hist_w, user_id)
                if u is not None:
                    bpr_list = _top(models.spread(models.bpr.scores(u)), banned, PER_SOURCE)
        if not models.trained:
            notes.append("no trained recommender yet (shopassist train recs): text similarity and popularity only")
        if cold:
            notes.append("cold start: no usable events for this shopper, so popular items")
        lists["popularity"] = _top(pop_scores, banned, PER_SOURCE)
        fused = _fuse(lists, FUSION_WEIGHTS)
        items = []
        for pos, score, ranks in fused[:k]:
            kind, reason, because = self._reason_for_you(models, catalog, history, pos, ranks, explain)
            items.append(Rec(catalog.ids[pos], score, reason, kind, because, {s: r for s, r in ranks.items()}))
        out = Recommendations("for_you", items, cold, [s for s in lists if lists[s]], models.version, notes)
        if with_lists:
            out.lists = {s: [catalog.ids[p] for p in v] for s, v in lists.items()}
            if not cold and models.bpr is not None and hist_t:
                out.lists["bpr"] = [catalog.ids[p] for p in bpr_list]
        return out

    def _with_product(self, models: Models, catalog: Catalog, anchor: int | None, product_id: str, history: History,
                      banned: np.ndarray, k: int, similar: bool = False) -> Recommendations:
        weights = SIMILAR_WEIGHTS if similar else PRODUCT_WEIGHTS
        lists: dict[str, list[int]] = {}
        notes: list[str] = []
        banned = banned.copy()
        banned[list(history.bought)] = True
        if anchor is None:
            notes.append(f"product {product_id!r} is not in the catalog the recommender knows")
        else:
            a_t = int(models.to_trained[anchor])
            # complements, not the same item again: its other colours / sizes are not "bought together"
            family = catalog.families[anchor]
            banned |= np.array([same_family(family, f) for f in catalog.families])
            if models.cooc is not None and a_t >= 0:
                for kind in ("bought", "viewed"):
                    nb = models.cooc.neighbours(a_t, kind)
                    scores = np.full(len(catalog), -np.inf)
                    for j, (s, _) in nb.items():
                        if models.to_now[j] >= 0:
                            scores[models.to_now[j]] = s
                    lists[kind] = _top(scores, banned, PER_SOURCE)
            if models.two_tower is not None and a_t >= 0:
                lists["two_tower"] = self._two_tower_candidates(models, models.two_tower.item_vectors[a_t], banned)
            lists["text"] = _top(catalog.vectors @ catalog.vectors[anchor], banned, PER_SOURCE)
        cold = not any(lists.get(s) for s in ("bought", "viewed", "two_tower"))
        if cold:
            notes.append("cold start: nobody's behaviour links this product yet, so similar and popular items")
        lists["popularity"] = _top(self._popularity_scores(models, catalog), banned, PER_SOURCE)
        fused = _fuse(lists, weights)
        title = catalog.titles[anchor] if anchor is not None else product_id
        verb = self._verb(history, anchor) if anchor is not None and anchor in history.touched else None
        items = []
        for pos, score, ranks in fused[:k]:
            best = max(ranks, key=lambda s: weights[s] / (RRF_K + ranks[s]))
            if similar and verb and best in ("two_tower", "text"):
                items.append(Rec(catalog.ids[pos], score, f"Like the {title} you {verb}.",
                                 "two_tower" if best == "two_tower" else "text_similar", product_id, dict(ranks)))
                continue
            if best == "bought":
                kind, reason = "co_bought", f"People who bought the {title} also bought this."
            elif best == "viewed":
                kind, reason = "co_viewed", f"Shoppers who looked at the {title} also looked at this."
            elif best == "two_tower":
                kind, reason = "two_tower", f"Shoppers who like the {title} tend to like this too."
            elif best == "text":
                kind, reason = "text_similar", f"Similar to the {title}."
            else:
                kind, reason = "popular", self._popular_reason(models, catalog, pos)
            items.append(Rec(catalog.ids[pos], score, reason, kind, product_id if kind != "popular" else None, dict(ranks)))
        return Recommendations("similar" if similar else "with_product", items, cold, [s for s in lists if lists[s]],
                               models.version, notes)

    # --- sources -----------------------------------------------------------------------------

    def _popularity_scores(self, models: Models, catalog: Catalog) -> np.ndarray:
        if models.popularity is not None:
            scores = models.spread(models.popularity.score.astype(np.float64))
            return np.where(np.isfinite(scores), scores, 0.0)
        # never trained: the catalog's own ratings as the prior (items without any: 0)
        return np.array([(e.get("rating") or 0.0) * math.log1p(e.get("rating_count") or 0) for e in catalog.extras])

    def _text_scores(self, catalog: Catalog, history: History) -> np.ndarray | None:
        """Cosine to the profile vector: profile.taste_weights over the shopper's events (the
        same 14-day half-life), as `profile_vector` computes it, from the vectors in memory."""
        if not history.items:
            return None
        from ..profile import EVENT_WEIGHTS

        now = time.time()
        net: dict[int, float] = {}
        for i, w, ts in zip(history.items, history.weights, history.ts):
            net[i] = net.get(i, 0.0) + w * 0.5 ** (max(0.0, now - ts) / 86400.0 / 14.0)
        for i in history.disliked:
            net[i] = net.get(i, 0.0) + EVENT_WEIGHTS["dislike"]
        return text_profile_scores(catalog, net)

    def _two_tower_candidates(self, models: Models, vector: np.ndarray, banned: np.ndarray) -> list[int]:
        n = PER_SOURCE + int(banned.sum())
        use_chroma = self.nn == "chroma" or (self.nn == "auto" and len(models.to_now) >= CHROMA_MIN_ITEMS)
        if use_chroma and self._chroma_sync(models):
            try:
                got = self._collection().query(query_embeddings=[np.asarray(vector, dtype=np.float32)],
                                               n_results=min(n, len(models.to_now)), include=["distances"])
                out = [models.catalog.position[i] for i in got["ids"][0] if i in models.catalog.position]
                return [p for p in out if not banned[p]][:PER_SOURCE]
            except Exception as exc:  # the collection is a copy of the file: serve from the file
                log.warning("two-tower collection query failed (%s); exact search in memory", exc)
        if models.two_tower is None:  # callers check; no model, no candidates
            return []
        return _top(models.spread(models.two_tower.scores(vector)), banned, PER_SOURCE)

    # --- the two-tower item vectors in Chroma ------------------------------------------------

    def collection_name(self) -> str:
        return f"{self.index.location.collection}-recs"

    def _collection(self):
        coll = getattr(self, "_coll", None)
        if coll is None or getattr(self, "_coll_version", None) != self._chroma_ready_version:
            coll = self.index.client.get_or_create_collection(self.collection_name(), configuration={"hnsw": {"space": "ip"}},
                                                              embedding_function=None)
            self._coll, self._coll_version = coll, self._chroma_ready_version
        return coll

    def _chroma_sync(self, models: Models) -> bool:
        """Copy the model's item vectors into their collection once per model version. An
        embedded index is written only by a process that has it to itself (as ingest); when
        another process holds it, candidates come from the file (exact) and sync is retried later."""
        if models.two_tower is None or models.version is None:
            return False
        if self._chroma_ready_version == models.version:
            return True
        if time.monotonic() < self._chroma_retry_at:
            return False
        with self._lock:
            if self._chroma_ready_version == models.version:
                return True
            try:
                coll = self._collection()
                if (coll.metadata or {}).get("model_version") != models.version:
                    self._write_collection(models)
                self._chroma_ready_version = models.version
                return True
            except Exception as exc:
                log.info("two-tower vectors not copied to Chroma yet (%s); exact search in memory", exc)
                self._chroma_retry_at = time.monotonic() + CHROMA_RETRY_SECONDS
                return False

    def _write_collection(self, models: Models) -> None:
        tt = models.two_tower
        if tt is None:  # _chroma_sync checks: nothing to copy
            return
        lock = getattr(self.index, "_lock", None)
        if lock is not None:
            lock.begin_write()  # IndexBusy when another process has the embedded folder open
        try:
            try:
                self.index.client.delete_collection(self.collection_name())
            except Exception:
                pass
            coll = self.index.client.create_collection(
                self.collection_name(), configuration={"hnsw": {"space": "ip", "ef_search": 200, "ef_construction": 200}},
                metadata={"model_version": models.version, "kind": "two_tower_items"}, embedding_function=None)
            ids = [models.catalog.ids[p] for p in models.to_now if p >= 0]
            vecs = tt.item_vectors[models.to_now >= 0]
            for start in range(0, len(ids), 2000):
                coll.add(ids=ids[start:start + 2000], embeddings=vecs[start:start + 2000],
                         metadatas=[{"item_id": i} for i in ids[start:start + 2000]])
        finally:
            if lock is not None:
                lock.end_write()

    # --- reasons -----------------------------------------------------------------------------

    def _reason_for_you(self, models: Models, catalog: Catalog, history: History, pos: int, ranks: dict[str, int],
                        explain: dict[str, Any]) -> tuple[str, str, str | None]:
        best = max(ranks, key=lambda s: FUSION_WEIGHTS[s] / (RRF_K + ranks[s]))
        if best == "cooc" and pos in _now_keys(models, explain.get("cooc", {})):
            h_t, kind = _now_keys(models, explain["cooc"])[pos]
            h = int(models.to_now[h_t])
            if kind == "bought":
                return "co_bought", f"People who bought the {catalog.titles[h]} also bought this.", catalog.ids[h]
            return "co_viewed", f"Shoppers who looked at the {catalog.titles[h]} also looked at this.", catalog.ids[h]
        if best == "two_tower" and models.two_tower is not None and models.to_trained[pos] >= 0:
            return self._like_history(models, catalog, history, pos)
        if best == "als" and models.als is not None and models.to_trained[pos] >= 0:
            hist_t, hist_w = explain["als"]
            like_t = models.als.explain(hist_t, hist_w, int(models.to_trained[pos]))
            if like_t is not None and models.to_now[like_t] >= 0:
                h = int(models.to_now[like_t])
                verb = self._verb(history, h)
                return "similar_taste", f"Shoppers with tastes like yours who {verb} the {catalog.titles[h]} chose this.", catalog.ids[h]
        if best == "text" and history.items:
            sims = catalog.vectors[history.items] @ catalog.vectors[pos]
            h = history.items[int(np.argmax(sims))]
            return "text_similar", f"Similar to the {catalog.titles[h]} you {self._verb(history, h)}.", catalog.ids[h]
        return "popular", self._popular_reason(models, catalog, pos), None

    def _like_history(self, models: Models, catalog: Catalog, history: History, pos: int) -> tuple[str, str, str | None]:
        """The history items nearest to the candidate in the model's space: "like the <category>
        you <verb>" when two or more of them share its category, else the nearest one by name."""
        tt = models.two_tower
        if tt is None:  # callers check
            return "popular", self._popular_reason(models, catalog, pos), None
        hist = [(i, e) for i, e in zip(history.items, history.events) if models.to_trained[i] >= 0]
        vecs = tt.item_vectors[[int(models.to_trained[i]) for i, _ in hist]]
        sims = vecs @ tt.item_vectors[int(models.to_trained[pos])]
        order = np.argsort(-sims)[:3]
        nearest = [hist[n] for n in order]
        leaf = catalog.leaf(pos)
        same = [i for i, _ in nearest if leaf and catalog.leaf(i) == leaf]
        if len(set(same)) >= 2:
            verb = self._verb(history, same[0])
            return "two_tower", f"Like the {leaf.lower()} you {verb}.", catalog.ids[same[0]]
        h = nearest[0][0]
        return "two_tower", f"Like the {catalog.titles[h]} you {self._verb(history, h)}.", catalog.ids[h]

    @staticmethod
    def _verb(history: History, item: int) -> str:
        events = [e for i, e in zip(history.items, history.events) if i == item]
        strongest = max(events, key=lambda e: VERB_STRENGTH.get(e, 0)) if events else "view"
        return VERBS.get(strongest, "looked at")

    @staticmethod
    def _popular_reason(models: Models, catalog: Catalog, pos: int) -> str:
        if models.popularity is not None and models.to_trained[pos] >= 0:
            t = int(models.to_trained[pos])
            bought, viewed = int(models.popularity.bought_recent[t]), int(models.popularity.viewed_recent[t])
            if bought >= 2:
                return f"Popular: {bought} shoppers bought it in the last 30 days of activity."
            if viewed >= 2:
                return f"Popular: {viewed} shoppers looked at it in the last 30 days of activity."
            if models.popularity.score[t] > 0:
                return "One of the items shoppers here engage with most."
        extra = catalog.extras[pos]
        if extra.get("rating") is not None and extra.get("rating_count"):
            return f"Rated {extra['rating']:g}/5 by {int(extra['rating_count']):,} shoppers."
        return "One of the shop's popular picks."


def text_profile_scores(catalog: Catalog, net_weights: dict[int, float]) -> np.ndarray | None:
    """Cosine of every item to the weighted mean of the history's text vectors (profile_vector's
    formula: sum w_i v_i / sum |w_i|, normalised)."""
    if not net_weights:
        return None
    idx = np.fromiter(net_weights, dtype=np.int64)
    w = np.fromiter(net_weights.values(), dtype=np.float64)
    mean = (w[:, None] * catalog.vectors[idx]).sum(axis=0) / np.abs(w).sum()
    norm = float(np.linalg.norm(mean))
    if norm < 1e-6:
        return None
    return catalog.vectors @ (mean / norm).astype(np.float32)


def _recency_weights(weights: list[float], decay: float = 0.9) -> list[float]:
    """The newest events count most: the t-th newest gets decay ** t of its weight."""
    n = len(weights)
    return [w * decay ** (n - 1 - t) for t, w in enumerate(weights)]


def _top(scores: np.ndarray, banned: np.ndarray, n: int) -> list[int]:
    scores = np.where(banned | ~np.isfinite(scores), -np.inf, scores)
    ok = int(np.isfinite(scores).sum())
    if ok == 0:
        return []
    m = min(n, ok)
    part = np.argpartition(-scores, m - 1)[:m]
    return [int(i) for i in part[np.lexsort((part, -scores[part]))]]


def _fuse(lists: dict[str, list[int]], weights: dict[str, float]) -> list[tuple[int, float, dict[str, int]]]:
    """Weighted reciprocal-rank fusion: sum over sources of weight / (RRF_K + rank)."""
    score: dict[int, float] = {}
    ranks: dict[int, dict[str, int]] = {}
    for source, items in lists.items():
        w = weights.get(source, 0.0)
        for rank, pos in enumerate(items, 1):
            score[pos] = score.get(pos, 0.0) + w / (RRF_K + rank)
            ranks.setdefault(pos, {})[source] = rank
    order = sorted(score, key=lambda p: (-score[p], p))
    return [(p, score[p], ranks[p]) for p in order]


def _now_keys(models: Models, why: dict[int, tuple[int, str]]) -> dict[int, tuple[int, str]]:
    """cooc's explanations are keyed by trained position; re-key by today's catalog position."""
    cache = getattr(models, "_why_cache", None)
    if cache is not None and cache[0] is why:
        return cache[1]
    out = {int(models.to_now[j]): v for j, v in why.items() if models.to_now[j] >= 0}
    models._why_cache = (why, out)
    return out


def _empty_models(m: Models, catalog: Catalog) -> None:
    m.manifest, m.version, m.catalog, m.same_catalog = {}, None, catalog, False
    m.to_now = np.zeros(0, dtype=np.int64)
    m.to_trained = np.full(len(catalog), -1, dtype=np.int64)
    m.popularity = m.cooc = m.als = m.two_tower = m.bpr = None


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


_SHARED: dict[tuple[int, int], Recommender] = {}
_SHARED_LOCK = threading.Lock()


def recommender_for(index, profiles) -> Recommender:
    """One Recommender per (index, profile store) in this process: the API and the chat share it."""
    keyed = (id(index), id(profiles))
    with _SHARED_LOCK:
        rec = _SHARED.get(keyed)
        if rec is None or rec.index is not index or rec.profiles is not profiles:
            rec = _SHARED[keyed] = Recommender(index, profiles)
        return rec
