"""Wire services from settings: how the CLI, the dashboard and notebooks open the catalog and the
ledger, and the runner and review API on them. (Batch workers open theirs per worker process, in
``pipeline/batch/``.)"""

from __future__ import annotations

from dataclasses import replace

from pipeline.acknowledge.sender import Acknowledger, smtp_password
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.inbox.intake import Intake
from pipeline.inbox.mailbox import open_source
from pipeline.ledger import Ledger
from pipeline.orders.service import OrderService
from pipeline.runner import Runner


def open_catalog(settings: Settings | None = None) -> CatalogStore:
    """The configured catalog, read-only."""
    return CatalogStore((settings or Settings.from_env()).catalog_path)


def open_ledger(settings: Settings | None = None) -> Ledger:
    """The configured ledger."""
    return Ledger((settings or Settings.from_env()).ledger_path)


def open_runner(settings: Settings | None = None) -> Runner:
    """A runner on the configured catalog (read-only) and ledger."""
    settings = settings or Settings.from_env()
    return Runner(catalog=open_catalog(settings), ledger=open_ledger(settings), settings=settings)


def open_order_service(settings: Settings | None = None, runner: Runner | None = None) -> OrderService:
    """The review API on the configured catalog (read-only) and ledger.

    Pass the process's ``runner`` to share its catalog store: the matcher's in-memory index is
    built once per store, so a second store would double its memory and its first-use cost.
    """
    if runner is not None:
        return OrderService(runner.ledger, runner.catalog, runner.settings)
    settings = settings or Settings.from_env()
    return OrderService(open_ledger(settings), open_catalog(settings), settings)


def mailbox_configured(settings: Settings) -> bool:
    """Whether the settings name a mailbox to watch (an IMAP host or a Maildir)."""
    return bool(settings.inbox.host or settings.inbox.maildir)


def open_intake(runner: Runner, folders: tuple[str, ...] = ()) -> tuple[Intake, tuple[str, ...]]:
    """The configured mailbox taken in through ``runner``, and the folders to watch (``folders``
    if given; a Maildir's own INBOX otherwise)."""
    settings = runner.settings
    inbox = replace(settings.inbox, folders=folders) if folders else settings.inbox
    source = open_source(inbox, limits=settings.intake)
    return Intake(runner, source), ("INBOX",) if inbox.maildir and not folders else inbox.folders


def open_acknowledger(ledger: Ledger, settings: Settings) -> Acknowledger | None:
    """The configured acknowledgements' sender; None without an SMTP server."""
    if not settings.acknowledge.smtp_host:
        return None
    return Acknowledger(ledger, settings.acknowledge, smtp_password(settings.acknowledge))
