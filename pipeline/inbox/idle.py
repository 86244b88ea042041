"""IMAP IDLE (RFC 2177) on an ``imaplib`` connection, which Python 3.11's imaplib lacks.

While idling, a reader thread takes the server's lines (blocking reads: a socket timeout would
leave imaplib's buffered file unusable); this thread waits for a new message, the time to pass
or ``stop``, then sends DONE and the reader ends at the tagged answer.
"""

from __future__ import annotations

import imaplib
import queue
import threading
import time

_NEWS = (b"EXISTS", b"RECENT")


def idle(conn: imaplib.IMAP4, seconds: float, stop: threading.Event, timeout_s: float) -> bool:
    """IDLE until the server announces a message (True), ``seconds`` pass or ``stop`` is set."""
    tag = conn._new_tag()  # imaplib's own tag counter, so later commands stay in sequence
    conn.send(tag + b" IDLE\r\n")
    while not (line := conn.readline()).startswith(b"+"):
        if not line or line.startswith(tag):
            raise imaplib.IMAP4.abort(f"IDLE refused: {line.decode(errors='replace').strip()}")
    lines: queue.Queue[bytes | None] = queue.Queue()
    sock = conn.socket()
    sock.settimeout(None)
    reader = threading.Thread(target=_read, args=(conn, tag, lines), name="imap-idle", daemon=True)
    reader.start()
    news = _wait(lines, time.monotonic() + seconds, stop)
    try:
        conn.send(b"DONE\r\n")
    except OSError as error:
        raise imaplib.IMAP4.abort(f"connection lost while idling: {error}") from error
    reader.join(timeout_s)
    if reader.is_alive():  # the server never answered DONE: the connection is dead
        conn.shutdown()
        raise imaplib.IMAP4.abort("the server did not answer DONE")
    sock.settimeout(timeout_s)
    conn.tagged_commands.pop(tag, None)
    answer = _drain(lines)
    if not answer.startswith(tag + b" OK"):
        raise imaplib.IMAP4.abort(f"IDLE ended with {answer.decode(errors='replace').strip() or 'EOF'}")
    return news


def _wait(lines: queue.Queue[bytes | None], deadline: float, stop: threading.Event) -> bool:
    """Whether a new message was announced before the deadline or ``stop``."""
    while not stop.is_set() and (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=min(left, 0.2))  # 0.2 s: how soon Ctrl-C is noticed
        except queue.Empty:
            continue
        if line is None:
            raise imaplib.IMAP4.abort("the connection closed while idling")
        if line.startswith(b"*") and line.rstrip().endswith(_NEWS):
            return True
    return False


def _drain(lines: queue.Queue[bytes | None]) -> bytes:
    """The reader's last line: the tagged answer to DONE (b"" if the connection closed)."""
    last = b""
    while not lines.empty():
        last = lines.get_nowait() or b""
    return last


def _read(conn: imaplib.IMAP4, tag: bytes, lines: queue.Queue[bytes | None]) -> None:
    while True:
        try:
            line = conn.readline()
        except (OSError, imaplib.IMAP4.error):
            line = b""
        lines.put(line or None)
        if not line or line.startswith(tag + b" "):
            return
