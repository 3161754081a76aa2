"""The Gradio page (assistant/ui.py) mounted at /ui by `shopassist serve --ui`, for the shop's
staff: behind `UiGuard` (admin key, same origin, per-client rate), and sandboxed: the user ids
typed into it and its session ids are prefixed `ui:`, so nobody using the page can read or
write a real shopper's profile or conversation, whatever id they type."""

from __future__ import annotations

from typing import Any

UI_PREFIX = "ui:"


class _Prefixed:
    """Forwards to `target`, prefixing the first positional argument (a user or session id)."""

    def __init__(self, target: Any, prefix: str, methods: set[str]) -> None:
        self._target, self._prefix, self._methods = target, prefix, methods

    def _id(self, value: Any) -> Any:
        return self._prefix + value if isinstance(value, str) and value else value

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if name not in self._methods or not callable(attr):
            return attr

        def call(first, *args, **kwargs):
            if kwargs.get("session_id"):
                kwargs["session_id"] = self._id(kwargs["session_id"])
            return attr(self._id(first), *args, **kwargs)

        return call


class SandboxedAssistant:
    """A ShoppingAssistant as the mounted UI sees it: every user id and session id it passes is
    put under `ui:`; everything else (FAQ, facets, config) is the real assistant's."""

    def __init__(self, agent: Any, prefix: str = UI_PREFIX) -> None:
        self._agent = agent
        self._prefix = prefix
        self.profiles = None if agent.profiles is None else _Prefixed(
            agent.profiles, prefix, {"record", "events", "event_counts", "get_preferences", "set_preferences",
                                     "update_preferences", "forget"})
        self.sessions = _Prefixed(agent.sessions, prefix, {"load", "reset", "save_turn"})

    def _ids(self, session_id: str, user_id: str | None) -> tuple[str, str]:
        session = self._prefix + session_id
        return session, self._prefix + (user_id or f"session:{session_id}")

    def turn_stream(self, message: str, session_id: str, user_id: str | None = None):
        session, user = self._ids(session_id, user_id)
        return self._agent.turn_stream(message, session, user)

    def turn(self, message: str, session_id: str, user_id: str | None = None):
        session, user = self._ids(session_id, user_id)
        return self._agent.turn(message, session, user)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._agent, name)


def mount_ui(app, agent: Any, path: str = "/ui") -> None:
    import gradio as gr

    from ..ui import build_ui

    gr.mount_gradio_app(app, build_ui(SandboxedAssistant(agent)), path=path, ssr_mode=False, show_error=True)
