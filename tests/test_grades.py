"""Grades: the catalog's canonical names for every alias of the same grade; others kept as written."""

from __future__ import annotations

import pytest

from pipeline.catalog.grades import GRADES
from pipeline.extract.grades import find_grades, in_catalog
from pipeline.extract.lines import Segment, parse_item

FAMILY_WORD = {
    "stainless_steel": "stainless",
    "aluminum": "aluminum",
    "carbon_steel": "steel",
    "alloy_steel": "steel",
    "titanium": "titanium",
    "nickel_alloy": "nickel",
    "brass": "brass",
    "bronze": "bronze",
    "copper": "copper",
    "tool_steel": "tool steel",
}
# Catalog aliases that are not spellings of the grade itself: a process or product ("CRS", "DOM",
# "HSS" name how it is made or shaped), a bare number read only in context ("630"), or another
# standard's near-equivalent — which this stage keeps as written for the matching stage to judge.
NOT_SAME_GRADE = {"CRS", "DOM", "HSS", "630", "42CrMo4", "34CrNiMo6", "100Cr6"}


def _first(text: str) -> tuple[str, str | None] | None:
    hits = find_grades(text)
    return (hits[0].grade, hits[0].family) if hits else None


@pytest.mark.parametrize(
    ("name", "spelling"),
    [(grade.name, spelling) for grade in GRADES.values() for spelling in (grade.name, *grade.aliases)
     if spelling not in NOT_SAME_GRADE],
)  # fmt: skip
def test_every_catalog_spelling_gives_the_catalogs_canonical_name(name: str, spelling: str) -> None:
    family = GRADES[name].family
    for text in (f"{spelling} {FAMILY_WORD[family]} bar", f"{FAMILY_WORD[family]} {spelling} bar"):
        assert _first(text) == (name, family), text


@pytest.mark.parametrize(
    ("text", "grade", "family"),
    [
        ("Ti-6Al-4V round bar", "Grade 5", "titanium"),
        ("Ti 6-4 sheet", "Grade 5", "titanium"),
        ("C10100 copper bar", "101", "copper"),
        ("UNS S31600 plate", "316", "stainless_steel"),
        ("UNS S31603 tube", "316L", "stainless_steel"),
        ("17-4 PH bar", "17-4PH", "stainless_steel"),
        ("17-4PH bar", "17-4PH", "stainless_steel"),
        ("316/316L pipe", "316L", "stainless_steel"),
        ("AISI 304 sheet", "304", "stainless_steel"),
        ("SS304 sheet", "304", "stainless_steel"),
        ("6061-T651 plate", "6061", "aluminum"),
        ("EN AW-6061 T6 plate", "6061", "aluminum"),
        ("A5052 aluminum plate", "5052", "aluminum"),
        ("Alloy 625 bar", "Inconel 625", "nickel_alloy"),
        ("C-276 sheet", "Hastelloy C276", "nickel_alloy"),
        ("Brass 360 hex", "C360", "brass"),
        ("C36000 rod", "C360", "brass"),
        ("SAE 660 bronze bushing stock", "C932", "bronze"),
        ("chromoly tube", "4130", "alloy_steel"),
        ("D2 tool steel flat", "D2", "tool_steel"),
    ],
)
def test_aliases_of_the_same_grade_map_to_the_canonical_name(text: str, grade: str, family: str) -> None:
    assert _first(text) == (grade, family)


@pytest.mark.parametrize(
    ("text", "grade", "family", "foreign"),
    [
        ("42CrMo4 round bar", "42CrMo4", "alloy_steel", True),
        ("DIN 1.4301 sheet", "1.4301", "stainless_steel", True),
        ("W.Nr. 1.4404 bar", "1.4404", "stainless_steel", True),
        ("SUS 304 sheet", "SUS304", "stainless_steel", True),
        ("S355J2 flat bar", "S355J2", "carbon_steel", True),
        ("X5CrNi18-10 sheet", "X5CrNi18-10", "stainless_steel", True),
        ("super duplex 2507 hex", "2507", "stainless_steel", False),
        ("AISI 4320 bar", "4320", "alloy_steel", False),
        ("416 stainless round", "416", "stainless_steel", False),
        ("6082-T6 aluminium plate", "6082", "aluminum", False),
    ],
)
def test_other_grades_are_kept_as_written_with_their_family(
    text: str, grade: str, family: str, foreign: bool
) -> None:
    [hit] = find_grades(text)
    assert (hit.grade, hit.family, hit.foreign) == (grade, family, foreign)


def test_grades_the_catalog_does_not_stock_are_flagged_not_dropped() -> None:
    item = parse_item(1, Segment("42CrMo4 round bar 60 mm x 1000 mm, 3 pcs", 0))
    assert item.grade == "42CrMo4" and item.material == "alloy_steel"
    assert {"grade_other_standard", "grade_not_in_catalog"} <= set(item.flags)
    assert not in_catalog("2507") and in_catalog("2205") and in_catalog("Grade 5")


@pytest.mark.parametrize(
    "text",
    [
        "304 pieces of angle",  # a count
        "P-2024-001",  # a project number
        "Due January 15, 2024",  # a year
        "A2 screws",  # A2 is a tool steel only in a tool-steel context
        "Grade 5 bolts",  # titanium Grade 5 only with titanium around
        "PO limit $50K",
        "- 430 sheets",  # a count of sheets
    ],
)
def test_numbers_that_are_not_grades(text: str) -> None:
    assert find_grades(text) == []


def test_two_grades_for_one_line_make_an_ambiguous_grade_or_an_offered_equivalent() -> None:
    doubt = parse_item(1, Segment("stainless plates, 304 or was it 316? 1/4 x 12 x 8, 25 sheets", 0))
    assert doubt.grade == "304" and [a.grade for a in doubt.alternates] == ["316"]
    assert "ambiguous_grade" in doubt.flags
    equivalent = parse_item(1, Segment("AISI 52100 or equivalent DIN 100Cr6 round bar 150 mm, 12 pcs", 0))
    assert equivalent.grade == "52100" and [a.grade for a in equivalent.alternates] == ["100Cr6"]
    assert {"alternates_offered", "equivalent_accepted"} <= set(equivalent.flags)


def test_temper_is_read_with_the_grade() -> None:
    item = parse_item(1, Segment("7075-T651 plate 1 x 12 x 12, 2 pcs", 0))
    assert (item.grade, item.temper) == ("7075", "T651")
