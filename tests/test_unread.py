"""Never a silent error: what looks like an item but is in no line is named for the desk; and the
readings that used to leave such items unread."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import Extraction, Order, OrderLine
from pipeline.review import review


def _extract(text: str) -> Extraction:
    return extract(build_document("mail.txt", text.encode(), text))


def _rows(extraction: Extraction) -> list[tuple]:
    return [
        (line.quantity, line.grade, line.form, tuple(round(v, 4) for v in line.dimensions.values()))
        for line in extraction.lines
    ]


def test_a_sentence_naming_an_item_without_a_count_is_named_in_a_review_reason() -> None:
    text = (
        "Hi,\n\n- 4 sheets 16 ga 304 4x8\n- 2 bars 1\" 1018 round x 12'\n\n"
        "We also want some 6063 square tube for the frames, 1 x 1 x 1/8 wall, 24 ft lengths.\n"
    )
    extraction = _extract(text)
    assert len(extraction.lines) == 2
    assert extraction.header.unread == [
        "We also want some 6063 square tube for the frames, 1 x 1 x 1/8 wall, 24 ft lengths."
    ]
    document = build_document("mail.txt", text.encode(), text)
    order = Order(
        "OD-1", document, extraction.header, [OrderLine(item=line, match=None) for line in extraction.lines]
    )
    reasons = [reason for reason in review(order).details if reason.code == "unread_item"]
    assert len(reasons) == 1 and "6063 square tube" in reasons[0].message


def test_history_thanks_and_nothing_to_order_are_not_unread_items() -> None:
    text = (
        'Thanks for getting the 5086 plate out so fast - the 1/4" sheets were perfect.\n\n'
        'Nothing to order this week, we still have plenty of the 16 ga and the 1/8" aluminum.\n'
    )
    extraction = _extract(text)
    assert extraction.lines == [] and extraction.header.unread == []


def test_a_count_of_them_after_the_sizes_is_the_quantity() -> None:
    text = "We also need some 6063 square tube, 1 x 1 x 1/8 wall, 24 foot lengths, 15 of them.\n"
    assert _rows(_extract(text)) == [(15, "6063", "tube_square", (1.0, 0.125, 288.0))]


def test_counts_after_commas_are_items_of_their_own() -> None:
    text = (
        "Everything is 5052-H32 unless noted. Three sheets of .063 4x8, two sheets of .090 4x10, "
        "and ten sheets of .040 4x8.\n"
    )
    assert _rows(_extract(text)) == [
        (3, "5052", "sheet", (0.063, 48.0, 96.0)),
        (2, "5052", "sheet", (0.09, 48.0, 120.0)),
        (10, "5052", "sheet", (0.04, 48.0, 96.0)),
    ]


def test_sentences_naming_a_material_are_not_grades_listed_for_one_shared_size() -> None:
    text = (
        "We're a sign shop and need a quote on some aluminum. Everything is 5052-H32 unless noted. "
        "Three sheets of .063 4x8, two sheets of .090 4x10.\n"
    )
    assert [row[0] for row in _rows(_extract(text))] == [3, 2]


def test_a_cut_list_count_set_apart_before_the_at_sign_is_the_quantity() -> None:
    text = (
        "All A36.\n\n"
        'CLIPS       L2x2x3/16            x28       @ 10-3/4"\n'
        'Pickets - 3/4 sq solid bar A36   x20 @ 66"\n'
    )
    assert _rows(_extract(text)) == [
        (28, "A36", "angle", (2.0, 2.0, 0.1875, 10.75)),
        (20, "A36", "bar_square", (0.75, 66.0)),
    ]


def test_metres_before_a_word_with_an_accent_are_the_quantity() -> None:
    text = (
        "OC 2025-0342\n1.- 12 pzas Placa acero A36 12,7 mm x 1220 x 2440 mm\n"
        "2.- 40 m Ángulo A36 38 x 38 x 4,76 mm\n"
    )
    extraction = _extract(text)
    assert [(line.quantity, line.uom, line.form) for line in extraction.lines] == [
        (12, "EA", "plate"),
        (131.23, "FT", "angle"),  # 40 m
    ]
    assert extraction.header.unread == []


def test_rows_of_a_table_that_could_not_be_read_are_named_not_dropped() -> None:
    """Pipe rows naming forms and sizes under no header: no line is read from them, so the desk
    is told of the text rather than the order silently missing them."""
    result = _extract(
        "Hi, order below.\n\n"
        "  |                 | A1011 CS TYPE B                   |                |     |\n"
        "4 | 530-2S40-21     | PIPE A53 GR B 2\" SCH 40 X 21'     | P2S40-21       |  10 |\n"
        "5 | 540-C4-54       | CHANNEL C4 X 5.4# A36 X 20'       | C4X5.4-20      |   6 |\n\nThanks\n"
    )
    assert result.lines == []
    assert len(result.header.unread) == 1 and "CHANNEL C4 X 5.4#" in result.header.unread[0]
