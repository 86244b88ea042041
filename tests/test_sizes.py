"""Sizes of one requested item, every way the issue lists: named, normalised to inches, evidence kept."""

from __future__ import annotations

import pytest

from pipeline.catalog.sizes import awg_inches
from pipeline.extract import extract
from pipeline.extract.gauges import gauge_inches
from pipeline.extract.lines import Segment, parse_item
from pipeline.ingest.document import build_document
from pipeline.models import LineItem

MM = 1 / 25.4


def _item(text: str) -> LineItem:
    return parse_item(1, Segment(text, 0))


def _dims(text: str) -> dict[str, float]:
    return {name: round(value, 4) for name, value in _item(text).dimensions.items()}


@pytest.mark.parametrize(
    ("text", "form", "dimensions"),
    [
        ("304 sheet 1/4 x 48 x 96", "sheet", {"thickness": 0.25, "width": 48, "length": 96}),  # fraction
        ('1-1/2" 1018 round bar x 12 ft', "bar_round", {"diameter": 1.5, "length": 144}),  # mixed, dash
        ("1 1/2 in 1018 round bar x 12 ft", "bar_round", {"diameter": 1.5, "length": 144}),  # mixed, space
        (
            "3003 sheet .063 x 36 x 96",
            "sheet",
            {"thickness": 0.063, "width": 36, "length": 96},
        ),  # leading dot
        ('6061 round bar 2" dia x 36 in', "bar_round", {"diameter": 2, "length": 36}),  # " and in
        ("6061 round bar 2 inch diameter x 3 foot", "bar_round", {"diameter": 2, "length": 36}),  # inch, foot
        ("1018 round bar 1 in dia, 12 ft lengths", "bar_round", {"diameter": 1, "length": 144}),  # ft lengths
        ("5052 sheet .125 x 4' x 10'", "sheet", {"thickness": 0.125, "width": 48, "length": 120}),  # ' feet
        (
            "316 plate 10 mm x 1000 x 2000 mm",
            "plate",
            {"thickness": 0.3937, "width": 39.3701, "length": 78.7402},
        ),
        (
            "304 sheet 0.3 cm x 100 cm x 200 cm",
            "sheet",
            {"thickness": 0.1181, "width": 39.3701, "length": 78.7402},
        ),
        ("316L round bar 25 mm x 2 m", "bar_round", {"diameter": 0.9843, "length": 78.7402}),  # m
        (
            '6061 plate 25.4mm (exactly 1.000") x 12 x 24',
            "plate",
            {"thickness": 1, "width": 12, "length": 24},
        ),
        ("316 round bar Ø 25 mm x 1 m", "bar_round", {"diameter": 0.9843, "length": 39.3701}),  # Ø
        ("316 round bar Ø25mm x 1000mm", "bar_round", {"diameter": 0.9843, "length": 39.3701}),
        ("304 sheet 1/8 × 48 × 96", "sheet", {"thickness": 0.125, "width": 48, "length": 96}),  # ×
        ("304 sheet 1/8x48x96", "sheet", {"thickness": 0.125, "width": 48, "length": 96}),  # x, no spaces
        (
            "316L tube 2.5\" OD x .065 wall x 20'",
            "tube_round",
            {"outer_diameter": 2.5, "wall_thickness": 0.065, "length": 240},
        ),
        (
            'C932 bronze OD 2.125", ID 1.750", 3" long',
            "tube_round",
            {"outer_diameter": 2.125, "inner_diameter": 1.75, "wall_thickness": 0.1875, "length": 3},
        ),
        ('12L14 hex bar 3/4" across flats x 12 ft', "bar_hex", {"across_flats": 0.75, "length": 144}),
        ('360 brass hex 1" A/F x 6 ft', "bar_hex", {"across_flats": 1, "length": 72}),
        (
            "A500 square tube 2 x 2 x 1/8 wall x 24'",
            "tube_square",
            {"side": 2, "wall_thickness": 0.125, "length": 288},
        ),
        (
            "A500 rect tube 4 x 2 x 1/4 wall",
            "tube_rectangular",
            {"width": 4, "height": 2, "wall_thickness": 0.25},
        ),
        ("A36 angle 3 x 3 x 1/4 x 20 ft", "angle", {"leg1": 3, "leg2": 3, "thickness": 0.25, "length": 240}),
        ("A36 L3 x 2 x 1/4", "angle", {"leg1": 3, "leg2": 2, "thickness": 0.25}),
        ("A992 W8 x 31 beam x 30 ft", "beam_i", {"height": 8, "weight_per_foot": 31, "length": 360}),
        ("A36 C6 x 8.2 channel, 20 ft", "channel", {"height": 6, "weight_per_foot": 8.2, "length": 240}),
        ("1045 square bar 2\" x 10'", "bar_square", {"side": 2, "length": 120}),
        ("6061 flat bar 1/4 x 2 x 144", "bar_rectangular", {"thickness": 0.25, "width": 2, "length": 144}),
        ('304 wire .062" dia', "wire", {"diameter": 0.062}),
        ('1100 foil .002" x 12 x 24', "foil", {"thickness": 0.002, "width": 12, "length": 24}),
    ],
)
def test_sizes_are_named_and_normalised_to_inches(text: str, form: str, dimensions: dict[str, float]) -> None:
    item = _item(text)
    assert item.form == form
    assert _dims(text) == pytest.approx(dimensions, abs=1e-4)


def test_each_size_records_the_text_it_came_from() -> None:
    text = "316L tube 2.5\" OD x .065 wall x 20'"
    item = _item(text)
    quoted = {name: text[span.start : span.end] for name, span in item.evidence.items()}
    assert quoted["outer_diameter"] == '2.5"'
    assert quoted["wall_thickness"] == ".065"
    assert quoted["length"] == "20'"
    assert quoted["grade"] == "316L" and quoted["form"] == "tube"


@pytest.mark.parametrize(
    ("text", "thickness"),
    [
        ("16 ga 304 stainless sheet 48 x 96", 0.060),  # stainless gauge, as the catalog stocks it
        ("16 ga A36 steel sheet 48 x 96", 0.0598),  # Manufacturers' Standard Gauge
        ("16 gauge 5052 aluminum sheet 48 x 96", 0.0508),  # Brown & Sharpe (AWG)
        ("14 gauge 5052-H32 aluminum sheet 4' x 10'", 0.0641),
        ("sheet, gauge: 10, 304 stainless, 48 x 120", 0.135),
        ("11ga 304L stainless sheets", 0.120),  # the catalog's 11 ga, not the nominal 1/8"
    ],
)
def test_a_gauge_is_a_thickness_by_the_materials_gauge_table(text: str, thickness: float) -> None:
    item = _item(text)
    assert item.form == "sheet"
    assert item.dimensions["thickness"] == pytest.approx(thickness, abs=1e-4)
    assert "gauge" not in str(item.dimensions)


def test_gauge_tables() -> None:
    assert awg_inches(10) == pytest.approx(0.1019, abs=1e-4)
    assert gauge_inches(11, "stainless_steel", "sheet") == 0.120  # the catalog's table (one source)
    assert gauge_inches(11, "carbon_steel", "sheet") == 0.1196
    assert gauge_inches(12, "copper", "sheet") == pytest.approx(0.0808, abs=1e-4)
    assert gauge_inches(18, "stainless_steel", "wire") == pytest.approx(awg_inches(18))
    assert gauge_inches(99, "carbon_steel", "sheet") is None


@pytest.mark.parametrize(
    ("text", "name", "plus", "minus"),
    [
        ('17-4 PH round bar 2.000" ±0.005" dia x 12"', "diameter", 0.005, -0.005),
        ('Ti sheet, Thickness: 0.125" (±0.005"), 24 x 36', "thickness", 0.005, -0.005),
        ('4340 round bar 8.500" diameter (+0.000"/-0.005") x 36" length', "diameter", 0.0, -0.005),
        ("4140 round bar, Diameter: 50mm +0.000/-0.025 x 18 in", "diameter", 0.0, -0.025 * MM),
        ('4140 round bar 6.25" +/- 0.010" x 24"', "diameter", 0.010, -0.010),
        ('bronze tube OD 2.125", ID 1.750" +0.0005"/-0.0000", 3" long', "inner_diameter", 0.0005, 0.0),
    ],
)
def test_tolerances_are_structured_and_not_taken_for_sizes(
    text: str, name: str, plus: float, minus: float
) -> None:
    item = _item(text)
    assert item.tolerances[name].plus == pytest.approx(plus, abs=1e-6)
    assert item.tolerances[name].minus == pytest.approx(minus, abs=1e-6)
    assert all(value > 0.01 for value in item.dimensions.values())  # no 0.005 or 0.000 became a size


def test_a_converted_repeat_is_one_size_not_two() -> None:
    assert _dims(
        '1018 flat bar, Thickness: 0.250" (6.35mm), Width: 4 inches (101.6mm exactly), 11.811 in long'
    ) == {
        "thickness": 0.25,
        "width": 4,
        "length": 11.811,
    }
    assert _dims('4140 round bar 50mm (approximately 1.9685") x 18 inches (457.2mm)') == {
        "diameter": 1.9685,
        "length": 18,
    }


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("304 plate 0.25 x 48 x 96", "plate"),  # the customer's word
        ("304 sheet 0.25 x 48 x 96", "sheet"),  # the customer's word, even when thick
        ("304 stainless, Thickness: 0.25, Size: 48 x 96", "plate"),  # no word: by thickness
        ("304 stainless, Thickness: 0.0625, Size: 48 x 96", "sheet"),
        ("1018, Thickness: 0.25, Width: 4, Length: 12", "bar_rectangular"),  # narrow: flat bar
        ('4340, Size: 8.5" diameter x 36" length', "bar_round"),
        ('4130, OD 1.5", wall .120"', "tube_round"),
        ("flat stock 1018 1/2 x 3 x 12", "bar_rectangular"),
        ("1018 strip .25 x 1 x 144", "bar_rectangular"),
        ("C110 copper bus bar 1/4 x 4 x 144", "bar_rectangular"),
        ("4140 rod 1 x 36", "bar_round"),
        ("4140 shafting 1 dia x 36", "bar_round"),
        ("1018 rounds 1 in x 12 ft", "bar_round"),
        ("6063 L-shaped extrusion, legs 3 and 2, 1/8 thick", "angle"),
        ("A36 wide flange beam W10 x 22", "beam_i"),
        ("A36 I-beam 8 x 4", "beam_i"),
        ("304 square tubing 1 x 1 x .065 wall", "tube_square"),
        ("304 pipe 2 OD x .154 wall", "tube_round"),
    ],
)
def test_form_synonyms_and_inference(text: str, form: str) -> None:
    assert _item(text).form == form


def test_a_missing_size_is_flagged() -> None:
    assert "missing_dimensions" in _item("Stainless steel 304 sheet - 1 piece").flags


def test_a_gauge_on_a_tube_is_its_wall_by_the_tube_trade_s_gauge() -> None:
    """14 ga tube has a .083" wall (Birmingham gauge), not 14 ga sheet's .0747"."""
    item = _item('40 ft of 1-1/4" sq tube 14 ga A500')
    assert item.dimensions == {"side": 1.25, "wall_thickness": 0.083}
    assert (item.quantity, item.uom) == (40, "FT")


@pytest.mark.parametrize(
    ("text", "form", "dimensions"),
    [
        ("1018 FB 1/4 x 2 x 20'", "bar_rectangular", {"thickness": 0.25, "width": 2, "length": 240}),
        (
            "304 flat 3/8 x 1-1/2 x 12 ft",
            "bar_rectangular",
            {"thickness": 0.375, "width": 1.5, "length": 144},
        ),
        ("A36 PL 1/2 x 12 x 24", "plate", {"thickness": 0.5, "width": 12, "length": 24}),
        # 2B is a finish, not a size
        ("316L SS sht 11 ga 48 x 96 2B", "sheet", {"thickness": 0.12, "width": 48, "length": 96}),
        ("304 #4 sheet 16ga 4x8", "sheet", {"thickness": 0.06, "width": 48, "length": 96}),  # 4x8: in feet
        ("3/4 CRS rd x 20'", "bar_round", {"diameter": 0.75, "length": 240}),
        # OD x ID x length: not a 105" wall
        (
            'C932 tube 2" OD x 1-1/2 ID x 105"',
            "tube_round",
            {"outer_diameter": 2, "wall_thickness": 0.25, "length": 105, "inner_diameter": 1.5},
        ),
        ("6061-T6 plate 6, cut to 12 x 24", "plate", {"thickness": 6, "width": 12, "length": 24}),
        ("6061-T6511 rod, 3, cut 18 in", "bar_round", {"diameter": 3, "length": 18}),
        (
            "0.01 x 18 x 30 pieces ETP copper sheet - 9 sheets",
            "sheet",
            {"thickness": 0.01, "width": 18, "length": 30},
        ),
        ("qty 30 - 1 5052-O aluminum plt x 4' x 8'", "plate", {"thickness": 1, "width": 48, "length": 96}),
        (
            '316L flat stock 1" x 304.8mm, cut 10 inches',
            "bar_rectangular",
            {"thickness": 1, "width": 12, "length": 10},
        ),
        ("S7 flat bar 3/8 x 101.6mm", "bar_rectangular", {"thickness": 0.375, "width": 4}),  # 3/8 is inches
        ("A500 sq tube 2 x 50.8mm x .188 wall", "tube_square", {"side": 2, "wall_thickness": 0.188}),
        ("A36 plate 12mm x 96 x 288", "plate", {"thickness": 0.4724, "width": 96, "length": 288}),
        (
            "HSS 6 x 4 x 1/4 A500 x 20 ft",
            "tube_rectangular",
            {"width": 6, "height": 4, "wall_thickness": 0.25, "length": 240},
        ),
        ("A36 channel C12x25 x 240 inches", "channel", {"height": 12, "weight_per_foot": 25, "length": 240}),
        # H-1150 is a condition, not a length
        ("17-4PH H-1150 rd bar 11 in x 8 inches", "bar_round", {"diameter": 11, "length": 8}),
    ],
)
def test_sizes_as_a_shop_writes_them(text: str, form: str, dimensions: dict[str, float]) -> None:
    item = _item(text)
    assert item.form == form
    assert _dims(text) == pytest.approx(dimensions, abs=1e-4)


def test_a_bare_number_is_a_size_only_where_nothing_else_gives_one() -> None:
    assert _dims("1045 CS sht, 0.09, 20 sheets") == {"thickness": 0.09}
    assert "missing_dimensions" in _item("304 sheet for job 4471").flags  # a job number is not a size
    assert (
        "missing_dimensions" in _item("1. Stainless steel 304 sheet - 1 piece").flags
    )  # nor the item number


def test_a_gauge_s_decimal_in_parentheses_is_the_gauge_again() -> None:
    item = _item("304 Sheet 2B 14 ga (.075) 48 x 120")
    assert (item.form, item.dimensions) == ("sheet", {"thickness": 0.075, "width": 48.0, "length": 120.0})


def test_a_revision_s_old_size_in_parentheses_is_not_a_size() -> None:
    item = _item('PLATE AR500 3/8" X 48" X 96" (was 1/2" - REV 1)')
    assert item.dimensions == {"thickness": 0.375, "width": 48.0, "length": 96.0}


@pytest.mark.parametrize(
    "text",
    ["25 pzas lámina inoxidable 304 cal. 16 (1.5 mm), 4' x 8'", "25 pcs 304 sheet 16 ga (1,5 mm) 4' x 8'"],
)
def test_a_gauge_restated_in_millimetres_is_no_width(text: str) -> None:
    item = _item(text)
    assert item.dimensions == {"thickness": 0.060, "width": 48.0, "length": 96.0}


def test_a_count_of_lengths_is_no_length() -> None:
    item = _item("3 lengths 304 tube 1 1/2 OD x .065 wall 20 ft wait make that 4 lengths")
    assert item.quantity == 4
    assert item.dimensions == {"outer_diameter": 1.5, "wall_thickness": 0.065, "length": 240.0}
    # a length written with its unit is still one: 36" lengths
    assert _item('8 pcs 304 tube 1 1/2 OD x .065 wall, 36" lengths').dimensions["length"] == 36.0


def test_a_web_forms_numbered_dimension_fields() -> None:
    """ "Dimension 1: 2.5" is the first size, not a size of 1; an empty "Dimension 2:" over
    "Length: 12 ft" leaves the length its own."""
    text = (
        "Item 1\nMaterial: Aluminum 6061-T6\nShape: Round Bar\nDimension 1: 2.5\nDimension 2:\n"
        "Length: 12 ft\nQuantity: 3\n\n"
        "Item 2\nMaterial: Aluminum 7075-T651\nShape: Plate\nDimension 1: 1.5\nDimension 2: 6\nLength: 12\n"
        "Quantity: 1\n"
    )
    lines = extract(build_document("form.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, dict(line.dimensions)) for line in lines] == [
        (3, "bar_round", {"diameter": 2.5, "length": 144.0}),
        (1, "plate", {"thickness": 1.5, "width": 6.0, "length": 12.0}),
    ]
