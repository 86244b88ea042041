"""One browser session's review state: the orders queue and the one order open in the workspace.

Everything here is read from, and written through, the review API (``OrderService``): the queue
is the ledger's order summaries, the open order is the ledger's current version, and every
action passes the version on screen as ``expected_version``. Nothing lives only in the session,
so a reload, another tab or a restart shows the same orders.

The queue follows changes two ways: the job service's watch (a job that finished here brings
its order within a fraction of a second, coalesced like the process page's job list) and the
process's one ``LedgerWatch`` of ``OrderService.last_change`` and the stopped jobs, for changes
made elsewhere (another tab, the CLI, another process).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import panel as pn
import param

from dashboard.access import LOCAL, AccessDeniedError, User
from dashboard.decisions import Decisions
from dashboard.jobs import JobService
from dashboard.ledger_watch import LedgerWatch, shared_watch
from dashboard.notify import notify
from dashboard.session import Coalescer, session_scheduler
from pipeline.erp.exporter import ExportInProgressError, Submission
from pipeline.errors import OrderDeskError
from pipeline.job_status import STOPPED_STATUSES
from pipeline.ledger import JobRecord
from pipeline.orders import AuditEntry, OrderConflictError, OrderError, OrderService, StoredOrder

QUEUE_LIMIT = 200
WATCH_DELAY_S = 0.25
# What the queue's filter offers: label -> order status (None: every order). "Failed" lists the
# jobs that made no order, so nothing accepted is missing from the desk's view.
FILTERS: dict[str, str | None] = {
    "Needs review": "needs_review",
    "Auto-approved": "auto_approved",
    "Approved": "approved",
    "Exported": "exported",
    "Quoted": "quoted",
    "Rejected": "rejected",
    "No order found": "no_order_found",
    "Failed": "failed",
    "All": None,
}


def orders_watch(orders: OrderService) -> LedgerWatch:
    """The process's watch of what the queue shows: any order's change, any job stopping."""
    ledger = orders.ledger
    return shared_watch(
        "orders", str(ledger.path), lambda: (orders.last_change(), ledger.count(STOPPED_STATUSES))
    )


@dataclass(frozen=True)
class QueueRow:
    """One row of the orders queue: an order, or a failed job (no order id)."""

    order_id: str
    job_id: str
    status: str
    customer: str
    received: str
    value: float | None
    lines: int | None
    top_reason: str
    version: int | None
    kind: str = "order"  # "quote": a request for quote, kept as one until the desk converts it


class ReviewStore(param.Parameterized):
    """The queue and the open order; views bind to it and call its actions."""

    orders = param.ClassSelector(class_=OrderService, constant=True, doc="The review API on the ledger.")
    service = param.ClassSelector(
        class_=JobService,
        default=None,
        allow_None=True,
        constant=True,
        doc="The job service, to list new orders as soon as their jobs finish (none in a notebook).",
    )
    actor = param.String(default=LOCAL.name, doc="Who the audit trail names for this session's actions.")
    user = param.ClassSelector(
        class_=User,
        default=LOCAL,
        doc="Who is signed in; once login is on, decisions (approve, reject, reopen, export, the "
        "customer) need an approver.",
    )
    decisions = param.ClassSelector(
        class_=Decisions,
        default=None,
        allow_None=True,
        doc="Export to the ERP as the HTTP API does (the same claim: each order is sent once); "
        "none: no export from here.",
    )
    filter = param.Selector(
        default="Needs review", objects=list(FILTERS), doc="Which orders the queue lists."
    )
    queue = param.List(default=[], item_type=QueueRow, doc="The queue's rows, newest change first.")
    order_id = param.String(default=None, allow_None=True, doc="The open order (the URL's ?order=).")
    stored = param.ClassSelector(
        class_=StoredOrder, default=None, allow_None=True, doc="The open order as the ledger holds it."
    )
    audit = param.List(default=[], item_type=AuditEntry, doc="The open order's audit trail, oldest first.")
    message = param.String(default="", doc="The outcome of the last action, for the person who took it.")
    message_kind = param.Selector(default="info", objects=["info", "success", "warning", "danger"])

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._seen = -1
        self._unwatch: list[Callable[[], None]] = []
        self.refresh()
        if self.order_id:
            self.open(self.order_id)
        schedule = session_scheduler(WATCH_DELAY_S)
        if schedule is not None:  # served: follow the ledger until the browser session ends
            self._follow(schedule)

    def _follow(self, schedule: Callable[[Callable[[], None]], None]) -> None:
        changes = Coalescer(schedule, lambda _batch: self.poll(), key=lambda _what: "queue")
        if self.service is not None:
            self._unwatch.append(self.service.watch(changes.put))
        self._unwatch.append(orders_watch(self.orders).listen(lambda: changes.put("ledger")))
        pn.state.on_session_destroyed(lambda _context: self.close())

    def close(self) -> None:
        """Stop following job and ledger changes (the session is gone)."""
        while self._unwatch:
            self._unwatch.pop()()

    # -- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the queue (and the open order, if it changed) from the ledger again."""
        self._seen = self.orders.last_change()
        self.queue = self._rows()
        if self.stored is not None:
            current = self.orders.get(self.stored.order_id)
            if current.version != self.stored.version:  # changed elsewhere: ours are shown already
                self._show(current)
                last = self.audit[-1]
                what = f"{last.actor} ({last.action.replace('_', ' ')})"
                self.say(
                    "info", f"{current.order_id} was changed by {what}; version {current.version} is shown."
                )

    def poll(self) -> None:
        """Refresh if any order changed since the last look (one cheap query otherwise); the
        failed jobs' list is read again every time."""
        if self.orders.last_change() != self._seen or self.filter == "Failed":
            self.refresh()

    def _rows(self) -> list[QueueRow]:
        status = FILTERS[self.filter]
        if status == "failed":
            ledger = self.orders.ledger
            jobs = [job for name in STOPPED_STATUSES for job in ledger.jobs(QUEUE_LIMIT, status=name)]
            return [failed_row(job) for job in sorted(jobs, key=lambda job: job.created_at, reverse=True)]
        return [
            QueueRow(
                order_id=summary.order_id,
                job_id="",
                status=summary.status,
                customer=summary.customer_name or summary.customer_id or "",
                received=summary.created_at[:16].replace("T", " "),
                value=summary.total,
                lines=summary.line_count,
                top_reason=summary.top_reason or "",
                version=summary.version,
                kind=summary.kind or "order",
            )
            for summary in self.orders.list_orders(status=status, limit=QUEUE_LIMIT)
        ]

    @param.depends("filter", watch=True)
    def _filter_changed(self) -> None:
        self.queue = self._rows()

    @param.depends("order_id", watch=True)
    def _order_id_changed(self) -> None:
        if self.stored is None or self.stored.order_id != self.order_id:
            self.open(self.order_id)

    def open(self, order_id: str | None) -> None:
        """Show ``order_id`` in the workspace (None closes it); an unknown id says so."""
        self.message = ""
        if not order_id:
            self.param.update(order_id=None, stored=None, audit=[])
            return
        try:
            stored = self.orders.get(order_id)
        except OrderError as error:
            self.param.update(stored=None, audit=[])
            self.say("warning", str(error))
            return
        self._show(stored)

    def _show(self, stored: StoredOrder) -> None:
        self.param.update(
            order_id=stored.order_id, audit=self.orders.audit_log(stored.order_id), stored=stored
        )

    # -- actions -----------------------------------------------------------------------------
    def act(self, done: str, action: Callable[[int], StoredOrder]) -> bool:
        """Run ``action(expected_version)`` on the open order; show the result or say why not.

        The review API's refusals (locked, changed meanwhile, an invalid edit) become a message;
        on a conflict the workspace shows the order as it is now, so the next try starts from it.
        """
        if self.stored is None:
            self.say("warning", "Open an order first.")
            return False
        try:
            written = action(self.stored.version)
        except OrderConflictError as error:
            self._show(self.orders.get(error.order_id))
            self.say(
                "warning",
                f"Someone changed {error.order_id} meanwhile (version {error.expected} → {error.actual});"
                " it is shown as it is now: check it and try again.",
            )
            return False
        except OrderError as error:
            self.say("danger", str(error))
            return False
        self._show(written)
        self.refresh()
        self.say("success", done)
        return True

    def accept_line(self, line_no: int) -> bool:
        return self.act(
            f"Line {line_no} accepted.",
            lambda version: self.orders.accept_line(
                self.order_id, line_no, actor=self.actor, expected_version=version
            ),
        )

    def choose_alternative(self, line_no: int, part_number: str, remember: bool = False) -> bool:
        remembered = " (remembered for this customer)" if remember else ""
        return self.act(
            f"Line {line_no} is now {part_number}{remembered}.",
            lambda version: self.orders.choose_alternative(
                self.order_id,
                line_no,
                part_number,
                actor=self.actor,
                remember=remember,
                expected_version=version,
            ),
        )

    def edit_line(self, line_no: int, **changes: Any) -> bool:
        """``changes``: grade, temper, form, dimensions, quantity, uom (see ``OrderService.edit_line``)."""
        return self.act(
            f"Line {line_no} changed.",
            lambda version: self.orders.edit_line(
                self.order_id, line_no, actor=self.actor, expected_version=version, **changes
            ),
        )

    def add_line(self, text: str) -> bool:
        return self.act(
            "Line added.",
            lambda version: self.orders.add_line(
                self.order_id, text, actor=self.actor, expected_version=version
            ),
        )

    def remove_line(self, line_no: int) -> bool:
        return self.act(
            f"Line {line_no} removed.",
            lambda version: self.orders.remove_line(
                self.order_id, line_no, actor=self.actor, expected_version=version
            ),
        )

    def approve(self, comment: str = "") -> bool:
        return self.decide(
            "approve",
            f"{self.order_id} approved.",
            lambda version: self.orders.approve(
                self.order_id, actor=self.actor, comment=comment, expected_version=version
            ),
        )

    def quote(self, comment: str = "") -> bool:
        """The open request for quote is priced: it is quoted, and its quotation goes to the customer."""
        return self.decide(
            "quote",
            f"{self.order_id} quoted: its quotation goes to the customer.",
            lambda version: self.orders.quote(
                self.order_id, actor=self.actor, comment=comment, expected_version=version
            ),
        )

    def reject(self, comment: str) -> bool:
        return self.decide(
            "reject",
            f"{self.order_id} rejected.",
            lambda version: self.orders.reject(
                self.order_id, actor=self.actor, comment=comment, expected_version=version
            ),
        )

    def reopen(self, comment: str) -> bool:
        # reopen has no expected_version: only a locked order reopens, and a locked one cannot
        # have changed under the reviewer except by another reopen, which this then refuses.
        return self.decide(
            "reopen",
            f"{self.order_id} is back in review.",
            lambda _version: self.orders.reopen(self.order_id, actor=self.actor, comment=comment),
        )

    def approve_customer(self, terms: str = "", credit_limit: float | None = None) -> bool:
        """Make the open order's customer an approved customer (approvers only)."""
        return self.decide(
            "approve the customer of",
            "The customer is approved; the order can be approved now.",
            lambda version: self.orders.approve_customer(
                self.order_id,
                actor=self.actor,
                terms=terms or None,
                credit_limit=credit_limit,
                expected_version=version,
            ),
        )

    def assign_customer(self, customer_id: str) -> bool:
        """The open order (and its sender's email domain) belongs to ``customer_id`` (approvers only)."""
        return self.decide(
            "assign the customer of",
            f"The email is assigned to {customer_id}.",
            lambda version: self.orders.assign_customer(
                self.order_id, customer_id, actor=self.actor, expected_version=version
            ),
        )

    def convert_to_order(self, comment: str = "") -> bool:
        """The customer ordered what they asked a quote for: keep it as an order from now on."""
        return self.decide(
            "convert quotes to",
            f"{self.order_id} is an order now.",
            lambda version: self.orders.convert_to_order(
                self.order_id, actor=self.actor, comment=comment, expected_version=version
            ),
        )

    def export(self) -> bool:
        """Send the open, approved order to the ERP (here, in this thread: notebooks, tests)."""
        order_id = self._may_export()
        return order_id is not None and self._exported(order_id, lambda: self._send(order_id))

    async def export_async(self) -> bool:
        """``export`` for a page: the ERP call (seconds when it is slow) runs off the session's loop."""
        order_id = self._may_export()
        if order_id is None:
            return False
        try:
            sent = await asyncio.to_thread(self._send, order_id)
        except OrderDeskError as error:
            failure = error
            return self._exported(order_id, lambda: _raise(failure))
        return self._exported(order_id, lambda: sent)

    def _may_export(self) -> str | None:
        if self.stored is None or self.decisions is None:
            self.say(
                "warning", "Open an order first." if self.stored is None else "Export is not set up here."
            )
            return None
        try:
            self.user.require_approver(self.orders.settings.access, "export")
        except AccessDeniedError as error:
            self.say("danger", str(error))
            return None
        return self.stored.order_id

    def _send(self, order_id: str) -> Submission:
        assert self.decisions is not None
        return self.decisions.export(self.user, order_id)

    def _exported(self, order_id: str, send: Callable[[], Submission]) -> bool:
        try:
            sent = send()
        except ExportInProgressError as error:
            self.say("warning", str(error))
            return False
        except OrderDeskError as error:
            self.say("danger", str(error))
            return False
        finally:
            self._show(self.orders.get(order_id))
            self.refresh()
        self.say("success", f"{order_id} is in the ERP as {sent.erp_id} ({sent.adapter}).")
        return True

    def decide(self, verb: str, done: str, action: Callable[[int], StoredOrder]) -> bool:
        """``act``, for an approver only (a reopened order can be changed and approved again)."""
        try:
            self.user.require_approver(self.orders.settings.access, verb)
        except AccessDeniedError as error:
            self.say("danger", str(error))
            return False
        return self.act(done, action)

    def say(self, kind: str, message: str) -> None:
        """Show ``message`` in the workspace (and, for a refusal, as a toast)."""
        self.param.update(message=message, message_kind=kind)
        if kind in ("warning", "danger"):
            notify("error" if kind == "danger" else "warning", message)


def _raise(error: Exception) -> Submission:
    raise error


def failed_row(job: JobRecord) -> QueueRow:
    """A job that made no order: listed with why, so nothing accepted drops out of view."""
    return QueueRow(
        order_id="",
        job_id=job.job_id,
        status=job.status,
        customer=job.filename,
        received=job.created_at[:16].replace("T", " "),
        value=None,
        lines=None,
        top_reason=job.error or "",
        version=None,
    )
