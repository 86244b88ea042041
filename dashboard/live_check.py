"""Whether the browser can open the WebSocket the live pages need; if not, the plain page instead.

A page's content reaches the browser only over its WebSocket, so when a browser setting or a proxy
refuses the upgrade the page stays blank under its header. Every page loads ``/live-check.js``
(a plain script, before any of Panel's): it opens a WebSocket to ``/ws-check``, which accepts and
closes at once, and when that socket closes without having opened — or has not opened within
``CHECK_TIMEOUT_MS`` — it sends the browser to ``/desk?live=refused`` (``dashboard.api.plain_desk``),
which needs neither WebSockets nor JavaScript.
"""

from __future__ import annotations

from typing import Any

from tornado.web import RequestHandler
from tornado.websocket import WebSocketHandler

SCRIPT_URL = "live-check.js"  # relative: Panel puts the page's path to the root in front
FALLBACK_URL = "/desk?live=refused"
CHECK_TIMEOUT_MS = 10_000
LIVE_CHECK_JS = f"""
(() => {{
  let opened = false, leaving = false;
  const fallback = () => {{ if (!opened && !leaving) window.location.replace("{FALLBACK_URL}"); }};
  addEventListener("pagehide", () => {{ leaving = true; }});
  const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
  const probe = new WebSocket(`${{scheme}}//${{window.location.host}}/ws-check`);
  probe.onopen = () => {{ opened = true; probe.close(); }};
  probe.onclose = fallback;
  setTimeout(fallback, {CHECK_TIMEOUT_MS});
}})();
"""


class _RouteArguments:
    def initialize(self, **_route: Any) -> None:
        """Mounted with the API's route arguments (login, host names), which it does not need."""


class LiveCheckScriptHandler(_RouteArguments, RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/javascript; charset=utf-8")
        self.finish(LIVE_CHECK_JS)


class WebSocketCheckHandler(_RouteArguments, WebSocketHandler):
    """Accepts the upgrade (from the server's own pages: tornado refuses other origins) and closes."""

    def open(self) -> None:
        self.close()

    def on_message(self, message: str | bytes) -> None:
        """Nothing is sent here."""


ROUTES = [
    (r"/live-check\.js", LiveCheckScriptHandler, {}),
    (r"/ws-check", WebSocketCheckHandler, {}),
]
