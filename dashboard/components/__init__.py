"""The dashboard's views: each takes the session's ``DeskStore`` and shows one concern."""

from dashboard.components.input_panel import InputPanel
from dashboard.components.order_view import OrderView
from dashboard.components.progress_view import ProgressView

__all__ = ["InputPanel", "OrderView", "ProgressView"]
