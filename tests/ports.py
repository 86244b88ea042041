"""Loopback ports for the servers tests start (dashboards, dovecot, SMTP, Jupyter)."""

from __future__ import annotations

import socket
import threading

_handed_out: set[int] = set()
_lock = threading.Lock()


def free_port() -> int:
    """A loopback port nothing listens on now and never handed out before in this process.

    A server binds its port a while after it is chosen (a subprocess starting, a fixture's
    thread); the kernel may offer the same free port again in between, and two servers of one
    test would then share it (an HTTP request once reached the test's SMTP server). So each port
    goes to one server only.
    """
    with _lock:
        while True:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = int(probe.getsockname()[1])
            if port not in _handed_out:
                _handed_out.add(port)
                return port
