"""The errors Order Desk raises on purpose.

Every message says what went wrong *and* what the user can do about it; the CLI prints
``str(error)`` as one line and the dashboard shows it in a notification.
"""

from __future__ import annotations


class OrderDeskError(Exception):
    """Base class: an expected failure with a message meant for a person."""


class ConfigError(OrderDeskError):
    """A setting or environment variable has a value we cannot use."""


class IngestError(OrderDeskError):
    """A file could not be read as an order document."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot read {path}: {reason}")
        self.path = path
        self.reason = reason


class CatalogError(OrderDeskError):
    """The parts catalog is missing, unreadable or malformed."""


class StageError(OrderDeskError):
    """A pipeline stage failed; ``stage`` names it so the UI can mark the right card."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage} failed: {message}")
        self.stage = stage
