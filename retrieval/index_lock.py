"""One writer, many readers, for the embedded Chroma store.

Embedded Chroma (`PersistentClient`) keeps its vector segments in memory and does not see
another process's writes: a `shopassist serve` that stays up while `shopassist ingest` writes to
the same folder answers every later turn with Chroma's "Error finding id". So a process that
opens an embedded index takes a *shared* lock on the folder, and a process about to write asks
to turn it into an *exclusive* one, which only succeeds when no other process has the folder
open. The loser gets `IndexBusy` saying which processes hold it and what to do instead (stop
them, or run a Chroma server: every process then talks to the same server, see the README's
production section).

`flock` locks belong to an open file description, and a process may open the same index several
times (tests, evals): the lock is held once per process and folder, counted by its users, so
the process never conflicts with itself. The operating system drops the lock when a process
dies, so a killed load never leaves the folder locked.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IndexBusy

LOCK_FILE = ".shopassist.lock"
HOLDERS_DIR = ".shopassist-holders"


@dataclass
class _Held:
    fd: int
    exclusive: bool = False
    users: int = 0
    writers: int = 0
    holder_file: Path | None = None


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def _describe_holders(folder: Path) -> str:
    """`pid 123 (shopassist serve)` for every other live process that registered itself."""
    found = []
    for path in sorted((folder / HOLDERS_DIR).glob("*.json")):
        try:
            info = json.loads(path.read_text("utf-8"))
            pid = int(info["pid"])
        except (OSError, ValueError, KeyError):
            continue
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            path.unlink(missing_ok=True)  # left by a killed process
            continue
        except PermissionError:
            pass
        found.append(f"pid {pid} ({info.get('command', '?')})")
    return ", ".join(found) or "another process"


def _register(folder: Path) -> Path | None:
    holders = folder / HOLDERS_DIR
    try:
        holders.mkdir(exist_ok=True)
        path = holders / f"{os.getpid()}.json"
        command = " ".join(Path(sys.argv[0]).name.split() + sys.argv[1:3]) if sys.argv else "python"
        path.write_text(json.dumps({"pid": os.getpid(), "command": command[:200]}), "utf-8")
        return path
    except OSError:
        return None  # the lock still protects; only the message gets vaguer


@dataclass
class IndexLock:
    """This process's hold on one embedded index folder. `acquire` on open, `writing()` around
    writes, `release` on close."""

    folder: Path
    _writing: int = field(default=0, init=False)

    def acquire(self) -> None:
        folder = self.folder.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        with _guard:
            held = _held.get(folder)
            if held is None:
                fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    raise IndexBusy(
                        f"the embedded index in {folder} is being written by {_describe_holders(folder)}; "
                        "wait for that load to finish, or run a Chroma server for several processes "
                        "(README: running it for a real shop)"
                    ) from None
                held = _held[folder] = _Held(fd=fd, holder_file=_register(folder))
            held.users += 1
        self.folder = folder

    def begin_write(self) -> None:
        """Take the folder exclusively (no other process may have it open), or raise IndexBusy."""
        with _guard:
            held = _held[self.folder]
            if not held.exclusive:
                try:
                    fcntl.flock(held.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    # Linux drops the shared lock before a failed conversion: take it back.
                    try:
                        fcntl.flock(held.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    except BlockingIOError:
                        pass
                    raise IndexBusy(
                        f"the embedded index in {self.folder} is open in {_describe_holders(self.folder)}; embedded "
                        "Chroma cannot be written while another process reads it (that process would answer from a "
                        "stale copy). Stop it first, or run a Chroma server that every process shares "
                        "(README: running it for a real shop). Nothing was written."
                    ) from None
                held.exclusive = True
            held.writers += 1
            self._writing += 1

    def end_write(self) -> None:
        """Back to shared, so that readers may open the folder again once this process is idle."""
        with _guard:
            held = _held.get(self.folder)
            if held is None or not self._writing:
                return
            self._writing -= 1
            held.writers -= 1
            if held.writers == 0 and held.exclusive:
                fcntl.flock(held.fd, fcntl.LOCK_SH)
                held.exclusive = False

    def release(self) -> None:
        while self._writing:
            self.end_write()
        with _guard:
            held = _held.get(self.folder)
            if held is None:
                return
            held.users -= 1
            if held.users <= 0:
                if held.holder_file is not None:
                    held.holder_file.unlink(missing_ok=True)
                os.close(held.fd)  # closing the descriptor drops the flock
                del _held[self.folder]
