"""The job status page for clients without WebSockets: plain HTML that reloads itself until the job ends.

It shows what the dashboard shows — stage cards, line rows, the order header — by reusing the
same escaping HTML builders, so email text is escaped here exactly as on the live page. No
JavaScript: a ``<meta http-equiv="refresh">`` does the following.
"""

from __future__ import annotations

from html import escape
from typing import Any

from dashboard.components.order_view import CSS as ORDER_CSS
from dashboard.components.order_view import order_header_html, subtotal_html
from dashboard.components.progress_view import CSS as PROGRESS_CSS
from dashboard.components.progress_view import lines_html, stage_card_html
from dashboard.progress import LineState, StageState
from pipeline.job_status import is_active

REFRESH_S = 1
PAGE_CSS = """
body { font-family: system-ui, sans-serif; margin: 24px; color: #1f2328; }
.od-cards { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.od-error { color: #cf222e; }
"""


def _stages(report: dict[str, Any]) -> str:
    # The report's stages and lines are these records as dicts; the page's time stamps are not needed.
    cards = (stage_card_html(StageState(**stage | {"changed_at": None})) for stage in report["stages"])
    return f'<div class="od-cards">{"".join(cards)}</div>'


def _lines(report: dict[str, Any], threshold: float) -> str:
    return lines_html({line["line_no"]: LineState(**line) for line in report["lines"]}, threshold)


def status_page_html(report: dict[str, Any], threshold: float) -> str:
    """The page for one job (``report`` is ``job_json``); refreshes every second while it is active.

    ``threshold`` is the review's min_confidence, for lines not reviewed yet."""
    status = report["status"]
    active = is_active(status)
    refresh = f'<meta http-equiv="refresh" content="{REFRESH_S}">' if active else ""
    error = f'<p class="od-error">{escape(report["error"])}</p>' if report.get("error") else ""
    order = report.get("order")
    order_html = f"<h2>Order</h2>{order_header_html(order)}{subtotal_html(order)}" if order else ""
    links = report["links"]
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"{refresh}<title>{escape(report['filename'])} · {escape(status)} · Order Desk</title>"
        f"<style>{PAGE_CSS}{PROGRESS_CSS}{ORDER_CSS}</style></head><body>"
        f"<h1>{escape(report['filename'])}</h1>"
        f'<p>Job <code>{escape(report["job_id"])}</code> is <strong data-status="{escape(status)}">'
        f"{escape(status)}</strong>{' (this page refreshes itself)' if active else ''}.</p>{error}"
        f"{_stages(report)}{_lines(report, threshold)}{order_html}"
        f'<p><a href="{escape(links["self"])}">JSON</a> · '
        f'<a href="{escape(links["dashboard"])}">open in the dashboard</a> · '
        '<a href="/desk">all jobs (plain page)</a></p>'
        "</body></html>"
    )
