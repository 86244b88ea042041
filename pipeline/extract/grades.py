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
_AFTER = r"(?![\w/]|\.\d)(?:(?<!\d)|(?!\s*(?:\"|''|”|mm\b|in\b|inch|pcs|pieces|ft\b|feet|%|°)))"
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
    needles: tuple[str, ...] = ()  # the text must contain one of these (lower-case) for the rule to apply


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
    regex: str,
    grade: str | None,
    family: str | None,
    context: str | None = None,
    foreign: bool = False,
    needles: tuple[str, ...] | None = None,
) -> GradeRule:
    """A grade spelling. A rule is tried only on text containing one of its ``needles`` — by
    default the numbers in its spelling ("316" for 316) — which keeps a hundred rules cheap; pass
    them for spellings without numbers ("duplex") or with only generic ones ("C[1-9]\\d{2}").
    A rule with no needles at all is always tried."""
    if needles is None:
        needles = tuple(re.findall(r"\d{2,}", re.sub(r"\{[\d,]+\}", "", regex)))
    return GradeRule(
        re.compile(f"{_BEFORE}(?:{regex}){_AFTER}", re.IGNORECASE),
        grade,
        family,
        re.compile(context, re.IGNORECASE) if context else None,
        foreign,
        tuple(needle.lower() for needle in needles),
    )


def _stainless() -> list[GradeRule]:
    rules = [
        _rule(r"17[-/]?4\s?PH|S17400|(?:Type|Alloy)\s?630", "17-4PH", "stainless_steel"),
        _rule(r"15[-/]?5\s?PH|S15500", "15-5PH", "stainless_steel"),
        _rule(r"(?:SS\s?)?316/316L", "316L", "stainless_steel"),
        _rule(r"(?:SS\s?)?304/304L", "304L", "stainless_steel"),
        _rule(rf"{_PREFIX}(?:316L|S31603)", "316L", "stainless_steel"),
        _rule(rf"{_PREFIX}(?:304L|S30403)", "304L", "stainless_steel"),
        _rule(
            r"(?:UNS\s?)?S3(?:2205|1803)|(?:duplex\s+)?2205",
            "2205",
            "stainless_steel",
            needles=("2205", "32205", "31803"),
        ),
        _rule(r"(?<!super\s)duplex", "2205", "stainless_steel", needles=("duplex",)),
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
    rules.append(_rule(r"chromoly|chrome[-\s]moly", "4130", "alloy_steel", needles=("chrom",)))
    tool_uns = {"A2": "T30102", "D2": "T30402", "H13": "T20813", "M2": "T11302"}
    tool_uns |= {"O1": "T31501", "S7": "T41907", "W1": "T72301"}
    for grade, uns in tool_uns.items():
        rules.append(_rule(rf"{grade[0]}-?{grade[1:]}", grade, "tool_steel", _TOOL_CONTEXT))
        rules.append(_rule(rf"(?:UNS\s?)?{uns}", grade, "tool_steel"))
    return rules


def _titanium_and_nickel() -> list[GradeRule]:
    rules = [
        _rule(
            r"Ti[-\s]?6Al[-\s]?4V\s?ELI|(?:UNS\s?)?R56401", "Grade 23", "titanium", needles=("6al", "56401")
        ),
        _rule(
            r"Ti[-\s]?6Al[-\s]?4V|6Al[-\s]?4V|Ti[-\s]?6-4|Ti64|(?:UNS\s?)?R56400",
            "Grade 5",
            "titanium",
            needles=("6al", "6-4", "ti64", "56400"),
        ),
        _rule(r"(?:Ti[-\s]?)?3Al[-\s]?2\.5V", "Grade 9", "titanium", needles=("3al",)),
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
        _rule(r"C10100", "101", "copper"),
        _rule(r"OFE|OFHC", "101", "copper", needles=("ofe", "ofhc")),
        _rule(r"C11000", "110", "copper"),
        _rule(r"ETP", "110", "copper", needles=("etp",)),
        _rule(r"(?:SAE\s?)?660(?=\s*\)|\s+bronze|\s+bearing)|SAE\s?660", "C932", "bronze"),
        _rule(r"free[-\s]machining\s+brass|free[-\s]cutting\s+brass", "C360", "brass", needles=("brass",)),
        _rule(r"cartridge\s+brass", "C260", "brass", needles=("brass",)),
        _rule(r"naval\s+brass", "C464", "brass", needles=("brass",)),
        _rule(r"red\s+brass", "C230", "brass", needles=("brass",)),
        _rule(r"low\s+brass", "C240", "brass", needles=("brass",)),
        _rule(r"commercial\s+bronze", "C220", "bronze", needles=("bronze",)),
        _rule(r"phosphor\s+bronze", "C510", "bronze", needles=("bronze",)),
        _rule(r"nickel\s+aluminum\s+bronze", "C630", "bronze", needles=("bronze",)),
        _rule(r"aluminum\s+bronze", "C954", "bronze", needles=("bronze",)),
        _rule(r"bearing\s+bronze", "C932", "bronze", needles=("bronze",)),
        _rule(r"tellurium\s+copper", "145", "copper", needles=("tellurium",)),
    ]
    # bare numbers next to their family word: "brass 360", "932 bronze", "copper 110"
    bare_numbers = {
        "copper": "101|110|145|194|195",
        "brass": "230|240|260|360|464",
        "bronze": "220|510|630|932|954",
    }
    for family, numbers in bare_numbers.items():
        regex = rf"(?<={family}\s)(?P<g>{numbers})|(?P<h>{numbers})(?=\s+{family})"
        rules.append(_rule(regex, None, family, needles=(family,)))
    rules.append(_rule(r"C22000|C220", "C220", "bronze"))  # "commercial bronze", though a C2xx
    # C-numbers, three or five digits (C360, C36000): C1xx copper, C2xx-C4xx brass, C5xx-C9xx bronze
    rules.append(
        _rule(r"(?P<g>C[1-9]\d{2})(?:00)?", None, None, needles=tuple(f"c{n}" for n in range(1, 10)))
    )
    return rules


def _foreign() -> list[GradeRule]:
    """Other standards' designations; kept as written (``g``), family by their pattern."""
    werkstoff = r"(?:DIN\s?|EN\s?|W\.?\s?Nr\.?\s?|WNr\.?\s?)?"
    table = (
        (rf"{werkstoff}(?P<g>1\.4\d{{3}})", "stainless_steel", ("1.4",)),
        (rf"{werkstoff}(?P<g>1\.[5-7]\d{{3}})", "alloy_steel", ("1.5", "1.6", "1.7")),
        (rf"{werkstoff}(?P<g>1\.[01]\d{{3}})", "carbon_steel", ("1.0", "1.1")),
        (rf"{werkstoff}(?P<g>1\.2\d{{3}})", "tool_steel", ("1.2",)),
        (r"(?:DIN\s?|EN\s?)?(?P<g>2\.4\d{3})", "nickel_alloy", ("2.4",)),
        (r"(?:DIN\s?|EN\s?)?(?P<g>X\d{1,3}Cr[A-Za-z]*\d[\d-]*)", "stainless_steel", ("cr",)),
        (
            r"(?:DIN\s?|EN\s?)?(?P<g>\d{2,3}(?:Cr|Ni|Mo|Mn|Si|V|B)+[A-Za-z]*\d+)",
            "alloy_steel",
            ("cr", "ni", "mo", "mn"),
        ),
        (r"(?:JIS\s?)?(?P<g>SUS\s?\d{3}L?)", "stainless_steel", ("sus",)),
        (r"(?:JIS\s?)?(?P<g>SCM\s?\d{3}|SKD\s?\d{1,2})", "alloy_steel", ("scm", "skd")),
        (
            r"(?:EN\s?)?(?P<g>S[23][3-5]5J[0-2R][A-Z0-9+]*|S\d{2}C|C[2-6]\dE?|Q[23][34]5[A-E]?)",
            "carbon_steel",
            ("s2", "s3", "s4", "s5", "c2", "c3", "c4", "c5", "c6", "q2", "q3"),
        ),
    )
    return [_rule(regex, None, family, foreign=True, needles=needles) for regex, family, needles in table]


def _written_as_grade() -> list[GradeRule]:
    """Numbers written as a grade but not in the tables above: kept as written."""
    aluminum = (  # "6082-T6", "6101 aluminum", "aluminium 6101"
        r"(?:(?<=aluminum\s)|(?<=aluminium\s))(?P<h>[1-8]\d{3})|(?P<g>[1-8]\d{3})(?=-(?:T\d|H\d\d)|\s+alumin)"
    )
    stainless = ("stainless", "ss")
    return [
        _rule(aluminum + _TEMPER, None, "aluminum", needles=("alumin", "-t", "-h")),
        _rule(
            r"(?:AISI|SAE|UNS|Type|Grade)\s?(?P<g>\d{3,5}[A-Z]?)",
            None,
            None,
            needles=("aisi", "sae", "uns", "type", "grade"),
        ),
        _rule(
            rf"(?P<g>{_AISI_STAINLESS})(?=\s+(?:stainless|SS)\b)", None, "stainless_steel", needles=stainless
        ),
        _rule(rf"(?:stainless|SS)\s(?P<g>{_AISI_STAINLESS})", None, "stainless_steel", needles=stainless),
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


def _canonical(rule: GradeRule, written: str, text: str) -> tuple[str, str | None]:
    if rule.grade is not None:
        return rule.grade, rule.family
    if rule.family in ("brass", "bronze") and written.isdigit():
        return f"C{written}", rule.family
    if written.upper().startswith(("SUS", "SCM", "SKD")):
        written = re.sub(r"\s+", "", written)
    if written.upper().startswith("C") and written[1:].isdigit() and rule.family is None:
        family = family_of_number(written, text)
        return (written[1:] if family == "copper" else f"C{written[1:]}"), family
    return written, rule.family or family_of_number(written, text)


def _index(rules: tuple[GradeRule, ...]) -> tuple[dict[str, list[int]], list[tuple[str, int]], list[int]]:
    """Rules by the numbers they need, by the words they need, and those always tried."""
    by_number: dict[str, list[int]] = {}
    by_word: list[tuple[str, int]] = []
    always: list[int] = []
    for index, rule in enumerate(rules):
        if not rule.needles:
            always.append(index)
        for needle in rule.needles:
            if needle.isdigit():
                by_number.setdefault(needle, []).append(index)
            else:
                by_word.append((needle, index))
    return by_number, by_word, always


_BY_NUMBER, _BY_WORD, _ALWAYS = _index(RULES)
_DIGITS = re.compile(r"\d+")


def _candidates(text: str) -> list[GradeRule]:
    """The rules that can match ``text``, in table order (the order decides ties)."""
    lower = text.lower()
    chosen = set(_ALWAYS)
    for number in set(_DIGITS.findall(text)):
        chosen.update(_BY_NUMBER.get(number, ()))
    chosen.update(index for word, index in _BY_WORD if word in lower)
    return [RULES[index] for index in sorted(chosen)]


_COUNT_BEFORE = re.compile(r"(?:^|[-:,x×(]|\bqty|\bquantity)\s*$", re.IGNORECASE | re.MULTILINE)
_COUNT_AFTER = re.compile(
    r"\s+(?:pcs|pieces|sheets|bars|plates|tubes|rods|lengths|units|ea|each)\b", re.IGNORECASE
)


def _is_count(text: str, hit: GradeHit) -> bool:
    """A bare number in a count's place ("- 430 sheets", "Qty: 304 pcs") is a quantity, not a grade."""
    return (
        text[hit.start : hit.end].isdigit()
        and _COUNT_AFTER.match(text, hit.end) is not None
        and _COUNT_BEFORE.search(text, 0, hit.start) is not None
    )


def in_catalog(grade: str) -> bool:
    """Whether the catalog stocks ``grade`` (its canonical name)."""
    return grade in GRADES


def _hit(rule: GradeRule, match: re.Match[str], context: str) -> GradeHit:
    groups = match.groupdict()
    written = groups.get("g") or groups.get("h") or match.group()
    grade, family = _canonical(rule, written, context)
    temper = groups.get("temper")
    return GradeHit(grade, family, temper and temper.upper(), match.start(), match.end(), rule.foreign)


def find_grades(text: str, context: str | None = None) -> list[GradeHit]:
    """Every grade written in ``text``, in reading order, overlapping spellings resolved.

    ``context`` (default: ``text``) is what context-dependent grades (A2, Grade 5) are checked in.
    """
    context = text if context is None else context
    hits: list[GradeHit] = []
    in_context: dict[re.Pattern[str], bool] = {}  # a handful of context patterns serve many rules
    for rule in _candidates(text):
        if rule.context is not None:
            if rule.context not in in_context:
                in_context[rule.context] = rule.context.search(context) is not None
            if not in_context[rule.context]:
                continue
        hits += [_hit(rule, match, context) for match in rule.regex.finditer(text)]
    hits = [hit for hit in hits if not _is_count(text, hit)]
    hits.sort(key=lambda hit: (hit.start, -hit.end))
    found: list[GradeHit] = []
    for hit in hits:
        if not found or hit.start >= found[-1].end:
            found.append(hit)
    return found
