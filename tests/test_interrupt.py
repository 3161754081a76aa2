"""An interrupted load (kill -9 or Ctrl-C mid-way) leaves the index consistent, and rerunning
the same command completes it: the result equals an uninterrupted load."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from retrieval.ingest import ingest_file
from retrieval.search import HybridSearcher
from retrieval.store import IndexLocation, ShopIndex
from tests.conftest import DEMO

SHOPASSIST = str(Path(sys.executable).parent / "shopassist")


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory):
    rows = [json.loads(line) for line in (DEMO / "products.jsonl").read_text().splitlines()]
    out = tmp_path_factory.mktemp("big") / "big.jsonl"
    with out.open("w") as fh:
        for copy in range(2):
            for row in rows:
                fh.write(json.dumps(dict(row, id=f"{row['id']}-{copy}", title=f"{row['title']} (edition {copy})")) + "\n")
    return out


@pytest.fixture(scope="module")
def clean_snapshot(big_catalog, tmp_path_factory, embedder):
    clean_home = tmp_path_factory.mktemp("clean")
    ingest_file(ShopIndex(IndexLocation(home=clean_home), embedder), big_catalog, "product", progress=False)
    return snapshot(clean_home, embedder)


def start_ingest(path: Path, home: Path) -> subprocess.Popen:
    # A runner started in the background (`cmd &` in a script) passes SIGINT on as ignored, and
    # Python then never raises KeyboardInterrupt: give the loader the default disposition back.
    return subprocess.Popen([SHOPASSIST, "ingest", "catalog", str(path), "--home", str(home), "--progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ, COLUMNS="100"),
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_for_progress(proc: subprocess.Popen, at_least: int, timeout: float = 240) -> None:
    """Read tqdm's stderr until at least `at_least` items are reported written."""
    deadline = time.time() + timeout
    buffer = b""
    while time.time() < deadline:
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            raise AssertionError(f"loader ended before the kill: {buffer[-500:]!r}")
        buffer += chunk
        for part in buffer.replace(b"\r", b"\n").split(b"\n"):
            if b"embedding products:" in part and b"|" in part:
                done = part.split(b"|")[2].strip().split(b"/")[0]
                if done.isdigit() and int(done) >= at_least:
                    return
    raise AssertionError("no progress seen")


def snapshot(home: Path, embedder) -> dict[str, str]:
    # Closed again at once: a process that keeps an embedded index open blocks other writers.
    with ShopIndex(IndexLocation(home=home), embedder) as index:
        return {rid: meta["content_hash"] for b in index.iter_records(include=["metadatas"]) for rid, meta in zip(b["ids"], b["metadatas"])}


@pytest.mark.parametrize("how", ["kill -9", "ctrl-c"])
def test_interrupted_load_completes_on_rerun(big_catalog, clean_snapshot, tmp_path, embedder, how):
    home = tmp_path / "interrupted"
    proc = start_ingest(big_catalog, home)
    wait_for_progress(proc, 256)
    proc.send_signal(signal.SIGKILL if how == "kill -9" else signal.SIGINT)
    proc.wait(60)
    if how == "ctrl-c":
        assert proc.returncode == 130
        assert b"rerun the same command" in proc.stderr.read()
    partial = snapshot(home, embedder)
    total = sum(1 for _ in big_catalog.open())
    assert 0 < len(partial) < total, "the kill should land mid-load"

    # The half-loaded index is usable: search works and BM25 catches up with what is there.
    with ShopIndex(IndexLocation(home=home), embedder) as index:
        assert HybridSearcher(index).search("running shoes", k=5)
        assert index.lexical.size == len(partial)

    rerun = subprocess.run([SHOPASSIST, "ingest", "catalog", str(big_catalog), "--home", str(home)],
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(partial)} unchanged" in rerun.stdout and f"{total - len(partial)} added" in rerun.stdout

    assert snapshot(home, embedder) == clean_snapshot
    final = ShopIndex(IndexLocation(home=home), embedder)
    final.ensure_lexical()
    assert final.lexical.size == total
