"""`shopassist bench load`: the HTTP API under N concurrent simulated shoppers.

The server is the real thing: `shopassist serve` in a subprocess (so the load generator does not
share its interpreter), over the demo shop loaded into a temporary home (or the index in
--home), with the embedded LLM unless --no-llm, and a site key made for the run. Each shopper
(asyncio + httpx) is a signed-in user of the shop (user id signed with the site's secret, as a
shop's server would): it starts a conversation the way the widget does (POST /api/v1/sessions),
plays a short multi-turn conversation over SSE from an allowed Origin, clicks a recommended
product, sometimes searches the FAQ, pauses a little between requests, and starts the next
conversation, until the time is up; requests in flight then finish.

Printed, honestly: the share of requests answered 429 (and which limit each named), chat turns
*completed* per second, p50/p95 of completed turns (time to first event, time to the final
one), requests per status class, errors. Target: 20 concurrent sessions, zero 5xx, overload
answered 429 (or queued), never a crash — and a run where most chat requests were refused is
NOT MET, whatever else held: refusing everyone is not serving them.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.sitekeys import SiteKey

ORIGIN = "http://127.0.0.1:8123"
SCRIPT = [
    ["I'm looking for headphones under 200", "in navy", "cheaper ones"],
    ["sneakers for everyday wear", "under 90", "do these ship free?"],
    ["a gift for someone who loves coffee", "how long do refunds take?"],
    ["waterproof jacket for hiking", "more expensive", "do you ship to canada?"],
    ["something for yoga under 40", "in black"],
]
FAQ_QUESTIONS = ["how do I return an item", "do you ship internationally", "which payment methods do you accept"]


@dataclass
class Stats:
    codes: Counter = field(default_factory=Counter)
    by_kind: Counter = field(default_factory=Counter)
    first_event: list[float] = field(default_factory=list)
    last_event: list[float] = field(default_factory=list)
    other_latency: list[float] = field(default_factory=list)
    busy_429: int = 0
    rate_429: int = 0
    limits_429: Counter = field(default_factory=Counter)  # which limit each 429 named
    chat_requests: int = 0
    chat_refused: int = 0
    sse_errors: int = 0
    transport_errors: int = 0
    mixed_up: int = 0  # a turn answered for another session, or that lost its own conversation's budget
    turns: int = 0
    error_samples: list[str] = field(default_factory=list)

    def error(self, text: str) -> None:
        if len(self.error_samples) < 5:
            self.error_samples.append(text[:200])


def _limit_of(text: str) -> str:
    try:
        return str(json.loads(text).get("limit") or "unnamed")
    except (ValueError, AttributeError):
        return "unnamed"


def _pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _new_session(client, stats: Stats, who: dict) -> tuple[str | None, float]:
    """A server-issued session, as the widget asks for one; (id or None, seconds to wait when 429)."""
    try:
        r = await client.post("/api/v1/sessions", json=who)
    except Exception as exc:
        stats.transport_errors += 1
        stats.error(f"sessions transport: {type(exc).__name__}: {exc}")
        return None, 1.0
    stats.codes[r.status_code] += 1
    stats.by_kind["session"] += 1
    if r.status_code == 201:
        return r.json()["session_id"], 0.0
    if r.status_code == 429:
        stats.rate_429 += 1
        stats.limits_429[_limit_of(r.text)] += 1
        return None, float(r.headers.get("retry-after", "1"))
    stats.error(f"sessions {r.status_code}: {r.text}")
    return None, 0.0


async def _chat(client, stats: Stats, message: str, session: str, who: dict) -> tuple[dict | None, float]:
    """One turn; returns (final event data or None, seconds to wait before retrying when 429)."""
    body = {"message": message, "session_id": session, **who}
    started = time.perf_counter()
    first = None
    event_name, final = None, None
    try:
        async with client.stream("POST", "/api/v1/chat", json=body) as r:
            stats.codes[r.status_code] += 1
            stats.by_kind["chat"] += 1
            stats.chat_requests += 1
            if r.status_code != 200:
                text = (await r.aread()).decode("utf-8", "replace")
                if r.status_code == 429:
                    stats.chat_refused += 1
                    limit = _limit_of(text)
                    stats.limits_429[limit] += 1
                    if limit == "busy":
                        stats.busy_429 += 1
                    else:
                        stats.rate_429 += 1
                    return None, float(r.headers.get("retry-after", "1"))
                stats.error(f"chat {r.status_code}: {text}")
                return None, 0.0
            async for line in r.aiter_lines():
                if line.startswith("event: "):
                    event_name = line[7:]
                    if first is None:
                        first = time.perf_counter() - started
                elif line.startswith("data: ") and event_name in ("final", "error"):
                    if event_name == "final":
                        final = json.loads(line[6:])
                    else:
                        stats.sse_errors += 1
                        stats.error(f"SSE error: {line[6:]}")
        if first is not None:
            stats.first_event.append(first)
        if final is not None:
            stats.last_event.append(time.perf_counter() - started)
            stats.turns += 1
            if final.get("session_id") != session:
                stats.mixed_up += 1
                stats.error(f"mixed-up session: asked {session}, answered {final.get('session_id')}")
        return final, 0.0
    except Exception as exc:  # connection refused / reset / timeout: counted, never fatal to the run
        stats.transport_errors += 1
        stats.error(f"chat transport: {type(exc).__name__}: {exc}")
        return None, 1.0


async def _simple(client, stats: Stats, kind: str, method: str, url: str, **kwargs) -> None:
    started = time.perf_counter()
    try:
        r = await client.request(method, url, **kwargs)
    except Exception as exc:
        stats.transport_errors += 1
        stats.error(f"{kind} transport: {type(exc).__name__}: {exc}")
        return
    stats.codes[r.status_code] += 1
    stats.by_kind[kind] += 1
    if r.status_code == 429:
        stats.rate_429 += 1
        stats.limits_429[_limit_of(r.text)] += 1
    elif r.status_code >= 300:
        stats.error(f"{kind} {r.status_code}: {r.text}")
    else:
        stats.other_latency.append(time.perf_counter() - started)


async def _shopper(n: int, client, stats: Stats, stop_at: float, think: float, secret: str) -> None:
    from assistant.sitekeys import sign_user

    rng = random.Random(n)
    user = f"load-shopper-{n}"
    who = {"user_id": user, "user_signature": sign_user(secret, user)}
    conversation = n
    await asyncio.sleep(rng.uniform(0, min(1.0, think * 2)))  # do not all start in the same millisecond
    while time.monotonic() < stop_at:
        session, retry = await _new_session(client, stats, who)
        if session is None:
            await asyncio.sleep(min(max(retry, 0.5), 5.0) * rng.uniform(1.0, 1.5))
            continue
        budget = None  # the conversation's budget once stated: every later turn must still have it
        for message in SCRIPT[conversation % len(SCRIPT)]:
            final, retry = None, 0.0
            while time.monotonic() < stop_at:
                final, retry = await _chat(client, stats, message, session, who)
                if not retry:
                    break
                await asyncio.sleep(min(retry, 5.0) * rng.uniform(1.0, 1.5))
            if final is None:
                break
            stated = (final.get("constraints") or {}).get("max_price")
            if budget is not None and stated is None:
                stats.mixed_up += 1
                stats.error(f"session {session} lost its budget {budget} at {message!r}")
            budget = stated if stated is not None else budget
            if final["products"] and time.monotonic() < stop_at:
                await _simple(client, stats, "feedback", "POST", "/api/v1/feedback",
                              json={"session_id": session, "product_id": final["products"][0]["id"], "event": "click", **who})
            if rng.random() < 0.3 and time.monotonic() < stop_at:
                await _simple(client, stats, "faq", "GET", "/api/v1/faq/search", params={"q": rng.choice(FAQ_QUESTIONS)})
            await asyncio.sleep(rng.uniform(0, 2 * think))
            if time.monotonic() >= stop_at:
                break
        conversation += 1


class RoundRobinClient:
    """Several workers behind one client, as a load balancer without stickiness: request n goes
    to worker n mod N, whatever session it belongs to."""

    def __init__(self, clients: list) -> None:
        self.clients = clients
        self._n = 0

    def _next(self):
        client = self.clients[self._n % len(self.clients)]
        self._n += 1
        return client

    def post(self, *args, **kwargs):
        return self._next().post(*args, **kwargs)

    def request(self, *args, **kwargs):
        return self._next().request(*args, **kwargs)

    def stream(self, *args, **kwargs):
        return self._next().stream(*args, **kwargs)


async def _load(url: str | list[str], key: str, secret: str, sessions: int, seconds: float, think: float) -> tuple[Stats, float]:
    import contextlib

    import httpx

    urls = [url] if isinstance(url, str) else list(url)
    stats = Stats()
    limits = httpx.Limits(max_connections=sessions + 10, max_keepalive_connections=sessions + 10)
    headers = {"X-Site-Key": key, "Origin": ORIGIN}
    async with contextlib.AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(httpx.AsyncClient(base_url=u, headers=headers, timeout=300, limits=limits))
                   for u in urls]
        client = clients[0] if len(clients) == 1 else RoundRobinClient(clients)
        started = time.monotonic()
        await asyncio.gather(*(_shopper(n, client, stats, started + seconds, think, secret) for n in range(sessions)))
        return stats, time.monotonic() - started


def _secret(site: SiteKey) -> str:
    """The site's identity secret, which the shoppers sign their user ids with (add_site always
    makes one; a site without one cannot sign users in)."""
    if not site.secret:
        raise RuntimeError(f"site {site.key} has no identity secret; the load benchmark signs shoppers in with it")
    return site.secret


# Every shopper comes from this one address: the benchmarks measure the servers' own overload
# handling (busy -> 429), not the per-site budgets.
GENEROUS_LIMITS = dict(rate_per_minute=1_000_000, session_rate_per_minute=10_000, client_rate_per_minute=1_000_000,
                       faq_rate_per_minute=1_000_000, sessions_per_client_per_minute=1_000_000)
CLI = [sys.executable, "-m", "assistant.cli"]


def _demo_home(home: Path, env: dict | None = None) -> Path:
    """The demo shop loaded into `home` (embedded Chroma, SQLite), as `shopassist demo` does."""
    print("loading the demo shop into an embedded home...", flush=True)
    subprocess.run(CLI + ["demo", "--no-interactive", "--home", str(home)], check=True, stdout=subprocess.DEVNULL, env=env)
    return home


def _benchmark_site(sites: Path | Any) -> SiteKey:
    """A site key for the load, in a sites file or a database, with GENEROUS_LIMITS."""
    from assistant.sitekeys import add_site

    return add_site(sites, "load benchmark", [ORIGIN], **GENEROUS_LIMITS)


def _wait_healthy(url: str, proc: subprocess.Popen, log_path: Path, timeout: float = 600) -> dict:
    import httpx

    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited ({proc.returncode}): {log_path.read_text()[-2000:]}")
        try:
            r = httpx.get(url + "/healthz", timeout=5)
            if r.status_code == 200:
                return r.json()
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the server did not answer /healthz within {timeout:.0f} s")


def run_load_benchmark(settings: Settings, sessions: int = 20, seconds: float = 30, no_llm: bool = False,
                       think: float = 0.5, home: Path | None = None) -> int:
    if sessions < 1 or seconds <= 0 or think < 0:
        raise ValueError("--sessions must be >= 1, --seconds > 0 and --think >= 0")
    with tempfile.TemporaryDirectory(prefix="shopassist-load-") as tmp_dir:
        tmp = Path(tmp_dir)
        if home is None:
            home = _demo_home(tmp / "home")
        sites = tmp / "sites.json"
        site = _benchmark_site(sites)
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        log_path = tmp / "server.log"
        command = CLI + ["serve", "--home", str(home), "--port", str(port), "--sites", str(sites), "--log-level", "warning"]
        if no_llm:
            command.append("--no-llm")
        llm_label = "off" if no_llm else ("embedded SmolLM2" if settings.llm_backend == "embedded" else settings.llm_backend)
        print(f"starting the server on {url} (LLM: {llm_label})...", flush=True)
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy())
            try:
                health = _wait_healthy(url, proc, log_path)
                if not health.get("products"):
                    raise ValueError(f"the index in {home} holds no products; load a catalog first (or omit --home)")
                print(f"server ready: {health['products']} products, {health['faq_entries']} FAQ entries; "
                      f"{sessions} shoppers for {seconds:g} s...", flush=True)
                stats, elapsed = asyncio.run(_load(url, site.key, _secret(site), sessions, seconds, think))
                crashed = proc.poll() is not None
            finally:
                _stop(proc)
        server_log = log_path.read_text(errors="replace")

    print(report(stats, elapsed, sessions=sessions, seconds=seconds, llm_label=llm_label, crashed=crashed))
    if "Traceback" in server_log:
        print("server log has tracebacks:\n" + server_log[-3000:])
    return 0 if verdict(stats, crashed) else 1


def verdict(stats: Stats, crashed: bool) -> bool:
    """Met: no 5xx, no errors, the server alive, turns completed, and most chat requests served
    (a run where the majority of turns were refused with 429 is not a server coping)."""
    five = sum(n for c, n in stats.codes.items() if c >= 500)
    errors = stats.sse_errors + stats.transport_errors + stats.mixed_up
    refused_share = stats.chat_refused / stats.chat_requests if stats.chat_requests else 1.0
    return five == 0 and errors == 0 and not crashed and stats.turns > 0 and refused_share <= 0.5


def report(stats: Stats, elapsed: float, *, sessions: int, seconds: float, llm_label: str, crashed: bool) -> str:
    total = sum(stats.codes.values())
    ok = sum(n for c, n in stats.codes.items() if 200 <= c < 300)
    too_many = stats.codes.get(429, 0)
    other_4xx = sum(n for c, n in stats.codes.items() if 400 <= c < 500 and c != 429)
    five = sum(n for c, n in stats.codes.items() if c >= 500)
    errors = stats.sse_errors + stats.transport_errors
    share = too_many / total if total else 0.0
    chat_share = stats.chat_refused / stats.chat_requests if stats.chat_requests else 0.0
    limits = ", ".join(f"{k} {v}" for k, v in sorted(stats.limits_429.items())) or "none"
    lines = [
        f"\nload: {sessions} concurrent shoppers, {seconds:g} s of new requests (+ drain) = {elapsed:.1f} s; LLM: {llm_label}",
        f"requests: {total} ({', '.join(f'{k} {v}' for k, v in sorted(stats.by_kind.items()))}) = {total / elapsed:.2f} req/s",
        f"refused with 429: {too_many} of {total} requests = {share:.0%}; chat turns refused: {stats.chat_refused} of "
        f"{stats.chat_requests} = {chat_share:.0%} (by limit: {limits})",
        f"chat turns completed: {stats.turns} = {stats.turns / elapsed:.2f} per second",
        f"status: 2xx {ok}, 429 {too_many}, other 4xx {other_4xx}, 5xx {five}; errors {errors} "
        f"(SSE error events {stats.sse_errors}, transport {stats.transport_errors}); mixed-up sessions {stats.mixed_up}",
        f"completed turns, time to first event: p50 {_pct(stats.first_event, 50):.2f} s, p95 {_pct(stats.first_event, 95):.2f} s",
        f"completed turns, time to final event: p50 {_pct(stats.last_event, 50):.2f} s, p95 {_pct(stats.last_event, 95):.2f} s",
        f"feedback/FAQ requests:               p50 {_pct(stats.other_latency, 50):.2f} s, p95 {_pct(stats.other_latency, 95):.2f} s",
    ]
    lines += [f"  e.g. {sample}" for sample in stats.error_samples]
    met = verdict(stats, crashed)
    lines.append("target (zero 5xx, no errors, server alive, overload answered 429 or queued, and most chat turns served, "
                 f"not refused): {'MET' if met else 'NOT MET'}" + ("" if met or chat_share <= 0.5 else
                                                                   f" ({chat_share:.0%} of chat turns were refused)"))
    return "\n".join(lines)


# --- one process against several workers, in one run -------------------------------------------


@dataclass
class Phase:
    label: str
    stats: Stats
    elapsed: float
    crashed: bool

    @property
    def turns_per_second(self) -> float:
        return self.stats.turns / self.elapsed if self.elapsed else 0.0


def _start(command: list[str], env: dict, log_path: Path) -> tuple[subprocess.Popen, IO[bytes]]:
    log = open(log_path, "wb")
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env), log


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _phase(label: str, commands: list[tuple[list[str], dict]], tmp: Path, key: str, secret: str, *, sessions: int,
           seconds: float, think: float) -> Phase:
    """Start the servers, wait until every one answers /healthz, run the load over all of them
    (round robin), stop them."""
    procs, urls = [], []
    try:
        for n, (command, env) in enumerate(commands):
            port = _free_port()
            log_path = tmp / f"{label.replace(' ', '-')}-{n}.log"
            proc, log = _start(command + ["--port", str(port)], env, log_path)
            procs.append((proc, log, log_path))
            urls.append(f"http://127.0.0.1:{port}")
        for (proc, _, log_path), url in zip(procs, urls):
            health = _wait_healthy(url, proc, log_path)
            if not health.get("products"):
                raise RuntimeError(f"{label}: the server at {url} holds no products")
        print(f"{label}: {len(urls)} server(s) ready; {sessions} shoppers for {seconds:g} s...", flush=True)
        stats, elapsed = asyncio.run(_load(urls, key, secret, sessions, seconds, think))
        crashed = any(p.poll() is not None for p, _, _ in procs)
    finally:
        for proc, log, _ in procs:
            _stop(proc)
            log.close()
    for _, _, log_path in procs:
        text = log_path.read_text(errors="replace")
        if "Traceback" in text:
            print(f"{label}: {log_path.name} has tracebacks:\n" + text[-3000:])
    return Phase(label, stats, elapsed, crashed)


def run_scaling_benchmark(settings: Settings, workers: int = 2, sessions: int = 20, seconds: float = 30,
                          no_llm: bool = False, think: float = 0.5, max_turns: int | None = None) -> int:
    """In one run: one embedded process (embedded Chroma, SQLite in its home), then one and then
    `workers` stateless workers over a `chroma run` server and a PostgreSQL cluster started here
    on 127.0.0.1 (each worker with a home of its own, as on separate machines), all with the same
    demo catalog, load and LLM setting; the same shoppers, the client spreading requests round
    robin. Prints each phase's figures and the speed-up."""
    from assistant.db import PostgresDatabase
    from evals.local_servers import chroma_server, new_database, postgres_cluster

    if workers < 2:
        raise ValueError("--workers must be at least 2 (the comparison is with one process)")
    if sessions < 1 or seconds <= 0 or think < 0:
        raise ValueError("--sessions must be >= 1, --seconds > 0 and --think >= 0")
    serve = ["serve", "--log-level", "warning"] + (["--no-llm"] if no_llm else []) + \
            (["--max-turns", str(max_turns)] if max_turns else [])
    llm_label = "off" if no_llm else ("embedded SmolLM2" if settings.llm_backend == "embedded" else settings.llm_backend)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("SHOPASSIST_CHROMA", "SHOPASSIST_DATABASE",
                                                                        "SHOPASSIST_HOME", "SHOPASSIST_COLLECTION"))}
    phases: list[Phase] = []
    with tempfile.TemporaryDirectory(prefix="shopassist-scale-") as tmp_dir:
        tmp = Path(tmp_dir)
        home = _demo_home(tmp / "embedded-home", base_env)
        sites = tmp / "sites.json"
        site = _benchmark_site(sites)
        phases.append(_phase("1 embedded process", [(CLI + serve + ["--home", str(home), "--sites", str(sites)], base_env)],
                             tmp, site.key, _secret(site), sessions=sessions, seconds=seconds, think=think))

        with postgres_cluster() as admin_url, chroma_server(tmp / "chroma") as (host, port):
            url = new_database(admin_url, "shopassist")
            shared = dict(base_env, SHOPASSIST_CHROMA_HOST=host, SHOPASSIST_CHROMA_PORT=str(port), SHOPASSIST_DATABASE_URL=url)
            loader = dict(shared, SHOPASSIST_HOME=str(tmp / "loader"))
            print(f"PostgreSQL and chroma run on 127.0.0.1:{port} up; loading the demo catalog into them...", flush=True)
            subprocess.run(CLI + ["db", "migrate"], check=True, stdout=subprocess.DEVNULL, env=loader)
            subprocess.run(CLI + ["ingest", "catalog", "examples/demo/products.jsonl"], check=True, stdout=subprocess.DEVNULL,
                           env=loader, cwd=Path(__file__).resolve().parent.parent)
            subprocess.run(CLI + ["ingest", "faq", "examples/demo/faq.md"], check=True, stdout=subprocess.DEVNULL,
                           env=loader, cwd=Path(__file__).resolve().parent.parent)
            database = PostgresDatabase(url)
            shared_site = _benchmark_site(database)
            database.close()
            for n in (1, workers):
                commands = [(CLI + serve, dict(shared, SHOPASSIST_HOME=str(tmp / f"worker-{n}-{i}"))) for i in range(n)]
                phases.append(_phase(f"{n} worker{'s' if n > 1 else ''} (chroma run + PostgreSQL)", commands, tmp,
                                     shared_site.key, _secret(shared_site), sessions=sessions, seconds=seconds, think=think))

    print(scaling_report(phases, workers=workers, sessions=sessions, seconds=seconds, llm_label=llm_label))
    met = all(verdict(p.stats, p.crashed) for p in phases)
    return 0 if met else 1


def scaling_report(phases: list[Phase], *, workers: int, sessions: int, seconds: float, llm_label: str) -> str:
    lines = [f"\nscaling: {sessions} concurrent shoppers, {seconds:g} s per set-up; LLM: {llm_label}",
             "| set-up | turns/s | turn p50 s | turn p95 s | 429 share of chat | errors | mixed-up sessions | 5xx |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for p in phases:
        s = p.stats
        share = s.chat_refused / s.chat_requests if s.chat_requests else 0.0
        five = sum(n for c, n in s.codes.items() if c >= 500)
        lines.append(f"| {p.label} | {p.turns_per_second:.2f} | {_pct(s.last_event, 50):.2f} | {_pct(s.last_event, 95):.2f} | "
                     f"{share:.0%} | {s.sse_errors + s.transport_errors} | {s.mixed_up} | {five} |")
    for p in phases:
        lines += [f"  {p.label}: " + line for line in report(p.stats, p.elapsed, sessions=sessions, seconds=seconds,
                                                             llm_label=llm_label, crashed=p.crashed).strip().splitlines()]
    one, one_shared, many = phases[0], phases[1], phases[-1]
    if one.turns_per_second and one_shared.turns_per_second:
        ratio = many.turns_per_second / one.turns_per_second
        lines.append(f"{workers} workers / 1 embedded process: {ratio:.2f}x turns per second; "
                     f"{workers} workers / 1 worker on the same servers: {many.turns_per_second / one_shared.turns_per_second:.2f}x"
                     + (f" (target with the LLM off: >= 1.7x: {'MET' if ratio >= 1.7 else 'NOT MET'})" if llm_label == "off" else ""))
    return "\n".join(lines)


def run_slot_curve(settings: Settings, slots: list[int], sessions: int = 20, seconds: float = 30, think: float = 0.5,
                   llm_threads: int = 1) -> int:
    """With the LLM on, in one run: one process with the embedded SmolLM2 (in-process, one call at
    a time), then the same worker with llama.cpp's `llama-server -np N` serving the same GGUF,
    for each N in `slots`; the worker sizes its turns to the server's slots (GET /props). The same
    demo shop, shoppers and load each time. Prints turns/s, latency and 429 share per set-up."""
    from assistant.llm import smollm2_path
    from evals.local_servers import llama_server

    if not slots or min(slots) < 1:
        raise ValueError("--llm-slots takes slot counts of at least 1, e.g. 1,2,4")
    if sessions < 1 or seconds <= 0 or think < 0:
        raise ValueError("--sessions must be >= 1, --seconds > 0 and --think >= 0")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("SHOPASSIST_LLM", "SHOPASSIST_HOME"))}
    phases: list[Phase] = []
    with tempfile.TemporaryDirectory(prefix="shopassist-slots-") as tmp_dir:
        tmp = Path(tmp_dir)
        home = _demo_home(tmp / "home", base_env)
        sites = tmp / "sites.json"
        site = _benchmark_site(sites)
        serve = CLI + ["serve", "--log-level", "warning", "--home", str(home), "--sites", str(sites)]
        phases.append(_phase("embedded SmolLM2, in-process", [(serve, base_env)], tmp, site.key, _secret(site),
                             sessions=sessions, seconds=seconds, think=think))
        alone: list[tuple[int, float, float]] = []
        for n in slots:
            with llama_server(smollm2_path(), slots=n, folder=tmp, threads=llm_threads) as url:
                alone.append((n, *_generation_rate(url, requests=4)))
                env = dict(base_env, SHOPASSIST_LLM_BACKEND="openai", SHOPASSIST_LLM_BASE_URL=url, SHOPASSIST_LLM_MODEL="smollm2")
                phases.append(_phase(f"llama-server -np {n}", [(serve, env)], tmp, site.key, _secret(site),
                                     sessions=sessions, seconds=seconds, think=think))
    print(slot_curve_report(phases, sessions=sessions, seconds=seconds, llm_threads=llm_threads))
    print("\nthe LLM server alone, 4 requests at once (a 40-token prompt, 96 tokens generated each):\n"
          "| slots | generated tokens/s, all requests | wall s |\n| --- | --- | --- |")
    for n, rate, wall in alone:
        print(f"| {n} | {rate:.0f} | {wall:.1f} |")
    return 0 if all(verdict(p.stats, p.crashed) for p in phases) else 1


def _generation_rate(url: str, requests: int) -> tuple[float, float]:
    """Generated tokens per second over `requests` chat completions sent at once (what parallel
    slots batch: decoding), and the wall time they took."""
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    body = {"model": "smollm2", "max_tokens": 96, "temperature": 0, "ignore_eos": True,
            "messages": [{"role": "user", "content": "Describe a good pair of running shoes for a beginner, "
                                                     "what to look for and what to avoid, in a few sentences."}]}

    def one(_: int) -> int:
        response = httpx.post(url + "/chat/completions", json=body, timeout=300)
        response.raise_for_status()
        return int(response.json()["usage"]["completion_tokens"])

    started = time.perf_counter()
    with ThreadPoolExecutor(requests) as pool:
        tokens = sum(pool.map(one, range(requests)))
    wall = time.perf_counter() - started
    return tokens / wall, wall


def slot_curve_report(phases: list[Phase], *, sessions: int, seconds: float, llm_threads: int) -> str:
    base = phases[0].turns_per_second
    lines = [f"\nLLM slot curve: {sessions} concurrent shoppers, {seconds:g} s per set-up, one worker; llama-server "
             f"with {llm_threads} thread(s); the in-process row is the embedded default (its smaller prompts: "
             f"assistant/agent.py config_for)",
             "| LLM | turns/s | vs in-process | turn p50 s | turn p95 s | 429 share of chat | errors | mixed-up sessions |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for p in phases:
        s = p.stats
        share = s.chat_refused / s.chat_requests if s.chat_requests else 0.0
        ratio = f"{p.turns_per_second / base:.2f}x" if base else "n/a"
        lines.append(f"| {p.label} | {p.turns_per_second:.2f} | {ratio} | {_pct(s.last_event, 50):.2f} | "
                     f"{_pct(s.last_event, 95):.2f} | {share:.0%} | {s.sse_errors + s.transport_errors} | {s.mixed_up} |")
    return "\n".join(lines)
