"""Metric orders: sections named by their depth, unitless sizes of an item written in millimetres,
European form words."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.lines import Segment, parse_item
from pipeline.ingest.document import build_document


def _read(text: str) -> tuple:
    item = parse_item(1, Segment(text, 0))
    return item.quantity, item.form, {name: round(value, 3) for name, value in item.dimensions.items()}


@pytest.mark.parametrize(
    ("text", "form", "dimensions"),
    [
        ("4 St. IPE 240 S355J2, L = 12 m", "beam_i", {"height": 9.449, "length": 472.441}),
        # a German compound names its tube
        (
            "2) Präzisionsrohr 1.4571, Ø 40 x 2,0 mm, 6 Stangen à 6 m",
            "tube_round",
            {"outer_diameter": 1.575, "wall_thickness": 0.079, "length": 236.22},
        ),
        ("10 pcs UPN 120 S235JR, 6 m", "channel", {"height": 4.724, "length": 236.22}),
        (
            "8 pcs L 50x50x5 S275JR, 6 m",
            "angle",
            {"leg1": 1.969, "leg2": 1.969, "thickness": 0.197, "length": 236.22},
        ),
        ("20 pcs RHS 100x50x4 S275JR, lengths 6 m", "tube_rectangular", None),
        ("30 pcs flat bar 60 x 10 S235JR, length 6 m", "bar_rectangular", None),
        (
            "40 pcs CHS 48,3x3,2 S235JRH, length 6m",
            "tube_round",
            {"outer_diameter": 1.902, "wall_thickness": 0.126, "length": 236.22},
        ),
    ],
)
def test_metric_sections_and_unitless_millimetres(text: str, form: str, dimensions: dict | None) -> None:
    _, read_form, read = _read(text)
    assert read_form == form
    if dimensions is not None:
        assert read == dimensions
    # no section size read as inches that were millimetres
    assert all(value < 20 for name, value in read.items() if name != "length")


def test_an_inch_repeat_keeps_the_rest_in_inches() -> None:
    assert _read('1 pc 6061 plate 25.4mm (exactly 1.000") x 12 x 24')[2] == {
        "thickness": 1.0,
        "width": 12.0,
        "length": 24.0,
    }


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("2 Stk. Rundstahl 42CrMo4 Ø 80 x 500 mm", "bar_round"),
        ("5 pz lamiera 1.4301 2 x 1000 x 2000 mm", "sheet"),
        ("10 pzas solera 1018 1/2 x 4 x 20 ft", "bar_rectangular"),
        ("6 St. Sechskant 11SMnPb30 SW 22 x 3000 mm", "bar_hex"),
        ('2. Barra quadrada AISI 1018 1" x 1" (25,4 mm) x 12 ft – 3 unid.', "bar_square"),
    ],
)
def test_european_form_words(text: str, form: str) -> None:
    assert _read(text)[1] == form


def test_a_metric_message_reads_bare_sections_in_millimetres_and_its_stated_length() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        "Hola,\n\nour order, all S275JR, bars of 6 m:\n- 20 pzas tubo rectangular RHS 100x50x4\n"
        "- 15 pzas tubo cuadrado SHS 40x40x3\n- 1 200 szt. Round bar C45 cut to 85 mm\n- 4 unità HEB 160\n"
    )
    lines = extract(build_document("es.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (20, "S275JR", "tube_rectangular"),
        (15, "S275JR", "tube_square"),
        (1200, "C45", "bar_round"),
        (4, "S275JR", "beam_i"),
    ]
    assert {name: round(value, 3) for name, value in lines[0].dimensions.items()} == {
        "width": 3.937,
        "height": 1.969,
        "wall_thickness": 0.157,
        "length": 236.22,
    }


def test_a_quantity_by_weight_or_by_the_metre_is_in_pounds_or_feet_and_asked_about() -> None:
    for text, read in (
        ("1) 500 kg 304L round bar 20 mm", (1102.31, "LB", True)),
        ("1) 2.5 tonnes S275JR plate 10 mm 1250 x 2500", (5511.55, "LB", True)),
        ("1. 200 m stainless wire 316, 2 mm", (656.17, "FT", True)),
    ):
        item = parse_item(1, Segment(text, 0))
        assert (item.quantity, item.uom, "unit_not_sold" in item.flags) == read


@pytest.mark.parametrize(
    ("text", "form", "dimensions"),
    [
        (
            "4 pcs 6061-T6 AL PIPE 2\" SCH 40 X 20'",
            "tube_round",
            {"outer_diameter": 2.375, "wall_thickness": 0.154},
        ),
        (
            "6 pcs 316L pipe 1\" sch 10 x 20'",
            "tube_round",
            {"outer_diameter": 1.315, "wall_thickness": 0.109},
        ),
        ("2 PL1/2X96 A572-50 20'-0\"", "plate", {"thickness": 0.5, "width": 96.0}),
        ("12 FB1/2X4 A36 20'-0\"", "bar_rectangular", {"thickness": 0.5, "width": 4.0}),
        (
            "2 HSS8X4X1/4 A500B 40'-0\"",
            "tube_rectangular",
            {"width": 8.0, "height": 4.0, "wall_thickness": 0.25},
        ),
    ],
)
def test_pipe_schedules_and_cut_list_designations_with_their_size_glued_on(
    text: str, form: str, dimensions: dict
) -> None:
    _, read_form, read = _read(text)
    assert read_form == form
    assert {name: value for name, value in read.items() if name in dimensions} == dimensions


def test_indian_metric_units_and_a_british_steel_name_that_looks_like_metres() -> None:
    assert _read("3 | EN8 Round Bar (080M40) | Dia 65 mm x 3 mtr | 6 Nos")[2] == {
        "diameter": 2.559,
        "length": 118.11,
    }
    assert _read("5 | MS SHS 50 x 50 x 3.0 mm | 6 mtr length | 20 Nos")[2] == {
        "side": 1.969,
        "wall_thickness": 0.118,
        "length": 236.22,
    }


def test_spanish_feet_gauges_and_ptr_tube() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        '- 20 pzas Solera A36 de 1/4" x 2" x 20 pies\n'
        "- 5 pzas Lámina negra cal. 14 de 4 x 10 pies\n"
        '- 4 pzas PTR 3" x 3" cal. 11 de 6.10 m\n'
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.form, {k: round(v, 4) for k, v in line.dimensions.items()}) for line in lines] == [
        ("bar_rectangular", {"thickness": 0.25, "width": 2.0, "length": 240.0}),
        ("sheet", {"thickness": 0.0747, "width": 48.0, "length": 120.0}),
        ("tube_square", {"side": 3.0, "wall_thickness": 0.12, "length": 240.1575}),
    ]


def test_a_polish_order_whose_reference_has_slashes_is_read_in_millimetres() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        "Zamówienie nr ZAM/118/2025\n\n"
        "Poz | Opis / Description                   | Gatunek / Grade | Wymiar / Size         | Ilość / Qty\n"
        "1   | Rura kwadratowa SHS / square tube    | S235JRH         | 80x80x4, L = 6 m      | 10 szt.\n"
        "2   | Blacha gruba / plate                 | S355J2+N        | 10,0 x 1500 x 3000    | 3 szt.\n"
        "3   | fil inox 1.4401 (316) Ø 1,6 mm, en bobine | | | 50 kg\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.form, round(next(iter(line.dimensions.values())), 4)) for line in lines] == [
        ("tube_square", 3.1496),
        ("plate", 0.3937),
        ("wire", 0.063),
    ]


def test_an_australian_order_s_sections_in_millimetres_and_lengths_in_metres() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        "Go ahead with the below pls, our order no. CF-20931.\n\n"
        "8 off 75 x 75 x 3.0 SHS C350L0 x 8.0 m\n"
        "12 off 50 x 6 FL 300PLUS x 6.0 m\n"
        "6 off 76.1 x 3.6 CHS C350L0 x 6.5 m\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [
        (line.quantity, line.grade, line.form, {k: round(v, 2) for k, v in line.dimensions.items()})
        for line in lines
    ] == [
        (8, "C350L0", "tube_square", {"side": 2.95, "wall_thickness": 0.12, "length": 314.96}),
        (12, "300PLUS", "bar_rectangular", {"thickness": 0.24, "width": 1.97, "length": 236.22}),
        (6, "C350L0", "tube_round", {"outer_diameter": 3.0, "wall_thickness": 0.14, "length": 255.91}),
    ]


def test_a_german_speaking_order_s_sentences_each_an_item_and_a_flat_bar_written_width_first() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        "We need 10 Stk sheet 1.4301, 2,0 mm thick, format 1250 x 2500 mm, surface 2B. Further 4 Stk "
        "round bar 1.4404, Ø 40 mm, each 3000 mm long, and 6 Stk flat bar S355J2+N, 80 x 10 mm, in "
        "lengths of 6 m.\n"
        "For the handrail we need 2 Stk tube 1.4301 Ø 60,3 x 2,0 mm, 6 m.\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [
        (10, "sheet"), (4, "bar_round"), (6, "bar_rectangular"), (2, "tube_round"),
    ]  # fmt: skip
    assert (
        round(lines[2].dimensions["thickness"], 4) == 0.3937
        and round(lines[2].dimensions["width"], 4) == 3.1496
    )


def test_french_flat_bars_and_a_tool_steel_drill_rod() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = '4) 20 fers plats S275JR 40 x 5, longueur 6000 mm\n5) 2 pcs O-1 drill rod 1/2 x 36"\n'
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(20, "bar_rectangular"), (2, "bar_round")]


@pytest.mark.parametrize(
    ("text", "quantity", "form", "dimensions"),
    [
        # British and Australian sections name their depth first; "N x" before the item is a count
        ("3 x 150PFC grade 300 8.0m", 3, "channel", {"height": 5.906, "length": 314.961}),
        ("4 x 203x133x25 UB S275, 9 m", 4, "beam_i", {"height": 7.992, "length": 354.331}),
        ("2 x 200UB25.4 x 6m", 2, "beam_i", {"height": 7.874, "length": 236.22}),
        (
            "12 x SHS 75x75x3.0 C350L0 8.0m",
            12,
            "tube_square",
            {"side": 2.953, "wall_thickness": 0.118, "length": 314.961},
        ),
        (
            "2 x 10mm plate grade 250, 2400x1200",
            2,
            "plate",
            {"thickness": 0.394, "width": 47.244, "length": 94.488},
        ),
    ],
)
def test_depth_first_sections_and_counts_written_n_x(
    text: str, quantity: int, form: str, dimensions: dict
) -> None:
    assert _read(text) == (quantity, form, dimensions)


def test_a_size_chain_at_the_start_is_not_a_count() -> None:
    assert _read("2 x 4 x 1/4 wall A500 rect tube, 24 ft") == (
        None,
        "tube_rectangular",
        {"width": 2.0, "height": 4.0, "wall_thickness": 0.25, "length": 288.0},
    )


def test_s275_and_s235_without_their_quality_suffix_are_grades() -> None:
    from pipeline.extract.grades import find_grades

    assert [hit.grade for hit in find_grades("6 off 50 x 50 x 5 angle S275, S235 flat")] == ["S275", "S235"]


def test_a_polish_purchase_order_table_reads_its_columns_and_running_metres() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        "ZAMÓWIENIE nr ZAM/2025/03/044\n\n"
        "Lp.  Indeks       Nazwa towaru                                Ilość  J.m.  Waga kg\n"
        "1    BL-S355-12   Blacha S355J2+N 12 x 1500 x 6000 mm         2      szt   1696\n"
        "2    KT-60-6      Kątownik 60x60x6 S235JR                     18     mb    97\n"
        "3    CE-120       Ceownik UPN 120 S235JR L=6 m                 4      szt   320\n"
    )
    lines = extract(build_document("zam.txt", text.encode(), text)).lines
    assert [(line.quantity, line.uom, line.form) for line in lines] == [
        (2, "EA", "plate"),  # "blacha" 12 mm thick is plate
        (59.06, "FT", "angle"),  # 18 running metres, never the line number 2
        (4, "EA", "channel"),
    ]


@pytest.mark.parametrize(
    ("text", "quantity", "form", "dimensions"),
    [
        (
            "4 Stk. Vierkant 1.4301 blank 30 x 30 x 3000 mm",
            4,
            "bar_square",
            {"side": 1.181, "length": 118.11},
        ),
        (
            "EN19 round bar Ø50 - 2 x 6m lengths (approx. 185 kg)",
            2,
            "bar_round",
            {"diameter": 1.969, "length": 236.22},
        ),
        (
            "- 3 uds. Chapa 10 x 1000 x 2000 mm",
            3,
            "plate",
            {"thickness": 0.394, "width": 39.37, "length": 78.74},
        ),
        (
            "- 3 uds. Chapa 2 x 1000 x 2000 mm",
            3,
            "sheet",
            {"thickness": 0.079, "width": 39.37, "length": 78.74},
        ),
    ],
)
def test_european_form_words_and_counts_of_lengths(
    text: str, quantity: int, form: str, dimensions: dict
) -> None:
    assert _read(text) == (quantity, form, dimensions)


def test_a_grade_said_of_all_the_material_in_spanish_with_a_substitute_offered() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = (
        "Calidad S275JR en todo el material (or A36 if you do not have S275JR).\n\n"
        "- 3 uds. Chapa 10 x 1000 x 2000 mm\n- 4 uds. UPN 120, largo 6 m\n"
    )
    lines = extract(build_document("pedido.txt", text.encode(), text)).lines
    assert [(line.grade, line.form) for line in lines] == [("S275JR", "plate"), ("S275JR", "channel")]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ('6 pzas Barra hexagonal 1018 CD 1-1/4" x 12 ft', "bar_hex"),
        ("4 barras chatas 1/4 x 2 x 6 m", "bar_rectangular"),
        ("10 cantoneiras 50x50x5 6 m", "angle"),
        ("2 Stk. Träger HEA 200, 12 m", "beam_i"),
        ("4 perfil U 100, 6 m", "channel"),
    ],
)
def test_spanish_portuguese_and_german_form_words(text: str, form: str) -> None:
    assert _read(text)[1] == form


def test_millimetres_with_a_thousands_point_are_metres_not_a_length_no_saw_cuts() -> None:
    text = '- Barra 4140 bonificada Ø 76,2 mm (3"), largo 1.000 mm — 4 unidades\n'
    (line,) = extract(build_document("m.txt", text.encode(), text)).lines
    assert round(line.dimensions["length"], 2) == 39.37 and "implausible_size" not in line.flags
    text = "1. Plate S355J2 thickness 30 mm, 2.000 x 6.000 mm - 2 pcs\n"
    (plate,) = extract(build_document("m.txt", text.encode(), text)).lines
    assert [round(value, 2) for value in plate.dimensions.values()] == [1.18, 78.74, 236.22]


@pytest.mark.parametrize(
    ("text", "form", "dimensions"),
    [
        (
            "10 No. 100x100x10 EA S275JR x 6m",
            "angle",
            {"leg1": 3.937, "leg2": 3.937, "thickness": 0.394, "length": 236.22},
        ),
        (
            "4 No. 75x50x6 UA S275 x 6m",
            "angle",
            {"leg1": 2.953, "leg2": 1.969, "thickness": 0.236, "length": 236.22},
        ),
        ("8 No. 150x75 PFC S275JR x 6m", "channel", {"height": 5.906, "length": 236.22}),
        ("6 Stk Sechskant 1.4305, SW 27, L=3000 mm", "bar_hex", {"across_flats": 1.063, "length": 118.11}),
    ],
)
def test_commonwealth_angles_and_channels_a_length_given_as_l_equals_and_a_spanner_width(
    text: str, form: str, dimensions: dict
) -> None:
    quantity, read_form, read = _read(text)
    assert (read_form, read) == (form, dimensions)
    assert quantity not in (6000, 3000)  # "L=6000" is a length, never a total


def test_a_length_given_as_l_equals_in_a_metric_order_is_a_length_never_a_total() -> None:
    text = (
        "Buongiorno,\n\n- 3 pz tondo 1.4404 Ø 60 mm, L=1000 mm\n- 12 pz tubo quadro 1.4301 40x40x2, L=6000\n"
    )
    lines = extract(build_document("ordine.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, round(line.dimensions["length"], 2)) for line in lines] == [
        (3, "bar_round", 39.37),
        (12, "tube_square", 236.22),
    ]


def test_an_australian_order_counts_before_its_sections_and_names_metric_w_shapes() -> None:
    text = (
        "G'day, please book the following against our order no. CSF-4471:\n\n"
        "- 12 x 100x100x5.0 SHS C350L0 x 8.0m\n"
        "- 4 x 168.3 x 7.1 CHS C350L0 x 6.5m\n"
        "- 3 x 12mm plate 1200 x 2400 Gr 250\n"
        "- 6 lengths W310x39, 300W, 12 m\n\n"
        "Shane\nCoastline Steel Fabrication Pty Ltd\n14 Enterprise St, Yatala QLD 4207\n"
    )
    lines = extract(build_document("order.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [
        (12, "tube_square"),
        (4, "tube_round"),
        (3, "plate"),
        (6, "beam_i"),
    ]  # and the street number of the signature is no count
    assert lines[2].grade is not None
    assert (round(lines[3].dimensions["height"], 2), lines[3].dimensions["weight_per_foot"]) == (12.2, 26.2)


def test_orders_in_romanian_and_vietnamese_read_their_form_words_and_counts() -> None:
    text = (
        "1. Țeavă rectangulară 80x40x3 S235JR, 6 m — 16 buc.\n"
        "2. Oțel rotund 42CrMo4 Ø80 mm, L=300 mm — 10 bucăți\n\n"
        "1/ Inox 304 sheet (tấm) 0.8mm x 1219 x 2438: 30 tấm\n"
        "2/ Inox 304 hộp vuông (square tube) 25x25x1.2mm, dài 6m: 50 cây\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [
        (16, "tube_rectangular"),
        (10, "bar_round"),
        (30, "sheet"),
        (50, "tube_square"),
    ]
    assert round(lines[3].dimensions["side"], 4) == 0.9843  # "25x25x1.2mm": millimetres, all of it


def test_a_german_pdf_order_with_a_units_line_under_its_header_and_a_total_column() -> None:
    text = (
        "Pos  Artikel-Nr.     Bezeichnung                        Menge  ME   Preis/ME   Gesamt\n"
        "                                                                    USD        USD\n"
        "10   300-6082-040    Rundstange EN AW-6082 T6              6   Stk    118,40     710,40\n"
        "                     Ø 40 mm, L=3000 mm\n"
    )
    (line,) = extract(build_document("m.txt", text.encode(), text)).lines
    assert (line.quantity, line.form) == (6, "bar_round")
    assert {name: round(value, 4) for name, value in line.dimensions.items()} == {
        "diameter": 1.5748,
        "length": 118.1102,
    }


def test_european_order_words_counts_and_a_struck_item() -> None:
    text = (
        "Item 1 - Chapa aço inox AISI 304 2B, 1,5 mm x 1250 x 2500 mm - 10 pçs\n"
        'Item 2 - Barra redonda inox AISI 316 Ø 1" x 6 m - 4 pçs\n'
        'Item 3 - Cantoneira inox AISI 304 1.1/2" x 1.1/2" x 1/8" x 6 m - 6 pçs\n'
        "OBS: o item 2 (barra 316) favor desconsiderar, foi cancelado pelo nosso cliente.\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(10, "sheet"), (6, "angle")]
    assert {name: round(value, 4) for name, value in lines[1].dimensions.items()} == {
        "leg1": 1.5,
        "leg2": 1.5,
        "thickness": 0.125,
        "length": 236.2205,
    }
    text = (
        "- n. 12 barre piatte Al 6082 T6 60x10 mm L=3000\n\n"
        "Pos. 3: 10 st. RVS 1.4301 koker 40 x 40 x 2 mm, 6 m\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(12, "bar_rectangular"), (10, "tube_square")]


def test_a_dutch_reply_deletes_a_numbered_position_of_the_order_it_quotes() -> None:
    text = (
        "Dear Sarah,\nplease delete pos. 2 (the strip 30 x 3), we found enough in our own stock. "
        "The rest stays the same.\n\n"
        "Van: Sanne Hendriks\nVerzonden: woensdag 17 april 2024 16:05\nAan: Sarah Collins\n"
        "Onderwerp: Order 2024-0571\n\nHereby our order 2024-0571:\n"
        "Pos. 1: 2 st. RVS 1.4301 plaat 5 mm, 1500 x 3000 mm, 2B\n"
        "Pos. 2: 20 st. RVS 1.4301 strip 30 x 3 mm, 6 m\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(2, "plate")]


def test_scandinavian_form_words_a_decimal_after_calibre_and_all_items_but_one() -> None:
    text = (
        "We order all the items except the round bar.\n\n"
        "-----Original Message-----\nFrom: Lars <l@proces.example>\nSent: 16. april 2024 09:42\n\n"
        "- Alu firkantrør 6063 T6, 50x50x3 mm, 6 m – 20 stk\n"
        "- Aluplade 5083 H111, 10 mm, 1500x3000 – 2 stk\n"
        "- Rundstang 6082 Ø30 – 4 stk á 3 m\n"
    )
    lines = extract(build_document("m.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form) for line in lines] == [(20, "tube_square"), (2, "plate")]
    text = "Ítem 2: Lámina inoxidable 304, calibre 1,5 mm, 1220 x 2440 mm — 8 unid.\n"
    (sheet,) = extract(build_document("m.txt", text.encode(), text)).lines
    assert (sheet.form, round(sheet.dimensions["thickness"], 4)) == ("sheet", 0.0591)


def test_a_fraction_in_a_section_keeps_it_in_inches_beside_lengths_in_millimetres() -> None:
    text = "Qty,Section,Grade,Length\n12,HSS 4x4x1/4,A500 Gr C,6096mm\n"
    line = extract(build_document("po.csv.txt", text.encode(), text)).lines[0]
    assert line.dimensions == {"side": 4.0, "wall_thickness": 0.25, "length": 240.0}


def test_an_equal_angle_given_by_one_leg_and_its_thickness() -> None:
    text = 'Item | Descrição | Qtd\n03 | Cantoneira ASTM A36 abas iguais 2" x 3/16" x 6 m | 25 barras\n'
    line = extract(build_document("po.txt", text.encode(), text)).lines[0]
    assert (line.form, line.dimensions["leg1"], line.dimensions["leg2"], line.dimensions["thickness"]) == (
        "angle", 2.0, 2.0, 0.1875,
    )  # fmt: skip


def test_a_hexagon_by_its_wrench_size_and_tubes_named_in_german_and_swedish() -> None:
    text = (
        "Pos | Beschreibung | Menge\n"
        "1 | Ottone CW614N Esagono (hex) CH 17, barre da 3 m | 10\n"
        "2 | Rundrohr geschweißt 1.4571 33,7 x 2,0 mm, Länge 6000 mm | 3\n"
        "3 | Rör 1.4404, 25 x 1,5 mm, svetsat, 6 m längder | 12\n"
    )
    lines = extract(build_document("po.txt", text.encode(), text)).lines
    assert [(line.form, round(next(iter(line.dimensions.values())), 3)) for line in lines] == [
        ("bar_hex", 0.669),
        ("tube_round", 1.327),
        ("tube_round", 0.984),
    ]


def test_a_word_for_sheet_or_plate_alike_is_sheet_under_three_sixteenths() -> None:
    assert _read("Pos 1: 20 st. plaat/sheet 1.4307, 1,5 mm x 1250 x 2500")[:2] == (20, "sheet")
    assert _read("Pos 2: 2 st. plaat 1.4307, 10 mm x 1250 x 2500")[:2] == (2, "plate")


def test_a_mexican_channel_and_a_french_square_bar_by_their_names() -> None:
    text = (
        "3     6     PZA     CANAL CPS 6\" x 8.2 lb/ft A36  tramo 20'\n"
        "4. 3 lgr - Barre carrée alu 6061-T6511 1-1/2\" x 12'\n"
    )
    lines = extract(build_document("po.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, line.dimensions["length"]) for line in lines] == [
        (6, "channel", 240.0),
        (3, "bar_square", 144.0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Item 02 - 20 unid. - Cantoneira ASTM A36 2" x 1/4" - barra 6 metros',
        "10 barre tondo C45 Ø 40 da 6 metri",
    ],
)
def test_metres_in_the_customers_language(text: str) -> None:
    assert _read(text)[2]["length"] == pytest.approx(236.22)


@pytest.mark.parametrize(
    ("text", "quantity", "form", "dimensions"),
    [
        # Italian "n." (number) after the item, Spanish and Portuguese "barras", French "six pans"
        (
            "1) Lamiera 1.4301 (AISI 304) 2B sp. 1,5 mm 1250x2500 - n. 20 fogli",
            20,
            "sheet",
            {"thickness": 0.059, "width": 49.213, "length": 98.425},
        ),
        ("3) Tondo AISI 316L Ø25 mm trafilato h9, barre da 3 mt - n. 10", 10, "bar_round", None),
        ("- Ángulo 60x60x6, barras de 6 m ...................... 12 barras", 12, "angle", None),
        (
            "Laiton CW614N six pans 22 mm s/plats, barres 3 m 20 barres",
            20,
            "bar_hex",
            {"across_flats": 0.866, "length": 118.11},
        ),
        # a "koker" (or a square tube) with unequal sides is rectangular; "square pipe" is tube
        (
            "- 10 lengtes koker 60x40x3 alu 6060 T66 (6 mtr)",
            10,
            "tube_rectangular",
            {"width": 2.362, "height": 1.575, "wall_thickness": 0.118, "length": 236.22},
        ),
        ("STKR400 square pipe 50 x 50 x 2.3 mm x 6000 mm, 15 pcs", 15, "tube_square", None),
        ("2. Q345B H-beam HW200x200, length 12m, 4 pcs", 4, "beam_i", {"height": 7.874, "length": 472.441}),
    ],
)
def test_international_counts_forms_and_sections(
    text: str, quantity: int, form: str, dimensions: dict | None
) -> None:
    read = _read(text)
    assert read[:2] == (quantity, form)
    if dimensions is not None:
        assert read[2] == dimensions


@pytest.mark.parametrize(
    ("written", "grade"), [("S275J0H", "S275J0H"), ("Cu-DHP", "Cu-DHP"), ("STKR400", "STKR400")]
)
def test_european_and_japanese_grade_names(written: str, grade: str) -> None:
    item = parse_item(1, Segment(f"10 pcs {written} 2 x 50 x 1000 mm", 0))
    assert item.grade == grade
