"""Telling the user something happened, wherever the component is shown."""

from __future__ import annotations

import logging
from html import escape

import panel as pn

log = logging.getLogger(__name__)


def notify(kind: str, message: str) -> None:
    """A toast in a served page; a log line where there is no notification area (plain Python).

    Escaped: the toast renders HTML, and messages name files and quote emails."""
    if pn.state.notifications is not None:
        getattr(pn.state.notifications, kind)(escape(message), duration=6000)
    else:
        log.warning("%s: %s", kind, message)
