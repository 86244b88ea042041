"""Orders typed on a phone: several items on one line, shop shorthand, counts after the item."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.document import build_document


def _rows(text: str) -> list[tuple]:
    lines = extract(build_document("text.txt", text.encode(), text)).lines
    return [(line.quantity, line.grade, line.form, dict(line.dimensions), line.flags) for line in lines]


def test_items_set_apart_by_slashes_and_counts_closing_each() -> None:
    rows = _rows("304 2b sht .060 x 4x10 qty 3 / 304 1\" rd x 12' qty 2 / 316 1/2 rd 12ft - 4\nno rush")
    assert [row[:3] for row in rows] == [
        (3, "304", "sheet"),
        (2, "304", "bar_round"),
        (4, "316", "bar_round"),
    ]
    assert rows[0][3] == {"thickness": 0.06, "width": 48.0, "length": 120.0}


def test_items_after_commas_counted_in_shorthand() -> None:
    rows = _rows("need 12 pc 1/2x4 fb x20', 8 pc 3/8x3 fb x20', 1 sht 1/4 pl 4x8 a36, 4 - c6x8.2 chanel 20ft")
    assert [row[:3] for row in rows] == [
        (12, None, "bar_rectangular"),
        (8, None, "bar_rectangular"),
        (1, "A36", "plate"),
        (4, None, "channel"),
    ]
    assert rows[3][3] == {"height": 6.0, "length": 240.0, "weight_per_foot": 8.2}


def test_counts_in_parentheses_and_same_as_the_item_before() -> None:
    rows = _rows("need 6061 t6 plate 1/2\" x 12 x 24 (4), 3/4 x 6 x 6 same (10) and 1-1/2 rd 6061 x 12' (2)")
    assert [row[:3] for row in rows] == [
        (4, "6061", "plate"),
        (10, "6061", "plate"),
        (2, "6061", "bar_round"),
    ]
    assert rows[1][4] == []  # "same": the grade and form of the line above, not guessed


def test_items_joined_by_plus_and_one_count_for_each() -> None:
    rows = _rows("1½ sch80 pipe x21' + 2\" sch40 pipe x21' + 1½x1½x¼ angle 20' need 4 of each")
    assert [(row[0], row[2]) for row in rows] == [(4, "tube_round"), (4, "tube_round"), (4, "angle")]
    assert rows[0][3]["nominal_size"] == 1.5 and "missing_quantity" not in rows[0][4]


def test_a_count_written_tight_with_its_x_and_a_fraction_said_with_ths() -> None:
    rows = _rows("10x 2x2 sq tub 11ga (.120) x24'\n25x 1x1 sq tube 16ga (.065) 20'\nall a500")
    assert [(row[0], row[2], row[3]["side"]) for row in rows] == [
        (10, "tube_square", 2.0),
        (25, "tube_square", 1.0),
    ]
    rows = _rows('ar400 3/8ths plate 48 x 96 qty 2 and ar500 1/2" cut 20" x 30" qty 6')
    assert [(row[0], row[1], row[3]["thickness"]) for row in rows] == [(2, "AR400", 0.375), (6, "AR500", 0.5)]


def test_a_texted_list_passed_on_below_is_the_order() -> None:
    text = (
        "Rob texted this, the line is down. Need these today. PO 88213-M.\n"
        '> 4140 ht rd 2.5" x 12" long qty 2\n> 1018 cr flat 1x2 x 12\' - 3\n'
    )
    assert [row[:3] for row in _rows(text)] == [(2, "4140", "bar_round"), (3, "1018", "bar_rectangular")]


def test_sections_typed_in_lower_case() -> None:
    assert [row[2] for row in _rows("2 pcs w8x31 x 20'\n3 pcs l2x2x1/4 x 20'")] == ["beam_i", "angle"]
