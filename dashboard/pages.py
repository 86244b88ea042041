"""The dashboard's pages, one function per URL, each building a fresh page for one browser session.

``dashboard.server`` serves them all (``/app``, ...); ``panel serve dashboard/app.py`` serves the
process page alone. The heavy state (catalog, ledger, worker threads) comes from
``dashboard.jobs``, once per process; a page function only builds the session's store and views.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

import panel as pn

from dashboard import jobs, live_check
from dashboard.access import User, page_user
from dashboard.acknowledgement_store import AcknowledgementStore
from dashboard.catalog import browser
from dashboard.components import (
    AcknowledgementView,
    CatalogExplorer,
    InputPanel,
    JobList,
    MailboxView,
    MetricsView,
    OrdersQueue,
    OrderView,
    ProgressView,
    ReviewWorkspace,
)
from dashboard.decisions import Decisions
from dashboard.mailbox_store import MailboxStore
from dashboard.reconnect import LOST_MESSAGE, reconnect_when_back
from dashboard.review_store import ReviewStore
from dashboard.store import DeskStore
from pipeline.config import Settings
from pipeline.context import open_acknowledger, open_order_service
from pipeline.errors import OrderDeskError
from pipeline.manager import ManagerMetrics

TITLE = "Order Desk"
EXTENSIONS = ("tabulator",)
EXTENSION_OPTIONS = {
    "disconnect_notification": LOST_MESSAGE,  # and the page comes back by itself (dashboard.reconnect)
    "js_files": {"live_check": live_check.SCRIPT_URL},  # no WebSocket: off to the plain page
}
NAV = {
    "app": "Process",
    "review": "Review",
    "catalog": "Catalog",
    "metrics": "Metrics",
    "mailbox": "Mailbox",
}  # slug -> label, on every page
NAV_CSS = """
.od-nav { display: flex; gap: 18px; align-items: center; font-family: system-ui, sans-serif; }
.od-nav a { color: #fff; text-decoration: none; opacity: .8; font-size: 15px; }
.od-nav a.od-active { opacity: 1; font-weight: 600; border-bottom: 2px solid #fff; }
.od-nav .od-user { color: #fff; margin-left: 24px; font-size: 14px; opacity: .9; }
"""


def nav_html(active: str, user: User | None = None) -> str:
    """The page links; with login on, who is signed in and a way out."""
    links = "".join(
        f'<a href="/{slug}" class="{"od-active" if slug == active else ""}">{escape(label)}</a>'
        for slug, label in NAV.items()
    )
    if user is not None and user.signed_in:
        links += f'<span class="od-user">{escape(user.name)}</span><a href="/logout">Log out</a>'
    return f'<nav class="od-nav">{links}</nav>'


def page_template(active: str, main: list, sidebar: list | None = None) -> pn.template.BaseTemplate:
    """A page of the dashboard: the shared title and navigation, then this page's views."""
    pn.extension(*EXTENSIONS, **EXTENSION_OPTIONS)
    template = pn.template.BootstrapTemplate(
        title=TITLE,
        header=[pn.pane.HTML(nav_html(active, page_user()), stylesheets=[NAV_CSS])],
        main=main,
        sidebar=sidebar or [],
        sidebar_width=360,
        # Panel's busy spinner follows every session's callbacks at once (pn.state.busy is per
        # process): each page's change set it in every open page, 17 % of the server's main thread
        # with 8 pages (py-spy). Work runs off the page's callbacks here, so they are never long.
        busy_indicator=None,
    )
    if pn.state.curdoc is not None and pn.state.curdoc.session_context is not None:
        reconnect_when_back(pn.state.curdoc)
    return template


def error_page(error: OrderDeskError) -> pn.template.BaseTemplate:
    """What to show when the server cannot start jobs (e.g. no catalog): the fix, not a traceback."""
    alert = pn.pane.Alert(escape(str(error)), alert_type="danger", sizing_mode="stretch_width")
    return page_template("", [alert])


def with_service(build: Callable[[jobs.JobService], pn.template.BaseTemplate]) -> pn.template.BaseTemplate:
    try:
        service = jobs.service()
    except OrderDeskError as error:
        return error_page(error)
    return build(service)


def process_view(service: jobs.JobService, samples_dir: Path | None = None) -> pn.template.BaseTemplate:
    """Input in the sidebar; the jobs, the followed job's live progress and its order in the main area."""
    store = DeskStore(service=service)
    if pn.state.location is not None:  # served: the URL's ?job= names the job, so a reload keeps it
        pn.state.location.sync(store, {"current": "job"})
    main = [
        pn.Card(JobList(store=store), title="Jobs", collapsible=False),
        pn.Card(ProgressView(store=store), title="Progress", collapsible=False),
        pn.Card(OrderView(store=store), title="Order", collapsible=False),
    ]
    mail = MailboxView(store=MailboxStore(ledger=service.runner.ledger), compact=True)
    return page_template("app", main, sidebar=[InputPanel(store=store, samples_dir=samples_dir), mail])


def process_page() -> pn.template.BaseTemplate:
    samples = Settings.from_env().data_dir / "samples"
    return with_service(lambda service: process_view(service, samples_dir=samples))


def catalog_page() -> pn.template.BaseTemplate:
    return with_service(lambda service: page_template("catalog", [CatalogExplorer(browser=browser(service))]))


def metrics_view(service: jobs.JobService) -> MetricsView:
    return MetricsView(
        metrics=ManagerMetrics(service.runner.ledger.path),
        stages=list(service.stage_names),
        threshold=service.runner.settings.gates.min_confidence,
    )


def metrics_page() -> pn.template.BaseTemplate:
    return with_service(lambda service: page_template("metrics", [metrics_view(service)]))


def review_view(service: jobs.JobService) -> pn.template.BaseTemplate:
    """The orders queue above the workspace of the order it opened (the URL's ?order=)."""
    user = page_user()
    store = ReviewStore(
        orders=open_order_service(runner=service.runner),
        service=service,
        user=user,
        actor=user.name,
        decisions=Decisions(service.runner),
    )
    if pn.state.location is not None:  # served: the URL names the order, so a reload reopens it
        pn.state.location.sync(store, {"order_id": "order"})
    threshold = service.runner.settings.gates.min_confidence
    main = [
        pn.Card(OrdersQueue(store=store), title="Orders", collapsible=False),
        pn.Card(ReviewWorkspace(store=store, threshold=threshold), title="Review", collapsible=False),
        acknowledgement_view(store),
    ]
    return page_template("review", main)


def acknowledgement_view(store: ReviewStore) -> AcknowledgementView:
    """The open order's answer to the customer (shown for orders from the mailbox)."""
    orders = store.orders
    try:
        acknowledger = open_acknowledger(orders.ledger, orders.settings)
    except OrderDeskError:  # misconfigured (e.g. no from_address): this page offers no answer
        acknowledger = None
    return AcknowledgementView(store=AcknowledgementStore(review=store, acknowledger=acknowledger))


def review_page() -> pn.template.BaseTemplate:
    return with_service(review_view)


def mailbox_page() -> pn.template.BaseTemplate:
    """Each mailbox's state, live, and the messages that need a person."""
    return with_service(
        lambda service: page_template(
            "mailbox",
            [pn.Card(MailboxView(store=MailboxStore(ledger=service.runner.ledger)), title="Mailbox")],
        )
    )


PAGES: dict[str, Callable[[], pn.template.BaseTemplate]] = {
    "app": process_page,
    "review": review_page,
    "catalog": catalog_page,
    "metrics": metrics_page,
    "mailbox": mailbox_page,
}
