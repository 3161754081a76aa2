"""Errors about the index that a user can act on; the command line prints them as one line."""

from __future__ import annotations


class IndexConfigError(RuntimeError):
    """A problem with the index the user can fix (wrong model, server unreachable...)."""


class IndexUnavailable(IndexConfigError):
    """The index exists but a read through it failed (e.g. another process rewrote an embedded
    index under this one); `/healthz` reports it as 503."""


class IndexBusy(IndexConfigError):
    """Another process has the embedded index open, so this one may not write it (or is writing
    it, so this one may not open it); nothing was changed."""
