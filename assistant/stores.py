"""Every store of a deployment, for `shopassist db migrate`: SQLite files in the home folder (the
embedded default) or one PostgreSQL database (SHOPASSIST_DATABASE_URL) shared by every worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def migrate_all(home: Path, database: Any = None) -> dict[str, int]:
    """Create or upgrade every store's tables; {store: schema version}. Opening a store migrates
    it too (under a lock, so workers starting together are safe); this does it ahead of time, so
    a deployment can upgrade its schema before rolling new workers out."""
    from .handoff import TicketStore
    from .profile import ProfileStore
    from .ratelimits import SharedBuckets
    from .sessions import SessionStore
    from .sitekeys import PG_MIGRATIONS as SITES_PG

    home = Path(home)
    sessions = SessionStore(home, database=database)
    tickets = TicketStore(home, sessions, database=database)
    versions = {"sessions": sessions.database.version("sessions"), "handoff": tickets.database.version("handoff")}
    if database is not None:
        database.migrate("sites", SITES_PG)
        versions["sites"] = database.version("sites")
        SharedBuckets(database)
        versions["ratelimits"] = database.version("ratelimits")
    versions["profiles"] = ProfileStore(home, database=database).schema_version()
    return versions
