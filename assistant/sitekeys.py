"""Per-site keys for the HTTP API and the embeddable widget, kept in `<home>/sites.json`.

A site key identifies the shop page that embeds the chat widget. It is *publishable*: it ships
in the page's HTML, so it is not a secret. What protects it is the list of exact origins
(`https://shop.example.com`) a browser may call the API from, plus its rate limits; a key that
leaks anyway is revoked (`shopassist sites revoke KEY`) and replaced.

Each site also has an identity *secret*, which is: it never leaves the shop's server. A shop
that knows who its customer is signs the user id with it (`sign_user`: hex HMAC-SHA256 of the
user id, keyed with the secret, as Intercom / Crisp identity verification do) and puts the user
id and the signature in the page (`data-user-id`, `data-user-signature`); the API acts for a user
id only with a valid signature (`SiteKey.verify_user`). `sites add` prints the secret once;
`sites rotate-secret KEY` replaces it (signatures made with the old one stop working at once).
Listings never show it.

With SHOPASSIST_DATABASE_URL the keys live in PostgreSQL instead (table `sites`, one JSON row
per key), so every worker sees the same keys; each worker re-reads them when the table changes
(checked at most once a second), and `sites add|revoke` apply to all of them within a second.

The file is rewritten atomically (temporary file + `os.replace`) under an advisory lock, so a
running server never reads half a file and two commands never lose each other's changes. The
server re-reads it when it changes on disk: adding or revoking a key needs no restart.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

SITES_FILE = "sites.json"
KEY_PREFIX = "sk_"
SECRET_PREFIX = "ss_"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_origin(value: str) -> str:
    """`scheme://host[:port]` as a browser sends it in the Origin header (lower case, no default
    port, no path), or a ValueError saying what is wrong."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("an origin must be a non-empty URL such as https://shop.example.com")
    raw = value.strip()
    parts = urlsplit(raw)
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"origin {raw!r} must look like http(s)://host[:port]")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"origin {raw!r} must be scheme://host[:port] only (no path, query or user)")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"origin {raw!r} has an invalid port") from exc
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}:{port}"
    return f"{scheme}://{host}"


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(18)


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def sign_user(secret: str, user_id: str) -> str:
    """The signature a shop's server puts beside a user id: hex HMAC-SHA256(secret, user id)."""
    return hmac.new(secret.encode("utf-8"), user_id.encode("utf-8"), hashlib.sha256).hexdigest()


class SiteKey(BaseModel):
    """One site allowed to use the API."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(min_length=8, max_length=200, description="Sent as the X-Site-Key header or ?site_key=.")
    name: str = Field(min_length=1, max_length=200)
    allowed_origins: list[str] = Field(default_factory=list, description="Exact origins browsers may call from.")
    rate_per_minute: int = Field(default=60, ge=1, le=1_000_000, description="Requests per minute for the whole key.")
    session_rate_per_minute: int = Field(default=20, ge=1, le=1_000_000, description="Chat turns per minute per session.")
    client_rate_per_minute: int = Field(default=30, ge=1, le=1_000_000,
                                        description="Chat turns and feedback per minute from one client address.")
    faq_rate_per_minute: int = Field(default=120, ge=1, le=1_000_000,
                                     description="FAQ searches per minute for the whole key (a budget of its own).")
    sessions_per_client_per_minute: int = Field(default=10, ge=1, le=1_000_000,
                                                description="New sessions one client address may be issued per minute.")
    secret: str | None = Field(default=None, min_length=16, max_length=200, repr=False,
                               description="Signs user ids (identity verification); never sent to browsers.")
    revoked: bool = False
    created: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))

    @field_validator("allowed_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(normalize_origin(v) for v in value))

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("name must not be empty")
        return value

    def allows(self, origin: str) -> bool:
        try:
            return normalize_origin(origin) in self.allowed_origins
        except ValueError:
            return False

    def verify_user(self, user_id: str, signature: str | None) -> bool:
        """True if `signature` is this site's signature of `user_id` (constant-time compare)."""
        if not self.secret or not signature or not isinstance(signature, str):
            return False
        return hmac.compare_digest(sign_user(self.secret, user_id), signature.strip().lower())

    def public(self) -> dict:
        """What listings show: everything but the secret (and whether there is one)."""
        out = self.model_dump(mode="json", exclude={"secret"})
        out["has_secret"] = bool(self.secret)
        return out


class SitesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = 1
    sites: list[SiteKey] = Field(default_factory=list)


def sites_path(home: Path) -> Path:
    return Path(home) / SITES_FILE


def _read(path: Path) -> SitesFile:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return SitesFile()
    if not text.strip():
        return SitesFile()
    try:
        return SitesFile.model_validate_json(text)
    except ValueError as exc:
        raise ValueError(f"{path} is not a valid sites file ({str(exc).splitlines()[0]}); fix or remove it") from None


def _write(path: Path, data: SitesFile) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".sites.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(data.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise read-modify-write between processes (advisory lock on a side file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name("." + path.name + ".lock"), "a") as lock:
        try:
            import fcntl
        except ImportError:  # not POSIX: atomic replace still prevents torn files
            yield
            return
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


# --- the same keys in PostgreSQL ---------------------------------------------------------------

PG_MIGRATIONS = [
    """
    CREATE TABLE sites (
        seq BIGINT GENERATED ALWAYS AS IDENTITY,
        key TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated DOUBLE PRECISION NOT NULL
    );
    """,
]
_migrated: set[int] = set()


def _is_db(where: Any) -> bool:
    return hasattr(where, "dialect") and hasattr(where, "connect")


def _db(database: Any) -> Any:
    if id(database) not in _migrated:
        database.migrate("sites", PG_MIGRATIONS)
        _migrated.add(id(database))
    return database


def _db_read(database: Any) -> SitesFile:
    with _db(database).connect() as db:
        rows = db.execute("SELECT key, data FROM sites ORDER BY seq").fetchall()
    sites = []
    for key, data in rows:
        try:
            sites.append(SiteKey.model_validate_json(data))
        except ValueError as exc:
            raise ValueError(f"site key {key!r} in the database is not valid ({str(exc).splitlines()[0]})") from None
    return SitesFile(sites=sites)


def _db_update(database: Any, key: str, update: dict) -> SiteKey:
    with _db(database).connect() as db, db.transaction():
        row = db.execute("SELECT data FROM sites WHERE key = ? FOR UPDATE", (key,)).fetchone()
        if row is None:
            raise ValueError(f"unknown site key {key!r}; `shopassist sites list` shows the keys")
        site = SiteKey.model_validate_json(row[0]).model_copy(update=update)
        db.execute("UPDATE sites SET data = ?, updated = ? WHERE key = ?", (site.model_dump_json(), time.time(), key))
    return site


def add_site(path: Path | Any, name: str, origins: list[str], rate_per_minute: int = 60,
             session_rate_per_minute: int = 20, **limits: int) -> SiteKey:
    """Create a key (and its identity secret) for a site and store it; returns the new entry (its
    `key` is what to embed, its `secret` what the shop's server signs user ids with). `limits`:
    client_rate_per_minute, faq_rate_per_minute, sessions_per_client_per_minute."""
    site = SiteKey(key=new_key(), name=name, allowed_origins=origins, rate_per_minute=rate_per_minute,
                   session_rate_per_minute=session_rate_per_minute, secret=new_secret(), **limits)
    if _is_db(path):
        with _db(path).connect() as db:
            db.execute("INSERT INTO sites(key, data, updated) VALUES (?, ?, ?)", (site.key, site.model_dump_json(), time.time()))
        return site
    with _locked(path):
        data = _read(path)
        data.sites.append(site)
        _write(path, data)
    return site


def list_sites(path: Path | Any) -> list[SiteKey]:
    """Every key in the sites file, or in the database (`path` a PostgresDatabase)."""
    return (_db_read(path) if _is_db(path) else _read(path)).sites


def revoke_site(path: Path | Any, key: str) -> SiteKey:
    """Mark the key revoked (kept in the file, so it is never reissued or silently re-enabled)."""
    if _is_db(path):
        return _db_update(path, key, {"revoked": True})
    with _locked(path):
        data = _read(path)
        for n, site in enumerate(data.sites):
            if site.key == key:
                data.sites[n] = site = site.model_copy(update={"revoked": True})
                _write(path, data)
                return site
    raise ValueError(f"unknown site key {key!r}; `shopassist sites list` shows the keys")


def rotate_secret(path: Path | Any, key: str) -> SiteKey:
    """Give the site a new identity secret (the old one stops verifying at once); returns the entry."""
    if _is_db(path):
        return _db_update(path, key, {"secret": new_secret()})
    with _locked(path):
        data = _read(path)
        for n, site in enumerate(data.sites):
            if site.key == key:
                data.sites[n] = site = site.model_copy(update={"secret": new_secret()})
                _write(path, data)
                return site
    raise ValueError(f"unknown site key {key!r}; `shopassist sites list` shows the keys")


def lookup_site(path: Path | Any, key: str) -> SiteKey | None:
    """The entry for `key` (revoked or not), or None."""
    return next((s for s in list_sites(path) if s.key == key), None)


class SiteRegistry:
    """What a running server consults on every request: the sites file, re-read whenever its
    modification time or size changes (so `sites add|revoke` apply without a restart); or the
    `sites` table of a PostgresDatabase, re-read when its row count or latest update changes
    (looked at no more than once every `poll_seconds`)."""

    def __init__(self, path: Path | Any, poll_seconds: float = 1.0) -> None:
        self.database = path if _is_db(path) else None
        self.path = Path(path) if self.database is None else None
        self.poll_seconds = poll_seconds
        self._lock = threading.Lock()
        self._stamp: tuple[Any, ...] | None = None
        self._by_key: dict[str, SiteKey] = {}
        self._polled = 0.0

    def _refresh_db(self) -> None:
        now = time.monotonic()
        if self._stamp is not None and now - self._polled < self.poll_seconds:
            return
        with self._lock:
            if self._stamp is not None and now - self._polled < self.poll_seconds:
                return
            try:
                with _db(self.database).connect() as db:
                    stamp = tuple(db.execute("SELECT COUNT(*), COALESCE(MAX(updated), 0) FROM sites").fetchone())
                if stamp != self._stamp:
                    self._by_key = {s.key: s for s in _db_read(self.database).sites}
                    self._stamp = stamp
            except Exception:
                if self._stamp is None:  # never read: nothing to serve from
                    raise
                # the database blinked: keep serving the last keys read
            self._polled = now

    def _refresh(self) -> None:
        if self.database is not None:
            self._refresh_db()
            return
        path = self.path
        if path is None:  # set whenever there is no database (see __init__)
            return
        try:
            st = path.stat()
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size)  # os.replace gives a new inode
        except FileNotFoundError:
            stamp = (0, 0, -1)
        if stamp == self._stamp:
            return
        with self._lock:
            if stamp == self._stamp:
                return
            try:
                sites = _read(path).sites
            except ValueError:
                # A broken file (edited by hand): keep serving the last good keys rather than none.
                if self._stamp is not None:
                    return
                sites = []
            self._by_key = {s.key: s for s in sites}
            self._stamp = stamp

    def lookup(self, key: str | None) -> SiteKey | None:
        """The active (non-revoked) site for `key`, else None."""
        if not key:
            return None
        self._refresh()
        site = self._by_key.get(key)
        return site if site is not None and not site.revoked else None

    def active(self) -> list[SiteKey]:
        self._refresh()
        return [s for s in self._by_key.values() if not s.revoked]

    def origin_allowed_by_any(self, origin: str) -> bool:
        return any(s.allows(origin) for s in self.active())
