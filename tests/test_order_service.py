"""The review API: every action changes a copy, re-prices and re-checks it, and leaves one audit row."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import pytest

from pipeline.orders import (
    InvalidEditError,
    LineNotFoundError,
    OrderConflictError,
    OrderLockedError,
    OrderNotFoundError,
)

if TYPE_CHECKING:
    from conftest import Desk


@pytest.fixture
def order_id(desk: Desk) -> str:
    return desk.process("sample_order_1.txt")


def test_a_processed_order_is_stored_with_its_lines_and_a_creation_entry(desk: Desk, order_id: str) -> None:
    stored = desk.service.get(order_id)
    assert (stored.status, stored.version, stored.locked) == ("needs_review", 1, False)
    rows = desk.ledger.connection().execute(
        "SELECT line_no, part_number, extended_price, passed FROM order_lines WHERE order_id = ? ORDER BY 1",
        (order_id,),
    )
    assert [tuple(row) for row in rows] == [
        (line.item.line_no, line.match.part_number, line.extended_price, int(not line.gate_reasons))
        for line in stored.order.lines
    ]
    [entry] = desk.service.audit_log(order_id)
    assert (entry.version, entry.actor, entry.action, entry.before) == (1, "order desk", "created", None)
    assert entry.after["status"] == "needs_review"
    summary = desk.service.list_orders(status="needs_review")
    assert [(s.order_id, s.customer_name) for s in summary] == [(order_id, "ACME Manufacturing Co.")]


def test_editing_the_quantity_reprices_rechecks_and_audits_who_when_before_after(
    desk: Desk, order_id: str
) -> None:
    before = desk.service.get(order_id)
    line = next(line for line in before.order.lines if line.gate_reasons)  # short of stock
    on_hand = line.availability.on_hand
    per_piece = line.sold_quantity / line.item.quantity
    fits = max(1, int(on_hand // per_piece))
    after = desk.service.edit_line(order_id, line.item.line_no, actor="ann", quantity=fits)
    edited = next(x for x in after.order.lines if x.item.line_no == line.item.line_no)
    assert edited.item.quantity == fits and edited.match.part_number == line.match.part_number
    assert edited.availability.status == "in_stock" and not edited.gate_reasons
    assert edited.extended_price == round(edited.unit_price * edited.sold_quantity, 2)
    assert after.order.totals.subtotal == round(sum(x.extended_price for x in after.order.lines), 2)
    assert (after.version, after.status) == (2, "needs_review")  # a person owns it now
    entry = desk.service.audit_log(order_id)[-1]
    assert (entry.version, entry.actor, entry.action, entry.line_no) == (
        2,
        "ann",
        "edit_line",
        line.item.line_no,
    )
    assert entry.before["quantity"] == line.item.quantity and entry.after["quantity"] == fits
    assert entry.at == after.updated_at


def test_changing_the_grade_rematches_the_line(desk: Desk, order_id: str) -> None:
    line = desk.service.get(order_id).order.lines[0]  # 304 sheet
    after = desk.service.edit_line(order_id, line.item.line_no, actor="ann", grade="316L")
    edited = after.order.lines[0]
    assert (edited.item.grade, edited.item.material) == ("316L", "stainless_steel")
    assert edited.match.grade == "316L" and edited.match.part_number != line.match.part_number
    assert edited.match.confidence >= 0.9 and edited.match.match_kind == "exact"


def test_choosing_an_alternative_swaps_parts_and_the_gates_judge_it(desk: Desk, order_id: str) -> None:
    line = next(line for line in desk.service.get(order_id).order.lines if line.alternatives)
    alternative = line.alternatives[0]
    after = desk.service.choose_alternative(order_id, line.item.line_no, alternative.part_number, actor="bob")
    chosen = next(x for x in after.order.lines if x.item.line_no == line.item.line_no)
    assert chosen.match.part_number == alternative.part_number and chosen.accepted_by is None
    assert line.match.part_number in [a.part_number for a in chosen.alternatives]
    assert chosen.unit_price == alternative.unit_price
    assert chosen.match.confidence == alternative.confidence  # scored again for the same line: the same
    stopped = chosen.match.confidence < 0.9 or chosen.availability.status != "in_stock"
    assert bool(chosen.gate_reasons) == stopped  # a choice is not an acceptance
    assert desk.service.audit_log(order_id)[-1].after["listed"] is True


def test_any_catalog_part_can_be_assigned_and_unknown_parts_are_refused(desk: Desk, order_id: str) -> None:
    part = desk.runner.catalog.rows("SELECT part_number FROM parts WHERE form = 'plate' LIMIT 1")[0][
        "part_number"
    ]
    after = desk.service.choose_alternative(order_id, 3, part, actor="bob")
    assert after.order.lines[2].match.part_number == part and after.order.lines[2].accepted_by is None
    assert desk.service.audit_log(order_id)[-1].after["listed"] is False
    with pytest.raises(InvalidEditError, match="no catalog part XX-1"):
        desk.service.choose_alternative(order_id, 3, "XX-1", actor="bob")


def test_lines_are_added_matched_and_removed(desk: Desk, order_id: str) -> None:
    added = desk.service.add_line(order_id, "6 pcs 316L round tube 1.5 OD x .065 wall x 48", actor="cy")
    new = added.order.lines[-1]
    assert new.item.line_no == 6 and new.item.quantity == 6
    assert new.match is not None and new.match.grade == "316L" and new.match.form == "tube_round"
    assert new.item.span is None and new.item.evidence == {}  # not text of the email
    removed = desk.service.remove_line(order_id, 2, actor="cy", comment="customer dropped it")
    assert [line.item.line_no for line in removed.order.lines] == [1, 3, 4, 5, 6]
    entries = desk.service.audit_log(order_id)
    assert [(e.action, e.line_no) for e in entries[-2:]] == [("add_line", None), ("remove_line", 2)]
    assert entries[-1].after is None and entries[-1].before["line_no"] == 2
    assert entries[-1].comment == "customer dropped it"


def test_approval_locks_the_order_until_an_audited_reopen(desk: Desk, order_id: str) -> None:
    approved = desk.service.approve(order_id, actor="dana", comment="stock confirmed by phone")
    assert (approved.status, approved.decided_by, approved.locked) == ("approved", "dana", True)
    assert approved.order.review.status == "approved"
    entry = desk.service.audit_log(order_id)[-1]
    assert entry.action == "approve" and entry.before["open_reasons"]  # what was approved over
    with pytest.raises(OrderLockedError, match="is approved and cannot change"):
        desk.service.edit_line(order_id, 1, actor="eve", quantity=1)
    with pytest.raises(OrderLockedError):
        desk.service.approve(order_id, actor="eve")
    assert desk.service.get(order_id).version == approved.version  # nothing changed silently
    reopened = desk.service.reopen(order_id, actor="dana", comment="customer called")
    assert (reopened.status, reopened.decided_by) == ("needs_review", None)
    desk.service.edit_line(order_id, 1, actor="eve", quantity=1)


def test_a_rejection_needs_a_reason(desk: Desk, order_id: str) -> None:
    with pytest.raises(InvalidEditError, match="say why"):
        desk.service.reject(order_id, actor="dana", comment=" ")
    rejected = desk.service.reject(order_id, actor="dana", comment="duplicate of PO 4471")
    assert (rejected.status, rejected.decision_comment) == ("rejected", "duplicate of PO 4471")


def test_an_order_with_an_unmatched_line_cannot_be_approved(desk: Desk) -> None:
    order_id = desk.process("sample_order_2.txt")  # screws and bearings: not catalog products
    with pytest.raises(InvalidEditError, match="lack a part or a priced quantity"):
        desk.service.approve(order_id, actor="dana")
    assert desk.service.get(order_id).status == "needs_review"


def test_a_stale_version_is_refused_instead_of_overwriting(desk: Desk, order_id: str) -> None:
    desk.service.accept_line(order_id, 1, actor="ann", expected_version=1)
    with pytest.raises(OrderConflictError, match="changed since version 1 \\(now 2\\)"):
        desk.service.accept_line(order_id, 2, actor="bob", expected_version=1)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"grade": "unobtainium"}, "unknown grade 'unobtainium'"),
        ({"form": "bar_rond"}, "did you mean bar_round"),
        ({"dimensions": {"lenght": 12.0}}, "did you mean length"),
        ({"dimensions": {"length": -1.0}}, "must be positive"),
        ({"quantity": 0}, "quantity must be positive"),
        ({"uom": "KG"}, "unknown unit 'KG'"),
        ({}, "nothing to change"),
    ],
)
def test_bad_edits_are_refused_with_what_to_do(desk: Desk, order_id: str, edit: dict, message: str) -> None:
    with pytest.raises(InvalidEditError, match=message):
        desk.service.edit_line(order_id, 1, actor="ann", **edit)
    assert desk.service.get(order_id).version == 1


def test_unknown_orders_lines_and_anonymous_actors_are_refused(desk: Desk, order_id: str) -> None:
    with pytest.raises(OrderNotFoundError, match="no order OD-NOPE"):
        desk.service.get("OD-NOPE")
    with pytest.raises(OrderNotFoundError):
        desk.service.audit_log("OD-NOPE")
    with pytest.raises(LineNotFoundError, match=r"has no line 9; its lines are \[1, 2, 3, 4, 5\]"):
        desk.service.accept_line(order_id, 9, actor="ann")
    with pytest.raises(InvalidEditError, match="say who makes the change"):
        desk.service.accept_line(order_id, 1, actor="")


def test_reprocessing_keeps_an_approved_order_and_replaces_one_in_review(desk: Desk, order_id: str) -> None:
    desk.service.edit_line(order_id, 1, actor="ann", quantity=2)
    desk.process("sample_order_1.txt", force=True)
    replaced = desk.service.get(order_id)
    assert replaced.order.lines[0].item.quantity == 10  # the email says 10
    last = desk.service.audit_log(order_id)[-1]
    assert last.action == "reprocessed"
    # the order as it stood before the re-run, in brief (read from its columns, not decoded whole)
    assert last.before["lines"] == [
        line.match.part_number if line.match else None for line in replaced.order.lines
    ]
    assert last.before["status"] == "needs_review" and last.before["reason_codes"]
    desk.service.approve(order_id, actor="dana")
    version = desk.service.get(order_id).version
    desk.process("sample_order_1.txt", force=True)
    kept = desk.service.get(order_id)
    assert (kept.status, kept.version) == ("approved", version)
    statuses = desk.service.store.statuses_by_content([kept.content_hash, "0" * 64])
    assert statuses == {kept.content_hash: "approved"}


def test_threads_of_one_process_edit_the_same_order_without_losing_an_edit(desk: Desk, order_id: str) -> None:
    def edits(actor: str) -> None:
        for quantity in range(1, 6):
            desk.service.edit_line(order_id, 1, actor=actor, quantity=quantity)

    threads = [threading.Thread(target=edits, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    entries = desk.service.audit_log(order_id)
    assert [entry.version for entry in entries] == list(range(1, 22))
    assert sorted(entry.actor for entry in entries[1:]) == sorted(f"t{n}" for n in range(4) for _ in range(5))
    assert desk.service.get(order_id).version == 21


def test_a_new_quantity_pulls_new_stock_pieces_and_sells_them(desk: Desk, order_id: str) -> None:
    before = desk.service.get(order_id).order.lines[0]  # 10 sheets of 304, 48" x 96", sold as is
    assert (before.item.quantity, before.sold_quantity, before.match.cut.pieces_to_pull) == (10, 10, 10)
    after = desk.service.edit_line(order_id, 1, actor="ann", quantity=12).order.lines[0]
    assert after.match.part_number == before.match.part_number
    assert (after.sold_quantity, after.match.cut.pieces_to_pull) == (12, 12)
    assert after.extended_price == round(after.unit_price * 12, 2)
