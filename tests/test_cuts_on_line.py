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
