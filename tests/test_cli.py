"""The command line as a user runs it: real subprocesses, one shared home."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO, FIXTURES, MAPPINGS

SHOPASSIST = str(Path(sys.executable).parent / "shopassist")


def run(*args, home, check=True):
    env = dict(os.environ, SHOPASSIST_HOME=str(home))
    proc = subprocess.run([SHOPASSIST, *map(str, args)], capture_output=True, text=True, env=env, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"{args} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("cli-home")
    out = run("ingest", "catalog", DEMO / "products.jsonl", home=home)
    assert "352 added" in out.stdout or "added" in out.stdout
    run("ingest", "faq", DEMO / "faq.md", home=home)
    return home


def test_search_json_shape_and_filters(home):
    out = run("search", "running shoes", "--k", "5", "--max-price", "80", "--json", home=home)
    hits = json.loads(out.stdout)
    assert len(hits) == 5
    for hit in hits:
        assert {"id", "kind", "score"} <= hit.keys()
        if hit["kind"] == "product":
            assert hit["price"] <= 80 and hit["title"]
    out = run("search", "return policy", "--kind", "faq", "--json", "--k", "2", home=home)
    faq_hits = json.loads(out.stdout)
    assert faq_hits[0]["kind"] == "faq" and faq_hits[0]["question"] and faq_hits[0]["answer"]


def test_search_brand_and_category_flags(home):
    out = run("search", "shoes", "--brand", "Stridewell", "--category", "Footwear", "--json", home=home)
    hits = json.loads(out.stdout)
    assert hits and all(h["brand"] == "Stridewell" for h in hits)


def test_home_flag_before_or_after_the_subcommand(home, tmp_path):
    env_home = tmp_path / "elsewhere"
    a = run("--home", home, "stats", "--json", home=env_home)
    b = run("stats", "--json", "--home", home, home=env_home)
    assert json.loads(a.stdout)["products"] == json.loads(b.stdout)["products"] == 352
    assert json.loads(a.stdout)["faq_entries"] >= 40


def test_lookup(home):
    out = run("lookup", "when will my refund arrive", "--json", home=home)
    data = json.loads(out.stdout)
    assert data["confident"] and data["matches"][0]["id"].startswith("refund")
    out = run("lookup", "who won the football world cup", home=home)
    assert "No confident match" in out.stdout


def test_ingest_with_mapping_and_rejects(home, tmp_path):
    out = run("ingest", "catalog", FIXTURES / "flipkart_like.csv", "--mapping", MAPPINGS / "flipkart.toml",
              "--rejects", tmp_path / "r.jsonl", home=home)
    assert "3 added" in out.stdout and "1 rejected" in out.stdout
    assert "rejected line 5: unparsable price 'n/a'" in out.stderr
    assert json.loads((tmp_path / "r.jsonl").read_text())["line"] == 5


@pytest.mark.parametrize(
    "args,message",
    [
        (("ingest", "catalog", "/nonexistent.csv"), "no such file"),
        (("ingest", "catalog", "x.csv", "--mapping", "/nonexistent.toml"), "no such mapping file"),
        (("search", "shoes", "--k", "0"), "--k must be at least 1"),
        (("search", "shoes", "--min-price", "-5"), "min_price"),
        (("eval", "run", "--report", "/tmp/never-written", "--queries", "0"), "--queries must be at least 1"),
        (("eval", "run", "--report", "/tmp/never-written", "--suite", "speed"), "unknown suite(s) speed"),
    ],
)
def test_errors_exit_nonzero_with_one_line(home, args, message):
    proc = run(*args, home=home, check=False)
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.strip().splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and message in lines[0], proc.stderr
