"""The customer master table: find the customer who sent an order, or open a prospect for them.

Matching goes from the surest evidence to the weakest: the sender's email domain (or a parent
domain), then the company name written in the email (fuzzy, so "ACME Mfg." finds "ACME
Manufacturing Co."). A sender nobody knows becomes a prospect — created when the order is saved,
flagged for approval by the quality gates — never silently an existing customer.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from pipeline.config import PricingSettings
from pipeline.customers.names import company_key, email_domains, parent_domains
from pipeline.errors import OrderDeskError
from pipeline.events import utc_now
from pipeline.ledger import Ledger, from_row
from pipeline.models import CustomerAccount, CustomerStatus, Document, OrderHeader

NAME_MATCH_CUTOFF = 85.0  # token-sort ratio of cleaned names; below this two names are not one company


class CustomerError(OrderDeskError):
    """A customer does not exist or cannot be changed as asked."""


@dataclass(frozen=True)
class CustomerRecord:
    customer_id: str
    name: str
    email_domains: tuple[str, ...]
    terms: str
    credit_limit: float
    open_balance: float
    discount_pct: float
    status: CustomerStatus
    created_at: str
    created_by: str

    def account(self, matched_by: str, score: float = 1.0) -> CustomerAccount:
        """The snapshot an order keeps of this customer."""
        return CustomerAccount(
            customer_id=self.customer_id,
            name=self.name,
            status=self.status,
            terms=self.terms,
            credit_limit=self.credit_limit,
            open_balance=self.open_balance,
            discount_pct=self.discount_pct,
            matched_by=matched_by,
            match_score=round(score, 2),
        )


@dataclass(frozen=True)
class CustomerMatch:
    """Who sent an order; ``new`` is a prospect not yet in the ledger (``save_prospect`` adds it)."""

    record: CustomerRecord
    matched_by: str  # email_domain | company_name | new_prospect
    score: float
    new: bool = False

    @property
    def account(self) -> CustomerAccount:
        return self.record.account(self.matched_by, self.score)


_SELECT = (
    "SELECT c.*, group_concat(d.domain, ' ') AS domains FROM customers c"
    " LEFT JOIN customer_domains d USING (customer_id)"
)


class CustomerDirectory:
    """Customers in the ledger: list, look up, match a sender, add prospects, approve them."""

    def __init__(self, ledger: Ledger, pricing: PricingSettings | None = None) -> None:
        self.ledger = ledger
        self.pricing = pricing or PricingSettings()

    def all(self, status: CustomerStatus | None = None) -> list[CustomerRecord]:
        where, params = (" WHERE c.status = ?", (status,)) if status else ("", ())
        sql = f"{_SELECT}{where} GROUP BY c.customer_id ORDER BY c.customer_id"
        return [_record(row) for row in self.ledger.connection().execute(sql, params).fetchall()]

    def get(self, customer_id: str) -> CustomerRecord | None:
        sql = f"{_SELECT} WHERE c.customer_id = ? GROUP BY c.customer_id"
        row = self.ledger.connection().execute(sql, (customer_id,)).fetchone()
        return _record(row) if row else None

    def require(self, customer_id: str) -> CustomerRecord:
        record = self.get(customer_id)
        if record is None:
            raise CustomerError(f"no customer {customer_id}; `python -m pipeline customers list` shows them")
        return record

    def resolve(self, document: Document, header: OrderHeader) -> CustomerMatch:
        """The customer who sent ``document``; read-only (a new prospect is returned unsaved)."""
        domains = email_domains(document.sender, header.customer.email)
        for domain in domains:
            for candidate in parent_domains(domain):
                row = (
                    self.ledger.connection()
                    .execute("SELECT customer_id FROM customer_domains WHERE domain = ?", (candidate,))
                    .fetchone()
                )
                if row:
                    return CustomerMatch(self.require(row["customer_id"]), "email_domain", 1.0)
        by_name = self._by_company_name(header.customer.company)
        if by_name:
            return by_name
        return CustomerMatch(self._prospect(domains, header), "new_prospect", 0.0, new=True)

    def _by_company_name(self, company: str | None) -> CustomerMatch | None:
        key = company_key(company)
        if not key:
            return None
        choices = {record.customer_id: company_key(record.name) for record in self.all()}
        best = process.extractOne(key, choices, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_MATCH_CUTOFF)
        if best is None:
            return None
        return CustomerMatch(self.require(best[2]), "company_name", best[1] / 100)

    def _prospect(self, domains: list[str], header: OrderHeader) -> CustomerRecord:
        """A deterministic prospect: the same unknown sender always gets the same id."""
        name = header.customer.company or (domains[0] if domains else None) or header.customer.contact
        name = name or "Unknown sender"
        identity = domains[0] if domains else company_key(name) or name.lower()
        digest = hashlib.sha256(identity.encode()).hexdigest()[:8].upper()
        return CustomerRecord(
            customer_id=f"P-{digest}",
            name=name,
            email_domains=tuple(domains[:1]),
            terms=self.pricing.prospect_terms,
            credit_limit=0.0,
            open_balance=0.0,
            discount_pct=0.0,
            status="prospect",
            created_at=utc_now().isoformat(),
            created_by="order desk",
        )

    def save_prospect(self, match: CustomerMatch) -> None:
        """Add a new prospect (idempotent: a second writer of the same prospect changes nothing)."""
        if not match.new:
            return
        record = match.record
        with self.ledger.transaction() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO customers (customer_id, name, terms, credit_limit, open_balance,"
                " discount_pct, status, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.customer_id,
                    record.name,
                    record.terms,
                    record.credit_limit,
                    record.open_balance,
                    record.discount_pct,
                    record.status,
                    record.created_at,
                    record.created_by,
                ),
            )
            for domain in record.email_domains:
                connection.execute(
                    "INSERT OR IGNORE INTO customer_domains VALUES (?, ?)", (domain, record.customer_id)
                )

    def assign_domain(self, domain: str, customer_id: str) -> CustomerRecord:
        """Mail from ``domain`` is ``customer_id``'s from now on (a prospect it named keeps its id and
        orders, and no longer claims the domain)."""
        record = self.require(customer_id)
        with self.ledger.transaction() as connection:
            connection.execute(
                "INSERT INTO customer_domains VALUES (?, ?)"
                " ON CONFLICT (domain) DO UPDATE SET customer_id = excluded.customer_id",
                (domain.lower(), customer_id),
            )
        return replace(record, email_domains=tuple(sorted({*record.email_domains, domain.lower()})))

    def approve(
        self, customer_id: str, *, actor: str, credit_limit: float | None = None, terms: str | None = None
    ) -> CustomerRecord:
        """Make a prospect (or a customer on hold) an active customer."""
        record = self.require(customer_id)
        if record.status == "active":
            raise CustomerError(f"customer {customer_id} is already active")
        changed = replace(
            record,
            status="active",
            credit_limit=record.credit_limit if credit_limit is None else credit_limit,
            terms=terms or record.terms,
        )
        with self.ledger.transaction() as connection:
            connection.execute(
                "UPDATE customers SET status = ?, credit_limit = ?, terms = ?, approved_by = ?,"
                " approved_at = ? WHERE customer_id = ?",
                (
                    changed.status,
                    changed.credit_limit,
                    changed.terms,
                    actor,
                    utc_now().isoformat(),
                    customer_id,
                ),
            )
        return changed


def _record(row: sqlite3.Row) -> CustomerRecord:
    return from_row(CustomerRecord, row, email_domains=tuple(sorted((row["domains"] or "").split())))
