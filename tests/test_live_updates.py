"""Catalog updates while the shop is serving: one writer, many readers, done right.

Embedded Chroma: a process that has the index open keeps an in-memory copy that another
process's writes would make stale ("Error finding id" on every later turn), so a second
process's write is refused before anything changes, with a message saying what to do.
Chroma server: every process shares the server; a reader that rebuilt its BM25 copy in the
middle of a load catches up when the load ends (the revision moves at both ends of a write).
Real Chroma (embedded and `chroma run`), real CLI subprocesses; nothing is mocked.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from retrieval.ingest import ingest_file
from retrieval.search import HybridSearcher
from retrieval.store import IndexBusy, IndexLocation, ShopIndex
from tests.conftest import DEMO

SHOPASSIST = str(Path(sys.executable).parent / "shopassist")


def small_catalog(path: Path, n: int, prefix: str = "NEW") -> Path:
    rows = [json.loads(line) for line in (DEMO / "products.jsonl").read_text().splitlines()][:n]
    with path.open("w") as fh:
        for i, row in enumerate(rows):
            fh.write(json.dumps(dict(row, id=f"{prefix}-{i}", title=f"Zephyrine {row['title']}")) + "\n")
    return path


def test_second_process_cannot_write_an_open_embedded_index(tmp_path, embedder):
    home = tmp_path / "home"
    index = ShopIndex(IndexLocation(home=home), embedder)
    ingest_file(index, DEMO / "products.jsonl", "product", progress=False)
    before = index.count()
    new = small_catalog(tmp_path / "new.jsonl", 5)

    refused = subprocess.run([SHOPASSIST, "ingest", "catalog", str(new), "--home", str(home)],
                             capture_output=True, text=True, timeout=300)
    assert refused.returncode != 0
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in refused.stderr, refused.stderr
    assert "is open in pid" in lines[0] and "Chroma server" in lines[0]

    # The process that had it open still answers, from an index nobody changed under it.
    assert index.count() == before
    hits = HybridSearcher(index).search("running shoes", k=5)
    assert hits and all(h.product is not None for h in hits)
    index.check_readable()

    index.close()  # once it lets go, the load goes through
    done = subprocess.run([SHOPASSIST, "ingest", "catalog", str(new), "--home", str(home)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with ShopIndex(IndexLocation(home=home), embedder) as reopened:
        assert reopened.count() == before + 5
        assert any(h.id == "NEW-0" for h in HybridSearcher(reopened).search("Zephyrine", k=5))


def test_an_open_reader_blocks_a_writer_in_the_same_folder_only(tmp_path, embedder):
    """Two indexes in one process share the hold (the process never conflicts with itself)."""
    home = tmp_path / "home"
    reader = ShopIndex(IndexLocation(home=home), embedder)
    writer = ShopIndex(IndexLocation(home=home), embedder)
    ingest_file(writer, small_catalog(tmp_path / "a.jsonl", 3, "A"), "product", progress=False)
    assert reader.count() == 3
    writer.close()
    reader.close()


def test_reader_opening_during_a_write_is_told_to_wait(tmp_path, embedder):
    home = tmp_path / "home"
    code = (
        "import sys, time\n"
        "from retrieval.store import IndexLocation, ShopIndex\n"
        "from retrieval.embeddings import TransformersEmbedder\n"
        "index = ShopIndex(IndexLocation(home=sys.argv[1]), TransformersEmbedder())\n"
        "index.begin_write(); print('writing', flush=True); time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(home)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        with pytest.raises(IndexBusy, match="being written by pid"):
            ShopIndex(IndexLocation(home=home), embedder)
    finally:
        proc.kill()
        proc.wait(30)
    # The OS dropped the dead writer's lock: the folder opens again.
    with ShopIndex(IndexLocation(home=home), embedder) as index:
        index.check_readable()


def test_server_reader_catches_up_after_seeing_a_load_midway(tmp_path, embedder, chroma_server):
    """A reader on another machine (another home, same Chroma server) that searched while a
    load was half done rebuilds its BM25 copy once the load ends."""
    host, port = chroma_server
    collection = f"live{tmp_path.name[-8:].replace('-', '')}"
    writer = ShopIndex(IndexLocation(home=tmp_path / "writer", collection=collection, chroma_host=host, chroma_port=port), embedder)
    reader = ShopIndex(IndexLocation(home=tmp_path / "reader", collection=collection, chroma_host=host, chroma_port=port), embedder)
    from retrieval.ingest import _records, parse_file

    items = [item for _, item in parse_file(DEMO / "products.jsonl", "product").items][:40]
    records = [r for item in items for r in _records(item, writer)]
    writer.begin_write()
    first, rest = records[:3], records[3:]
    writer.upsert([r.record_id for r in first], [r.text for r in first], [r.metadata for r in first],
                  embedder.embed([r.text for r in first]))
    assert HybridSearcher(reader).search(items[0].title, k=3)  # rebuilds BM25 from the 3 it sees
    assert reader.lexical.size == 3
    writer.upsert([r.record_id for r in rest], [r.text for r in rest], [r.metadata for r in rest],
                  embedder.embed([r.text for r in rest]))
    writer.rebuild_lexical()  # the end of the load

    hits = HybridSearcher(reader).search(items[-1].title, k=3, mode="lexical")
    assert reader.lexical.size == 40
    assert hits and hits[0].id == items[-1].id


# --- a real `shopassist serve` while a real `shopassist ingest` runs ---------------------------


def _serve(env: dict, port: int):
    import os

    from evals.local_servers import answers
    from tests.conftest import background_server

    log = Path(env["SHOPASSIST_HOME"]) / "serve.log"
    return background_server([SHOPASSIST, "serve", "--no-llm", "--port", str(port)], log,
                             lambda: answers(f"http://127.0.0.1:{port}/healthz"), "shopassist serve", 120,
                             env=dict(os.environ, **env))


def _site(env: dict):
    import os

    from assistant.sitekeys import list_sites

    subprocess.run([SHOPASSIST, "sites", "add", "live shop", "--origin", "http://127.0.0.1:1", "--rate", "100000",
                    "--session-rate", "100000", "--client-rate", "100000", "--new-sessions-rate", "100000"], check=True,
                   capture_output=True, env=dict(os.environ, **env), timeout=60)
    return list_sites(Path(env["SHOPASSIST_HOME"]) / "sites.json")[0]


def _turn(client, key: str, message: str) -> tuple[list[tuple[str, dict]], dict | None]:
    from tests.browser_helpers import new_session, sse_events

    session = new_session(client, key)
    r = client.post("/api/v1/chat", json={"message": message, "session_id": session}, headers={"X-Site-Key": key})
    assert r.status_code == 200, r.text
    events = sse_events(r.text)
    final = next((data for name, data in events if name == "final"), None)
    return events, final


def test_serve_keeps_answering_while_a_load_runs_against_the_chroma_server(tmp_path, chroma_server):
    import os
    import time

    import httpx

    from tests.conftest import free_port

    host, port = chroma_server
    shared = {"SHOPASSIST_CHROMA_HOST": host, "SHOPASSIST_CHROMA_PORT": str(port),
              "SHOPASSIST_COLLECTION": f"live-{tmp_path.name[-10:].replace('_', '-')}"}
    server_env = shared | {"SHOPASSIST_HOME": str(tmp_path / "server-home")}
    loader_env = shared | {"SHOPASSIST_HOME": str(tmp_path / "loader-home")}  # another machine
    first = subprocess.run([SHOPASSIST, "ingest", "catalog", str(DEMO / "products.jsonl")], capture_output=True, text=True,
                           env=dict(os.environ, **loader_env), timeout=600)
    assert first.returncode == 0, first.stderr
    site = _site(server_env)
    new = small_catalog(tmp_path / "new.jsonl", 300)
    api_port = free_port()
    with _serve(server_env, api_port), httpx.Client(base_url=f"http://127.0.0.1:{api_port}", timeout=120) as client:
        load = subprocess.Popen([SHOPASSIST, "ingest", "catalog", str(new)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=dict(os.environ, **loader_env))
        during = []
        while load.poll() is None:
            events, final = _turn(client, site.key, "running shoes under 150")
            assert [name for name, _ in events if name == "error"] == [], events
            assert final is not None and final["products"] and all(p["price"] <= 150 for p in final["products"])
            during.append(final)
            time.sleep(0.3)
        assert load.returncode == 0, load.stderr
        assert during, "the load ended before a turn ran"
        events, final = _turn(client, site.key, "Zephyrine running shoes")
        assert final is not None and any(p["id"].startswith("NEW-") for p in final["products"]), final
        health = client.get("/healthz").json()
        assert health["status"] == "ok" and health["products"] == 352 + 300


def test_serve_on_an_embedded_home_refuses_a_second_writer_and_keeps_answering(tmp_path):
    import os

    import httpx

    from tests.conftest import free_port

    env = {"SHOPASSIST_HOME": str(tmp_path / "home")}
    loaded = subprocess.run([SHOPASSIST, "ingest", "catalog", str(DEMO / "products.jsonl")], capture_output=True, text=True,
                            env=dict(os.environ, **env), timeout=600)
    assert loaded.returncode == 0, loaded.stderr
    site = _site(env)
    api_port = free_port()
    with _serve(env, api_port), httpx.Client(base_url=f"http://127.0.0.1:{api_port}", timeout=120) as client:
        refused = subprocess.run([SHOPASSIST, "ingest", "catalog", str(small_catalog(tmp_path / "n.jsonl", 20))],
                                 capture_output=True, text=True, env=dict(os.environ, **env), timeout=300)
        assert refused.returncode != 0 and "shopassist serve" in refused.stderr and "Traceback" not in refused.stderr
        for message in ("running shoes under 150", "in black", "not Veloxa"):
            events, final = _turn(client, site.key, message)
            assert final is not None and not [e for e in events if e[0] == "error"]
        assert client.get("/healthz").json()["products"] == 352
