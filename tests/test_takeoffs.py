"""Fabricators' part lists and take-offs: Tekla's "Pos  No." columns, rows got elsewhere ("BY
OTHERS", "FROM STOCK", "EXISTING TO REMAIN") and grades stated per shape in the general notes."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import LineItem


def _lines(text: str) -> list[LineItem]:
    return extract(build_document("takeoff.txt", text.encode(), text)).lines


_TEKLA = (
    "PART LIST\n"
    "Pos      No.   Profile              Grade      Length          Weight(lbs)   Remark\n"
    "B1       4     W10X22               A992       18'-6\"             1628.0\n"
    "C1       4     HSS6X6X3/8           A500-B     14'-2\"             1557.2\n"
    "PL1      4     PL1/2X10             A36        1'-0\"                68.1\n"
)


def test_the_number_after_the_position_is_the_count_not_the_weight() -> None:
    lines = _lines(_TEKLA)
    assert [(line.form, line.quantity, line.uom) for line in lines] == [
        ("beam_i", 4, "EA"), ("tube_square", 4, "EA"), ("plate", 4, "EA")
    ]  # fmt: skip
    assert lines[0].dimensions["length"] == 222


@pytest.mark.parametrize("status", ["FROM STOCK", "BY OTHERS", "EXISTING TO REMAIN", "supplied by customer"])
def test_a_row_got_elsewhere_is_not_ordered(status: str) -> None:
    text = _TEKLA + f"L1      16    L3X3X1/4             A36        0'-8\"                52.3     {status}\n"
    assert [line.form for line in _lines(text)] == ["beam_i", "tube_square", "plate"]


def test_grades_per_shape_after_a_lead_in_apply_to_each_shape() -> None:
    text = (
        "Per the general notes: W shapes A992, HSS A500 Gr C, angles and channels A36.\n\n"
        "MARK    SIZE              QTY   LENGTH     NOTES\n"
        "B1      W12x26            3     24'-0\"\n"
        "C2      HSS4x4x1/4        6     10'-8\"\n"
        "L1      L3x3x1/4          8     5'-4\"      lintels\n"
    )
    assert [line.grade for line in _lines(text)] == ["A992", "A500", "A36"]


def test_a_row_whose_item_cell_is_blank_is_the_item_above_at_its_own_count_and_length() -> None:
    text = (
        "Mark\tQty\tSize\tLength\tNotes\n"
        "B1\t4\tW8x31 A992\t14'-6\"\t\n"
        "B2\t2\t\t9'-3\"\t\n"
        "S1\t6\tC6x8.2 A36\t4'-10\"\t\n"
        "S2\t8\t\t3'-0\"\tHAVE - do not ship\n"
    )
    lines = _lines(text)
    assert [(line.form, line.quantity, line.dimensions["length"]) for line in lines] == [
        ("beam_i", 4, 174), ("beam_i", 2, 111), ("channel", 6, 58)
    ]  # fmt: skip
    assert "item_from_row_above" in lines[1].flags and lines[1].grade == "A992"


def test_full_sticks_asked_for_above_the_list_give_its_lines_their_length() -> None:
    text = (
        "Cut list is below so you can see what its for but DONT cut anything. Just send full 20'\n"
        "sticks:\n\n"
        "  L3x3x1/4      3 sticks\n"
        "  C4x5.4        3 sticks\n"
    )
    assert [line.dimensions.get("length") for line in _lines(text)] == [240, 240]


def test_a_grade_cell_left_blank_under_a_merged_cell_takes_the_grade_above_flagged() -> None:
    text = (
        "Material for job 2210 below.\n\n"
        "Grade       Description      Qty    Length\n"
        "A36         PL 1/4 x 6        10    1'-0\"\n"
        "            L2x2x1/4           4    20'\n"
        "6061-T6     FB 1/4 x 2         3    12'\n"
        "            SQ TUBE 2x2x1/8    5    24'\n"
    )
    lines = _lines(text)
    assert [(line.grade, line.form, line.quantity) for line in lines] == [
        ("A36", "plate", 10), ("A36", "angle", 4), ("6061", "bar_rectangular", 3), ("6061", "tube_square", 5)
    ]  # fmt: skip
    assert ["item_from_row_above" in line.flags for line in lines] == [False, True, False, True]
    assert all("missing_grade" not in line.flags for line in lines)


def test_marks_of_one_part_and_length_in_one_list_are_one_line_their_counts_added() -> None:
    text = (
        "Cut list for the canopy, PO 8812:\n\n"
        "MARK  QTY  SIZE                 LENGTH\n"
        "C1    4    HSS 4x4x1/4 A500B    10'-2\"\n"
        "C2    2    HSS 4x4x1/4 A500B    10'-2\"   (holes differ, we drill)\n"
        "B1    3    W8x18 A992           14'-0\"\n\n"
        "Thanks\n"
    )
    lines = _lines(text)
    assert [(line.line_no, line.form, line.quantity) for line in lines] == [
        (1, "tube_square", 6),
        (2, "beam_i", 3),
    ]
    assert "lines_combined" in lines[0].flags and "lines_combined" not in lines[1].flags


def test_a_list_said_again_elsewhere_in_the_message_is_not_added_to_itself() -> None:
    text = (
        "Please enter our order:\n\n1) 20 pcs 1018 CD round 3/8\" x 12'\n\n"
        "From my request below:\n\n20 - 1018 CD round 3/8\" x 12'\n"
    )
    assert [line.quantity for line in _lines(text)] == [20]  # (read once: not 40)
