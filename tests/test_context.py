"""A grade stated once for many items, and items written over several lines or as labelled bullets."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import Extraction


def _extract(text: str) -> Extraction:
    return extract(build_document("mail.txt", text.encode(), text))


def _rows(extraction: Extraction) -> list[tuple]:
    return [
        (
            line.quantity,
            line.grade,
            line.form,
            tuple(round(v, 4) for v in line.dimensions.values()),
            line.flags,
        )
        for line in extraction.lines
    ]


def test_a_grade_line_over_a_list_of_cuts_is_each_cut_s_grade() -> None:
    text = (
        "Please saw these from plate:\n\n7075-T651\n"
        '  - 3/4" thick: 6 pcs @ 4" x 7"\n  - 1" thick: 2 pcs @ 10" x 10"\n'
    )
    assert [(row[0], row[1], row[3]) for row in _rows(_extract(text))] == [
        (6, "7075", (0.75, 4.0, 7.0)),
        (2, "7075", (1.0, 10.0, 10.0)),
    ]


def test_labelled_bullets_naming_forms_are_items_and_share_the_stated_grade() -> None:
    text = (
        "MATERIAL: 304L stainless\n\nITEMS:\n"
        '- Sheet: 0.0625" x 48" x 120" (need 4 sheets)\n'
        "- Round bar: 1.25\" diameter x 12' lengths (need 5 pieces)\n"
        '- Bar: 3" x 0.5" flat bar x 12\' (need 2 pieces)\n'
    )
    assert [(row[0], row[1], row[2], row[4]) for row in _rows(_extract(text))] == [
        (4, "304L", "sheet", []),
        (5, "304L", "bar_round", []),
        (2, "304L", "bar_rectangular", []),
    ]


def test_a_grade_for_one_form_goes_to_that_form_only_and_two_stated_grades_are_flagged() -> None:
    text = (
        "Cut list below, all A36 unless noted.\n\n"
        '4 pcs L2x2x1/4 x 36"\n6 pcs HSS 3x3x3/16 x 48"\n\n'
        "HSS to be A500 Gr C.\n"
    )
    rows = _rows(_extract(text))
    assert [(row[1], row[2]) for row in rows] == [("A36", "angle"), ("A500", "tube_square")]
    assert all("grade_from_context" in row[4] for row in rows)  # two grades stated: a person checks


def test_a_family_scoped_requirement_is_not_given_to_other_families() -> None:
    text = (
        "- 12 pcs aluminum flat bar 1/4 x 2 x 144\n- 8 pcs stainless round bar 1 dia x 36\n\n"
        "All stainless steel parts must be 316L.\n"
    )
    assert [row[1] for row in _rows(_extract(text))] == [None, "316L"]


def test_years_in_business_are_not_a_size() -> None:
    text = 'Family shop, been in business 35 years. Need 4 pcs 1018 round bar 1 dia x 12".'
    assert [(row[0], row[1], row[3]) for row in _rows(_extract(text))] == [(4, "1018", (1.0, 12.0))]


def test_several_whole_items_in_one_paragraph_are_several_lines() -> None:
    text = (
        'For the jig we need three pieces of 4140 at 2" x 6" x 10". I also need two pieces of '
        '1018 flat bar, 1/2" x 3" x 24". And send 4 sticks of 2x2x1/4 A36 angle and a sheet of '
        "A36 plate 1/4 x 48 x 96.\n"
    )
    assert [(row[0], row[1], row[3]) for row in _rows(_extract(text))] == [
        (3, "4140", (2.0, 6.0, 10.0)),
        (2, "1018", (0.5, 3.0, 24.0)),
        (4, "A36", (2.0, 2.0, 0.25)),
        (1, "A36", (0.25, 48.0, 96.0)),
    ]


def test_an_item_told_over_several_sentences_stays_one_line() -> None:
    text = (
        "We need 17-4 round bar. About 1 inch diameter, maybe 1.25 inch. "
        "Each part uses about 2 inches of the bar stock.\n"
    )
    assert len(_extract(text).lines) == 1


def test_a_table_header_in_capitals_right_under_a_po_line_is_a_table() -> None:
    text = "PO 88-112\nMATL   SHAPE   SIZE          LENGTH   QTY\n316L   FLAT    1/4 X 2       12'      7\n"
    assert [(row[0], row[1], row[2]) for row in _rows(_extract(text))] == [(7, "316L", "bar_rectangular")]


def test_section_headings_give_their_grade_to_the_items_under_them_and_w_shapes_theirs() -> None:
    text = (
        'STAINLESS (316L):\n1. 2 ea 1" x 3" flat bar x 12\'\n2. 1 ea 2" x 2" x 1/4" angle x 20\'\n'
        'CARBON (A36):\n3. 4 ea 3/8" x 4" flat x 20\'\n'
    )
    rows = _rows(_extract(text))
    assert [(row[1], row[4]) for row in rows] == [("316L", []), ("316L", []), ("A36", [])]
    cut_list = "All A36 unless noted.\n\n2 pcs W8x31 x 20'\n3 pcs C6x8.2 x 10'\n\nW shapes A992.\n"
    assert [row[1] for row in _rows(_extract(cut_list))] == ["A992", "A36"]


def test_a_form_stated_in_prose_decides_a_flat_piece_read_from_sizes_alone() -> None:
    text = (
        "Burn these from plate please.\n\n"
        "Part#\tMaterial\tThk\tWidth\tLength\tQty\nBK-1\tA36\t0.5\t12\t24\t6\nBK-2\tA36\t0.75\t8\t8\t4\n"
    )
    assert [(row[2], row[4]) for row in _rows(_extract(text))] == [("plate", []), ("plate", [])]


def test_a_customer_stock_code_and_a_date_in_a_row_are_not_sizes_or_counts() -> None:
    text = (
        "Line   Item / Description                          Need By       Quantity   UOM\n"
        "3      ALUM-ANG-6061-2X2X25                        28-FEB-2024      10      EA\n"
        "       ALUMINUM ANGLE 6061-T6 2 X 2 X 1/4 X 24 FT\n"
    )
    assert [(row[0], row[2], row[3]) for row in _rows(_extract(text))] == [
        (10, "angle", (2.0, 2.0, 0.25, 288.0))
    ]


def test_an_item_written_over_several_lines_is_one_line() -> None:
    text = (
        'Small shop here, 35 years in business.\n\n4140 steel round bar\n- 2" diameter\n- 36" lengths\n'
        "- Need 8 pieces\n\nStandard mill tolerance is fine.\n"
    )
    assert [(row[0], row[1], row[2], row[3]) for row in _rows(_extract(text))] == [
        (8, "4140", "bar_round", (2.0, 36.0))
    ]


def test_a_cut_list_names_the_item_once_then_its_pieces_by_count_and_length() -> None:
    text = (
        'Cut list, dwg 220 rev B:\n\n2 x 2 x 3/16 sq tube A500:\n   4 off @ 30-1/2"\n   2 off @ 12"\n'
        'A36 flat bar 3/8 x 3:\n   qty 8 ea @ 6"\n'
    )
    assert [(row[0], row[1], row[2], row[3]) for row in _rows(_extract(text))] == [
        (4, "A500", "tube_square", (2.0, 0.1875, 30.5)),
        (2, "A500", "tube_square", (2.0, 0.1875, 12.0)),
        (8, "A36", "bar_rectangular", (0.375, 3.0, 6.0)),
    ]


def test_a_count_glued_after_a_length_ends_the_line() -> None:
    text = 'Saw cut please:\n12L14 1" rd x 6" x20\nC360 brass 5/8 hex x 3" x50\n'
    assert [(row[0], row[3]) for row in _rows(_extract(text))] == [(20, (1.0, 6.0)), (50, (0.625, 3.0))]


def test_grades_stated_per_form_in_one_sentence_and_a_marks_cut_list() -> None:
    text = (
        "Everything is black steel: pipe is A53, bar and plate A36.\n\n"
        "MARK   SIZE                QTY    LENGTH\n"
        "B1     W10x22              (4)    18'-6\"\n"
        "BR1    L3x3x1/4            x12    @ 4'-7 3/4\"\n"
        "P1     PL 3/4 x 10 x 10    8 off\n"
        "\nW shapes A992, angle and plate A36.\n"
    )
    rows = _rows(_extract(text))
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (4, "A992", "beam_i"),
        (12, "A36", "angle"),
        (8, "A36", "plate"),
    ]


def test_a_heading_naming_a_family_and_a_grade_gives_the_grade_to_the_items_under_it() -> None:
    text = "For the stainless, everything is 303:\n- 5 bars 1/2 inch round, 12 ft\n- 3 bars 7/8 hex, 12 ft\n"
    assert [row[1] for row in _rows(_extract(text))] == ["303", "303"]


def test_grades_listed_then_one_size_for_them_all() -> None:
    text = (
        "need samples, thinking:\n- aluminum 6061-T6\n- aluminum 7075-T6\n\n"
        'sizes around 1" x 6" strips, 0.25" thick, 20 pieces total\n'
    )
    rows = _rows(_extract(text))
    assert [(row[0], row[1], sorted(row[3])) for row in rows] == [
        (None, "6061", [0.25, 1.0, 6.0]),
        (None, "7075", [0.25, 1.0, 6.0]),
    ]
    assert all("shared_size" in row[4] for row in rows)  # a person confirms the size is for each


def test_each_form_takes_the_grade_said_of_it_and_a_mark_s_abbreviation_gives_way() -> None:
    text = (
        "All A36 except HSS is A500 and pipe is A53.\n\n"
        "POSTS       HSS1-1/2x1-1/2x1/8                 (9)       @ 3'-6\"\n"
        'HANDRAIL    1-1/4" sch 40 pipe                 4 off     @ 20\'-0"\n'
        "KICK PL     1/4 x 4 flat bar                   6 ea      @ 10'-6\"\n"
    )
    assert [(row[0], row[1], row[2]) for row in _rows(_extract(text))] == [
        (9, "A500", "tube_square"),
        (4, "A53", "tube_round"),
        (6, "A36", "bar_rectangular"),
    ]


def test_a_cut_list_in_one_paragraph_and_specs_made_in_one_product_only() -> None:
    text = (
        "Everything A36 / A53 black unless noted.\n\n"
        'Posts & rails - 1-1/2" sch 40 pipe\n   P1    (26) @ 3\'-6"\n   R1    (8)  @ 10\'-2 1/4"\n\n'
        'Pickets - 5/8" sq solid\n   PK    (96) @ 33-3/4"\n'
    )
    assert [(row[0], row[1], row[2], row[3][-1]) for row in _rows(_extract(text))] == [
        (26, "A53", "tube_round", 42.0),
        (8, "A53", "tube_round", 122.25),
        (96, "A36", "bar_square", 33.75),
    ]


def test_a_structural_cut_list_of_designations_each_over_its_marked_pieces() -> None:
    text = (
        "Cut & deliver per below. All A992 unless noted.\n\n"
        "W12x26\n   B1  (4) @ 18'-7 1/2\"\n   B2  (2) @ 14'-0\"\n"
        "C8x11.5  A36\n   C1  (8) @ 6'-2 1/4\"\n"
        "HSS6x6x1/4  A500 Gr C\n   P1  (3) @ 12'-3 1/2\"\n"
    )
    assert [(row[0], row[1], row[2], row[3][-1]) for row in _rows(_extract(text))] == [
        (4, "A992", "beam_i", 223.5),
        (2, "A992", "beam_i", 168.0),
        (8, "A36", "channel", 74.25),
        (3, "A500", "tube_square", 147.5),
    ]


def test_a_spec_run_listing_counted_lengths_gives_a_line_each() -> None:
    text = (
        "- Steel I-beams (wide flange)\n"
        "- Size: W8 x 31 (8 inch deep)\n"
        "- Lengths: (4) 20-foot beams, (2) 16-foot beams\n"
        "- Finish: Painted black\n"
    )
    assert [(row[0], row[2], row[3]) for row in _rows(_extract(text))] == [
        (4, "beam_i", (8.0, 240.0, 31.0)),
        (2, "beam_i", (8.0, 192.0, 31.0)),
    ]


def test_a_radio_channel_is_no_steel_channel() -> None:
    text = 'Need 2 pcs A36 plate 1/2 x 12 x 12.\n\nRadio: Channel 19 "Goldstrike Base"\n'
    assert [row[2] for row in _rows(_extract(text))] == ["plate"]


def test_a_line_naming_the_item_over_lines_giving_each_count_and_the_rest_of_its_size() -> None:
    """A group: "5086-H116 plate" over "3 pcs 3/16" x 72 x 240"; "Shafting 1045 2-7/16" dia" over
    "2 pcs @ 4'-8 1/4" (head shaft)"; "Plate A36 1/2"" over "2 pcs 14" x 22 1/2" (bearing bases)"."""
    text = (
        'Please put together:\n\n5086-H116 plate\n  3 pcs  3/16" x 72 x 240\n  2 pcs  1/4" x 72 x 240\n'
        "5052-H32 sheet .125 x 48 x 144 - 6 sheets\n\n"
        'Shafting 1045 TG&P 2-7/16" dia\n   2 pcs @ 4\'-8 1/4"   (head shaft)\n'
        "   1 pc  @ 3'-11 3/8\"  (tail shaft)\n"
        'Plate A36 1/2"\n   2 pcs 14" x 22 1/2"  (bearing bases)\n'
    )
    lines = _extract(text).lines
    assert [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines] == [
        (3, "5086", "plate", {"thickness": 0.1875, "width": 72.0, "length": 240.0}),
        (2, "5086", "plate", {"thickness": 0.25, "width": 72.0, "length": 240.0}),
        (6, "5052", "sheet", {"thickness": 0.125, "width": 48.0, "length": 144.0}),
        (2, "1045", "bar_round", {"diameter": 2.4375, "length": 56.25}),
        (1, "1045", "bar_round", {"diameter": 2.4375, "length": 47.375}),
        (2, "A36", "plate", {"thickness": 0.5, "width": 14.0, "length": 22.5}),
    ]
    # the evidence points at the words in the document: the grade in the heading, the count below
    grade, count = lines[0].evidence["grade"], lines[0].evidence["quantity"]
    assert text[grade.start : grade.end].startswith("5086") and text[count.start : count.end].startswith("3")


def test_grades_said_per_form_then_everything_else() -> None:
    text = (
        "Cut list below. Beams A992, tube A500 Gr B, everything else A36.\n\n"
        "MARK   QTY   SIZE              LENGTH\n"
        "B1     4     W8x31             18'-4 1/2\"\n"
        "C1     4     HSS 6x6x1/4       14'-0\"\n"
        "J1     12    C6x8.2            6'-3 3/4\"\n"
    )
    assert [(line.grade, line.form) for line in _extract(text).lines] == [
        ("A992", "beam_i"),
        ("A500", "tube_square"),
        ("A36", "channel"),
    ]


def test_an_except_clause_gives_its_grade_to_the_form_it_names() -> None:
    text = (
        "Everything is 6061-T6 except the sheet, which should be 5052-H32.\n\n"
        "10 lengths of 1-1/2\" OD x .125 wall round tube, 12' and 4 sheets .125 x 48 x 96. "
        'Could you also throw in 6 bars of 1" round, 12 ft?\n'
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.form, line.grade) for line in lines] == [
        ("tube_round", "6061"),
        ("sheet", "5052"),
        ("bar_round", "6061"),
    ]


def test_a_grade_stated_for_numbered_items_is_theirs_and_the_item_numbers_are_no_size() -> None:
    text = (
        "Material: IS 2062 E250 BR for items 1 to 3 (equivalent ASTM A36 also acceptable).\n\n"
        "1) MS Plate 12 mm thk x 1500 x 6300 mm - 5 Nos.\n2) ISMC 150 channel, 6 mtr length - 8 Nos.\n"
        "3) ISA 65 x 65 x 6 angle, 6 mtr length - 12 Nos.\n"
    )
    result = _extract(text)
    rows = [(line.quantity, line.form) for line in result.lines]
    assert rows == [(5, "plate"), (8, "channel"), (12, "angle")]
    assert all(line.grade is not None and "grade_from_context" in line.flags for line in result.lines)


def test_pipe_stated_dual_certified_gives_its_grade_to_the_pipe_listed_under_it() -> None:
    text = 'Pipe for the boiler room. A53B/A106B dual cert, black, PE.\n\n2" sch 40 pipe 21ft - 6 lengths\n'
    [line] = _extract(text).lines
    assert line.grade in ("A53", "A106") and line.quantity == 6


def test_a_length_said_of_both_items_in_one_of_them_is_both_items_length() -> None:
    text = "need 25 pcs of 1/4 x 2 C110 flat bar and 25 pcs of 3/8 x 4 C110 flat bar, both in 12' lengths.\n"
    assert [line.dimensions["length"] for line in _extract(text).lines] == [144.0, 144.0]


def test_a_sentence_saying_a_grade_of_every_item_is_no_line_of_its_own() -> None:
    text = (
        "Our RFQ #25-114. All plate A572 Gr 50, burned to size, no holes.\n\n"
        'PC MK   QTY   THK     SIZE\nP1      16    1"      14 x 14\nP2      32    3/4"    10 x 10\n'
    )
    assert [row[:3] for row in _rows(_extract(text))] == [(16, "A572", "plate"), (32, "A572", "plate")]
