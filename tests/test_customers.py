"""Senders become customers: by email domain, then by company name; strangers become prospects."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.customers.directory import CustomerDirectory, CustomerError
from pipeline.customers.names import company_key, email_domains
from pipeline.customers.samples import SAMPLE_CUSTOMERS, load_sample_customers
from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.ledger import Ledger
from pipeline.models import Customer, Document, OrderHeader

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def directory(tmp_path: Path) -> CustomerDirectory:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    load_sample_customers(ledger)
    return CustomerDirectory(ledger)


def _resolve(
    directory: CustomerDirectory, sender: str = "", email: str | None = None, company: str | None = None
):
    document = Document(path="x.txt", text="", content_hash="0" * 64, sender=sender)
    return directory.resolve(document, OrderHeader(customer=Customer(company=company, email=email)))


def test_a_new_ledger_has_no_customers_until_the_samples_are_loaded(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite")
    assert CustomerDirectory(ledger).all() == []
    assert load_sample_customers(ledger) == len(SAMPLE_CUSTOMERS)
    with ledger.transaction() as connection:  # a later change to a customer is kept
        connection.execute("UPDATE customers SET credit_limit = 1 WHERE customer_id = 'C-1002'")
    assert load_sample_customers(ledger) == 0
    directory = CustomerDirectory(ledger)
    assert directory.require("C-1002").credit_limit == 1.0
    customers = directory.all()
    assert [c.customer_id for c in customers] == [row[0] for row in SAMPLE_CUSTOMERS]
    acme = directory.require("C-1001")
    assert (acme.name, acme.email_domains, acme.terms, acme.credit_limit, acme.discount_pct) == (
        "ACME Manufacturing Co.",
        ("acme-manufacturing.com",),
        "NET30",
        100_000,
        3.0,
    )


def test_the_sender_domain_finds_the_customer_even_from_a_subdomain(directory: CustomerDirectory) -> None:
    match = _resolve(directory, sender="John Smith <john.smith@mail.acme-manufacturing.com>")
    assert (match.record.customer_id, match.matched_by, match.new) == ("C-1001", "email_domain", False)


def test_the_email_in_the_signature_counts_when_the_envelope_has_none(directory: CustomerDirectory) -> None:
    match = _resolve(directory, email="sarah.j@techparts.com")
    assert match.record.customer_id == "C-1002"


def test_a_free_mail_sender_is_found_by_company_name(directory: CustomerDirectory) -> None:
    match = _resolve(directory, sender="acme.buyer@gmail.com", company="Acme Mfg")
    assert (match.record.customer_id, match.matched_by) == ("C-1001", "company_name")
    assert match.score >= 0.85


def test_a_similar_but_different_company_is_not_taken_for_a_customer(directory: CustomerDirectory) -> None:
    match = _resolve(directory, sender="buyer@gmail.com", company="Northside Steel Supply")
    assert match.new and match.record.status == "prospect"


def test_an_unknown_sender_is_a_deterministic_prospect_saved_once(directory: CustomerDirectory) -> None:
    first = _resolve(directory, sender="a.weber@eurotech-systems.de", company="EuroTech Systems GmbH")
    again = _resolve(directory, sender="b.klein@eurotech-systems.de", company="EuroTech Systems GmbH")
    assert first.new and first.record.customer_id == again.record.customer_id
    assert (first.record.status, first.record.terms, first.record.credit_limit) == ("prospect", "PREPAY", 0.0)
    assert directory.get(first.record.customer_id) is None  # resolving writes nothing
    directory.save_prospect(first)
    directory.save_prospect(again)
    assert [c.customer_id for c in directory.all(status="prospect")] == [first.record.customer_id]
    known = _resolve(directory, sender="c.wolf@eurotech-systems.de")
    assert (known.record.customer_id, known.matched_by, known.new) == (
        first.record.customer_id,
        "email_domain",
        False,
    )


def test_a_prospect_is_approved_into_an_active_customer(directory: CustomerDirectory) -> None:
    prospect = _resolve(directory, company="New Alloys Ltd")
    directory.save_prospect(prospect)
    approved = directory.approve(
        prospect.record.customer_id, actor="dana", credit_limit=20_000, terms="NET30"
    )
    assert (approved.status, approved.credit_limit, approved.terms) == ("active", 20_000, "NET30")
    assert directory.require(prospect.record.customer_id) == approved
    with pytest.raises(CustomerError, match="already active"):
        directory.approve(prospect.record.customer_id, actor="dana")
    with pytest.raises(CustomerError, match="no customer C-9999"):
        directory.approve("C-9999", actor="dana")


@pytest.mark.parametrize(
    ("sample", "customer_id"),
    [
        ("sample_order_1.txt", "C-1001"),
        ("sample_order_3.txt", "C-1003"),
        ("complex_multi_order.txt", "C-1006"),
        ("urgent_rush_order.txt", "C-1009"),
    ],
)
def test_sample_senders_are_their_customers(
    directory: CustomerDirectory, sample: str, customer_id: str
) -> None:
    document = ingest(sample, (SAMPLES / sample).read_bytes())
    assert directory.resolve(document, extract(document).header).record.customer_id == customer_id


def test_names_and_domains_are_cleaned_for_comparison() -> None:
    assert company_key("ACME Mfg., Inc.") == company_key("Acme Manufacturing Co") == "acme manufacturing"
    assert email_domains("X <a@Acme.COM>", "b@gmail.com", "c@acme.com", None) == ["acme.com"]
