"""Tables pasted one cell per line, as web mail flattens a table copied from a sheet."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.stacked_cells import rows_from_stacked_cells
from pipeline.ingest.document import build_document

TABLE = (
    "Please enter the below on PO 24-1187.\n\n"
    "Qty\nGrade\nDescription\nLength / Size\nNotes\n"
    "6\n304/304L\nRound bar 1\" dia\n12'\n \n"
    '4\n316L\nSheet 14 ga, #4 finish\n48" x 120"\nPVC one side\n'
    "3\n316/316L\nSch 40 pipe 1-1/2\"\n20'\nwelded OK\n\n"
    "Certs with the shipment please.\n"
)


def test_each_rows_cells_are_joined_with_tabs_and_every_position_stays() -> None:
    joined = rows_from_stacked_cells(TABLE)
    assert len(joined) == len(TABLE)
    rows = joined.split("\n")
    assert rows[2] == "Qty\tGrade\tDescription\tLength / Size\tNotes"
    assert rows[3] == "6\t304/304L\tRound bar 1\" dia\t12'\t "
    assert rows[6] == "" and rows[7] == "Certs with the shipment please."


def test_the_rows_are_read_by_their_columns() -> None:
    lines = extract(build_document("po.txt", TABLE.encode(), TABLE)).lines
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in lines] == [
        (6, "bar_round", {"diameter": 1, "length": 144}),
        (4, "sheet", {"thickness": 0.075, "width": 48, "length": 120}),
        (
            3,
            "tube_round",
            {"outer_diameter": 1.9, "wall_thickness": 0.145, "length": 240, "nominal_size": 1.5},
        ),
    ]


def test_a_list_of_words_that_is_no_table_is_left_alone() -> None:
    text = "Qty\nGrade\nDescription\n\nwe will send these later\n"
    assert rows_from_stacked_cells(text) == text


def test_a_description_wrapped_onto_a_second_line_stays_in_its_row() -> None:
    text = (
        "Item\nDescription\nQty\nReq'd date\n"
        '1\nAR400 plate, 1/2" x 48" x\n96"\n2\n3/20\n'
        "2\nAR400 plate 3/8 x 60 x 120\n1\n3/20\n"
    )
    rows = rows_from_stacked_cells(text).split("\n")
    assert rows[1] == '1\tAR400 plate, 1/2" x 48" x 96"\t2\t3/20'
    lines = extract(build_document("po.txt", text.encode(), text)).lines
    assert [(line.quantity, dict(line.dimensions)) for line in lines] == [
        (2, {"thickness": 0.5, "width": 48, "length": 96}),
        (1, {"thickness": 0.375, "width": 60, "length": 120}),
    ]


def test_bold_header_cells_from_an_html_mail() -> None:
    text = (
        "Please enter the following:\n\n*Line*\n*Qty*\n*Description*\n*Grade*\n*Length*\n"
        '1\n4\n1/2" x 48" x 96" plate\nA36\n--\n2\n12\n1/4" x 3" flat bar\nA36\n20\'\n\nThanks\n'
    )
    lines = extract(build_document("html.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (4, "A36", "plate"),
        (12, "A36", "bar_rectangular"),
    ]
