"""A real OpenAI-compatible HTTP endpoint on 127.0.0.1 whose answers a test scripts: it plays a
misbehaving LLM (unknown ids, duplicates, broken JSON, slowness) so the agent's validation and
fallbacks are exercised through the real `openai` client and network path."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ScriptedLLMServer:
    def __init__(self) -> None:
        self.replies: list[tuple[str, float]] = []  # (content, delay seconds)
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                content, delay = server.replies.pop(0) if server.replies else ('{"picks": []}', 0.0)
                time.sleep(delay)
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    for piece in [content[i : i + 8] for i in range(0, len(content), 8)]:
                        chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "scripted",
                                 "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.write(b"data: [DONE]\n\n")
                    return
                payload = {"id": "x", "object": "chat.completion", "created": 0, "model": "scripted",
                           "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
                           "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def script(self, *replies: str | tuple[str, float]) -> None:
        self.replies = [r if isinstance(r, tuple) else (r, 0.0) for r in replies]
        self.requests = []

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
