"""Web-form submissions mailed with each field's label on one line and its value on the next."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.extract.stacked_fields import fields_from_stacked_labels
from pipeline.ingest.document import build_document
from pipeline.models import Extraction

_FORM = """A new form submission has been received.

Company
Lakeside Pump & Valve

Item 1 - Material
Alloy Steel

Item 1 - Grade
4140 HT

Item 1 - Shape
Round Bar

Item 1 - Size
1-3/4" dia

Item 1 - Length
8" cut pcs

Item 1 - Quantity
6

Item 2 - Material
Aluminum

Item 2 - Grade
6061-T6

Item 2 - Shape
Flat Bar

Item 2 - Size
1/2 x 3

Item 2 - Length
12 ft bars

Item 2 - Quantity
4

Item 3 - Material


Item 3 - Shape
-- Select --

Additional comments
If you can saw the 4140 to 8" that saves me a step.
"""


def _extract(text: str) -> Extraction:
    return extract(build_document("form.txt", text.encode(), text))


def test_each_item_of_a_form_is_one_line_with_its_fields() -> None:
    result = _extract(_FORM)
    assert [(line.grade, line.form, line.quantity, line.dimensions) for line in result.lines] == [
        ("4140", "bar_round", 6, {"diameter": 1.75, "length": 8}),
        ("6061", "bar_rectangular", 4, {"thickness": 0.5, "width": 3, "length": 144}),
    ]
    assert result.header.customer.company == "Lakeside Pump & Valve"


def test_the_text_keeps_every_position() -> None:
    joined = fields_from_stacked_labels(_FORM)
    assert len(joined) == len(_FORM)
    assert "Grade：4140 HT" in joined and "Item 3 - Material\n" in joined  # an empty field stays


def test_a_letter_with_short_paragraphs_is_left_as_written() -> None:
    text = "Hi Bob\n\nNeed some steel\n\nThanks\nJoe\n\nSize\nlarge\n"
    assert fields_from_stacked_labels(text) == text


def test_a_field_written_with_a_full_width_colon_is_read() -> None:
    (line,) = _extract("品名：丸棒 SUS304\nサイズ：φ25 x 2000L\n数量：10本\n").lines
    assert (line.form, line.quantity) == ("bar_round", 10)
