"""Several stateless `shopassist serve` workers over one Chroma server and one PostgreSQL
database (issue 13): any worker answers any turn of any session, what one worker forgets the
others no longer have, and rate limits are one budget for all of them.

Everything is real and on 127.0.0.1: a PostgreSQL cluster started by tests/postgres.py, `chroma
run` (tests/conftest.py), the catalog loaded by `shopassist ingest`, a site key made by
`shopassist sites add` into the database, and two `shopassist serve` processes with
homes of their own (as on two machines: nothing is shared through the file system), their LLM
llama.cpp's `llama-server -np 2` serving SmolLM2 (`make llama-server` builds it). The test client
sends each request to the next worker in turn.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from evals.local_servers import answers
from tests.browser_helpers import identity, sse_events
from tests.conftest import DEMO, background_server, free_port
from tests.postgres import new_database, postgres_server  # noqa: F401

SHOPASSIST = str(Path(sys.executable).parent / "shopassist")
ORIGIN = "http://127.0.0.1:8125"


class RoundRobin:
    """An HTTP client over several workers: request n goes to worker n mod N (a load balancer
    with no stickiness); `via` names the worker the last request went to."""

    def __init__(self, urls: list[str]) -> None:
        self.clients = [httpx.Client(base_url=u, timeout=120) for u in urls]
        self._next = itertools.cycle(range(len(urls)))
        self.via: int | None = None
        self.log: list[int] = []

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        self.via = next(self._next)
        self.log.append(self.via)
        return self.clients[self.via].request(method, path, **kwargs)

    def post(self, path: str, **kwargs) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def get(self, path: str, **kwargs) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def close(self) -> None:
        for c in self.clients:
            c.close()


def _env(**extra: str) -> dict:
    return dict(os.environ, **extra)


def _healthy(port: int):
    return lambda: answers(f"http://127.0.0.1:{port}/healthz")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, chroma_server, postgres_server, request):  # noqa: F811
    """Two workers over a Chroma server and PostgreSQL, the demo catalog loaded, one site key;
    the LLM is llama.cpp's `llama-server -np 2` (the LLM off where it is not built)."""
    import contextlib

    from assistant.db import PostgresDatabase
    from assistant.sitekeys import list_sites

    root = tmp_path_factory.mktemp("workers")
    host, port = chroma_server
    url = new_database(postgres_server)
    shared = {"SHOPASSIST_CHROMA_HOST": host, "SHOPASSIST_CHROMA_PORT": str(port), "SHOPASSIST_COLLECTION": "workers",
              "SHOPASSIST_DATABASE_URL": url, "SHOPASSIST_LLM_BACKEND": "none"}
    loader = shared | {"SHOPASSIST_HOME": str(root / "loader")}
    try:
        llm_url = request.getfixturevalue("llama_slots_server")
    except pytest.skip.Exception:
        llm_url = None
    migrated = subprocess.run([SHOPASSIST, "db", "migrate"], capture_output=True, text=True, env=_env(**loader), timeout=120)
    assert migrated.returncode == 0, migrated.stderr
    for what, path in (("catalog", DEMO / "products.jsonl"), ("faq", DEMO / "faq.md")):
        done = subprocess.run([SHOPASSIST, "ingest", what, str(path)], capture_output=True, text=True, env=_env(**loader), timeout=900)
        assert done.returncode == 0, done.stderr
    added = subprocess.run([SHOPASSIST, "sites", "add", "two workers", "--origin", ORIGIN, "--rate", "100000",
                            "--session-rate", "100", "--client-rate", "100000", "--new-sessions-rate", "100000"],
                           capture_output=True, text=True, env=_env(**loader), timeout=120)
    assert added.returncode == 0, added.stderr
    database = PostgresDatabase(url)
    site = list_sites(database)[0]
    ports = [free_port(), free_port()]
    llm = {"SHOPASSIST_LLM_BACKEND": "openai", "SHOPASSIST_LLM_BASE_URL": llm_url, "SHOPASSIST_LLM_MODEL": "smollm2"} if llm_url else {}
    with contextlib.ExitStack() as stack:
        for n, api_port in enumerate(ports):
            env = _env(**(shared | llm), SHOPASSIST_HOME=str(root / f"worker{n}"))
            serve = [SHOPASSIST, "serve", "--port", str(api_port)] + ([] if llm_url else ["--no-llm"])
            stack.enter_context(background_server(serve,
                                                  root / f"worker{n}.log", _healthy(api_port), f"worker {n}", 300, env=env))
        client = RoundRobin([f"http://127.0.0.1:{p}" for p in ports])
        yield {"client": client, "site": site, "database": database, "root": root, "ports": ports, "llm": llm_url}
        client.close()
        database.close()


def _headers(site) -> dict:
    return {"X-Site-Key": site.key, "Origin": ORIGIN}


def _session(rr: RoundRobin, site, **body) -> str:
    r = rr.post("/api/v1/sessions", json=body, headers=_headers(site))
    assert r.status_code == 201, r.text
    return r.json()["session_id"]


def _turn(rr: RoundRobin, site, session_id: str, message: str, **extra) -> tuple[int, dict]:
    r = rr.post("/api/v1/chat", json={"message": message, "session_id": session_id, **extra}, headers=_headers(site))
    assert r.status_code == 200, (rr.via, r.status_code, r.text)
    events = sse_events(r.text)
    assert not [e for e in events if e[0] == "error"], events
    final = dict(events)["final"]
    assert final["session_id"] == session_id
    return rr.via, final


def test_one_conversation_alternating_between_workers_keeps_its_state(cluster):
    rr, site = cluster["client"], cluster["site"]
    session = _session(rr, site)
    first, turn1 = _turn(rr, site, session, "sneakers under 120")
    second, turn2 = _turn(rr, site, session, "in white")
    third, turn3 = _turn(rr, site, session, "cheaper ones")
    assert {first, second} == {0, 1} and third == first  # every turn on the other worker than the one before
    assert turn1["constraints"]["max_price"] == 120 and turn1["products"]
    # the second worker read the first worker's turn: the budget stands, the colour is added
    assert turn2["constraints"]["max_price"] == 120 and "white" in _lower(turn2["constraints"]["colors"])
    assert turn2["products"] and all(p["price"] <= 120 for p in turn2["products"])
    # and the first read the second's: still white, now cheaper than what was shown
    assert "white" in _lower(turn3["constraints"]["colors"])
    assert turn3["constraints"]["max_price"] is not None and turn3["constraints"]["max_price"] < 120


def _lower(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


def test_forget_through_one_worker_is_seen_by_the_other(cluster):
    rr, site, database = cluster["client"], cluster["site"], cluster["database"]
    user = identity(site, "worker-shopper")
    session = _session(rr, site, **user)
    _turn(rr, site, session, "a waterproof jacket", **user)
    r = rr.post("/api/v1/feedback", json={"session_id": session, "event": "like", "product_id": _any_product(database, rr, site),
                                          **user}, headers=_headers(site))
    assert r.status_code in (200, 201), r.text
    opened = rr.post("/api/v1/handoff", json={"session_id": session, **user}, headers=_headers(site))
    assert opened.status_code in (200, 201), opened.text
    seen = rr.get("/api/v1/handoff", params={"session_id": session, **user}, headers=_headers(site))
    assert seen.status_code == 200 and seen.json()["ticket"] is not None, seen.text  # opened on one, read on the other

    forgot = rr.post("/api/v1/forget", json=user, headers={"X-Site-Key": site.key})
    assert forgot.status_code == 200 and forgot.json()["sessions_deleted"] == 1, forgot.text
    forgot_on = rr.via
    # the other worker no longer knows the conversation, the profile or the ticket
    r = rr.post("/api/v1/chat", json={"message": "in blue", "session_id": session, **user}, headers=_headers(site))
    assert rr.via != forgot_on and r.status_code == 404 and r.json()["code"] == "session_unknown", r.text
    with database.connect() as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE user_id = ?", ("worker-shopper",)).fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM tickets WHERE session_id = ?", (session,)).fetchone()[0] == 0


def _any_product(database, rr: RoundRobin, site) -> str:
    r = rr.get("/api/v1/products/search", params={"q": "jacket"}, headers=_headers(site))
    assert r.status_code == 200, r.text
    return r.json()["products"][0]["id"]


def test_rate_limits_are_one_budget_across_workers(cluster):
    """A key allowing 2 turns a minute per conversation (one back every 30 s): the third and fourth
    turns are refused, one by each worker (two in-memory budgets would have allowed four)."""
    import time

    from assistant.sitekeys import add_site

    rr = cluster["client"]
    site = add_site(cluster["database"], "two a minute", [ORIGIN], rate_per_minute=100000, session_rate_per_minute=2,
                    client_rate_per_minute=100000, sessions_per_client_per_minute=100000)
    time.sleep(1.2)  # workers look at the table at most once a second
    session = _session(rr, site)
    statuses, started = [], time.monotonic()
    for message in ["sneakers", "under 90", "in white", "for men"]:
        r = rr.post("/api/v1/chat", json={"message": message, "session_id": session}, headers=_headers(site))
        statuses.append((rr.via, r.status_code, r.json().get("limit") if r.status_code == 429 else None))
    if time.monotonic() - started > 29:
        pytest.skip("the turns took longer than the budget's refill (30 s): the machine is too busy to tell")
    assert [s for _, s, _ in statuses[:2]] == [200] * 2, statuses
    assert [(s, lim) for _, s, lim in statuses[2:]] == [(429, "session")] * 2, statuses
    assert {w for w, _, _ in statuses[2:]} == {0, 1}  # refused by both workers


def test_site_keys_revoked_once_are_refused_by_every_worker(cluster):
    from assistant.sitekeys import add_site, revoke_site

    rr, database = cluster["client"], cluster["database"]
    site = add_site(database, "short-lived", [ORIGIN])
    import time

    time.sleep(1.2)  # workers look at the table at most once a second
    assert [_session_status(rr, site) for _ in range(2)] == [201, 201]
    revoke_site(database, site.key)
    time.sleep(1.2)
    assert [_session_status(rr, site) for _ in range(2)] == [403, 403]


def _session_status(rr: RoundRobin, site) -> int:
    return rr.post("/api/v1/sessions", json={}, headers=_headers(site)).status_code


def test_workers_run_as_many_turns_at_once_as_the_llm_server_has_slots(cluster):
    """Each worker asked the llama.cpp server how many slots it has (2) and runs that many turns at
    once: four conversations at the same moment, two on each worker, are all answered; four on one
    worker leave two refused as busy (with the fixed default of 4 all four would have run)."""
    from concurrent.futures import ThreadPoolExecutor

    if cluster["llm"] is None:
        pytest.skip("llama.cpp's llama-server is not built (`make llama-server`): the workers run with the LLM off")
    for n in range(2):
        log = (cluster["root"] / f"worker{n}.log").read_text(errors="replace")
        assert "2 chat turns at once (the LLM server's total_slots" in log, log[-2000:]
    site, urls = cluster["site"], [f"http://127.0.0.1:{p}" for p in cluster["ports"]]

    def at_once(workers: list[int]) -> list[httpx.Response]:
        clients = [RoundRobin([urls[w]]) for w in workers]
        sessions = [_session(rr, site) for rr in clients]
        try:
            with ThreadPoolExecutor(len(clients)) as pool:
                return list(pool.map(lambda c: c[0].post("/api/v1/chat", headers=_headers(site), json={
                    "message": "a waterproof jacket under 150", "session_id": c[1]}), zip(clients, sessions)))
        finally:
            for rr in clients:
                rr.close()

    spread = at_once([0, 1, 0, 1])
    assert [r.status_code for r in spread] == [200] * 4, [r.text[:300] for r in spread]
    finals = [dict(sse_events(r.text))["final"] for r in spread]
    assert all(f["reply"] and f["products"] and all(p["price"] <= 150 for p in f["products"]) for f in finals), finals

    crowded = at_once([1, 1, 1, 1])
    codes = sorted(r.status_code for r in crowded)
    refused = [r.json() for r in crowded if r.status_code == 429]
    assert codes.count(200) >= 2 and refused and all(body["limit"] == "busy" for body in refused), codes
