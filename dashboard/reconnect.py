"""When a page loses its server: say what is true, then come back by itself once the server answers.

A page's state lives in its server session, which a stopped server takes with it; the jobs live in
the ledger. So when the server answers again (``/api/health``, probed with backoff) the page loads
itself afresh: a new session replays the followed job (the URL's ``?job=``) and lists the jobs from
the ledger — interrupted ones with Retry, queued ones running again. Bokeh's own reconnect keeps
the old page and re-pulls its document, which failed here on the Tabulator's buffers ("buffer for
id=… not found"); and after a restart there is no old session to go back to anyway.
"""

from __future__ import annotations

from bokeh.document import Document
from bokeh.models import CustomJS

LOST_MESSAGE = (
    "Lost the connection to Order Desk: the server cannot be reached. If it stopped, the jobs it was "
    "running will be listed as interrupted, with Retry, and jobs still waiting will run again when it "
    "restarts; nothing it accepted is lost. This page reconnects by itself when the server is back."
)
HEALTH_URL = "/api/health"
FIRST_PROBE_MS = 500
LONGEST_WAIT_MS = 10_000

# Runs once per lost connection (Bokeh's "connection_lost" document event): probe, doubling the
# wait up to a bound, and reload when the server says it is healthy. A refused probe is expected
# while the server is down; the browser reports it, nothing else needs to.
RECONNECT_JS = """
let wait = first_ms;
const probe = async () => {
  try {
    const answer = await fetch(url, {cache: "no-store"});
    if (answer.ok) {
      window.location.reload();
      return;
    }
  } catch (unreachable) {}
  wait = Math.min(wait * 2, longest_ms);
  setTimeout(probe, wait);
};
setTimeout(probe, wait);
"""


def reconnect_when_back(doc: Document) -> None:
    """Make the page on ``doc`` reload itself once its server is back after a lost connection."""
    args = {"url": HEALTH_URL, "first_ms": FIRST_PROBE_MS, "longest_ms": LONGEST_WAIT_MS}
    doc.js_on_event("connection_lost", CustomJS(args=args, code=RECONNECT_JS))
