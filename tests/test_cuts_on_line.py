"""An item named once on a line, then two or more counts at lengths: a line for each piece."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.document import build_document


def _pieces(text: str) -> list[tuple]:
    lines = extract(build_document("cuts.txt", text.encode(), text)).lines
    return [(line.quantity, line.form, line.dimensions.get("length")) for line in lines]


def test_each_count_at_a_length_after_the_item_is_a_line() -> None:
    text = (
        "Cut list for the conveyor frame:\n"
        '- 304 sq tube 1-1/2 x 1-1/2 x .065 wall: 8 @ 30", 4 @ 60-1/4"\n'
        "- A36 angle 2x2x1/4: 6 pcs @ 4'-2\", 2 @ 10'-6 3/8\"\n"
        '- 304 rd tube 1" OD x .065, 10 @ 36"\n'
    )
    assert _pieces(text) == [
        (8, "tube_square", 30.0),
        (4, "tube_square", 60.25),
        (6, "angle", 50.0),
        (2, "angle", 126.375),
        (10, "tube_round", 36.0),
    ]


def test_cuts_beside_a_count_of_stock_lengths_are_how_the_stock_is_nested() -> None:
    text = (
        "Item | Description | Cuts | ORDER\n"
        "3 | 1-1/2\" sch 40 pipe A53 B | 6 @ 17'-2\", 4 @ 6'-5 1/2\" | 8 pcs x 21'\n"
    )
    assert _pieces(text) == [(8, "tube_round", 252.0)]


def test_a_detailers_bill_of_materials_by_mark_with_sections_glued_to_their_sizes() -> None:
    text = (
        "MARK  QTY  SECTION             LENGTH        GRADE   REMARKS\n"
        "m1      2  C10X15.3            14'-7 1/2\"    A36     stringers\n"
        "m2     28  L1-1/2X1-1/2X3/16   0'-10 1/2\"    A36     tread clips\n"
        "m3     14  PL1/4X11            3'-6\"         A36\n"
        "m5      2  PIPE1-1/2STD        15'-9\"        A53B    rail\n"
    )
    lines = extract(build_document("bom.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, line.dimensions.get("length")) for line in lines] == [
        (2, "channel", 175.5),
        (28, "angle", 10.5),
        (14, "plate", 42.0),
        (2, "tube_round", 189.0),
    ]
    assert lines[3].dimensions["nominal_size"] == 1.5


def test_a_bare_count_before_a_section_and_its_length() -> None:
    assert _pieces("2 W8x31 A992 x 20'\n4 L3x3x1/4 A36 x 20'\n") == [
        (2, "beam_i", 240.0),
        (4, "angle", 240.0),
    ]


def test_the_stock_the_cuts_come_from_is_no_count() -> None:
    text = '- 2" dia 4140 HT (prehard) round: from 1 stick cut 3 @ 36" and 2 @ 16"\n'
    assert _pieces(text) == [(3, "bar_round", 36.0), (2, "bar_round", 16.0)]
