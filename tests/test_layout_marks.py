"""Typed lists laid out with dot leaders and arrowed side notes, and the trade's "rd" after a size."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.layout_marks import without_layout_marks
from pipeline.ingest.document import build_document


def _rows(text: str) -> list[tuple]:
    lines = extract(build_document("cuts.txt", text.encode(), text)).lines
    return [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines]


def test_marks_become_spaces_of_the_same_length() -> None:
    text = '1-1/4 rd .......... (16) @ 4-1/8"   <-- last time these came at 10-7/8\n'
    plain = without_layout_marks(text)
    assert len(plain) == len(text) and "." not in plain.replace("4-1/8", "") and "10-7/8" not in plain


def test_a_saw_cut_list_with_dot_leaders_under_a_grade_said_once() -> None:
    text = (
        "Saw cuts for the valve body job. Everything 303 SS cold finished, except where noted.\n\n"
        '  1-1/4 rd .......... (16) @ 4-1/8"\n'
        '  3/4 hex ........... (30) @ 2-1/2"   <-- last time these came at 10-7/8\n'
        "  1/2 rd 416 ........ 3 full bars (12')\n"
    )
    assert _rows(text) == [
        (16, "303", "bar_round", {"diameter": 1.25, "length": 4.125}),
        (30, "303", "bar_hex", {"across_flats": 0.75, "length": 2.5}),
        (3, "416", "bar_round", {"diameter": 0.5, "length": 144.0}),
    ]


def test_a_street_s_rd_is_no_round_bar() -> None:
    text = 'Ship to 3105 N Webb Rd, Wichita KS.\n\nNeed 4 pcs 1018 rd bar 1" x 12 ft.\n'
    assert _rows(text) == [(4, "1018", "bar_round", {"diameter": 1.0, "length": 144.0})]


def test_a_leader_or_a_dash_to_a_bare_count_ending_the_line() -> None:
    text = (
        "Can you get these on the early truck?\n\n"
        "1045 TGP Ø1.375 × 12′ ...... 3\n"
        "6061-T6511 sq. 1″ × 12′ .... 4\n"
        "5052-H32 ⅛″ sheet, 4′ × 8′ — 3\n"
        "1.5″ sq. × .125″ wall 6063-T52 tube × 24′ — 6 pcs\n"
    )
    assert [(quantity, grade, form) for quantity, grade, form, _ in _rows(text)] == [
        (3, "1045", "bar_round"),
        (4, "6061", "bar_square"),
        (3, "5052", "sheet"),
        (6, "6063", "tube_square"),  # a shape said first, the tube after
    ]


def test_a_csv_row_s_cell_quotes_are_gaps_and_its_escaped_inch_marks_stay() -> None:
    row = '"PFE-10293",4,10,"304","","Round Tube",1.5,0.065,,240\n3,"303 SS","1/2"" hex x 12 ft",3,"bar",""'
    read = without_layout_marks(row)
    assert len(read) == len(row)
    assert read.splitlines() == [
        " PFE-10293 ,4,10, 304 ,  , Round Tube ,1.5,0.065,,240",
        '3, 303 SS , 1/2"  hex x 12 ft ,3, bar ,  ',
    ]


def test_a_bare_size_before_rd_is_the_bar_when_its_count_is_in_brackets() -> None:
    text = '303 SS:\n1-1/4 rd .......... (16) @ 4-1/8"\n2 rd .............. (4) @ 11"\n'
    line = extract(build_document("cuts.txt", text.encode(), text)).lines[1]
    assert (line.quantity, line.dimensions) == (4, {"diameter": 2.0, "length": 11.0})
