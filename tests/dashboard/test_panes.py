"""The dashboard's markup panes update their content without re-sending stylesheets.

Under a template's design, Panel 1.9.4's own panes re-send stylesheets on every content update
and Bokeh then recomputes every reference of the page (see ``dashboard.components.panes``).
"""

from __future__ import annotations

import pandas as pd
import panel as pn
import pytest
from bokeh.document import Document
from bokeh.document.models import DocumentModelManager

from dashboard.components import panes


@pytest.fixture
def recomputes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts Bokeh's recomputations of a document's models (one entry per recompute)."""
    calls: list[int] = []
    recompute = DocumentModelManager.recompute

    def counted(self: DocumentModelManager) -> None:
        calls.append(1)
        recompute(self)

    monkeypatch.setattr(DocumentModelManager, "recompute", counted)
    return calls


def render_in_template(pane: pn.viewable.Viewable) -> Document:
    """``pane`` on a page like the dashboard's: a Bootstrap template beside a table."""
    table = pn.widgets.Tabulator(pd.DataFrame({"part": range(200)}))
    doc = Document()
    pn.template.BootstrapTemplate(title="t", main=[pn.Column(pane, table)]).server_doc(doc)
    return doc


@pytest.mark.parametrize(
    ("ours", "panels"),
    [(panes.HTML, pn.pane.HTML), (panes.Markdown, pn.pane.Markdown), (panes.Alert, pn.pane.Alert)],
)
def test_content_update_keeps_the_document_as_is(
    ours: type[pn.pane.Markdown], panels: type[pn.pane.Markdown], recomputes: list[int]
) -> None:
    theirs = panels("before", stylesheets=[".x { color: red; }"])
    render_in_template(theirs)
    recomputes.clear()
    theirs.object = "after"
    assert recomputes, "Panel's pane no longer re-sends stylesheets: dashboard.components.panes can go"

    pane = ours("before", stylesheets=[".x { color: red; }"])
    doc = render_in_template(pane)
    model = next(iter(pane._models.values()))[0]
    sheets = list(model.stylesheets)
    recomputes.clear()
    pane.object = "<b>after</b>"
    assert recomputes == []
    assert "after" in model.text
    assert model.stylesheets == sheets
    assert model.document is doc
