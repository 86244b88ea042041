"""Order rows written the way metric and Asian customers write them: profiles named in their own
language, a section with no name read from its sizes, metres bought, CJK headers and counters,
and Australian sections counted with "x"."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import LineItem

MM = 1 / 25.4


def _lines(text: str) -> list[LineItem]:
    return extract(build_document("order.txt", text.encode(), text)).lines


def _one(text: str) -> LineItem:
    (line,) = _lines("Please quote:\n" + text)
    return line


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("5) 12 st. kokerprofiel 40x40x2 1.4301 6m", "tube_square"),  # Dutch
        ("3. Jekl 50x30x3 S235JRH, 6 m ..................... 12 ks", "tube_rectangular"),  # Czech
        ("4. L profil 70x70x7 S235JR, 6 m .................. 8 ks", "angle"),
        ("6. Tyč čtvercová 20x20 S235JR, 6 m ............... 10 ks", "bar_square"),
    ],
)
def test_a_profile_named_in_the_customers_language(text: str, form: str) -> None:
    line = _one(text)
    assert line.form == form and line.dimensions["length"] == pytest.approx(6000 * MM)


def test_two_sides_a_thin_wall_and_a_length_with_no_name_are_a_hollow_section() -> None:
    line = _one("2- Kutu 40x40x3 S235JRH 6 mt - 25 adet")
    assert line.form == "tube_square" and line.quantity == 25 and "form_inferred" in line.flags
    assert line.dimensions["wall_thickness"] == pytest.approx(3 * MM, abs=1e-4)


def test_more_metres_than_a_stock_length_at_the_end_are_how_much() -> None:
    line = _one("5. Trubka 33,7 x 3,2 S235JRH ..................... 120 m")
    assert line.form == "tube_round" and line.uom == "FT" and line.quantity == pytest.approx(393.7, abs=0.1)
    assert "length" not in line.dimensions


def test_a_chinese_table_with_bilingual_headers_and_counters() -> None:
    text = (
        "序号 | 品名 Description        | 材质 Grade         | 规格 Size            | 数量 Qty\n"
        "1    | 钢板 Steel plate        | Q235B              | 16 x 2000 x 8000 mm  | 5 张 pcs\n"
        "2    | H型钢 H-beam HW200x200  | Q355B              | L=12 m               | 6 根 pcs\n"
    )
    assert [(line.form, line.quantity) for line in _lines(text)] == [("plate", 5), ("beam_i", 6)]


def test_a_japanese_table_whose_counts_carry_counters() -> None:
    text = (
        "No.  品名               材質          サイズ                      数量\n"
        "1.   鋼板               SS400         t9 x 1219 x 2438            5枚\n"
        "2.   丸棒               SUS304        φ25 x 2000L                 10本\n"
    )
    assert [(line.form, line.quantity) for line in _lines(text)] == [("plate", 5), ("bar_round", 10)]


def test_australian_sections_counted_with_an_x() -> None:
    beam, channel = _lines("6 x 150UB18.0 Gr 300 @ 9.0m\n15 x 100 PFC @ 12m\n")
    assert (beam.form, beam.quantity, beam.grade) == ("beam_i", 6, "Gr300")
    assert (channel.form, channel.quantity) == ("channel", 15)
    assert channel.dimensions["height"] == pytest.approx(100 * MM)


def test_the_french_long_abbreviation_labels_the_length_after_it_not_the_size_before() -> None:
    text = (
        "Bonjour,\nMerci de nous livrer :\n"
        "- 2 plats S355J2 100 x 20 long. 6000\n"
        "- 4 tubes carrés 40 x 40 x 3 mm long. 6000\n"
    )
    flat, tube = _lines(text)
    assert flat.form == "bar_rectangular" and flat.dimensions == pytest.approx(
        {"thickness": 20 * MM, "width": 100 * MM, "length": 6000 * MM}, rel=1e-5
    )
    assert tube.dimensions == pytest.approx(
        {"side": 40 * MM, "wall_thickness": 3 * MM, "length": 6000 * MM}, rel=1e-5
    )


def test_a_numbered_item_over_its_cuts_gives_a_line_per_cut_in_millimetres() -> None:
    text = (
        "Please supply, cut to length, all 1.4301:\n\n"
        "Item 1:  RHS 60 x 40 x 3\n"
        "         L = 1500 mm   x  6 pcs\n"
        "         L =  820 mm   x 10 pcs\n\n"
        "Item 2:  Flat bar 50 x 8\n"
        "         L =  250 mm   x 24 pcs\n"
    )
    lines = _lines(text)
    assert [(line.form, line.quantity, round(line.dimensions["length"] / MM)) for line in lines] == [
        ("tube_rectangular", 6, 1500), ("tube_rectangular", 10, 820), ("bar_rectangular", 24, 250)
    ]  # fmt: skip
    assert lines[0].dimensions["wall_thickness"] == pytest.approx(3 * MM, rel=1e-5)


@pytest.mark.parametrize(
    ("text", "legs"),
    [("8 no. EA 50x50x6 S275 6m", (50, 50)), ("4 no. RSA 75x50x6 S275 6m", (75, 50))],
)
def test_a_british_angle_named_before_its_millimetre_sizes(text: str, legs: tuple[int, int]) -> None:
    line = _one(text)
    assert line.form == "angle" and line.quantity in (8, 4)
    assert (round(line.dimensions["leg1"] / MM), round(line.dimensions["leg2"] / MM)) == legs


def test_a_count_of_each_before_inch_sizes_is_no_british_angle() -> None:
    line = _one("10 EA 1/4 x 2 flat bar A36 20ft")
    assert (line.form, line.quantity) == ("bar_rectangular", 10)
