"""`shopassist train recs [--incremental]`: train every recommender on the event log and write
them to `<home>/recs/`, or to the folder `recs_home` names (shared by several workers; store.py).

Full training: popularity and co-occurrence are counted, ALS and the two-tower model are
trained from a seeded start. `--incremental` (meant for a schedule, e.g. every 30 minutes from
cron) does nothing when no event arrived since the last training, and otherwise counts
popularity and co-occurrence again (cheap and exact) and continues ALS and the two-tower model
from their last weights for a few iterations / epochs on the whole log, so items and shoppers
that appeared since get vectors. After a `profile forget` it trains from scratch instead, so the
forgotten shopper's events leave the item vectors too. Either way a shopper's own new events
count at once, without training: the serving side recomputes their vector from their events on
every request (service.py)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from .cooc import CoOccurrence
from .data import BUY, Catalog, EventLog
from .mf import MatrixFactorisation
from .store import load_npz, read_manifest, recs_dir, save_npz, write_manifest, writing
from .twotower import TwoTower

POPULARITY_HALF_LIFE_DAYS = 30.0
RECENT_DAYS = 30.0


def split_last(log: EventLog) -> tuple[EventLog, dict[int, int]]:
    """A validation split of a training log: each shopper's last new item is held out with what
    they did from then on (user row -> item). Used to choose ALS's size and the two-tower's epochs."""
    held: dict[int, int] = {}
    keep = np.ones(len(log), dtype=bool)
    for u, rows in enumerate(log.sequences()):
        first: dict[int, int] = {}
        for r in rows:
            first.setdefault(int(log.item[r]), int(r))
        if len(first) < 3:
            continue
        item, cut = max(first.items(), key=lambda kv: kv[1])
        held[u] = item
        mine = np.nonzero(log.user == u)[0]
        keep[mine[mine >= cut]] = False
    sub = EventLog(log.users, log.user[keep], log.item[keep], log.event[keep], log.weight[keep], log.ts[keep],
                   log.session[keep], log.last_id, log.dropped)
    return sub, held


def _als_validation(model: MatrixFactorisation, log: EventLog, held: dict[int, int], k: int = 10) -> float:
    seqs = log.sequences()
    total = 0.0
    for u, item in held.items():
        rows = seqs[u]
        s = model.scores(model.user_factors[u])
        s[list(set(int(i) for i in log.item[rows]))] = -np.inf
        rank = int((s > s[item]).sum()) + 1
        total += 1.0 / np.log2(rank + 1) if rank <= k else 0.0
    return total / max(len(held), 1)


ALS_GRID = ((16, 1.0), (32, 1.0), (64, 1.0), (64, 10.0), (64, 0.1))


@dataclass
class TrainOptions:
    seed: int = 0
    epochs: int = 10
    incremental_epochs: int = 3
    als_factors: int = 64
    als_iterations: int = 15
    incremental_als_iterations: int = 4
    validate: bool = True  # choose ALS's size and the two-tower's epochs on a validation split (full training only)
    validate_max_examples: int = 40_000  # above this the two-tower trains its fixed epochs (time), ALS is still chosen
    threads: int = 1  # one thread: as fast as two on 2 busy cores (measured: 2.0 s vs 16 s an epoch under load), and deterministic
    models: tuple[str, ...] = ("popularity", "cooc", "als", "two_tower")
    two_tower: dict[str, Any] = field(default_factory=dict)  # TwoTowerConfig overrides


@dataclass
class Popularity:
    score: np.ndarray  # decayed weighted count of positive events per item
    bought_recent: np.ndarray  # shoppers who bought / carted it in the last RECENT_DAYS of the log
    viewed_recent: np.ndarray  # shoppers who engaged with it in that window

    @classmethod
    def fit(cls, log: EventLog, n_items: int, half_life_days: float = POPULARITY_HALF_LIFE_DAYS) -> "Popularity":
        pos = log.positive()
        if not len(log):
            z = np.zeros(n_items)
            return cls(z, z.astype(np.int64), z.astype(np.int64))
        now = float(log.ts.max())
        decay = 0.5 ** (np.maximum(0.0, now - log.ts[pos]) / (half_life_days * 86400.0))
        score = np.bincount(log.item[pos], weights=log.weight[pos] * decay, minlength=n_items)
        recent = pos & (log.ts >= now - RECENT_DAYS * 86400.0)
        buy = recent & log.codes(BUY)
        pairs_b = np.unique(np.stack([log.item[buy], log.user[buy]]), axis=1) if buy.any() else np.zeros((2, 0), int)
        pairs_v = np.unique(np.stack([log.item[recent], log.user[recent]]), axis=1) if recent.any() else np.zeros((2, 0), int)
        return cls(score, np.bincount(pairs_b[0], minlength=n_items), np.bincount(pairs_v[0], minlength=n_items))

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"score": self.score, "bought_recent": self.bought_recent, "viewed_recent": self.viewed_recent}

    @classmethod
    def from_arrays(cls, a: dict[str, np.ndarray]) -> "Popularity":
        return cls(a["score"], a["bought_recent"], a["viewed_recent"])


@dataclass
class Trained:
    catalog: Catalog
    log: EventLog
    popularity: Popularity | None = None
    cooc: CoOccurrence | None = None
    als: MatrixFactorisation | None = None
    two_tower: TwoTower | None = None
    bpr: MatrixFactorisation | None = None  # evals: trained only when asked for (`models` holds "bpr")
    seconds: dict[str, float] = field(default_factory=dict)
    choices: dict[str, Any] = field(default_factory=dict)  # what the validation split chose


def catalog_hash(catalog: Catalog) -> str:
    return hashlib.sha256("\x1f".join(catalog.ids).encode()).hexdigest()[:16]


def fit_models(catalog: Catalog, log: EventLog, preferences: dict[str, Any] | None = None,
               options: TrainOptions | None = None, warm: dict[str, Any] | None = None,
               say: Callable[[str], None] = lambda s: None) -> Trained:
    """Train the chosen models on a log over a catalog (no files: evals call this directly)."""
    o = options or TrainOptions()
    out = Trained(catalog, log)
    warm = warm or {}
    n = len(catalog)
    if "popularity" in o.models:
        t = time.perf_counter()
        out.popularity = Popularity.fit(log, n)
        out.seconds["popularity"] = time.perf_counter() - t
    if "cooc" in o.models:
        t = time.perf_counter()
        out.cooc = CoOccurrence.fit(log, n)
        out.seconds["cooc"] = time.perf_counter() - t
        say(f"  co-occurrence: {out.seconds['cooc']:.1f} s")
    if "als" in o.models:
        t = time.perf_counter()
        old: MatrixFactorisation | None = warm.get("als")
        if old is not None:
            rows = {pid: i for i, pid in enumerate(warm["item_ids"])}
            out.als = MatrixFactorisation.fit(log, n, factors=o.als_factors, iterations=o.incremental_als_iterations,
                                              seed=o.seed, threads=o.threads, warm=old, warm_users=old.users,
                                              warm_items=[rows.get(pid, -1) for pid in catalog.ids])
        else:
            factors, reg = o.als_factors, None
            if o.validate and len(log.users) >= 20:
                sub, held = split_last(log)
                if held:
                    tried = {(f, r): _als_validation(MatrixFactorisation.fit(sub, n, factors=f, regularization=r,
                                                                             iterations=o.als_iterations, seed=o.seed,
                                                                             threads=o.threads), sub, held)
                             for f, r in ALS_GRID}
                    factors, reg = max(tried, key=lambda fr: (tried[fr], -fr[0]))
                    out.choices["als"] = {"factors": factors, "regularization": reg, "validation_ndcg_at_10": round(tried[(factors, reg)], 4)}
                    say(f"  ALS chosen on validation: {factors} factors, regularization {reg} "
                        f"(NDCG@10 {tried[(factors, reg)]:.3f} on {len(held):,} held-out items)")
            out.als = MatrixFactorisation.fit(log, n, factors=factors, regularization=reg, iterations=o.als_iterations,
                                              seed=o.seed, threads=o.threads)
        out.seconds["als"] = time.perf_counter() - t
        say(f"  ALS ({'continued' if old is not None else 'from scratch'}): {out.seconds['als']:.1f} s")
    if "bpr" in o.models:
        t = time.perf_counter()
        out.bpr = MatrixFactorisation.fit(log, n, kind="bpr", factors=o.als_factors, seed=o.seed)
        out.seconds["bpr"] = time.perf_counter() - t
    if "two_tower" in o.models:
        t = time.perf_counter()
        old_tt: TwoTower | None = warm.get("two_tower")
        epochs = o.incremental_epochs if old_tt is not None else o.epochs
        extra = dict(o.two_tower)
        if old_tt is None and o.validate and len(log) <= o.validate_max_examples and len(log.users) >= 20:
            from .twotower import validation_scorer

            sub, held = split_last(log)
            if held:
                curve: list[float] = []
                TwoTower.fit(sub, catalog, preferences, seed=o.seed, threads=o.threads, epochs=o.epochs,
                             on_epoch=validation_scorer(catalog, sub, held, preferences or {}, curve), **extra)
                epochs = 1 + int(np.argmax(curve))
                extra["min_steps"] = 0
                out.choices["two_tower"] = {"epochs": epochs, "validation_ndcg_at_10": round(max(curve), 4),
                                            "curve": [round(c, 4) for c in curve]}
                say(f"  two-tower epochs chosen on validation: {epochs} of {len(curve)} (NDCG@10 {max(curve):.3f})")
        if old_tt is not None:
            extra["min_steps"] = 0
        out.two_tower = TwoTower.fit(log, catalog, preferences, seed=o.seed, threads=o.threads, warm=old_tt,
                                     epochs=epochs, lr=None, **extra)
        out.seconds["two_tower"] = time.perf_counter() - t
        say(f"  two-tower ({'continued' if old_tt is not None else 'from scratch'}, {out.two_tower.config.epochs} epochs, "
            f"loss {out.two_tower.losses[0] if out.two_tower.losses else float('nan'):.3f} -> "
            f"{out.two_tower.losses[-1] if out.two_tower.losses else float('nan'):.3f}): {out.seconds['two_tower']:.1f} s")
    return out


def train_recs(home: Path, index, profiles, *, incremental: bool = False, options: TrainOptions | None = None,
               say: Callable[[str], None] = lambda s: None, recs_home: Path | None = None) -> dict[str, Any]:
    """Train on every event of `profiles` over the products of `index`; write `<home>/recs/`, or
    `recs_home` when given (the `recs_home` setting: the folder every worker reads). Returns the
    manifest (with `skipped` set when an incremental run found nothing new)."""
    o = options or TrainOptions()
    started = time.perf_counter()
    folder = recs_dir(home, recs_home)
    with writing(folder):
        before = read_manifest(folder)
        last_id = profiles.last_event_id()
        t = time.perf_counter()
        catalog = Catalog.from_index(index)
        if not len(catalog):
            raise ValueError("the index holds no products: load a catalog first (shopassist ingest catalog FILE)")
        chash = catalog_hash(catalog)
        forgotten = int(before.get("forgotten_since_training", 0))
        if incremental and before and not forgotten and before.get("last_event_id") == last_id and before.get("catalog") == chash:
            say("nothing new since the last training: models unchanged")
            return before | {"skipped": True}
        warm: dict[str, Any] = {}
        mode = "full"
        if incremental and before and not forgotten:
            try:
                als = load_npz(folder / "als.npz")
                if als is not None:
                    warm["als"] = MatrixFactorisation.from_arrays(als)
                if (folder / "two_tower.pt").is_file():
                    warm["two_tower"] = TwoTower.load(folder / "two_tower.pt")
                    warm["item_ids"] = warm["two_tower"].item_ids
                elif "als" in warm:
                    warm.pop("als")  # no item order to map its rows with
                mode = "incremental"
            except Exception as exc:  # unreadable files: train from scratch
                say(f"previous models unreadable ({exc}); training from scratch")
                warm, mode = {}, "full"
        elif incremental and forgotten:
            say(f"{forgotten} shopper(s) forgotten since the last training: training from scratch without them")
        log = EventLog.from_events(profiles.all_events(), catalog)
        preferences = profiles.all_preferences()
        say(f"training on {len(log):,} events of {len(log.users):,} shoppers over {len(catalog):,} products "
            f"({mode}; read in {time.perf_counter() - t:.1f} s)")
        trained = fit_models(catalog, log, preferences, o, warm, say)
        if trained.popularity is not None:
            save_npz(folder / "popularity.npz", **trained.popularity.to_arrays())
        if trained.cooc is not None:
            save_npz(folder / "cooc.npz", **trained.cooc.to_arrays())
        if trained.als is not None:
            save_npz(folder / "als.npz", **trained.als.to_arrays())
        if trained.two_tower is not None:
            trained.two_tower.save(folder / "two_tower.pt")
        if trained.bpr is not None:
            save_npz(folder / "bpr.npz", **trained.bpr.to_arrays())
        elif (folder / "bpr.npz").is_file():
            (folder / "bpr.npz").unlink()
        seconds = round(time.perf_counter() - started, 2)
        manifest = write_manifest(folder, {
            "trained_at": time.time(), "mode": mode, "last_event_id": last_id, "events": len(log),
            "events_dropped": log.dropped, "shoppers": len(log.users), "items": catalog.ids, "catalog": chash,
            "seconds": {k: round(v, 2) for k, v in trained.seconds.items()} | {"total": seconds},
            "seed": o.seed, "models": [m for m in o.models if getattr(trained, m, None) is not None],
            "forgotten_since_training": 0, "chosen_on_validation": trained.choices,
            "two_tower": {"epochs": trained.two_tower.config.epochs, "losses": trained.two_tower.losses}
            if trained.two_tower is not None else None,
        })
        say(f"trained in {seconds:.1f} s; models in {folder}")
        return manifest
