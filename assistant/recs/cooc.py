"""Item-to-item co-occurrence: co-bought (the same shopper added to a cart or bought both) and
co-viewed (both engaged with in one session; a shopper's whole history when events carry no
session), each event decayed with its age and the counts popularity-damped.

    c_ij = sum over baskets b of  d_bi * d_bj          d = 0.5 ** (age / half_life), one per item and basket
    s_ij = c_ij / (n_i ** a * n_j ** a)                n_i = sum_b d_bi,  a = `damping` (0.5: cosine)

so an item everybody touches does not become everybody's neighbour. Each item keeps its `top_n`
neighbours of each kind. No training beyond counting: the non-learned item-kNN baseline."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .data import BUY, ENGAGE, EventLog


@dataclass
class CoOccurrence:
    bought_idx: np.ndarray  # (n_items, top_n) int32 neighbour positions, -1 = none
    bought_sim: np.ndarray  # (n_items, top_n) float32
    viewed_idx: np.ndarray
    viewed_sim: np.ndarray
    view_weight: float = 0.5  # how much a co-view counts next to a co-purchase

    @classmethod
    def fit(cls, log: EventLog, n_items: int, *, half_life_days: float = 180.0, damping: float = 0.5,
            top_n: int = 50, now: float | None = None, view_weight: float = 0.5) -> "CoOccurrence":
        now = float(log.ts.max()) if now is None and len(log) else (now or 0.0)
        decay = (0.5 ** (np.maximum(0.0, now - log.ts) / (half_life_days * 86400.0))).astype(np.float64)
        positive = log.positive()
        buy = positive & log.codes(BUY | {"like"})
        view = positive & log.codes(ENGAGE | BUY | {"like"})
        bought = _similarity(_baskets(log.user[buy], log.item[buy], decay[buy], len(log.users), n_items), damping)
        has_session = log.session >= 0
        basket = np.where(has_session, log.session, -1 - log.user.astype(np.int64))  # no session: the whole history
        _, basket_code = np.unique(basket[view], return_inverse=True)
        viewed = _similarity(_baskets(basket_code, log.item[view], decay[view], int(basket_code.max(initial=-1)) + 1, n_items),
                             damping)
        bi, bs = _top(bought, top_n)
        vi, vs = _top(viewed, top_n)
        return cls(bi, bs, vi, vs, view_weight)

    # --- scoring --------------------------------------------------------------------------

    def neighbours(self, item: int, kind: str = "both") -> dict[int, tuple[float, str]]:
        """Neighbours of one item: position -> (score, "bought" | "viewed")."""
        out: dict[int, tuple[float, str]] = {}
        if kind in ("both", "bought"):
            for j, s in zip(self.bought_idx[item], self.bought_sim[item]):
                if j >= 0 and s > 0:
                    out[int(j)] = (float(s), "bought")
        if kind in ("both", "viewed"):
            for j, s in zip(self.viewed_idx[item], self.viewed_sim[item]):
                if j >= 0 and s > 0:
                    score = float(s) * self.view_weight
                    if int(j) not in out:
                        out[int(j)] = (score, "viewed")
                    else:
                        out[int(j)] = (out[int(j)][0] + score, out[int(j)][1])
        return out

    def scores(self, history: list[int], weights: list[float], n_items: int) -> tuple[np.ndarray, dict[int, tuple[int, str]]]:
        """Scores of every item for a history (positions, weights), and per scored item the
        history item that contributed most with its kind (the reason)."""
        agg: dict[int, float] = {}
        for h, w in zip(history, weights):
            agg[h] = agg.get(h, 0.0) + w
        scores = np.zeros(n_items, dtype=np.float64)
        if not agg:
            return scores, {}
        H = np.fromiter(agg, dtype=np.int64)
        W = np.fromiter(agg.values(), dtype=np.float64)
        parts = []
        for idx, sim, scale, kind in ((self.bought_idx, self.bought_sim, 1.0, 0), (self.viewed_idx, self.viewed_sim, self.view_weight, 1)):
            j = idx[H]
            c = W[:, None] * sim[H].astype(np.float64) * scale
            ok = (j >= 0) & (c > 0)
            hh = np.broadcast_to(H[:, None], j.shape)
            parts.append((j[ok], c[ok], hh[ok], np.full(int(ok.sum()), kind)))
        j = np.concatenate([p[0] for p in parts])
        c = np.concatenate([p[1] for p in parts])
        hh = np.concatenate([p[2] for p in parts])
        kinds = np.concatenate([p[3] for p in parts])
        np.add.at(scores, j, c)
        best: dict[int, tuple[int, str]] = {}
        if len(j):
            order = np.lexsort((hh, -c, j))  # per item, its largest contribution first
            first = np.ones(len(order), dtype=bool)
            first[1:] = j[order][1:] != j[order][:-1]
            for n in order[first]:
                best[int(j[n])] = (int(hh[n]), "bought" if kinds[n] == 0 else "viewed")
        return scores, best

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"bought_idx": self.bought_idx, "bought_sim": self.bought_sim, "viewed_idx": self.viewed_idx,
                "viewed_sim": self.viewed_sim, "view_weight": np.array(self.view_weight)}

    @classmethod
    def from_arrays(cls, a: dict[str, np.ndarray]) -> "CoOccurrence":
        return cls(a["bought_idx"], a["bought_sim"], a["viewed_idx"], a["viewed_sim"], float(a["view_weight"]))


def _baskets(rows: np.ndarray, items: np.ndarray, decay: np.ndarray, n_rows: int, n_items: int) -> sp.csr_matrix:
    """basket x item, the largest decay of the item's events in the basket (an item counts once per basket)."""
    m = sp.coo_matrix((decay, (rows, items)), shape=(max(n_rows, 1), n_items)).tocsr()
    m.sum_duplicates()
    # repeated events in one basket: cap at the strongest one's weight, not their sum
    m.data = np.minimum(m.data, 1.0)
    return m


def _similarity(baskets: sp.csr_matrix, damping: float) -> sp.csr_matrix:
    co = (baskets.T @ baskets).tocsr()
    co.setdiag(0)
    co.eliminate_zeros()
    n = np.asarray(baskets.sum(axis=0)).ravel()
    scale = np.where(n > 0, n, 1.0) ** -damping
    return sp.diags(scale) @ co @ sp.diags(scale)


def _top(m: sp.spmatrix, top_n: int) -> tuple[np.ndarray, np.ndarray]:
    m = sp.csr_matrix(m)
    idx = np.full((m.shape[0], top_n), -1, dtype=np.int32)
    sim = np.zeros((m.shape[0], top_n), dtype=np.float32)
    for r in range(m.shape[0]):
        lo, hi = m.indptr[r], m.indptr[r + 1]
        if lo == hi:
            continue
        cols, vals = m.indices[lo:hi], m.data[lo:hi]
        order = np.lexsort((cols, -vals))[:top_n]  # ties by position: deterministic
        idx[r, : len(order)] = cols[order]
        sim[r, : len(order)] = vals[order]
    return idx, sim
