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


def test_a_portals_rows_of_one_cell_a_line_with_material_descriptions_in_capitals() -> None:
    text = (
        "Line # | No. | Part # / Description | Type | Qty (Unit) | Need By | Unit Price\n\n"
        "20\nMAT-110352\nANGLE,A36,3 X 3 X 1/4,20 FT LG\nMaterial\n10.000 (EA)\n21 Jun 2024\n$61.20 USD\n\n"
        "30\nMAT-301977\nPLATE,A572 GR 50,1/2 IN X 48 IN X 96 IN\nMaterial\n2.000 (EA)\n"
        "21 Jun 2024\n$1,188.00 USD\n"
    )
    assert [(line.form, line.quantity, line.dimensions) for line in _lines(text)] == [
        ("angle", 10, {"leg1": 3, "leg2": 3, "thickness": 0.25, "length": 240}),
        ("plate", 2, {"thickness": 0.5, "width": 48, "length": 96}),
    ]


def test_an_outlines_numbers_are_no_sizes() -> None:
    text = (
        "  1  Q4 Material\n\n"
        "  1.1  HEX BAR, SS 316/316L, 7/8 IN A/F X 12 FT\n       Quantity: 4 each\n\n"
        "  1.2  ROUND BAR, 4140 Q&T, 3 IN DIA, CUT TO 18 IN\n       Quantity: 3 each\n"
    )
    assert [line.dimensions for line in _lines(text)] == [
        {"across_flats": 0.875, "length": 144}, {"diameter": 3, "length": 18}
    ]  # fmt: skip


def test_a_nominal_pipe_size_before_a_comma_and_its_schedule() -> None:
    (line,) = _lines('PIPE,CS,A106 GR B,SMLS,4" NPS,SCH 80,PE,20 FT LG - 6 EA')
    assert line.dimensions["nominal_size"] == 4 and line.dimensions["outer_diameter"] == 4.5
