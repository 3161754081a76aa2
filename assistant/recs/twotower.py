"""A two-tower model in PyTorch, trained on the event log.

Item tower (an item's vector, 64 numbers, L2-normalised):
    MLP(text embedding: the index's stored vector)  +  E_category[path]  +  E_price_band[band]
    +  E_id[item]   (only for items with training events; new items have text, category and price)
User tower (a shopper's vector, same space):
    the last `max_len` positive events, each  W * item_tower(item) + E_event[type] + E_position[t],
    pooled by attention, with the newest event and the stated preferences (E_budget_band[max_budget
    band] + bag of hashed preferred brands / colours), through an MLP.
Training: each positive event of a shopper is a target, the events before it the context; the
loss is a sampled softmax over in-batch positives plus `negatives` items drawn uniformly from the
catalog (all of it when the catalog is smaller), corrected by the log of each candidate's
sampling probability (logQ). Adam, a fixed number of epochs, seeded and deterministic.

The exported file (`two_tower.pt`) holds the state dict, the configuration and the item vectors
of the whole catalog; serving needs only the user tower's forward pass and a nearest-neighbour
search over those vectors."""

from __future__ import annotations

import contextlib
import hashlib
import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .data import EVENT_CODES, Catalog, EventLog, price_band


@dataclass
class TwoTowerConfig:
    n_items: int
    text_dim: int
    n_categories: int
    n_bands: int
    dim: int = 64
    hidden: int = 128
    max_len: int = 20
    pref_buckets: int = 512
    id_dropout: float = 0.2
    epochs: int = 10
    min_steps: int = 1000  # small logs get more epochs (at most max_epochs): at least this many updates
    max_epochs: int = 100
    batch_size: int = 256
    negatives: int = 1024
    lr: float = 3e-3
    weight_decay: float = 1e-5
    seed: int = 0
    band_edges: list[float] = field(default_factory=list)
    categories: dict[str, int] = field(default_factory=dict)


def _pref_tokens(prefs, buckets: int) -> list[int]:
    words = [f"brand:{b.lower()}" for b in (prefs.preferred_brands if prefs else [])]
    words += [f"color:{c.lower()}" for c in (prefs.colors if prefs else [])]
    return [1 + int(hashlib.blake2b(w.encode(), digest_size=4).hexdigest(), 16) % (buckets - 1) for w in words][:8]


def _model_class():
    import torch
    from torch import nn

    class TwoTowerNet(nn.Module):
        def __init__(self, cfg: TwoTowerConfig):
            super().__init__()
            d, h = cfg.dim, cfg.hidden
            self.cfg = cfg
            self.text = nn.Sequential(nn.Linear(cfg.text_dim, h), nn.GELU(), nn.Linear(h, d))
            self.category = nn.Embedding(cfg.n_categories + 1, d)
            self.band = nn.Embedding(cfg.n_bands + 2, d)
            self.item_id = nn.Embedding(cfg.n_items + 1, d, padding_idx=cfg.n_items)
            nn.init.normal_(self.item_id.weight, std=0.01)
            with torch.no_grad():
                self.item_id.weight[cfg.n_items].zero_()
            self.seq = nn.Linear(d, d)
            self.event = nn.Embedding(max(EVENT_CODES.values()) + 1, d)
            self.position = nn.Embedding(cfg.max_len, d)
            self.attention = nn.Linear(d, 1)
            self.budget = nn.Embedding(cfg.n_bands + 2, d)
            self.prefs = nn.EmbeddingBag(cfg.pref_buckets, d, mode="sum", padding_idx=0)
            self.user = nn.Sequential(nn.Linear(3 * d, h), nn.GELU(), nn.Linear(h, d))
            self.log_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

        def items(self, text, category, band, ids):
            v = self.text(text) + self.category(category) + self.band(band) + self.item_id(ids)
            return nn.functional.normalize(v, dim=-1)

        def users(self, hist_vectors, hist_events, mask, budget, pref_tokens):
            L = hist_vectors.shape[1]
            pos = torch.arange(L, device=hist_vectors.device)
            h = self.seq(hist_vectors) + self.event(hist_events) + self.position(pos)[None]
            logits = self.attention(torch.tanh(h)).squeeze(-1).masked_fill(~mask, -1e9)
            weights = torch.softmax(logits, dim=-1) * mask.any(dim=-1, keepdim=True)
            pooled = (weights.unsqueeze(-1) * h).sum(1)
            last = h[:, -1] * mask[:, -1:].float()  # sequences are left-padded: the newest is last
            prefs = self.budget(budget) + self.prefs(pref_tokens)
            u = self.user(torch.cat([pooled, last, prefs], dim=-1))
            return nn.functional.normalize(u, dim=-1)

    return TwoTowerNet


@dataclass
class TwoTower:
    """A trained model: the network, its configuration, and the catalog's item vectors."""

    config: TwoTowerConfig
    net: Any
    item_vectors: np.ndarray  # (n_items, dim) float32
    item_ids: list[str]
    train_seconds: float = 0.0
    losses: list[float] = field(default_factory=list)

    # --- training --------------------------------------------------------------------------

    @classmethod
    def fit(cls, log: EventLog, catalog: Catalog, preferences: dict[str, Any] | None = None, *, epochs: int | None = None,
            seed: int = 0, warm: "TwoTower | None" = None, lr: float | None = None, threads: int | None = None,
            on_epoch=None, **overrides: Any) -> "TwoTower":

        started = time.perf_counter()
        codes, vocabulary = catalog.category_codes(warm.config.categories if warm else None)
        edges = warm.config.band_edges if warm else catalog.price_band_edges()
        cfg = TwoTowerConfig(n_items=len(catalog), text_dim=catalog.vectors.shape[1], n_categories=len(vocabulary),
                             n_bands=len(edges) + 1, seed=seed, band_edges=list(edges), categories=vocabulary, **overrides)
        if epochs is not None:
            cfg.epochs = epochs
        if lr is not None:
            cfg.lr = lr
        with _deterministic(seed, threads):
            net = _model_class()(cfg)
            if warm is not None:
                _load_warm(net, warm, catalog)
            feats = _features(catalog, cfg, log)
            examples = _examples(log, cfg, catalog, preferences or {})
            losses = _train(net, cfg, feats, examples, log, len(catalog), on_epoch)
            net.eval()
            vectors = _all_item_vectors(net, feats)
        return cls(cfg, net, vectors, list(catalog.ids), time.perf_counter() - started, losses)

    # --- serving ---------------------------------------------------------------------------

    def user_vector(self, items: list[int], events: list[str], prefs=None) -> np.ndarray | None:
        """The shopper's vector from their recent positive events (oldest first) and stated
        preferences; None without events (cold start is the caller's decision). The user tower's
        forward pass in numpy (the same arithmetic as `TwoTowerNet.users`): a fraction of a
        millisecond, and no torch threads competing with a busy server."""
        from scipy.special import erf

        if not items:
            return None
        cfg = self.config
        w = self._numpy_weights()
        items, events = items[-cfg.max_len:], events[-cfg.max_len:]
        L, n = cfg.max_len, len(items)
        pos = np.arange(L - n, L)
        h = self.item_vectors[items] @ w["seq.weight"].T + w["seq.bias"] + w["event.weight"][[EVENT_CODES.get(e, 0) for e in events]] \
            + w["position.weight"][pos]
        logits = np.tanh(h) @ w["attention.weight"][0] + w["attention.bias"][0]
        a = np.exp(logits - logits.max())
        a /= a.sum()
        pooled = a @ h
        last = h[-1]
        budget = price_band(prefs.max_budget, cfg.band_edges) if prefs is not None and prefs.max_budget is not None else 0
        tokens = [t for t in _pref_tokens(prefs, cfg.pref_buckets) if t]
        pref = w["budget.weight"][budget] + (w["prefs.weight"][tokens].sum(axis=0) if tokens else 0.0)
        x = np.concatenate([pooled, last, pref]) @ w["user.0.weight"].T + w["user.0.bias"]
        x = 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))
        u = x @ w["user.2.weight"].T + w["user.2.bias"]
        return (u / max(float(np.linalg.norm(u)), 1e-12)).astype(np.float32)

    def user_vector_torch(self, items: list[int], events: list[str], prefs=None) -> np.ndarray | None:
        """The same through the network itself (tests check both agree)."""
        import torch

        if not items:
            return None
        cfg = self.config
        items, events = items[-cfg.max_len:], events[-cfg.max_len:]
        pad = cfg.max_len - len(items)
        hist = np.zeros((1, cfg.max_len, cfg.dim), dtype=np.float32)
        hist[0, pad:] = self.item_vectors[items]
        ev = np.zeros((1, cfg.max_len), dtype=np.int64)
        ev[0, pad:] = [EVENT_CODES.get(e, 0) for e in events]
        mask = np.zeros((1, cfg.max_len), dtype=bool)
        mask[0, pad:] = True
        budget = price_band(prefs.max_budget, cfg.band_edges) if prefs is not None and prefs.max_budget is not None else 0
        tokens = _pref_tokens(prefs, cfg.pref_buckets) or [0]
        with torch.inference_mode():
            u = self.net.users(torch.from_numpy(hist), torch.from_numpy(ev), torch.from_numpy(mask),
                               torch.tensor([budget]), torch.tensor([tokens]))
        return u[0].numpy().astype(np.float32)

    def _numpy_weights(self) -> dict[str, np.ndarray]:
        w: dict[str, np.ndarray] | None = getattr(self, "_np", None)
        if w is None:
            w = {k: v.detach().cpu().numpy().astype(np.float64) for k, v in self.net.state_dict().items()}
            # cached per instance (not a dataclass field); None drops the cache
            self._np: dict[str, np.ndarray] | None = w
        return w

    def scores(self, vector: np.ndarray) -> np.ndarray:
        return self.item_vectors @ vector

    # --- files -----------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        import torch

        from .store import atomic_write

        blob = {"config": asdict(self.config), "state": self.net.state_dict(), "item_vectors": torch.from_numpy(self.item_vectors),
                "item_ids": list(self.item_ids), "train_seconds": self.train_seconds, "losses": list(self.losses)}
        atomic_write(Path(path), lambda fh: torch.save(blob, fh))

    @classmethod
    def load(cls, path: Path) -> "TwoTower":
        import torch

        blob = torch.load(Path(path), map_location="cpu", weights_only=True)
        cfg = TwoTowerConfig(**blob["config"])
        net = _model_class()(cfg)
        net.load_state_dict(blob["state"])
        net.eval()
        return cls(cfg, net, blob["item_vectors"].numpy().astype(np.float32), list(blob["item_ids"]),
                   float(blob.get("train_seconds", 0.0)), list(blob.get("losses", [])))


@contextlib.contextmanager
def _deterministic(seed: int, threads: int | None):
    import torch

    before = torch.get_num_threads()
    was = torch.are_deterministic_algorithms_enabled()
    torch.manual_seed(seed)
    if threads:
        torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    try:
        yield
    finally:
        torch.use_deterministic_algorithms(was)
        torch.set_num_threads(before)


def _features(catalog: Catalog, cfg: TwoTowerConfig, log: EventLog) -> dict[str, Any]:
    import torch

    codes, _ = catalog.category_codes(cfg.categories)
    seen = np.zeros(len(catalog), dtype=bool)
    seen[log.item[log.positive()]] = True
    ids = np.where(seen, np.arange(len(catalog)), cfg.n_items)
    return {"text": torch.from_numpy(np.ascontiguousarray(catalog.vectors, dtype=np.float32)),
            "category": torch.from_numpy(codes), "band": torch.from_numpy(catalog.price_bands(cfg.band_edges)),
            "ids": torch.from_numpy(ids.astype(np.int64)), "seen": seen}


def _examples(log: EventLog, cfg: TwoTowerConfig, catalog: Catalog, preferences: dict[str, Any]) -> dict[str, np.ndarray]:
    """(context items, context events, target) for every positive event after a shopper's first."""
    L = cfg.max_len
    pad_item = len(catalog)
    hist_items, hist_events, targets, budgets, tokens = [], [], [], [], []
    for u, rows in enumerate(log.sequences()):
        if len(rows) < 2:
            continue
        items = log.item[rows]
        events = log.event[rows]
        prefs = preferences.get(log.users[u])
        budget = price_band(prefs.max_budget, cfg.band_edges) if prefs is not None and prefs.max_budget is not None else 0
        toks = (_pref_tokens(prefs, cfg.pref_buckets) + [0] * 8)[:8]
        for t in range(1, len(rows)):
            if items[t] == items[t - 1]:
                continue
            lo = max(0, t - L)
            ctx_i = np.full(L, pad_item, dtype=np.int32)
            ctx_e = np.zeros(L, dtype=np.int64)
            ctx_i[L - (t - lo):] = items[lo:t]
            ctx_e[L - (t - lo):] = events[lo:t]
            hist_items.append(ctx_i)
            hist_events.append(ctx_e)
            targets.append(items[t])
            budgets.append(budget)
            tokens.append(toks)
    if not targets:
        return {"items": np.zeros((0, L), np.int32), "events": np.zeros((0, L), np.int64), "targets": np.zeros(0, np.int64),
                "budgets": np.zeros(0, np.int64), "tokens": np.zeros((0, 8), np.int64)}
    return {"items": np.stack(hist_items), "events": np.stack(hist_events), "targets": np.asarray(targets, dtype=np.int64),
            "budgets": np.asarray(budgets, dtype=np.int64), "tokens": np.asarray(tokens, dtype=np.int64)}


def _train(net, cfg: TwoTowerConfig, feats: dict, ex: dict, log: EventLog, n_items: int, on_epoch=None) -> list[float]:
    import torch

    if len(ex["targets"]) == 0:
        return []
    rng = np.random.default_rng(cfg.seed)
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    counts = np.bincount(ex["targets"], minlength=n_items).astype(np.float64)
    p_target = counts / counts.sum()
    K = min(cfg.negatives, n_items)
    losses = []
    n = len(ex["targets"])
    pad_item = n_items
    steps_per_epoch = math.ceil(n / cfg.batch_size)
    epochs = min(max(cfg.epochs, math.ceil(cfg.min_steps / steps_per_epoch)), max(cfg.max_epochs, cfg.epochs))
    cfg.epochs = epochs
    for _ in range(epochs):
        net.train()
        order = rng.permutation(n)
        total, steps = 0.0, 0
        for start in range(0, n, cfg.batch_size):
            b = order[start:start + cfg.batch_size]
            targets = ex["targets"][b]
            negatives = np.arange(n_items) if K == n_items else rng.choice(n_items, size=K, replace=False)
            hist = ex["items"][b]
            needed = np.unique(np.concatenate([targets, negatives, hist[hist != pad_item]]))
            cand = np.unique(np.concatenate([targets, negatives]))
            # logQ: the probability that each candidate is in the set at all (in-batch positives
            # drawn by popularity, or the uniform sample); 1 for every item when the sample is the
            # whole catalog, and the softmax is then exact and uncorrected
            q = 1.0 - (1.0 - p_target[cand]) ** len(b) * (1.0 - K / n_items)
            ids = feats["ids"][needed]
            if cfg.id_dropout > 0:
                drop = torch.from_numpy(rng.random(len(needed)) < cfg.id_dropout)
                ids = torch.where(drop, torch.full_like(ids, pad_item), ids)
            vecs = net.items(feats["text"][needed], feats["category"][needed], feats["band"][needed], ids)
            where = np.full(n_items + 1, -1, dtype=np.int64)
            where[needed] = np.arange(len(needed))
            table = torch.cat([vecs, torch.zeros(1, vecs.shape[1])])  # the pad row
            hist_rows = np.where(hist == pad_item, len(needed), where[np.minimum(hist, n_items)])
            hv = table[torch.from_numpy(hist_rows)]
            mask = torch.from_numpy(hist != pad_item)
            u = net.users(hv, torch.from_numpy(ex["events"][b]), mask, torch.from_numpy(ex["budgets"][b]),
                          torch.from_numpy(ex["tokens"][b]))
            cv = vecs[torch.from_numpy(where[cand])]
            logits = net.log_scale.clamp(max=math.log(100.0)).exp() * (u @ cv.T) - torch.from_numpy(np.log(np.maximum(q, 1e-12))).float()
            labels = torch.from_numpy(np.searchsorted(cand, targets))
            loss = torch.nn.functional.cross_entropy(logits, labels)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach())
            steps += 1
        losses.append(round(total / max(steps, 1), 4))
        if on_epoch is not None:
            net.eval()
            on_epoch(len(losses), net, feats)
    return losses


def _all_item_vectors(net, feats: dict) -> np.ndarray:
    import torch

    out = []
    with torch.inference_mode():
        for start in range(0, len(feats["ids"]), 4096):
            s = slice(start, start + 4096)
            out.append(net.items(feats["text"][s], feats["category"][s], feats["band"][s], feats["ids"][s]).numpy())
    return np.concatenate(out).astype(np.float32) if out else np.zeros((0, net.cfg.dim), np.float32)


def _load_warm(net, warm: TwoTower, catalog: Catalog) -> None:
    """Start from a trained model: every weight whose shape still fits, and the id embeddings of
    the items both catalogs hold (incremental training)."""
    import torch

    state = net.state_dict()
    old = warm.net.state_dict()
    for name, tensor in old.items():
        if name in state and state[name].shape == tensor.shape and name != "item_id.weight":
            state[name] = tensor.clone()
    old_pos = {pid: i for i, pid in enumerate(warm.item_ids)}
    ids = state["item_id.weight"]
    for j, pid in enumerate(catalog.ids):
        i = old_pos.get(pid)
        if i is not None:
            ids[j] = old["item_id.weight"][i]
    with torch.no_grad():
        net.load_state_dict(state)


def validation_scorer(catalog: Catalog, log: EventLog, held: dict[int, int], preferences: dict[str, Any],
                      scores_out: list[float], k: int = 10):
    """An `on_epoch` callback: NDCG@k of each held-out item (user row -> item) given that user's
    events in `log`, appended to `scores_out` after every epoch (for choosing the epochs)."""
    seqs = log.sequences()
    users = [u for u in held if len(seqs[u])]

    def score(epoch: int, net, feats) -> None:

        tt = TwoTower(net.cfg, net, _all_item_vectors(net, feats), list(catalog.ids))
        tt._np = None
        total = 0.0
        for u in users:
            rows = seqs[u]
            items = [int(i) for i in log.item[rows]]
            events = [_EVENT_NAMES.get(int(e), "view") for e in log.event[rows]]
            vec = tt.user_vector(items, events, preferences.get(log.users[u]))
            if vec is None:  # users all have events, so not reached
                continue
            s = tt.scores(vec)
            s[list(set(items))] = -np.inf
            rank = int((s > s[held[u]]).sum()) + 1
            total += 1.0 / math.log2(rank + 1) if rank <= k else 0.0
        scores_out.append(total / max(len(users), 1))

    return score


_EVENT_NAMES = {v: k for k, v in EVENT_CODES.items()}
