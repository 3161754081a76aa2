"""Real servers on 127.0.0.1 for benchmarks and tests: a PostgreSQL cluster in a temporary
folder (unprivileged: as the `postgres` system user, or `nobody`, when running as root, since
initdb refuses root) and a `chroma run` server. Started from the binaries on this machine,
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
from typing import Iterator

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
def chroma_server(path: Path, timeout: float = 60) -> Iterator[tuple[str, int]]:
    """(host, port) of a `chroma run` server keeping its data in `path`."""
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "server.log", "wb") as log:
        proc = subprocess.Popen([chroma, "run", "--path", str(path / "data"), "--host", "127.0.0.1", "--port", str(port)],
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.time() + timeout
            while not port_open(port):
                if proc.poll() is not None:
                    raise RuntimeError(f"chroma run exited: {(path / 'server.log').read_text(errors='replace')[-1500:]}")
                if time.time() > deadline:
                    raise RuntimeError(f"chroma run did not listen within {timeout:.0f} s")
                time.sleep(0.2)
            yield "127.0.0.1", port
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
