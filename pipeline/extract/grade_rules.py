"""The spellings of grades a desk reads, as regular-expression rules (``grades.py`` applies them).

Where a spelling comes from decides what it resolves to:

- the catalog's own names and same-alloy aliases (``pipeline.catalog.grade_table``) and UNS numbers
  give the canonical name, and so does a desk's shorthand for a family's usual grade ("duplex");
- other standards' designations that ``pipeline.catalog.equivalents`` knows (``1.3505``,
  ``CW008A``, ``AlZn5.5MgCu``) are kept as written and marked ``foreign``, with the family of the
  grade they stand for; other standards' patterns it does not know (``1.4876``, ``SCM415``) too;
- any other grade-like token (``17-7PH``, ``310``, ``4150``, ``6082``, ``Hastelloy X``, ``A516``, ``P20``)
  is kept as written with its family, so a grade the catalog does not stock is an explicit
  "not stocked", never a guess from the family.

Short or bare tokens that are grades only in context (``A2``, ``Grade 5``, ``145``, ``2024``, ``4150``)
need the next word to be a metal word: a form (``A2 flat stock``, ``4150 round``), a finish or a
temper (``145 H02``), or the family (``4150 alloy rod``). Rules listed first win a tie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.catalog.equivalents import FOREIGN_NAMES
from pipeline.catalog.grades import GRADES
from pipeline.extract.vocabulary import FAMILY_ALTERNATION, FORM_ALTERNATION

# not inside a longer token; a slash only between two grades ("A53B/A106B"), not "1/2" or "3/16"
# or after a Werkstoff number ("1.4404/316L": one grade in two standards)
_BEFORE = r"(?<![\w.\-$#])(?:(?<!/)|(?=[A-Z]{1,2}\d)|(?<=\d\.\d{4}/))"
# not a size, count or part of a longer token ("304 pieces", "1018x", "6061.5", "316/")
_AFTER = (
    r"(?![\w]|(?<!\d\.\d{4})/(?![A-Z]{1,2}\d)|\.\d)"
    r"(?:(?<!\d)|(?!\s*(?:\"|''|”|mm\b|in\b|inch|pcs|pieces|ft\b|feet|%|°)))"
)
_PREFIX = r"(?:(?:AISI|SAE|ASTM|UNS|Type|Alloy|SS|T)[\s-]?)?"
_AL_PREFIX = r"(?:(?:AA|Al|(?:EN\s?)?AW|Alloy|A(?=\d{4}))[\s-]?)?"  # "A5052" is JIS for alloy 5052
_TEMPER = r"(?:[-\s]?(?P<temper>T\d{1,4}|H\d{2,3}|O)(?![\w]))?"
_NOT_IN_CHAIN = r"(?<![x×X*]\s)(?<![x×X*])"  # "1000 x 2000 sheet": sizes, not grades

_ALUMINUM_CONTEXT = r"alumin|\balum\b|\bAl\b|\bEN\s?AW\b|-T\d|\bT6|\bH3\d"
_TITANIUM_CONTEXT = r"titanium|\bTi\b|\bCP\b"
_TOOL_CONTEXT = (
    r"tool\s*steel|drill\s+rod|die\s+steel|tool\s*room|die\s+(?:blocks?|builds?|sets?|shoes?)|"
    r"punch(?:es)?\b|mold\s+(?:base|steel)"  # "for the die blocks … two pieces of D2 at 1-1/2 x 8"
)
_AISI_STAINLESS = r"(?:20[1-5]|3[0-4]\d|4(?:0[5-9]|[1-4]\d))[A-Z]?"  # 201…205, 301…349, 405…449
# the AISI stainless numbers that exist, for a bare number ("310 sheets", not "300 sheets")
_AISI_STAINLESS_GRADES = (
    r"(?:20[12]|30[1-5]|30[89]|31[0467]|321|330|34[78]|40[3-9]|41[046]|42[029]|43[0-9]|44[0146])[A-Z]?"
)
_AISI_STAINLESS_NUMBERS = tuple(
    n for n in map(str, range(200, 450)) if re.fullmatch(_AISI_STAINLESS_GRADES, n)
)

# The next word is a metal word: a form, a finish a tool steel is sold in, a temper or heat treatment.
_SHAPE_WORD = rf"{FORM_ALTERNATION}|flat\s+ground|precision\s+ground|ground\s+flat|decarb|tool\s+steel"
_TREATED = r"T\d{1,4}|H-?\d{2,4}|O60|cond(?:ition|\.)?\s*A|annealed|Q\s?&\s?T|HT|heat\s+treated|pre-?hard"
NEXT_IS_SHAPE = rf"(?=[\s,]+(?:{_SHAPE_WORD})\b)"
NEXT_IS_METAL = rf"(?=[\s,]+(?:{_SHAPE_WORD}|{_TREATED}|{FAMILY_ALTERNATION}|alloy|steel)\b)"


@dataclass(frozen=True)
class GradeRule:
    regex: re.Pattern[str]
    grade: str | None  # canonical name; None: the grade as written (group "g")
    family: str | None  # None: decided from the number and the words around it
    context: re.Pattern[str] | None = None  # the item must also match this (A2 is a tool steel only so)
    foreign: bool = False
    needles: tuple[str, ...] = ()  # the text must contain one of these (lower-case) for the rule to apply
    series: bool = False  # a bare number: kept only when its digits belong to a known grade series
    digit_runs: tuple[int, ...] = ()  # and the text must hold a number of one of these many digits
    fallback: bool = False  # a product word read as a grade ("DOM"): kept only when no grade is written


def rule(
    regex: str,
    grade: str | None,
    family: str | None,
    context: str | None = None,
    foreign: bool = False,
    needles: tuple[str, ...] | None = None,
    series: bool = False,
    digit_runs: tuple[int, ...] = (),
    fallback: bool = False,
) -> GradeRule:
    """A grade spelling. A rule is tried only on text containing one of its ``needles`` — by
    default the numbers in its spelling ("316" for 316) — which keeps a hundred rules cheap; pass
    them for spellings without numbers ("duplex") or with only generic ones ("C[1-9]\\d{2}"). A
    rule whose spelling holds a whole number of so many digits ("\\d{4,5}", "\\d{2,3}Cr") is
    tried only on text that has one: pass the counts as ``digit_runs``. A rule with neither is
    always tried."""
    if needles is None:
        needles = tuple(re.findall(r"\d{2,}", re.sub(r"\{[\d,]+\}", "", regex)))
    return GradeRule(
        re.compile(f"{_BEFORE}(?:{regex}){_AFTER}", re.IGNORECASE),
        grade,
        family,
        re.compile(context, re.IGNORECASE) if context else None,
        foreign,
        tuple(needle.lower() for needle in needles),
        series,
        digit_runs,
        fallback,
    )


def _stainless() -> list[GradeRule]:
    rules = [
        rule(r"17[-/]?4\s?PH|S17400|(?:Type|Alloy)\s?630", "17-4PH", "stainless_steel"),
        rule(rf"17-4{NEXT_IS_METAL}", "17-4PH", "stainless_steel"),  # "17-4 Condition A sheet"
        rule(r"15[-/]?5\s?PH|S15500", "15-5PH", "stainless_steel"),
        rule(rf"{_PREFIX}(?:316\s?LVM|S31673)", "316LVM", "stainless_steel"),
        rule(r"(?:Nitronic|Alloy)[-\s]?(?:60|218)|(?:UNS\s?)?S21800", "Nitronic 60", "stainless_steel"),
        rule(r"(?P<g>Nitronic[-\s]?\d{2})", None, "stainless_steel", needles=("nitronic",)),
        rule(r"(?P<g>3CR12|S41003)", None, "stainless_steel", needles=("3cr12", "41003")),  # utility ferritic
        rule(r"(?:SS\s?)?316/316L", "316L", "stainless_steel"),
        rule(r"(?:SS\s?)?304/304L", "304L", "stainless_steel"),
        rule(rf"{_PREFIX}(?:316(?:L|[-\s]+L(?!\s*\d))|S31603)", "316L", "stainless_steel"),
        rule(rf"{_PREFIX}(?:304(?:L|[-\s]+L(?!\s*\d))|S30403)", "304L", "stainless_steel"),
        rule(
            r"(?:UNS\s?)?S3(?:2205|1803)|(?:duplex\s+)?2205",
            "2205",
            "stainless_steel",
            needles=("2205", "32205", "31803"),
        ),
        rule(r"(?:UNS\s?)?S32750|(?:super\s+duplex\s+)?2507", "2507", "stainless_steel"),
        rule(r"440C|S44004", "440C", "stainless_steel"),
        rule(r"904L|N08904", "904L", "stainless_steel"),
        # 17-7PH, 13-8 PH
        rule(r"(?P<g>\d{2}-\d{1,2}\s?PH)", None, "stainless_steel", needles=("ph",), digit_runs=(2,)),
    ]
    for grade in ("303", "304", "316", "317", "321", "347", "410", "416", "420", "430"):
        uns = f"S{grade[:3]}00"
        rules.append(rule(rf"{_PREFIX}(?:{grade}|{uns})", grade, "stainless_steel"))
    return rules


def _aluminum() -> list[GradeRule]:
    rules = []
    stocked = (grade.name for grade in GRADES.values() if grade.family == "aluminum" and grade.name.isdigit())
    for grade in (*stocked, "2011"):
        spelled = rf"{_AL_PREFIX}(?:{grade}|A9{grade}){_TEMPER}"
        if grade in ("2024", "1100"):  # also a year, a time, a count: aluminum only in context
            rules.append(rule(spelled, grade, "aluminum", _ALUMINUM_CONTEXT))
            rules.append(rule(rf"{grade}{_TEMPER}{NEXT_IS_SHAPE}", grade, "aluminum"))  # "1100-O sheet"
        else:
            rules.append(rule(spelled, grade, "aluminum"))
    rules.append(rule(r"MIC[-\s]?6", "MIC-6", "aluminum", needles=("mic",)))  # cast tooling plate
    return rules


_GR = r"(?:Gr(?:ade)?\.?\s?)"
# "A1011 CS Type B", "A1011 SS 50" — not the gauge in the next cell ("A1011 CS<tab>10 ga")
_SHEET_DESIGNATION = (
    rf"(?:CS|DS|SS|HSLAS)(?:[- ]?Type\s?[ABC]|[- ]?{_GR}?\d{{2}}(?![\d.]|\s*(?:ga|gauge|gage|[x×])\b))?"
)
# ASTM steels the catalog stocks, each with the grade, type or designation that may follow its number
_ASTM_STEELS = (
    ("A36", ""),
    ("A500", rf"{_GR}?[BC](?!\w)"),
    ("A572", rf"{_GR}?50"),
    ("A992", ""),
    ("A513", r"Type\s?[1-6]"),
    ("A516", rf"{_GR}?70"),  # Grade 70, the one stocked: 55, 60 and 65 are read as written
    ("A588", rf"{_GR}[ABK](?!\w)"),
    ("A1011", _SHEET_DESIGNATION),
    ("A1008", _SHEET_DESIGNATION),
)
# stocked in one grade of the spec, named with it: pressure-vessel plate is A516 Grade 70
_ASTM_NAMES = {"A516": "A516-70"}
_SIZE_WORDS = r"(?:in|inch|inches|ft|feet|foot|mm|long|wide|lengths?|pcs|pieces|lbs?|hours?|days?|months?)\b"
_SUPERSEDED = {"A569": "A1011", "A366": "A1008"}  # sheet specs still written by their old numbers


def _steels() -> list[GradeRule]:
    rules = [
        rule(r"12L14|G12144", "12L14", "carbon_steel"),
        rule(r"1020/1026|1026/1020", "1026", "carbon_steel"),  # DOM tube certified to both: stocked as 1026
    ]
    for grade, designation in _ASTM_STEELS:
        then = rf"(?:[-\s]?{designation})?" if designation else ""
        # ASME's "SA-516-70" is ASTM's A516 Gr 70, certified for pressure work
        name = _ASTM_NAMES.get(grade, grade)
        rules.append(rule(rf"(?:ASTM\s?|ASME\s?)?S?A-?{grade[1:]}{then}", name, "carbon_steel"))
    # "all a 36", "pipe a 53", said or typed apart — not "a 36 inch piece", "a 36 x 48 sheet"
    for grade in ("A36", "A53", "A500", "A513", "A572", "A992"):
        spaced = f"a {grade[1:]}"
        apart = rf"(?P<g>A\s{grade[1:]})(?!\s*(?:[\"”'x×/-]|{_SIZE_WORDS}))"
        rules.append(rule(apart, grade, "carbon_steel", needles=(spaced,)))
    rules += [rule(rf"(?:ASTM\s?)?A-?{old[1:]}", grade, "carbon_steel") for old, grade in _SUPERSEDED.items()]
    rules += [
        # structural and pressure-vessel plate and pipe grades the catalog does not stock, as written
        rule(
            r"(?:ASTM\s?|ASME\s?)?S?(?P<g>A-?(?:514|283|285|709|242|656|537|302|653|53|106|179|192|210|333|334|335)"
            r"|A-?516[-\s]?(?:Gr(?:ade)?\.?\s?)?(?:55|60|65)\b)"
            # "A106 Gr B", "A106B", "A514-100" — not the length after it ("A53 21'")
            r"(?:[-\s]?(?:Gr(?:ade)?\.?\s?)?(?:\d{2,3}(?!\s*(?:['\"”]|ft\b|feet|mm\b|in\b|x\b))|[ABC])\b)?",
            None,
            "carbon_steel",
        ),
        # abrasion-resistant plate by its nominal Brinell hardness: "AR400", "AR 500", "AR-400F"
        *(
            rule(rf"AR[-\s]?{hardness}F?", f"AR{hardness}", "carbon_steel")
            for hardness in ("400", "450", "500")
        ),
        rule(r"(?P<g>AR[-\s]?(?:200|235|550|600)F?)", None, "carbon_steel"),
    ]
    for grade in ("1008", "1010", "1018", "1020", "1026", "1045", "1144"):
        rules.append(rule(rf"{_PREFIX}(?:C{grade}|G{grade}0|{grade})", grade, "carbon_steel"))
    for grade in ("4130", "4140", "4340", "8620", "9310", "52100"):
        uns = f"G{grade}0" if len(grade) == 4 else "G52986"
        rules.append(rule(rf"{_PREFIX}(?:{grade}|{uns})", grade, "alloy_steel"))
        # "4140HT": heat treated, prehard; "4130N": normalized (chromoly tube)
        rules.append(rule(rf"{grade}(?:HT|PH|N)", grade, "alloy_steel"))
    return rules


def _tool_steels() -> list[GradeRule]:
    """A2, D2, O1…: a tool steel in a tool-steel context, or written just before its form."""
    stocked = {"A2": "T30102", "D2": "T30402", "H13": "T20813", "M2": "T11302"}
    stocked |= {"O1": "T31501", "S7": "T41907", "W1": "T72301"}
    not_stocked = ("P20", "L6", "H11", "D3", "M42", "S5", "A6", "O6", "S1")  # kept as written
    rules = []
    for grade in (*stocked, *not_stocked):
        spelled = rf"{grade[0]}-?{grade[1:]}"
        needles = (grade.lower(), f"{grade[0]}-{grade[1:]}".lower())
        canonical = grade if grade in stocked else None
        spelled = spelled if canonical else f"(?P<g>{spelled})"
        rules.append(rule(spelled, canonical, "tool_steel", _TOOL_CONTEXT, needles=needles))
        rules.append(rule(f"{spelled}{NEXT_IS_SHAPE}", canonical, "tool_steel", needles=needles))
    rules += [rule(rf"(?:UNS\s?)?{uns}", grade, "tool_steel") for grade, uns in stocked.items()]
    return rules


# titanium grades named by their alloy where buyers and mills name them so: Grade 5 is Ti-6Al-4V
_TITANIUM_NAMES = {"5": "Ti-6Al-4V"}


def _titanium_and_nickel() -> list[GradeRule]:
    rules = [
        rule(
            r"(?:Ti[-\s]?)?6Al[-\s]?4V\s?ELI|(?:UNS\s?)?R56401",
            "Ti-6Al-4V ELI",
            "titanium",
            needles=("6al", "56401"),
        ),
        rule(
            r"Ti[-\s]?6Al[-\s]?4V|6Al[-\s]?4V|Ti[-\s]?6-4|Ti64|(?:UNS\s?)?R56400",
            "Ti-6Al-4V",
            "titanium",
            needles=("6al", "6-4", "ti64", "56400"),
        ),
        rule(r"(?:Ti[-\s]?)?3Al[-\s]?2\.5V", "Grade 9", "titanium", needles=("3al",)),
    ]
    uns = {"1": "R50250", "2": "R50400", "5": "R56400", "7": "R52400", "9": "R56320", "12": "R53400"}
    for number, code in uns.items():
        name = _TITANIUM_NAMES.get(number, f"Grade {number}")
        rules.append(rule(rf"(?:UNS\s?)?{code}", name, "titanium"))
        spelled = rf"(?:Grade|Gr\.?|CP)\s?{number}"
        for regex, context in ((spelled, _TITANIUM_CONTEXT), (rf"{spelled}{NEXT_IS_SHAPE}", None)):
            needles, runs = ("gr", "cp"), (len(number),)  # "Grade 5": the 5 is a whole number
            rules.append(rule(regex, name, "titanium", context, needles=needles, digit_runs=runs))
    for number, code in (("600", "N06600"), ("625", "N06625"), ("718", "N07718")):
        regex = rf"(?:Inconel|Alloy|IN)[\s-]?{number}|(?:UNS\s?)?{code}"
        rules.append(rule(regex, f"Inconel {number}", "nickel_alloy"))
    rules += [
        rule(r"(?:Nickel|(?-i:Ni|NI)|Alloy)[\s-]?200|(?:UNS\s?)?N02200", "Nickel 200", "nickel_alloy"),
        rule(r"(?:Hastelloy\s?|Alloy\s?)?C-?276|(?:UNS\s?)?N10276", "Hastelloy C276", "nickel_alloy"),
        rule(r"Monel\s?(?:Alloy\s?)?400|Alloy\s?400|(?:UNS\s?)?N04400", "Monel 400", "nickel_alloy"),
        rule(r"Monel\s?(?:Alloy\s?)?K-?500|(?:UNS\s?)?N05500", "Monel K500", "nickel_alloy"),
        rule(r"(?:Incoloy|Alloy|IN)[\s-]?825|(?:UNS\s?)?N08825", "Incoloy 825", "nickel_alloy"),
        rule(r"(?:Incoloy|Alloy)[\s-]?800\s?H(?!T)|(?:UNS\s?)?N08810", "Incoloy 800H", "nickel_alloy"),
        rule(
            r"Alloy[\s-]?20(?:\s?Cb-?3)?(?![\d.'\"/]|\s*(?:ft|feet|foot|mm|pcs|pieces|x|lengths?)\b)"
            r"|Carpenter[\s-]?20|20\s?Cb-?3|(?:UNS\s?)?N08020",
            "Alloy 20",
            "nickel_alloy",
        ),
        rule(
            r"(?:Hastelloy|Alloy)\s?C-?22(?!\d)|C-22(?!\d)|(?:UNS\s?)?N06022", "Hastelloy C22", "nickel_alloy"
        ),
        # any other nickel alloy by its trade name: "Hastelloy X", "Inconel 800", "Incoloy 825"
        rule(
            r"(?P<g>(?:Inconel|Incoloy|Hastelloy|Monel|Nimonic|Waspaloy)(?:\s?-?(?:[A-Z]{1,2}-?\d{0,3}|\d{2,4}[A-Z]?)\b)?)",
            None,
            "nickel_alloy",
            needles=("inconel", "incoloy", "hastelloy", "monel", "nimonic", "waspaloy"),
        ),
    ]
    return rules


def _copper_alloys() -> list[GradeRule]:
    rules = [
        rule(r"C10100", "C10100", "copper"),
        rule(r"C11000", "C11000", "copper"),
        rule(r"(?:SAE\s?)?660(?=\s*\)|\s+bronze|\s+bearing)|SAE\s?660", "C932", "bronze"),
        rule(r"free[-\s]machining\s+brass|free[-\s]cutting\s+brass", "C360", "brass", needles=("brass",)),
    ]
    # bare numbers next to their family word ("brass 360", "932 bronze", "510 phosphor bronze") or, for
    # the coppers, before a copper temper ("145 H02 hex rod")
    bare_numbers = {
        "copper": "101|110|145|194|195",
        "brass": "230|240|260|360|464",
        "bronze": "220|510|630|932|954",
    }
    for family, numbers in bare_numbers.items():
        regex = rf"(?<={family}\s)(?P<g>{numbers})|(?P<h>{numbers})(?=\s+(?:[a-z]+\s+)?{family})"
        rules.append(rule(regex, None, family, needles=(family,)))
    coppers = bare_numbers["copper"]
    rules.append(
        rule(rf"(?P<g>{coppers})(?=\s+(?:H0\d|O60)\b)|(?P<h>{coppers}){NEXT_IS_SHAPE}", None, "copper")
    )
    rules.append(rule(r"C22000|C220", "C220", "bronze"))  # "commercial bronze", though a C2xx
    # C-numbers, three or five digits (C360, C36000): C1xx copper, C2xx-C4xx brass, C5xx-C9xx bronze
    rules.append(rule(r"(?P<g>C[1-9]\d{2})(?:00)?", None, None, needles=tuple(f"c{n}" for n in range(1, 10))))
    return rules


def _shorthand() -> list[GradeRule]:
    """Family names a desk reads as the grade it stocks of that family: not the same alloy (so
    not catalog aliases), but what "send us duplex plate" orders. "DOM" names a product, drawn
    over mandrel tube, stocked as A513 Type 5: its grade only when the line names no other."""
    table = (
        (r"(?<!super\s)duplex", "2205", "stainless_steel", ("duplex",)),
        (r"18-8", "304", "stainless_steel", ("18-8",)),
        (r"chromoly|chrome[-\s]moly", "4130", "alloy_steel", ("chrom",)),
        (r"nickel\s+aluminum\s+bronze", "C630", "bronze", ("bronze",)),
        (r"aluminum\s+bronze", "C954", "bronze", ("bronze",)),
        (r"phosphor\s+bronze", "C510", "bronze", ("bronze",)),
        (r"bearing\s+bronze", "C932", "bronze", ("bronze",)),
        (
            r"Cor[-\s]?Ten(?![-\s]?A\b)(?:[-\s]?B)?|weathering\s+steel",
            "A588",
            "carbon_steel",
            ("cor", "weathering"),
        ),
    )
    return [
        *(rule(regex, grade, family, needles=needles) for regex, grade, family, needles in table),
        rule(r"(?-i:DOM)|DOM(?=[\s,]+tub)", "A513", "carbon_steel", needles=("dom",), fallback=True),
    ]


def _catalog_aliases() -> list[GradeRule]:
    """Word aliases of catalog grades (``cartridge brass``, ``OFHC``, ``Stressproof``), from the table."""
    rules = []
    for grade in GRADES.values():
        for alias in grade.aliases:
            if re.fullmatch(r"[A-Za-z]+(?:\s[A-Za-z]+)*", alias):  # numbered aliases have rules above
                spelled = r"[-\s]".join(re.escape(word) for word in alias.split())
                rules.append(rule(spelled, grade.name, grade.family, needles=(alias.split()[-1].lower(),)))
    return rules


def _equivalent_names() -> list[GradeRule]:
    """Every other-standard name ``pipeline.catalog.equivalents`` maps to a catalog grade, kept as
    written (the matching stage decides on the equivalent)."""
    rules = []
    for grade, names in FOREIGN_NAMES.items():
        family = GRADES[grade].family
        for name in names:
            if name.upper().startswith("ENAW"):
                continue  # EN AW-6061 is alloy 6061 itself (the aluminum rules read it)
            spelled = re.escape(name).replace(r"\-", r"[-\s]?").replace(r"\ ", r"[-\s]?")
            spelled = re.sub(
                r"^([A-Za-z]{1,2})(?=\d)", r"\1[-\\s]?", spelled
            )  # "Gr250" is written "Gr 250" too
            temper = _TEMPER if family == "aluminum" else ""
            runs = re.findall(r"[a-z0-9]{3,}", name.lower())
            needle = runs[0] if runs else name.lower()
            if prefixed := re.match(r"[a-z]{1,2}(\d{3,})", needle):
                needle = prefixed[1]  # "gr 250" holds "250", not "gr250"
            rules.append(rule(rf"(?P<g>{spelled}){temper}", None, family, foreign=True, needles=(needle,)))
    return rules


def _foreign() -> list[GradeRule]:
    """Other standards' designations by pattern; kept as written (``g``), family by their pattern."""
    werkstoff = r"(?:DIN\s?|EN\s?|W\.?\s?Nr\.?\s?|WNr\.?\s?)?"
    table = (
        (rf"{werkstoff}(?P<g>1\.4\d{{3}})", "stainless_steel", ("1.4",)),
        (rf"{werkstoff}(?P<g>1\.[35-7]\d{{3}})", "alloy_steel", ("1.3", "1.5", "1.6", "1.7")),
        (rf"{werkstoff}(?P<g>1\.[01]\d{{3}})", "carbon_steel", ("1.0", "1.1")),
        (rf"{werkstoff}(?P<g>1\.2\d{{3}})", "tool_steel", ("1.2",)),
        (rf"{werkstoff}(?P<g>3\.[0-4]\d{{3}}){_TEMPER}", "aluminum", ("3.0", "3.1", "3.2", "3.3", "3.4")),
        (rf"{werkstoff}(?P<g>3\.7\d{{3}})", "titanium", ("3.7",)),
        (r"(?:DIN\s?|EN\s?)?(?P<g>2\.4\d{3})", "nickel_alloy", ("2.4",)),
        (r"(?:EN\s?)?(?P<g>CW\d{3}[AC])", "copper", ("cw",)),
        (r"(?P<g>Cu-(?:DHP|HCP|PHC|DLP))", "copper", ("cu-",)),  # EN 1652's coppers by their symbols
        (r"(?:EN\s?)?(?P<g>CW\d{3}[LNR])", "brass", ("cw",)),
        (r"(?:EN\s?)?(?P<g>CW\d{3}[GHK])", "bronze", ("cw",)),
        (r"(?:DIN\s?|EN\s?)?(?P<g>X\d{1,3}Cr[A-Za-z]*\d[\d-]*)", "stainless_steel", ("cr",), (1, 2, 3)),
        (  # "42CrMo4": "cr", "ni", "mo", "mn" are in many words, a 2-3 digit number before them is not
            r"(?:DIN\s?|EN\s?)?(?P<g>\d{2,3}(?:Cr|Ni|Mo|Mn|Si|V|B)+[A-Za-z]*\d+)",
            "alloy_steel",
            ("cr", "ni", "mo", "mn"),
            (2, 3),
        ),
        (r"(?:JIS\s?|KS\s?)?(?P<g>(?:SUS|STS)\s?\d{3}L?)", "stainless_steel", ("sus", "sts")),
        # BS 970 "EN" steels: EN8, EN1A, EN24T (capitals: "en 24 horas" is Spanish for within a day)
        (r"(?P<g>(?-i:EN)[-\s]?(?:1A(?:Pb)?|3B|8D?|9|32B|43[A-D]?))", "carbon_steel", ("en",), (1, 2)),
        (r"(?P<g>(?-i:EN)[-\s]?(?:16|19|24|25|26|30B|36|40B|41B)T?)", "alloy_steel", ("en",), (2,)),
        (r"(?P<g>(?:Hardox|Raex)[-\s]?\d{3})", "carbon_steel", ("hardox", "raex"), (3,)),
        # ASTM A216/A351 castings: WCB housings, CF8M valve bodies (not stocked: a person quotes them)
        (r"(?P<g>(?-i:WC[ABC6-9]|CF[38]M?|CA15))(?![\w-])", "carbon_steel", ("wc", "cf", "ca")),
        (r"(?:JIS\s?)?(?P<g>SCM\s?\d{3}|SKD\s?\d{1,2})", "alloy_steel", ("scm", "skd")),
        (
            r"(?:EN\s?)?(?P<g>S(?:235|275|355)J[0-2R][A-Z0-9+]*|SM?\d{2}C|C[2-6]\dE?|Q[23][345]5[A-E]?|SS400)",
            "carbon_steel",
            ("s2", "s3", "s4", "s5", "sm", "c2", "c3", "c4", "c5", "c6", "q2", "q3", "ss400"),
        ),
    )
    return [
        rule(regex, None, family, foreign=True, needles=needles, digit_runs=runs[0] if runs else ())
        for regex, family, needles, *runs in table
    ]


def _written_as_grade() -> list[GradeRule]:
    """Numbers written as a grade but not in the tables above: kept as written."""
    aluminum = (  # "6082-T6", "6101 aluminum", "aluminium 6101", "AL 6082"
        r"(?:(?<=aluminum\s)|(?<=aluminium\s)|(?<=\bal\s)|(?<=\balum\s))(?P<h>[1-8]\d{3})"
        r"|(?P<g>[1-8]\d{3}A?)(?=-(?:T\d|H\d\d)|\s+alumin)"  # (EN's variants end in A: "1050A-H14")
    )
    stainless = ("stainless", "ss")
    return [
        rule(
            rf"(?:EN\s?)?AW[-\s]?(?P<g>[1-8]\d{{3}}A?){_TEMPER}",
            None,
            "aluminum",
            needles=("aw",),
            digit_runs=(4,),
        ),
        rule(
            aluminum + _TEMPER,
            None,
            "aluminum",
            needles=("alumin", "-t", "-h", "al ", "alum "),
            digit_runs=(4,),
        ),
        rule(
            r"(?:AISI|SAE|UNS|Type|Grade)\s?(?P<g>\d{3,5}[A-Z]?)",
            None,
            None,
            needles=("aisi", "sae", "uns", "type", "grade"),
            digit_runs=(3, 4, 5),
        ),
        *(
            rule(regex, None, "stainless_steel", needles=stainless, digit_runs=(3,))
            for regex in (
                rf"(?P<g>{_AISI_STAINLESS})(?=\s+(?:stainless|SS)\b)",
                rf"(?:stainless|SS)\s(?P<g>{_AISI_STAINLESS})",
            )
        ),
        # a bare AISI stainless number or a steel or aluminum series number before a metal word:
        # "310 sheets", "4150 alloy rod", "1215 hex", "6082 plate" (the family from the series)
        rule(
            rf"{_NOT_IN_CHAIN}(?P<g>{_AISI_STAINLESS_GRADES}){NEXT_IS_METAL}",
            None,
            "stainless_steel",
            needles=_AISI_STAINLESS_NUMBERS,
        ),
        rule(
            rf"{_NOT_IN_CHAIN}(?P<g>[1-9]\d{{3,4}}){NEXT_IS_METAL}",  # not a line number ("0003  SHEET")
            None,
            None,
            needles=(),
            series=True,
            digit_runs=(4, 5),
        ),
    ]


RULES: tuple[GradeRule, ...] = (
    *_stainless(),
    *_titanium_and_nickel(),
    *_aluminum(),
    *_steels(),
    *_tool_steels(),
    *_copper_alloys(),
    *_shorthand(),
    *_catalog_aliases(),
    *_equivalent_names(),
    *_foreign(),
    *_written_as_grade(),
)
ALUMINUM_CONTEXT = _ALUMINUM_CONTEXT
