"""Telling the user something happened, wherever the component is shown."""

from __future__ import annotations

import logging

import panel as pn

log = logging.getLogger(__name__)


def notify(kind: str, message: str) -> None:
    """A toast in a served page; a log line where there is no notification area (plain Python)."""
    if pn.state.notifications is not None:
        getattr(pn.state.notifications, kind)(message, duration=6000)
    else:
        log.warning("%s: %s", kind, message)
