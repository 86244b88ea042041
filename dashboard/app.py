"""The Order Desk page: ``panel serve dashboard/app.py`` (from the repository root).

Panel runs this script once per browser session, so it only builds the session's store and
views; the catalog, ledger and worker threads come from ``dashboard.jobs``, imported once per
process. Importing this module (tests, notebooks) builds nothing: call ``create_app``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import panel as pn

from dashboard import jobs
from dashboard.components import InputPanel, OrderView, ProgressView
from dashboard.store import DeskStore
from pipeline.config import Settings
from pipeline.errors import OrderDeskError

TITLE = "Order Desk"
EXTENSION_OPTIONS = {
    "disconnect_notification": "Lost the connection to Order Desk; reload the page. Jobs already "
    "submitted keep running and are kept in the ledger.",
    "ready_notification": "Order Desk is ready.",
}


def create_app(service: jobs.JobService, samples_dir: Path | None = None) -> pn.template.BaseTemplate:
    """A session's page: input in the sidebar, live progress and the order in the main area."""
    store = DeskStore(service=service)
    return pn.template.BootstrapTemplate(
        title=TITLE,
        sidebar=[InputPanel(store=store, samples_dir=samples_dir)],
        main=[
            pn.Card(ProgressView(store=store), title="Progress", collapsible=False),
            pn.Card(OrderView(store=store), title="Order", collapsible=False),
        ],
        sidebar_width=360,
    )


def error_page(error: OrderDeskError) -> pn.template.BaseTemplate:
    """What to show when the server cannot start jobs (e.g. no catalog): the fix, not a traceback."""
    alert = pn.pane.Alert(escape(str(error)), alert_type="danger", sizing_mode="stretch_width")
    return pn.template.BootstrapTemplate(title=TITLE, main=[alert])


def page() -> pn.template.BaseTemplate:
    pn.extension("tabulator", **EXTENSION_OPTIONS)
    settings = Settings.from_env()
    try:
        service = jobs.service(settings)
    except OrderDeskError as error:
        return error_page(error)
    return create_app(service, samples_dir=settings.data_dir / "samples")


if pn.state.served:
    page().servable()
