"""Real servers and a real browser for tests/test_browser.py: an ASGI app under uvicorn in a
thread, plain `http.server` static sites on other ports (other origins), Debian's chromium
driven by Playwright (never `playwright install`: no browser downloads), and screenshots."""

from __future__ import annotations

import functools
import shutil
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.conftest import REPO, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOST_SITE = REPO / "examples" / "host-site"
SCREENSHOTS = REPO / "artifacts" / "screenshots"


def chromium_path() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


# --- the API under uvicorn ------------------------------------------------------------------


@dataclass
class RequestLog:
    """Every request the API answered: (method, path, Origin header, status)."""

    entries: list[tuple[str, str, str | None, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def statuses(self, path: str | None = None, origin: str | None = None) -> list[int]:
        with self.lock:
            return [s for m, p, o, s in self.entries if (path is None or p == path) and (origin is None or o == origin)]

    def wrap(self, app):
        """An ASGI app that records what `app` answers (the app itself is untouched)."""
        log = self

        async def recording(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            origin = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"origin"), None)

            async def send_and_record(message):
                if message["type"] == "http.response.start":
                    with log.lock:
                        log.entries.append((scope["method"], scope["path"], origin, message["status"]))
                await send(message)

            return await app(scope, receive, send_and_record)

        return recording


class UvicornThread:
    """Serve an ASGI app on 127.0.0.1:<free port> in a background thread."""

    def __init__(self, app, port: int | None = None) -> None:
        import uvicorn

        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="auto",
                                access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{self.port}", daemon=True)

    def __enter__(self) -> "UvicornThread":
        self.thread.start()
        deadline = time.time() + 180  # the app warms the model up; the machine may be busy
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError("uvicorn exited before it started")
            if time.time() > deadline:
                raise RuntimeError("uvicorn did not start within 180 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(30)


# --- static host sites (other origins) --------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class StaticSite:
    """`http.server` serving a folder on 127.0.0.1:<free port>, in a thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        handler = functools.partial(_QuietHandler, directory=str(self.folder))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name=f"static-{self.port}", daemon=True)

    def __enter__(self) -> "StaticSite":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(10)


def host_page(api_url: str, site_key: str, *, user_id: str | None = None, signature: str | None = None) -> str:
    """examples/host-site/index.html with the script tag pointing at `api_url` and `site_key`
    (and, for a signed-in shopper, `data-user-id` / `data-user-signature`)."""
    html = (HOST_SITE / "index.html").read_text(encoding="utf-8")
    src = "http://API_HOST/widget.js"
    assert src in html and 'data-site-key="YOUR_SITE_KEY"' in html, "host-site placeholders changed"
    html = html.replace(src, f"{api_url}/widget.js").replace("YOUR_SITE_KEY", site_key)
    if user_id is not None:
        attrs = f'data-user-id="{user_id}" ' + (f'data-user-signature="{signature}" ' if signature is not None else "")
        html = html.replace('data-site-key="', attrs + 'data-site-key="', 1)
    return html


def write_site(folder: Path, pages: dict[str, str]) -> Path:
    """A copy of examples/host-site in `folder` with the given pages written over it."""
    shutil.copytree(HOST_SITE, folder, dirs_exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- talking to the API over HTTP ------------------------------------------------------------


def sse_events(text: str) -> list[tuple[str, dict]]:
    """(event, data) pairs of a Server-Sent Events body; the data must be strict JSON (no NaN /
    Infinity: the parser refuses them)."""
    import json

    def refuse(constant: str):
        raise ValueError(f"not JSON: {constant}")

    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event: "):
                name = line[len("event: "):]
            elif line.startswith("data: "):
                data.append(line[len("data: "):])
        events.append((name, json.loads("\n".join(data), parse_constant=refuse)))
    return events


def identity(site, user_id: str) -> dict[str, str]:
    """The signed identity fields a shop's server would put in its page for `user_id`."""
    from assistant.sitekeys import sign_user

    return {"user_id": user_id, "user_signature": sign_user(site.secret, user_id)}


def new_session(client, key: str, *, origin: str | None = None, **body) -> str:
    """A server-issued session (POST /api/v1/sessions)."""
    headers = {"X-Site-Key": key} | ({"Origin": origin} if origin else {})
    r = client.post("/api/v1/sessions", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return r.json()["session_id"]


def from_address(address: str, base_url: str, **kwargs):
    """An httpx client whose requests come from `address` (any 127.x.y.z reaches a server on
    127.0.0.1 over loopback), so per-client limits can be told apart in one test."""
    import httpx

    return httpx.Client(base_url=base_url, transport=httpx.HTTPTransport(local_address=address), timeout=120, **kwargs)


# --- screenshots ----------------------------------------------------------------------------


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


# --- the Gradio page ------------------------------------------------------------------------------

TURN_TIMEOUT_MS = 180_000  # a turn on 2 busy cores; waited for, never asserted on


def send_gradio_message(page, text: str) -> None:
    """Type and send a message in the Gradio chat; returns once the page has taken it (the box is
    cleared when its turn starts: one sent while a reply still streams waits for it)."""
    box = page.locator("#sa-message textarea").first
    box.fill(text)
    box.press("Enter")
    page.wait_for_function("() => document.querySelector('#sa-message textarea').value === ''", timeout=TURN_TIMEOUT_MS)


def wait_for_bot_messages(page, n: int) -> None:
    """Until the Gradio chat shows at least `n` assistant messages."""
    page.wait_for_function(f"() => document.querySelectorAll('[data-testid=\"bot\"]').length >= {n}", timeout=TURN_TIMEOUT_MS)
