"""Who an order is for, as the review API checks it: only an approved customer's order is approved
or exported, and a reviewer settles the customer on the order itself.

An order keeps a snapshot of its customer (``Order.account``); the customer master may have
changed since (a prospect approved from another order or the command line, a customer put on
hold), so every check reads the master again. The changes here are ``OrderService`` changes:
each returns (before, after) for the order's audit row.
"""

from __future__ import annotations

from typing import Any

from pipeline.customers.directory import CustomerDirectory, CustomerError
from pipeline.customers.names import email_domains
from pipeline.models import CustomerAccount, Order
from pipeline.orders.errors import InvalidEditError

ASSIGNED = "assigned"  # ``CustomerAccount.matched_by`` of a customer a reviewer chose


def current_account(directory: CustomerDirectory, account: CustomerAccount | None) -> CustomerAccount | None:
    """``account`` as the customer master holds it now (how it was found is kept)."""
    if account is None:
        return None
    record = directory.get(account.customer_id)
    return account if record is None else record.account(account.matched_by, account.match_score)


def why_not_approved(account: CustomerAccount | None) -> str | None:
    """Why ``account`` may not be sent an order yet, in words; None for an active customer."""
    if account is None:
        return "the sender is not a known customer"
    who = f"{account.name} ({account.customer_id})"
    if account.status == "prospect":
        return f"{who} is a new customer on {account.terms} terms, not yet approved"
    if account.status == "on_hold":
        return f"{who} is on hold"
    return None


def _summary(account: CustomerAccount | None) -> dict[str, Any] | None:
    if account is None:
        return None
    return {
        "customer_id": account.customer_id,
        "name": account.name,
        "status": account.status,
        "terms": account.terms,
        "credit_limit": account.credit_limit,
    }


def approve_customer(
    directory: CustomerDirectory,
    order: Order,
    actor: str,
    credit_limit: float | None = None,
    terms: str | None = None,
) -> tuple[Any, Any]:
    """Make the order's customer (a prospect, or one on hold) an active customer."""
    if order.account is None:
        raise InvalidEditError(
            f"{order.order_id} has no customer to approve; assign the email to an existing customer"
        )
    if credit_limit is not None and not 0 <= credit_limit < 1e12:
        raise InvalidEditError(f"credit limit must be a positive amount, not {credit_limit!r}")
    before = current_account(directory, order.account)
    if before is not None and before.status == "active":
        raise InvalidEditError(f"customer {before.name} ({before.customer_id}) is already approved")
    try:
        directory.approve(
            order.account.customer_id,
            actor=actor,
            credit_limit=credit_limit,
            terms=(terms or "").strip().upper() or None,
        )
    except CustomerError as error:
        raise InvalidEditError(str(error)) from error
    order.account = current_account(directory, order.account)
    return _summary(before), _summary(order.account)


def assign_customer(directory: CustomerDirectory, order: Order, customer_id: str) -> tuple[Any, Any]:
    """The order is ``customer_id``'s, and so is its sender's email domain from now on."""
    record = directory.get(customer_id.strip())
    if record is None:
        raise InvalidEditError(f"no customer {customer_id!r}; pick one from the customer list")
    before = _summary(order.account)
    domains = email_domains(order.document.sender, order.header.customer.email)
    if domains:
        directory.assign_domain(domains[0], record.customer_id)
    order.account = record.account(ASSIGNED)
    return before, _summary(order.account) | {"email_domain": domains[0] if domains else None}


def customer_choices(directory: CustomerDirectory) -> dict[str, str]:
    """Approved customers an email can be assigned to: "name (id)" -> id."""
    return {f"{record.name} ({record.customer_id})": record.customer_id for record in directory.all("active")}
