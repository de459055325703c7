"""A small OpenAI-compatible HTTP server on 127.0.0.1, started inside the test,
so the real litellm adapter can be driven end to end with --api-base."""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class FakeOpenAI:
    """Each entry in `script` answers one request: ("stream", [chunks]),
    ("json", text), ("status", code), ("echo_auth", code), ("hang", seconds),
    or ("drop", [chunks before the connection goes silent and resets])."""

    script: list[tuple[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    port: int = 0

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def _chunk(text: str | None, finish: str | None = None) -> bytes:
    body = {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "tiny",
        "choices": [
            {
                "index": 0,
                "delta": {} if text is None else {"content": text},
                "finish_reason": finish,
            }
        ],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


def _handler(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            fake.requests.append(json.loads(self.rfile.read(length) or b"{}"))
            fake.headers.append({k.lower(): v for k, v in self.headers.items()})
            kind, payload = fake.script.pop(0) if fake.script else ("status", 500)
            if kind in ("status", "echo_auth"):
                # echo_auth: a careless server that repeats the caller's key in its error.
                said = self.headers.get("Authorization", "") if kind == "echo_auth" else ""
                body = json.dumps(
                    {"error": {"message": f"status {payload} {said}".strip(), "type": "test"}}
                ).encode()
                self.send_response(payload)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if kind == "hang":  # no answer at all for `payload` seconds
                time.sleep(payload)
                self.close_connection = True
                return
            if kind == "json":
                body = json.dumps(
                    {
                        "id": "chatcmpl-test",
                        "object": "chat.completion",
                        "created": 0,
                        "model": "tiny",
                        "choices": [
                            {
                                "index": 0,
                                "message": {"role": "assistant", "content": payload},
                                "finish_reason": "stop",
                            }
                        ],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                    }
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            for piece in payload:
                self.wfile.write(_chunk(piece))
                self.wfile.flush()
            if kind == "drop":
                # The connection goes silent mid-stream, then is reset: no
                # finish, no [DONE], as when a network or server falls over.
                self.wfile.flush()
                time.sleep(2)
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
                self.close_connection = True
                return
            self.wfile.write(_chunk(None, "stop"))
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

    return Handler


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
