"""Wire services from settings: the one place that opens the catalog and the ledger."""

from __future__ import annotations

from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.ledger import Ledger
from pipeline.orders.service import OrderService
from pipeline.runner import Runner


def open_runner(settings: Settings | None = None) -> Runner:
    """A runner on the configured catalog (read-only) and ledger."""
    settings = settings or Settings.from_env()
    return Runner(
        catalog=CatalogStore(settings.catalog_path), ledger=Ledger(settings.ledger_path), settings=settings
    )


def open_order_service(settings: Settings | None = None, runner: Runner | None = None) -> OrderService:
    """The review API on the configured catalog (read-only) and ledger.

    Pass the process's ``runner`` to share its catalog store: the matcher's in-memory index is
    built once per store, so a second store would double its memory and its first-use cost.
    """
    if runner is not None:
        return OrderService(runner.ledger, runner.catalog, runner.settings)
    settings = settings or Settings.from_env()
    return OrderService(Ledger(settings.ledger_path), CatalogStore(settings.catalog_path), settings)
