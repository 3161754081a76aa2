"""A real PostgreSQL server for the tests: an unprivileged cluster in a temporary folder,
listening on 127.0.0.1 only, started with the server binaries found on this machine (Debian's
`postgresql` package, which .ci/run installs, or /usr/local/bin), stopped at the end.

initdb refuses to run as root: when the tests run as root, the cluster is created and run as the
`postgres` system user (or `nobody`) through runuser, in a folder owned by that user. Each test
gets a database of its own (`pg_url`). Without the binaries the Postgres tests skip, saying so.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

PG_USER = "shopassist"


def find_pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, /usr/local/bin, or Debian's versioned one."""
    found = shutil.which("initdb")
    candidates = ([Path(found).parent] if found else []) + [Path("/usr/local/bin")]
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists() and (folder / "postgres").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> str | None:
    """The unprivileged user to run the cluster as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    pytest.skip("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


@contextlib.contextmanager
def postgres_cluster():
    """(url of the `postgres` database, bin folder) of a fresh cluster on 127.0.0.1."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl, postgres) on PATH, in /usr/local/bin or "
                    "/usr/lib/postgresql/*/bin: apt-get install postgresql (.ci/run does)")
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="shopassist-pg-"))
    data, sock, log = root / "data", root / "sock", root / "server.log"
    sock.mkdir()
    if user is not None:
        uid, gid = pwd.getpwnam(user).pw_uid, pwd.getpwnam(user).pw_gid
        for p in (root, sock):
            os.chown(p, uid, gid)
        os.chmod(root, 0o700)
    prefix = ["runuser", "-u", user, "--"] if user is not None else []
    port = _free_port()
    env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
    subprocess.run(prefix + [str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", PG_USER, "-E", "UTF8",
                             "--no-sync", "--no-instructions"], check=True, capture_output=True, env=env, timeout=120)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=off -c synchronous_commit=off " \
              f"-c full_page_writes=off -c max_connections=200"
    subprocess.run(prefix + [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60", "start"],
                   check=True, capture_output=True, env=env, timeout=90)
    try:
        yield f"postgresql://{PG_USER}@127.0.0.1:{port}/postgres", bin_dir
    finally:
        subprocess.run(prefix + [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, env=env, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """The admin URL of a PostgreSQL cluster started for this test session."""
    with postgres_cluster() as (url, _):
        yield url


_numbers = itertools.count(1)


def new_database(admin_url: str) -> str:
    """A new empty database on the cluster; its URL."""
    import psycopg

    name = f"t{os.getpid()}_{next(_numbers)}_{int(time.time() * 1000) % 100000}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def pg_url(postgres_server):
    """The URL of an empty database of its own for one test."""
    return new_database(postgres_server)
