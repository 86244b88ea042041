"""Grades as a desk sees them written, mapped to the catalog's canonical names.

Three kinds of spelling:
- aliases of the same grade map to its canonical name: ``Ti 6-4`` and ``Grade 5`` → ``Ti-6Al-4V``,
  ``C10100`` → ``101``, ``UNS S31600`` → ``316``, ``17-4 PH`` → ``17-4PH``, ``EN AW-6061`` → ``6061``;
- grades we know but the catalog may not carry (``2507``, ``52100``) and numbers written as a
  grade (``AISI 4320``, ``416 stainless``) are kept as written, with a family;
- other standards' near-equivalents (``42CrMo4``, ``DIN 1.4301``, ``SUS304``) are kept as written and
  marked ``foreign``: whether they may substitute is the matching stage's decision, not ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.catalog.grades import GRADES, find_grade
from pipeline.extract.grade_rules import ALUMINUM_CONTEXT, RULES, GradeRule
from pipeline.extract.needles import Needles
from pipeline.extract.quantity import PIECES


@dataclass(frozen=True)
class GradeHit:
    """A grade written in the text, resolved."""

    grade: str
    family: str | None
    temper: str | None
    start: int
    end: int
    foreign: bool = False
    count_like: bool = False  # a bare number in a count's place ("2205 sheets"): a grade only if
    # the line says its quantity elsewhere (see ``item.py``)
    product: bool = False  # a product word read as a grade ("DOM" tube is A513), not a grade written


_STEEL_CONTEXT = re.compile(r"\bsteel\b|\bAISI\b|\bSAE\b|\bCRS\b|\bHRS\b", re.IGNORECASE)
_AL_WORDS = re.compile(ALUMINUM_CONTEXT, re.IGNORECASE)
# Numbering systems by their digits: AISI/SAE carbon (10xx-15xx, the carbon content 05-95) and
# alloy steels (41xx, 43xx, 86xx … and 52100), the Aluminum Association's wrought series 2xxx-8xxx.
_CARBON_SERIES = re.compile(r"10(?:0[5-9]|[1-9]\d)|11(?:1\d|[2-5]\d)|121[1-5]|13[3-4]\d|15[1-6]\d")
_ALLOY_SERIES = re.compile(r"(?:4[0-8]|5[01]|61|8[1-8]|9[2-8])[1-6]\d|52100")
_ALUMINUM_SERIES = re.compile(r"[2-8](?!000)\d{3}")


def family_of_number(grade: str, text: str) -> str | None:
    """The family a bare grade number belongs to, from its shape and the words around it."""
    digits = re.sub(r"\D", "", grade)
    if grade.upper().startswith("C") and len(digits) == 3:
        return {"1": "copper", "2": "brass", "3": "brass", "4": "brass"}.get(digits[0], "bronze")
    if len(digits) == 3 and digits[0] in "234":
        return "stainless_steel"
    if len(digits) not in (4, 5):
        return None
    steel = _STEEL_CONTEXT.search(text) is not None
    if _AL_WORDS.search(text) and not steel:
        return "aluminum"
    return _series(digits) or ("alloy_steel" if steel and digits[0] in "3456789" else None)


def _series(digits: str) -> str | None:
    """The family whose numbering system ``digits`` belongs to, if any."""
    for regex, family in (
        (_CARBON_SERIES, "carbon_steel"),
        (_ALLOY_SERIES, "alloy_steel"),
        (_ALUMINUM_SERIES, "aluminum"),
    ):
        if regex.fullmatch(digits):
            return family
    return None


_LETTER_NUMBER = re.compile(r"\b([A-Za-z]{1,2})[-\s](\d+)\b")  # "P-20", "A-516" → "P20", "A516"


def _named(written: str) -> str:
    """The catalog's name of a copper-base alloy written short: "C110" is C11000 (a copper's
    UNS number), "C360" itself."""
    stocked = find_grade(written)
    return stocked.name if stocked is not None else written


def _canonical(rule: GradeRule, written: str, text: str) -> tuple[str, str | None]:
    if rule.grade is not None:
        return rule.grade, rule.family
    if rule.family in ("brass", "bronze", "copper") and written.isdigit():
        return _named(f"C{written}"), rule.family  # "110 copper", "brass 360": C11000, C360
    if written.upper().startswith(("SUS", "SCM", "SKD")) or written.upper().endswith("PH"):
        written = re.sub(r"\s+", "", written)
    written = " ".join(_LETTER_NUMBER.sub(r"\1\2", written).split())
    if written.upper().startswith("C") and written[1:].isdigit() and rule.family is None:
        family = family_of_number(written, text)
        return _named(f"C{written[1:]}"), family
    return written, rule.family or family_of_number(written, text)


@dataclass(frozen=True)
class _Index:
    """Rules by what their text must hold — a number, a word, a number of so many digits — and
    the rules always tried."""

    by_number: dict[str, list[int]]
    by_word: dict[str, list[int]]
    by_length: dict[int, list[int]]  # rules that need only a number of so many digits
    lengths: dict[int, frozenset[int]]  # rules that need a needle and a number of so many digits
    always: list[int]
    words: Needles

    @classmethod
    def of(cls, rules: tuple[GradeRule, ...]) -> _Index:
        by_number: dict[str, list[int]] = {}
        by_word: dict[str, list[int]] = {}
        by_length: dict[int, list[int]] = {}
        lengths, always = {}, []
        for number, rule in enumerate(rules):
            if not (rule.needles or rule.digit_runs):
                always.append(number)
            elif not rule.needles:
                for length in rule.digit_runs:
                    by_length.setdefault(length, []).append(number)
            elif rule.digit_runs:
                lengths[number] = frozenset(rule.digit_runs)
            for needle in rule.needles:
                (by_number if needle.isdigit() else by_word).setdefault(needle, []).append(number)
        return cls(by_number, by_word, by_length, lengths, always, Needles.of(by_word))

    def candidates(self, text: str) -> list[GradeRule]:
        """The rules that can match ``text``, in table order (the order decides ties)."""
        chosen = set(self.always)
        numbers = set(_DIGITS.findall(text))
        lengths = {len(number) for number in numbers}
        for number in numbers:
            chosen.update(self.by_number.get(number, ()))
        for length in lengths:
            chosen.update(self.by_length.get(length, ()))
        for word in self.words.found(text.lower()):
            chosen.update(self.by_word[word])
        chosen -= {number for number, needed in self.lengths.items() if not needed & lengths}
        return [RULES[number] for number in sorted(chosen)]


_DIGITS = re.compile(r"\d+")
_INDEX = _Index.of(RULES)


_COUNT_BEFORE = re.compile(
    r"(?:^|[-:,x×(]|\bqty|\bquantity|\bneed|\bsend|\bship|\bwant|\border|\bquote|\brequesting|\bplease|\bpls)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_COUNT_AFTER = re.compile(rf"\s+{PIECES}(?![\w])", re.IGNORECASE)


def _is_count(text: str, hit: GradeHit) -> bool:
    """A bare number in a count's place ("- 430 sheets", "Qty: 304 pcs") may be a quantity; not
    before a singular noun ("304 sheet", "2507 round bar")."""
    if not text[hit.start : hit.end].isdigit():
        return False
    after = _COUNT_AFTER.match(text, hit.end)
    if after is None or _COUNT_BEFORE.search(text, 0, hit.start) is None:
        return False
    noun = after.group().strip().lower().rstrip(".")
    return noun.endswith("s") or noun in ("ea", "each", "pc")


def in_catalog(grade: str) -> bool:
    """Whether the catalog stocks ``grade`` (its canonical name)."""
    return grade in GRADES


# A number after these words is a reference, not a grade ("job 4140", "PO# 1018", "heat 6082").
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:job|po|p/o|dwg|drawing|invoice|acct|account|ticket|heat|lot|project|rev)\.?\s*[#:]?"
    r"|\b(?:quote|order|item|line|part|ref|tag|case|bin)\s*(?:#|no\.?|number)|#)\s*$",
    re.IGNORECASE,
)


def _hit(rule: GradeRule, match: re.Match[str], context: str) -> GradeHit | None:
    if match.group().isdigit() and _REFERENCE_BEFORE.search(
        match.string, max(0, match.start() - 16), match.start()
    ):
        return None
    groups = match.groupdict()
    written = groups.get("g") or groups.get("h") or match.group()
    grade, family = _canonical(rule, written, context)
    if rule.series and family is None:
        return None  # a number that belongs to no grade series ("2000", "9999")
    temper = groups.get("temper")
    return GradeHit(grade, family, temper and temper.upper(), match.start(), match.end(), rule.foreign)


def find_grades(text: str, context: str | None = None, counts: bool = False) -> list[GradeHit]:
    """Every grade written in ``text``, in reading order, overlapping spellings resolved.

    ``context`` (default: ``text``) is what context-dependent grades (A2, Grade 5) are checked in.
    A bare number in a count's place ("- 430 sheets") is dropped, or with ``counts`` kept and
    marked ``count_like`` for the caller to decide.
    """
    context = text if context is None else context
    hits: list[GradeHit] = []
    fallbacks: list[GradeHit] = []  # product words read as a grade ("DOM"), if no grade is written
    in_context: dict[re.Pattern[str], bool] = {}  # a handful of context patterns serve many rules
    for rule in _INDEX.candidates(text):
        if rule.context is not None:
            if rule.context not in in_context:
                in_context[rule.context] = rule.context.search(context) is not None
            if not in_context[rule.context]:
                continue
        found = [hit for match in rule.regex.finditer(text) if (hit := _hit(rule, match, context))]
        (fallbacks if rule.fallback else hits).extend(found)
    hits = hits or [replace(hit, product=True) for hit in fallbacks]
    marked = []
    for hit in hits:
        if _is_count(text, hit):
            if not counts:
                continue
            hit = replace(hit, count_like=True)
        marked.append(hit)
    marked.sort(key=lambda hit: (hit.start, -hit.end))
    found: list[GradeHit] = []
    for hit in marked:
        if not found or hit.start >= found[-1].end:
            found.append(hit)
    return found
