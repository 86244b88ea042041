"""Every view a notebook shows renders to Bokeh models with no server (``pn.panel(view).get_root()``)."""

from __future__ import annotations

from html import unescape

import panel as pn
from bokeh.model import Model

from dashboard.components import CatalogExplorer, JobList, OrderView, ProgressView
from dashboard.jobs import JobService
from dashboard.store import DeskStore
from pipeline.catalog.browse import CatalogBrowser

WAIT_S = 30


def rendered_text(root: Model) -> str:
    """Every text and HTML property of the rendered models, joined (what the notebook would show).

    Panel ships HTML panes' markup escaped and unescapes it in the browser; so does this."""
    texts = [getattr(model, "text", None) for model in root.references()]
    return unescape("\n".join(text for text in texts if isinstance(text, str)))


def test_progress_of_a_job_started_in_the_notebook_renders_without_a_server(
    service: JobService, sample_order: bytes
) -> None:
    store = DeskStore(service=service)  # what a notebook cell builds
    job_id = store.submit("sample_order_1.txt", sample_order)
    service.wait(job_id, timeout=WAIT_S)
    for view in (ProgressView(store=store), OrderView(store=store), JobList(store=store)):
        root = pn.panel(view).get_root()
        assert isinstance(root, Model)
    html = rendered_text(pn.panel(ProgressView(store=store)).get_root())
    assert html.count('data-state="done"') == len(service.stage_names)
    assert 'data-status="matched"' in html


def test_the_catalog_explorer_renders_without_a_server(service: JobService) -> None:
    explorer = CatalogExplorer(browser=CatalogBrowser(service.runner.catalog))
    root = pn.panel(explorer).get_root()
    assert isinstance(root, Model) and "3,000 parts" in rendered_text(root)
