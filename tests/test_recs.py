"""Recommendations from behaviour (assistant/recs, issue 14), on real components: the real
embedding model, a real embedded Chroma index over part of the demo catalog, a real profile
store, a SIMULATED event log (evals/sim_shoppers.py), real `implicit` and PyTorch training.

Covered: the new event fields and their migration; events export / import as JSONL; training
and loading are deterministic (seeded); the numpy user tower equals the network; incremental
training; a dislike takes effect on the next request (with its near-duplicates); forget removes
the shopper from the training data and from the trained user vectors; cold start is explicit;
the two-tower candidates come from their Chroma collection; the chat answers "recommend me
something", "something like what I bought last time" and "what goes with this?" from the
recommender; the CLI commands; two worker homes sharing one `recs_home` (one training serves
both, a forget through either cleans the files both read, the lock holds across processes)."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
import time

import numpy as np
import pytest

from tests.conftest import DEMO, REPO

N_PRODUCTS = 80
EPOCHS = 2


@pytest.fixture(scope="module")
def shop(tmp_path_factory, embedder):
    """A home with 80 demo products indexed, a simulated log of 60 shoppers, trained models."""
    from assistant.profile import ProfileStore
    from assistant.recs.data import Catalog
    from assistant.recs.train import TrainOptions, train_recs
    from evals.sim_shoppers import SimConfig, simulate
    from retrieval.ingest import ingest_file
    from retrieval.schemas import Product
    from retrieval.store import IndexLocation, ShopIndex

    home = tmp_path_factory.mktemp("recs-home")
    lines = (DEMO / "products.jsonl").read_text(encoding="utf-8").splitlines()[:N_PRODUCTS]
    path = home / "products.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    index = ShopIndex(IndexLocation(home=home), embedder)
    ingest_file(index, path, "product", progress=False)
    catalog = Catalog.from_index(index)
    products = sorted((Product.model_validate(json.loads(x)) for x in lines), key=lambda p: p.id)
    sim = simulate(products, catalog.vectors, SimConfig(shoppers=60, seed=3))
    profiles = ProfileStore(home)
    profiles.record_many(sim.events)
    for user, prefs in sim.preferences.items():
        profiles.set_preferences(user, prefs)
    manifest = train_recs(home, index, profiles, options=TrainOptions(epochs=EPOCHS))
    return {"home": home, "index": index, "profiles": profiles, "catalog": catalog, "products": products, "sim": sim,
            "manifest": manifest, "lines": lines}


def recommender(shop, nn="numpy"):
    from assistant.recs.service import Recommender

    return Recommender(shop["index"], shop["profiles"], nn=nn)


def active_user(shop) -> str:
    counts = {}
    for ev in shop["sim"].events:
        counts[ev.user_id] = counts.get(ev.user_id, 0) + 1
    return max(sorted(counts), key=counts.get)


def most_bought(shop) -> str:
    """The product most often bought in the simulated log."""
    bought = [e.product_id for e in shop["sim"].events if e.event == "purchase"]
    return max(sorted(set(bought)), key=bought.count)


# --- events -------------------------------------------------------------------------------------


def test_event_fields_are_stored_and_migrated(tmp_path):
    from assistant.profile import MIGRATIONS, ProfileStore

    store = ProfileStore(tmp_path)
    assert store.schema_version() == len(MIGRATIONS) >= 2
    store.record("u", "click", product_id="P1", session_id="s", position=2, query="trail shoes")
    store.record("u", "dwell", product_id="P1", session_id="s", dwell_seconds=42.5)
    store.record("u", "add_to_cart", product_id="P1")
    store.record("u", "purchase", product_id="P1")
    click, dwell = sorted(store.events("u"), key=lambda e: e.id)[:2]
    assert (click.position, click.query) == (2, "trail shoes") and dwell.dwell_seconds == 42.5
    with pytest.raises(ValueError, match="dwell_seconds"):
        store.record("u", "dwell", product_id="P1")
    with pytest.raises(ValueError):
        store.record("u", "click", product_id="P1", position=-1)
    cols = {r[1] for r in sqlite3.connect(tmp_path / "profiles.db").execute("PRAGMA table_info(events)")}
    assert {"position", "query", "dwell_seconds"} <= cols


def test_a_store_made_before_the_new_columns_is_migrated(tmp_path):
    from assistant.db import connect, migrate
    from assistant.profile import MIGRATIONS, ProfileStore

    db = connect(tmp_path / "profiles.db")
    migrate(db, MIGRATIONS[:1])
    db.execute("INSERT INTO events (user_id, product_id, event, ts) VALUES ('old', 'P', 'view', 1.0)")
    db.close()
    store = ProfileStore(tmp_path)
    assert store.events("old")[0].position is None
    store.record("old", "click", product_id="P", position=0, query="q")
    assert store.events("old")[0].query == "q"


def test_dwell_counts_in_proportion_to_its_time():
    from assistant.profile import EVENT_WEIGHTS, FULL_DWELL_SECONDS, Event, event_weight

    short = Event(user_id="u", product_id="P", event="dwell", ts=1, dwell_seconds=FULL_DWELL_SECONDS / 4)
    long = Event(user_id="u", product_id="P", event="dwell", ts=1, dwell_seconds=FULL_DWELL_SECONDS * 10)
    assert event_weight(short) == pytest.approx(EVENT_WEIGHTS["dwell"] / 4)
    assert event_weight(long) == EVENT_WEIGHTS["dwell"]


def test_events_export_and_import_round_trip(tmp_path):
    from assistant.profile import ProfileStore
    from assistant.recs.events import export_events, import_events

    a = ProfileStore(tmp_path / "a")
    a.record("u1", "click", product_id="P1", session_id="s1", position=3, query="red shoes", ts=100.0)
    a.record("u1", "dwell", product_id="P1", session_id="s1", dwell_seconds=12.0, ts=101.0)
    a.record("u2", "purchase", product_id="P2", ts=102.0)
    out = io.StringIO()
    assert export_events(a, out) == 3
    lines = out.getvalue().splitlines()
    bad = ['{"user_id": "u3", "event": "teleport", "product_id": "P", "ts": 1}', "not json",
           '{"user_id": "u3", "event": "view", "ts": 1}', '{"user_id": "u4", "event": "view", "product_id": "P", '
           '"ts": "2024-12-01T10:00:00Z"}']
    b = ProfileStore(tmp_path / "b")
    report = import_events(b, lines + bad)
    assert report.imported == 4 and [n for n, _ in report.rejected] == [4, 5, 6]
    assert report.rejected[0][1].startswith("event:") and "JSON" in report.rejected[1][1] and "product" in report.rejected[2][1]
    again = io.StringIO()
    export_events(b, again)
    assert again.getvalue().splitlines()[:3] == lines
    assert b.events("u4")[0].ts == 1733047200.0


# --- training -----------------------------------------------------------------------------------


def test_models_train_and_load_deterministically(shop, tmp_path):
    """The same events, seed and catalog give the same models, bit for bit; loading gives them back."""
    from assistant.recs.mf import MatrixFactorisation
    from assistant.recs.store import load_npz, recs_dir
    from assistant.recs.train import TrainOptions, train_recs
    from assistant.recs.twotower import TwoTower

    first = recs_dir(shop["home"])
    other = tmp_path / "again"
    from assistant.profile import ProfileStore

    profiles = ProfileStore(other)
    profiles.record_many(shop["profiles"].all_events())
    for user, prefs in shop["profiles"].all_preferences().items():
        profiles.set_preferences(user, prefs)
    train_recs(other, shop["index"], profiles, options=TrainOptions(epochs=EPOCHS))
    second = recs_dir(other)
    for name in ("als.npz", "cooc.npz", "popularity.npz"):
        a, b = load_npz(first / name), load_npz(second / name)
        assert a.keys() == b.keys()
        for key in a:
            assert np.array_equal(a[key], b[key]), (name, key)
    t1, t2 = TwoTower.load(first / "two_tower.pt"), TwoTower.load(second / "two_tower.pt")
    assert np.array_equal(t1.item_vectors, t2.item_vectors) and t1.losses == t2.losses
    als = MatrixFactorisation.from_arrays(load_npz(first / "als.npz"))
    assert als.item_factors.shape == (N_PRODUCTS, 64)
    # serving recomputes a user's vector: numpy forward == torch forward; ALS fold-in near the trained factors
    prefs = shop["profiles"].get_preferences(active_user(shop))
    items, events = [3, 5, 7, 5], ["view", "click", "purchase", "like"]
    assert np.allclose(t1.user_vector(items, events, prefs), t1.user_vector_torch(items, events, prefs), atol=1e-5)


def test_training_reports_its_time_and_incremental_does_nothing_without_new_events(shop):
    from assistant.recs.train import TrainOptions, train_recs

    m = shop["manifest"]
    assert m["mode"] == "full" and m["seconds"]["total"] > 0 and m["events"] > 1000
    assert set(m["models"]) >= {"popularity", "cooc", "als", "two_tower"}
    again = train_recs(shop["home"], shop["index"], shop["profiles"], incremental=True, options=TrainOptions(epochs=EPOCHS))
    assert again.get("skipped") and again["version"] == m["version"]


# --- serving ------------------------------------------------------------------------------------


def test_for_you_fuses_the_signals_with_grounded_reasons(shop):
    rec = recommender(shop)
    user = active_user(shop)
    r = rec.recommend(user_id=user, k=8)
    assert not r.cold_start and r.mode == "for_you" and len(r.items) == 8
    assert {"two_tower", "als", "cooc", "text", "popularity"} <= set(r.sources)
    touched = {e.product_id for e in shop["profiles"].events(user) if e.event != "dislike"}
    titles = dict(zip(shop["catalog"].ids, shop["catalog"].titles))
    for item in r.items:
        assert item.id not in touched
        if item.reason_kind in ("co_bought", "co_viewed", "similar_taste", "text_similar"):
            assert item.because in touched and titles[item.because] in item.reason
        assert item.reason.endswith(".")


def test_a_dislike_takes_effect_on_the_next_request_with_its_near_duplicates(shop, tmp_path):
    from assistant.profile import ProfileStore
    from assistant.recs.service import Recommender

    profiles = ProfileStore(tmp_path)  # a shopper of this test only, over the trained models
    for ev in shop["profiles"].events(active_user(shop)):
        profiles.record("d-user", ev.event, product_id=ev.product_id, session_id=ev.session_id, ts=ev.ts,
                        dwell_seconds=ev.dwell_seconds)
    rec = Recommender(shop["index"], profiles, home=shop["home"], nn="numpy")
    before = rec.recommend(user_id="d-user", k=10)
    top = before.items[0].id
    profiles.record("d-user", "dislike", product_id=top)
    after = rec.recommend(user_id="d-user", k=10)
    assert top not in [i.id for i in after.items]
    catalog = rec.catalog()
    blocked = rec.blocked(catalog, rec.history("d-user", catalog))
    assert blocked[catalog.position[top]]
    assert not any(blocked[catalog.position[i.id]] for i in after.items)
    # also for "often bought together" with any product
    together = rec.recommend(user_id="d-user", product_id=catalog.ids[0], k=10)
    assert top not in [i.id for i in together.items]
    # a later like takes the dislike back
    profiles.record("d-user", "like", product_id=top)
    assert not rec.blocked(catalog, rec.history("d-user", catalog))[catalog.position[top]]


def test_near_duplicates_are_the_same_title_family_or_very_close_vectors():
    from assistant.recs.data import same_family, title_family

    grey = title_family("Veloxa Tailwind Trail Running Shoe - Grey, Size 9", "Veloxa")
    navy = title_family("Veloxa Tailwind Trail Running Shoe (Navy) 10", "Veloxa")
    other = title_family("Veloxa Tailwind Road Running Jacket", "Veloxa")
    assert same_family(grey, navy) and not same_family(grey, other)


def test_forget_removes_the_shopper_from_training_data_and_trained_user_vectors(shop, tmp_path):
    from assistant.profile import ProfileStore
    from assistant.recs.store import load_npz, read_manifest, recs_dir
    from assistant.recs.train import TrainOptions, train_recs

    home = tmp_path / "forget"
    profiles = ProfileStore(home)
    profiles.record_many(shop["profiles"].all_events())
    train_recs(home, shop["index"], profiles, options=TrainOptions(epochs=1))
    user = active_user(shop)
    assert user in [str(u) for u in load_npz(recs_dir(home) / "als.npz")["users"]]
    profiles.forget(user)
    # at once: their vector is gone from the trained model, and nothing of theirs is left to train on
    assert user not in [str(u) for u in load_npz(recs_dir(home) / "als.npz")["users"]]
    assert read_manifest(recs_dir(home))["forgotten_since_training"] == 1
    assert all(e.user_id != user for e in profiles.all_events())
    # the next scheduled training starts from scratch, without them
    m = train_recs(home, shop["index"], profiles, incremental=True, options=TrainOptions(epochs=1))
    assert m["mode"] == "full" and m["forgotten_since_training"] == 0
    assert user not in [str(u) for u in load_npz(recs_dir(home) / "als.npz")["users"]]
    # and new events after that are trained incrementally
    profiles.record("newcomer", "purchase", product_id=shop["catalog"].ids[1])
    m = train_recs(home, shop["index"], profiles, incremental=True, options=TrainOptions(epochs=1))
    assert m["mode"] == "incremental" and "newcomer" in [str(u) for u in load_npz(recs_dir(home) / "als.npz")["users"]]


def test_cold_start_is_explicit(shop, tmp_path):
    from assistant.recs.service import Recommender

    r = recommender(shop).recommend(user_id="never-seen", k=5)
    assert r.cold_start and r.sources == ["popularity"] and all(i.reason_kind == "popular" for i in r.items)
    assert any("cold start" in n for n in r.notes)
    untrained = Recommender(shop["index"], shop["profiles"], home=tmp_path, nn="numpy")  # no models in this home
    user = active_user(shop)
    r = untrained.recommend(user_id=user, k=5)
    assert r.model_version is None and set(r.sources) <= {"text", "popularity"} and "text" in r.sources
    assert any("no trained recommender" in n for n in r.notes)


def test_with_a_product_often_bought_together(shop):
    rec = recommender(shop)
    product = most_bought(shop)
    r = rec.recommend(product_id=product, k=5)
    assert r.mode == "with_product" and product not in [i.id for i in r.items] and len(r.items) == 5
    assert r.items[0].reason_kind in ("co_bought", "co_viewed") and r.items[0].because == product


def test_two_tower_candidates_come_from_their_chroma_collection(shop):
    rec_chroma, rec_numpy = recommender(shop, "chroma"), recommender(shop, "numpy")
    user = active_user(shop)
    a = rec_chroma.recommend(user_id=user, k=10, with_lists=True)
    b = rec_numpy.recommend(user_id=user, k=10, with_lists=True)
    assert rec_chroma._chroma_ready_version == a.model_version
    coll = shop["index"].client.get_collection(rec_chroma.collection_name())
    assert coll.count() == N_PRODUCTS and coll.metadata["model_version"] == a.model_version
    assert a.lists["two_tower"][:10] == b.lists["two_tower"][:10]


# --- chat ---------------------------------------------------------------------------------------


def test_chat_recommends_from_behaviour(shop):
    from assistant.agent import AgentConfig, ShoppingAssistant

    agent = ShoppingAssistant.over_index(shop["index"], shop["home"], llm=None,
                                         config=AgentConfig(llm_rank=False, llm_understanding="never"))
    user = active_user(shop)
    r = agent.turn("recommend me something", session_id="recs-chat-1", user_id=user)
    assert r.intent == "product" and r.products and all(p.reason_source.startswith("recs:") for p in r.products)
    assert "picks for you" in r.reply and "recommend" in r.timings_ms
    cold = agent.turn("Any suggestions for me?", session_id="recs-chat-2", user_id="brand-new-shopper")
    assert cold.products and "popular" in cold.reply
    shown = r.products[1]
    goes = agent.turn("what goes with the second one?", session_id="recs-chat-1", user_id=user)
    assert goes.products and shown.id not in [p.id for p in goes.products] and shown.title in goes.reply
    buyers = sorted({e.user_id for e in shop["sim"].events if e.event == "purchase"})
    buyer = buyers[0]
    last = [e.product_id for e in shop["profiles"].events(buyer) if e.event in ("purchase", "add_to_cart")][0]
    like = agent.turn("something like what I bought last time", session_id="recs-chat-3", user_id=buyer)
    titles = dict(zip(shop["catalog"].ids, shop["catalog"].titles))
    assert like.products and "you bought" in like.reply and titles[last] in like.reply
    assert last not in [p.id for p in like.products]
    # a search is still a search
    search = agent.turn("show me headphones", session_id="recs-chat-4", user_id=user)
    assert not any(p.reason_source.startswith("recs:") for p in search.products)


# --- command line -------------------------------------------------------------------------------


def test_cli_events_export_import_and_train(shop, tmp_path, capsys):
    from assistant.cli import main

    out = tmp_path / "events.jsonl"
    assert main(["events", "export", "--home", str(shop["home"]), "--out", str(out)]) == 0
    n = len(out.read_text().splitlines())
    assert n == len(list(shop["profiles"].all_events()))
    assert main(["events", "import", "--home", str(tmp_path / "copy"), str(out)]) == 0
    assert f"imported {n:,} events" in capsys.readouterr().out
    shop["profiles"].record("cli-shopper", "purchase", product_id=shop["catalog"].ids[2])
    assert main(["train", "recs", "--home", str(shop["home"]), "--incremental", "--epochs", "1"]) == 0
    printed = capsys.readouterr().out  # a new event: continued from the last training, with its time
    assert "train recs:" in printed and " s in all" in printed
    assert main(["train", "recs", "--home", str(shop["home"]), "--incremental"]) == 0
    assert "nothing new" in capsys.readouterr().out


# --- a folder of trained models shared by several workers (recs_home) ---------------------------


def test_two_homes_sharing_a_recs_home_serve_one_training_and_one_forget_reaches_both(shop, tmp_path, monkeypatch):
    """Worker a trains into the shared folder; worker b's Recommender serves that training; a
    forget through worker a's profile store removes the shopper from the shared files, and
    worker b's Recommender, at its next reload check, no longer knows them."""
    from assistant.profile import ProfileStore
    from assistant.recs import service
    from assistant.recs.service import Recommender
    from assistant.recs.store import load_npz, recs_dir
    from assistant.recs.train import TrainOptions, train_recs

    monkeypatch.setattr(service, "RELOAD_CHECK_SECONDS", 0.0)  # check the manifest on every request
    shared = tmp_path / "shared-recs"
    home_a, home_b = tmp_path / "worker-a", tmp_path / "worker-b"
    profiles_a = ProfileStore(home_a, recs_home=shared)
    profiles_a.record_many(shop["profiles"].all_events())  # what the shared database holds, as worker a reads it
    profiles_b = ProfileStore(home_b, recs_home=shared)
    assert profiles_a.recs_folder == profiles_b.recs_folder == shared
    manifest = train_recs(home_a, shop["index"], profiles_a, options=TrainOptions(epochs=1, validate=False), recs_home=shared)
    assert (shared / "manifest.json").is_file() and not recs_dir(home_a).exists()

    rec_b = Recommender(shop["index"], profiles_b, nn="numpy")
    product = most_bought(shop)
    together = rec_b.recommend(product_id=product, k=5)
    assert together.model_version == manifest["version"]
    assert together.items[0].reason_kind in ("co_bought", "co_viewed") and together.items[0].because == product
    user = active_user(shop)
    assert rec_b.models().als is not None and user in rec_b.models().als.users

    assert profiles_a.forget(user) > 0
    assert user not in [str(u) for u in load_npz(shared / "als.npz")["users"]]
    models = rec_b.models()  # reloaded: the forget rewrote the shared manifest
    assert models.version != manifest["version"] and models.manifest["forgotten_since_training"] == 1
    assert models.als is not None and user not in models.als.users


def test_the_recs_home_setting_reaches_train_recs_and_profile_forget(shop, tmp_path, monkeypatch, embedder):
    """SHOPASSIST_RECS_HOME, as the workers get it: `train recs` writes there (not into its home),
    the shop's profile store of another home reads and cleans there, `profile forget` too."""
    from assistant.cli import main
    from assistant.recs.store import load_npz, read_manifest, recs_dir
    from assistant.settings import Settings
    from assistant.shop import Shop

    shared = tmp_path / "shared-recs"
    own_before = read_manifest(recs_dir(shop["home"]))
    monkeypatch.setenv("SHOPASSIST_RECS_HOME", str(shared))
    assert main(["train", "recs", "--home", str(shop["home"]), "--epochs", "1"]) == 0
    assert read_manifest(shared)["last_event_id"] == shop["profiles"].last_event_id()
    assert read_manifest(recs_dir(shop["home"])) == own_before  # the home's own models are left as they were
    other = tmp_path / "other-worker"
    assert Shop.open(Settings(home=other), embedder).profiles.recs_folder == shared
    user = active_user(shop)
    assert user in [str(u) for u in load_npz(shared / "als.npz")["users"]]
    assert main(["profile", "forget", user, "--home", str(other)]) == 0
    assert user not in [str(u) for u in load_npz(shared / "als.npz")["users"]]
    assert user in [str(u) for u in load_npz(recs_dir(shop["home"]) / "als.npz")["users"]]  # not this deployment's folder


def test_without_recs_home_the_models_stay_in_the_home(tmp_path, monkeypatch, embedder):
    from assistant.profile import ProfileStore
    from assistant.settings import Settings
    from assistant.shop import Shop

    monkeypatch.delenv("SHOPASSIST_RECS_HOME", raising=False)
    assert Settings().recs_home is None
    assert ProfileStore(tmp_path / "a").recs_folder == tmp_path / "a" / "recs"
    assert Shop.open(Settings(home=tmp_path / "b"), embedder).profiles.recs_folder == tmp_path / "b" / "recs"


HOLD_THE_LOCK = """
import sys, time
from pathlib import Path
from assistant.recs.store import writing
with writing(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(1.0)
    print(time.time(), flush=True)
"""


def test_a_shared_folder_has_one_writer_at_a_time_across_processes(tmp_path):
    """Another process holding the folder's lock (a training) makes a forget here wait for it."""
    from assistant.recs.store import forget_trained_user, read_manifest, write_manifest

    folder = tmp_path / "shared-recs"
    write_manifest(folder, {"users_trained": ["u1", "u2"]})
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_LOCK, str(folder)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert forget_trained_user(folder, "u1")
        done = time.time()
        released = float(holder.stdout.readline())
    finally:
        holder.wait(timeout=60)
    assert done >= released  # the forget ran only once the other process had let go
    assert read_manifest(folder)["users_trained"] == ["u2"]
