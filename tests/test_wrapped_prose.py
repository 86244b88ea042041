"""Prose a mail client wrapped at its width: a sentence goes on across the line break, so items are
read by sentence and clause, not by line; lists typed a line per item and aligned tables are not
wrapped text."""

from __future__ import annotations

import textwrap

import pytest

from pipeline.extract import extract
from pipeline.extract.prose import wrapped
from pipeline.ingest.document import build_document


def read(text: str) -> list[tuple[float | None, str | None, str | None, dict[str, float]]]:
    lines = extract(build_document("wrapped.txt", text.encode(), text)).lines
    return [(line.quantity, line.grade, line.form, dict(line.dimensions)) for line in lines]


PARAGRAPH = (
    'For the mezzanine job we would like 4 sheets of 1/4" A36 plate, 60" x 120", and 6 sheets of 11 '
    "gauge cold rolled, 4' x 8'. After that 12 lengths of 3 x 3 square tubing with 3/16 wall, 20 ft "
    "long, A500 grade B please."
)
WRAPPED = "Hello,\n\n" + textwrap.fill(PARAGRAPH, 76) + "\n\nThanks,\nRoz\n"  # as a mail client sends it


@pytest.mark.parametrize("width", [72, 76, 80])
def test_items_of_a_wrapped_paragraph_are_read_whole_across_the_line_breaks(width: int) -> None:
    text = "Hello,\n\n" + textwrap.fill(PARAGRAPH, width) + "\n\nThanks,\nRoz\n"
    assert read(text) == [
        (4, "A36", "plate", {"thickness": 0.25, "width": 60.0, "length": 120.0}),
        (6, None, "sheet", {"thickness": 0.1196, "width": 48.0, "length": 96.0}),
        (12, "A500", "tube_square", {"side": 3.0, "wall_thickness": 0.1875, "length": 240.0}),
    ]


def test_the_newlines_a_client_put_inside_sentences_are_wraps() -> None:
    start = WRAPPED.index("For the")
    end = WRAPPED.index("please.") + len("please.")
    breaks = {start + index for index, char in enumerate(WRAPPED[start:end]) if char == "\n"}
    assert len(breaks) >= 2 and wrapped(WRAPPED, start, end) == breaks


def test_a_list_typed_a_line_per_item_is_not_wrapped_text() -> None:
    listed = (
        "Please quote the following for the Dalton job, all with mill certs and cut square:\n"
        '6 pcs 4140 HT round bar 2-1/2" dia x 12 ft, certs with the shipment please\n'
        "4 sheets 304 2B 16 ga 48 x 120 with PVC one side, for the hood liners and the\n"
        "2 pcs A36 plate 1/2 x 12 x 24 burned, for the base of the press frame\n"
    )
    assert wrapped(listed, 0, len(listed)) == set()
    assert [quantity for quantity, *_ in read(listed)] == [6, 4, 2]


def test_aligned_columns_are_a_table_not_wrapped_text() -> None:
    table = (
        "1  20 sh  16 ga CR 1008 sheet 48 x 96 for the cabinet doors and the      $54.20 ea\n"
        "2  10 sh  14 ga A1011 HRPO sheet 48 x 120                                $88.75 ea\n"
    )
    assert wrapped(table, 0, len(table)) == set()


def test_a_bar_sized_before_its_word_is_a_flat_bar_when_its_length_is_said_apart() -> None:
    text = 'Can you quote 3 pieces of C110 1/4" x 2" bar in 12 foot lengths.\n'
    assert read(text) == [
        (3, "C11000", "bar_rectangular", {"thickness": 0.25, "width": 2.0, "length": 144.0})
    ]


def test_once_a_paragraph_shows_it_was_wrapped_a_break_after_a_number_is_a_wrap_too() -> None:
    text = (
        "Hello,\n\n"
        "We need 5 sheets of 10 gauge hot rolled, 4' x 10', and then 3 sheets of .125\n"
        "5052-H32 aluminum, 48 x 144, plus 2 sheets of 3/16 A36 plate, 48 x 96 for the\n"
        "fender brackets.\n\nThanks\n"
    )
    assert [(quantity, form) for quantity, _, form, _ in read(text)] == [
        (5, "sheet"),
        (3, "sheet"),
        (2, "plate"),
    ]
    assert read(text)[1][3] == {"thickness": 0.125, "width": 48.0, "length": 144.0}
