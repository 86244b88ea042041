"""Review that is safe to approve (issue 15, part 3), through the review API on the full catalog:
a prospect's order is not approved or exported until its customer is settled; every edit or
choice re-plans cut, stock and price so the reasons, the quantity billed and the quantity pulled
agree; a request for quote stays a quote; a refused finish is never picked at full confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.context import open_order_service, open_runner
from pipeline.customers.samples import load_sample_customers
from pipeline.erp import adapter_from_settings
from pipeline.erp.exporter import ErpExporter
from pipeline.models import OrderLine
from pipeline.orders import (
    CustomerNotApprovedError,
    InvalidEditError,
    OrderService,
    QuoteNotOrderError,
)
from tests.review_emails import PROSPECT_ORDER, QUOTE_REQUEST, STICKS_AND_NOTES, email


class FullDesk:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.runner = open_runner(settings)
        load_sample_customers(self.runner.ledger)  # ACME (C-1001), Global Fabrication (C-1004) …
        self.service: OrderService = open_order_service(runner=self.runner)

    def process(self, template: str) -> str:
        state = self.runner.process("email.txt", email(template).encode())
        assert state.order is not None
        return state.order.order_id

    def line(self, order_id: str, line_no: int) -> OrderLine:
        return next(line for line in self.service.get(order_id).order.lines if line.item.line_no == line_no)

    def accept_all(self, order_id: str) -> None:
        for line in self.service.get(order_id).order.lines:
            if line.gate_reasons:
                self.service.accept_line(order_id, line.item.line_no, actor="ann")


@pytest.fixture
def desk(full_catalog_path: Path, tmp_path: Path) -> FullDesk:
    return FullDesk(
        Settings(data_dir=tmp_path, catalog_path=full_catalog_path, ledger_path=tmp_path / "l.sqlite")
    )


def test_a_prospects_order_is_not_approved_or_exported_until_its_customer_is_approved(desk: FullDesk) -> None:
    order_id = desk.process(PROSPECT_ORDER)
    stored = desk.service.get(order_id)
    assert stored.order.account.status == "prospect" and stored.order.account.terms == "PREPAY"
    assert "new_customer" in [reason.code for reason in stored.order.review.details]
    desk.accept_all(order_id)
    with pytest.raises(
        CustomerNotApprovedError, match=r"Quarry Lane Works \(P-\w+\) is a new customer on PREPAY"
    ):
        desk.service.approve(order_id, actor="dana")
    assert desk.service.get(order_id).status == "needs_review"

    approved = desk.service.approve_customer(order_id, actor="dana", terms="net30", credit_limit=20_000)
    assert (approved.order.account.status, approved.order.account.terms) == ("active", "NET30")
    assert "new_customer" not in [reason.code for reason in approved.order.review.details]
    assert desk.service.audit_log(order_id)[-1].action == "approve_customer"
    assert desk.service.approve(order_id, actor="dana").status == "approved"
    with pytest.raises(InvalidEditError, match="already approved"):
        desk.service.reopen(order_id, actor="dana", comment="again")
        desk.service.approve_customer(order_id, actor="dana")


def test_the_email_can_be_assigned_to_an_existing_customer_and_their_next_mail_is_theirs(
    desk: FullDesk,
) -> None:
    order_id = desk.process(PROSPECT_ORDER)
    with pytest.raises(InvalidEditError, match="no customer 'C-9999'"):
        desk.service.assign_customer(order_id, "C-9999", actor="dana")
    assert "Global Fabrication Inc (C-1004)" in desk.service.customer_choices()
    assigned = desk.service.assign_customer(order_id, "C-1004", actor="dana")
    assert (assigned.order.account.customer_id, assigned.order.account.matched_by) == ("C-1004", "assigned")
    entry = desk.service.audit_log(order_id)[-1]
    assert entry.action == "assign_customer" and entry.after["email_domain"] == "quarry-lane-works.com"
    desk.accept_all(order_id)
    assert desk.service.approve(order_id, actor="dana").status == "approved"
    later = desk.service.get(desk.process(PROSPECT_ORDER)).order  # the same sender, another email
    assert (later.account.customer_id, later.account.matched_by) == ("C-1004", "email_domain")


def test_export_refuses_an_approved_order_whose_customer_is_no_longer_approved(desk: FullDesk) -> None:
    order_id = desk.process(PROSPECT_ORDER)
    desk.accept_all(order_id)
    desk.service.approve_customer(order_id, actor="dana")
    desk.service.approve(order_id, actor="dana")
    with desk.runner.ledger.transaction() as connection:  # put on hold after the approval
        customer = desk.service.get(order_id).order.account.customer_id
        connection.execute("UPDATE customers SET status = 'on_hold' WHERE customer_id = ?", (customer,))
    exporter = ErpExporter(desk.runner.ledger, adapter_from_settings(desk.settings))
    with pytest.raises(CustomerNotApprovedError, match=r"cannot export .* is on hold"):
        exporter.export(order_id, actor="dana")
    assert exporter.submission(order_id) is None and desk.service.get(order_id).status == "approved"


def test_a_request_for_quote_is_kept_as_a_quote_until_converted(desk: FullDesk) -> None:
    order_id = desk.process(QUOTE_REQUEST)
    stored = desk.service.get(order_id)
    assert stored.order.header.kind == "quote" and stored.to_dict()["kind_words"] == "request for quote"
    assert stored.status == "needs_review"  # every line passes, the customer too: never auto-approved
    assert [reason.code for reason in stored.order.review.details] == ["quote_requested"]
    assert desk.service.list_orders()[0].kind == "quote"
    with pytest.raises(QuoteNotOrderError, match=r"request for quote \(RFQ 2291\)"):
        desk.service.approve(order_id, actor="dana")
    converted = desk.service.convert_to_order(order_id, actor="dana", comment="PO 5512 by phone")
    assert converted.order.header.kind == "order" and not converted.order.review.details
    approved = desk.service.approve(order_id, actor="dana")
    sent = ErpExporter(desk.runner.ledger, adapter_from_settings(desk.settings)).export(
        order_id, actor="dana"
    )
    assert approved.status == "approved" and sent.status == "submitted"


def test_choosing_an_alternative_replans_and_never_accepts_the_line(desk: FullDesk) -> None:
    order_id = desk.process(STICKS_AND_NOTES)
    line = desk.line(order_id, 1)  # 16 pieces of 25 ft: one from each 40 ft stick
    assert (line.sold_quantity, line.pulled_quantity) == (640.0, 640.0)
    galvanized = next(alt for alt in line.alternatives if "GALV" in alt.part_number)
    desk.service.choose_alternative(order_id, 1, galvanized.part_number, actor="ann")
    chosen = desk.line(order_id, 1)
    assert chosen.match.part_number == galvanized.part_number and chosen.accepted_by is None
    assert chosen.match.cut.pieces_to_pull == 16 and chosen.pulled_quantity == chosen.sold_quantity == 640
    stock = chosen.availability
    assert stock.status in ("partial", "backorder") and stock.ship_now + stock.backorder == 640
    codes = [reason.code for reason in chosen.gate_reasons]
    assert stock.status in codes and "low_confidence" in codes  # galvanized was refused
    assert any("pull 16 (640 ft) for 16" in reason for reason in chosen.match.reasons)
    assert any(f"{stock.on_hand:g} FT in stock" in reason.message for reason in chosen.gate_reasons)


def test_a_quantity_or_unit_edit_changes_the_cut_the_price_and_the_reasons_with_it(desk: FullDesk) -> None:
    order_id = desk.process(STICKS_AND_NOTES)
    desk.service.accept_line(order_id, 1, actor="ann")
    desk.service.edit_line(order_id, 1, actor="ann", quantity=10)
    line = desk.line(order_id, 1)
    assert line.accepted_by is None and line.match.cut.pieces_to_pull == 10
    assert (line.sold_quantity, line.pulled_quantity) == (400.0, 400.0)
    assert any("pull 10 (400 ft) for 10" in reason for reason in line.match.reasons)
    assert not any("for 16" in reason for reason in line.match.reasons)

    two = desk.line(order_id, 2)
    assert (two.item.uom, two.sold_quantity) == ("EA", 200.0)
    desk.service.edit_line(order_id, 2, actor="ann", quantity=130, uom="FT")
    feet = desk.line(order_id, 2)
    assert feet.item.uom == "FT" and feet.sold_quantity == 140  # whole 20 ft lengths
    assert feet.extended_price == round(140 * feet.unit_price, 2)
    desk.service.edit_line(order_id, 2, actor="ann", quantity=500, uom="lb")
    pounds = desk.line(order_id, 2)
    assert pounds.item.uom == "LB" and pounds.sold_quantity is not None and pounds.sold_quantity % 20 == 0
    assert pounds.sold_quantity != feet.sold_quantity and pounds.extended_price > 0
    with pytest.raises(InvalidEditError, match=r"unknown unit .* pounds \(LB\)"):
        desk.service.edit_line(order_id, 2, actor="ann", uom="KG")


def test_a_refused_finish_is_never_picked_and_the_notes_reach_the_lines(desk: FullDesk) -> None:
    stored = desk.service.get(desk.process(STICKS_AND_NOTES))
    for line in stored.order.lines:
        [note] = [note for note in line.item.specs if note.kind == "finish"]
        assert (note.value, note.refused, note.text) == ("galvanized", True, "Galvanized not required")
        assert "GALV" not in line.match.part_number and line.match.confidence >= 0.9
        assert all(alt.confidence <= 0.4 for alt in line.alternatives if "GALV" in alt.part_number)
    assert stored.order.header.certifications == ["MTR"]
    as_json = stored.to_dict()["lines"][0]["specs"]
    note = {"kind": "finish", "text": "Galvanized not required", "value": "galvanized", "refused": True}
    assert [{key: value for key, value in found.items() if key != "span"} for found in as_json] == [note]
    start, end = as_json[0]["span"]
    assert stored.order.document.text[start:end] == "Galvanized"
