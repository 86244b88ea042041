"""The review page's store, queue and workspace without a browser: real orders in a real ledger.

Actions are taken the way the browser takes them: set a widget's value, press a button
(``clicks += 1`` is what a click sends); then the ledger is asked what was recorded.
"""

from __future__ import annotations

import panel as pn
import pytest
from panel.models.tabulator import CellClickEvent  # what the browser sends when a cell is clicked

from dashboard.components import OrdersQueue, ReviewWorkspace
from dashboard.components.line_editor import LineEditor, parse_dimensions, size_changes
from dashboard.components.order_view import order_header_html
from dashboard.review_html import audit_html, change_summary
from dashboard.review_store import ReviewStore
from tests.conftest import SAMPLES, Desk

HOSTILE = "<script>alert('x')</script>"


def press(button: pn.widgets.Button) -> None:
    button.clicks += 1


def open_workspace(desk: Desk, order_id: str) -> tuple[ReviewStore, ReviewWorkspace]:
    store = ReviewStore(orders=desk.service, actor="rita", order_id=order_id)
    return store, ReviewWorkspace(store=store)


def editor(workspace: ReviewWorkspace, line_no: int) -> LineEditor:
    return next(e for e in workspace.editors if e.line.item.line_no == line_no)


def test_the_queue_lists_orders_by_status_and_a_click_opens_one(desk: Desk) -> None:
    first, second = desk.process("sample_order_1.txt"), desk.process("sample_order_3.txt")
    store = ReviewStore(orders=desk.service)
    queue = OrdersQueue(store=store)
    frame = queue.table.value
    assert set(frame["order_id"]) == {first, second} and store.filter == "Needs review"
    row = frame[frame["order_id"] == first].iloc[0]
    assert row["customer"] == "ACME Manufacturing Co." and row["lines"] == 5
    assert row["value"] == desk.service.get(first).order.totals.total
    assert row["top_reason"] == desk.service.get(first).order.review.reasons[0]

    queue.table._process_event(CellClickEvent(model=None, column="customer", row=int(row.name)))
    assert store.order_id == first and store.stored.order_id == first
    assert queue.table.selection == [int(row.name)]

    desk.service.approve(second, actor="someone", comment="fine")  # elsewhere: the poll sees it
    store.poll()
    assert list(queue.table.value["order_id"]) == [first]
    store.filter = "Approved"
    assert list(queue.table.value["order_id"]) == [second]


def test_failed_jobs_are_listed_with_why(desk: Desk) -> None:
    state = desk.runner.process("broken.pdf", b"%PDF-1.4 not really a pdf")
    store = ReviewStore(orders=desk.service, filter="Failed")
    [row] = store.queue
    assert (row.job_id, row.status, row.order_id) == (state.job_id, "failed", "")
    assert row.top_reason == desk.ledger.job(state.job_id).error != ""


def test_the_email_is_escaped_and_its_evidence_highlighted(desk: Desk) -> None:
    text = (SAMPLES / "sample_order_1.txt").read_text().replace("Hello,", f"Hello, {HOSTILE}")
    order_id = desk.process("hostile.txt", text)
    _, workspace = open_workspace(desk, order_id)
    email = workspace.email.object
    assert "<script>" not in email and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in email
    assert email.count('class="od-ev-line') >= 5  # every line's span is marked
    assert "<script>" not in workspace.summary.object + "".join(
        e.__panel__().objects[0].object for e in workspace.editors
    )


def test_edit_choose_approve_are_recorded_with_the_actor_and_shown(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    store, workspace = open_workspace(desk, order_id)
    line, untouched = editor(workspace, 1), editor(workspace, 3)
    line.quantity.value = 12
    press(line.save)
    assert store.message_kind == "success", store.message
    assert editor(workspace, 1).quantity.value == 12  # re-rendered from the written version
    assert editor(workspace, 3) is untouched  # only the edited line is rebuilt

    number = next(e.line.item.line_no for e in workspace.editors if e.line.alternatives)
    offered = editor(workspace, number).line.alternatives[-1].part_number
    editor(workspace, number).alternative.value = offered
    editor(workspace, number).remember.value = True
    press(editor(workspace, number).choose)
    assert editor(workspace, number).line.match.part_number == offered
    assert (
        editor(workspace, number).alternative.value
        == editor(workspace, number).line.alternatives[0].part_number
    )
    remembered = desk.service.cross_references(store.stored.order.account.customer_id)
    assert [(ref.part_number, ref.kind) for ref in remembered] == [(offered, "wording")]

    workspace.comment.value = "checked with the buyer"
    press(workspace.approve)
    stored = desk.service.get(order_id)
    assert stored.status == "approved" and stored.decision_comment == "checked with the buyer"
    assert stored.order.lines[0].item.quantity == 12
    audit = desk.service.audit_log(order_id)
    assert [(e.action, e.actor) for e in audit] == [
        ("created", "order desk"),
        ("edit_line", "rita"),
        ("choose_alternative", "rita"),
        ("approve", "rita"),
    ]
    shown = workspace.audit.object
    assert shown.count('data-actor="rita"') == 3 and "quantity 10.0 → 12.0" in shown
    assert all(e.save.disabled and e.remove.disabled for e in workspace.editors)  # locked now
    assert workspace.reopen.visible and workspace.approve.disabled


def test_a_stale_version_is_refused_with_a_message_and_the_order_reloaded(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    store, workspace = open_workspace(desk, order_id)
    desk.service.edit_line(order_id, 1, actor="other tab", quantity=3)
    line = editor(workspace, 1)
    line.quantity.value = 20
    press(line.save)
    assert store.message_kind == "warning" and "version 1 → 2" in store.message
    assert workspace.message.visible and "Someone changed" in workspace.message.object
    assert store.stored.version == 2 and editor(workspace, 1).quantity.value == 3
    assert desk.service.get(order_id).order.lines[0].item.quantity == 3  # nothing overwritten


def test_a_change_made_elsewhere_shows_on_the_next_poll(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    store, workspace = open_workspace(desk, order_id)
    desk.service.edit_line(order_id, 1, actor="other tab", quantity=3)
    store.poll()
    assert store.stored.version == 2 and editor(workspace, 1).quantity.value == 3
    assert store.message == f"{order_id} was changed by other tab (edit line); version 2 is shown."
    assert store.queue[0].version == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("size", "thickness 0.125, huge", "is not name=inches"),
        ("grade", "unobtanium", "unknown grade"),
        ("quantity", None, "nothing changed"),  # the inputs as shown: no edit to send
    ],
)
def test_an_invalid_edit_says_what_is_wrong(desk: Desk, field: str, value: object, message: str) -> None:
    order_id = desk.process("sample_order_1.txt")
    store, workspace = open_workspace(desk, order_id)
    line = editor(workspace, 1)
    if value is not None:
        getattr(line, field).value = value
    press(line.save)
    assert store.message_kind in ("warning", "danger") and message in store.message
    assert desk.service.get(order_id).version == 1


def test_a_locked_order_refuses_edits_until_reopened(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    desk.service.approve(order_id, actor="boss")
    store, workspace = open_workspace(desk, order_id)
    assert store.remove_line(1) is False and "cannot change" in store.message
    workspace.comment.value = "customer called"
    press(workspace.reopen)
    assert store.stored.status == "needs_review" and not workspace.reopen.visible
    assert workspace.approve.disabled is False


def test_add_accept_and_remove_lines_and_reject_needs_a_comment(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    store, workspace = open_workspace(desk, order_id)
    workspace.new_line.value = "4 pcs 304 sheet 0.125 x 48 x 96"
    press(workspace.add)
    assert [e.line.item.line_no for e in workspace.editors] == [1, 2, 3, 4, 5, 6]
    assert editor(workspace, 6).line.match is not None and workspace.new_line.value == ""
    blocked = next(e for e in workspace.editors if e.line.gate_reasons and e.line.match)
    press(blocked.accept)
    assert blocked.line.accepted_by == "rita" and blocked.accept.disabled  # shown in place
    press(editor(workspace, 3).remove)
    assert [e.line.item.line_no for e in workspace.editors] == [1, 2, 4, 5, 6]
    press(workspace.reject)
    assert store.stored.status == "needs_review" and "say why" in store.message
    workspace.comment.value = "duplicate of PO 4471"
    press(workspace.reject)
    assert store.stored.status == "rejected"
    assert [e.action for e in store.audit][1:] == ["add_line", "accept_line", "remove_line", "reject"]


def test_an_unknown_order_in_the_url_says_so(desk: Desk) -> None:
    store, workspace = open_workspace(desk, "OD-NOSUCHORDER")
    assert store.stored is None and store.message_kind == "warning"
    assert "no order OD-NOSUCHORDER" in workspace.message.object and not workspace.editors


def test_sizes_read_back_and_diff_as_the_review_api_wants() -> None:
    assert parse_dimensions("thickness=0.125, width 48,  Outer Diameter: 2") == {
        "thickness": 0.125,
        "width": 48.0,
        "outer_diameter": 2.0,
    }
    with pytest.raises(ValueError, match=r"'0\.5 x 2'"):
        parse_dimensions("0.5 x 2")
    assert size_changes({"thickness": 0.125, "length": 96}, {"thickness": 0.25}) == {
        "thickness": 0.25,
        "length": None,
    }


def test_the_audit_trail_says_what_changed_and_escapes_comments(desk: Desk) -> None:
    order_id = desk.process("sample_order_1.txt")
    desk.service.edit_line(order_id, 1, actor="<b>x</b>", quantity=11)
    desk.service.reject(order_id, actor="rita", comment=HOSTILE)
    audit = desk.service.audit_log(order_id)
    assert change_summary(audit[1]) == "quantity 10.0 → 11.0"
    assert change_summary(audit[2]) == "status needs_review → rejected"
    html = audit_html(audit)
    assert "<script>" not in html and "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert html.index('data-action="reject"') < html.index('data-action="created"')  # newest first


def test_the_process_pages_order_links_to_its_review() -> None:
    html = order_header_html({"order_id": "OD-12AB", "review": {"status": "needs_review"}})
    assert '<a class="od-open-review" href="/review?order=OD-12AB">Open in review</a>' in html
