"""The dashboard's views: each takes its page's store (``DeskStore``, ``ReviewStore``) and shows one thing."""

from dashboard.components.acknowledgement_view import AcknowledgementView
from dashboard.components.catalog_explorer import CatalogExplorer
from dashboard.components.input_panel import InputPanel
from dashboard.components.job_list import JobList
from dashboard.components.mailbox_view import MailboxView
from dashboard.components.metrics_view import MetricsView
from dashboard.components.order_view import OrderView
from dashboard.components.orders_queue import OrdersQueue
from dashboard.components.progress_view import ProgressView
from dashboard.components.review_workspace import ReviewWorkspace

__all__ = [
    "AcknowledgementView",
    "CatalogExplorer",
    "InputPanel",
    "JobList",
    "MailboxView",
    "MetricsView",
    "OrderView",
    "OrdersQueue",
    "ProgressView",
    "ReviewWorkspace",
]
