"""How customers name materials and forms, mapped to the catalog's canonical names.

Patterns are tried in order and the first that matches at a position wins, so longer and more
specific spellings come first (``316L`` before ``316``, ``6061-T651`` before ``6061``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class GradePattern:
    pattern: re.Pattern[str]
    grade: str
    family: str
    temper_group: str | None = None  # name of the regex group holding a temper, if any


def _grade(regex: str, grade: str, family: str, temper: bool = False) -> GradePattern:
    return GradePattern(
        re.compile(rf"(?<![\w.-]){regex}(?![\w])", re.IGNORECASE),
        grade,
        family,
        "temper" if temper else None,
    )


_AL_TEMPER = r"(?:[-\s]?(?P<temper>T\d{1,4}|H\d{2,3}|O)(?![\w]))?"

GRADE_PATTERNS: tuple[GradePattern, ...] = (
    # stainless
    _grade(r"17-?4\s?PH", "17-4PH", "stainless_steel"),
    _grade(r"(?:SS\s?|AISI\s?)?316L", "316L", "stainless_steel"),
    _grade(r"(?:SS\s?|AISI\s?)?304L", "304L", "stainless_steel"),
    *(
        _grade(rf"(?:SS\s?|AISI\s?|Type\s)?{g}", g, "stainless_steel")
        for g in ("304", "316", "317", "321", "347", "303", "410", "416", "420", "430")
    ),
    _grade(r"(?:S3)?2205", "2205", "stainless_steel"),
    _grade(r"(?:S3)?2507", "2507", "stainless_steel"),
    # aluminum, with optional temper
    *(
        _grade(rf"{g}{_AL_TEMPER}", g, "aluminum", temper=True)
        for g in ("6061", "6063", "7075", "7050", "2024", "5052", "5083", "5086", "3003", "1100")
    ),
    # titanium
    _grade(r"Ti-?6Al-?4V|6Al-?4V", "Grade 5", "titanium"),
    *(_grade(rf"(?:Grade|Gr\.?)\s?{n}", f"Grade {n}", "titanium") for n in (1, 2, 5, 7, 9, 12)),
    # nickel alloys
    *(_grade(rf"Inconel\s?{n}", f"Inconel {n}", "nickel_alloy") for n in (600, 625, 718)),
    _grade(r"Hastelloy\s?C-?276", "Hastelloy C276", "nickel_alloy"),
    _grade(r"Monel\s?400", "Monel 400", "nickel_alloy"),
    # carbon, structural and alloy steel
    _grade(r"12L14", "12L14", "carbon_steel"),
    *(
        _grade(rf"(?:AISI\s?|SAE\s?|C)?{g}", g, "carbon_steel")
        for g in ("1008", "1010", "1018", "1020", "1026", "1045")
    ),
    *(_grade(rf"(?:ASTM\s?)?{g}", g, "carbon_steel") for g in ("A36", "A500", "A572", "A992")),
    *(
        _grade(rf"(?:AISI\s?|SAE\s?)?{g}", g, "alloy_steel")
        for g in ("4130", "4140", "4340", "8620", "9310", "52100")
    ),
    # copper alloys: C-numbers, and bare numbers after the family word
    *(_grade(rf"C{g}|(?<=brass\s){g}", f"C{g}", "brass") for g in ("230", "240", "260", "360", "464")),
    *(_grade(rf"{g}", g, "bronze") for g in ("C220", "C510", "C630", "C932", "C954")),
    _grade(r"C10100|C101|OFHC", "101", "copper"),
    _grade(r"C11000|C110|ETP", "110", "copper"),
    *(_grade(rf"C{g}", g, "copper") for g in ("145", "194", "195")),
    # tool steel: only with "tool steel" nearby (checked by the caller) — A2 is otherwise ambiguous
    *(_grade(rf"{g}", g, "tool_steel") for g in ("A2", "D2", "H13", "M2", "O1", "S7", "W1")),
)

# Words that name a family without a grade.
FAMILY_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{regex})\b", re.IGNORECASE), family)
    for regex, family in (
        (r"stainless(?:\s+steel)?|SS", "stainless_steel"),
        (r"alumin(?:um|ium)|alum", "aluminum"),
        (r"titanium", "titanium"),
        (r"inconel|hastelloy|monel|nickel\s+alloy", "nickel_alloy"),
        (r"tool\s+steel", "tool_steel"),
        (r"alloy\s+steel", "alloy_steel"),
        (r"brass", "brass"),
        (r"bronze", "bronze"),
        (r"copper", "copper"),
        (r"carbon\s+steel|mild\s+steel|CRS|HRS|cold\s+rolled\s+steel|hot\s+rolled\s+steel", "carbon_steel"),
    )
)

# Form synonyms, most specific first.
FORM_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{regex})\b", re.IGNORECASE), form)
    for regex, form in (
        (r"square\s+tub(?:e|es|ing)", "tube_square"),
        (r"rect(?:angular)?\s+tub(?:e|es|ing)", "tube_rectangular"),
        (r"(?:round\s+)?tub(?:e|es|ing)|pipe", "tube_round"),
        (r"hex(?:agonal)?(?:\s+bars?)?", "bar_hex"),
        (r"square\s+bars?", "bar_square"),
        (r"flat\s+bars?|flat\s+stock|strip|rect(?:angular)?\s+bars?|bus\s+bars?", "bar_rectangular"),
        (r"round\s+bars?|rods?|rounds|bar\s+stock|shafts?|bars?", "bar_round"),
        (r"sheets?", "sheet"),
        (r"plates?", "plate"),
        (r"angles?", "angle"),
        (r"channels?", "channel"),
        (r"(?:i-?|wide\s+flange\s+)beams?|W\d+\s?x\s?\d+", "beam_i"),
        (r"wire", "wire"),
        (r"foil", "foil"),
    )
)

# Items a metals catalog does not carry.
NON_CATALOG = re.compile(
    r"\b(?:screws?|bolts?|nuts?|washers?|bearings?|wire\s+rope|brackets?|gaskets?|fasteners?)\b",
    re.IGNORECASE,
)
