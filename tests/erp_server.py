"""A real HTTP server on 127.0.0.1 in the ERP's place, for the export tests."""

from __future__ import annotations

import json
import socketserver
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOLD_S = 60  # the longest a held order waits, so a broken test cannot hang the run


class FakeErp:
    """Answers with a script of statuses, then books orders; with ``hold``, each order is answered
    only once ``release`` is set (``received`` says one has arrived), as a slow ERP would."""

    def __init__(self, failures: list[int], hold: bool = False) -> None:
        self.failures = list(failures)
        self.requests: list[str] = []
        self.orders: dict[str, dict] = {}
        self.received = threading.Event()
        self.release = threading.Event()
        if not hold:
            self.release.set()
        erp = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                key = self.headers["Idempotency-Key"]
                erp.requests.append(key)
                erp.received.set()
                erp.release.wait(HOLD_S)
                status = erp.failures.pop(0) if erp.failures else 201
                if status == 201:
                    known = key in erp.orders
                    erp.orders.setdefault(key, body)
                    answer = {"erp_id": f"SO-{len(erp.orders):05d}", "status": "duplicate" if known else "ok"}
                else:
                    answer = {"error": "try later" if status >= 500 else "bad order"}
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:  # keep pytest output clean
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/orders"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


class GarbledErp:
    """A real TCP server in the ERP's place that reads each request, answers ``answer``'s raw bytes
    (a bad status line, a body that is not JSON, a body shorter than announced) and hangs up."""

    def __init__(self, answer: bytes) -> None:
        self.requests = 0
        erp = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                length = 0
                while (line := self.rfile.readline()) not in (b"\r\n", b""):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                self.rfile.read(length)
                erp.requests += 1
                self.wfile.write(answer)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/orders"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
