"""Rows of purchase orders printed by a buyer's ERP and pasted as text: their codes, dates, hardness
ranges and standards' numbers are no sizes, and a grade printed in two standards is one grade."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import LineItem


def _lines(text: str) -> list[LineItem]:
    return extract(build_document("po.txt", text.encode(), text)).lines


_HEADER = (
    " Part Number         Description                                Job #       Qty      Unit      Cost"
    "         Total    Due Date\n"
    " " + "-" * 110 + "\n"
)


def test_a_hardness_range_is_no_size_and_the_size_on_the_next_line_is_read() -> None:
    text = (
        _HEADER + " 4140HT-250-RD       4140 HT (PREHARD 28/32 RC) RD              24-1190      2.00     EA"
        "      286.750"
        "       573.50    10/11/24\n" + "                     2-1/2\" X 12' TGP\n"
    )
    (line,) = _lines(text)
    assert line.grade == "4140" and line.form == "bar_round" and line.quantity == 2
    assert line.dimensions == {"diameter": 2.5, "length": 144}


def test_a_date_written_as_a_fraction_is_no_size() -> None:
    text = "Comments:  ** RUSH ** CERTS REQUIRED ON 4140. PLEASE CALL GUS IF ANY ITEM CANNOT SHIP 10/11."
    assert all(not line.dimensions for line in _lines(text))


_SAP = (
    "Item   Material       Description                                     Order qty.   Unit"
    "     Price per unit"
    "        Net value\n" + "-" * 120 + "\n"
)


def test_a_standards_number_and_the_buyers_material_number_are_no_sizes() -> None:
    text = (
        _SAP + "00040  3000014502     TUBE 316L 60,3X2,0X6000 MM                           4.000   PC"
        "      198.30 / 1 PC"
        "           793.20\n"
        "                      welded, EN 10217-7 D4/T3, pickled\n"
        "                      Your material number: SS-TU-316L-60.3\n"
        "                      Delivery date: Day 03/14/2025\n"
    )
    (line,) = _lines(text)
    assert line.form == "tube_round" and line.quantity == 4
    assert {name: round(value, 3) for name, value in line.dimensions.items()} == {
        "outer_diameter": 2.374, "wall_thickness": 0.079, "length": 236.22
    }  # fmt: skip


def test_a_grade_printed_in_two_standards_is_read() -> None:
    (line,) = _lines("Please quote 5 pcs sheet 1.4404/316L 2,0 x 1250 x 2500 mm 2B")
    assert line.grade == "316L" and line.form == "sheet" and line.quantity == 5


def test_a_header_cell_of_two_columns_set_one_space_apart_is_split() -> None:
    text = (
        "Line Qty Ordered  Part Number / Description                Job #      Due Date   Unit Cost\n"
        "---- -----------  ---------------------------------------  ---------  --------   -----------\n"
        "1       4.00 EA   MAT-AL6061-050                           24117-01   03/18/24   $96.40 /EA\n"
        "                  6061-T6 AL PLATE .500 X 12.00 X 24.00\n"
        "2       3.00 EA   MAT-4140HT-200                           24117-01   03/18/24   $241.15 /EA\n"
        "                  4140 HT ROUND BAR 2.000 DIA X 12 FT\n"
    )
    assert [(line.line_no, line.grade, line.quantity) for line in _lines(text)] == [
        (1, "6061", 4), (2, "4140", 3)
    ]  # fmt: skip
