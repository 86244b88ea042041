"""The three places the dashboard leans on Panel's and Bokeh's private internals, and nowhere else.

Each is here because a supported API does not do it (measured reasons in the modules that use them):

* ``server_loop``: the session's server event loop, reached through ``doc.session_context``; a worker
  thread must hop onto it before adding a next-tick callback (``dashboard.session``).
* ``ContentUpdates``: markup panes that send only their content when it changes, by overriding
  ``Pane._update`` (``dashboard.components.panes``).
* ``at_once``: a widget's browser changes handled on the next tick instead of after Panel's 50 ms
  debounce, through the ``_priority_changes`` class attribute (``dashboard.components.widgets``).

``PANEL_CHECKED`` is the Panel version these were last checked against; ``tests/dashboard/
test_panel_private.py`` fails on any other version, naming what to check again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bokeh.document import Document
from bokeh.model import Model
from tornado.ioloop import IOLoop

PANEL_CHECKED = "1.9.4"
Widget = TypeVar("Widget", bound=type)


def server_loop(doc: Document | None) -> IOLoop | None:
    """The event loop serving ``doc``'s session; None outside a server (a notebook, a script)."""
    if doc is None or doc.session_context is None:
        return None
    return doc.session_context.server_context.application_context.io_loop


class ContentUpdates:
    """Mixin for Panel's markup panes: a content update sends the new content only."""

    object: object

    def _update(self, ref: str, model: Model) -> None:
        model.update(**self._process_param_change({"object": self.object}))  # type: ignore[attr-defined]


def at_once(*changes: str) -> Callable[[Widget], Widget]:
    """Class decorator: the browser's changes of these properties skip Panel's debounce."""

    def mark(cls: Widget) -> Widget:
        cls._priority_changes = list(changes)  # type: ignore[attr-defined]
        return cls

    return mark
