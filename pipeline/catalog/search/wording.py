"""Catalog words a request line may carry beyond what ``LineItem`` holds: finish, condition, shapes.

Extraction reads grade, form, sizes and quantity; a line such as "17-4PH H1150 round bar, CG"
also names a heat-treat condition and a finish, and "W8x31" a beam by designation. These are
the catalog's own vocabulary (``pipeline.catalog.grade_table``, ``products``, ``sizes``), so the
search reads them from the line's text with the catalog's words.
"""

from __future__ import annotations

import re

from pipeline.catalog import sizes
from pipeline.catalog.grade_table import TEMPER_CONDITIONS

# Customer wording -> catalog finish, most specific first ("hot rolled P&O" before "hot rolled").
_FINISHES: tuple[tuple[str, str], ...] = (
    (r"hot\s+rolled\s+(?:P\s?&\s?O|pickled(?:\s+(?:and|&)\s+oiled)?)|HRPO|P\s?&\s?O", "hot rolled P&O"),
    (r"hot\s+rolled\s+annealed(?!\s+(?:and|&)\s+pickled)|HRA", "hot rolled annealed"),
    (r"HRAP|hot\s+rolled,?\s+annealed\s+(?:and|&)\s+pickled", "HRAP"),
    (r"centerless\s+ground|CG", "centerless ground"),
    (r"precision\s+ground", "precision ground"),
    (r"flat\s+ground", "flat ground"),
    (r"TGP|turned,?\s+ground\s+(?:and|&)\s+polished", "TGP"),
    (r"decarb[- ]free", "decarb-free"),
    (r"#\s?180|180\s+grit|polished", "#180 polished"),
    (r"#\s?4|No\.?\s?4|brushed", "#4"),
    (r"2B", "2B"),
    (r"BA|bright\s+annealed", "BA"),
    (r"cold\s+finish(?:ed)?|CF", "cold finished"),
    (r"cold\s+drawn|CD", "cold drawn"),
    (r"cold\s+rolled|CR", "cold rolled"),
    (r"hot\s+rolled|HR", "hot rolled"),
    (r"seamless|SMLS", "seamless"),
    (r"welded|ERW", "welded"),
    (r"galvani[sz]ed|galv", "galvanized"),
    (r"PVC(?:\s+one\s+side|\s+coated)?|film\s+coated", "PVC one side"),
    (r"continuous\s+cast", "continuous cast"),
    (r"saw\s+cut", "saw cut"),
    (r"turned", "turned"),
    (r"mill\s+finish", "mill"),
    (r"black(?:\s+steel)?", "black"),  # black (unfinished) pipe and tube
    (r"bright", "bright"),
    (r"ground", "ground"),
)


class Vocabulary:
    """A table of (regex, catalog word) searched in one pass: the leftmost match wins, and at one
    position the earlier (more specific) entry — "hot rolled P&O" before "hot rolled"."""

    def __init__(self, table: tuple[tuple[str, str], ...], not_after: str) -> None:
        self.table = table
        joined = "|".join(f"(?P<w{i}>{regex})" for i, (regex, _) in enumerate(table))
        self.regex = re.compile(rf"(?<![{not_after}])(?:{joined})(?!\w)", re.IGNORECASE)

    def first(self, text: str) -> str | None:
        """The catalog word for the first entry written in ``text`` (``{0}`` filled from its groups)."""
        match = self.regex.search(text)
        if match is None:
            return None
        key = next(name for name, value in match.groupdict().items() if value is not None)
        regex, word = self.table[int(key[1:])]
        groups = re.fullmatch(regex, match[key], re.IGNORECASE).groups()  # type: ignore[union-attr]
        return word.format(*(group.lower() for group in groups))


FINISHES = Vocabulary(_FINISHES, r"\w#")

# Heat-treat conditions written on the line -> the catalog's ``condition`` (or temper) value.
_CONDITIONS: tuple[tuple[str, str], ...] = (
    (r"H\s?-?(900|1025|1075|1150)", "H{0}"),
    (r"cond(?:ition|\.)?\s*A", "Condition A"),
    (r"solution\s+(?:treated|annealed)", "solution annealed"),
    (r"Q\s?&\s?T|Q/T|quenched\s+(?:and|&)\s+tempered|heat[- ]treated|HT|pre-?hard(?:ened)?", "Q&T 28-32 HRC"),
    (r"spheroidi[sz]e(?:d)?\s+annealed", "spheroidize annealed"),
    (r"annealed", "annealed"),
    (r"normali[sz]ed", "normalized"),
    (r"as[- ]rolled", "as rolled"),
    (r"(half|quarter|eighth)\s+hard", "{0} hard"),
    (r"spring\s+temper", "spring"),
)
CONDITIONS = Vocabulary(_CONDITIONS, r"\w-")
_TEMPER = re.compile(r"(?<![A-Za-z])(T\d{1,4}|H\d{2,3}|O60|M07|TQ50)(?!\w)")
_DESIGNATION = re.compile(r"(?<![\w.])([WSCI])\s?(\d+)\s?[x×X]\s?(\d+(?:\.\d+)?)(?![\w.])")

HEAVIER_OK = re.compile(
    r"or\s+heavier|heavier\s+(?:is\s+)?(?:ok|fine|acceptable)|min(?:imum)?\.?\s+(?:thickness|wall|gauge)"
    r"|(?:thickness|wall|gauge)\s+min(?:imum)?\b",
    re.IGNORECASE,
)


def finish_in(text: str) -> str | None:
    """The catalog finish a line names (``"2B"``, ``"cold drawn"``…), if any."""
    return FINISHES.first(text)


def condition_in(text: str) -> str | None:
    """A temper code (``T651``) or heat-treat condition (``H1150``, ``annealed``) the line names."""
    if condition := CONDITIONS.first(text):
        return condition
    temper = _TEMPER.search(text)
    return temper[1] if temper and temper[1] in TEMPER_CONDITIONS else None


def designation_in(text: str, form: str | None) -> dict[str, float] | None:
    """Actual section of a beam or channel written by designation (``W8x31``, ``C4x5.4``)."""
    for match in _DESIGNATION.finditer(text):
        name = f"{match[1].upper()}{match[2]}x{match[3]}"
        if form in (None, "beam_i") and (beam := sizes.beam(name)):
            return {"height": beam[0], "width": beam[1], "weight_per_foot": beam[2]}
        if form in (None, "channel") and (channel := sizes.channel(name)):
            return {"height": channel[0], "width": channel[1], "thickness": channel[2]}
    return None
