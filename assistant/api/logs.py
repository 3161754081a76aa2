"""uvicorn under `shopassist serve`: an access log without query strings (a `?site_key=` or any
other parameter never reaches the log) and the server config in one place."""

from __future__ import annotations

import copy
import logging


class DropQueryString(logging.Filter):
    """For uvicorn's access records (client, method, path, http version, status): the path
    without its query string."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0] + "?[redacted]", *args[3:])
        return True


def log_config() -> dict:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["drop_query"] = {"()": "assistant.api.logs.DropQueryString"}
    config["loggers"]["uvicorn.access"]["filters"] = ["drop_query"]
    config["handlers"]["access"]["filters"] = ["drop_query"]
    return config


def uvicorn_config(app, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info",
                   forwarded_allow_ips: str | None = None):
    """The uvicorn config `serve` runs. `forwarded_allow_ips`: the reverse proxies whose
    X-Forwarded-For is believed (client addresses, hence per-client limits, come from it)."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level=log_level, log_config=log_config(),
                          proxy_headers=bool(forwarded_allow_ips), forwarded_allow_ips=forwarded_allow_ips or "",
                          server_header=False)
