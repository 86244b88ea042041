"""Descriptions and part numbers, written the way a sales desk writes them.

``304 Stainless Sheet 2B 0.125" x 48" x 96"`` and ``W8x31 A992 Beam x 240"`` read like the desk's
price book, so text search and salespeople both recognise them; part numbers such as
``SS304-SH-0125-4896-2B`` encode grade, form, section and cut so they are unique by construction.
"""

from __future__ import annotations

import re

from pipeline.catalog.grade_table import Treatment
from pipeline.catalog.grades import Grade
from pipeline.catalog.sections import Section

FAMILY_WORDS: dict[str, str] = {
    "stainless_steel": "Stainless",
    "aluminum": "Aluminum",
    "carbon_steel": "Steel",
    "alloy_steel": "Alloy Steel",
    "titanium": "Titanium",
    "brass": "Brass",
    "bronze": "Bronze",
    "copper": "Copper",
    "nickel_alloy": "",  # "Inconel 625 Round Bar" already says what it is
    "tool_steel": "Tool Steel",
}
# Grades named by their ASTM spec: "A36 Plate", "A513 Round Tube", not "A36 Steel Plate"
STRUCTURAL_GRADES = frozenset(("A36", "A500", "A572", "A992", "A513", "A516-70", "A588", "A1008", "A1011"))

FORM_WORDS: dict[str, str] = {
    "sheet": "Sheet",
    "plate": "Plate",
    "foil": "Foil",
    "bar_round": "Round Bar",
    "bar_square": "Square Bar",
    "bar_hex": "Hex Bar",
    "bar_rectangular": "Flat Bar",
    "wire": "Wire",
    "tube_round": "Round Tube",
    "tube_square": "Square Tube",
    "tube_rectangular": "Rectangular Tube",
    "angle": "Angle",
    "channel": "Channel",
    "beam_i": "Beam",
}
# Trade names that replace the generic form word for a family.
_FAMILY_FORM_WORDS: dict[tuple[str, str], str] = {
    ("copper", "bar_rectangular"): "Bus Bar",
    ("bronze", "tube_round"): "Cored Bar",
    ("tool_steel", "bar_rectangular"): "Flat Stock",
}

FAMILY_CODES: dict[str, str] = {
    "stainless_steel": "SS",
    "aluminum": "AL",
    "carbon_steel": "CS",
    "alloy_steel": "AS",
    "titanium": "TI",
    "brass": "BR",
    "bronze": "BZ",
    "copper": "CU",
    "nickel_alloy": "NI",
    "tool_steel": "TS",
}
FORM_CODES: dict[str, str] = {
    "sheet": "SH",
    "plate": "PL",
    "foil": "FL",
    "bar_round": "RB",
    "bar_square": "SB",
    "bar_hex": "HB",
    "bar_rectangular": "FB",
    "wire": "WR",
    "tube_round": "RT",
    "tube_square": "SQT",
    "tube_rectangular": "RCT",
    "angle": "AN",
    "channel": "CH",
    "beam_i": "BM",
}
_GRADE_ABBREVIATIONS = (
    ("TI-6AL-4V", "GR5"),  # "TIGR5-…", "CSA516-…": part numbers kept from the grades' former names
    ("A516-70", "A516"),
    ("GRADE ", "GR"),
    ("INCONEL ", "IN"),
    ("HASTELLOY ", ""),
    ("MONEL ", "MO"),
    ("NICKEL ", ""),
    ("NITRONIC ", "N"),
)


def grade_label(grade: Grade, form: str, treatment: Treatment) -> str:
    """``6061-T6`` (aluminum always carries its temper), ``C11000 H02`` when the temper tells parts apart."""
    if not treatment.temper:
        return grade.name
    if grade.family == "aluminum":
        return f"{grade.name}-{treatment.temper}"
    return f"{grade.name} {treatment.temper}" if len(grade.treatments_for(form)) > 1 else grade.name


def description_template(grade: Grade, form: str, treatment: Treatment, section: Section) -> str:
    """A description with ``{finish}`` and ``{cut}`` left open, filled per part."""
    family_word = "" if grade.name in STRUCTURAL_GRADES else FAMILY_WORDS[grade.family]
    form_word = _FAMILY_FORM_WORDS.get((grade.family, form), FORM_WORDS[form])
    condition = f" {treatment.condition}" if treatment.code and treatment.condition else ""
    name = " ".join(word for word in (grade_label(grade, form, treatment), family_word, form_word) if word)
    label = section.label.replace("{", "{{").replace("}", "}}")
    if form == "beam_i" or (form == "channel" and grade.family == "carbon_steel"):
        return f"{label} {name}{{finish}}{condition} x {{cut}}"  # "W8x31 A992 Beam x 240""
    return f"{name}{{finish}}{condition} {label} x {{cut}}"


def part_number_stem(grade: Grade, form: str, treatment: Treatment, section: Section) -> str:
    """``SS304-SH-0125``: family + grade (+ temper as labelled), form, section; the rest is appended."""
    grade_code = grade.name.upper()
    if grade.family == "copper":  # "CU110" for C11000: the family code says copper, and the
        grade_code = grade_code.removeprefix("C").removesuffix("00")  # part numbers stay as they were
    for long, short in _GRADE_ABBREVIATIONS:
        grade_code = grade_code.replace(long, short)
    label = grade_label(grade, form, treatment).upper()
    grade_code = re.sub(r"[^A-Z0-9]", "", grade_code + label[len(grade.name) :])
    return f"{FAMILY_CODES[grade.family]}{grade_code}-{FORM_CODES[form]}-{section.code}"
