"""The dashboard's views: each takes the session's ``DeskStore`` and shows one concern."""

from dashboard.components.catalog_explorer import CatalogExplorer
from dashboard.components.input_panel import InputPanel
from dashboard.components.job_list import JobList
from dashboard.components.metrics_view import MetricsView
from dashboard.components.order_view import OrderView
from dashboard.components.progress_view import ProgressView

__all__ = ["CatalogExplorer", "InputPanel", "JobList", "MetricsView", "OrderView", "ProgressView"]
