"""An order listed twice in one message (own language, then English) is read once."""

from __future__ import annotations

from pipeline.extract import extract
from pipeline.ingest.document import build_document


def _lines(text: str) -> list[tuple]:
    lines = extract(build_document("rfq.txt", text.encode(), text)).lines
    return [(line.quantity, line.grade, line.form, line.flags) for line in lines]


def test_a_list_then_its_english_summary_is_one_order() -> None:
    text = (
        "Pedido de cotação nº COT-1187/24\n\n"
        "Item 1 - Chapa de aço inox 304L, 2 mm x 1250 x 2500 mm - 20 chapas\n"
        'Item 2 - Barra redonda de alumínio 6061-T6, Ø 1" x 12 ft - 15 barras\n\n'
        "ENGLISH SUMMARY:\n"
        "1) 304L stainless sheet 2 mm x 1250 x 2500 mm, 20 sheets\n"
        '2) 6061-T6 aluminum round bar 1" dia x 12 ft, 15 bars\n'
    )
    assert [row[:3] for row in _lines(text)] == [(20, "304L", "sheet"), (15, "6061", "bar_round")]


def test_the_reading_with_fewer_doubts_is_kept_and_equivalent_grades_are_one_alloy() -> None:
    text = (
        "Pos. 1: Rundstahl 1.4404, Ø 50 mm, Länge 3000 mm, 4 Stück\n"
        "Pos. 2: Flachstahl S355J2, 20 x 100 mm, in Längen à 6 m, 8 Stück\n\n"
        "--- English summary ---\n"
        "1. Stainless 1.4404 (316L) round bar, 50 mm dia x 3000 mm, 4 pcs\n"
        "2. S355J2 flat bar 20 x 100 mm, 6 m lengths, 8 pcs\n"
    )
    rows = _lines(text)
    assert [row[:3] for row in rows] == [(4, "316L", "bar_round"), (8, "S355J2", "bar_rectangular")]
    assert "alternates_offered" not in rows[0][3]  # "1.4404 (316L)": one alloy in two standards


def test_the_same_item_twice_in_one_list_keeps_both_counts() -> None:
    text = (
        "- 2 pcs A36 plate 1/2 x 12 x 12\n- 3 pcs A36 flat 1/4 x 2 x 20'\n- 2 pcs A36 plate 1/2 x 12 x 12\n"
    )
    # not a list said twice: an odd count, nothing dropped — one line of the part, its counts added
    assert [(quantity, form, flags) for quantity, _, form, flags in _lines(text)] == [
        (4, "plate", ["lines_combined"]),
        (3, "bar_rectangular", []),
    ]


def test_a_french_flat_bar_is_a_flat_bar() -> None:
    assert _lines('3. Barre plate de cuivre C110, 1/4" x 2" x 12\' — 10 barres')[0][2] == "bar_rectangular"


def test_a_restated_list_whose_one_item_two_languages_read_differently_is_still_one_order() -> None:
    text = (
        "1. Viga IPR W8x31, A572 Gr 50, 12 m - 6 piezas\n"
        "2. Placa A36 de 3/4\" x 4' x 8' - 2 placas\n"
        '3. PTR rectangular 4" x 2" cal. 11, tramos de 6 m - 20 piezas\n\n'
        "English summary:\n1) W8x31 beam A572-50, 12 m long, 6 pcs\n2) A36 plate 3/4\" x 4' x 8', 2 pcs\n"
        '3) Rectangular tube 4" x 2" x 11 ga, 6 m lengths, 20 pcs\n'
    )
    rows = _lines(text)
    assert [row[:3] for row in rows] == [
        (6, "A572", "beam_i"),
        (2, "A36", "plate"),
        (20, None, "tube_rectangular"),
    ]


def test_hollow_sections_sized_by_two_sides_and_a_gauge() -> None:
    assert [
        row[2] for row in _lines('- 20 pcs HSS 4" x 2" x 11 ga, 6 m\n- 4 pcs PTR 3 x 3 cal. 14, 6 m\n')
    ] == [
        "tube_rectangular",
        "tube_square",
    ]
