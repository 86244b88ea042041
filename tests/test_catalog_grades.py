"""The grade table: canonical names, families, sensible forms and physical values."""

from __future__ import annotations

import pytest

from pipeline.catalog.grades import GRADES, find_grade
from pipeline.catalog.schema import FAMILIES, FORMS

CANONICAL = {
    "stainless_steel": "304 316 316L 317 321 347 410 420 430 17-4PH 2205 303 304L 316LVM Nitronic_60",
    "aluminum": "1100 2024 3003 5052 5083 5086 6061 6063 7075 7050 6082 MIC-6",
    "carbon_steel": "1008 1010 1018 1020 1045 12L14 A36 A500 A572 A992 1026 1144 A513 A1011 A1008 A516-70 "
    "A588 AR400 AR450 AR500",
    "alloy_steel": "4130 4140 4340 8620 9310 52100",
    "titanium": "Grade_1 Grade_2 Ti-6Al-4V Grade_7 Grade_9 Grade_12",
    "brass": "C230 C240 C260 C360 C464",
    "bronze": "C220 C510 C630 C932 C954",
    "copper": "C10100 C11000 C14500 C19400 C19500",
    "nickel_alloy": "Inconel_600 Inconel_625 Inconel_718 Hastelloy_C276 Monel_400 Nickel_200 Incoloy_825 "
    "Incoloy_800H Alloy_20 Hastelloy_C22",
    "tool_steel": "A2 D2 H13 M2 O1 S7 W1",
}
EXPECTED = {name.replace("_", " "): family for family, names in CANONICAL.items() for name in names.split()}
DENSITY_RANGES = {
    "stainless_steel": (0.275, 0.29),
    "aluminum": (0.095, 0.103),
    "carbon_steel": (0.283, 0.284),
    "alloy_steel": (0.282, 0.284),
    "titanium": (0.159, 0.164),
    "brass": (0.30, 0.32),
    "bronze": (0.26, 0.33),
    "copper": (0.32, 0.324),
    "nickel_alloy": (0.285, 0.33),  # 800H is 0.287
    "tool_steel": (0.27, 0.30),
}


def test_grade_names_and_families_are_exactly_the_canonical_ones() -> None:
    assert {name: grade.family for name, grade in GRADES.items()} == EXPECTED


def test_every_grade_uses_the_schema_vocabulary() -> None:
    for grade in GRADES.values():
        assert grade.family in FAMILIES
        assert grade.forms and set(grade.forms) <= set(FORMS), grade.name
        assert len(set(grade.forms)) == len(grade.forms), grade.name


@pytest.mark.parametrize(
    ("grade", "forms"),
    [
        ("A500", {"tube_square", "tube_rectangular", "tube_round"}),
        ("A992", {"beam_i"}),
        ("12L14", {"bar_round", "bar_square", "bar_hex"}),
        ("A36", {"plate", "angle", "channel", "bar_rectangular", "beam_i", "bar_round"}),
        ("AR400", {"plate"}),
        ("AR500", {"plate"}),
        ("A513", {"tube_square", "tube_rectangular", "tube_round"}),
        ("A1011", {"sheet"}),
        ("A516-70", {"plate"}),
        ("MIC-6", {"plate"}),
        ("1144", {"bar_round", "bar_square", "bar_hex"}),
    ],
)
def test_structural_and_free_machining_grades_come_only_in_their_forms(grade: str, forms: set[str]) -> None:
    assert set(GRADES[grade].forms) == forms


def test_family_form_rules() -> None:
    for grade in GRADES.values():
        forms = set(grade.forms)
        if grade.family == "titanium":
            assert forms <= {"sheet", "plate", "bar_round", "tube_round", "wire", "foil"}, grade.name
        if grade.family == "nickel_alloy":
            assert forms <= {"sheet", "plate", "bar_round", "tube_round", "wire", "bar_hex"}, grade.name
        if grade.family == "tool_steel":
            assert forms <= {"bar_round", "bar_rectangular", "bar_square", "plate"}, grade.name


def test_densities_and_prices_are_physical() -> None:
    for grade in GRADES.values():
        low, high = DENSITY_RANGES[grade.family]
        assert low <= grade.density_lb_in3 <= high, grade.name
        assert grade.price_per_lb > 0, grade.name
    assert GRADES["A36"].price_per_lb < GRADES["304"].price_per_lb < GRADES["Ti-6Al-4V"].price_per_lb


def test_aluminum_tempers_by_form() -> None:
    assert GRADES["6061"].treatments_for("plate")[0].temper == "T651"
    assert GRADES["6061"].treatments_for("sheet")[0].temper == "T6"
    assert "T6511" in GRADES["6061"].tempers
    assert GRADES["5052"].treatments_for("sheet")[0].temper == "H32"
    assert GRADES["2024"].treatments_for("sheet")[0].temper == "T3"
    assert {t.condition for t in GRADES["17-4PH"].treatments_for("bar_round")} >= {"Condition A", "H1150"}


def test_specs_follow_the_form() -> None:
    assert GRADES["304"].spec_for("sheet") == "ASTM A240"
    assert GRADES["304"].spec_for("bar_round") == "ASTM A276"
    assert GRADES["Ti-6Al-4V"].spec_for("bar_round") == "AMS 4928"
    assert GRADES["A36"].spec_for("plate") == "ASTM A36"
    assert GRADES["6061"].spec_for("sheet") == "ASTM B209"
    assert GRADES["A513"].spec_for("tube_round") == "ASTM A513 Type 5"  # DOM
    assert GRADES["A513"].spec_for("tube_square") == "ASTM A513 Type 1"
    assert GRADES["A1011"].spec_for("sheet") == "ASTM A1011 CS Type B"
    assert GRADES["A516-70"].spec_for("plate") == "ASTM A516 Gr 70"
    assert GRADES["316LVM"].spec_for("bar_round") == "ASTM F138"
    assert GRADES["AR400"].spec_for("plate") is None  # sold to a Brinell hardness
    assert GRADES["6082"].spec_for("plate") == "EN 485"


def test_abrasion_resistant_plate_is_quenched_and_tempered_and_dearer_by_hardness() -> None:
    assert GRADES["AR400"].treatments_for("plate")[0].condition == "quenched and tempered"
    prices = [GRADES[name].price_per_lb for name in ("A36", "AR400", "AR450", "AR500")]
    assert prices == sorted(prices)


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("17-4 PH", "17-4PH"),
        ("c-276", "Hastelloy C276"),
        ("C110", "C11000"),
        ("316l", "316L"),
        ("Grade 5", "Ti-6Al-4V"),
        ("Stressproof", "1144"),
        ("Ni 200", "Nickel 200"),
        ("Alloy 825", "Incoloy 825"),
        ("20Cb-3", "Alloy 20"),
        ("mic6", "MIC-6"),
        ("A516", "A516-70"),
    ],
)
def test_find_grade_resolves_spellings(spelling: str, name: str) -> None:
    found = find_grade(spelling)
    assert found is not None and found.name == name


def test_find_grade_returns_none_for_unknown() -> None:
    assert find_grade("unobtainium") is None
