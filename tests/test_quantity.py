"""Quantities, every form the issue lists: the number a desk keys in, its unit, and the flags."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.extract.blocks import split_blocks
from pipeline.extract.item import parse_block
from pipeline.extract.lines import Segment, parse_item
from pipeline.extract.quantity import find_quantity, parse_count
from pipeline.ingest.document import build_document


@pytest.mark.parametrize(
    ("text", "value", "uom"),
    [
        ("Quantity: 10 sheets", 10, "EA"),  # labelled
        ("Qty: 8 bars", 8, "EA"),
        ("qty twelve", 12, "EA"),  # a word
        ("Need 3 pieces", 3, "EA"),  # digits with a unit
        ("5 pcs", 5, "EA"),
        ("2 sheets required", 2, "EA"),  # sheets are pieces
        ("12 plates", 12, "EA"),
        ("twelve pieces", 12, "EA"),
        ("twenty-five sheets", 25, "EA"),
        ("a dozen bars", 12, "EA"),
        ("(4) 20-foot beams", 4, "EA"),  # a count in brackets, then a length
        ("15 pieces + 3 spares = 18", 18, "EA"),  # a total is the quantity
        ("Quantity: 15 pieces + 3 spares = 18 pieces total", 18, "EA"),
        ("12 pcs plus 2 spares so 14 total", 14, "EA"),
        ("plus 2 spares so 14 total", 14, "EA"),
        ("12 pcs plus 2 spares", 14, "EA"),  # spares without a total are added
        ("500 linear feet", 500, "FT"),  # sold by the foot
        ("500 lineal ft", 500, "FT"),
        ("25 feet of 316 wire rope", 25, "FT"),
        ("about 500 feet total", 500, "FT"),
        ("120 LF", 120, "FT"),
        ("4 20 FT 4130 tube", 20, "FT"),  # an ERP table row: line, quantity, unit
        ("1 12 PCS 4140 round bar", 12, "EA"),
        ("x 18 pcs", 18, "EA"),
        ("we need 10, not 6", 10, "EA"),
        ("- 200 flat washers", 200, "EA"),  # a bare count leading a list item
        ("- twelve aluminum sheets", 12, "EA"),
        ("* 1 - 6061-T6511 round bar", 1, "EA"),  # a count after a bullet, then a dash
        ("Can you send 2 more of them?", 2, "EA"),
        ("* 40 ft of square tube", 40, "FT"),  # "*" is a bullet here, not a times sign
        ("10 @ 48 in", 10, "EA"),
        ("1,200 pieces", 1200, "EA"),
        ("one 4x8 sheet of 304 stainless, 1/8 thick", 1, "EA"),  # a count, then a sheet's size in feet
        ("2 5'x10' plates A36 1/4", 2, "EA"),
        ("12L14 1/2 hex 12' -- 5", 5, "EA"),  # a count after a double dash ends the line
        ("4) 200' of C4x5.4 channel A36", 200, "FT"),  # feet of something, by the foot
        ('2 pieces 6 ft of 1" 4140 bar', 2, "EA"),  # pieces that long
        ("EN24T Round Bar dia 100mm x 1000mm - 1 No.", 1, "EA"),
        ("2. EN24T Ø110 mm - 1 no. cut to 450 mm", 1, "EA"),  # "no." a count's, not "No. 4 finish"
        ("Flachstahl C45, 40 x 20 mm, 3 Stäbe à 3 m", 3, "EA"),  # German bars
        ("Chapa inox AISI 316L, 3 mm x 1500 x 3000 mm, acabamento 2B – 4 chapas", 4, "EA"),  # any noun
        ("a couple sheets - make it 4 - of .125 5052 4x8.", 4, "EA"),  # corrected as written
        ("Rohr 60,3 x 4,0 S355J2H - 60 lfm (laufende Meter)", 60, "M"),
        # one piece said with its article: sized, small, or a chunk of something sized
        ("a 3 foot piece of 3/4 round for the safety chain loops", 1, "EA"),
        ("what would a 6x6 piece of half inch plate run me?", 1, "EA"),
        ("and a chunk of 2 inch plate about 6 by 6 for a base plate", 1, "EA"),
        ("also a small piece of 3/8 plate", 1, "EA"),
        ("Separate from the trailers - 1 full 20' stick of L2x2x3/16 A36", 1, "EA"),
        ("need 6 20ft lengths of black pipe", 6, "EA"),
    ],
)
def test_quantity_forms(text: str, value: float, uom: str) -> None:
    found = find_quantity(text)
    assert found is not None
    assert (found.value, found.uom) == (value, uom)


@pytest.mark.parametrize(
    "text",
    [
        "12 ft lengths",  # a length, not 12 feet ordered
        "Length: 10 feet each",
        '2" x 12 ft',
        "16 ga sheet",
        "1/2 inch plate",
        "hardness 28-32 HRC",
        "the formatting is a little off, sorry",  # "off" counts pieces only after a number
        "had patched it with a chunk of mild steel",  # a chunk of nothing sized is no count
    ],
)
def test_lengths_and_sizes_are_not_quantities(text: str) -> None:
    assert find_quantity(text) is None


def test_a_range_is_flagged_not_guessed_silently() -> None:
    found = find_quantity("20-30 pieces")
    assert (found.value, found.high) == (20, 30)
    item = parse_item(1, Segment("20-30 pieces 304 round bar 2\" x 12'", 0))
    assert item.quantity == 20 and item.quantity_range == (20, 30)
    assert "quantity_range" in item.flags


def test_a_size_then_a_dash_then_the_quantity_is_not_a_range() -> None:
    found = find_quantity("3003 alum sheet .063 x 36 x 96 - 5 sheets")
    assert (found.value, found.high) == (5, None)


def test_approximate_and_missing_quantities_are_flagged() -> None:
    assert "approximate_quantity" in parse_item(1, Segment("about 25 sheets 304 plate 1/4 x 8 x 12", 0)).flags
    item = parse_item(1, Segment('17-4PH round bar 1" dia', 0))
    assert item.quantity is None and "missing_quantity" in item.flags


def test_a_sheet_rows_quantity_and_unit_come_from_their_columns() -> None:
    text = "Line | Qty | UOM | Grade | Form | Diameter (in)\n3 | 120 | FT | 1018 | round bar | 1.25"
    [block] = split_blocks(text, 0, len(text))
    item = parse_block(text, block).item
    assert (item.quantity, item.uom, item.grade, item.form) == (120, "FT", "1018", "bar_round")
    assert item.dimensions == {"diameter": 1.25}


@pytest.mark.parametrize(
    ("word", "value"),
    [("one", 1), ("twelve", 12), ("nineteen", 19), ("twenty", 20), ("forty-two", 42), ("a hundred", 100),
     ("two hundred", 200), ("a dozen", 12), ("12", 12), ("1,000", 1000), ("", None), ("lots", None)],
)  # fmt: skip
def test_parse_count(word: str, value: float | None) -> None:
    assert parse_count(word) == value


@given(st.text(max_size=200))
def test_find_quantity_never_raises_and_is_positive(text: str) -> None:
    found = find_quantity(text)
    if found is not None:
        assert found.value > 0
        assert 0 <= found.start <= found.end <= len(text)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["pcs", "pieces", "sheets", "bars", "ea"]))
def test_a_count_with_a_piece_unit_is_read_back(count: int, unit: str) -> None:
    item = parse_item(1, Segment(f"304 sheet 1/8 x 48 x 96 - {count} {unit}", 0))
    assert (item.quantity, item.uom) == (count, "EA")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Need O1 round 47.6mm dia x 12ft - (1) - thanks", 1),  # a count in parentheses, last
        ("RFQ: 303 round bar, Ø25mm x 1 ft, (16) (mill certs)", 16),
        ("(16) 316 SS hex 6 hex", 16),  # "6 hex" is a size
        ("qty 30 - 1 5052-O aluminum plt x 4' x 8'", 30),  # not a range 30-1
        ("Need qty 6 - 8 thk H13 plate", 6),  # not a range 6-8: 8 is a thickness
        ("qty 13 - 152.4mm dia Ti-6Al-4V rod", 13),
        ("qty 2 - 11-1/2 in dia 1020 round bar", 2),
        ("- 6061-T651 aluminum plt 2 - 7 pcs.", 7),  # plate 2, then 7 pieces
        ("RFQ: 6061 T6 sht 0.05 - 4 pieces", 4),
        ("sheet 0.01 x 18 x 30 pieces - 9 sheets", 9),  # 18 x 30 is the piece
        ("Al 6061-T6511 round 3\" x 12' - 2", 2),  # a bare count after a dash ends the line
    ],
)
def test_counts_as_a_shop_writes_them(text: str, value: float) -> None:
    item = parse_item(1, Segment(text, 0))
    assert item.quantity == value and "quantity_range" not in item.flags


def test_a_decimal_at_the_start_is_a_size_not_a_list_number_and_a_count() -> None:
    assert find_quantity("1.250 thick plate is fine") is None  # not "1." then 250 pieces
    assert find_quantity("1.250 is fine on the plate") is None
    found = find_quantity("1. 4 pcs 304 sheet 1/8 x 48 x 96")
    assert found is not None and found.value == 4


def test_a_weight_written_with_europes_thousands_point() -> None:
    found = find_quantity("2. 1.200 kg Flachstahl S235JR 100 x 10 mm")
    assert found is not None and (found.value, found.uom) == (1200, "KG")
    found = find_quantity("2.5 kg of round bar")
    assert found is not None and (found.value, found.uom) == (2.5, "KG")


def test_a_count_in_words_before_an_inch_size() -> None:
    found = find_quantity('one 8" round cut 16" long')
    assert found is not None and found.value == 1
    found = find_quantity('and two 1/2" plates 12 x 12')
    assert found is not None and found.value == 2


@pytest.mark.parametrize(
    ("text", "value", "uom"),
    [
        ('- 200 ft 90/10 CuNi tube (C70600) 1" OD x .049 wall', 200, "FT"),  # more feet than a stock length
        ("- 80 ft 1-1/4\" sch 40 black pipe (A53), 21' lengths ok", 80, "FT"),
        ("Pos. 3: flat bar S355J2, 20 x 100 mm, 60 m total (random lengths acceptable)", 60, "M"),
        ("1/4 x 2 flat bar A36, 240 ft total", 240, "FT"),
        ("5) 40 ft 1/4 x 2 flat bar (cut to fit truck ok)", 40, "FT"),
        ("4) round bar C45 Ø 80 mm, kg 150 (cut pieces are ok)", 150, "KG"),  # the unit before its number
    ],
)
def test_footage_and_weight_written_where_a_count_goes(text: str, value: float, uom: str) -> None:
    found = find_quantity(text)
    assert found is not None and (found.value, found.uom) == (value, uom)


def test_a_stock_length_at_the_start_is_no_footage() -> None:
    found = find_quantity("- 3 pcs 20 ft 2x2x1/4 angle")
    assert found is not None and (found.value, found.uom) == (3, "EA")
    assert find_quantity("- 20 ft 2x2x1/4 angle") is None  # one 20' stick, or 20 feet: asked about


def test_a_count_set_apart_by_x_before_a_size_written_tight() -> None:
    found = find_quantity("8 x 75x10 FL 300PLUS 6m")
    assert found is not None and (found.value, found.uom) == (8, "EA")


def test_an_item_number_in_parentheses_before_the_items_own_count() -> None:
    found = find_quantity('(1) AR400 plate 1/2" x 24" x 48" – 6 pcs – $276.00 ea')
    assert found is not None and (found.value, found.uom) == (6, "EA")
    found = find_quantity('(24) 1/4 x 2 flat bar @ 5 3/4"')  # a cut list's count stays
    assert found is not None and found.value == 24


@pytest.mark.parametrize(
    ("text", "quantity", "dimensions"),
    [
        # the 4 of "1/4 @ 20'" is the wall's, not a count at a length
        ("4 - HSS 4x4x1/4 @ 20'", 4, {"side": 4.0, "wall_thickness": 0.25, "length": 240.0}),
        # a count alone after the item's last size, set off by a comma
        ('- 1/2" A36 plate 48" x 96", 3', 3, {"thickness": 0.5, "width": 48.0, "length": 96.0}),
        # "Qty: 6 bars, 12 ft": the count, then how long each bar is
        (
            'Material: C360 Brass\nSize: 3/4" hex\nQty: 6 bars, 12 ft',
            6,
            {"across_flats": 0.75, "length": 144.0},
        ),
    ],
)
def test_a_count_beside_the_sizes(text: str, quantity: int, dimensions: dict) -> None:
    lines = extract(build_document("count.txt", text.encode(), text)).lines
    assert [(line.quantity, dict(line.dimensions)) for line in lines] == [(quantity, dimensions)]


def test_a_portal_lines_labelled_amounts_are_no_count() -> None:
    text = (
        "Lines\n\n"
        'Line 2   304 SS Sheet, #4 finish, 0.125" x 60" x 120"\n'
        "         Qty 2    UOM EA   Price 610.00   Total 1,220.00   Need By 06/21/24\n\n"
        'Line 3   316L SS Plate 1/2" x 48" x 96"\n'
        "         Qty 1    UOM EA   Price 1,980.00 Total 1,980.00   Need By 06/21/24\n"
    )
    lines = extract(build_document("portal.txt", text.encode(), text)).lines
    assert [(line.quantity, dict(line.dimensions)) for line in lines] == [
        (2, {"thickness": 0.125, "width": 60.0, "length": 120.0}),
        (1, {"thickness": 0.5, "width": 48.0, "length": 96.0}),
    ]


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a half dozen", 6),
        ("a dozen and a half", 18),
        ("two dozen", 24),
    ],
)
def test_dozens_said_in_words(said: str, count: int) -> None:
    assert parse_count(said) == count
    text = f"{said} sticks of 1018 round 1/2 inch"
    (line,) = extract(build_document("note.txt", text.encode(), text)).lines
    assert line.quantity == count
