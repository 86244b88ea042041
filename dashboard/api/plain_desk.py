"""``/desk``: the desk without WebSockets and without JavaScript — an upload form and the job list.

Where a browser or a proxy refuses the WebSocket the live pages need, they send the browser here
(``dashboard.live_check``). A form posts the files to this same URL, stored and queued exactly as
``POST /api/jobs`` does (``JobsHandler.accept_upload``); the browser then goes to the job's
self-refreshing status page (``/jobs/<id>``), or back to the list for several files (with the
reasons, if a file was refused for its size). The list
refreshes itself while a job in it is queued or running. Errors are this page again, saying why.
"""

from __future__ import annotations

from html import escape
from typing import Any

from dashboard.api.base import PageHandler
from dashboard.api.jobs import JobsHandler
from dashboard.status_page import PAGE_CSS
from pipeline.job_status import is_active
from pipeline.ledger import JobRecord

LISTED = 50
REFRESH_S = 3
REFUSED_NOTICE = (
    "The live page could not open its connection to the server: this browser, or a proxy on the "
    "way, refused the WebSocket it needs. This page works without it (and without JavaScript): "
    "upload emails here and follow each job on its own page, which refreshes itself."
)
TABLE_CSS = """
table { border-collapse: collapse; margin-top: 12px; }
td, th { border-bottom: 1px solid #eaeef2; padding: 4px 10px; text-align: left; }
.od-notice { background: #fff8c5; border: 1px solid #d4a72c; padding: 8px 12px; max-width: 60em; }
"""


def _job_row(record: JobRecord) -> str:
    link = f'<a href="/jobs/{escape(record.job_id)}">{escape(record.filename)}</a>'
    return (
        f'<tr data-job="{escape(record.job_id)}"><td>{link}</td>'
        f'<td data-status="{escape(record.status)}">{escape(record.status)}</td>'
        f"<td>{escape(record.created_at[:19].replace('T', ' '))} UTC</td></tr>"
    )


def plain_desk_html(records: list[JobRecord], notice: str = "", error: str = "") -> str:
    """The page: a notice, an error, the upload form, then ``records`` (refreshing while any is active)."""
    active = any(is_active(record.status) for record in records)
    refresh = f'<meta http-equiv="refresh" content="{REFRESH_S}">' if active else ""
    rows = "".join(_job_row(record) for record in records) or '<tr><td colspan="3">No jobs yet.</td></tr>'
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"{refresh}<title>Order Desk · plain page</title><style>{PAGE_CSS}{TABLE_CSS}</style></head><body>"
        "<h1>Order Desk</h1>"
        + (f'<p class="od-notice">{escape(notice)}</p>' if notice else "")
        + (f'<p class="od-error">{escape(error)}</p>' if error else "")
        + '<form method="post" action="/desk" enctype="multipart/form-data">'
        '<label>Order emails (.txt, .eml, .pdf) <input type="file" name="file" multiple></label> '
        '<button type="submit">Process</button></form>'
        "<h2>Jobs</h2><table><thead><tr><th>File</th><th>Status</th><th>Received</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        '<p><a href="/app">Try the live page again</a> · <a href="/api/jobs">JSON</a></p>'
        "</body></html>"
    )


class PlainDeskHandler(PageHandler, JobsHandler):
    """GET the page; POST an upload (the form's files), then go to what it started."""

    def get(self) -> None:
        notice = REFUSED_NOTICE if self.get_argument("live", "") == "refused" else ""
        self._page(200, plain_desk_html(self.service.recent(LISTED), notice))

    async def post(self) -> None:
        upload = await self.accept_upload()
        if upload is None:
            return
        jobs = upload["jobs"]
        refused = "; ".join(entry["error"] for entry in upload["refused"])
        if refused:  # the others were started: list them, and say which files were refused and why
            self._page(201, plain_desk_html(self.service.recent(LISTED), error=refused))
        else:
            self.redirect(jobs[0]["links"]["status_page"] if len(jobs) == 1 else "/desk", status=303)

    def reply(self, status: int, body: dict[str, Any]) -> None:
        """An error (the only JSON this handler would send) shown on the page, with the form."""
        self._page(status, plain_desk_html([], error=str(body.get("error", ""))))

    def _page(self, status: int, html: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(html)


ROUTES = [(r"/desk", PlainDeskHandler, {})]
