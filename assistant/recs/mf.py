"""Matrix factorisation of implicit feedback with the `implicit` library.

ALS (Hu, Koren, Volinsky 2008) is what the recommender serves: confidence c_ui = 1 + alpha *
r_ui, where r_ui is the sum of the shopper's positive event weights on the item
(profile.EVENT_WEIGHTS: a view 0.2 ... a purchase 1.0); dislikes are left out (they filter at
serving time). A shopper's vector is recomputed at serving time from their current events by the
same closed form ALS uses (x_u = (YtY + Yt(C_u - I)Y + lambda I)^-1 Yt C_u p_u), so new events
count at once and a shopper the model never saw still gets a vector. BPR (Rendle et al. 2009) is
trained for comparison in the eval (single-threaded, so it is deterministic); for a shopper it
never saw, its user vector is the mean of the item vectors of their history."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .data import EventLog


def _quiet_blas() -> None:
    # implicit warns when OpenBLAS runs threads of its own under its own thread pool.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, "blas")
    except Exception:  # threadpoolctl comes with implicit; without it implicit only warns
        pass


def user_item_matrix(log: EventLog, n_items: int, alpha: float) -> sp.csr_matrix:
    """users x items confidence (1 + alpha * summed positive weights), positive events only."""
    pos = log.positive()
    m = sp.coo_matrix((log.weight[pos].astype(np.float64), (log.user[pos], log.item[pos])),
                      shape=(len(log.users), n_items)).tocsr()
    m.sum_duplicates()
    m.data = (1.0 + alpha * m.data).astype(np.float32)
    return m


@dataclass
class MatrixFactorisation:
    kind: str  # "als" | "bpr"
    users: list[str]
    user_factors: np.ndarray  # (n_users, f) float32
    item_factors: np.ndarray  # (n_items, f) float32
    regularization: float
    alpha: float

    @classmethod
    def fit(cls, log: EventLog, n_items: int, *, kind: str = "als", factors: int = 64, iterations: int | None = None,
            regularization: float | None = None, alpha: float = 10.0, seed: int = 0, threads: int = 2,
            warm: "MatrixFactorisation | None" = None, warm_users: list[str] | None = None,
            warm_items: list[int] | None = None) -> "MatrixFactorisation":
        """Train on the log. `warm` (incremental training): start from its factors, mapped onto
        this log's users and items (`warm_items[j]` = the old row of item j, -1 when new)."""
        _quiet_blas()
        matrix = user_item_matrix(log, n_items, alpha)
        if kind == "als":
            from implicit.cpu.als import AlternatingLeastSquares

            reg = 0.1 if regularization is None else regularization
            model = AlternatingLeastSquares(factors=factors, regularization=reg, alpha=1.0, iterations=iterations or 15,
                                            random_state=seed, num_threads=threads, calculate_training_loss=False)
            if warm is not None:
                rng = np.random.default_rng(seed)
                model.user_factors = _mapped(warm.user_factors, [warm.users.index(u) if u in (warm_users or []) else -1
                                                                 for u in log.users], factors, rng)
                model.item_factors = _mapped(warm.item_factors, warm_items or [-1] * n_items, factors, rng)
            model.fit(matrix, show_progress=False)
        elif kind == "bpr":
            from implicit.cpu.bpr import BayesianPersonalizedRanking

            reg = 0.01 if regularization is None else regularization
            # BPR needs binary likes; one thread keeps its SGD deterministic.
            binary = matrix.copy()
            binary.data[:] = 1.0
            model = BayesianPersonalizedRanking(factors=factors, learning_rate=0.05, regularization=reg,
                                                iterations=iterations or 100, random_state=seed, num_threads=1)
            model.fit(binary, show_progress=False)
        else:
            raise ValueError(f"unknown factorisation {kind!r}; expected als or bpr")
        return cls(kind, list(log.users), np.asarray(model.user_factors, dtype=np.float32),
                   np.asarray(model.item_factors, dtype=np.float32), reg, alpha)

    def user_vector(self, items: list[int], weights: list[float], user_id: str | None = None) -> np.ndarray | None:
        """The shopper's vector from their positive events now (ALS closed form; BPR: the stored
        vector of a known shopper, else the mean of their items' vectors)."""
        if not items:
            return None
        if self.kind == "bpr":
            if user_id is not None and user_id in self._rows():
                return self.user_factors[self._rows()[user_id]]
            return self.item_factors[items].mean(axis=0)
        system = self._user_system(items, weights)
        if system is None:
            return None
        _, _, c, Yi, A = system
        return np.linalg.solve(A, Yi.T @ c).astype(np.float32)

    def scores(self, vector: np.ndarray) -> np.ndarray:
        return self.item_factors @ vector

    def explain(self, items: list[int], weights: list[float], target: int) -> int | None:
        """Which history item most raises `target`'s score (ALS: the contribution of each history
        item through the user's solve, as in implicit's `explain`); None without history."""
        if not items:
            return None
        if self.kind == "bpr":
            sims = self.item_factors[items] @ self.item_factors[target]
            return int(items[int(np.argmax(sims))])
        system = self._user_system(items, weights)
        if system is None:
            return None
        Y, idx, c, Yi, A = system
        weighted = np.linalg.solve(A, Y[target])
        contributions = (Yi @ weighted) * c
        return int(idx[int(np.argmax(contributions))])

    def _user_system(self, items: list[int], weights: list[float]):
        """ALS's normal equations for one shopper from their positive events (Hu, Koren and
        Volinsky: confidence 1 + alpha * weight): (item factors, history rows, confidences,
        history factors, the matrix A of A x = b); None when no event is positive."""
        r: dict[int, float] = {}
        for i, w in zip(items, weights):
            if w > 0:
                r[i] = r.get(i, 0.0) + w
        if not r:
            return None
        Y = self.item_factors.astype(np.float64)
        idx = np.fromiter(r, dtype=np.int64)
        c = 1.0 + self.alpha * np.fromiter(r.values(), dtype=np.float64)
        Yi = Y[idx]
        A = self._yty() + self.regularization * np.eye(Y.shape[1]) + (Yi.T * (c - 1.0)) @ Yi
        return Y, idx, c, Yi, A

    def _yty(self) -> np.ndarray:
        if getattr(self, "_cached_yty", None) is None:
            Y = self.item_factors.astype(np.float64)
            self._cached_yty = Y.T @ Y
        return self._cached_yty

    def _rows(self) -> dict[str, int]:
        if getattr(self, "_cached_rows", None) is None:
            self._cached_rows = {u: n for n, u in enumerate(self.users)}
        return self._cached_rows

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"kind": np.array(self.kind), "users": np.asarray(self.users, dtype=str), "user_factors": self.user_factors,
                "item_factors": self.item_factors, "regularization": np.array(self.regularization), "alpha": np.array(self.alpha)}

    @classmethod
    def from_arrays(cls, a: dict[str, np.ndarray]) -> "MatrixFactorisation":
        return cls(str(a["kind"]), [str(u) for u in a["users"]], a["user_factors"], a["item_factors"],
                   float(a["regularization"]), float(a["alpha"]))


def _mapped(old: np.ndarray, rows: list[int], factors: int, rng) -> np.ndarray:
    out = (rng.random((len(rows), factors), dtype=np.float32) * 0.01).astype(np.float32)
    if old.shape[1] == factors:
        for j, r in enumerate(rows):
            if r >= 0:
                out[j] = old[r]
    return out
