"""Grades as a desk sees them written, mapped to the catalog's canonical names.

Three kinds of spelling:
- aliases of the same grade map to its canonical name: ``Ti-6Al-4V`` → ``Grade 5``,
  ``C10100`` → ``101``, ``UNS S31600`` → ``316``, ``17-4 PH`` → ``17-4PH``, ``EN AW-6061`` → ``6061``;
- grades we know but the catalog may not carry (``2507``, ``52100``) and numbers written as a
  grade (``AISI 4320``, ``416 stainless``) are kept as written, with a family;
- other standards' near-equivalents (``42CrMo4``, ``DIN 1.4301``, ``SUS304``) are kept as written and
  marked ``foreign``: whether they may substitute is the matching stage's decision, not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.catalog.grades import GRADES

_BEFORE = r"(?<![\w.\-/$#])"
# not a size, count or part of a longer token ("304 pieces", "1018x", "6061.5", "316/")
_AFTER = r"(?![\w/]|\.\d|\s*(?:\"|''|”|mm\b|in\b|inch|pcs|pieces|ft\b|feet|%|°))"
_PREFIX = r"(?:(?:AISI|SAE|ASTM|UNS|Type|Alloy|SS|T)[\s-]?)?"
_AL_PREFIX = r"(?:(?:AA|Al|EN\s?AW|Alloy|A(?=\d{4}))[\s-]?)?"  # "A5052" is JIS for alloy 5052
_TEMPER = r"(?:[-\s]?(?P<temper>T\d{1,4}|H\d{2,3}|O)(?![\w]))?"

_ALUMINUM_CONTEXT = r"alumin|\balum\b|\bAl\b|-T\d|\bT6|\bH3\d"
_TITANIUM_CONTEXT = r"titanium|\bTi\b|\bCP\b"
_TOOL_CONTEXT = r"tool\s*steel|drill\s+rod|die\s+steel|tool\s*room"
_AISI_STAINLESS = r"(?:20[1-5]|3[0-4]\d|4(?:0[5-9]|[1-4]\d))[A-Z]?"  # 201…205, 301…349, 405…449


@dataclass(frozen=True)
class GradeRule:
    regex: re.Pattern[str]
    grade: str | None  # canonical name; None: the grade as written (group "g")
    family: str | None  # None: decided from the number and the words around it
    context: re.Pattern[str] | None = None  # the item must also match this (A2 is a tool steel only so)
    foreign: bool = False


@dataclass(frozen=True)
class GradeHit:
    """A grade written in the text, resolved."""

    grade: str
    family: str | None
    temper: str | None
    start: int
    end: int
    foreign: bool = False


def _rule(
    regex: str, grade: str | None, family: str | None, context: str | None = None, foreign: bool = False
) -> GradeRule:
    return GradeRule(
        re.compile(_BEFORE + regex + _AFTER, re.IGNORECASE),
        grade,
        family,
        re.compile(context, re.IGNORECASE) if context else None,
        foreign,
    )


def _stainless() -> list[GradeRule]:
    rules = [
        _rule(r"17[-/]?4\s?PH|S17400|(?:Type|Alloy)\s?630", "17-4PH", "stainless_steel"),
        _rule(r"15[-/]?5\s?PH|S15500", "15-5PH", "stainless_steel"),
        _rule(r"(?:SS\s?)?316/316L", "316L", "stainless_steel"),
        _rule(r"(?:SS\s?)?304/304L", "304L", "stainless_steel"),
        _rule(rf"{_PREFIX}(?:316L|S31603)", "316L", "stainless_steel"),
        _rule(rf"{_PREFIX}(?:304L|S30403)", "304L", "stainless_steel"),
        _rule(r"(?:UNS\s?)?S3(?:2205|1803)|(?:duplex\s+)?2205|(?<!super\s)duplex", "2205", "stainless_steel"),
        _rule(r"18-8", "304", "stainless_steel"),
        _rule(r"(?:UNS\s?)?S32750|(?:super\s+duplex\s+)?2507", "2507", "stainless_steel"),
        _rule(r"440C|S44004", "440C", "stainless_steel"),
    ]
    for grade in ("303", "304", "316", "317", "321", "347", "410", "416", "420", "430"):
        uns = f"S{grade[:3]}00"
        rules.append(_rule(rf"{_PREFIX}(?:{grade}|{uns})", grade, "stainless_steel"))
    return rules


def _aluminum() -> list[GradeRule]:
    rules = []
    for grade in ("6061", "6063", "7075", "7050", "2024", "5052", "5083", "5086", "3003", "1100", "2011"):
        context = _ALUMINUM_CONTEXT if grade in ("2024", "1100") else None
        rules.append(_rule(rf"{_AL_PREFIX}(?:{grade}|A9{grade}){_TEMPER}", grade, "aluminum", context))
    return rules


def _steels() -> list[GradeRule]:
    rules = [
        _rule(r"12L14|G12144", "12L14", "carbon_steel"),
        _rule(r"(?:ASTM\s?)?A-?36", "A36", "carbon_steel"),
        _rule(r"(?:ASTM\s?)?A-?500(?:\s?(?:Gr(?:ade)?\.?\s?)?[BC](?!\w))?", "A500", "carbon_steel"),
        _rule(r"(?:ASTM\s?)?A-?572(?:[-\s]?(?:Gr(?:ade)?\.?\s?)?50)?", "A572", "carbon_steel"),
        _rule(r"(?:ASTM\s?)?A-?992", "A992", "carbon_steel"),
    ]
    for grade in ("1008", "1010", "1018", "1020", "1026", "1045"):
        rules.append(_rule(rf"{_PREFIX}(?:C{grade}|G{grade}0|{grade})", grade, "carbon_steel"))
    for grade in ("4130", "4140", "4340", "8620", "9310", "52100"):
        uns = f"G{grade}0" if len(grade) == 4 else "G52986"
        rules.append(_rule(rf"{_PREFIX}(?:{grade}|{uns})", grade, "alloy_steel"))
    rules.append(_rule(r"chromoly|chrome[-\s]moly", "4130", "alloy_steel"))
    tool_uns = {"A2": "T30102", "D2": "T30402", "H13": "T20813", "M2": "T11302"}
    tool_uns |= {"O1": "T31501", "S7": "T41907", "W1": "T72301"}
    for grade, uns in tool_uns.items():
        rules.append(_rule(rf"{grade[0]}-?{grade[1:]}", grade, "tool_steel", _TOOL_CONTEXT))
        rules.append(_rule(rf"(?:UNS\s?)?{uns}", grade, "tool_steel"))
    return rules


def _titanium_and_nickel() -> list[GradeRule]:
    rules = [
        _rule(r"Ti[-\s]?6Al[-\s]?4V\s?ELI|(?:UNS\s?)?R56401", "Grade 23", "titanium"),
        _rule(r"Ti[-\s]?6Al[-\s]?4V|6Al[-\s]?4V|Ti[-\s]?6-4|Ti64|(?:UNS\s?)?R56400", "Grade 5", "titanium"),
        _rule(r"(?:Ti[-\s]?)?3Al[-\s]?2\.5V", "Grade 9", "titanium"),
    ]
    uns = {"1": "R50250", "2": "R50400", "5": "R56400", "7": "R52400", "9": "R56320", "12": "R53400"}
    for number, code in uns.items():
        rules.append(_rule(rf"(?:UNS\s?)?{code}", f"Grade {number}", "titanium"))
        rules.append(
            _rule(rf"(?:Grade|Gr\.?|CP)\s?{number}", f"Grade {number}", "titanium", _TITANIUM_CONTEXT)
        )
    for number, code in (("600", "N06600"), ("625", "N06625"), ("718", "N07718")):
        regex = rf"(?:Inconel|Alloy|IN)[\s-]?{number}|(?:UNS\s?)?{code}"
        rules.append(_rule(regex, f"Inconel {number}", "nickel_alloy"))
    rules += [
        _rule(r"(?:Hastelloy\s?|Alloy\s?)?C-?276|(?:UNS\s?)?N10276", "Hastelloy C276", "nickel_alloy"),
        _rule(r"Monel\s?(?:Alloy\s?)?400|Alloy\s?400|(?:UNS\s?)?N04400", "Monel 400", "nickel_alloy"),
        _rule(r"Monel\s?(?:Alloy\s?)?K-?500|(?:UNS\s?)?N05500", "Monel K500", "nickel_alloy"),
    ]
    return rules


def _copper_alloys() -> list[GradeRule]:
    rules = [
        _rule(r"C10100|OFE|OFHC", "101", "copper"),
        _rule(r"C11000|ETP", "110", "copper"),
        _rule(r"(?:SAE\s?)?660(?=\s*\)|\s+bronze|\s+bearing)|SAE\s?660", "C932", "bronze"),
        _rule(r"free[-\s]machining\s+brass|free[-\s]cutting\s+brass", "C360", "brass"),
        _rule(r"cartridge\s+brass", "C260", "brass"),
        _rule(r"naval\s+brass", "C464", "brass"),
        _rule(r"red\s+brass", "C230", "brass"),
        _rule(r"low\s+brass", "C240", "brass"),
        _rule(r"commercial\s+bronze", "C220", "bronze"),
        _rule(r"phosphor\s+bronze", "C510", "bronze"),
        _rule(r"nickel\s+aluminum\s+bronze", "C630", "bronze"),
        _rule(r"aluminum\s+bronze", "C954", "bronze"),
        _rule(r"bearing\s+bronze", "C932", "bronze"),
        _rule(r"tellurium\s+copper", "145", "copper"),
    ]
    # bare numbers next to their family word: "brass 360", "932 bronze", "copper 110"
    bare_numbers = {
        "copper": "101|110|145|194|195",
        "brass": "230|240|260|360|464",
        "bronze": "220|510|630|932|954",
    }
    for family, numbers in bare_numbers.items():
        regex = rf"(?<={family}\s)(?P<g>{numbers})|(?P<h>{numbers})(?=\s+{family})"
        rules.append(_rule(regex, None, family))
    # C-numbers, three or five digits (C360, C36000): C1xx copper, C2xx-C4xx brass, C5xx-C9xx bronze
    rules.append(_rule(r"(?P<g>C[1-9]\d{2})(?:00)?", None, None))
    return rules


def _foreign() -> list[GradeRule]:
    """Other standards' designations; kept as written (``g``), family by their pattern."""
    return [
        _rule(
            r"(?:DIN\s?|EN\s?|W\.?\s?Nr\.?\s?|WNr\.?\s?)?(?P<g>1\.4\d{3})",
            None,
            "stainless_steel",
            None,
            True,
        ),
        _rule(
            r"(?:DIN\s?|EN\s?|W\.?\s?Nr\.?\s?|WNr\.?\s?)?(?P<g>1\.[5-7]\d{3})",
            None,
            "alloy_steel",
            None,
            True,
        ),
        _rule(
            r"(?:DIN\s?|EN\s?|W\.?\s?Nr\.?\s?|WNr\.?\s?)?(?P<g>1\.[01]\d{3})",
            None,
            "carbon_steel",
            None,
            True,
        ),
        _rule(r"(?:DIN\s?|EN\s?|W\.?\s?Nr\.?\s?|WNr\.?\s?)?(?P<g>1\.2\d{3})", None, "tool_steel", None, True),
        _rule(r"(?:DIN\s?|EN\s?)?(?P<g>2\.4\d{3})", None, "nickel_alloy", None, True),
        _rule(r"(?:DIN\s?|EN\s?)?(?P<g>X\d{1,3}Cr[A-Za-z]*\d[\d-]*)", None, "stainless_steel", None, True),
        _rule(
            r"(?:DIN\s?|EN\s?)?(?P<g>\d{2,3}(?:Cr|Ni|Mo|Mn|Si|V|B)+[A-Za-z]*\d+)",
            None,
            "alloy_steel",
            None,
            True,
        ),
        _rule(r"(?:JIS\s?)?(?P<g>SUS\s?\d{3}L?)", None, "stainless_steel", None, True),
        _rule(r"(?:JIS\s?)?(?P<g>SCM\s?\d{3}|SKD\s?\d{1,2})", None, "alloy_steel", None, True),
        _rule(
            r"(?:EN\s?)?(?P<g>S[23][3-5]5J[0-2R][A-Z0-9+]*|S\d{2}C|C[2-6]\dE?|Q[23][34]5[A-E]?)",
            None,
            "carbon_steel",
            None,
            True,
        ),
    ]


def _written_as_grade() -> list[GradeRule]:
    """Numbers written as a grade but not in the tables above: kept as written."""
    aluminum = (  # "6082-T6", "6101 aluminum", "aluminium 6101"
        r"(?:(?<=aluminum\s)|(?<=aluminium\s))(?P<h>[1-8]\d{3})|(?P<g>[1-8]\d{3})(?=-?(?:T\d|H\d\d)|\s+alumin)"
    )
    return [
        _rule(aluminum + _TEMPER, None, "aluminum"),
        _rule(r"(?:AISI|SAE|UNS|Type|Grade)\s?(?P<g>\d{3,5}[A-Z]?)", None, None),
        _rule(rf"(?P<g>{_AISI_STAINLESS})(?=\s+(?:stainless|SS)\b)", None, "stainless_steel"),
        _rule(rf"(?:stainless|SS)\s(?P<g>{_AISI_STAINLESS})", None, "stainless_steel"),
    ]


RULES: tuple[GradeRule, ...] = (
    *_stainless(),
    *_titanium_and_nickel(),
    *_aluminum(),
    *_steels(),
    *_copper_alloys(),
    *_foreign(),
    *_written_as_grade(),
)

_STEEL_CONTEXT = re.compile(r"\bsteel\b|\bAISI\b|\bSAE\b|\bCRS\b|\bHRS\b", re.IGNORECASE)
_AL_WORDS = re.compile(_ALUMINUM_CONTEXT, re.IGNORECASE)


def family_of_number(grade: str, text: str) -> str | None:
    """The family a bare grade number belongs to, from its shape and the words around it."""
    digits = re.sub(r"\D", "", grade)
    if grade.upper().startswith("C") and len(digits) == 3:
        return {"1": "copper", "2": "brass", "3": "brass", "4": "brass"}.get(digits[0], "bronze")
    if len(digits) == 3 and digits[0] in "234":
        return "stainless_steel"
    if len(digits) in (4, 5) and _AL_WORDS.search(text) and not _STEEL_CONTEXT.search(text):
        return "aluminum"
    if len(digits) == 4 and digits[:2] in ("10", "11", "12", "15"):
        return "carbon_steel"
    if len(digits) in (4, 5) and digits[0] in "3456789":
        return "alloy_steel"
    return None


def _canonical(rule: GradeRule, match: re.Match[str], text: str) -> tuple[str, str | None]:
    if rule.grade is not None:
        return rule.grade, rule.family
    written = match.groupdict().get("g") or match.groupdict().get("h") or match.group(0)
    if rule.family in ("brass", "bronze") and written.isdigit():
        return f"C{written}", rule.family
    written = re.sub(r"\s+", "", written) if written.upper().startswith(("SUS", "SCM", "SKD")) else written
    if written.upper().startswith("C") and written[1:].isdigit() and rule.family is None:
        family = family_of_number(written, text)
        return (written[1:] if family == "copper" else f"C{written[1:]}"), family
    return written, rule.family or family_of_number(written, text)


def in_catalog(grade: str) -> bool:
    """Whether the catalog stocks ``grade`` (its canonical name)."""
    return grade in GRADES


def find_grades(text: str, context: str | None = None) -> list[GradeHit]:
    """Every grade written in ``text``, in reading order, overlapping spellings resolved.

    ``context`` (default: ``text``) is what context-dependent grades (A2, Grade 5) are checked in.
    """
    context = text if context is None else context
    hits: list[tuple[int, int, GradeRule, re.Match[str]]] = []
    for rule in RULES:
        if rule.context is not None and not rule.context.search(context):
            continue
        for match in rule.regex.finditer(text):
            hits.append((match.start(), -match.end(), rule, match))
    hits.sort(key=lambda hit: (hit[0], hit[1]))
    found: list[GradeHit] = []
    taken_until = -1
    for start, negative_end, rule, match in hits:
        if start < taken_until:
            continue
        grade, family = _canonical(rule, match, context)
        temper = match.groupdict().get("temper")
        found.append(GradeHit(grade, family, temper and temper.upper(), start, -negative_end, rule.foreign))
        taken_until = -negative_end
    return found
