"""A page's ``autoload.js`` (the script that embeds it in another page) answers 401 to a caller
without a login, instead of a traceback in the server's log.

Panel's handler (as Bokeh's) awaits a session that Tornado's login check never gives: for a GET
without a login the check answers with a redirect to the form and returns None, which the handler
then awaits (``TypeError``, logged as an uncaught exception). A redirect to a form means nothing to
a ``<script>`` tag anyway. ``bokeh.server.urls.per_app_patterns`` is Bokeh's table of each page's
routes, where Panel puts its own handlers too; the guarded handler replaces Panel's there.
"""

from __future__ import annotations

from bokeh.server.urls import per_app_patterns
from panel.io.server import AutoloadJsHandler


class SignedInAutoloadJsHandler(AutoloadJsHandler):
    """Panel's ``autoload.js``, for a caller with a login (any caller when login is off)."""

    async def prepare(self) -> None:
        await super().prepare()
        if not self.current_user:
            self.set_status(401)
            self.set_header("Content-Type", "application/javascript")
            self.finish("// Order Desk: log in first (/login)\n")


def guard_autoload() -> None:
    """Serve every page's ``autoload.js`` with ``SignedInAutoloadJsHandler`` (before the server starts)."""
    per_app_patterns[:] = [
        (pattern, SignedInAutoloadJsHandler if handler is AutoloadJsHandler else handler)
        for pattern, handler in per_app_patterns
    ]
