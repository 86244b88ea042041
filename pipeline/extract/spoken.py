"""Sizes said in words, as phone- and voice-typed orders write them: "half inch square bar twenty
foot", "two sheets of eleven gauge four by eight", "two and a half inch OD with a quarter inch wall".

``digits_for_sizes`` writes such sizes in digits — "1/2", "20", "11", "4 x 8", "2-1/2" — padded
with spaces to the words' length, so that every position still points at the same character of
the document (evidence spans stay true) and the size readers see what they already read. Only a
number followed by a size word (inch, foot, gauge, wall, by, OD, long …) or joined to another by
"by" is rewritten: "three pieces" stays a count in words, which the quantity reader knows.
"""

from __future__ import annotations

import re

from pipeline.extract.grades import find_grades, in_catalog

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WHOLE = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(reversed(_UNITS[1:]))})"
_FRACTIONS = {
    "half": "1/2", "one half": "1/2", "quarter": "1/4", "one quarter": "1/4", "three quarters": "3/4",
    "three quarter": "3/4", "eighth": "1/8",
    "an eighth": "1/8", "one eighth": "1/8", "three eighths": "3/8", "five eighths": "5/8",
    "three eights": "3/8", "five eights": "5/8", "seven eights": "7/8",  # as voice typing spells them
    "seven eighths": "7/8", "sixteenth": "1/16", "one sixteenth": "1/16", "three sixteenths": "3/16",
    "five sixteenths": "5/16", "seven sixteenths": "7/16", "nine sixteenths": "9/16",
    "eleven sixteenths": "11/16", "thirteen sixteenths": "13/16", "fifteen sixteenths": "15/16",
    "thirty second": "1/32", "thirty-second": "1/32", "one thirty second": "1/32",
    "one thirty-second": "1/32",
    "three thirty seconds": "3/32", "three thirty-seconds": "3/32", "five thirty seconds": "5/32",
    "five thirty-seconds": "5/32", "sixty fourth": "1/64", "sixty-fourth": "1/64",
}  # fmt: skip
_FRACTION = "|".join(
    sorted((re.escape(name).replace(r"\ ", r"\s+") for name in _FRACTIONS), key=len, reverse=True)
)
_NUMBER = re.compile(
    rf"\b(?:(?P<whole>{_WHOLE})(?:\s+and\s+(?:a\s+|one\s+)?(?P<part>{_FRACTION}))?|(?:a\s+)?(?P<frac>{_FRACTION}))"
    # what follows a size: a unit, "by", a form — perhaps after a grade ("three sixteenths a36 plate")
    rf"(?=\s*(?:-\s*)?(?:[a-z]{{0,2}}\d{{2,4}}[a-z]?\s+(?=plate\b|sheet\b|flat\b|round\b|angle\b))?"
    rf"(?:inch(?:es)?\b|of\s+an\s+inch\b|quote\b|in\b|foot\b|feet\b|ft\b|footers?\b|gauge\b|ga\b|wall\b|thick\b|"
    rf"od\b|id\b|"
    rf"dia(?:meter)?\b|by\s|long\b|wide\b|square\b|round\b|hex\b|inch\s|x\s|plate\b|sheet\b|flat\b|angle\b|"
    rf"schedule\b|sch\b|(?:{_WHOLE})\s+(?:foot|feet|ft)\b))",  # "one and one eighth twelve foot"
    re.IGNORECASE,
)
# "one eighth aluminum diamond plate": a fraction is a size before the material and the form too
# (a whole number there is a count: "two aluminum plates")
_FRACTION_BEFORE_MATERIAL = re.compile(
    rf"\b(?:a\s+)?(?P<frac>{_FRACTION})(?=\s+(?:(?:alumin(?:um|ium)|steel|stainless|ss|galv\w*|diamond|tread|"
    rf"checker\w*|hot\s+rolled|cold\s+rolled|hr|cr|[a-z]{{0,2}}\d{{2,4}}[a-z]?)\s+){{1,3}}"
    rf"(?:plate|sheet|flat|round|angle|bar|rod|tub(?:e|ing)|pipe|square|hex)\b)",
    re.IGNORECASE,
)
# "a foot long each", "an inch thick": one unit of a size, said with the article (not "a
# thirty-second of an inch thick")
_ONE_UNIT = re.compile(
    r"(?<!\bof\s)\b(?P<a>an?)(?=\s+(?:foot|inch)\s+(?:long|thick|wide|dia(?:meter)?|square|round|hex|od)\b)",
    re.IGNORECASE,
)
# "and for pieces of …", ", to sheets of …": voice typing's "four" and "two" before a count noun
_HOMOPHONE_COUNT = re.compile(
    r"(?<=[\s,])(?P<word>for|fore|to|too)(?=\s+(?:pieces|pcs|sticks|sheets|bars|lengths|joints|plates)\s+of\b)"
    r"|(?<=\sof\s)(?P<size>too|to)(?=\s+inch\b)",  # "ten pieces of too inch schedule eighty pipe"
    re.I,
)
_HOMOPHONES = {"for": "4  ", "fore": "4   ", "to": "2 ", "too": "2  "}
# "schedule forty": a pipe schedule said in words
_SCHEDULE = re.compile(rf"\bschedule\s+(?P<whole>{_WHOLE})\b", re.IGNORECASE)
# "an inch and a half", "inch and a quarter", phone-typed "inch an a half": one inch and a fraction
_INCH_AND = re.compile(
    rf"\b(?:an?\s+|one\s+)?inch\s+(?:and|an|n)\s+(?:a\s+|one\s+)?(?P<part>{_FRACTION})\b", re.IGNORECASE
)
# "… by 3:00 PM", "due 10/18 by 12/1": a time or a date, not a size
_BY = re.compile(
    r"(?<=\d|\")(?P<gap>\s+by\s+)(?=\d)(?!\d{1,2}(?::\d\d|\s*(?:am|pm|a\.m|p\.m)\b|/\d{1,2}/))",
    re.IGNORECASE,
)
# "four quote by four quote": an inch mark said as voice typing writes it
_SAID_INCH_MARK = re.compile(r"(?<=\d)\s*quote\b", re.IGNORECASE)
_AFTER_BY = re.compile(  # a fraction first: "by three sixteenths" is 3/16, not 3
    rf"(?<=\sby\s)(?:(?:a\s+)?(?P<frac>{_FRACTION})\b|(?P<whole>{_WHOLE})\b)", re.IGNORECASE
)
_HAS_WORD = re.compile(
    rf"\b(?:{_WHOLE}|half|quarter|eighths?|sixteenths?|seconds?|fourths?|zero|comma)\b|(?-i:\b[A-Z] [A-Z]\b)"
    r"|\ban?\s+(?:foot|inch)\b|[\d\"]\s+by\s+\d"  # "1/4 by 3": digits, said with "by"
    r"|\d/\d{1,2}(?:ths|nds)\b",
    re.IGNORECASE,
)
# "3/8ths plate", "1/2nds": a fraction said with its ordinal ending
_ORDINAL_FRACTION = re.compile(r"(?<=\d/\d)(?:ths|nds)\b|(?<=\d/\d\d)ths\b", re.IGNORECASE)


def _whole(words: str) -> int:
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        total += 20 + 10 * _TENS.index(word) if word in _TENS else _UNITS.index(word)
    return total


def _fraction(words: str) -> str:
    return _FRACTIONS[" ".join(words.lower().split())]


def _written(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("frac"):
        return _fraction(groups["frac"])
    whole = str(_whole(groups["whole"]))
    return f"{whole}-{_fraction(groups['part'])}" if groups.get("part") else whole


def _said_titanium_grade(match: re.Match[str]) -> str:
    """ "grade five" → "grade 5   ": the number in digits, padded to the words' length."""
    digits = str(_whole(match["n"]))
    return match.group()[: match.start("n") - match.start()] + digits.ljust(len(match["n"]))


def _padded(match: re.Match[str], digits: str) -> str:
    return (
        digits + " " * (len(match.group()) - len(digits))
        if len(digits) <= len(match.group())
        else match.group()
    )


# a grade said number by number, before what it is: "three oh four sheet", "three sixteen round",
# "forty one forty", "ten eighteen", "six oh six one", "seventy seventy five aluminum"
_GROUP = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(reversed(_UNITS))}|oh|o)"
_SAID_GRADE = re.compile(
    rf"(?<!schedule\s)(?<!sch\s)\b(?P<run>{_GROUP}(?:[\s-]+{_GROUP}){{1,3}})(?=\s*[,.;]|\s+(?:l\b|stainless|ss\b|alumin|steel|round|rd\b|sheet|plate|"
    rf"bar|tub|angle|channel|flat|hex|square|rod|pipe|brass|t6|t651|t\s+(?:six|five|four|three)|cold|hot|cr\b|"
    rf"hr\b|crs|hrs|pre[\s-]?hard|prehard|annealed|heat\s+treated|{_GROUP}\s+by\b|"
    # or a size said next: "seven oh seven five one inch round", "six oh six one twelve foot lengths"
    rf"(?:{_WHOLE}|half|quarter|three\s+quarters?)(?:\s+and\s+a\s+\w+)?\s+(?:inch|foot|feet)\b))",
    re.IGNORECASE,
)
# "grade five titanium", "grade two ti": a titanium grade said as a word
_SAID_TITANIUM_GRADE = re.compile(rf"\b(?:grade|gr)\s+(?P<n>{_WHOLE})(?=\s+(?:titanium|ti)\b)", re.IGNORECASE)
_GROUP_WORDS = re.compile(
    rf"(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(reversed(_UNITS))}|oh|o",
    re.IGNORECASE,
)


def _names_grade(written: str, stocked: bool = True) -> bool:
    """Whether ``written`` is a grade (one the catalog stocks, unless not ``stocked``), whole
    ("96304" holds 304, but is none)."""
    return any(
        any(
            hit.start == 0 and hit.end == len(written) and (in_catalog(hit.grade) or not stocked)
            for hit in find_grades(f"{written} {context}")
        )
        for context in ("steel", "tool steel")
    )


def _said_grade(match: re.Match[str]) -> str:
    """ "three oh four" → "304", "forty one forty" → "4140"; unchanged unless it makes a grade —
    or its last words do ("ninety six three oh four": a size, then 304)."""
    words = list(_GROUP_WORDS.finditer(match.group()))
    for first in range(len(words) - 1):
        digits = "".join(
            "0" if word.group().lower() in ("oh", "o") else str(_whole(word.group()))
            for word in words[first:]
        )
        if _names_grade(digits):
            start = words[first].start()
            said = match.group()[start:]
            return match.group()[:start] + (
                digits + " " * (len(said) - len(digits)) if len(digits) <= len(said) else said
            )
    return match.group()


# a leaded steel said with its "L": "twelve l fourteen" is 12L14
_SAID_LEADED = re.compile(rf"\b(?P<a>{_WHOLE})[\s-]+l[\s-]+(?P<b>{_WHOLE})\b", re.IGNORECASE)


def _said_leaded(match: re.Match[str]) -> str:
    digits = f"{_whole(match['a'])}L{_whole(match['b'])}"
    return _padded(match, digits) if _names_grade(digits) else match.group()


# a decimal said with "point": "one point two five inch", "fifteen point three channel"
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_SAID_DECIMAL = re.compile(
    rf"\b(?P<whole>{_WHOLE}|zero)\s+point\s+(?P<digits>{_DIGIT_WORD}(?:\s+{_DIGIT_WORD}){{0,3}})\b|"
    # "point two five zero by forty eight": no whole part, then a size word
    rf"\bpoint\s+(?P<fraction>{_DIGIT_WORD}(?:\s+{_DIGIT_WORD}){{0,3}})(?=\s+(?:by|inch|thick|wall|od|dia\w*)\b)",
    re.IGNORECASE,
)


def _digit(word: str) -> str:
    return "0" if word.lower() in ("zero", "oh") else str(_UNITS.index(word.lower()))


def _said_decimal(match: re.Match[str]) -> str:
    if match["fraction"]:
        return _padded(match, "." + "".join(_digit(word) for word in match["fraction"].split()))
    whole = 0 if match["whole"].lower() == "zero" else _whole(match["whole"])
    return _padded(match, f"{whole}." + "".join(_digit(word) for word in match["digits"].split()))


# a grade said as its letter and number: "just A thirty six.", "A nine ninety two", "D two tool
# steel" — not an article before a size ("a thirty six inch plate")
_HUNDREDS = rf"(?P<hundreds>{'|'.join(_UNITS[1:10])})\s+hundred(?:\s+(?:and\s+)?(?P<rest>{_WHOLE}))?"
_SAID_LETTER_GRADE = re.compile(
    rf"\b(?P<letter>[ADHOSMP])\s+(?:{_HUNDREDS}|(?P<run>{_GROUP}(?:[\s-]+{_GROUP}){{0,2}}))"
    r"(?=\s*(?:[.,;:!)]|$)|\s+(?:steel|tool|plate|sheet|flat|angle|channel|beam|bar|round|material|grade|"
    r"hot|cold|hr|cr|or|is|only|please|quantity|qty|in|pipe|tube|tubing)\b)",
    re.IGNORECASE | re.MULTILINE,
)


def _said_letter_grade(match: re.Match[str]) -> str:
    """ "A thirty six" → "A36", "A five hundred" → "A500", "D two" → "D2"; unchanged unless it
    makes a grade."""
    if match["hundreds"]:
        digits = str(100 * _whole(match["hundreds"]) + (_whole(match["rest"]) if match["rest"] else 0))
    else:
        digits = "".join(
            "0" if word.lower() in ("oh", "o") else str(_whole(word))
            for word in _GROUP_WORDS.findall(match["run"])
        )
    grade = f"{match['letter'].upper()}{digits}"
    # a letter and a number said before "grade", "steel", "pipe"…: any grade the trade names ("A
    # fifty three grade B"), stocked or not
    return _padded(match, grade) if _names_grade(grade, stocked=False) else match.group()


# a tube's wall said in thousandths: "oh sixty five wall" (.065), "oh 83 wall" — once the
# number is in digits
_OH_WALL = re.compile(r"\b(?:oh|o)\s+(?P<digits>\d{2})(?=\s+wall\b)", re.IGNORECASE)


# "comma" as voice typing writes the mark it was told
_SAID_COMMA = re.compile(r"\s+comma\b", re.IGNORECASE)
# letters said one by one: "H S S", "D O M", "C R S"
_SPELLED = re.compile(r"(?-i:\b(?P<letters>[A-Z](?: [A-Z]){1,3})\b)")
_SPELLED_WORDS = frozenset({"HSS", "DOM", "CRS", "HRS", "HR", "CR", "SS", "RHS", "SHS", "CHS", "HRPO", "AR"})


def _spelled(match: re.Match[str]) -> str:
    word = match["letters"].replace(" ", "")
    return _padded(match, word) if word in _SPELLED_WORDS else match.group()


def digits_for_sizes(text: str) -> str:
    """``text`` with grades and sizes said in words written in digits, of the same length (see the
    module)."""
    if not _HAS_WORD.search(text):
        return text
    lower = text.lower()  # the rarer rewrites only where their word is
    if "comma" in lower:
        text = _SAID_COMMA.sub(lambda match: _padded(match, ","), text)
    text = _SPELLED.sub(_spelled, text)
    text = _SAID_LETTER_GRADE.sub(_said_letter_grade, text)
    text = _SAID_GRADE.sub(_said_grade, text)
    if "titanium" in lower or " ti" in lower:
        text = _SAID_TITANIUM_GRADE.sub(_said_titanium_grade, text)
    if "point" in lower:
        text = _SAID_DECIMAL.sub(_said_decimal, text)
    text = _SAID_LEADED.sub(_said_leaded, text)
    text = _ONE_UNIT.sub(lambda match: "1".ljust(len(match["a"])), text)
    text = _HOMOPHONE_COUNT.sub(lambda match: _HOMOPHONES[(match["word"] or match["size"]).lower()], text)
    text = _SCHEDULE.sub(lambda match: _padded(match, f"sch {_whole(match['whole'])}"), text)
    text = _INCH_AND.sub(lambda match: _padded(match, f'1-{_fraction(match["part"])}"'), text)
    text = _FRACTION_BEFORE_MATERIAL.sub(lambda match: _padded(match, _written(match)), text)
    text = _NUMBER.sub(lambda match: _padded(match, _written(match)), text)
    text = _AFTER_BY.sub(lambda match: _padded(match, _written(match)), text)  # "two by two by quarter"
    if "quote" in lower:
        text = _SAID_INCH_MARK.sub(lambda match: _padded(match, '"'), text)
    text = _OH_WALL.sub(lambda match: _padded(match, f".0{match['digits']}"), text)
    text = _ORDINAL_FRACTION.sub(lambda match: " " * len(match.group()), text)
    return _BY.sub(lambda match: " x" + " " * (len(match["gap"]) - 2), text)
