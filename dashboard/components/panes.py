"""Markup panes whose updates send the browser their content only.

Panel 1.9.4 re-sends a markup pane's whole property set when its content changes. Under a
template's design the ``stylesheets`` it re-sends never equal the ones the design left on the
model (the design drops the sheets the template already loads), so Bokeh sees a new list of
stylesheet models and walks every model of the page, table data included, to recompute the
document's references: 15-50 ms per stage card on the process page (measured with a trace of
``DeskStore._apply``), 1-2 ms without it. Deriving that property set again (the design's
modifiers resolve theme file paths each time) was still 17 % of the server's samples under load
(py-spy, ``bench_load.py``). So these panes send the browser what their content gives (the text)
and nothing else; everything else is set when the pane is rendered and does not change with it.
"""

from __future__ import annotations

import panel as pn

from dashboard.panel_private import ContentUpdates


class HTML(ContentUpdates, pn.pane.HTML):
    """``pn.pane.HTML`` for content that changes while the page is open."""


class Markdown(ContentUpdates, pn.pane.Markdown):
    """``pn.pane.Markdown`` for content that changes while the page is open."""


class Alert(ContentUpdates, pn.pane.Alert):
    """``pn.pane.Alert`` for content that changes while the page is open."""
