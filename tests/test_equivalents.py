"""The grade table a desk relies on: same alloy, equivalent, substitute (one way only), alternative."""

from __future__ import annotations

import pytest

from pipeline.catalog.equivalents import FOREIGN_NAMES, resolve_grade, temper_substitute
from pipeline.catalog.grades import GRADES


def _relations(written: str) -> list[tuple[str, str]]:
    return [(option.grade, option.relation) for option in resolve_grade(written).options]


@pytest.mark.parametrize(
    ("written", "grade"),
    [("S30400", "304"), ("C10100", "C10100"), ("C36000", "C360"), ("6Al-4V", "Ti-6Al-4V"),
     ("Grade 5", "Ti-6Al-4V"), ("T-304", "304"), ("SS316L", "316L"), ("17-4", "17-4PH"),
     ("N06625", "Inconel 625"), ("C93200", "C932"), ("Stressproof", "1144"), ("N02200", "Nickel 200"),
     ("S31673", "316LVM"), ("Alloy 218", "Nitronic 60"), ("A516", "A516-70")],
)  # fmt: skip
def test_other_names_of_the_same_alloy_are_identical(written: str, grade: str) -> None:
    ask = resolve_grade(written)
    assert ask.stocked == grade
    assert ask.options[0].grade == grade and ask.options[0].relation == "identical"
    assert written in ask.options[0].note


@pytest.mark.parametrize(
    ("written", "grade"),
    [("1.4301", "304"), ("42CrMo4", "4140"), ("SUS316L", "316L"), ("EN AW-6061", "6061"),
     ("2.4856", "Inconel 625"), ("1.2379", "D2"), ("CW614N", "C360"), ("S235JR", "A36"),
     ("S355J2+N", "A572"), ("S235JR+AR", "A36"), ("S275JR", "A572"), ("44W", "A572"), ("E250", "A36"),
     ("E350", "A572"), ("AS/NZS 3678-250", "A36"), ("250 grade", "A36"), ("AS/NZS 3679.1-300", "A572"),
     ("EN24T", "4340"), ("EN19", "4140"), ("CZ121", "C360"), ("EN AW-6082", "6082"),
     ("Hardox 400", "AR400"), ("Hardox 450", "AR450"), ("Raex 500", "AR500")],
)  # fmt: skip
def test_foreign_standards_are_equivalents_whose_certs_read_the_catalog_grade(
    written: str, grade: str
) -> None:
    ask = resolve_grade(written)
    assert ask.stocked is None
    first = ask.options[0]
    assert (first.grade, first.relation) == (grade, "equivalent")
    assert f"certs will read {grade}" in first.note


def test_316l_ships_for_316_but_never_the_reverse() -> None:
    assert ("316L", "substitute") in _relations("316")
    assert _relations("316L") == [("316L", "identical")]
    assert ("304L", "substitute") in _relations("304")
    assert all(grade != "304" for grade, _ in _relations("304L"))


def test_stress_relieved_tempers_ship_for_the_plain_temper_only() -> None:
    assert "T651" in (temper_substitute("T6", "T651") or "")
    assert temper_substitute("T651", "T6") is None
    assert temper_substitute("T6", "T73") is None


@pytest.mark.parametrize(
    ("written", "nearest"),
    [("2507", "2205"), ("904L", "316L"), ("5754", "5052"), ("1.4571", "316L"), ("316Ti", "316L"),
     ("16MnCr5", "8620"), ("EN8", "1045"), ("EN1A", "12L14"), ("6060", "6063"), ("AR600", "AR500")],
)  # fmt: skip
def test_grades_not_stocked_offer_only_explained_alternatives(written: str, nearest: str) -> None:
    ask = resolve_grade(written)
    assert ask.stocked is None
    assert [(o.grade, o.relation) for o in ask.options] == [(nearest, "alternative")]
    assert ask.options[0].note.startswith(f"{written} is not stocked; {nearest}")


def test_an_unknown_grade_resolves_to_nothing_rather_than_a_guess() -> None:
    assert resolve_grade("XYZ-123").options == ()


def test_every_grade_the_table_names_is_a_catalog_grade() -> None:
    named = set(FOREIGN_NAMES)
    for written in ("2507", "316", "A36", "P20", "Inconel 800"):
        named |= {option.grade for option in resolve_grade(written).options}
    assert named <= set(GRADES)
