"""What the recommenders read: the catalog as arrays (ids, text vectors, category and price band
codes, titles) and the event log as arrays (user, item, event, weight, time, session).

Both are built from what the shop already has: the index's stored vectors and metadata, and the
profile store's events. Events on products no longer in the catalog are dropped; `handoff` has
no product and teaches nothing about taste."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

# Event codes (stable: they are stored in the two-tower model's configuration).
EVENT_CODES: dict[str, int] = {"view": 1, "click": 2, "dwell": 3, "more_like_this": 4, "add_to_cart": 5,
                               "purchase": 6, "like": 7, "dislike": 8}
ENGAGE = frozenset({"view", "click", "dwell", "more_like_this"})
BUY = frozenset({"add_to_cart", "purchase"})
POSITIVE = ENGAGE | BUY | {"like"}
PRICE_BANDS = 8
_COLOUR_OR_SIZE = re.compile(r"^(?:\d+(?:[.,]\d+)?(?:cm|mm|ml|l|kg|g|gb|tb|in|inch|w|mah)?|x{0,3}[sml]|xxl|xl|one|size|pack|of|"
                             r"black|white|grey|gray|navy|blue|red|green|yellow|orange|pink|purple|brown|beige|tan|"
                             r"olive|khaki|teal|silver|gold|cream|charcoal|burgundy|maroon|multicolou?r)$")


def title_family(title: str, brand: str | None = None) -> frozenset[str]:
    """The words that make a product what it is: its title without colours, sizes, numbers and
    the brand. Variants of one item (the grey and the navy Tailwind) share a family."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    drop = set(re.findall(r"[a-z0-9]+", (brand or "").lower()))
    return frozenset(w for w in words if w not in drop and not _COLOUR_OR_SIZE.match(w) and len(w) > 1)


def same_family(a: frozenset[str], b: frozenset[str], threshold: float = 0.75) -> bool:
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= threshold


@dataclass
class Catalog:
    """The products the recommenders may propose, in a fixed order (sorted ids)."""

    ids: list[str]
    vectors: np.ndarray  # (n, d) float32, L2-normalised text embeddings (the index's stored vectors)
    categories: list[str]  # full path "A > B", "" when unknown
    prices: np.ndarray  # float64, NaN when unknown
    titles: list[str]
    brands: list[str | None]
    extras: list[dict[str, Any]] = field(default_factory=list)  # per item: product_type, currency, rating...
    metas: list[dict[str, Any]] = field(default_factory=list)  # the index's metadata (for the chat's filters)
    position: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.position = {pid: i for i, pid in enumerate(self.ids)}
        if not self.extras:
            self.extras = [{} for _ in self.ids]
        self._families: list[frozenset[str]] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def out_of_stock(self) -> np.ndarray:
        """Which items are out of stock (a mask, computed once: serving reads it every request)."""
        if getattr(self, "_out_of_stock", None) is None:
            self._out_of_stock = np.array([not e.get("in_stock", True) for e in self.extras], dtype=bool)
        return self._out_of_stock

    @property
    def families(self) -> list[frozenset[str]]:
        if self._families is None:
            self._families = [title_family(t, b) for t, b in zip(self.titles, self.brands)]
        return self._families

    def leaf(self, i: int) -> str:
        return self.categories[i].split(" > ")[-1] if self.categories[i] else ""

    @classmethod
    def from_index(cls, index) -> "Catalog":
        """Every product of the index with its stored vector."""
        rows: list[tuple[str, np.ndarray, dict]] = []
        for batch in index.iter_records(where={"kind": "product"}, include=["metadatas", "embeddings"]):
            for meta, vec in zip(batch["metadatas"], batch["embeddings"]):
                rows.append((meta["item_id"], np.asarray(vec, dtype=np.float32), meta))
        rows.sort(key=lambda r: r[0])
        metas = [r[2] for r in rows]
        payloads = [json.loads(m["payload"]) for m in metas]
        dim = int(getattr(index.embedder, "dimension", 0) or (len(rows[0][1]) if rows else 384))
        vectors = np.stack([r[1] for r in rows]) if rows else np.zeros((0, dim), dtype=np.float32)
        catalog = cls.build([r[0] for r in rows], vectors, payloads)
        catalog.metas = [{k: v for k, v in m.items() if k != "payload"} for m in metas]
        return catalog

    def allowed(self, filters) -> "np.ndarray":
        """Which items pass the search filters (retrieval.filters.matches on their metadata)."""
        from retrieval.filters import matches

        if not self.metas:
            return np.ones(len(self.ids), dtype=bool)
        return np.array([matches(filters, m) for m in self.metas], dtype=bool)

    @classmethod
    def from_products(cls, products: Sequence[Any], vectors: np.ndarray) -> "Catalog":
        """From Product objects and their vectors in the same order (evals, tests)."""
        order = sorted(range(len(products)), key=lambda i: products[i].id)
        payloads = [products[i].model_dump(mode="json") for i in order]
        return cls.build([products[i].id for i in order], np.asarray(vectors, dtype=np.float32)[order], payloads)

    @classmethod
    def build(cls, ids: list[str], vectors: np.ndarray, payloads: list[dict]) -> "Catalog":
        norms = np.linalg.norm(vectors, axis=1, keepdims=True) if len(ids) else np.ones((0, 1))
        vectors = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
        return cls(
            ids=ids, vectors=vectors,
            categories=[" > ".join(p.get("category") or []) for p in payloads],
            prices=np.array([p["price"] if p.get("price") is not None else math.nan for p in payloads], dtype=np.float64),
            titles=[p.get("title", "") for p in payloads],
            brands=[p.get("brand") for p in payloads],
            extras=[{"product_type": p.get("product_type"), "currency": p.get("currency", "USD"),
                     "in_stock": p.get("in_stock", True), "rating": p.get("rating"), "rating_count": p.get("rating_count")}
                    for p in payloads],
        )

    # --- features of the item tower ------------------------------------------------------

    def category_codes(self, vocabulary: dict[str, int] | None = None) -> tuple[np.ndarray, dict[str, int]]:
        """Category path -> code (0 = unknown or unseen by the vocabulary)."""
        if vocabulary is None:
            vocabulary = {c: n for n, c in enumerate(sorted({c for c in self.categories if c}), 1)}
        return np.array([vocabulary.get(c, 0) for c in self.categories], dtype=np.int64), vocabulary

    def price_band_edges(self, bands: int = PRICE_BANDS) -> list[float]:
        known = self.prices[~np.isnan(self.prices)]
        if len(known) == 0:
            return []
        return sorted(set(float(x) for x in np.quantile(known, np.linspace(0, 1, bands + 1)[1:-1])))

    def price_bands(self, edges: list[float]) -> np.ndarray:
        return np.array([price_band(p, edges) for p in self.prices], dtype=np.int64)


def price_band(price: float | None, edges: list[float]) -> int:
    """1..len(edges)+1 by the catalog's price quantiles; 0 when the price is unknown."""
    if price is None or (isinstance(price, float) and math.isnan(price)):
        return 0
    return 1 + int(np.searchsorted(np.asarray(edges), price, side="right"))


@dataclass
class EventLog:
    """Events as parallel arrays, in time order (ties by row id)."""

    users: list[str]
    user: np.ndarray  # int32 row in users
    item: np.ndarray  # int32 position in the catalog
    event: np.ndarray  # int8 EVENT_CODES
    weight: np.ndarray  # float32 event_weight (negative for dislike)
    ts: np.ndarray  # float64 unix seconds
    session: np.ndarray  # int32 session code, -1 when none
    last_id: int = 0
    dropped: int = 0  # events on products the catalog no longer has

    def __len__(self) -> int:
        return len(self.user)

    @classmethod
    def from_events(cls, events: Iterable[Any], catalog: Catalog, exclude_users: set[str] | None = None) -> "EventLog":
        from ..profile import event_weight

        users: dict[str, int] = {}
        sessions: dict[str, int] = {}
        cols: dict[str, list] = {k: [] for k in ("user", "item", "event", "weight", "ts", "session", "id")}
        last_id = dropped = 0
        for ev in events:
            last_id = max(last_id, ev.id or 0)
            if ev.product_id is None or ev.event not in EVENT_CODES:
                continue
            if exclude_users and ev.user_id in exclude_users:
                continue
            i = catalog.position.get(ev.product_id)
            if i is None:
                dropped += 1
                continue
            cols["user"].append(users.setdefault(ev.user_id, len(users)))
            cols["item"].append(i)
            cols["event"].append(EVENT_CODES[ev.event])
            cols["weight"].append(event_weight(ev))
            cols["ts"].append(ev.ts)
            cols["session"].append(sessions.setdefault(f"{ev.user_id}\x1f{ev.session_id}", len(sessions)) if ev.session_id else -1)
            cols["id"].append(ev.id or 0)
        order = np.lexsort((np.asarray(cols["id"], dtype=np.int64), np.asarray(cols["ts"], dtype=np.float64)))
        return cls(
            users=list(users), user=np.asarray(cols["user"], dtype=np.int32)[order],
            item=np.asarray(cols["item"], dtype=np.int32)[order], event=np.asarray(cols["event"], dtype=np.int8)[order],
            weight=np.asarray(cols["weight"], dtype=np.float32)[order], ts=np.asarray(cols["ts"], dtype=np.float64)[order],
            session=np.asarray(cols["session"], dtype=np.int32)[order], last_id=last_id, dropped=dropped,
        )

    def positive(self) -> np.ndarray:
        return self.weight > 0

    def codes(self, names: Iterable[str]) -> np.ndarray:
        wanted = np.array([EVENT_CODES[n] for n in names], dtype=np.int8)
        return np.isin(self.event, wanted)

    def sequences(self) -> list[np.ndarray]:
        """Per user row: the indices (into this log) of their positive events, oldest first."""
        pos = np.nonzero(self.positive())[0]
        order = pos[np.argsort(self.user[pos], kind="stable")]
        bounds = np.searchsorted(self.user[order], np.arange(len(self.users) + 1))
        return [order[bounds[u]:bounds[u + 1]] for u in range(len(self.users))]
