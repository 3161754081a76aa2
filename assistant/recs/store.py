"""Where the trained recommenders live: `<home>/recs/`, beside the index (`<home>/chroma`), or
the folder `recs_home` names (`SHOPASSIST_RECS_HOME`): with several workers, one folder on a
file system they all mount, so one `train recs` serves them all and a forget through any worker
removes the shopper from the files every worker reads. Every function here takes that folder.

    manifest.json    what was trained when, on which events (the last event row id), how long it
                     took, the users and items it knows, and whether someone was forgotten since
    cooc.npz         item-to-item co-occurrence: top neighbours per item (co-bought, co-viewed)
    als.npz          implicit ALS factors (user and item) and the row of each user id
    two_tower.pt     the two-tower model (PyTorch state dict + its configuration) and its item vectors
    popularity.npz   decayed counts per item

Files are written to a temporary name and renamed, so a reader never sees half a file; readers
reload when the manifest changes. Writers (a training, a forget) take an exclusive `flock` on
`.lock` in the folder, which excludes other processes of the machine, and other machines too
on NFS (v4, or v3 with lockd: Linux sends flock to the server unless mounted `local_lock=flock`
or `all`); a file system whose locks stay local to each machine cannot hold a shared folder.
This module imports neither torch nor implicit: `ProfileStore.forget` calls
`forget_trained_user` on every forget.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

RECS_DIR = "recs"
MANIFEST = "manifest.json"


def recs_dir(home: Path | str, recs_home: Path | str | None = None) -> Path:
    """The folder of the trained recommenders: `recs_home` when set (a folder shared by several
    workers), else `<home>/recs` (one process, as before the setting existed)."""
    return Path(recs_home) if recs_home is not None else Path(home) / RECS_DIR


def atomic_write(path: Path, write) -> None:
    """`write(fh)` into a temporary file beside `path`, then rename it over `path` (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def save_npz(path: Path, **arrays: Any) -> None:
    atomic_write(path, lambda fh: np.savez(fh, **arrays))


def load_npz(path: Path) -> dict[str, np.ndarray] | None:
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        return {k: data[k] for k in data.files}


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def write_manifest(folder: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    manifest = dict(manifest) | {"version": uuid.uuid4().hex, "written": time.time()}
    atomic_write(folder / MANIFEST, lambda fh: fh.write(json.dumps(manifest, indent=1, sort_keys=True).encode()))
    return manifest


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One writer of the artifacts at a time (a trainer and a forget), in any process that opens
    the same folder: flock belongs to the open file, so two processes, or two threads each
    opening `.lock`, exclude each other."""
    import fcntl

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(folder / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def writing(folder: Path):
    return _locked(folder)


def forget_trained_user(folder: Path, user_id: str) -> bool:
    """Drop `user_id` from every trained artifact at once: their row of the ALS user factors
    (the row is removed, the others keep their ids), their entry in the manifest's user list;
    the manifest records that someone was forgotten, so the next `train recs` (even
    `--incremental`) retrains from scratch without their events (their effect on item vectors
    and co-occurrence counts goes with it). True when a trained model knew the user."""
    if not (folder / MANIFEST).is_file():
        return False
    with _locked(folder):
        manifest = read_manifest(folder)
        known = False
        als = load_npz(folder / "als.npz")
        if als is not None:
            users = [str(u) for u in als["users"]]
            if user_id in users:
                row = users.index(user_id)
                keep = np.array([i for i in range(len(users)) if i != row], dtype=np.int64)
                als["users"] = np.asarray([users[i] for i in keep], dtype=str)
                als["user_factors"] = als["user_factors"][keep]
                save_npz(folder / "als.npz", **als)
                known = True
        users = manifest.get("users_trained", [])
        if user_id in users:
            manifest["users_trained"] = [u for u in users if u != user_id]
            known = True
        if known:
            manifest["forgotten_since_training"] = int(manifest.get("forgotten_since_training", 0)) + 1
            write_manifest(folder, manifest)
        return known
