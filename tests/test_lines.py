"""Which text becomes an order line: threads, questions, holds, alternates, references, attachments."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.extract import extract
from pipeline.extract.thread import split_thread
from pipeline.ingest.document import build_document
from pipeline.models import Attachment, Extraction

SENT = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)  # a Monday


def _extract(text: str, attachments: tuple[Attachment, ...] = ()) -> Extraction:
    return extract(build_document("mail.txt", text.encode(), text, attachments=attachments, date=SENT))


def _rows(extraction: Extraction) -> list[tuple]:
    return [(line.grade, line.form, line.quantity, line.uom) for line in extraction.lines]


def test_a_top_posted_reply_orders_what_it_says_not_what_it_quotes() -> None:
    text = (
        "Please ship 8 pcs 303 hex bar 2\" x 12'.\n\nThanks\nBob\n\n"
        "On Mon, Mar 4, 2024 at 9:00 AM Sales <s@x.com> wrote:\n"
        "> 6 pcs 303 hex bar 2\" x 12'\n> 4 pcs 316 sheet"
    )
    result = _extract(text)
    assert _rows(result) == [("303", "bar_hex", 8, "EA")]
    assert result.lines[0].revisions == ["quantity was 6"] and "revised_in_thread" in result.lines[0].flags


def test_split_thread_finds_history_markers_and_bottom_posted_text() -> None:
    text = (
        "Top note\n-----Original Message-----\nFrom: a@b.c\nold text\n"
        "________________________________\nFrom: c@d.e\nSent: Monday\nolder\n---\nfinal words"
    )
    thread = split_thread(text)
    assert [text[a:b].strip() for a, b in thread.current] == ["Top note", "final words"]
    assert len(thread.history) == 2 and not thread.forwarded


def test_a_reply_that_approves_quoted_lines_applies_its_changes() -> None:
    text = (
        "Go ahead, but we need 10, not 6, and change the grade from 4140 to 4340.\n\n"
        "On Mon, Mar 4, 2024 Sales <s@x.com> wrote:\n"
        '> - 6 pcs 4140 round bar 2-1/2" dia x 12 ft\n> - 3 pcs 6061-T6 plate 1" x 24" x 36"\n'
    )
    result = _extract(text)
    assert _rows(result) == [("4340", "bar_round", 10, "EA"), ("6061", "plate", 3, "EA")]
    assert result.lines[0].revisions == ["quantity was 6", "grade was 4140"]
    assert "revised_in_thread" not in result.lines[1].flags


def test_a_reply_that_only_comments_orders_nothing() -> None:
    text = "Thanks, we will review internally.\n\nOn Mon wrote:\n> 6 pcs 4140 round bar 2\" x 12'"
    assert _extract(text).lines == []


def test_a_forward_orders_the_forwarded_lines() -> None:
    text = (
        "FYI, please process.\n\n---------- Forwarded message ---------\nFrom: Tom <t@x.com>\n\n"
        "1) 8 pcs 316L round bar Ø 40 mm x 3000 mm\n"
    )
    assert _rows(_extract(text)) == [("316L", "bar_round", 8, "EA")]


def test_an_email_that_only_asks_questions_has_no_lines() -> None:
    text = (
        'Do you stock 4140 round bar in 6" diameter? '
        "What is your lead time on 316L sheet 3/16 x 60 x 120?\n\n"
        "QUESTIONS:\n1. Can you cut 304 plate 1/2 x 12 x 12?\n"
    )
    assert _extract(text).lines == []


def test_items_put_on_hold_are_not_ordered() -> None:
    text = "We might need some copper 110 sheets 1/8 thick too, but let's put that on hold for now."
    assert _extract(text).lines == []


def test_a_listed_item_said_to_be_left_out_in_parentheses_is_not_ordered() -> None:
    text = (
        "Same as last month but no angle this time:\n\n- 12 pcs 1-1/2 x 1-1/2 x 11ga A500 sq tube, 24'\n"
        "- (no 2 x 2 x 1/4 angle this time)\n- 8 pcs 1/4 x 2 A36 flat bar, 20'\n"
    )
    assert [row[1] for row in _rows(_extract(text))] == ["tube_square", "bar_rectangular"]


def test_an_alternates_section_adds_alternates_to_the_line_above() -> None:
    text = (
        '- Material: 4140 alloy steel\n- Form: Round bar\n- Diameter: 6.25"\n- Quantity: 2 pieces\n\n'
        "ALTERNATE MATERIALS (if 4140 not available):\n- 4340 steel, same hardness\n- Cast iron grade 40\n"
    )
    result = _extract(text)
    [line] = result.lines
    assert (line.grade, line.form, line.quantity, line.dimensions) == (
        "4140",
        "bar_round",
        2,
        {"diameter": 6.25},
    )
    assert [(a.grade, a.text) for a in line.alternates] == [("4340", "4340 steel, same hardness"),
                                                           (None, "Cast iron grade 40")]  # fmt: skip


def test_an_inline_alternate_is_one_line_with_an_alternate_not_two_lines() -> None:
    result = _extract("316 plate 3/8 x 48 x 96, 2 plates (if not available, 304 is fine)")
    [line] = result.lines
    assert line.grade == "316" and [a.grade for a in line.alternates] == ["304"]
    assert "alternates_offered" in line.flags


def test_prose_that_refers_back_to_a_listed_line_is_not_a_new_line() -> None:
    text = (
        "1. Aluminum 6061-T6 plate 1 x 23.6 x 15.7 - 50 pieces\n"
        "2. 4140 shafts 2 in dia x 18 in - 25 pieces\n\n"
        "The aluminum plates need to be cut to 600 x 400mm.\nHeat treatment for the 4140 shafts: 32 HRC.\n"
    )
    assert _rows(_extract(text)) == [("6061", "plate", 50, "EA"), ("4140", "bar_round", 25, "EA")]


def test_a_numbered_item_with_labelled_sub_bullets_is_one_line() -> None:
    text = (
        '1. Stainless steel 316L round tubes\n   - OD: 1.500", Wall: 0.065"\n   - Length: 10 feet each\n'
        "   - Quantity: 15 tubes\n   - Surface finish: 0.8 mm Ra\n"
    )
    [line] = _extract(text).lines
    assert line.dimensions == {"outer_diameter": 1.5, "wall_thickness": 0.065, "length": 120}
    assert line.quantity == 15


def test_non_catalog_items_are_kept_and_flagged_with_a_blanket_grade() -> None:
    text = (
        "- 50 pieces of M8x25mm stainless steel socket head cap screws\n- 100 units of ball bearings\n\n"
        "Special Requirements:\n- All stainless steel components must be 316 grade\n"
    )
    lines = _extract(text).lines
    assert [(line.grade, line.quantity, line.flags) for line in lines] == [
        ("316", 50, ["not_catalog_product"]),
        (None, 100, ["not_catalog_product"]),
    ]
    assert lines[0].form is None and lines[0].dimensions == {}


def test_plastics_are_no_metal_but_a_pvc_film_on_a_sheet_is() -> None:
    text = '- 1 sheet 1/2" UHMW 48 x 96\n- 2 sheets 304 #4 16 ga 48 x 120, PVC one side\n'
    lines = _extract(text).lines
    assert [(line.form, line.flags) for line in lines] == [(None, ["not_catalog_product"]), ("sheet", [])]


def test_lines_of_an_attached_sheet_are_lines_of_the_order() -> None:
    sheet = "Qty | Grade | Form | Thickness (mm) | Width (mm)\n4 | 304 | sheet | 2 | 1000\n"
    text = "Order attached."
    document = build_document(
        "m.eml", b"x", text, attachments=(Attachment("o.csv", "text/csv", sheet),), date=SENT
    )
    [line] = extract(document).lines
    assert (line.grade, line.form, line.quantity) == ("304", "sheet", 4)
    assert line.dimensions["thickness"] == round(2 / 25.4, 6)
    assert document.text[line.span.start : line.span.end] == "4 | 304 | sheet | 2 | 1000"


def test_lines_of_a_pdf_table_are_one_line_each() -> None:
    text = (
        "Line Qty UOM Description\n1 6 EA 2024-T351 aluminum plate .500 x 12 x 24\n"
        "2 20 FT 4130 tube 1.000 OD x .058 wall"
    )
    assert _rows(_extract(text)) == [("2024", "plate", 6, "EA"), ("4130", "tube_round", 20, "FT")]


def test_a_request_phrased_as_a_question_is_an_order() -> None:
    text = "Can you send 2 more of the 316 plates like last time? 1/2 x 24 x 24."
    assert _rows(_extract(text)) == [("316", "plate", 2, "EA")]


def test_an_approval_that_changes_grade_and_quantity_without_from() -> None:
    text = (
        "Approved, please proceed. Change the 316L to 316 and make it 20 bars instead of 12.\n\n"
        '-----Original Message-----\nFrom: Sales\n\n12 bars 316L round bar 2" dia x 12 ft - $410.00 ea\n'
    )
    [line] = _extract(text).lines
    assert (line.grade, line.quantity, line.dimensions) == ("316", 20, {"diameter": 2, "length": 144})
    assert line.revisions == ["grade was 316L", "quantity was 12"]


def test_a_change_to_the_quoted_order_that_no_line_shows_applied_is_flagged() -> None:
    text = (
        "Go ahead with the order below, but swap the 1/4 sheet for 3/16 please.\n\nThanks\nBob\n\n"
        "-----Original Message-----\nFrom: Sales <s@x.com>\n\n"
        "1) 4 pcs A36 sheet 1/4 x 48 x 96\n2) 6 pcs A36 angle 2 x 2 x 1/4 x 20'\n"
    )
    lines = _extract(text).lines
    assert len(lines) == 2 and all("thread_change_unread" in line.flags for line in lines)


def test_an_order_passed_on_to_someone_else_is_read_from_the_quoted_message() -> None:
    text = (
        "Bob's out per his auto-reply - can someone else grab this? Need it tomorrow.\n\nJake\n\n"
        "-----Original Message-----\nFrom: Jake <j@x.com>\nSubject: PO 7703\n\n"
        'Need 1 pc AR400 plate 1/2" x 48" x 96", and have your guys burn 8 pcs 1" A572-50 plate 10" x 30".\n'
    )
    assert _rows(_extract(text)) == [("AR400", "plate", 1, "EA"), ("A572", "plate", 8, "EA")]


def test_an_outlook_thread_without_an_original_message_line_is_split_at_each_from_sent_block() -> None:
    text = (
        "Pricing looks good - go ahead and enter it. Our PO# is 77120.\n\nTom\n\n"
        "From: Maria Chen <mc@supplier.example>\nSent: Wednesday, March 19, 2025 2:51 PM\nSubject: Quote\n\n"
        "1) 316L round bar 2-1/2\" dia x 12'   3 pcs   $1,184.00 ea\n\n"
        "From: Tom Reyes\nSent: Tuesday, March 18, 2025 4:10 PM\nSubject: RFQ\n\n"
        "can you quote 3 - 2-1/2\" 316L rd x 12'\n"
    )
    assert _rows(_extract(text)) == [("316L", "bar_round", 3, "EA")]


def test_spring_wire_is_a_catalog_product_and_a_coil_s_length_is_how_much() -> None:
    text = (
        'Please enter:\n- 302 stainless spring wire, .062" dia -- 50 lbs\n'
        '- 316 stainless foil .005" x 12" wide, full hard -- 100 ft\n'
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.form, line.quantity, line.uom, dict(line.dimensions)) for line in lines] == [
        ("wire", 50, "LB", {"diameter": 0.062}),
        ("foil", 100, "FT", {"thickness": 0.005, "width": 12.0}),
    ]
    assert "not_catalog_product" not in lines[0].flags


def test_a_gauge_or_a_wall_mark_glued_in_a_size_chain_is_the_wall() -> None:
    text = (
        "Please send:\n\n"
        "- 4 pcs 2x2x11ga sq tube A500 @ 20'\n"
        "- 4 pcs 304 SQ TUBE 2 X 2 X .120W @ 20'\n"
        "- 3 pcs 304 RD TUBE 1.500 OD X .065W, 20'\n"
        "- 10 pcs 350W angle 2 x 2 x 1/4 x 20'\n"
    )
    lines = extract(build_document("glued.txt", text.encode(), text)).lines
    assert [line.dimensions.get("wall_thickness") for line in lines] == [0.12, 0.12, 0.065, None]
    assert lines[3].grade == "350W" and lines[3].dimensions["thickness"] == 0.25


def test_money_is_never_a_count() -> None:
    text = (
        "- 1 pc 316L flat 1/4 x 1-1/4 x 12'\n\n"
        "Budget's tight on this one (~$2,400 total) so if the 316L flat is crazy let me know.\n"
    )
    lines = extract(build_document("budget.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(1, "bar_rectangular")]


def test_one_sentence_asking_for_a_counted_sized_shape_is_a_line_without_its_grade() -> None:
    for text in ("Need 20 pcs L 4 x 4 x 1/2 angle 20 ft\n", "twenty pieces of 4 x 4 x 1/2 angle, 20 feet.\n"):
        (line,) = _extract(text).lines
        assert (line.grade, line.form, line.quantity, dict(line.dimensions)) == (
            None,
            "angle",
            20,
            {"leg1": 4, "leg2": 4, "thickness": 0.5, "length": 240},
        )
        assert "missing_grade" in line.flags
    # stock on hand, not asked for
    assert _extract("We still have 20 pcs of 4x4x1/2 angle from last time.\n").lines == []


def test_a_pipe_keeps_the_nominal_size_written_beside_the_outside_diameter() -> None:
    (line,) = _extract('10 pcs 2" sch 40 pipe A53B x 21 ft\n').lines
    assert dict(line.dimensions) == {
        "outer_diameter": 2.375,
        "wall_thickness": 0.154,
        "length": 252,
        "nominal_size": 2,
    }


def test_a_count_noun_takes_a_form_named_in_its_own_clause_only() -> None:
    text = "1 sheet 10ga hr 48x96 just regular hr nothing fancy. let me know if u cant do the angle\n"
    (line,) = _extract(text).lines
    assert (line.form, line.quantity, dict(line.dimensions)) == (
        "sheet",
        1,
        {"thickness": 0.1345, "width": 48, "length": 96},
    )
    (plate,) = _extract("4 sheets 5086 plate 1/4 x 48 x 96\n").lines
    assert plate.form == "plate"


def test_text_typed_below_the_quoted_lines_is_the_newest_messages_own() -> None:
    text = (
        "On Thu, Mar 6, 2025 at 3:15 PM Kevin <k@metals.example> wrote:\n"
        "> Kevin, can you send:\n"
        '> - 8 pcs 6061-T6 plate 1/2" x 12" x 18"\n'
        '> - 1 pc 7075-T651 plate 1" x 10" x 10"\n\n'
        "1.250 is fine on the 7075, we'll face it down.\n\n"
        'Please also add 2 pcs 6061-T6511 flat bar 1" x 3" x 12\'. Rest as-is. PO 30177.\n'
    )
    thread = split_thread(text)
    assert "Please also add" in "".join(text[a:b] for a, b in thread.current)
    result = _extract(text)
    assert [(line.quantity, line.grade, line.form) for line in result.lines] == [
        (8, "6061", "plate"),
        (1, "7075", "plate"),
        (2, "6061", "bar_rectangular"),
    ]
    assert "thread_change_unread" in result.lines[1].flags  # "1.250 is fine on the 7075": asked
    assert result.header.po_number == "30177"


def test_the_newest_messages_own_outlook_header_atop_the_text_is_not_history() -> None:
    text = (
        "From: Cody <cody@ag.example>\nSent: Thursday, March 6, 2025 7:18 AM\nSubject: RE: steel\n\n"
        'Scratch the channel. And bump the 1/2" plate to 3 sheets.\n\n'
        "-----Original Message-----\nFrom: Cody <cody@ag.example>\nSent: Wednesday, March 5, 2025\n\n"
        "2 sheets 1/2\" A36 plate 60 x 120\n5 pcs C8x11.5 A36 x 20'\n"
    )
    assert [(line.quantity, line.form) for line in _extract(text).lines] == [(3, "plate")]


def test_sizes_answered_for_quoted_lines_and_a_count_made_not_another() -> None:
    text = (
        "On Mon, Mar 10, 2025 at 9:02 AM Keith <k@metals.example> wrote:\n"
        "> Tony - got it. Couple questions before I put it in:\n"
        "> 1x1 tube, 14ga or 16ga?\n>\n"
        "> On Fri, Mar 7, 2025 at 4:51 PM Tony <t@gates.example> wrote:\n"
        ">> 30 sticks 1x1 sq tube\n>> 20 sticks 2x2 sq tube 11ga\n>> 15 flat bar 1-1/2\n\n"
        "16ga on the 1x1. 3/16 on the flat. and make the 2x2 25 sticks not 20.\n"
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in lines] == [
        (30, "tube_square", {"side": 1, "wall_thickness": 0.065}),
        (25, "tube_square", {"side": 2, "wall_thickness": 0.12}),
        (15, "bar_rectangular", {"thickness": 0.1875, "width": 1.5}),
    ]
    assert all("revised_in_thread" in line.flags for line in lines)


def test_a_forward_that_changes_one_quoted_line_by_name_keeps_the_rest() -> None:
    text = (
        'Team - enter this on their PO 88123. Jim called: the AR400 needs to be 1/2" not 3/8". '
        "Rest is per his email below.\n\n"
        "-----Original Message-----\nFrom: Jim <jim@mining.example>\nSent: Tuesday, September 9, 2025\n\n"
        '2 pcs AR400 3/8 x 48 x 96\n4 pcs 4 x 4 x 3/8 angle A36 20\'\n1 pc 4140HT 6" round x 18"\n'
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.grade, line.form, line.dimensions.get("thickness")) for line in lines] == [
        (2, "AR400", "plate", 0.5),
        (4, "A36", "angle", 0.375),  # the 3/8 of the angle stays: the change named the AR400
        (1, "4140", "bar_round", None),
    ]
    assert "revised_in_thread" in lines[0].flags


def test_a_line_on_its_own_that_closes_with_its_count_is_an_item() -> None:
    text = "Hi Gary,\n\n1/2 x 4 flat bar 20ft - 6 pcs\n\nthanks\nRon"
    assert _rows(_extract(text)) == [(None, "bar_rectangular", 6, "EA")]


def test_lines_each_naming_a_sized_form_are_items_without_their_bullets() -> None:
    text = "Please quote:\n\nA36 plate 1/2 x 48 x 96\nA500 sq tube 2 x 2 x .120 wall\n\nthanks"
    result = _extract(text)
    assert _rows(result) == [("A36", "plate", None, "EA"), ("A500", "tube_square", None, "EA")]
    assert all("missing_quantity" in line.flags for line in result.lines)


def test_two_items_read_as_one_line_are_flagged_for_a_person_to_split() -> None:
    text = (
        "We need for the guard job\nsheet of 304 1/8 x 48 x 96, just one\n"
        "square tube 304 1-1/2 x .065 wall 20ft, 2 sticks\n\nthanks"
    )
    lines = _extract(text).lines
    assert len(lines) == 1 and "items_merged" in lines[0].flags


def test_sentences_typed_in_lower_case_are_separate_items() -> None:
    text = "hey its sam. need 10 sheets 3/16 pl 48x96 a36. also price on 200 ft of 5/8 rd a36. no hurry\n"
    rows = [(line.form, line.quantity, dict(line.dimensions)) for line in _extract(text).lines]
    assert rows == [
        ("plate", 10, {"thickness": 0.1875, "width": 48.0, "length": 96.0}),
        ("bar_round", 200, {"diameter": 0.625}),
    ]


def test_an_item_giving_only_a_length_is_flagged_for_its_missing_section() -> None:
    [line] = _extract("Hi,\n\n- 1 piece 4140 round bar, 3 ft long\n").lines
    assert "missing_dimensions" in line.flags


def test_one_unit_said_with_the_article_is_a_size() -> None:
    [line] = _extract('Hi,\n\n- 2 pieces of 1" square key stock, a foot long each\n').lines
    assert line.dimensions == {"side": 1.0, "length": 12.0}


def test_items_listed_in_one_sentence_by_comma_or_a_length_of_are_separate_lines() -> None:
    text = (
        "yo its dan. need 4 sheets 3/16 a36 plate 4x8, 6 pcs 1x2x1/8 rect tube 24', "
        "2 sticks 4\" channel 20'. thx\n\n"
        "also 2 sheets 1/8 alum diamond plate 4x8 and 20ft of 1 1/4 sch40 black pipe.\n"
    )
    forms = [(line.form, line.quantity) for line in _extract(text).lines]
    assert forms == [("plate", 4), ("tube_rectangular", 6), ("channel", 2), ("plate", 2), ("tube_round", 20)]


def test_square_with_a_wall_is_square_tube_and_cuadrado_a_square_bar() -> None:
    rows = [
        (line.form, dict(line.dimensions))
        for line in _extract('- 6 pcs 2x2x3/16 square x 24\'\n- 4 1018 CD Cuadrado 1" x 1" 12 ft\n').lines
    ]
    assert rows == [
        ("tube_square", {"side": 2.0, "wall_thickness": 0.1875, "length": 288.0}),
        ("bar_square", {"side": 1.0, "length": 144.0}),
    ]


def test_a_forward_of_a_colleague_s_list_below_orders_that_list() -> None:
    text = (
        "Hi Gareth,\n\nForwarding Simon's list below, please ship against our PO 4417.\n\nHelen\n\n"
        "From: Simon\nSent: 14 October 2024 08:12\nTo: Helen\nSubject: Material for the job\n\n"
        "Helen,\n\nNeed the following:\n\n- 316 stainless plate, 10 mm thk, 300 x 300 mm, 2 off\n"
        "- 4140 bar, 50 mm dia x 500 mm long, 4 off\n"
    )
    assert [(row[0], row[1], row[2]) for row in _rows(_extract(text))] == [
        ("316", "plate", 2),
        ("4140", "bar_round", 4),
    ]


def test_an_item_struck_and_replaced_in_one_breath_leaves_only_the_replacement() -> None:
    text = (
        "we need ten pieces of 3/4 inch square bar twenty foot. and 6 sheets 11 ga hr 48 x 96. "
        "oh wait scratch the 3/4 square bar make that twelve pieces of the 5/8 square bar instead.\n"
    )
    rows = [(line.form, line.quantity, line.dimensions.get("side")) for line in _extract(text).lines]
    assert rows == [("sheet", 6, None), ("bar_square", 12, 0.625)]


def test_items_listed_after_a_comma_with_sht_or_a_gauge_are_separate_lines() -> None:
    text = (
        "pls send 3 sht 5052 h32 .090 4x8, 2 sht 3003 tread plt 1/8 4x8, "
        "6 pcs 2x2x3/16 sq tube 24', 4 sht 10ga hr 48x96\n"
    )
    rows = [(line.form, line.quantity, line.dimensions.get("thickness")) for line in _extract(text).lines]
    assert rows == [("sheet", 3, 0.09), ("sheet", 2, 0.125), ("tube_square", 6, None), ("sheet", 4, 0.1345)]


def test_hss_with_its_wall_named_is_square_by_its_two_equal_sides() -> None:
    [line] = _extract("- 8 pcs HSS 4 x 4 x 1/4 wall, A500 Gr C, 20 ft lengths\n").lines
    assert (line.form, line.dimensions) == (
        "tube_square",
        {"side": 4.0, "wall_thickness": 0.25, "length": 240.0},
    )


def test_a_sentence_ending_in_a_unit_s_full_stop_ends_its_item() -> None:
    text = (
        'So I need 6 pcs of C110 bus bar 1/4" x 2" x 12 ft. Also the shop next door keeps borrowing '
        "our brass, so: 3 bars of C360 1\" round, 12' lengths, and one sheet C260 .032 x 24 x 96."
    )
    assert [row[:3] for row in _rows(_extract(text))] == [
        ("C11000", "bar_rectangular", 6),
        ("C360", "bar_round", 3),
        ("C260", "sheet", 1),
    ]


def test_a_time_span_is_no_size() -> None:
    text = "Notes:\n1) Certs required.\n2) No plate from mill seconds. 48 hr notice for crane.\n"
    assert _extract(text).lines == []


def test_can_you_guys_cut_me_is_a_request_not_a_question() -> None:
    text = 'hey - can you guys cut me 2 pieces of 1/2" 6061 plate at 12" x 18"? I\'ll swing by friday.'
    assert [row[:3] for row in _rows(_extract(text))] == [("6061", "plate", 2)]


def test_and_about_40_ft_of_starts_a_new_item() -> None:
    text = "need 2 sheets 10ga 4x8 hr, and about 40 ft of 1/4 x 3 flat."
    assert [row[1:3] for row in _rows(_extract(text))] == [("sheet", 2), ("bar_rectangular", 40)]


def test_footage_after_a_dash_and_a_pipe_sized_after_its_schedule() -> None:
    text = (
        '1. 304/304L sch 10S pipe, 3" - 120 ft\n'
        '2. 304 flat bar, 1/4" x 2" - 60 ft\n'
        "3. A36 flat bar 1/2 x 4 - 20 ft\n"  # a stock length, not footage
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.uom) for line in lines[:2]] == [(120, "FT"), (60, "FT")]
    assert lines[0].dimensions == {"outer_diameter": 3.5, "wall_thickness": 0.12, "nominal_size": 3.0}
    assert lines[2].quantity is None and lines[2].dimensions["length"] == 240


def test_plate_pieces_cut_to_width_and_length_under_a_heading_naming_the_plate() -> None:
    text = (
        "Please quote the following, cut to size:\n\n"
        '6061-T6 plate 1/2" thk:\n    4 pcs 12 x 24\n    10 pcs 6 x 6\n'
        '7075-T651 rd bar 2" dia x 12" lg - 2 pcs\n\n'
        'Out of 1" A36:\n   6 pcs 8 x 8 (gussets, square corners fine)\n'
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.grade, line.form, tuple(line.dimensions.values())) for line in lines] == [
        (4, "6061", "plate", (0.5, 12.0, 24.0)),
        (10, "6061", "plate", (0.5, 6.0, 6.0)),
        (2, "7075", "bar_round", (2.0, 12.0)),
        (6, "A36", "plate", (1.0, 8.0, 8.0)),  # "square corners": no square bar
    ]


def test_a_flat_bar_sized_1_x_2_over_its_pieces() -> None:
    text = "cut list\n\n3/16 x 2 flat HR\n  (8) @ 1'-3\"\n"  # "x 2 flat": a width, not two flats
    lines = _extract(text).lines
    assert [(line.quantity, line.dimensions) for line in lines] == [
        (8, {"thickness": 0.1875, "width": 2.0, "length": 15.0})
    ]


def test_goods_sent_back_are_no_order_and_bullets_under_a_numbered_point_are_its_items() -> None:
    text = (
        "Two things.\n\n"
        "1) Your invoice 88213 last week - we ordered 1-1/2 CRS round and got 1-1/4. I have the 3 bars "
        "here and want to send them back with your driver.\n\n"
        "2) Meanwhile I need the right stuff today:\n"
        " - 3 bars 1-1/2\" 1018 CD round x 12'\n"
        " - 2 pcs 1/2 x 4 1018 CRS flat x 12'\n"
    )
    assert [row[:3] for row in _rows(_extract(text))] == [
        ("1018", "bar_round", 3),
        ("1018", "bar_rectangular", 2),
    ]


def test_a_county_road_is_no_round_bar() -> None:
    text = (
        "need 6 pcs 2x3x3/16 rect tube 24' and 2 sheets 10ga 5x10 hr. deliver to job site 1420 county "
        "rd 9 by the barn. no rush\n"
    )
    assert [row[1] for row in _rows(_extract(text))] == ["tube_rectangular", "sheet"]


def test_a_bare_bar_sized_by_thickness_and_width_is_a_flat_bar() -> None:
    """ "bar" alone is round bar by default; sized "1/8 x 1 x 12'" it has a width, so it is flat
    bar — never a round bar that silently lost the 1". Two sizes that may be a width are asked about."""
    flat = _extract("qty 20 C110 copper bar 1/8 x 1 x 12'").lines[0]
    assert (flat.form, flat.dimensions, flat.flags) == (
        "bar_rectangular",
        {"thickness": 0.125, "width": 1.0, "length": 144.0},
        [],
    )
    guessed = _extract("20 pcs C110 copper bar 1/8 x 1").lines[0]
    assert guessed.form == "bar_rectangular" and "form_inferred" in guessed.flags
    apart = _extract('Copper bar, C101, 3/8" x 3", two 12\' pieces.').lines[0]  # its length said apart
    assert (apart.form, apart.dimensions) == (
        "bar_rectangular",
        {"thickness": 0.375, "width": 3.0, "length": 144.0},
    )
    for round_bar in ("20 pcs 1018 bar 1 x 12'", '4 bars 1018 1-1/2 x 36"', '2 pcs 4140 bar 2 x 12" long'):
        assert _extract(round_bar).lines[0].form == "bar_round", round_bar


def test_a_brass_temper_named_by_hardness_is_no_size() -> None:
    """ "C260 1/2 HARD" is the sheet's temper: the 1/2 is not its width."""
    for text in (
        "2 sheets brass C260 1/2 HARD .032 x 24 x 96",
        "2 sheets C260 brass, half-hard, .032 x 24 x 96",
    ):
        line = _extract(text).lines[0]
        assert (line.form, line.dimensions) == (
            "sheet",
            {"thickness": 0.032, "width": 24.0, "length": 96.0},
        ), text


def test_items_told_in_one_sentence_each_with_a_size_then_a_grade_of_its_own() -> None:
    """ ", and 3/8 AR400 24 x 48 two pieces", ", 1/4 x 2 6061 flat bar 1 stick": a size, then a
    grade, opens the next item; what an item is *for* ("the frame the liners bolt to") is no
    product of its own."""
    result = _extract(
        'Need AR400 plate 1/2" x 48 x 96 one sheet for the chute liners, and 3/8 AR400 24 x 48 two '
        "pieces for the transfer box. Also 2 sticks of 1-1/2 x 1-1/2 x 3/16 angle 20' for the frame "
        "the liners bolt to."
    )
    assert [(line.quantity, line.grade, line.form) for line in result.lines] == [
        (1, "AR400", "plate"),
        (2, "AR400", "plate"),
        (2, None, "angle"),
    ]
    assert result.lines[1].dimensions == {"thickness": 0.375, "width": 24.0, "length": 48.0}
    listed = _extract(
        "1-1/4 sch 40 pipe 6061, 2 lengths at 21', 1/4 x 2 6061 flat bar 1 stick 12 ft, and a piece of "
        "1/4 5052 plate 24x48"
    )
    assert [(line.quantity, line.grade, line.form) for line in listed.lines] == [
        (2, "6061", "tube_round"),
        (1, "6061", "bar_rectangular"),
        (1, "5052", "plate"),
    ]


def test_a_bare_size_corrected_as_the_writer_goes_and_talk_of_what_it_is_for() -> None:
    """ "a piece of 1/4 5052 plate 24x48, actually 3/16 is plenty …, dont need the 1/4": the plate
    is 3/16 and says so; "some brackets for his pontoon so i need some alum" is no line."""
    result = _extract(
        "got a boat guy wants a new swim ladder and some brackets for his pontoon so i need some alum. "
        "a piece of 1/4 5052 plate 24x48, actually 3/16 is plenty for what hes doing, dont need the 1/4."
    )
    assert [(line.quantity, line.form, line.dimensions) for line in result.lines] == [
        (1, "plate", {"thickness": 0.1875, "width": 24.0, "length": 48.0})
    ]
    assert "revised_in_thread" in result.lines[0].flags


def test_a_second_item_after_a_dash_and_and_is_not_read_into_the_first() -> None:
    """ "… 8 pcs — wait, make it 12 pcs — and 1/2 x 6 x 6 gussets 24 pcs": the gussets are not the
    plate's new thickness."""
    result = _extract(
        "need 3/4 plate A36 cut to 10x10, 8 pcs — wait, make it 12 pcs, they added columns — and "
        "1/2 x 6 x 6 gussets 24 pcs. also 4 pcs HSS 4x4x1/4 x 24' A500."
    )
    plate = result.lines[0]
    assert (plate.quantity, plate.dimensions) == (12, {"thickness": 0.75, "width": 10.0, "length": 10.0})


def test_a_wall_written_as_a_w_glued_to_its_decimal() -> None:
    line = _extract('8 pcs DOM 1.250 OD x .095w @ 24"').lines[0]
    assert (line.form, line.dimensions) == (
        "tube_round",
        {"outer_diameter": 1.25, "wall_thickness": 0.095, "length": 24.0},
    )


def test_an_item_told_over_two_sentences_its_count_in_the_second() -> None:
    """ "First is 1\\" thick plate cut to 12 x 16. We'll take six of those." is one item; so is a
    question of stock answered by a count ("do you carry 1-1/2 hex in 6061? If so I need 2 bars")."""
    result = _extract(
        'All of it 6061-T6. First is 1" thick plate cut to 12 x 16. We\'ll take six of those. Next is 2" '
        'round bar cut at 12" long, make it 4 pieces. And do you guys carry 1-1/2 hex in 6061? If so I '
        "need 2 bars, full 12' lengths are fine."
    )
    assert [(line.quantity, line.form, line.dimensions) for line in result.lines] == [
        (6, "plate", {"thickness": 1.0, "width": 12.0, "length": 16.0}),
        (4, "bar_round", {"diameter": 2.0, "length": 12.0}),
        (2, "bar_hex", {"across_flats": 1.5, "length": 144.0}),
    ]
    cut = _extract(
        '2" sch 40 304L pipe, 3 lengths @ 20\'. Also need 304 plate for patch pads, 3/8" thick. Cut 2 pcs '
        '12" x 12" please.'
    )
    assert [(line.quantity, line.form) for line in cut.lines] == [(3, "tube_round"), (2, "plate")]
    assert cut.lines[1].dimensions == {"thickness": 0.375, "width": 12.0, "length": 12.0}
    # a question of stock with no count orders nothing
    assert _extract('Do you have any 410 in 8" round?').lines == []


def test_sizes_of_two_items_read_as_one_are_flagged() -> None:
    """ "… tube 1-1/2 OD x .095 wall? need 3 sticks. also 1.75 x .120 wall 2 sticks": the second tube
    names no form of its own; read together they are asked about, never sure."""
    text = (
        "hi do you have 4130 chromoly tube 1-1/2 OD x .095 wall? need 3 sticks 20 ft for a roll cage. "
        "also 1.75 x .120 wall 2 sticks 20 ft. whats the price"
    )
    lines = _extract(text).lines
    assert len(lines) == 1 and "items_merged" in lines[0].flags


def test_a_tool_steel_named_for_die_blocks() -> None:
    line = _extract('For the die blocks we need two pieces of D2 at 1-1/2" x 8" x 18", annealed.').lines[0]
    assert (line.quantity, line.grade) == (2, "D2")


def test_trade_phrases_that_are_no_screw_alternate_or_sheet() -> None:
    """ "the screw machine guys want 1-1/4 hex" orders hex bar, not screws; "framing will use
    L3x3x1/4 angle - figure 10 sticks" is the order, not an alternate; "Two full sheets of AR400,
    1/2 in" are plates."""
    hex_bar = _extract("And the screw machine guys want 1-1/4 hex in 12L14, 3 bars at 12 ft.").lines[0]
    assert (hex_bar.quantity, hex_bar.form, hex_bar.flags) == (3, "bar_hex", [])
    angle = _extract("Lintels and misc framing will use L3x3x1/4 angle - figure 10 sticks at 20'.").lines[0]
    assert (angle.quantity, angle.form, angle.alternates) == (10, "angle", [])
    plate = _extract('Two full sheets of AR400, 1/2" x 48 x 96.').lines[0]
    assert (plate.quantity, plate.form) == (2, "plate")


def test_holes_and_their_pattern_are_no_sizes_of_the_piece() -> None:
    side = _extract(
        'P/N 2231-07  side plate    3/4" A572-50     10 x 14        qty 8    (2) 1-1/16" holes'
    ).lines[0]
    assert (side.quantity, side.dimensions) == (8, {"thickness": 0.75, "width": 10.0, "length": 14.0})
    base = _extract('12 pcs PL 3/8 x 6 x 6 A36, burn w/ (4) 11/16" holes, 4" sq pattern').lines[0]
    assert (base.quantity, base.dimensions) == (12, {"thickness": 0.375, "width": 6.0, "length": 6.0})


def test_a_part_number_with_a_size_code_glued_on_is_no_size() -> None:
    line = _extract("1.3 12 EA AL6061-ANG-2X2X125 ALUM ANGLE 6061-T6 2 X 2 X 1/8 X 24'").lines[0]
    assert (line.quantity, line.dimensions) == (
        12,
        {"leg1": 2.0, "leg2": 2.0, "thickness": 0.125, "length": 288.0},
    )


def test_an_inch_size_and_a_form_word_after_and_open_the_next_item() -> None:
    result = _extract(
        "The shop wants brass - 1\" round C360, two 12' bars, and 1/2\" hex also in 360, 3 bars (12')."
    )
    assert [(line.quantity, line.form) for line in result.lines] == [(2, "bar_round"), (3, "bar_hex")]


def test_a_reorder_restated_in_prose_with_one_count_changed_by_name() -> None:
    result = _extract(
        "Could you please repeat our last sheet order? That was 10 sheets of 16 ga A1008 CRS, 48 x 120, "
        "and 5 sheets of 14 ga HR P&O A1011, 48 x 96. The only change is we need 12 of the 16 ga sheets "
        "this time instead of 10, the 14 ga stays at 5."
    )
    assert [(line.quantity, line.grade) for line in result.lines] == [(12, "A1008"), (5, "A1011")]
    assert result.lines[0].revisions == ["quantity was 10"]


def test_certificate_types_said_beside_the_items_are_no_sizes_or_counts() -> None:
    """ "the S355J2 plates require 3.1 certificates; the sections can be 2.2": EN 10204's types, not a
    plate 2.2 thick ordered 3.1 times."""
    text = (
        "Please note that the S355J2 plates require 3.1 certificates; the sections\n"
        "can be 2.2. Delivery by truck with crane please.\n\n"
        "2 pcs plate S355J2 20 x 2000 x 6000 mm\n"
    )
    lines = extract(build_document("order.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(2, "plate")]


def test_a_label_glued_to_its_size_with_a_dot_and_dutch_shape_names() -> None:
    """ "dia.16mm x 4000mm": the label's dot, not a decimal point; "platstaf", "hoekprofiel" are flat
    bar and angle."""
    text = (
        "1. SUS304 Round bar dia.16mm x 4000mm     Qty 30 pcs\n"
        "2. 10 st   Alu platstaf 6060 T66  40 x 5 mm, lengte 6 m\n"
        "3. 8 st   Alu hoekprofiel 6060 T66  30 x 30 x 3 mm, 6 m\n"
    )
    lines = extract(build_document("order.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [
        (30, "bar_round"),
        (10, "bar_rectangular"),
        (8, "angle"),
    ]
    assert lines[0].dimensions["diameter"] == pytest.approx(16 / 25.4, abs=1e-4)


def test_a_heading_naming_the_item_over_its_sizes_and_counts() -> None:
    """ "C110 copper bus bar, 12' lengths:" heads the lines under it, colon or not; under "C360
    brass, 12ft bars" a "7/8 hex" is one of the bars."""
    text = (
        "C110 copper bus bar, 12' lengths:\n  1/4 x 2 ..... 6 pcs\n  1/4 x 4 ..... 2 pcs\n\n"
        "C360 brass, 12ft bars\n  7/8 hex ..... 5\n  1/2 rd ...... 10\n"
    )
    lines = extract(build_document("groups.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (6, "C11000", "bar_rectangular", {"thickness": 0.25, "width": 2.0, "length": 144.0}),
        (2, "C11000", "bar_rectangular", {"thickness": 0.25, "width": 4.0, "length": 144.0}),
        (5, "C360", "bar_hex", {"across_flats": 0.875, "length": 144.0}),
        (10, "C360", "bar_round", {"diameter": 0.5, "length": 144.0}),
    ]


def test_a_quote_above_the_request_it_prices_is_the_order_the_reply_changes() -> None:
    """ "> On … wrote:" inside the quote: the supplier's priced list is the newer message, the
    customer's request under it the older; "make the flat 12 bars instead of 10 and throw in 2
    more of the drill rod" changes the priced list."""
    text = (
        "yep go ahead. make the flat 12 bars instead of 10 and throw in 2 more of the drill rod.\n\n"
        "On Fri, May 9, 2025 at 1:20 PM Rhonda Fairbanks <rf@northgatemetals.com> wrote:\n"
        "> Here you go:\n>\n"
        "> 4140 HT round 2-1/2\" x 12' - 3 bars  $318.00/bar\n"
        '> 1018 CF flat 1/2" x 2" x 12\' - 10 bars  $52.40/bar\n'
        '> O1 drill rod 3/4" x 36" - 4 pcs  $41.15/pc\n>\n'
        "> On Fri, May 9, 2025 at 9:02 AM Pete Kowalski <pete@kowalskitd.com> wrote:\n"
        ">> need to restock some bar:\n"
        '>> - 4140 prehard 2-1/2" rd, 3 bars 12 ft\n'
        ">> - 1018 CF flat 1/2 x 2, 10 bars (12')\n"
        '>> - O1 drill rod 3/4" x 36", qty 4\n'
    )
    lines = extract(build_document("thread.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (3, "4140", "bar_round"),
        (12, "1018", "bar_rectangular"),
        (6, "O1", "bar_round"),
    ]


def test_forwarded_texts_with_a_correction_and_an_item_held_beside_one_wanted() -> None:
    text = (
        "Can someone enter this, I'm on the road. He wants it on today's truck.\n\n"
        "Begin forwarded message:\n\n"
        "> Jimmy (Mon 6:32 AM):\n> 2 sheets 3/16 5086 h116 48x144\n>\n"
        "> Jimmy (Mon 6:35 AM):\n> actually make that 3 sheets of the 5086\n>\n"
        "> Jimmy (Mon 6:44 AM):\n"
        '> 316 rod 1/2" 4 pcs 12ft. and the 1/4 aluminum diamond plate we talked about, hold off on that\n'
    )
    lines = extract(build_document("texts.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (3, "5086", "sheet"),
        (4, "316", "bar_round"),
    ]


def test_a_sentence_begun_by_then_before_its_count_asks_for_its_item() -> None:
    text = (
        "It's all food contact area so everything has to be 304 stainless.\n\n"
        "Then two sheets with a #4 finish, 0.060 thick, 48 by 120, for the guards.\n"
    )
    lines = extract(build_document("prose.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (2, "304", "sheet", {"thickness": 0.06, "width": 48.0, "length": 120.0})
    ]


def test_one_more_item_said_with_also_its_count_after_it_is_a_line_but_not_the_things_got() -> None:
    text = (
        "Hi,\n\nAlso 1-1/2\" sch 40 galvanized pipe, 3 full 21' lengths, for the gate frames.\n\n"
        "Also the 2 sheets of 5/8 plate we picked up Tuesday were fine.\n\nThanks\n"
    )
    (line,) = extract(build_document("also.txt", text.encode(), text)).lines
    assert (line.quantity, line.form, line.dimensions["length"]) == (3, "tube_round", 252)


def test_a_lower_case_run_on_splits_at_a_sheet_of_and_at_oh_after_feet() -> None:
    text = (
        "need a few things next week. ten sticks of half inch round hot roll 20 ft, a sheet of 14 gauge "
        "4x10, and 3 sticks 1/4 x 2 flat 20 ft. oh and 4 sticks of 2x2x1/4 angle.\n\nthx\n"
    )
    lines = extract(build_document("runon.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [
        (10, "bar_round"), (1, "sheet"), (3, "bar_rectangular"), (4, "angle")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "form", "dimensions"),
    [
        # a flat bar's sizes past a note in brackets after "bar"
        (
            'Product Description: Copper bar, C101 (OFHC), 1" x 4" x 12" long, Qty 2',
            "bar_rectangular",
            {"thickness": 1.0, "width": 4.0, "length": 12.0},
        ),
        # the sizes in a code its label names are no sizes of the item
        (
            'C260 Brass Sheet .040" x 12" x 24"  qty 4  SKU 4120-C260SH-0040-12X24',
            "sheet",
            {"thickness": 0.04, "width": 12.0, "length": 24.0},
        ),
    ],
)
def test_sizes_read_past_a_bracketed_note_and_not_from_a_labelled_code(
    text: str, form: str, dimensions: dict[str, float]
) -> None:
    (line,) = extract(build_document("shop.txt", text.encode(), text)).lines
    assert (line.form, line.dimensions) == (form, dimensions)
