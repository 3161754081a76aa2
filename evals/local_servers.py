"""Real servers on 127.0.0.1 for benchmarks and tests: a PostgreSQL cluster in a temporary
folder (unprivileged: as the `postgres` system user, or `nobody`, when running as root, since
initdb refuses root), a `chroma run` server and llama.cpp's `llama-server`. Started from the binaries on this machine,
stopped when the block ends; nothing is downloaded."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

PG_USER = "shopassist"


class ServerUnavailable(RuntimeError):
    """The binaries (or an unprivileged user to run them as) are not on this machine."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def find_pg_bin() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres: on PATH, /usr/local/bin, or Debian's
    versioned /usr/lib/postgresql/*/bin (the `postgresql` package does not put them on PATH)."""
    found = shutil.which("initdb")
    candidates = ([Path(found).parent] if found else []) + [Path("/usr/local/bin")]
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if all((folder / b).exists() for b in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def _run_as() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise ServerUnavailable("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


@contextlib.contextmanager
def postgres_cluster(max_connections: int = 200) -> Iterator[str]:
    """The URL of the `postgres` database of a fresh cluster on 127.0.0.1 (trust auth on loopback,
    fsync off: a throwaway cluster)."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise ServerUnavailable("no PostgreSQL server binaries (initdb, pg_ctl, postgres) on PATH, in /usr/local/bin or "
                                "/usr/lib/postgresql/*/bin: apt-get install postgresql (.ci/run does)")
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="shopassist-pg-"))
    data, sock, log = root / "data", root / "sock", root / "server.log"
    sock.mkdir()
    if user is not None:
        entry = pwd.getpwnam(user)
        for p in (root, sock):
            os.chown(p, entry.pw_uid, entry.pw_gid)
        os.chmod(root, 0o700)
    prefix = ["runuser", "-u", user, "--"] if user is not None else []
    port = free_port()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    try:
        subprocess.run(prefix + [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", PG_USER, "-E", "UTF8",
                                 "--no-sync", "--no-instructions"], check=True, capture_output=True, env=env, timeout=120)
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off -c synchronous_commit=off "
                   f"-c full_page_writes=off -c max_connections={max_connections}")
        subprocess.run(prefix + [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60",
                                 "start"], check=True, capture_output=True, env=env, timeout=90)
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode(errors="replace")[-1500:]
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {detail}") from None
    try:
        yield f"postgresql://{PG_USER}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(prefix + [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, env=env, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def new_database(admin_url: str, name: str) -> str:
    """Create database `name` on the cluster; its URL."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


@contextlib.contextmanager
def background_server(command: list[str], log_path: Path, ready: Callable[[], bool], what: str, timeout: float,
                      env: dict | None = None) -> Iterator[subprocess.Popen]:
    """Run a real server process until the block ends; `ready()` says when it answers. Its output
    goes to `log_path`, whose tail is in the error when it exits or does not start in time."""
    log_path = Path(log_path)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.time() + timeout
            while not ready():
                if proc.poll() is not None:
                    raise RuntimeError(f"{what} exited: {log_path.read_text(errors='replace')[-2000:]}")
                if time.time() > deadline:
                    raise RuntimeError(f"{what} did not start within {timeout:.0f} s")
                time.sleep(0.2)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextlib.contextmanager
def chroma_server(path: Path, timeout: float = 60) -> Iterator[tuple[str, int]]:
    """(host, port) of a `chroma run` server keeping its data in `path`."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    command = [chroma, "run", "--path", str(path / "data"), "--host", "127.0.0.1", "--port", str(port)]
    with background_server(command, path / "server.log", lambda: port_open(port), "chroma run", timeout):
        yield "127.0.0.1", port


LLAMA_SERVER_VERSION = "0.3.36"  # the Makefile's LLAMA_VERSION: the llama-cpp-python sdist it is built from


def find_llama_server() -> Path | None:
    """llama.cpp's `llama-server`: on PATH, or where `make llama-server` builds it (the cache)."""
    found = shutil.which("llama-server")
    if found:
        return Path(found)
    built = Path.home() / ".cache" / "shopassist" / f"llama-server-{LLAMA_SERVER_VERSION}" / "llama-server"
    return built if built.is_file() and os.access(built, os.X_OK) else None


def answers(url: str) -> bool:
    """Whether a GET of `url` succeeds now (a 2xx): how a starting server is polled until ready."""
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=1):
            return True
    except OSError:  # refused, or an HTTP error such as llama-server's 503 while the model loads
        return False


@contextlib.contextmanager
def llama_server(model: str, slots: int, folder: Path, context_per_slot: int = 2048, threads: int = 2,
                 timeout: float = 120) -> Iterator[str]:
    """The /v1 URL of llama.cpp's `llama-server` serving `model` with `slots` parallel slots
    (continuous batching) on 127.0.0.1. llama.cpp divides its context between the slots, so it
    gets `context_per_slot` times `slots`."""
    binary = find_llama_server()
    if binary is None:
        raise ServerUnavailable("llama.cpp's llama-server is not on PATH nor built in ~/.cache/shopassist: "
                                "`make llama-server` builds it (make test does)")
    if slots < 1:
        raise ValueError("slots must be at least 1")
    port = free_port()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    command = [str(binary), "-m", model, "--host", "127.0.0.1", "--port", str(port), "-np", str(slots),
               "-c", str(context_per_slot * slots), "-t", str(threads), "--alias", "smollm2", "--no-webui"]
    with background_server(command, folder / f"llama-server-{slots}.log", lambda: answers(f"http://127.0.0.1:{port}/health"),
                           "llama-server", timeout):
        yield f"http://127.0.0.1:{port}/v1"
