"""A real PostgreSQL server for the tests: an unprivileged cluster in a temporary folder,
listening on 127.0.0.1 only, started with the server binaries found on this machine (Debian's
`postgresql` package, which .ci/run installs, or /usr/local/bin), stopped at the end
(evals/local_servers.py; as the `postgres` system user when the tests run as root, since initdb
refuses root). Each test gets a database of its own. Without the binaries the Postgres tests
skip, saying so.
"""

from __future__ import annotations

import itertools
import os
import time

import pytest

from evals.local_servers import ServerUnavailable, postgres_cluster
from evals.local_servers import new_database as _create


@pytest.fixture(scope="session")
def postgres_server():
    """The admin URL of a PostgreSQL cluster started for this test session."""
    try:
        cluster = postgres_cluster()
        url = cluster.__enter__()
    except ServerUnavailable as exc:
        pytest.skip(str(exc))
    try:
        yield url
    finally:
        cluster.__exit__(None, None, None)


_numbers = itertools.count(1)


def new_database(admin_url: str) -> str:
    """A new empty database on the cluster; its URL."""
    return _create(admin_url, f"t{os.getpid()}_{next(_numbers)}_{int(time.time() * 1000) % 100000}")


@pytest.fixture
def pg_url(postgres_server):
    """The URL of an empty database of its own for one test."""
    return new_database(postgres_server)
