"""ERP export: approved orders as canonical JSON (``erp_order.schema.json``), sent exactly once.

``adapter.py`` the interface; ``outbox.py`` (default: a file per order in ``data/outbox/``),
``http_adapter.py`` (POST with retries); ``payload.py`` the canonical order and its schema check;
``csv_export.py`` the same order as CSV; ``exporter.py`` the once-only bookkeeping in the ledger.
"""

from __future__ import annotations

from pipeline.config import Settings
from pipeline.erp.adapter import ErpAdapter, ErpError, ErpReceipt
from pipeline.erp.exporter import ErpExporter, Submission
from pipeline.erp.http_adapter import HttpAdapter
from pipeline.erp.outbox import OutboxAdapter
from pipeline.errors import ConfigError

ADAPTERS = ("outbox", "csv", "http")


def adapter_from_settings(settings: Settings) -> ErpAdapter:
    """The adapter ``settings.erp.adapter`` names, configured from the same settings."""
    erp = settings.erp
    if erp.adapter == "outbox":
        return OutboxAdapter(settings.outbox_dir)
    if erp.adapter == "csv":
        return OutboxAdapter(settings.outbox_dir, fmt="csv")
    if erp.adapter == "http":
        if not erp.url:
            raise ConfigError("the http ERP adapter needs a URL: set ORDERDESK_ERP_URL or erp.url")
        return HttpAdapter(erp.url, retries=erp.retries, backoff_s=erp.backoff_s, timeout_s=erp.timeout_s)
    raise ConfigError(f"unknown ERP adapter {erp.adapter!r}; use one of {', '.join(ADAPTERS)}")


__all__ = [
    "ADAPTERS",
    "ErpAdapter",
    "ErpError",
    "ErpExporter",
    "ErpReceipt",
    "HttpAdapter",
    "OutboxAdapter",
    "Submission",
    "adapter_from_settings",
]
