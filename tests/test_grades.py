"""Grades: the catalog's canonical names for every alias of the same grade; others kept as written."""

from __future__ import annotations

import pytest

from pipeline.catalog.equivalents import FOREIGN_NAMES, resolve_grade
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
# A catalog alias that is a bare number is read as a grade only in context ("630").
NOT_SAME_GRADE = {"630"}


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
        ("Ti-6Al-4V round bar", "Ti-6Al-4V", "titanium"),
        ("Ti 6-4 sheet", "Ti-6Al-4V", "titanium"),
        ("C10100 copper bar", "C10100", "copper"),
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
        ("4130N round tube", "4130", "alloy_steel"),  # normalized
        ("S275J0H RHS", "S275J0H", "carbon_steel"),
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
        ("Hardox 450 plate", "Hardox 450", "carbon_steel", True),
        ("S355J2+N plate", "S355J2+N", "carbon_steel", True),
        ("EN24T round bar", "EN24T", "alloy_steel", True),
        ("EN 8 round bar", "EN8", "carbon_steel", True),  # BS 970
        ("CZ121 brass hex", "CZ121", "brass", True),
        ("CSA G40.21 44W plate", "G40.21 44W", "carbon_steel", True),
        ("AS/NZS 3678 Grade 250 plate", "3678 Grade 250", "carbon_steel", True),  # not "Grade 250"
        ("10mm 250 grade plate, 2400 x 1200", "250 grade", "carbon_steel", True),  # Australian usage
        ("schedule ten 316 L twenty foot lengths", "316L", "stainless_steel", False),  # said apart
        ("EN AW-6060 T6 tube", "6060", "aluminum", False),
        ("EN AW-6005A T6 flat bar", "6005A", "aluminum", False),  # EN's variants end in A
        ("1050A-H14 sheet", "1050A", "aluminum", False),
        ("4 K1045 rd 32 x 6m", "K1045", "carbon_steel", True),  # Australian bright bar
        ("10 75x10 flat 250gr x 6m", "250gr", "carbon_steel", True),
        ("AR600 plate", "AR600", "carbon_steel", False),
        ("Nitronic 50 round bar", "Nitronic 50", "stainless_steel", False),
    ],
)
def test_other_grades_are_kept_as_written_with_their_family(
    text: str, grade: str, family: str, foreign: bool
) -> None:
    [hit] = find_grades(text)
    assert (hit.grade, hit.family, hit.foreign) == (grade, family, foreign)


@pytest.mark.parametrize(
    ("text", "grade", "family"),
    [
        ("AR400 plate", "AR400", "carbon_steel"),
        ("AR 400 plate", "AR400", "carbon_steel"),
        ("AR-500 plate", "AR500", "carbon_steel"),
        ("AR400F plate", "AR400", "carbon_steel"),
        ("A588 Gr B plate", "A588", "carbon_steel"),
        ("Corten plate", "A588", "carbon_steel"),  # weathering steel's trade name
        ("Cor-Ten B plate", "A588", "carbon_steel"),
        ("1144 Stressproof round", "1144", "carbon_steel"),
        ("Stress-proof round bar", "1144", "carbon_steel"),
        ("A513 Type 5 tube", "A513", "carbon_steel"),
        ("DOM tube", "A513", "carbon_steel"),  # drawn over mandrel tube is A513 Type 5
        ("A1011 CS Type B sheet", "A1011", "carbon_steel"),
        ("HR P&O A1011 sheet", "A1011", "carbon_steel"),
        ("ASTM A1008 CR sheet", "A1008", "carbon_steel"),
        ("A569 HR sheet", "A1011", "carbon_steel"),  # A1011's former number
        ("A366 CR sheet", "A1008", "carbon_steel"),
        ("A516 Gr 70 plate", "A516-70", "carbon_steel"),
        ("316LVM round bar", "316LVM", "stainless_steel"),
        ("Nitronic 60 round bar", "Nitronic 60", "stainless_steel"),
        ("UNS S21800 bar", "Nitronic 60", "stainless_steel"),
        ("Ni 200 wire", "Nickel 200", "nickel_alloy"),
        ("UNS N02200 sheet", "Nickel 200", "nickel_alloy"),
        ("Alloy 825 seamless tube", "Incoloy 825", "nickel_alloy"),
        ("UNS N08825 bar", "Incoloy 825", "nickel_alloy"),
        ("Incoloy 800H plate", "Incoloy 800H", "nickel_alloy"),
        ("Carpenter 20 round bar", "Alloy 20", "nickel_alloy"),
        ("Alloy 20 sheet", "Alloy 20", "nickel_alloy"),
        ("Hastelloy C-22 plate", "Hastelloy C22", "nickel_alloy"),
        ("MIC-6 cast plate", "MIC-6", "aluminum"),
        ("MIC6 tooling plate", "MIC-6", "aluminum"),
        ("EN AW-6082 T6 flat bar", "6082", "aluminum"),
        ("AW-6082 bar", "6082", "aluminum"),
        ("OFHC copper bar", "C10100", "copper"),
    ],
)
def test_trade_names_and_spec_grades_read_as_the_stocked_grade(text: str, grade: str, family: str) -> None:
    assert _first(text) == (grade, family)


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("4130 DOM tube 1-1/4 OD", ["4130"]),  # a chromoly tube made DOM
        ("1026 DOM tube", ["1026"]),
        ("DOM 1.75 OD x .120 wall", ["A513"]),
        ("dom tube 2 OD x .25 wall", ["A513"]),
        ("Thanks, Dom", []),  # a name, not a tube
    ],
)
def test_dom_names_the_grade_only_when_the_line_names_no_other(text: str, grades: list[str]) -> None:
    assert [hit.grade for hit in find_grades(text)] == grades


def test_grades_the_catalog_does_not_stock_are_flagged_not_dropped() -> None:
    item = parse_item(1, Segment("42CrMo4 round bar 60 mm x 1000 mm, 3 pcs", 0))
    assert item.grade == "42CrMo4" and item.material == "alloy_steel"
    assert {"grade_other_standard", "grade_not_in_catalog"} <= set(item.flags)
    assert not in_catalog("2507") and in_catalog("2205") and in_catalog("Ti-6Al-4V")


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


@pytest.mark.parametrize(
    ("grade", "name"),
    [
        (grade, name)
        for grade, names in FOREIGN_NAMES.items()
        for name in names
        if not name.startswith("ENAW")
    ],
)
def test_every_equivalent_the_matcher_knows_is_read_as_written_and_resolves_to_it(
    grade: str, name: str
) -> None:
    """One source of truth: extraction keeps another standard's name as written (flagged), and
    ``pipeline.catalog.equivalents`` alone decides that it is an equivalent of a catalog grade."""
    family = GRADES[grade].family
    [hit] = find_grades(f"{name} {FAMILY_WORD[family]} bar")
    assert (hit.grade, hit.family, hit.foreign) == (name, family, True)
    assert [(o.grade, o.relation) for o in resolve_grade(hit.grade).options][:1] == [(grade, "equivalent")]


@pytest.mark.parametrize(
    ("text", "grade", "family"),
    [
        (
            "2205 sheets, .12 x 48 x 120, qty 31",
            "2205",
            "stainless_steel",
        ),  # a grade: the quantity is elsewhere
        ("17-4 stainless steel Condition A sheet", "17-4PH", "stainless_steel"),
        ("17-7PH sht 0.032 in", "17-7PH", "stainless_steel"),
        ("pls send 310 sheets 0.125 - (22)", "310", "stainless_steel"),
        ("8630 alloy rod 16mm", "8630", "alloy_steel"),
        ("(17) 1215 hex 3/4 A/F", "1215", "carbon_steel"),
        ("4150 round bar", "4150", "alloy_steel"),
        ("6082 plate 1.5 thick", "6082", "aluminum"),
        ("A516 plate, 10mm", "A516-70", "carbon_steel"),
        ("A-516-70 PL 1 thick", "A516-70", "carbon_steel"),
        ("Hastelloy X sheet 0.02", "Hastelloy X", "nickel_alloy"),
        ("Inconel 800 tube 2 OD", "Inconel 800", "nickel_alloy"),
        ("P20 tool steel PL .5", "P20", "tool_steel"),
        ("A2 flat stock flat ground 1/4 x 2", "A2", "tool_steel"),  # a tool steel before its form
        ("D2 FB 0.0938 x 1.75", "D2", "tool_steel"),
        ("O1 drill rod 1/2", "O1", "tool_steel"),
        ("H13 plate 2 thick", "H13", "tool_steel"),
        ("Grade 9 round bar 107.9mm", "Grade 9", "titanium"),
        ("145 H02 hex rod", "C14500", "copper"),  # a copper by its temper
        ("TUBE, DOM, 1020/1026, 2.500 OD", "1026", "carbon_steel"),  # dual certified: the stocked one
        ("2024 sht .063 thk", "2024", "aluminum"),
        ("1100-O foil 0.005", "1100", "aluminum"),
        ("1.3505 round bar 50 mm", "1.3505", "alloy_steel"),
        ("CW008A H02 sheets", "CW008A", "copper"),
        ("3.0517-H14 PL", "3.0517", "aluminum"),
        ("12 pcs A513 square tube 1-1/2 x 1-1/2 x .065 wall x 20'", "A513", "carbon_steel"),
        ("3 sheets A1011 HR P&O 11 ga, 48 x 120", "A1011", "carbon_steel"),
        ("Hardox 450 plate 1/2 x 48 x 96, 3 pcs", "Hardox 450", "carbon_steel"),
    ],
)
def test_grades_written_the_way_customers_write_them(text: str, grade: str, family: str) -> None:
    item = parse_item(1, Segment(text, 0))
    assert (item.grade, item.material) == (grade, family)
    assert ("grade_not_in_catalog" in item.flags) == (not in_catalog(grade))


@pytest.mark.parametrize(
    "text",
    [
        "1000 x 2000 sheet",
        "A2 stainless bolts",
        "M2 x 0.4 screws",
        "Grade 8 bolts",
        "job 4150 plate",
        "entrega en 8 días",  # Spanish "in 8 days", not BS 970 EN8
        "ni 200 ni 300 kg",  # Spanish "neither", not nickel 200
    ],
)
def test_look_alikes_are_not_grades(text: str) -> None:
    assert find_grades(text) == []


def test_cast_grades_are_read_as_written() -> None:
    from pipeline.extract.grades import find_grades

    assert [hit.grade for hit in find_grades("Cast steel grade WCB housing blank; body in CF8M")] == [
        "WCB",
        "CF8M",
    ]


def test_pipe_grades_written_with_their_grade_letter_glued_on() -> None:
    from pipeline.extract.grades import find_grades

    for written, grade, read in (
        ('2" SCH 80 A106B SMLS PIPE', "A106", "A106B"),
        ("A106 Gr B pipe", "A106", "A106 Gr B"),
        ("A53B ERW pipe", "A53", "A53B"),
    ):
        hit = find_grades(written)[0]
        assert (hit.grade, written[hit.start : hit.end]) == (grade, read)


def test_two_grades_joined_by_a_slash_are_both_read_but_a_fraction_is_no_grade() -> None:
    from pipeline.extract.grades import find_grades

    assert [hit.grade for hit in find_grades("A53B/A106B dual cert, black")] == ["A53", "A106"]
    assert [hit.grade for hit in find_grades("A36/A572-50 plate")] == ["A36", "A572"]
    assert [hit.grade for hit in find_grades("3/16 x 1/2 304 flat")] == ["304"]
    assert [hit.grade for hit in find_grades("316/316L pipe")] == ["316L"]


def test_asme_pressure_grades_read_as_their_astm_numbers() -> None:
    from pipeline.extract.grades import find_grades

    for written, grade in (("SA-516-70 plate", "A516-70"), ("SA-106 GR B pipe", "A106"), ("SA-179", "A179")):
        assert [hit.grade for hit in find_grades(written)] == [grade]


def test_old_din_names_and_utility_ferritic_stainless_are_read_as_written() -> None:
    from pipeline.catalog.equivalents import resolve_grade
    from pipeline.extract.grades import find_grades

    assert [(hit.grade, hit.foreign) for hit in find_grades("St52 lama 20x100")] == [("St52", True)]
    assert (
        resolve_grade("St52").options[0].grade == "A572" and resolve_grade("St37").options[0].grade == "A36"
    )
    assert [hit.grade for hit in find_grades("3CR12 plate 6 mm")] == ["3CR12"]


def test_a_length_after_a_pipe_grade_is_no_grade_designation() -> None:
    from pipeline.extract.grades import find_grades

    text = "1 pc 6\" sch 40 pipe A53 21'"
    [hit] = find_grades(text)
    assert (hit.grade, text[hit.start : hit.end]) == ("A53", "A53")
