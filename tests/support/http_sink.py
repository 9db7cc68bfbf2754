"""A real HTTP server on loopback that records what Apprise delivers to it (json://, form://,
ntfy://), and can be told to fail, so the notification tests need no outside service.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs


@dataclass(frozen=True)
class Hit:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {key: values[-1] for key, values in parse_qs(self.body.decode()).items()}


@dataclass
class HttpSink:
    host: str = "127.0.0.1"
    port: int = 0
    hits: list[Hit] = field(default_factory=list)
    # Path prefix -> HTTP status to answer instead of 200.
    failures: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    def start(self) -> HttpSink:
        sink = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                hit = Hit("POST", self.path, dict(self.headers.items()), self.rfile.read(length))
                with sink.lock:
                    sink.hits.append(hit)
                status = next(
                    (
                        code
                        for prefix, code in sink.failures.items()
                        if self.path.startswith(prefix)
                    ),
                    200,
                )
                body = b'{"ok": true}' if status == 200 else b"broken on purpose"
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((self.host, 0), Handler)
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def url(self, scheme: str, path: str) -> str:
        """``json://127.0.0.1:PORT/path``: an Apprise URL that delivers here."""
        return f"{scheme}://{self.host}:{self.port}/{path.lstrip('/')}"

    def received(self, path: str | None = None) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.hits if path is None or hit.path == path]
