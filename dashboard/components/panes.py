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
from bokeh.model import Model


class _ContentUpdates:
    """Mixin for Panel's markup panes: a content update sends the new content only."""

    def _update(self, ref: str, model: Model) -> None:
        model.update(**self._process_param_change({"object": self.object}))


class HTML(_ContentUpdates, pn.pane.HTML):
    """``pn.pane.HTML`` for content that changes while the page is open."""


class Markdown(_ContentUpdates, pn.pane.Markdown):
    """``pn.pane.Markdown`` for content that changes while the page is open."""


class Alert(_ContentUpdates, pn.pane.Alert):
    """``pn.pane.Alert`` for content that changes while the page is open."""
