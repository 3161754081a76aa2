"""Running a command's handler so that an operational error (a bad file, a wrong flag value, a
locked or damaged database, a full disk, Ctrl-C) prints one line saying what to do and exits
non-zero, instead of a traceback. Bugs keep their traceback."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import traceback
from pathlib import Path

from pydantic import ValidationError

from .common import settings_from


def run(args: argparse.Namespace) -> int:
    """`args.handler(args)`, with every operational error turned into one `error:` line."""
    from retrieval.mapping import MappingError
    from retrieval.readers import FileError
    from retrieval.store import IndexConfigError

    try:
        return args.handler(args)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors())
        return _fail(f"invalid {problems}")
    except (FileError, MappingError, IndexConfigError) as exc:
        return _fail(str(exc))
    except (ValueError, IndexError) as exc:
        sidecar = _sidecar_mismatch(exc, _home(args))
        if sidecar:
            return _fail(f"the BM25 sidecar {sidecar} no longer matches its record list; delete that folder and rerun "
                         "(it is rebuilt from the index, nothing is lost)")
        if isinstance(exc, IndexError):
            raise  # a bug, not an operational error: keep the traceback
        return _fail(str(exc))
    except sqlite3.OperationalError as exc:
        return _fail(f"database: {exc}; {_database_hint(exc, _home(args))}")
    except sqlite3.DatabaseError as exc:
        return _fail(f"database: {exc}; a database file in {_home(args)} is damaged or not a database: "
                     "move it aside (or restore a backup) and rerun")
    except BrokenPipeError:  # the reader of the output went away (`| head`): nothing to report
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 141
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}; check that path (permissions, free disk space), then rerun "
                     "the same command (nothing already written is lost)")
    except KeyboardInterrupt:
        print("interrupted; rerun the same command to finish (nothing already written is lost)", file=sys.stderr)
        return 130


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _home(args: argparse.Namespace) -> str:
    try:
        return str(settings_from(args).home)
    except Exception:  # the settings themselves are broken: name no folder
        return "the data folder"


def _database_hint(exc: sqlite3.OperationalError, home: str) -> str:
    if "locked" in str(exc) or "busy" in str(exc):
        return (f"another shopassist process (a load, serve or ui) is using the databases in {home}; "
                "wait for it to finish or stop it, then rerun")
    return f"check the disk holding {home} (free space, permissions, errors), then rerun"


def _sidecar_mismatch(exc: BaseException, home: str) -> str | None:
    """The BM25 sidecar folder whose record list no longer matches its BM25 index, when the
    error came from reading it (an IndexError or a numpy shape error in the lexical path)."""
    frames = {Path(f.filename).name for f in traceback.extract_tb(exc.__traceback__)
              if Path(f.filename).parent.name == "retrieval"}
    if not frames & {"lexical.py", "search.py", "filters.py"}:
        return None
    for records in sorted(Path(home).glob("lexical/*/records.json")):
        if not _sidecar_agrees(records):
            return str(records.parent)
    return None


def _sidecar_agrees(records: Path) -> bool:
    try:
        data = json.loads(records.read_text("utf-8"))
        params = records.parent / "bm25" / "params.index.json"
        docs = json.loads(params.read_text("utf-8"))["num_docs"] if params.exists() else None
        count = len(data["record_ids"])
        return len(data["metadata"]) == count and docs in (None, count)
    except (OSError, ValueError, KeyError, TypeError):
        return False
