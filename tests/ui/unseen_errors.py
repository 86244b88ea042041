"""What a browser test must not leave unseen: an ERROR or a traceback in the served dashboard's log,
an error in a page's console or an exception thrown in a page, while the test ran.

``tests/ui/conftest.py`` gives every browser test an ``ErrorWatch`` and fails the test when it
saw anything; a test that provokes an error on purpose says which with ``allow``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, ConsoleMessage

from tests.ui.harness import DeskServer

# A record at ERROR or above, in the server's format ("<date> <time> ERROR <logger>: …") or in the
# one Bokeh's own loggers use ("ERROR:bokeh…:…"); and the start of any traceback.
ERROR_RECORD = re.compile(r"^(\S+ \S+ )?(ERROR|CRITICAL)\b")
TRACEBACK = "Traceback (most recent call last)"


def log_problems(text: str) -> list[str]:
    """Each ERROR/CRITICAL record and each traceback of a server log, with the exception a traceback
    ends with (a traceback logged by a record counts once, with it)."""
    lines = [*text.splitlines(), ""]
    problems = []
    for n, line in enumerate(lines[:-1]):
        if ERROR_RECORD.match(line):
            traceback = n + 1 if lines[n + 1].startswith(TRACEBACK) else None
        elif line.startswith(TRACEBACK) and not (n and ERROR_RECORD.match(lines[n - 1])):
            traceback = n
        else:
            continue
        raised = [] if traceback is None else _exception(lines[traceback + 1 :])
        problems.append("\n".join([line, *raised]))
    return problems


def _exception(frames: list[str]) -> list[str]:
    """The line a traceback ends with (the first that is not an indented frame)."""
    return next(([line] for line in frames if not line.startswith(" ")), [])


@dataclass
class ErrorWatch:
    """The servers and browser contexts of one test, and what went wrong in them."""

    servers: dict[int, tuple[DeskServer, int]] = field(default_factory=dict)  # id -> (server, log offset)
    console: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def watch_server(self, server: DeskServer) -> None:
        """Look at what ``server`` logs from now on."""
        start = server.log_path.stat().st_size if server.log_path.exists() else 0
        self.servers.setdefault(id(server), (server, start))

    def watch_context(self, context: BrowserContext) -> None:
        """Keep every console error and uncaught exception of the context's pages."""
        context.on("console", self._console)
        context.on("weberror", lambda error: self.console.append(f"uncaught: {error.error}"))

    def allow(self, pattern: str) -> None:
        """An error this test causes on purpose (a regular expression searched in the problem)."""
        self.allowed.append(re.compile(pattern))

    def problems(self) -> list[str]:
        logged = [
            f"server log ({server.log_path}):\n{problem}"
            for server, start in self.servers.values()
            for problem in log_problems(server.log_path.read_bytes()[start:].decode(errors="replace"))
        ]
        seen = [*logged, *(f"console: {text}" for text in self.console)]
        return [problem for problem in seen if not any(allowed.search(problem) for allowed in self.allowed)]

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location
            self.console.append(f"{message.text} ({location['url']}:{location['lineNumber']})")
