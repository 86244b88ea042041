"""The review API: what a reviewer can do to an order, for the dashboard, notebooks and the CLI.

Every action is one ledger transaction: read the order under the write lock, change it,
re-price and re-check it, write the next version with one audit row (who, when, before, after).
Approved, auto-approved, rejected and exported orders are locked: edits raise
``OrderLockedError`` until someone reopens the order, which is itself audited. Pass
``expected_version`` (the version you displayed) to refuse an edit that would overwrite a
change someone else made meanwhile (``OrderConflictError``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pipeline.assemble import PartTerms, assemble_line, load_terms, order_totals, priced
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.customers.directory import CustomerDirectory
from pipeline.events import utc_now
from pipeline.ledger import Ledger
from pipeline.match import match_line
from pipeline.match.reading import read_line
from pipeline.match.replan import replanned
from pipeline.models import Candidate, LineItem, Order, OrderLine
from pipeline.orders.crossref import (
    CrossReference,
    CrossReferences,
    apply_cross_reference,
    part_number_key,
    wording_key,
)
from pipeline.orders.customers import (
    approve_customer,
    assign_customer,
    current_account,
    customer_choices,
    why_not_approved,
)
from pipeline.orders.edits import LineEdit, apply_edit, validate
from pipeline.orders.errors import (
    CustomerNotApprovedError,
    InvalidEditError,
    LineNotFoundError,
    OrderConflictError,
    OrderLockedError,
    OrderNotFoundError,
    QuoteNotOrderError,
)
from pipeline.orders.parts import named_part
from pipeline.orders.store import AuditEntry, OrderStore, OrderSummary, StoredOrder, line_snapshot
from pipeline.review import review

# A change of the order copy: returns (before, after) for the audit row.
Change = Callable[[Order], tuple[Any, Any]]
_DECISIONS = {"approved": "approve", "rejected": "reject", "quoted": "quote"}  # status -> audit action


class OrderService:
    """Review actions on stored orders. Each changing method returns the order as written."""

    def __init__(self, ledger: Ledger, catalog: CatalogStore, settings: Settings | None = None) -> None:
        self.ledger = ledger
        self.catalog = catalog
        self.settings = settings or Settings.from_env()
        self.store = OrderStore(ledger)
        self.references = CrossReferences(ledger)

    # -- reading -----------------------------------------------------------------------------
    def get(self, order_id: str) -> StoredOrder:
        """The order with its status and version (``OrderNotFoundError`` if unknown)."""
        return self.store.load(order_id)

    def list_orders(
        self, status: str | None = None, customer_id: str | None = None, limit: int = 100
    ) -> list[OrderSummary]:
        """The queue, newest change first, optionally one status or one customer."""
        return self.store.summaries(status=status, customer_id=customer_id, limit=limit)

    def last_change(self) -> int:
        """A number that grows whenever any order changes (here, in another process, by the CLI):
        pollers compare it instead of re-reading the queue."""
        return self.store.last_audit_id()

    def audit_log(self, order_id: str) -> list[AuditEntry]:
        """Every change of the order, oldest first (one entry per version)."""
        if not self.store.exists(order_id):
            raise OrderNotFoundError(order_id)
        return self.store.audit(order_id)

    # -- line actions ------------------------------------------------------------------------
    def accept_line(
        self,
        order_id: str,
        line_no: int,
        *,
        actor: str,
        remember: bool = False,
        expected_version: int | None = None,
    ) -> StoredOrder:
        """Accept the line's matched part as it is (the line then passes its gates)."""

        def change(order: Order) -> tuple[Any, Any]:
            line = _line(order, line_no)
            if line.match is None:
                raise InvalidEditError(f"line {line_no} has no part to accept; choose one or remove the line")
            before = line_snapshot(line)
            line.accepted_by = actor
            return before, self._after(order, line, actor, remember)

        return self._edit(order_id, actor, "accept_line", line_no, change, expected_version)

    def choose_alternative(
        self,
        order_id: str,
        line_no: int,
        part_number: str,
        *,
        actor: str,
        remember: bool = False,
        expected_version: int | None = None,
    ) -> StoredOrder:
        """Give the line one of its alternatives — or any catalog part the reviewer knows is right.

        The part it had becomes an alternative. The chosen part is scored, cut and priced for the
        line as it is (``pipeline.match.replan``), and the line passes its gates only as any line
        does — a choice is not an acceptance: its stock, backorder and confidence still show
        until someone accepts the line. ``remember`` stores the customer's wording of the line as
        a cross-reference to this part.
        """

        def change(order: Order) -> tuple[Any, Any]:
            line = _line(order, line_no)
            before = line_snapshot(line)
            offered = [c for c in (line.match, *line.alternatives) if c is not None]
            chosen = next((c for c in offered if c.part_number == part_number), None)
            line.match = chosen or self._catalog_candidate(line.item, part_number, actor)
            line.accepted_by = None
            line.alternatives = [c for c in offered if c.part_number != part_number]
            self._replan(line)
            return before, self._after(order, line, actor, remember) | {"listed": chosen is not None}

        return self._edit(order_id, actor, "choose_alternative", line_no, change, expected_version)

    def edit_line(
        self,
        order_id: str,
        line_no: int,
        *,
        actor: str,
        grade: str | None = None,
        temper: str | None = None,
        form: str | None = None,
        dimensions: dict[str, float | None] | None = None,
        quantity: float | None = None,
        uom: str | None = None,
        expected_version: int | None = None,
    ) -> StoredOrder:
        """Correct what the customer asked for; a new grade, temper, form or size re-matches the line.

        A new quantity or unit keeps the part and plans it again (cut, stock to pull, price,
        confidence and reasons, ``pipeline.match.replan``); any edit takes back an acceptance.
        """
        edit = validate(LineEdit(grade, temper, form, dict(dimensions or {}), quantity, uom))

        def change(order: Order) -> tuple[Any, Any]:
            line = _line(order, line_no)
            before = line_snapshot(line)
            item = apply_edit(line.item, edit)
            if edit.rematch:
                new = self.matched_line(item)
            else:  # same part: a new quantity or unit needs a new cut plan, price and reasons
                new = replace(line, item=item, accepted_by=None)
                self._replan(new)
            order.lines[order.lines.index(line)] = new
            return before, line_snapshot(new)

        return self._edit(order_id, actor, "edit_line", line_no, change, expected_version)

    def add_line(
        self, order_id: str, text: str, *, actor: str, expected_version: int | None = None
    ) -> StoredOrder:
        """Add a line written as a customer would (``'4 pcs 304 sheet 0.125 x 48 x 96'``) and match it."""
        if not text.strip():
            raise InvalidEditError("the new line is empty; write what the customer asked for")

        def change(order: Order) -> tuple[Any, Any]:
            number = max((line.item.line_no for line in order.lines), default=0) + 1
            item = replace(read_line(text.strip(), number), span=None, evidence={})
            references = self.references.for_customer(order.account.customer_id) if order.account else []
            line = self.matched_line(item, references)
            order.lines.append(line)
            return None, line_snapshot(line)

        return self._edit(order_id, actor, "add_line", None, change, expected_version)

    def remove_line(
        self,
        order_id: str,
        line_no: int,
        *,
        actor: str,
        comment: str = "",
        expected_version: int | None = None,
    ) -> StoredOrder:
        """Drop a line (other lines keep their numbers)."""

        def change(order: Order) -> tuple[Any, Any]:
            line = _line(order, line_no)
            order.lines.remove(line)
            return line_snapshot(line), None

        return self._edit(order_id, actor, "remove_line", line_no, change, expected_version, comment)

    # -- decisions ---------------------------------------------------------------------------
    def approve(
        self, order_id: str, *, actor: str, comment: str = "", expected_version: int | None = None
    ) -> StoredOrder:
        """Approve for the ERP. Every line needs a part and a priced quantity, the customer must be an
        approved customer (``CustomerNotApprovedError``) and the document an order, not a request
        for quote (``QuoteNotOrderError``); open reasons are audited."""
        with self.ledger.transaction():
            stored = self._editable(order_id, actor, expected_version)
            self.require_sendable(stored.order, "approve")
            _require_priced(stored.order, "approve")
            return self._decide(stored, actor, "approved", comment)

    def quote(
        self, order_id: str, *, actor: str, comment: str = "", expected_version: int | None = None
    ) -> StoredOrder:
        """The desk's prices for a request for quote are ready: it becomes ``quoted`` (locked, like an
        approval) and its quotation goes to the customer (``pipeline.acknowledge``). Every line needs
        a part and a priced quantity; a prospect may be quoted, an order cannot be."""
        with self.ledger.transaction():
            stored = self._editable(order_id, actor, expected_version)
            if stored.order.header.kind != "quote":
                raise InvalidEditError(f"cannot quote {order_id}: it is an order; approve it instead")
            _require_priced(stored.order, "quote")
            return self._decide(stored, actor, "quoted", comment)

    def reject(
        self, order_id: str, *, actor: str, comment: str, expected_version: int | None = None
    ) -> StoredOrder:
        """Reject the order; the comment (required) says why, for the customer and the audit."""
        if not comment.strip():
            raise InvalidEditError("say why the order is rejected (comment)")
        with self.ledger.transaction():
            return self._decide(self._editable(order_id, actor, expected_version), actor, "rejected", comment)

    def reopen(self, order_id: str, *, actor: str, comment: str) -> StoredOrder:
        """Put an approved or rejected order back in review — the only way a locked order changes."""
        _require_actor(actor)
        if not comment.strip():
            raise InvalidEditError("say why the order is reopened (comment)")
        with self.ledger.transaction():
            stored = self.store.load(order_id)
            if stored.status == "exported" or not stored.locked:
                reason = "it was sent to the ERP" if stored.status == "exported" else "it is not locked"
                raise InvalidEditError(f"cannot reopen {order_id}: {reason}")
            order = stored.order
            self._recheck(order)
            reopened = replace(
                stored,
                order=order,
                status="needs_review",
                decided_by=None,
                decided_at=None,
                decision_comment=None,
            )
            return self.store.write(
                reopened,
                actor=actor,
                action="reopen",
                before={"status": stored.status, "decided_by": stored.decided_by},
                after={"status": "needs_review"},
                comment=comment,
            )

    def require_sendable(self, order: Order, action: str) -> None:
        """Refuse ``action`` (approve, export) of a quote or of an order for no approved customer."""
        if order.header.kind == "quote":
            raise QuoteNotOrderError(order.order_id, action, order.header.rfq_number)
        why = why_not_approved(current_account(self._customers(), order.account))
        if why is not None:
            raise CustomerNotApprovedError(order.order_id, action, why)

    # -- the customer and the kind of document ------------------------------------------------
    def approve_customer(
        self,
        order_id: str,
        *,
        actor: str,
        credit_limit: float | None = None,
        terms: str | None = None,
        expected_version: int | None = None,
    ) -> StoredOrder:
        """Make the order's customer (a prospect, or one on hold) an approved, active customer —
        for its other orders too. An approver's decision (the dashboard checks the role)."""
        return self._edit(
            order_id,
            actor,
            "approve_customer",
            None,
            lambda order: approve_customer(self._customers(), order, actor, credit_limit, terms),
            expected_version,
        )

    def assign_customer(
        self, order_id: str, customer_id: str, *, actor: str, expected_version: int | None = None
    ) -> StoredOrder:
        """The order is ``customer_id``'s, and mail from its sender's domain is theirs from now on."""
        return self._edit(
            order_id,
            actor,
            "assign_customer",
            None,
            lambda order: assign_customer(self._customers(), order, customer_id),
            expected_version,
        )

    def customer_choices(self) -> dict[str, str]:
        """The approved customers an email can be assigned to: "name (id)" -> id."""
        return customer_choices(self._customers())

    def convert_to_order(
        self, order_id: str, *, actor: str, comment: str = "", expected_version: int | None = None
    ) -> StoredOrder:
        """The customer placed the quote as an order: from now on it is approved and exported as one.
        A quoted one converts as it is (the customer ordered what was quoted), back in review."""

        def change(order: Order) -> tuple[Any, Any]:
            if order.header.kind != "quote":
                raise InvalidEditError(f"{order_id} is an order already")
            order.header.kind = "order"
            return {"kind": "quote"}, {"kind": "order"}

        return self._edit(
            order_id, actor, "convert_to_order", None, change, expected_version, comment, also_from="quoted"
        )

    # -- learning ----------------------------------------------------------------------------
    def remember_part_number(
        self, customer_id: str, customer_part_number: str, part_number: str, *, actor: str
    ) -> CrossReference:
        """Map the customer's own part number to a catalog part for their future orders."""
        _require_actor(actor)
        CustomerDirectory(self.ledger).require(customer_id)
        if self.catalog.get(part_number) is None:
            raise InvalidEditError(f"no catalog part {part_number}")
        try:
            key = part_number_key(customer_part_number)
        except ValueError as error:
            raise InvalidEditError(str(error)) from error
        return self.references.add(customer_id, "part_number", key, part_number, actor=actor)

    def cross_references(self, customer_id: str) -> list[CrossReference]:
        return self.references.for_customer(customer_id)

    # -- internals ---------------------------------------------------------------------------
    def _after(self, order: Order, line: OrderLine, actor: str, remember: bool) -> dict[str, Any]:
        """The line's audit "after", learning its wording as a cross-reference when asked."""
        after = line_snapshot(line)
        if remember:
            if order.account is None:
                raise InvalidEditError("the order has no customer to remember the wording for")
            key = wording_key(line.item, order.document.text)
            self.references.add(
                order.account.customer_id,
                "wording",
                key,
                line.match.part_number,
                actor=actor,
                order_id=order.order_id,
                line_no=line.item.line_no,
            )
            after["cross_reference"] = key
        return after

    def _edit(
        self,
        order_id: str,
        actor: str,
        action: str,
        line_no: int | None,
        change: Change,
        expected_version: int | None,
        comment: str = "",
        also_from: str = "",
    ) -> StoredOrder:
        """``change`` on an unlocked order (or one whose status is ``also_from``), back in review."""
        with self.ledger.transaction():
            stored = self._editable(order_id, actor, expected_version, also_from)
            order = stored.order  # decoded from the ledger for this call alone: ours to change
            before, after = change(order)
            self._recheck(order)
            status = "needs_review" if order.lines else "no_order_found"
            return self.store.write(
                replace(stored, order=order, status=status),
                actor=actor,
                action=action,
                line_no=line_no,
                before=before,
                after=after,
                comment=comment,
            )

    def _editable(
        self, order_id: str, actor: str, expected_version: int | None, also_from: str = ""
    ) -> StoredOrder:
        _require_actor(actor)
        stored = self.store.load(order_id)
        if stored.locked and stored.status != also_from:
            raise OrderLockedError(order_id, stored.status)
        if expected_version is not None and expected_version != stored.version:
            raise OrderConflictError(order_id, expected_version, stored.version)
        return stored

    def _decide(self, stored: StoredOrder, actor: str, status: str, comment: str) -> StoredOrder:
        order = stored.order
        before = {"status": stored.status, "open_reasons": list(order.review.reasons)}
        self._recheck(order)
        order.review.status = status
        decided = replace(
            stored,
            order=order,
            status=status,
            decided_by=actor,
            decided_at=utc_now().isoformat(),
            decision_comment=comment,
        )
        return self.store.write(
            decided,
            actor=actor,
            action=_DECISIONS[status],
            before=before,
            after={"status": status},
            comment=comment,
        )

    def _customers(self) -> CustomerDirectory:
        return CustomerDirectory(self.ledger, self.settings.pricing)

    def _replan(self, line: OrderLine) -> None:
        """The line's part and alternatives scored, cut and priced again for the line as it is."""
        parts = [c for c in (line.match, *line.alternatives) if c is not None]
        again = replanned(self.catalog, line.item, parts)
        if line.match is not None:
            line.match, line.alternatives = again[0], again[1:]
        else:
            line.alternatives = again
        priced(line, self._terms(line.match))

    def _recheck(self, order: Order) -> None:
        """Totals and gates after a change, for the customer as the master holds it now; a person
        now owns the order, so it is never auto-approved."""
        order.account = current_account(self._customers(), order.account)
        order.totals = order_totals(order.lines, order.account, self.settings.pricing)
        order.review = review(order, self.settings.gates)
        if order.review.status == "auto_approved":
            order.review.status = "needs_review"

    def matched_line(self, item: LineItem, references: list[CrossReference] | None = None) -> OrderLine:
        """``item`` matched afresh by the engine (the customer's cross-references first, if given).

        Public for re-matching stored orders against another catalog (``pipeline.batch.rematch``).
        """
        result = match_line(self.catalog, item)
        ranked = apply_cross_reference(self.catalog, item, result.ranked, references or [])
        line = assemble_line(item, ranked, self._terms_of(ranked[:1]))
        if line.match is None:
            line.no_match = result.explanation
        return line

    def _catalog_candidate(self, item: LineItem, part_number: str, actor: str) -> Candidate:
        part = named_part(self.catalog, part_number, item)
        if part is None:
            raise InvalidEditError(f"no catalog part {part_number}; search the catalog for the right number")
        return replace(part, confidence=1.0, reasons=[f"chosen from the catalog by {actor}"])

    def _terms(self, part: Candidate | None) -> PartTerms:
        if part is None:
            return PartTerms()
        return self._terms_of([part]).get(part.part_number, PartTerms())

    def _terms_of(self, parts: list[Candidate]) -> dict[str, PartTerms]:
        return load_terms(self.catalog, [part.part_number for part in parts])


def _line(order: Order, line_no: int) -> OrderLine:
    for line in order.lines:
        if line.item.line_no == line_no:
            return line
    raise LineNotFoundError(order.order_id, line_no, [line.item.line_no for line in order.lines])


def _require_actor(actor: str) -> None:
    if not actor or not actor.strip():
        raise InvalidEditError("say who makes the change (actor), for the audit trail")


def _require_priced(order: Order, action: str) -> None:
    """What the customer is told (an acknowledgement, a quotation) needs a part and a price per line."""
    missing = [
        f"line {line.item.line_no}"
        for line in order.lines
        if line.match is None or line.extended_price is None
    ]
    if not order.lines or missing:
        what = ", ".join(missing) or "the order has no lines"
        raise InvalidEditError(f"cannot {action} {order.order_id}: {what} lack a part or a priced quantity")
