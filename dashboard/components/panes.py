"""Markup panes whose updates send the browser their content only.

Panel 1.9.4 re-sends a markup pane's whole property set when its content changes. Under a
template's design the ``stylesheets`` it re-sends never equal the ones the design left on the
model (the design drops the sheets the template already loads), so Bokeh sees a new list of
stylesheet models and walks every model of the page, table data included, to recompute the
document's references: 15-50 ms per stage card on the process page (measured with a trace of
``DeskStore._apply``), 1-2 ms without it. A pane's stylesheets are set when it is rendered and
never change afterwards here, so these panes leave them out of content updates.
"""

from __future__ import annotations

import panel as pn
from bokeh.model import Model


class _ContentUpdates:
    """Mixin for Panel's markup panes: a content update leaves the model's stylesheets alone."""

    def _update(self, ref: str, model: Model) -> None:
        properties = self._get_properties(model.document)
        properties.pop("stylesheets", None)
        model.update(**properties)


class HTML(_ContentUpdates, pn.pane.HTML):
    """``pn.pane.HTML`` for content that changes while the page is open."""


class Markdown(_ContentUpdates, pn.pane.Markdown):
    """``pn.pane.Markdown`` for content that changes while the page is open."""


class Alert(_ContentUpdates, pn.pane.Alert):
    """``pn.pane.Alert`` for content that changes while the page is open."""
