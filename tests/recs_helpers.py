"""A shop with trained recommenders for the tests that serve them (API, browser): the first demo
products indexed, a simulated event log recorded, every model trained once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import DEMO


@dataclass
class TrainedShop:
    home: Path
    index: Any
    agent: Any
    sim: Any

    def shoppers_by_activity(self) -> list[str]:
        """Simulated shoppers, most events first (ties by id)."""
        counts: dict[str, int] = {}
        for ev in self.sim.events:
            counts[ev.user_id] = counts.get(ev.user_id, 0) + 1
        return sorted(counts, key=lambda u: (-counts[u], u))


def trained_shop(home: Path, embedder, *, products: int, shoppers: int, seed: int) -> TrainedShop:
    from assistant.agent import AgentConfig, ShoppingAssistant
    from assistant.recs.data import Catalog
    from assistant.recs.train import TrainOptions, train_recs
    from evals.sim_shoppers import SimConfig, simulate
    from retrieval.ingest import ingest_file
    from retrieval.schemas import Product
    from retrieval.store import IndexLocation, ShopIndex

    lines = (DEMO / "products.jsonl").read_text(encoding="utf-8").splitlines()[:products]
    (home / "products.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = ShopIndex(IndexLocation(home=home), embedder)
    ingest_file(index, home / "products.jsonl", "product", progress=False)
    agent = ShoppingAssistant.over_index(index, home, llm=None, config=AgentConfig(llm_rank=False, llm_understanding="never"))
    catalog = sorted((Product.model_validate(json.loads(x)) for x in lines), key=lambda p: p.id)
    sim = simulate(catalog, Catalog.from_index(index).vectors, SimConfig(shoppers=shoppers, seed=seed))
    agent.profiles.record_many(sim.events)
    train_recs(home, index, agent.profiles, options=TrainOptions(epochs=1, validate=False))
    return TrainedShop(home, index, agent, sim)
