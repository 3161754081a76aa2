"""Files that appear whole or not at all: derived artefacts (exported graphs, fitted models) are
written under a private temporary name and renamed into place, so a concurrent reader or a crash
never sees half a file."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def written_into_place(out: Path) -> Iterator[Path]:
    """A private temporary path beside `out`, renamed over `out` when the block ends without an
    error (removed otherwise)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        yield tmp
        os.replace(tmp, out)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
