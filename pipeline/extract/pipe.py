"""Pipe by nominal size and schedule: "2" SCH 40", "1" sch 10 pipe", "NPS 3 STD", "2" NB Sch 80".

A pipe's nominal size is not its outside diameter (2" pipe is 2.375" OD) and its schedule names a
wall by size, so both come from the ASME B36.10/B36.19 table (the sizes a service center stocks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.blocks import Field
from pipeline.units import parse_number

# nominal size: (outside diameter, wall for schedule 10, 40, 80, 160, XXS), inches (ASME B36.10/19);
# None where that schedule is not made in that size
_PIPE: dict[float, tuple[float, float, float, float, float | None, float | None]] = {
    0.125: (0.405, 0.049, 0.068, 0.095, None, None), 0.25: (0.540, 0.065, 0.088, 0.119, None, None),
    0.375: (0.675, 0.065, 0.091, 0.126, None, None), 0.5: (0.840, 0.083, 0.109, 0.147, 0.188, 0.294),
    0.75: (1.050, 0.083, 0.113, 0.154, 0.219, 0.308), 1.0: (1.315, 0.109, 0.133, 0.179, 0.250, 0.358),
    1.25: (1.660, 0.109, 0.140, 0.191, 0.250, 0.382), 1.5: (1.900, 0.109, 0.145, 0.200, 0.281, 0.400),
    2.0: (2.375, 0.109, 0.154, 0.218, 0.344, 0.436), 2.5: (2.875, 0.120, 0.203, 0.276, 0.375, 0.552),
    3.0: (3.500, 0.120, 0.216, 0.300, 0.438, 0.600), 3.5: (4.000, 0.120, 0.226, 0.318, None, None),
    4.0: (4.500, 0.120, 0.237, 0.337, 0.531, 0.674), 5.0: (5.563, 0.134, 0.258, 0.375, 0.625, 0.750),
    6.0: (6.625, 0.134, 0.280, 0.432, 0.719, 0.864), 8.0: (8.625, 0.148, 0.322, 0.500, 0.906, 0.875),
    10.0: (10.750, 0.165, 0.365, 0.594, 1.125, 1.000), 12.0: (12.750, 0.180, 0.406, 0.688, 1.312, 1.000),
}  # fmt: skip
_SCHEDULES = {
    "10": 1, "10S": 1, "40": 2, "40S": 2, "STD": 2, "80": 3, "80S": 3, "XS": 3, "XH": 3,
    "160": 4, "XXS": 5, "XXH": 5,
}  # fmt: skip
_NPS = r"(?P<nps>\d+(?:[ -]\d/\d)?|\d/\d|\d+\.\d+|\d*[½¼¾])"  # a nominal size: 2, 1-1/2, 1/2, 2.5, 1½
# (no tab between the size and its schedule: a tab parts two cells, "3<tab>Sch 40 pipe 1-1/2"")
_SCHEDULE = re.compile(
    rf"(?:\bNPS\s*)?{_NPS}[^\S\t]*(?:\"|”|in\b\.?|inch(?:es)?)?[^\S\t]*"
    r"(?:(?:NPS|NB|nominal|IPS)[^\S\t]*,?)?[^\S\t]*(?:pipe\s*,?\s*|tube\s*,?\s*)?"  # '4" NPS,SCH 80'
    r"(?:sch(?:edule)?\.?\s*|\b|(?<=\d)(?=(?:STD|XXS|XXH|XS|XH)\b))"  # "PIPE1-1/2STD": glued on
    r"(?P<sch>10S?|40S?|80S?|160|STD|XXS|XXH|XS|XH)\b",
    re.IGNORECASE,
)


# the schedule first, the nominal bore in another cell: "Pipe Sch 40S | 3" NB x 6 mtr"
_SCHEDULE_FIRST = re.compile(
    r"\bsch(?:edule)?\.?\s*(?P<sch>10S?|40S?|80S?|160|STD|XXS|XXH|XS|XH)\b[^\n]{0,60}?"
    rf"\b{_NPS}\s*(?:\"|”|in\b\.?|inch(?:es)?)?\s*(?:NB|NPS|N\.B\.)(?!\w)",
    re.IGNORECASE,
)
# in a row naming pipe, the schedule in one cell and the nominal size in inches in the next:
# "alum pipe sch 40 | 1-1/2" | 21'", "304 sch 10 pipe 4 inch x 20", "sch 10S pipe, 3"", "PIPE SS 316L SCH 40
# WELDED 1" X 20'"
_SCHEDULE_THEN_INCHES = re.compile(
    r"\bsch(?:edule)?\.?\s*(?P<sch>10S?|40S?|80S?|160|STD|XXS|XXH|XS|XH)\b[\s|,;\t]*"
    # "SCH 40 WELDED 1\"", "sch 80 smls black pipe 2\"": how it is made, then the size
    r"(?:(?:pipes?|welded|wld|smls|seamless|erw|efw|black|galv(?:anized)?)[\s,]+){0,3}"
    rf"{_NPS}\s*(?:\"|”|in\b\.?|inch(?:es)?)",
    re.IGNORECASE,
)
# in a row naming pipe, the nominal size in inches in one cell and the schedule in the next:
# "A106 | B | 6" | Sch 40 | 4 jts"
_INCHES_THEN_SCHEDULE = re.compile(
    rf"(?<![\d/.]){_NPS}\s*(?:\"|”|in\b\.?|inch(?:es)?)\s*[\t|]\s*"
    r"sch(?:edule)?\.?\s*(?P<sch>10S?|40S?|80S?|160|STD|XXS|XXH|XS|XH)\b",
    re.IGNORECASE,
)
_PIPE_WORD = re.compile(r"\bpipes?\b", re.IGNORECASE)
# a grade only pipe is made to (ASTM A106, A53, A312, A333, A335; API 5L): the row names pipe
PIPE_GRADE = re.compile(r"(?:SA-?|A)(?:106|53|312|333|335)\b.*|API\s*5L.*", re.IGNORECASE)


@dataclass(frozen=True)
class Pipe:
    """A pipe's nominal size as written, its outside diameter and wall, and where its size and
    schedule were written."""

    nominal_size: float
    outer_diameter: float
    wall: float
    spans: tuple[tuple[int, int], ...]


_SCHEDULE_CELL = re.compile(
    r"\s*(?:sch(?:edule)?\.?\s*)?(?P<sch>10S?|40S?|80S?|160|STD|XXS|XXH|XS|XH)\s*", re.IGNORECASE
)
_NPS_CELL = re.compile(rf"\s*{_NPS}\s*(?:\"|”|in\b\.?|inch(?:es)?)?\s*(?:NPS|NB)?\s*", re.IGNORECASE)


def pipe_in_cells(text: str, fields: tuple[Field, ...]) -> Pipe | None:
    """The pipe a table's row names by its cells: a "Sch" column of "40" beside a "Size" of "2\""."""
    schedule = next((field for field in fields if field.label == "schedule"), None)
    found = _SCHEDULE_CELL.fullmatch(text, schedule.start, schedule.end) if schedule else None
    if found is None:
        return None
    for field in fields:
        if field.label in ("size", "diameter") and (
            size := _NPS_CELL.fullmatch(text, field.start, field.end)
        ):
            nominal = parse_number(size["nps"])
            row = _PIPE.get(nominal) if nominal is not None else None
            column = _SCHEDULES.get(found["sch"].upper())
            if row and column and row[column] is not None:
                return Pipe(nominal, row[0], row[column], (found.span("sch"), size.span("nps")))
    return None


def find_pipe(text: str, named: bool = False) -> Pipe | None:
    """The pipe ``text`` names by nominal size and schedule, if the table has it; ``named`` when
    the item is known to be pipe by other words (its grade)."""
    lower = text.lower()
    if not any(word in lower for word in ("sch", "std", "xs", "xh")):
        return None
    regexes = (
        (_SCHEDULE, _SCHEDULE_FIRST, _SCHEDULE_THEN_INCHES, _INCHES_THEN_SCHEDULE)
        if named or _PIPE_WORD.search(text)
        else (_SCHEDULE, _SCHEDULE_FIRST)
    )
    for regex in regexes:
        match = regex.search(text)
        if match is None:
            continue
        nominal = parse_number(match["nps"])
        row = _PIPE.get(nominal) if nominal is not None else None
        column = _SCHEDULES.get(match["sch"].upper())
        if row and column and row[column] is not None:
            spans = (match.span(),) if regex is _SCHEDULE else (match.span("sch"), match.span("nps"))
            return Pipe(nominal, row[0], row[column], spans)
    return None
