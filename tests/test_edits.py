"""A reply that changes the quoted order by difference, applied to the line it names."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.edits import find_edits
from pipeline.ingest.document import build_document
from pipeline.models import Extraction

QUOTED = (
    "\n\nThanks\nSam\n\n-----Original Message-----\nFrom: Desk <desk@supplier.example>\n"
    "Subject: your order\n\nConfirming your PO 7710:\n\n"
    '1) 5 pcs 6061-T6 plate 1/4" x 24" x 36"\n'
    "2) 8 pcs A36 angle 3 x 3 x 1/4 x 20'\n"
    '3) 2 pcs 4140 round bar 2" dia x 24"\n'
)


def _extract(reply: str) -> Extraction:
    text = reply + QUOTED
    return extract(build_document("reply.txt", text.encode(), text))


def _rows(extraction: Extraction) -> list[tuple]:
    return [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in extraction.lines]


def test_a_size_change_a_removal_and_a_new_count_are_applied_to_the_lines_they_name() -> None:
    result = _extract("Make the 1/4 plate 3/8 instead, drop the angle, and bump the 4140 to 4 pcs.")
    assert _rows(result) == [
        (5, "6061", "plate", {"thickness": 0.375, "width": 24.0, "length": 36.0}),
        (4, "4140", "bar_round", {"diameter": 2.0, "length": 24.0}),
    ]
    assert result.lines[0].revisions == ['thickness was 0.25"'] and result.lines[1].revisions == [
        "quantity was 2"
    ]
    assert all("thread_change_unread" not in line.flags for line in result.lines)


def test_more_of_a_line_and_a_new_item_in_the_same_reply() -> None:
    result = _extract("Add 2 more of the angle. Also add one more item: 3 pcs 304 sheet 0.060 x 48 x 96.")
    assert [(row[0], row[1], row[2]) for row in _rows(result)] == [
        (5, "6061", "plate"),
        (10, "A36", "angle"),
        (2, "4140", "bar_round"),
        (3, "304", "sheet"),
    ]


def test_an_edit_that_names_no_quoted_line_flags_the_order_instead_of_guessing() -> None:
    result = _extract("Drop the angle and make the hex bar 1-1/4 please.")
    assert [row[2] for row in _rows(result)] == ["plate", "bar_round"]
    assert all("thread_change_unread" in line.flags for line in result.lines)


def test_a_passive_change_of_count() -> None:
    result = _extract("Spoke to Jim - he wants the 4140 bumped to 5 pcs, everything else as below.")
    assert [(row[0], row[1]) for row in _rows(result)] == [(5, "6061"), (8, "A36"), (5, "4140")]


def test_edits_of_an_order_quoted_with_chevrons_only() -> None:
    text = (
        "couple changes to the PO:\n- make the 3/8 plate 1/2\n- add 2 more sheets of the 14 ga\n\n"
        '> 2 - 3/8" x 48" x 120" A36 plate\n> 5 - 14 ga HR sheet 48 x 120 A1011\n'
    )
    lines = extract(build_document("r.txt", text.encode(), text)).lines
    assert [(line.quantity, line.dimensions.get("thickness")) for line in lines] == [(2, 0.5), (7, 0.0747)]


def test_lines_named_by_their_number_and_a_quote_s_line_labels_are_not_counts() -> None:
    text = (
        "We'd like to proceed with two changes:\n - please drop line 3 (the 304 rod)\n"
        " - change line 2 to 6 pcs instead of 4\n\nBest,\nPriya\n\n-----Original Message-----\n"
        "From: Desk <desk@supplier.example>\nSubject: Quote Q25-3391\n\nSee below:\n\n"
        'Line 1   6061-T651 plate 1.000" x 12" x 12"          4 pcs    $118.40/ea\n'
        'Line 2   7075-T651 plate 0.500" x 6" x 12"           4 pcs    $ 64.10/ea\n'
        "Line 3   304 round 3/8\" x 12'                        10 pcs   $ 22.80/ea\n"
    )
    result = extract(build_document("reply.txt", text.encode(), text))
    assert [(line.quantity, line.grade, line.revisions) for line in result.lines] == [
        (4, "6061", []),
        (6, "7075", ["quantity was 4"]),
    ]


def test_hold_off_on_a_line_and_a_change_no_edit_reads_flags_the_order() -> None:
    result = _extract("Hold off on the angle for now. The 4140 is fine, make it 4 then.")
    assert [line.grade for line in result.lines] == ["6061", "4140"]
    assert all("thread_change_unread" in line.flags for line in result.lines)


def test_a_forward_of_a_customer_s_reply_orders_what_the_reply_changed() -> None:
    """The desk forwards a thread: the customer's reply edits his own list below it, oldest last."""
    text = (
        "Jo, please enter this one for Brandt - quote Q-5120 pricing.\n\nKim | Inside Sales\n\n"
        "From: Al Brandt <al@brandtfab.example>\nSent: Thursday, May 7, 2026 9:12 AM\nTo: Kim\n"
        "Subject: RE: tube and plate\n\n"
        "Kim, bump the tube to 9 sticks, change the 6061 plate to 5052 and forget the angle.\n\nAl\n\n"
        "From: Al Brandt <al@brandtfab.example>\nSent: Wednesday, May 6, 2026 3:40 PM\nTo: Kim\n"
        "Subject: tube and plate\n\n"
        '6 sticks 2" sch 40 304 pipe, 21\'\n2 pcs 6061 plate 1/4" x 24 x 48\n'
        "4 pcs A36 angle 2 x 2 x 1/4 x 20'\n"
    )
    result = extract(build_document("fw.txt", text.encode(), text))
    assert [(row[0], row[1], row[2]) for row in _rows(result)] == [
        (9, "304", "tube_round"),
        (2, "5052", "plate"),
    ]
    assert [line.revisions for line in result.lines] == [["quantity was 6"], ["grade was 6061"]]


def test_a_thread_of_changes_is_applied_oldest_first_with_sizes_named_by_what_they_measure() -> None:
    """A later reply sets a wall back and names a count as "make it N pcs of the …"."""
    text = (
        'Go back to 3/16 wall on the 4x4 after all, and make it 12 pcs of the 1" round, not 10. '
        "Everything else per the PO.\n\nDee\n\n"
        "From: Dee\nSent: Tuesday, June 2, 2026 8:00 AM\nTo: Sales\nSubject: RE: PO 7781\n\n"
        "Change the 4x4 tube to 1/4 wall, and drop the 12 ga sheet.\n\n"
        "From: Dee\nSent: Monday, June 1, 2026 4:00 PM\nTo: Sales\nSubject: PO 7781\n\n"
        "4 pcs HSS 4x4x1/8 A500 x 24'\n10 pcs 1\" 1018 round bar x 12'\n3 sheets 12 ga A1011 48 x 96\n"
    )
    result = extract(build_document("re.txt", text.encode(), text))
    assert _rows(result) == [
        (4, "A500", "tube_square", {"side": 4.0, "wall_thickness": 0.1875, "length": 288.0}),
        (12, "1018", "bar_round", {"diameter": 1.0, "length": 144.0}),
    ]


def test_same_as_last_order_but_one_count_changed() -> None:
    result = _extract(
        "Same as last order but 7 pcs of the 1/4 plate instead of 5, rest the same. New PO 7790."
    )
    assert [(row[0], row[1]) for row in _rows(result)] == [(7, "6061"), (8, "A36"), (2, "4140")]
    assert result.lines[0].revisions == ["quantity was 5"]


def test_a_reply_with_a_change_no_edit_reads_keeps_the_quoted_order_flagged() -> None:
    """Nothing of the order may vanish because a change was phrased in a way no edit reads."""
    result = _extract("Scratch my last note - swap things around as we discussed on the phone.")
    assert [row[1] for row in _rows(result)] == ["6061", "A36", "4140"]
    assert all("thread_change_unread" in line.flags for line in result.lines)


def test_a_message_that_adds_a_forgotten_item_keeps_the_order_before_it() -> None:
    text = (
        "Correction - the hex should be 10 pcs not 6. Rest is fine.\nEd\n\n-----Original Message-----\n"
        "From: Ed\nSent: Monday, April 8, 2024 9:20 AM\nTo: Gina\nSubject: RE: PO 9921\n\n"
        "Forgot one - also 4 pcs 1/2 x 1 1018 CF flat 12'\n\n-----Original Message-----\n"
        "From: Ed\nSent: Monday, April 8, 2024 8:57 AM\nTo: Gina\nSubject: PO 9921\n\n"
        "Gina, please enter on PO 9921:\n6 pcs 1-1/4 hex 12L14 12'\n2 pcs 1-1/2 rd 1018 CF 12'\n"
    )
    result = extract(build_document("re.txt", text.encode(), text))
    assert [(row[0], row[2]) for row in _rows(result)] == [
        (10, "bar_hex"),
        (2, "bar_round"),
        (4, "bar_rectangular"),
    ]


def test_a_quoted_order_and_the_item_a_later_message_added_are_numbered_as_one_order() -> None:
    # the reply only approves; the order is the first message's items plus the one added after it
    text = (
        "Please go ahead with the order below.\nMaria\n\n-----Original Message-----\n"
        "From: Maria\nSent: Tuesday, May 7, 2024 10:02 AM\nTo: Desk\nSubject: RE: PO 5530\n\n"
        "Forgot one - also add 2 pcs 4\" sch 80 A106 pipe x 21'\n\n-----Original Message-----\n"
        "From: Maria\nSent: Tuesday, May 7, 2024 9:40 AM\nTo: Desk\nSubject: PO 5530\n\n"
        "PO 5530, please ship:\n3 pcs AR400 plate 1/2 x 48 x 96\n2 pcs AR500 plate 3/8 x 48 x 96\n"
    )
    result = extract(build_document("approve.txt", text.encode(), text))
    assert [(line.line_no, line.grade) for line in result.lines] == [(1, "AR400"), (2, "AR500"), (3, "A106")]


def test_a_forward_that_does_not_need_a_numbered_item_of_the_list_below() -> None:
    text = (
        "Hi Mark,\n\nPlease quote the list below from our PM. We do NOT need item 2, we have that plate.\n\n"
        "---------- Forwarded message ---------\nFrom: Dan <dan@bluefab.example>\nSubject: dunnage\n\n"
        '1. (6) HSS 3x3x1/4 @ 8\'-4" A500B\n2. (2) PL 1/2 x 8 x 12 A36\n3. (12) 3/4" dia A36 rd bar @ 18"\n'
    )
    result = extract(build_document("fw.txt", text.encode(), text))
    assert [row[2] for row in _rows(result)] == ["tube_square", "bar_round"]


def test_a_value_corrected_as_the_writer_goes_is_the_new_value_with_the_change_noted() -> None:
    text = (
        "Hi,\n\n"
        'One piece of 4-1/2" diameter 4140 HT, 36" long -- actually make it 40" so he can chuck it.\n\n'
        "Also 6 pcs, sorry, 8 pcs of 1\" 1018 round x 12'.\n\n"
        'And 2 sheets 3/8" A36 plate 48 x 96, I mean 1/2" plate.\n\n'
        "3 pcs 304 round 1\" x 12', sorry for the late notice.\n"
    )
    lines = extract(build_document("mail.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, dict(line.dimensions)) for line in lines] == [
        (1, "4140", {"diameter": 4.5, "length": 40}),
        (8, "1018", {"diameter": 1, "length": 144}),
        (2, "A36", {"thickness": 0.5, "width": 48, "length": 96}),
        (3, "304", {"diameter": 1, "length": 144}),
    ]
    # a person sees what was corrected; an apology is no correction
    assert [bool(line.revisions) for line in lines] == [True, True, True, False]


def test_a_count_corrected_in_a_chatty_sentence_after_an_aside_is_one_item() -> None:
    text = (
        "Hi,\n\n"
        "I'll need 12 pieces of 2x2x3/16 square tube in 24' lengths and, while you're at it, "
        "6 pcs, sorry, 8 pcs of 1/4 x 3 flat bar at 20'. All A36.\n"
    )
    lines = extract(build_document("mail.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in lines] == [
        (12, "tube_square", {"side": 2, "wall_thickness": 0.1875, "length": 288}),
        (8, "bar_rectangular", {"thickness": 0.25, "width": 3, "length": 240}),
    ]


def test_a_forward_listing_changes_as_bullets_edits_the_quoted_request() -> None:
    text = (
        "Hi Steve,\n\nPlease quote the below, with two changes per his follow-up:\n"
        ' - the AR400 needs to be 1" thick, not 3/4"\n'
        " - qty 2 on the 4140 shaft blanks, not 1\n"
        "And drop the AR500 - they found remnants in the yard.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Jake <jake@example.com>\n\n"
        "Laura, can you get an RFQ out on this:\n\n"
        "2 sheets AR400 3/4 x 48 x 96\n"
        '1 pc 4140 HT round 6" dia x 24" long\n'
        "6 pcs AR500 1/2 x 24 x 24\n"
    )
    lines = extract(build_document("fwd.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, line.dimensions.get("thickness")) for line in lines] == [
        (2, "AR400", "plate", 1.0),  # sheets of 1" are plates
        (2, "4140", "bar_round", None),
    ]


def test_the_writer_s_own_corrections_in_a_later_sentence() -> None:
    text = (
        "Hi,\n\n2 sheets of 304 #4 finish, 16 gauge, 48x96\n"
        '- 17-4 PH H1150 round, 3¼" dia, 1 pc @ 52" long\n\n'
        "Actually make that 3 sheets not 2, one is getting turned into a drip pan.\n"
        'Sorry, machinist just corrected me - the shaft stock needs to be 3½" not 3¼".\n'
    )
    lines = extract(build_document("mail.txt", text.encode(), text)).lines
    assert [(line.quantity, line.dimensions.get("diameter")) for line in lines] == [(3, None), (1, 3.5)]
    assert all("revised_in_thread" in line.flags for line in lines)  # a person sees what changed


def test_a_reply_ordering_some_numbered_lines_only_drops_the_others() -> None:
    result = _extract("Please enter our PO against your quote for items 1 and 3 only.")
    assert [(line.grade, line.form) for line in result.lines] == [("6061", "plate"), ("4140", "bar_round")]
    assert [(line.grade, line.form) for line in _extract("Only lines 2, 3 please.").lines] == [
        ("A36", "angle"),
        ("4140", "bar_round"),
    ]
    # a number the quoted order does not have: nothing is dropped on a guess, the order is flagged
    unread = _extract("Please enter our PO for items 1 and 7 only.").lines
    assert len(unread) == 3 and all("thread_change_unread" in line.flags for line in unread)


def test_a_reply_taking_some_lines_of_a_quote_orders_those_lines() -> None:
    taken = [("6061", "plate"), ("4140", "bar_round")]
    for reply in ("We'll take lines 1 and 3. PO 2024-0618, need these tomorrow.", "We need 1 and 3."):
        assert [(line.grade, line.form) for line in _extract(reply).lines] == taken, reply
    # a count and a size are not line numbers: "we need 2 and 3/4 round" is an item of its own
    own = _extract("We need 2 and 3/4 round too.").lines
    assert [(line.quantity, line.form, line.dimensions.get("diameter")) for line in own] == [
        (2, "bar_round", 0.75)
    ]


def test_lines_named_one_by_one_by_place_and_by_a_count_said_for_them() -> None:
    chosen = _extract("We'll take line 1 and line 3, but on line 3 we need 4 pcs not 2. PO 4500123987.")
    assert [(line.quantity, line.form) for line in chosen.lines] == [(5, "plate"), (4, "bar_round")]
    assert "revised_in_thread" in chosen.lines[1].flags
    doubled = _extract("Drop the 2nd line (we have remnants), double the qty on the 4140 round.")
    assert [(line.quantity, line.form) for line in doubled.lines] == [(5, "plate"), (4, "bar_round")]
    assert doubled.lines[1].revisions == ["quantity was 2"]


def test_a_size_that_should_have_been_another_and_an_approval_typed_in_a_hurry() -> None:
    corrected = _extract("Sorry, correction - the 1/4 plate should have been 3/8. Everything else as is.")
    assert corrected.lines[0].dimensions == {"thickness": 0.375, "width": 24.0, "length": 36.0}
    assert len(corrected.lines) == 3
    assert len(_extract("yes pls go ahed w/ the quote, no rush").lines) == 3


def test_a_count_to_go_with_for_a_named_line() -> None:
    result = _extract("One more change: go 14 pcs on the angle (not 8), everything else the same.")
    assert [line.quantity for line in result.lines] == [5, 14, 2]
    assert result.lines[1].revisions == ["quantity was 8"]


def test_an_item_added_and_a_size_changed_from_one_to_another_in_a_reply() -> None:
    result = _extract(
        "Sorry one more thing on the order (PO 7710) - add 2 sheets of 14ga HR P&O 4x10, and change "
        "the 3 x 3 angle from 1/4 to 3/8 thick, engineer changed it on us. Everything else stays the same."
    )
    assert [(line.quantity, line.form) for line in result.lines] == [
        (5, "plate"),
        (8, "angle"),
        (2, "bar_round"),
        (2, "sheet"),
    ]
    assert result.lines[1].dimensions["thickness"] == 0.375
    assert result.lines[3].dimensions == {"thickness": 0.0747, "width": 48.0, "length": 120.0}
    assert not any("thread_change_unread" in line.flags for line in result.lines)


def test_everything_but_a_named_line_and_a_numbered_line_swapped_for_another_item() -> None:
    kept = _extract("We'll take everything except the angle, the shop picked that up locally.")
    assert [line.form for line in kept.lines] == ["plate", "bar_round"]
    swapped = _extract(
        "Line 2 - change to C6x8.2 channel, keep 8 pcs, but at 10' not 20'.\nEverything else as quoted."
    )
    assert [(line.quantity, line.grade, line.form) for line in swapped.lines] == [
        (5, "6061", "plate"),
        (8, "A36", "channel"),  # the grade the struck line had
        (2, "4140", "bar_round"),
    ]
    assert swapped.lines[1].dimensions["length"] == 120.0
    assert "revised_in_thread" in swapped.lines[1].flags


def test_a_range_of_lines_a_count_that_goes_to_another_and_a_line_like_a_numbered_one() -> None:
    ranged = _extract("Please take lines 1-2 on PO 7710. Also the angle goes to 12 pcs.")
    assert [(line.quantity, line.form) for line in ranged.lines] == [(5, "plate"), (12, "angle")]
    like = _extract(
        'Line 1 ok as quoted. Also add same as line 1 but 3/8" thick, qty 2. Line 3 - hold off for now.'
    )
    assert [(line.quantity, line.form, line.dimensions.get("thickness")) for line in like.lines] == [
        (5, "plate", 0.25),
        (8, "angle", 0.25),
        (2, "plate", 0.375),
    ]
    assert like.lines[2].dimensions == {"thickness": 0.375, "width": 24.0, "length": 36.0}
    assert like.lines[2].grade == "6061" and "revised_in_thread" in like.lines[2].flags


def test_an_angles_legs_given_again_in_a_bulleted_change() -> None:
    result = _extract(
        "Yes to all except:\n - angle should be 4 x 4 x 1/4, not 3, same qty\n - drop the 4140\n"
    )
    assert [(line.quantity, line.form, line.dimensions) for line in result.lines] == [
        (5, "plate", {"thickness": 0.25, "width": 24.0, "length": 36.0}),
        (8, "angle", {"leg1": 4.0, "leg2": 4.0, "thickness": 0.25, "length": 240.0}),
    ]


def test_counts_and_removals_said_in_a_few_more_ways() -> None:
    counted = _extract(
        "Qty on the angle is 10 pcs, not 8.\n* Round bar qty goes to 3 pcs (not 2).\nSkip 1, we have plate."
    )
    assert [(line.quantity, line.form) for line in counted.lines] == [(10, "angle"), (3, "bar_round")]
    decimal = _extract('OK on the 4140 2" round -- make it 4 pcs instead of 2. Disregard the 1.5 plate line.')
    assert [(line.quantity, line.form) for line in decimal.lines] == [
        (5, "plate"),
        (8, "angle"),
        (4, "bar_round"),
    ]


def test_a_nickel_alloy_named_by_its_family_switched_to_another_by_number() -> None:
    text = (
        'Two changes then go ahead:\n- Line 2: switch the Monel to 625, same 1-1/2" round, 1 bar.\n\n'
        "-----Original Message-----\nFrom: Desk <desk@supplier.example>\nSubject: quote\n\n"
        '1. Alloy 625 plate 3/16" x 48" x 96" - 1 pc\n2. Monel 400 round bar 1-1/2" dia x 12\' - 1 bar\n'
    )
    lines = extract(build_document("reply.txt", text.encode(), text)).lines
    assert [(line.grade, line.form) for line in lines] == [
        ("Inconel 625", "plate"),
        ("Inconel 625", "bar_round"),
    ]
    assert lines[1].revisions == ["grade was Monel 400"]


def test_a_forward_choosing_lines_of_a_quote_quoted_under_a_colleagues_note() -> None:
    """The quote sits under "> From: / > Sent:" inside the forwarded note: its own message, which
    the note ("We need 1 and 3. Lines 2 we have in the rack") and the newest text choose from."""
    text = (
        "Subject: FW: Quote Q-4471\n\nHi Brian,\n\nPer below, please process lines 1 and 3 only. PO-000418."
        "\n\nKim\n\n---------- Forwarded message ---------\nFrom: Ed <ed@buyer.example>\n"
        "Subject: FW: Quote Q-4471\n\nKim - quote from Great Lakes Steel below. We need 1 and 3. "
        "Lines 2, 4 and 5 we have in the rack already.\nEd\n\n"
        "> From: Brian <brian@supplier.example>\n> Sent: Wednesday, November 6, 2024 4:40 PM\n>\n"
        '> 1. 5 pcs 6061-T6 plate 1/4" x 24" x 36"\n'
        "> 2. 8 pcs A36 angle 3 x 3 x 1/4 x 20'\n"
        '> 3. 2 pcs 4140 round bar 2" dia x 24"\n'
    )
    lines = extract(build_document("fw.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, line.flags) for line in lines] == [
        (5, "6061", "plate", []),
        (2, "4140", "bar_round", []),
    ]


def test_a_count_corrected_by_name_and_an_item_added_keep_the_rest_of_the_quoted_order() -> None:
    result = _extract(
        "Qty on the 4140 round should be 4, not 2. Also add 3 pcs C110 copper bus bar 1/4 x 2 x 12'."
    )
    assert [(line.quantity, line.grade, line.form) for line in result.lines] == [
        (5, "6061", "plate"),
        (8, "A36", "angle"),
        (4, "4140", "bar_round"),
        (3, "C11000", "bar_rectangular"),
    ]
    assert "revised_in_thread" in result.lines[2].flags


def test_a_count_said_for_a_named_line_changes_only_its_quantity() -> None:
    result = _extract("For the A36 angle, make it 10 pcs instead of 8 (the engineer added two posts).")
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in result.lines][:2] == [
        (5, "plate", {"thickness": 0.25, "width": 24.0, "length": 36.0}),
        (10, "angle", {"leg1": 3.0, "leg2": 3.0, "thickness": 0.25, "length": 240.0}),
    ]


def test_a_reply_taking_some_numbered_items_of_a_quote_orders_those_as_changed() -> None:
    quote = (
        "\n\n-----Original Message-----\nFrom: Desk\nSubject: Quote Q-5512\n\nPricing as follows:\n\n"
        "1. 304 SS round bar 1\" dia x 12' - 6 pcs @ $88.00/ea\n"
        "2. A36 plate 1/2 x 48 x 96 - 2 pcs @ $610.00/ea\n"
        "3. 6061-T6 flat bar 1/4 x 2 x 12' - 10 pcs @ $31.25/ea\n"
        "4. 1018 CD hex 3/4 x 12' - 3 pcs @ $44.10/ea\n"
    )
    for reply in (
        "Please proceed with items 1, 3 and 4 from your quote. Change item 3 to 12 pcs instead of 10.",
        "Go ahead on items 1, 3 & 4. Change item 3 to 12 pcs instead of 10.",
        "We only need 1, 3 and 4. Change item 3 to 12 pcs instead of 10.",
    ):
        text = reply + quote
        result = extract(build_document("take.txt", text.encode(), text))
        assert [(row[0], row[2]) for row in _rows(result)] == [
            (6, "bar_round"),
            (12, "bar_rectangular"),
            (3, "bar_hex"),
        ], reply


def test_a_reply_changing_a_gauge_adding_to_one_line_and_taking_another_off() -> None:
    text = (
        "Few changes:\n- change the 10ga sheet to 12ga, same size same qty\n- add 2 more channels (4 total)\n"
        "- take the 2x3 rect tube off, we're switching designs. Give me 6 of 2x2x3/16 square instead.\n\n"
        "> From: Desk\n> Subject: quote 1093\n>\n"
        "> 1) 6 pcs   2 x 3 x 3/16 A500 rect tube x 24'\n"
        "> 2) 4 sht   10 ga HRPO A1011 CS 60 x 120\n"
        "> 3) 2 pcs   C6 x 8.2 A36 channel x 20'\n"
    )
    rows = [
        (line.quantity, line.form, dict(line.dimensions))
        for line in extract(build_document("re.txt", text.encode(), text)).lines
    ]
    assert rows[:2] == [
        (4, "sheet", {"thickness": 0.1046, "width": 60.0, "length": 120.0}),
        (4, "channel", {"height": 6.0, "length": 240.0, "weight_per_foot": 8.2}),
    ]
    assert rows[2][:2] == (6, "tube_square") and rows[2][2]["wall_thickness"] == 0.1875


def test_a_size_named_alone_or_as_the_whole_section_again_replaces_the_one_it_changes() -> None:
    result = _extract(
        "sorry one more change. make the plate 3/8 and the angle should be 3x3x3/8 not 1/4. rest the same"
    )
    assert [dict(line.dimensions) for line in result.lines] == [
        {"thickness": 0.375, "width": 24.0, "length": 36.0},
        {"leg1": 3.0, "leg2": 3.0, "thickness": 0.375, "length": 240.0},
        {"diameter": 2.0, "length": 24.0},
    ]
    assert all("thread_change_unread" not in line.flags for line in result.lines)  # "change" the noun


def test_a_numbered_line_given_a_new_size_by_what_it_measures() -> None:
    result = _extract('- item 3 make it 2-1/2" dia instead of 2", same qty')
    assert result.lines[2].dimensions == {"diameter": 2.5, "length": 24.0}
    assert all("thread_change_unread" not in line.flags for line in result.lines)


def test_a_forwarded_list_with_its_writer_s_own_changes_above_it_is_ordered_as_changed() -> None:
    text = (
        "Please enter the order below on PO 88214.\nJenna\n\n---------- Forwarded message ---------\n"
        "From: Greg <greg@example.com>\nSubject: SS for the frames\n\n"
        "Jenna, please order. Two changes from Monday: make the 16 ga 12 sheets instead of 10, "
        'and skip the angle.\n\nAll 304.\n- 16 ga #4 finish 48" x 120" - 10 sheets\n'
        "- 1-1/2 x 1-1/2 x .065 wall sq tube, 20' - 12 pcs\n- 1-1/2 x 1-1/2 x 1/8 angle, 20' - 6 pcs\n"
    )
    result = extract(build_document("fw.txt", text.encode(), text))
    assert [(row[0], row[2]) for row in _rows(result)] == [(12, "sheet"), (12, "tube_square")]
    assert result.lines[0].revisions == ["quantity was 10"]


def test_a_numbered_line_disregarded_with_the_reason_between() -> None:
    text = (
        "Line 4 (UHMW) is going to our plastics supplier, it printed on this PO by mistake - "
        "please disregard.\n\n"
        "Ln  Description                     Qty  UOM\n"
        "1   A36 PLATE 1/2 X 48 X 96           2  EA\n"
        "4   UHMW-PE SHT 1/2 X 48 X 96 BLACK   2  SH\n"
    )
    result = extract(build_document("po.txt", text.encode(), text))
    assert [(row[1], row[2]) for row in _rows(result)] == [("A36", "plate")]


def test_a_count_said_with_no_noun_before_the_line_it_names() -> None:
    # "change to my earlier list:" announces the change; it is no change left unread
    result = _extract(
        "Change to my earlier list: make it 6 of the 4140 instead of 2. Everything else stands."
    )
    assert [row[0] for row in _rows(result)] == [5, 8, 6]
    assert result.lines[2].revisions == ["quantity was 2"]
    assert all("thread_change_unread" not in line.flags for line in result.lines)


def test_a_middle_message_of_a_forward_chain_changes_the_oldest_one_s_list() -> None:
    text = (
        "Please enter the below on PO 4600-2287. No rush.\nDenise\n\n"
        "---------- Forwarded message ---------\nFrom: Curt <curt@example.com>\nSubject: Fwd: wear plate\n\n"
        'Denise, final per Tom - the AR500 goes to 1/2" same as the AR400, not 3/8. Can you order?\n\n'
        "---------- Forwarded message ---------\nFrom: Tom <tom@example.com>\nSubject: wear plate\n\n"
        'Curt, need these for the chute:\n\n AR400 1/2" x 48" x 96" - 3 sheets\n'
        ' AR500 3/8" x 48" x 96" - 2 sheets\n'
    )
    result = extract(build_document("fw.txt", text.encode(), text))
    assert [(row[0], row[1], row[3]["thickness"]) for row in _rows(result)] == [
        (3, "AR400", 0.5),
        (2, "AR500", 0.5),
    ]
    assert result.lines[1].revisions == ['thickness was 0.375"']


def test_a_line_named_by_its_product_word_is_found_whatever_its_grade() -> None:
    # "DOM" names drawn tube (read as A513 when no grade is written); the quoted line is 1026 DOM
    text = (
        "Couple changes before you pull it:\n- cancel the DOM tube, we found 4 sticks in the shop\n\n"
        "-----Original Message-----\nFrom: Greg <greg@example.com>\nSubject: PO 20931\n\n"
        "1) 1018 CRS round 1-1/4\" x 12' - 10 pcs\n2) DOM tube 1026, 2\" OD x .250 wall x 20' - 4 pcs\n"
    )
    result = extract(build_document("re.txt", text.encode(), text))
    assert [(row[1], row[2]) for row in _rows(result)] == [("1018", "bar_round")]
    assert all("thread_change_unread" not in line.flags for line in result.lines)


QUOTE = (
    "\n\n-----Original Message-----\nFrom: Mike <mike@supplier.example>\nSubject: Quotation 24-0331\n\n"
    "Per your request:\n\n"
    'Line 1  4140 round 3-1/2" dia x 12"   6 pcs\n'
    "Line 2  1045 round 2\" x 12'           4 pcs\n"
    'Line 3  1018 flat 1/2" x 1-1/2" x 12\' 10 pcs\n'
    "Line 4  A36 plate 3/8 x 48 x 96        1 pc\n"
    "Line 5  1018 round 1-1/4\" x 12'       15 pcs\n"
)


def _quote_reply(reply: str) -> list[tuple]:
    text = reply + QUOTE
    return [(row[0], row[1], row[2]) for row in _rows(extract(build_document("re.txt", text.encode(), text)))]


def test_numbered_lines_taken_struck_and_recounted() -> None:
    assert _quote_reply(
        "Please enter an order against your quote for lines 1, 3 and 5. Change line 5 qty to 20. "
        "Skip 2 and 4 for now."
    ) == [(6, "4140", "bar_round"), (10, "1018", "bar_rectangular"), (20, "1018", "bar_round")]
    assert _quote_reply(
        "We'll go with items 1, 3 and 5. Skip item 2. On item 3 make it 12 pcs instead of 10. "
        "Item 4 - hold for now."
    ) == [(6, "4140", "bar_round"), (12, "1018", "bar_rectangular"), (15, "1018", "bar_round")]


def test_a_numbered_line_recounted_or_dropped_after_its_name() -> None:
    assert _quote_reply(
        "1) Line 2 (1045 round) change to 6 pcs, was 4\n"
        "2) Line 4: drop it, we found a 3/8 drop in the remnant rack\n"
    ) == [(6, "4140", "bar_round"), (6, "1045", "bar_round"), (10, "1018", "bar_rectangular"),
          (15, "1018", "bar_round")]  # fmt: skip


def test_a_line_said_to_stay_is_no_new_line_and_a_count_of_the_line_named() -> None:
    result = _extract("Couple changes:\n- the 1/4 plate is fine\n- only need 3 of the angle\n")
    assert [(row[0], row[2]) for row in _rows(result)] == [(5, "plate"), (3, "angle"), (2, "bar_round")]
    assert all("thread_change_unread" not in line.flags for line in result.lines)


def test_a_re_order_restating_the_last_order_then_changing_it() -> None:
    text = (
        "Same as last time but with a couple of changes. For reference, last time was:\n\n"
        '  1) 1/2" x 4" A36 flat bar x 20\' - 25 pcs\n'
        '  2) 3" x 3" x 1/4" A36 angle x 20\' - 24 pcs\n'
        "  3) C6 x 8.2 A36 channel x 20' - 12 pcs\n\n"
        "This time:\n  - flat bar up to 40 pcs\n  - angle same, 24 pcs\n"
        "  - NO channel this time, we still have plenty\n  - ADD 2 pcs W8x31 A992 x 30'\n\n"
        "New PO # is 4500093312.\n"
    )
    result = extract(build_document("reorder.txt", text.encode(), text))
    assert [(row[0], row[1], row[2]) for row in _rows(result)] == [
        (40, "A36", "bar_rectangular"),
        (24, "A36", "angle"),
        (2, "A992", "beam_i"),
    ]
    assert result.lines[0].revisions == ["quantity was 25"] and result.lines[1].revisions == []


def test_a_re_order_by_po_with_the_earlier_lines_below_counted_not_listed() -> None:
    text = (
        'Same as PO 4471 but bump the 1" hex to 20 pcs (was 12). 3/4" hex stays the same at 8 pcs. '
        'And add 6 pcs of 1-1/2" hex, also 12L14, 12 ft.\n\n'
        "For reference 4471 was:\n"
        "  12 pcs 12L14 CD hex 1\" x 12'\n"
        "   8 pcs 12L14 CD hex 3/4\" x 12'\n\n"
        "New PO is 4533.\n"
    )
    result = extract(build_document("reorder.txt", text.encode(), text))
    assert [(line.quantity, line.grade, line.dimensions["across_flats"]) for line in result.lines] == [
        (20, "12L14", 1.0),
        (8, "12L14", 0.75),
        (6, "12L14", 1.5),
    ]


def test_a_count_given_after_the_line_named_with_qty() -> None:
    result = _extract('- make the 2" 4140 qty 5 instead of 2\n')
    assert [row[0] for row in _rows(result)] == [5, 8, 5]
    assert result.lines[2].revisions == ["quantity was 2"]


def test_a_grade_accepted_for_a_named_line() -> None:
    result = _extract("Yeah A572 is fine for the angle, go with that. Keep the 6061 on the 1/4 plate.")
    assert [(row[1], row[2]) for row in _rows(result)] == [
        ("6061", "plate"),
        ("A572", "angle"),
        ("4140", "bar_round"),
    ]
    assert result.lines[1].revisions == ["grade was A36"]
    result = _extract("1.250 is fine on the 4140, we'll face it down. Please proceed.")  # a size, not 250
    assert result.lines[2].grade == "4140" and result.lines[2].dimensions["diameter"] == 2.0


def test_a_numbered_line_s_count_corrected_by_the_count_it_replaces() -> None:
    result = _extract("Correction on my earlier note - item 2 qty should be 6 not 8. Sorry about that.")
    assert [row[0] for row in _rows(result)] == [5, 6, 2]
    assert result.lines[1].revisions == ["quantity was 8"]


def test_a_decimal_size_given_by_grade_and_a_count_said_with_the_one_it_replaces() -> None:
    text = (
        "can u change the 6061 to .375 same 5 pcs. angle ok. 4140 we only need 1 not 2.\n\n"
        "-----Original Message-----\nFrom: Desk <desk@supplier.example>\nSent: Monday\n\n"
        '1) 5 pcs 6061-T6 plate 1/4" x 24" x 36"\n'
        "2) 8 pcs A36 angle 3 x 3 x 1/4 x 20'\n"
        '3) 2 pcs 4140 round bar 2" dia x 24"\n'
    )
    assert _rows(extract(build_document("reply.txt", text.encode(), text))) == [
        (5, "6061", "plate", {"thickness": 0.375, "width": 24.0, "length": 36.0}),
        (8, "A36", "angle", {"leg1": 3.0, "leg2": 3.0, "thickness": 0.25, "length": 240.0}),
        (1, "4140", "bar_round", {"diameter": 2.0, "length": 24.0}),
    ]


def test_a_count_by_total_a_line_by_its_bare_number_and_a_grade_named_before_its_plural() -> None:
    text = (
        "yep go ahead, skip 2 got some left. on 3 make it 6 pcs instead of 2. "
        "And bump the 6061 plates up 2 more so 7 total.\n\n"
        "-----Original Message-----\nFrom: Desk <desk@supplier.example>\nSent: Monday\n\n"
        '1) 5 pcs 6061-T6 plate 1/4" x 24" x 36"\n'
        "2) 8 pcs A36 angle 3 x 3 x 1/4 x 20'\n"
        '3) 2 pcs 4140 round bar 2" dia x 24"\n'
    )
    rows = _rows(extract(build_document("reply.txt", text.encode(), text)))
    assert [(quantity, grade) for quantity, grade, _, _ in rows] == [(7, "6061"), (6, "4140")]


def test_a_count_dropped_to_a_number_and_a_length_accepted_for_a_line_named_by_its_sizes() -> None:
    text = (
        "Drop qty on the angle to 6. 20' is ok on the 2\" round but then keep it at 2.\n\n"
        "-----Original Message-----\nFrom: Desk <desk@supplier.example>\nSent: Monday\n\n"
        '1) 5 pcs 6061-T6 plate 1/4" x 24" x 36"\n'
        "2) 8 pcs A36 angle 3 x 3 x 1/4 x 20'\n"
        '3) 2 pcs 4140 round bar 2" dia x 24"\n'
    )
    rows = _rows(extract(build_document("reply.txt", text.encode(), text)))
    assert [(quantity, grade, dims.get("length")) for quantity, grade, _, dims in rows] == [
        (5, "6061", 36.0),
        (6, "A36", 240.0),
        (2, "4140", 240.0),
    ]


def test_a_line_named_by_two_sizes_is_one_that_has_both() -> None:
    text = (
        "Please bump the 2 x 2 to 6 pcs.\n\n-----Original Message-----\nFrom: Desk <desk@supplier.example>\n"
        "Sent: Monday\n\n1) 10 pcs 6063 rect tube 4 x 2 x .125 x 24'\n"
        "2) 3 pcs 6063 sq tube 2 x 2 x .125 x 24'\n"
    )
    assert [row[0] for row in _rows(extract(build_document("reply.txt", text.encode(), text)))] == [10, 6]


def test_a_count_given_to_a_line_named_by_its_shape_in_the_writers_own_list() -> None:
    """ "make the round bar 10 pcs we need some for the guards too" under the writer's own list:
    that line's count, not a new line or an unread remark."""
    text = (
        "beth we need for the conveyor frames\n"
        "16 pcs 304 sq tube 1-1/2 x 1-1/2 x .120 wall 20'\n"
        "4 pcs 304 flat bar 1/4 x 2 x 12'\n"
        "8 pcs 304 round bar 3/4 12'\n"
        "make the round bar 10 pcs we need some for the guards too\n"
    )
    lines = extract(build_document("list.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [
        (16, "tube_square"),
        (4, "bar_rectangular"),
        (10, "bar_round"),
    ]


def test_pricing_asked_on_some_numbered_items_of_a_forwarded_take_off() -> None:
    """ "Only need pricing on items 1, 2 and 4 - we already have the HSS and the 1/2\" plate in stock":
    the items named, and the goods the customer has are no line."""
    text = (
        'Hi Pete,\nOnly need pricing on items 1, 2 and 4 - we already have the HSS and the 1/2" plate '
        "in stock.\n\nRachel\n\n---------- Forwarded message ---------\nFrom: Brian <b@gc.example>\n"
        "Subject: take-off\n\n"
        "1. W12x26 (A992) - 1 @ 22'-3 1/2\"\n"
        "2. L5x3-1/2x5/16 (A36) - 4 @ 6'-0\"\n"
        "3. HSS3x3x1/4 (A500 Gr B) - 6 @ 8'-4\"\n"
        "4. C12x20.7 (A36) - 2 @ 16'-6 3/4\"\n"
        "5. PL 1/2 x 6 x 0'-6\" (A36) - 12\n"
    )
    lines = extract(build_document("fwd.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(1, "beam_i"), (4, "angle"), (2, "channel")]


def test_a_phone_reply_taking_lines_by_number_skipping_one_and_recounting_one() -> None:
    """ "Ok on 1 and 2 skip 3. Make #1 3 pcs tho.": line 3 struck, line 1 recounted."""
    result = _extract("Ok on 1 and 2 skip 3. Make #1 3 pcs tho. PO to follow")
    assert [(line.quantity, line.form) for line in result.lines] == [(3, "plate"), (8, "angle")]


def test_the_quote_accepted_with_items_added() -> None:
    result = _extract("we're good with the quote. Please add:\n(4) A36 L2x2x1/4 angle, 20'\n")
    assert [(line.quantity, line.form) for line in result.lines] == [
        (5, "plate"),
        (8, "angle"),
        (2, "bar_round"),
        (4, "angle"),
    ]


def test_a_size_changed_after_a_dash_without_the_and_a_line_that_changes_to_a_size() -> None:
    """ "one change - base plate needs to be 5/8 not 1/2", "the 1/2\" plate changes to 5/8\"": the
    plate's thickness; "- item 2 qty should be 8 not 6" stays a count."""
    for said in (
        "Sorry, one change - plate needs to be 3/8 not 1/4. Same size otherwise.",
        'Note the correction -- the 1/4" plate changes to 3/8". Everything else as listed.',
    ):
        result = _extract(said)
        assert result.lines[0].dimensions == {"thickness": 0.375, "width": 24.0, "length": 36.0}, said
    assert [line.quantity for line in _extract("Correction - item 2 qty should be 6 not 8.").lines] == [
        5,
        6,
        2,
    ]


def test_a_listed_change_names_the_line_then_its_new_size() -> None:
    text = (
        "Please send the same as our PO 4471-B (your SO 118830 below), with these changes:\n"
        ' - 6061 plate 3/4" thick instead of 1/2". Same size + qty otherwise.\n'
        ' - Add 2 pcs 6061 flat bar 1" x 4" x 12\'\n'
        "Everything else repeat as is. New PO # is 4502-B.\n\n"
        "> From: Keystone Orders <orders@keystonemetals.com>\n"
        "> Sent: Tuesday, May 14, 2024 3:41 PM\n"
        "> Subject: Order Acknowledgment SO 118830 / Your PO 4471-B\n>\n"
        "> Ln  Qty  Description                                  Price\n"
        "> 1   3    6061-T651 AL PLATE .500 X 12 X 48            $164.20 ea\n"
        "> 2   2    6061-T6511 AL RD BAR 3.000 DIA X 12'         $287.00 ea\n"
    )
    result = extract(build_document("changes.txt", text.encode(), text))
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in result.lines] == [
        (3, "plate", {"thickness": 0.75, "width": 12.0, "length": 48.0}),
        (2, "bar_round", {"diameter": 3.0, "length": 144.0}),
        (2, "bar_rectangular", {"thickness": 1.0, "width": 4.0, "length": 144.0}),
    ]
    # not a line named: a count changed, an item by its number
    assert find_edits('- make the 1" 1018 qty 20 instead of 10', 0, 38)[0].kind == "quantity"


def test_a_statement_taken_back_then_an_item_added_to_the_quoted_list() -> None:
    """ "scratch what I said about the angle" takes back a remark, not the angle; the one sentence
    with a size is the item added; "everything else on the list stays the same" keeps the list."""
    text = (
        "Mike - scratch what I said about the angle. Shop says they used it all up over Christmas. "
        "Please add 15 pcs of the 2x2x3/16 angle, 20' lengths. "
        "Everything else on the list stays the same.\n\n"
        "Trish\n\n"
        "From: Trish Albrecht\nSent: Tuesday, January 14, 2025 9:02 AM\nTo: Mike Garza\nSubject: RFQ\n\n"
        "Please quote the following. We already have the 2x2x3/16 angle on the floor, "
        "not needed this time.\n\n"
        "Qty    Description\n"
        "10     C4x5.4 channel A36 x 20'\n"
        "12     A36 HR round 5/8\" x 20'\n"
    )
    lines = extract(build_document("reply.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [
        (10, "channel"),
        (12, "bar_round"),
        (15, "angle"),
    ]


def test_a_quoted_sheet_is_read_by_its_columns_and_a_new_length_applied_to_the_line_named() -> None:
    text = (
        "Kim -- changes per Rev B:\n\n"
        "- W10x22 now 25' lengths, qty stays 4\n"
        "- HSS 4x4x1/4 goes to 6 pcs\n\n"
        "Thanks, Lou\n\n"
        "From: Lou Park <lou@parkframing.example>\nSent: Monday, June 2, 2025 9:10 AM\n"
        "Subject: beams for the canopy\n\n"
        "> Qty\tShape\tGrade\tLength\n"
        "> 4\tW10x22\tA992\t20'\n"
        "> 3\tHSS 4x4x1/4\tA500 Gr C\t20'\n"
        "> 12\tPL 1/2 x 8 x 8\tA36\t\n"
    )
    result = extract(build_document("reply.txt", text.encode(), text))
    assert [(line.quantity, line.form, line.dimensions.get("length")) for line in result.lines] == [
        (4, "beam_i", 300), (6, "tube_square", 240), (12, "plate", 8)
    ]  # fmt: skip
    assert result.lines[0].revisions == ['length was 240"']


def test_a_quote_priced_by_the_foot_and_a_reply_that_changes_its_count_in_pounds_and_a_tubes_section() -> (
    None
):
    text = (
        "Dale,\n\nClose - two tweaks, then book it on PO 5521:\n\n"
        "- the flat bar, make it 600 lbs instead of 400\n"
        "- DOM tube go to 2.25 OD x .120 wall, same footage\n\n"
        "Rest as quoted.\n\n"
        "On Mon, Mar 3, 2025 at 9:12 AM Desk <desk@supplier.example> wrote:\n"
        "> 1. 1045 TGP round 1-1/4\" - 120 ft (random 12' lengths) - $4.10/ft\n"
        "> 2. A36 HR flat 3/8 x 3 - 400 lbs - $0.92/lb\n"
        "> 3. A513 T5 DOM tube 2 OD x .120 wall - 48 ft - $6.20/ft\n"
    )
    lines = extract(build_document("reply.txt", text.encode(), text)).lines
    assert [(line.quantity, line.uom, line.form, dict(line.dimensions)) for line in lines] == [
        (120, "FT", "bar_round", {"diameter": 1.25}),  # a run priced by the foot: the footage ordered
        (600, "LB", "bar_rectangular", {"thickness": 0.375, "width": 3.0}),
        (48, "FT", "tube_round", {"outer_diameter": 2.25, "wall_thickness": 0.12}),
    ]
    assert lines[2].revisions == ['outer diameter was 2"']


def test_the_length_a_tube_comes_in_is_no_footage_though_priced_by_the_foot() -> None:
    text = "Please quote:\n\n1. 304 tube 1-1/2\" OD x .065 wall, 20' lengths, $9.20/ft\n"
    (line,) = extract(build_document("quote.txt", text.encode(), text)).lines
    assert (line.quantity, line.dimensions["length"]) == (None, 240)


def test_a_reply_naming_lines_by_section_letters_and_a_count_that_must_now_be_more() -> None:
    text = (
        "Hi Johan,\n\nClient changed the scope, please revise:\n"
        "- Drop the PFC completely, they re-use the existing ones\n"
        "- Angle must now be 30 lengths not 20\n\n"
        "Rest stays the same.\n\nThabo\n\n"
        "-----Original Message-----\nFrom: Johan <johan@randmetals.example>\nSubject: RE: RFQ 2291\n\n"
        "Pricing attached. Ex stock on all items except the bright bar (3 working days).\n\n"
        "-----Original Message-----\nFrom: Thabo\nSubject: RFQ 2291\n\n"
        "Pls quote:\n"
        "1. 20 x 50x50x5 angle S355JR 6m\n"
        "2. 8 x 152x76 PFC S355JR 6m\n"
        "3. 12 x EN8 bright bar Ø25 x 3m\n"
    )
    lines = extract(build_document("reply.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(30, "angle"), (12, "bar_round")]
    assert lines[0].dimensions["leg1"] == pytest.approx(50 / 25.4, rel=1e-5)  # "20 x" counts the angles


def test_a_line_that_needs_to_go_to_a_new_section_takes_the_size_the_chain_does_not_repeat() -> None:
    result = _extract("Looks good. Angle needs to go to 3 x 3 x 3/8, same qty.")
    assert _rows(result)[1] == (
        8,
        "A36",
        "angle",
        {"leg1": 3.0, "leg2": 3.0, "thickness": 0.375, "length": 240.0},
    )
    assert result.lines[1].revisions == ['thickness was 0.25"']


def test_a_numbered_line_changed_with_a_pronoun_and_one_called_by_its_number() -> None:
    result = _extract(
        "Go ahead. Line 1, bump it to 9 pcs instead of 5. Drop number 2. On number 3 make it 4."
    )
    assert [(line.quantity, line.form) for line in result.lines] == [(9, "plate"), (4, "bar_round")]
