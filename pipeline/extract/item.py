"""Read one block of text as one requested item: grade, form, sizes, quantity, with evidence.

The block's text is *masked* step by step — a field that is not about the item ("Hardness:",
"Surface finish:"), an old value ("upgraded from 4140"), an alternate clause, a grade, a
tolerance, a converted repeat, the quantity — so that each later step reads only what is left.
Masking replaces characters with spaces, so every position still points at the document.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from pipeline.catalog.equivalents import catalog_grade
from pipeline.catalog.schema import UOMS
from pipeline.extract import assemblies, cues, pipe
from pipeline.extract.blocks import Block, Field
from pipeline.extract.dimensions import (
    FLAT_BAR_MAX_WIDTH,
    SECTION_ORDER,
    Sized,
    assign,
    infer_form,
    structural_shape,
)
from pipeline.extract.gauges import find_gauge, gauge_inches
from pipeline.extract.grades import GradeHit, find_grades, in_catalog
from pipeline.extract.measure import DIMENSION_LABELS, Measured, conversion_repeats, measure, writes_imperial
from pipeline.extract.plausible import flag_implausible
from pipeline.extract.quantity import count_before, find_quantity, holds_size, in_sold_units, parse_count
from pipeline.extract.tolerances import Written, find_tolerances
from pipeline.extract.vocabulary import FORM_WORDS, Words, first_match, scan
from pipeline.models import Alternate, LineItem, Span, Tolerance
from pipeline.units import FOOT_UNITS, GLUED_SHAPES, NUMBER, find_lengths, parse_number

_STRUCTURAL = frozenset({"channel", "beam_i", "angle"})  # may be a designation: "W8 x 31", "L3 x 3 x 1/4"
# Labels of fields that are not about what to cut from stock ("Hardness: 28-32 HRC", "Surface finish:
# 125 RMS", "Price: $425"): their numbers are neither sizes nor quantities. Other labels are read.
_OTHER_LABELS = re.compile(
    r"hardness|finish|condition|toleran|flatness|straightness|edge|test|cert|deliver|ship|price|cost|lead|"
    r"terms|payment|depth|pattern|clean|application|note|customer|date|priority|project|from|^to$|subject|"
    r"sent|^cc$|attn|address|phone|e-?mail|tel|fax|spec|heat|treat|coating|plating|marking|packag|inspect|"
    r"weld|machin|surface|rough|environment|service|temperature|line$|^item$|^#$|part|weight|"
    r"tough|impact|strength|pressure|load|torque|energy|budget|elevation|capacity|assemblies|"
    r"number$|\bnr\.?$|\bno\.?$|"  # "Your material number: SS-TU-316L-60.3", "Drawing no.:"
    # a quoted message's header in other languages: "Von:", "Gesendet:", "Betreff:", "Objet:" …
    r"^von$|gesendet|^an$|betreff|^van$|verzonden|^aan$|onderwerp|envoy|^objet$|enviado|^para$|asunto|"
    r"^da$|^de$|inviato|oggetto|^od$|wys[łl]ane|^temat$"
)
# A customer's stock code ("ALUM-ANG-6061-2X2X25", "MTL-4140HT-250") or a date ("28-FEB-2024",
# "07/10/24") or a phone number written in an item: neither its numbers nor its letters describe it.
# EN 10204's certificate types (2.1, 2.2, 3.1, 3.2), said where certificates are: no size or count
_CERTIFICATES = re.compile(r"certif|\bcerts?\b|\b10204\b|\bMTRs?\b|\bAPZ\b|Werkszeugnis", re.IGNORECASE)
_CERTIFICATE_TYPE = re.compile(
    r"\b(?:(?:EN|DIN|ISO|BS)\s*)?10204(?:\s*[:/-]\s*\d{4})?\b|(?<![\d.,])[23]\.[12](?![\d,]|\.\d|\s*(?:mm|\"|in\b|x\b|×|'))",
    re.IGNORECASE,
)
# a sentence's lead-in before a colon, not a field's label: "Per the general notes: W shapes A992, …"
_LEAD_IN = re.compile(r"(?:as\s+)?per\s|according\s+to\s|as\s+(?:shown|noted)\s")
_LABEL_DOT = re.compile(r"\b(?:dia|diam|thk|od|lg|len|sp)(?P<dot>\.)(?=\d)", re.IGNORECASE)
# an amount after its label, inline in a portal's line ("Qty 2  UOM EA  Price 610.00  Total 1,220.00"),
# and a numbered label ("Dimension 1: 2.5", "Item 3:"): no size or count of the item
_LABELLED_AMOUNT = re.compile(
    r"\b(?:unit\s+)?(?:price|cost|total|amount|ext(?:ended|\.)?|extension|net)\s*:?\s*(?:usd|eur|cad)?\s*[$€£]?\s*"
    r"\d{1,3}(?:,\d{3})*\.\d{2}\b|\b(?:dimension|dim|size|item|line)\s*#?\d{1,2}\s*:",
    re.IGNORECASE,
)
_CODES_AND_DATES = re.compile(
    r"(?<![\w-])(?!(?:AW|EN|UNS|SAE|AISI|ASTM|ASME|DIN|ISO|SUS|SA)-)(?=[A-Z]{2,6}-(?:[A-Z]{1,6}-|[A-Z0-9-]*\d{3}))"
    r"[A-Z]{2,6}(?:-[A-Z0-9]+){2,}(?:\.\d+)?(?![\w-])|"  # also "SS-TU-316L-60.3"
    # a part number of letters and digits, then a size code: "HEX12L14-1250", "RB4140-0200",
    # "AL6061-ANG-2X2X125"
    r"(?<![\w-])[A-Z]{2,6}\d[A-Z0-9]*-\d{3,}(?![\w-])|"
    r"(?<![\w-])[A-Z]{2,6}\d{3,5}-[A-Z]{2,6}-[A-Z0-9]*\d[A-Z0-9]*(?![\w-])|"
    # a code its label names: "SKU 4120-C260SH-0040-12X24", "P/N: 88-1204-B"
    r"\b(?:SKU|P/N|PN|MPN)\s*[:#]?\s*[A-Z0-9][\w./-]*\d[\w./-]*|"
    r"\b\d{1,2}[-/ ](?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*[-/ ]\d{2,4}\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|(?<![\w.-])\d{3}[-.]\d{3}[-.]\d{4}\b|"
    # a time span: "48 hours", "48 hr notice for crane" (but "2 HR sheets" are hot rolled)
    r"\b\d{1,3}\s*-?\s*(?:hours?\b|hrs?\b(?=\s+(?:notice|lead|turn|advance|call|prior|window)))",
    re.IGNORECASE,
)


# other lines named by number ("IS 2062 E250 for items 1 to 3", "same as line 2"): no size or count
_ITEM_REFERENCE = re.compile(
    r"(?:\b(?:for|of|on|to|as|in|with)\s+(?:the\s+)?(?:items?|lines?|pos(?:itions?)?|sl\.?\s*nos?\.?)\s*#?\s*\d{1,3}"
    # "Lines 3, 4 and 6 we have in the rack": line numbers, however the sentence goes on
    r"|\b(?:items|lines|positions)\s*#?\s*\d{1,3}(?=\s*(?:,|&|and)\s*#?\d{1,3}\b))"
    r"(?:\s*(?:to|through|thru|-|–|&|and|,)\s*#?\d{1,3})*\b(?!\s*(?:[\"'x×/]|mm\b|pcs\b))",
    re.IGNORECASE,
)
_COUNT_CELLS = frozenset({"qty", "uom"})  # table columns (``tables.py``) holding the count and its unit


# "rd" alone is round bar only before a size or "x" ("3/4 CRS rd x 20'"), not the "Rd" of an address
@dataclass
class Parsed:
    """An item and what was found in its text (for deciding whether it is an order line)."""

    item: LineItem
    has_material: bool
    has_form: bool
    has_sizes: bool
    has_quantity: bool
    non_catalog: bool


# an item's number written before it: "Line 1", "Item 3:", "Pos. 20", "Ln #4"
LINE_LABEL = re.compile(
    r"[\s>*•-]*(?P<label>(?:line|ln|item|row|pos(?:ition)?|s(?:l)?\.?\s*no|lp)\.?\s*#?\s*(?P<n>\d{1,4})\b\s*[:.)-]?)",
    re.IGNORECASE,
)
_NOT_NEWLINE = re.compile(r"[^\n]")


class _Mask:
    """The item's text with parts blanked out; a *barrier* also stops labels reading across it
    (after "1 [12 PCS] round bar" is masked, "1" must not become a 1" round)."""

    BARRIER = "\x1f"

    def __init__(self, text: str) -> None:
        self.text = text  # read often, changed a few times: kept as a string

    def hide(self, start: int, end: int, barrier: bool = False) -> None:
        start, end = max(0, start), min(end, len(self.text))
        if start >= end:
            return
        fill = self.BARRIER if barrier else " "
        hidden = _NOT_NEWLINE.sub(fill, self.text[start:end])
        self.text = self.text[:start] + hidden + self.text[end:]


def _relative(fields: tuple[Field, ...], offset: int) -> tuple[Field, ...]:
    return tuple(Field(f.label, f.start - offset, f.end - offset, f.unit) for f in fields)


_NOTE_LABEL = re.compile(r"note|remark|comment")
_STOCK_LENGTH_NOTE = re.compile(
    r"\s*\d{1,2}\s*(?:'|’|ft\.?|feet)\s*(?:jts?|joints?|lengths?|lgths?|lg|long|sticks?)\.?\s*", re.IGNORECASE
)
# "CUT TO 18\" LG", "cut @ 36 in", "cut to length 10' 6\"": the row's length, written as a note
_CUT_LENGTH_NOTE = re.compile(
    r"\s*cut\s+(?:to|@|at)\s+(?:length\s+)?\d[\d\s/.-]*(?:\"|''|in\b\.?|inch(?:es)?|mm|'|ft\b\.?)"
    r"[\d\s/.\"-]*(?:lg|long|lengths?|ea(?:ch)?)?\.?",
    re.IGNORECASE,
)
_GRADE_WORDS = re.compile(r"\b(?:gr(?:ade)?|type|astm|asme|aisi|sae)\b\.?|[\s.,/-]", re.IGNORECASE)


def _only_a_grade(cell: str) -> bool:
    """Whether a cell holds a grade, lettered, and nothing else ("A500 Gr B", "ASTM A992"; not
    "420", a number left)."""
    hits = find_grades(cell) if re.search(r"[A-Za-z]", cell) else []
    for hit in reversed(hits):
        cell = cell[: hit.start] + cell[hit.end :]
    return bool(hits) and not _GRADE_WORDS.sub("", cell)


def _hide_other_field(mask: _Mask, raw: str, field: Field) -> None:
    """Hide a field that is not about the item's size or count ("Heat: …", "Notes: …"); but a
    Notes cell of "A500 Gr B" is the row's grade, "21' jts" its stock length, and its "+/-1mm" the
    row's tolerance; its "CUT TO 18\" LG" the row's length."""
    cell = raw[field.start : field.end]
    kept = []
    if _NOTE_LABEL.search(field.label):
        if _only_a_grade(cell) or _STOCK_LENGTH_NOTE.fullmatch(cell):
            return  # "A500 Gr B", "21' jts": the row's grade, its stock length
        kept = find_tolerances(cell)
        if cut := _CUT_LENGTH_NOTE.match(cell):
            kept.insert(0, Span(cut.start(), cut.end()))
    start = field.start
    for tolerance in kept:
        mask.hide(start, field.start + tolerance.start)
        start = field.start + tolerance.end
    mask.hide(start, field.end)


def parse_block(text: str, block: Block, line_no: int = 0, *, candidates_only: bool = True) -> Parsed:
    """The item written in ``text[block.start:block.end]``; spans index ``text``.

    With ``candidates_only`` a block naming no material, form or product stops there: it cannot be
    an order line, and sizes and quantities are the costly part to read.
    """
    raw = text[block.start : block.end]
    offset = block.start
    item = LineItem(line_no=line_no, source_text=" ".join(raw.split()), span=Span(block.start, block.end))
    fields = _relative(block.fields, offset)
    mask = _Mask(raw)
    for field in fields:
        if (
            field.label not in DIMENSION_LABELS
            and _OTHER_LABELS.search(field.label)
            and not _LEAD_IN.match(field.label)
        ):
            _hide_other_field(mask, raw, field)
    for before, after in itertools.pairwise(fields):
        gap = raw[before.end - 1 : after.start + 1]
        if re.fullmatch(r"\d,\d", gap):  # a CSV row: "1/4 x 60,144" is two cells, not 60144
            mask.hide(before.end, after.start, barrier=True)
    for code in _CODES_AND_DATES.finditer(mask.text):
        mask.hide(code.start(), code.end())
    for amount in _LABELLED_AMOUNT.finditer(mask.text):
        mask.hide(amount.start(), amount.end(), barrier=True)
    for dot in _LABEL_DOT.finditer(mask.text):  # "dia.16mm": the label's dot, not a decimal point
        mask.hide(dot.start("dot"), dot.end("dot"))
    if _CERTIFICATES.search(raw):  # "plates require 3.1 certificates; the sections can be 2.2"
        for kind in _CERTIFICATE_TYPE.finditer(mask.text):
            mask.hide(kind.start(), kind.end(), barrier=True)
    for reference in _ITEM_REFERENCE.finditer(mask.text):
        mask.hide(reference.start(), reference.end(), barrier=True)
    for scratched in _SCRATCHED.finditer(mask.text):  # "scratch the 3/4 bar, make that 12 pcs of …"
        mask.hide(scratched.start(), scratched.end(), barrier=True)
    lower = raw.lower()  # the costlier phrases are looked for only where a word of theirs is
    for temper in _HARD_TEMPER.finditer(mask.text) if "hard" in lower else ():  # "C260 1/2 HARD": a temper
        mask.hide(temper.start(), temper.end())
    # "burn w/ (4) 11/16\" holes, 4\" sq pattern": no sizes of the piece
    for holes in _HOLES.finditer(mask.text) if any(word in lower for word in _HOLE_WORDS) else ():
        mask.hide(holes.start(), holes.end(), barrier=True)
    for note in _WAS_NOTE.finditer(mask.text):  # "(was 1/2" - REV 1)": what the line used to ask
        mask.hide(note.start(), note.end(), barrier=True)
    if label := LINE_LABEL.match(mask.text):  # "Line 1   6061-T651 plate …": a label, not 1 plate
        mask.hide(label.start("label"), label.end(), barrier=True)
    for old in cues.superseded(mask.text):
        mask.hide(old.start, old.end)
        item.revisions.append(_revision_note(old.old))
    clauses = cues.alternate_clauses(mask.text)
    if cues.accepts_equivalent(mask.text):
        item.flags.append("equivalent_accepted")
    for start, end in clauses:
        mask.hide(start, end)
    has_material, words = _read_material(item, mask, offset)
    has_form, sized = _read_form(item, mask, _past_unit_cell(words, mask.text, fields), offset, fields)
    non_catalog = _non_catalog(words, block, offset, mask.text)
    if candidates_only and not (has_material or has_form or non_catalog):
        return Parsed(item, False, False, False, False, False)
    quantity_found = _read_sizes_and_quantity(
        item, raw, mask, fields, sized, offset, block.counted, block.metric
    )
    quantity_found = quantity_found or _weighed(item, raw, fields, offset) or _footage(item, raw, offset)
    _times_assemblies(item, raw, fields)
    for start, end in clauses:
        _add_alternate(item, raw, start, end, offset)
    _sheet_or_plate(item, raw, offset)
    if non_catalog:
        item.form, item.dimensions, item.tolerances = None, {}, {}
        item.flags = [flag for flag in item.flags if flag != "form_inferred"]
        item.evidence = {k: v for k, v in item.evidence.items() if k in ("grade", "material", "quantity")}
    _flag(item, non_catalog)
    return Parsed(item, has_material, has_form, bool(item.dimensions), quantity_found, non_catalog)


# Words for flat-rolled steel that mean sheet and plate alike ("Chapa 20 x 1500 x 3000", "Blech 15
# mm"): the thickness tells which, as the catalog draws the line
_SHEET_OR_PLATE = re.compile(
    r"chapas?|\w*blech\w*|blach[ay]?|t[ôo]les?|lamier[ae]|l[áa]minas?|plaat|placas?|tabl[ăa]|t[ấa]m|plech|sa[çc]",
    re.IGNORECASE,
)
_SHEETS = re.compile(r"sheets?|shts?", re.IGNORECASE)
_PLATE_FROM = 0.1875  # 3/16": the thinnest plate the catalog lists


def _sheet_or_plate(item: LineItem, raw: str, offset: int) -> None:
    """A word for sheet or plate alike (chapa, Blech, plaat) is plate from 3/16", sheet below it;
    "2 sheets AR400 3/4 x 48 x 96" counts plates, from 1/4" (3/16" is sold as either) — but "304
    sheet 1/4 x 48 x 96" names its form."""
    word = item.evidence.get("form")
    thickness = item.dimensions.get("thickness", 0.0)
    if word is None:
        return
    start = word.start - offset
    written = raw[start : word.end - offset]
    if item.form == "plate" and 0 < thickness < _PLATE_FROM and _SHEET_OR_PLATE.fullmatch(written):
        item.form = "sheet"  # "20 st. plaat/sheet 1,5 mm x 1250 x 2500": thinner than any plate
        return
    if item.form != "sheet" or thickness < _PLATE_FROM:
        return
    count = count_before(raw, start)
    counted = count is not None and count < 100  # "2 sheets", not "304 sheet"
    if _SHEET_OR_PLATE.fullmatch(written) or (thickness >= 0.25 and counted and _SHEETS.fullmatch(written)):
        item.form = "plate"


_WEIGHT_CELL = re.compile(
    r"\s*(?P<approx>~|ca\.?|approx\.?)?\s*(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
)


_PER_FOOT = re.compile(r"(?:/|\bper\s+)(?:ft|foot|lf)\b", re.IGNORECASE)
_IN_FEET = re.compile(r"(?:'|’|\bft\b|\bfeet\b|\bfoot\b)", re.IGNORECASE)
LONGEST_STOCK = 60 * 12.0  # inches: no bar, tube or section is sold in longer lengths
LONGEST_PRICED = 30 * 12.0  # inches: priced by the foot, a longer run of feet is the footage ordered
_STOCK_LENGTH_AFTER = re.compile(
    r"['’]?\s*(?:ft\.?|feet|foot)?\s*(?:lengths?|long|lg|sticks?|bars?)\b", re.IGNORECASE
)


def _footage(item: LineItem, raw: str, offset: int) -> bool:
    """An item with no count and a length in feet that is the footage ordered: a run priced by the
    foot ("1018 round 1\" - 200 ft (random 12' lengths) - $2.95/ft"), or longer than any stock
    length — not one said to be the length it comes in ("20' lengths")."""
    length, span = item.dimensions.get("length"), item.evidence.get("length")
    if item.quantity is not None or length is None or span is None:
        return False
    if not _IN_FEET.search(raw, span.start - offset, span.end - offset + 1):
        return False
    if _STOCK_LENGTH_AFTER.match(raw, span.end - offset):
        return False  # "20' lengths, $9.20/ft": the length it comes in, priced by the foot
    if length <= (LONGEST_PRICED if _PER_FOOT.search(raw) else LONGEST_STOCK):
        return False
    item.quantity, item.uom = round(length / 12, 4), "FT"
    del item.dimensions["length"]
    item.evidence["quantity"] = item.evidence.pop("length")
    return True


def _weighed(item: LineItem, raw: str, fields: tuple[Field, ...], offset: int) -> bool:
    """A row with no count whose weight column holds one ("Wt (lbs)" 120 under an empty "Qty",
    "order by weight"): ordered by that weight, as the desk would read it."""
    for field in fields:
        cell = _WEIGHT_CELL.fullmatch(raw, field.start, field.end) if field.label == "weight" else None
        if cell is None or field.unit not in ("lb", "kg"):
            continue
        value = float(cell["n"].replace(",", ""))
        if not value:
            continue
        item.quantity, item.uom = in_sold_units(value, field.unit.upper())
        item.evidence["quantity"] = _span(field.start, field.end, offset)
        if cell["approx"]:
            item.flags.append("approximate_quantity")
        return True
    return False


def _feet_and_inches(mask: _Mask, fields: tuple[Field, ...], sized: Sized) -> None:
    """A length split over a feet column and an inches column ("Ft  In" over "20  6"): one length,
    20'-6"; both cells read, then hidden from the sizes."""
    for feet, inches in itertools.pairwise(fields):
        if not (feet.label == "length" and feet.unit == "ft" and inches.label == "inches"):
            continue
        whole = parse_number(mask.text[feet.start : feet.end].strip())
        odd = parse_number(mask.text[inches.start : inches.end].strip() or "0")
        if whole is not None and odd is not None and whole * 12 + odd > 0:
            sized.put("length", whole * 12 + odd, (feet.start, inches.end))
            mask.hide(feet.start, inches.end)


def _times_assemblies(item: LineItem, raw: str, fields: tuple[Field, ...]) -> None:
    """A row's "Qty/Frame" times its "Frames" (see ``tables``): the count ordered, flagged."""
    cell = next((field for field in fields if field.label == "assemblies"), None)
    times = parse_count(raw[cell.start : cell.end].strip()) if cell is not None else None
    if times and times > 1 and item.quantity is not None:
        item.quantity *= times
        item.flags.append(assemblies.FLAG)


def _revision_note(old: str) -> str:
    """What an old value was, in the words ``revisions.mark_revisions`` uses ("quantity was 6")."""
    grades = find_grades(old)
    if grades:
        return f"grade was {grades[0].grade}"
    lengths = find_lengths(old)
    if lengths and lengths[0].unit:
        return f"size was {old}"
    count = parse_count(old)
    return f"quantity was {count:g}" if count is not None else f"was {old}"


def _span(start: int, end: int, offset: int) -> Span:
    return Span(start + offset, end + offset)


def _read_material(item: LineItem, mask: _Mask, offset: int) -> tuple[bool, Words]:
    """Grade and family; also the words of the text left once grades are hidden, for the form."""
    hits = _grades(mask.text)
    primary = next((hit for hit in hits if not hit.foreign), hits[0] if hits else None)
    if primary is not None:
        item.grade, item.temper = primary.grade, primary.temper
        item.evidence["grade"] = _span(primary.start, primary.end, offset)
        if primary.foreign:
            item.flags.append("grade_other_standard")
        _other_grades(item, primary, hits, mask.text, offset)
    for hit in hits:
        mask.hide(hit.start, hit.end)
    words = scan(mask.text)
    word = words.family or (words.steel if primary is None else None)
    item.material = (primary.family if primary else None) or (word[0] if word else None)
    if word is not None and (primary is None or primary.family in (None, word[0])):
        item.evidence["material"] = _span(word[1], word[2], offset)
    elif primary is not None and item.material:
        item.evidence["material"] = item.evidence["grade"]
    return item.material is not None or item.grade is not None, words


def _grades(text: str) -> list[GradeHit]:
    """The grades of an item. A number in a count's place ("2205 sheets, …, qty 31") is a grade
    when the item states its quantity elsewhere; else one such number is the quantity ("- 430
    sheets"): the last one the catalog does not stock ("304 sheet … - 2001 sheets")."""
    hits = find_grades(text, counts=True)
    countable = [hit for hit in hits if hit.count_like]
    if not countable:
        return hits
    rest = text
    for hit in hits:  # the quantity elsewhere, with every grade (sure or not) out of the way
        rest = rest[: hit.start] + " " * (hit.end - hit.start) + rest[hit.end :]
    if find_quantity(rest) is not None:
        return hits
    count = next((hit for hit in reversed(countable) if not in_catalog(hit.grade)), countable[-1])
    return [hit for hit in hits if hit is not count]


def _other_grades(item: LineItem, primary: GradeHit, hits: list[GradeHit], text: str, offset: int) -> None:
    """Other grades named for the same line: an equivalent offered, or the customer unsure."""
    seen = {primary.grade}
    for hit in hits:
        if hit.grade in seen:
            continue
        seen.add(hit.grade)
        item.alternates.append(
            Alternate(
                text[hit.start : hit.end], hit.grade, hit.family, span=_span(hit.start, hit.end, offset)
            )
        )
        alloy = catalog_grade(hit.grade) if hit.foreign else None
        if alloy is not None and alloy == catalog_grade(primary.grade):
            continue  # "1.4404 (316L)": one alloy in two standards, no alternative offered
        flag = "alternates_offered" if hit.foreign else "ambiguous_grade"
        if flag not in item.flags:
            item.flags.append(flag)


def _past_unit_cell(words: Words, text: str, fields: tuple[Field, ...]) -> Words:
    """The words with a form read from a unit-of-measure cell ("SHT", "BAR") replaced by the one
    the description names: "3  SHT  A36 PLATE 1/4 x 48 x 96" is a plate."""
    if words.form is None:
        return words
    _, start, _ = words.form
    cell = next((f for f in fields if f.label in _COUNT_CELLS and f.start <= start < f.end), None)
    if cell is None:
        return words
    later = first_match(text[cell.end :], FORM_WORDS)
    form = (later[0], cell.end + later[1], cell.end + later[2]) if later else None
    return replace(words, form=form)


def _read_form(
    item: LineItem, mask: _Mask, words: Words, offset: int, fields: tuple[Field, ...] = ()
) -> tuple[bool, Sized]:
    shape = structural_shape(mask.text) if words.form is None or words.form[0] in _STRUCTURAL else None
    if shape is not None:
        item.form, sized = shape
        start, end = next(iter(sized.spans.values()))
        item.evidence["form"] = _span(start, end, offset)
        mask.hide(start, end)
        return True, sized
    form = words.form
    if form is None and (rod := _DRILL_ROD.search(mask.text)):  # tool steel's "drill rod" is round
        form = ("bar_round", rod.start(), rod.end())
    if form is None and (glued := _GLUED_SHAPE.search(mask.text)):
        form = (_GLUED_FORMS[glued[1].upper()], glued.start(1), glued.end(1))
    if form is None and (tubing := _TUBE_STEEL.search(mask.text)):  # "TS 4X4X1/4": HSS's old name
        form = ("tube_square", tubing.start(), tubing.end())
    named = bool(item.grade and pipe.PIPE_GRADE.fullmatch(item.grade))  # "A106 | B | 6\" | Sch 40"
    if form is None and (
        schedule := pipe.find_pipe(mask.text, named) or pipe.pipe_in_cells(mask.text, fields)
    ):
        form = ("tube_round", *schedule.spans[0])  # "TOP RAIL  1-1/2" SCH 40": a schedule is a pipe
    if form is not None:
        form = _spelled_out(_qualified(_past_count(form, mask.text), mask.text), mask.text)
        form = _shape_of_tube(form, mask.text)
        if flat := _flat_by_its_sizes(form, mask.text):  # "C110 copper bar 1/8 x 1 x 12'": a flat bar
            form = ("bar_rectangular", form[1], form[2])
            if flat == "guessed":
                item.flags.append("form_inferred")  # "bar 1/8 x 1": 1" wide, or 1" long?
        item.form = form[0]
        item.evidence["form"] = _span(form[1], form[2], offset)
        if _PLAT.fullmatch(mask.text[form[1] : form[2]]) and writes_imperial(mask.text):
            item.flags.append("form_inferred")  # "1/2 plat a36 12 x 24": French flat bar, or plate mistyped
    return form is not None, Sized()


_FLAT = frozenset({"plate", "sheet", "bar_rectangular"})
_HOLLOW_ONLY = frozenset({"A500", "A513", "A847", "A1085"})
_IN_LENGTHS = re.compile(r"\b(?:sticks?|lengths?|footers|bars?)\b", re.IGNORECASE)
_PLAT = re.compile(r"plats?", re.IGNORECASE)


# an item struck before the one that replaces it, in the same breath: read the replacement only
_SCRATCHED = re.compile(
    r"\b(?:scratch|cancel|drop|forget|skip|delete|remove)\s+(?:the\s+|that\s+)?[^.;,\n]{1,40}?"
    r"(?=[\s,]+(?:and\s+)?(?:make\s+(?:it|that)|then|instead|use|give\s+me|send)\b)",
    re.IGNORECASE,
)
# holes drilled or burned in a piece, and their pattern: "(4) 11/16\" holes", "2 - 13/16 dia holes",
# "4\" sq pattern", "on 3\" centers"
_HOLES = re.compile(
    rf"(?:\(\d{{1,3}}\)|\b\d{{1,3}})\s*(?:[-–x×]\s*)?{NUMBER}\s*(?:\"|”|in\b\.?|mm\b)?\s*"
    r"(?:dia\.?\s*|ø\s*)?(?:thru\s+|through\s+)?holes?\b|"
    rf"\b{NUMBER}\s*(?:\"|”|in\b\.?)?\s*(?:sq(?:uare)?\s+pattern|bolt\s+(?:circle|pattern)|centers|c/c|o\.c\.)",
    re.IGNORECASE,
)
_HOLE_WORDS = ("hole", "pattern", "circle", "center", "c/c", "o.c.")
# copper and brass tempers named by hardness: "1/2 HARD", "quarter hard", "full-hard"
_HARD_TEMPER = re.compile(
    r"(?<![\d/.])(?:1/8|1/4|1/2|3/4|eighth|quarter|half|full|extra|spring)[\s-]*hard\b", re.IGNORECASE
)
_WAS_NOTE = re.compile(r"\(\s*(?:was|previously|formerly|old|prev\.?)\b[^)\n]{0,40}\)", re.IGNORECASE)
_TUBE_STEEL = re.compile(r"\bTS(?=\s?\d+(?:\.\d+)?\s?[xX])")
_DRILL_ROD = re.compile(r"\bdrill\s+rods?\b", re.IGNORECASE)
# "14 ga (.075)", "cal. 16 (1.5 mm)": the gauge again, in inches or millimetres
_GAUGE_DECIMAL = re.compile(
    r"\s*\(\s*(?:0?\.\d{2,4}\s*(?:\"|in\.?)?|\d(?:[.,]\d{1,2})?\s*mm)\s*\)", re.IGNORECASE
)
_DECIMAL_THEN_GAUGE = re.compile(r"(?<![\d.])0?\.\d{2,4}\s*(?:\"|in\.?)?\s*\(\s*$")
_MARK_ABBREVIATIONS = frozenset({"pl", "plt", "fb", "fl", "flt", "rd", "sq"})
# A cut list's designation with its size glued on: "PL1/2X96", "FB3/8X4", "HSS6X6X3/8"
_GLUED_SHAPE = re.compile(rf"\b({'|'.join(GLUED_SHAPES)})(?=\d)", re.IGNORECASE)
_GLUED_FORMS = {
    "PL": "plate", "FB": "bar_rectangular", "FL": "bar_rectangular", "FLT": "bar_rectangular",
    "HSS": "tube_square", "SHS": "tube_square", "RHS": "tube_rectangular", "CHS": "tube_round",
    "RD": "bar_round", "SQ": "bar_square", "HEX": "bar_hex",
}  # fmt: skip

# An ERP's "BAR, HEX" or "TUBE - SQ": a generic form word, then the word that says which
_GENERIC_FORM = re.compile(r"bars?|rods?|bar\s+stock|tub(?:e|es|ing)|tubos?|tubi|rohre?", re.IGNORECASE)
_QUALIFIER = re.compile(
    r"[ \t]*[,/-]?[ \t]*(?:(?P<hex>hex(?:agon(?:al)?)?)|(?P<flat>flat|flt|fl)|(?P<square>sq(?:uare|\.)?)|"
    r"(?P<rect>rect(?:angular|\.)?|rectangular|rettangolare)|(?P<round>round|rd\.?|redondo|tondo)|"
    r"(?P<square2>cuadrado|quadro|quadrato|carr[ée]))\b",
    re.IGNORECASE,
)
_QUALIFIED = {
    "bar": {
        "hex": "bar_hex",
        "flat": "bar_rectangular",
        "square": "bar_square",
        "square2": "bar_square",
        "rect": "bar_rectangular",
    },
    "tube": {
        "square": "tube_square",
        "square2": "tube_square",
        "rect": "tube_rectangular",
        "round": "tube_round",
    },
}


def _spelled_out(form: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """The form a later word spells out over an abbreviation used as a mark: "KICK PL  1/4 x 4 flat
    bar" is flat bar, the "PL" names the piece's place; so does a form word right after another
    ("TOE PLATE  FLAT BAR 1/4 x 4": the toe plate is cut from flat bar) — a form named in two words,
    not a qualifier ("tube rond" is a round tube)."""
    name, start, end = form
    later = first_match(text[end:], FORM_WORDS)
    if later is None or later[0] == name:
        return form
    named = " " in text[end + later[1] : end + later[2]].strip()
    if text[start:end].lower() not in _MARK_ABBREVIATIONS and (
        text[end : end + later[1]].strip() or not named
    ):
        return form
    spelled = text[end + later[1] : end + later[2]]
    if spelled.lower() in _MARK_ABBREVIATIONS or _GENERIC_FORM.fullmatch(spelled):
        return form
    return later[0], end + later[1], end + later[2]


_BARE_BAR = re.compile(r"bars?|bar\s+stock", re.IGNORECASE)
_INCH_MARK = r"(?:\"|”|in\b\.?)"
# a size chain right after the word: "1/8 x 1 x 12'", "1/4 x 2", "1 x 12' long"
_BAR_SIZES = re.compile(  # (past a note in brackets: "Copper bar, C101 (OFHC), 1\" x 4\" x 12\" long")
    rf"[\s:,-]*(?:\([^)\n]{{0,15}}\)[\s:,-]*)?(?P<a>{NUMBER})(?![\d/.])\s*{_INCH_MARK}?\s*[x×]\s*(?P<b>{NUMBER})(?![\d/.])\s*(?P<mark>{_INCH_MARK})?"
    rf"(?:\s*[x×]\s*(?P<c>{NUMBER})(?![\d/.]))?(?P<after>\s*[^\s\d]*)",
    re.IGNORECASE,
)
# … or right before it, perhaps past a material word: "C110 1/4\" x 2\" bar", "1/8 x 1 copper bar"
_SIZES_BEFORE_BAR = re.compile(
    rf"(?<![\d/.])(?P<a>{NUMBER})\s*{_INCH_MARK}?\s*[x×]\s*(?P<b>{NUMBER})(?![\d/.])\s*(?P<mark>{_INCH_MARK})?"
    rf"(?:\s*[x×]\s*(?P<c>{NUMBER})(?![\d/.]))?(?P<after>)\s+(?:[A-Za-z]+\s+)?$",
    re.IGNORECASE,
)
_FEET_LATER = re.compile(r"(?<![\d./])\d{1,2}\s*(?:'|’|ft\b|feet|foot)", re.IGNORECASE)
_LENGTH_AFTER = re.compile(r"\s*(?:'|’|ft|feet|foot|long|lg|lengths?|mm)", re.IGNORECASE)


def _flat_by_its_sizes(form: tuple[str, int, int], text: str) -> str | None:
    """A bare "bar" read as round, sized by a thickness, a width and a length ("bar 1/8 x 1 x
    12'"): a flat bar, "sure"; by two sizes that may be a width ("bar 1/4 x 2", "1/4 x 2 bar"),
    "guessed"; "1018 bar 1 x 12'" and "bar 2 x 36"" are round, a diameter and a length (``None``)
    — unless a length in feet is said apart."""
    name, start, end = form
    if name != "bar_round" or not _BARE_BAR.fullmatch(text[start:end].strip()):
        return None
    sizes = _BAR_SIZES.match(text, end) or _SIZES_BEFORE_BAR.search(text, max(0, start - 40), start)
    if sizes is None:
        return None
    thickness, width = parse_number(sizes["a"]) or 0.0, parse_number(sizes["b"]) or 0.0
    if sizes["c"] is not None:
        return "sure" if 0 < thickness <= width else None
    written_as_length = sizes["mark"] is not None or _LENGTH_AFTER.match(sizes["after"])
    # "Copper bar, C101, 3/8\" x 3\", two 12' pieces": its length said apart, the 3" is a width
    after = max(sizes.end(), end)
    length_apart = _FEET_LATER.search(text, after, after + 40) is not None
    if written_as_length and not length_apart:
        return None
    return "guessed" if 0 < thickness < width <= FLAT_BAR_MAX_WIDTH else None


_SHAPE_WORD = re.compile(r"sq(?:uare|\.)?|rd\.?|round|rect(?:angular|\.)?", re.IGNORECASE)
_TUBE_OF_SHAPE = {
    "bar_square": "tube_square",
    "bar_round": "tube_round",
    "bar_rectangular": "tube_rectangular",
}


def _shape_of_tube(form: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """A shape said first and the tube later: "1.5″ sq. × .125″ wall 6063-T52 tube" is square tube,
    not square bar."""
    name, start, end = form
    if name not in _TUBE_OF_SHAPE or not _SHAPE_WORD.fullmatch(text[start:end].strip()):
        return form
    later = first_match(text[end:], FORM_WORDS)
    if later is None or not _GENERIC_FORM.fullmatch(text[end + later[1] : end + later[2]]):
        return form
    if not later[0].startswith("tube"):
        return form
    return _TUBE_OF_SHAPE[name], start, end + later[2]


_CLAUSE_END = re.compile(r"[;!?\n]|\.(?!\d)")
_COUNT_NOUN_REACH = 60  # "4 sheets 5086-H116 3/16" x 48" x 96" plate"


def _past_count(form: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """The form named after a count noun: "4 sheets 5086 plate" are plates, "6 bars 303 hex" hex."""
    _, start, end = form
    if " " in text[start:end].strip():
        return form  # "12 flat bars S235JR …, bars of 6 m": a form of its own, not a count noun
    count = count_before(text, start)
    plural = text[start:end].lower().endswith("s")
    if count is None or not (plural or count == 1):  # "one sheet of … plate" names one
        return form  # "4 sheets" counts; "00030 TUBE SQ" is a line number, then the form
    # in the same clause: "1 sheet 10ga … let me know if u cant do the angle" is a sheet
    clause = _CLAUSE_END.search(text, end, end + _COUNT_NOUN_REACH)
    later = first_match(text[end : clause.start() if clause else end + _COUNT_NOUN_REACH], FORM_WORDS)
    if later is None:
        return form
    return later[0], end + later[1], end + later[2]


def _qualified(form: tuple[str, int, int], text: str) -> tuple[str, int, int]:
    """The form a generic word and its qualifier name together ("BAR, HEX" is a hex bar), or that
    a later, more specific word names ("Bar: 2 x 1/4 flat bar")."""
    name, start, end = form
    if not _GENERIC_FORM.fullmatch(text[start:end]):
        return form
    kind = "tube" if name.startswith("tube") else "bar"
    qualifier = _QUALIFIER.match(text, end)
    if qualifier is not None and (qualified := _QUALIFIED[kind].get(qualifier.lastgroup or "")):
        return qualified, start, qualifier.end()
    later = first_match(text[end:], FORM_WORDS)
    if later is not None and later[0].startswith(kind):
        name, at, until = later
        if not _GENERIC_FORM.fullmatch(text[end + at : end + until]):
            return name, end + at, end + until
    return form


_TALK_BEFORE = 40  # characters
_PURPOSE = re.compile(r"\bfor\b", re.IGNORECASE)
_SIZES_AFTER = re.compile(r"\d\s*[\"”]?\s*[x×]\s*\.?\d")


def _non_catalog(words: Words, block: Block, offset: int, text: str) -> bool:
    """A product no metals catalog carries (screws, bearings, forged rings).

    A bold title ("**Reinforcement Brackets**") names what the customer makes from the metal
    listed under it, so it does not count; nor does a word after the form that says what the
    metal is for ("… 3/16 angle 20' for the frame the liners bolt to"), or one after the form and
    its sizes ("PL 1/4 x 4 x 4 spring hanger tabs").
    """
    title = (block.title[0] - offset, block.title[1] - offset) if block.title else (0, 0)
    # a word well before the form the item names is the talk around it ("this is Carl from Bayou
    # Pump and Valve, I need the following four pieces of 304 round bar")
    before = words.form[1] - _TALK_BEFORE if words.form else -1
    purpose = _PURPOSE.search(text, words.form[2]) if words.form else None
    after = purpose.start() if purpose else len(text)
    # … or a word after the form and its sizes: "PL 1/4 x 4 x 4 A36 spring hanger tabs  6 pcs"
    sized = _SIZES_AFTER.search(text, words.form[2], after) if words.form else None
    after = sized.end() if sized else after
    if any(
        not (title[0] <= start < title[1]) and before <= start < after for _, start, _ in words.non_catalog
    ):
        return True
    return words.non_catalog_form is not None and words.form is None


_COILED = frozenset({"wire", "foil"})  # sold off the coil: by the foot or the pound, not in lengths


def _read_sizes_and_quantity(
    item: LineItem,
    raw: str,
    mask: _Mask,
    fields: tuple[Field, ...],
    sized: Sized,
    offset: int,
    counted: bool,
    metric: bool,
) -> bool:
    for start, end in conversion_repeats(mask.text):
        mask.hide(start, end)
    tolerances = find_tolerances(mask.text)
    for tolerance in tolerances:
        mask.hide(tolerance.start, tolerance.end)
    named = item.form == "tube_round" and bool(item.grade and pipe.PIPE_GRADE.fullmatch(item.grade))
    found_pipe = pipe.find_pipe(mask.text, named) or pipe.pipe_in_cells(mask.text, fields)
    if found_pipe is not None:
        # the size the customer wrote ("2\" SCH 40") beside the outside diameter the catalog lists
        sized.put("nominal_size", found_pipe.nominal_size, found_pipe.spans[-1])
        sized.put("outer_diameter", found_pipe.outer_diameter, found_pipe.spans[-1])
        sized.put("wall_thickness", found_pipe.wall, found_pipe.spans[0])
        item.form = item.form or "tube_round"
        for span in found_pipe.spans:
            mask.hide(*span)
    gauge = find_gauge(mask.text)
    if gauge is not None:
        inches = gauge_inches(int(gauge["n"] or gauge["m"]), item.material, item.form)
        if _DECIMAL_THEN_GAUGE.search(mask.text, 0, gauge.start()):
            inches = None  # ".048 (18 GA)": the gauge of the thickness written, not another size
        if inches is not None:
            name = {"wire": "diameter"}.get(item.form or "", "thickness")
            name = "wall_thickness" if (item.form or "").startswith("tube") else name  # 14 ga tube: its wall
            sized.put(name, inches, (gauge.start(), gauge.end()))
            item.form = item.form or "sheet"
        mask.hide(gauge.start(), gauge.end())
        if decimal := _GAUGE_DECIMAL.match(mask.text, gauge.end()):
            mask.hide(decimal.start(), decimal.end())
    quantity = find_quantity(mask.text, fields, columns_only=counted)
    if quantity is not None:
        item.quantity, item.uom = in_sold_units(quantity.value, quantity.uom)
        if item.uom != quantity.uom:  # "40 m" as 131.23 FT: the desk sees the conversion, asked
            item.flags.append("unit_not_sold")
        item.evidence["quantity"] = _span(quantity.start, quantity.end, offset)
        if quantity.high is not None:
            item.quantity_range = (quantity.value, quantity.high)
            item.flags.append("quantity_range")
        if quantity.approximate:
            item.flags.append("approximate_quantity")
        # a table's quantity and unit cells sit between the wrapped halves of its description
        # ("PLATE 0.500 X 48.000 X   2  EA" / "96.000"): blanked, not a barrier the size stops at
        in_cell = any(f.label in _COUNT_CELLS and f.start <= quantity.start < f.end for f in fields)
        mask.hide(quantity.start, quantity.end, barrier=not in_cell)
    for field in fields:
        if field.label in _COUNT_CELLS and not holds_size(raw[field.start : field.end]):
            mask.hide(field.start, field.end)
    _feet_and_inches(mask, fields, sized)
    # "2 rd ...... (4) @ 11\"": counted elsewhere, the 2 is the bar's size (not in a table's row,
    # whose first number may be its line's)
    measured = measure(mask.text, fields, metric, counted=quantity is not None and not fields)
    if item.form is None:
        kept = [value for value in measured if not (value.alternate or value.bare)]
        labels = {value.label for value in kept if value.label}
        item.form = infer_form(labels, [value.inches for value in kept], bool(_IN_LENGTHS.search(mask.text)))
        if item.form in _FLAT and (item.grade or "").upper() in _HOLLOW_ONLY and len(kept) >= 3:
            # "4 x 4 x 3/16 … A500": a spec made only in hollow sections names a tube, not a plate
            square = abs(kept[0].inches - kept[1].inches) < 1e-6
            item.form = "tube_square" if square else "tube_rectangular"
        if item.form is not None:  # the sizes it was inferred from are its evidence
            item.flags.append("form_inferred")
            item.evidence["form"] = _span(kept[0].start, kept[-1].end, offset)
    if item.form in ("tube_square", "tube_round") and "form" in item.evidence:
        walled = "wall_thickness" in sized.dimensions  # by gauge: "HSS 4 x 2 x 11 ga"
        item.form = _hollow_section(
            mask.text[item.evidence["form"].start - offset :], measured, item.form, walled
        )
    if item.form == "bar_square" and _walled_square(item, mask.text, measured, offset):
        item.form = "tube_square"
    sized = assign(item.form, measured, sized)
    item.dimensions = sized.dimensions
    item.evidence |= {name: _span(*span, offset) for name, span in sized.spans.items()}
    if quantity is None and item.form in _COILED and _in_feet(measured, sized.spans.get("length")):
        # "316 foil .005 x 12 wide -- 100 ft": a coil is sold by the foot, its length is how much
        item.quantity, item.uom = round(item.dimensions.pop("length") / 12, 3), "FT"
        item.evidence["quantity"] = item.evidence.pop("length")
    _attach_tolerances(item, sized, measured, tolerances, mask.text, offset)
    for name, inches, (start, end) in sized.alternates:
        text = " ".join(mask.text[start:end].split())
        item.alternates.append(Alternate(text, dimensions={name: inches}, span=_span(start, end, offset)))
        if "alternates_offered" not in item.flags:
            item.flags.append("alternates_offered")
    return item.quantity is not None


_SQUARE_ALONE = re.compile(r"sq(?:uare|\.)?", re.IGNORECASE)


def _walled_square(item: LineItem, text: str, measured: list[Measured], offset: int) -> bool:
    """ "2x2x3/16 square": a side twice and a wall, under the word "square" alone, is square tube
    (a square bar has one side; its wall would be lost)."""
    word = item.evidence.get("form")
    if word is None or not _SQUARE_ALONE.fullmatch(text[word.start - offset : word.end - offset].strip()):
        return False
    sizes = _cross_section(measured)
    return len(sizes) >= 3 and abs(sizes[0] - sizes[1]) < 1e-6 and sizes[2] < sizes[0] and sizes[2] <= 0.75


def _in_feet(measured: list[Measured], span: tuple[int, int] | None) -> bool:
    """Whether the size written at ``span`` was written in feet ("100 ft", not a bare "24")."""
    return any((value.start, value.end) == span and value.unit in FOOT_UNITS for value in measured)


_PLAIN_TUBE = re.compile(r"tub(?:e|es|ing)\b", re.IGNORECASE)


def _hollow_section(written: str, measured: list[Measured], form: str, walled: bool = False) -> str:
    """An "HSS" (or "TS", its old name, or Mexico's "PTR") or a plain "tube" by its sizes: 4 x 4 x
    1/4 square, 6 x 4 x 1/4 rectangular, 4.5 x .237 round, 4 x 2 with its wall by gauge (``walled``)
    rectangular; a named square or round tube stays as named."""
    if form == "tube_square" and written[:3].lower() not in ("hss", "ptr") and not _TUBE_STEEL.match(written):
        section = _cross_section(measured)
        # "koker 60x40x3", "square tube 6 x 4 x 1/4": two sides and a wall, the sides unequal
        sides_and_wall = len(section) >= 3 and section[2] < min(section[:2]) / 2
        unequal = abs(section[0] - section[1]) > 0.01 * max(section[:2]) if sides_and_wall else False
        return "tube_rectangular" if unequal else form
    if form == "tube_round" and not _PLAIN_TUBE.match(written):
        return form  # "round tube", "pipe", "DOM"
    section = _cross_section(measured)
    if walled and len(section) == 2:
        return "tube_square" if section[0] == section[1] else "tube_rectangular"
    if len(section) < 3:
        return "tube_round" if form == "tube_round" or len(section) == 2 else "tube_square"
    return "tube_rectangular" if section[0] != section[1] else "tube_square"


def _cross_section(measured: list[Measured]) -> list[float]:
    """The sizes written for a section, in order: unlabelled or a wall ("4 x 4 x 1/4 wall"), not a
    length in inches."""
    return [
        value.inches
        for value in measured
        if not (value.alternate or value.bare)
        and value.label in (None, "wall_thickness")
        and value.inches < 48
    ]


def _attach_tolerances(
    item: LineItem, sized: Sized, measured: list[Measured], tolerances: list[Written], text: str, offset: int
) -> None:
    """Each tolerance belongs to the size written just before it on the same line."""
    names: dict[tuple[int, int], str] = {}
    for name, span in sized.spans.items():
        names.setdefault(span, name)  # a derived size (wall from OD/ID) shares its source's span
    for tolerance in tolerances:
        line_start = text.rfind("\n", 0, tolerance.start) + 1
        before = [
            v for v in measured if line_start <= v.start and v.end <= tolerance.start and not v.alternate
        ]
        name = names.get((before[-1].start, before[-1].end)) if before else None
        if name is None or name in item.tolerances:
            continue
        plus, minus = tolerance.in_inches(before[-1].unit)
        item.tolerances[name] = Tolerance(plus, minus)
        item.evidence[f"tolerance.{name}"] = _span(tolerance.start, tolerance.end, offset)


def _add_alternate(item: LineItem, raw: str, start: int, end: int, offset: int) -> None:
    """An alternate clause ("if not available, 4340") as a structured alternate, when it names one."""
    clause = raw[start:end]
    hits = [hit for hit in find_grades(clause) if hit.grade != item.grade]
    form = first_match(clause, FORM_WORDS)
    if not hits and form is None:
        return
    hit = hits[0] if hits else None
    item.alternates.append(
        Alternate(
            " ".join(clause.strip("() ").split()),
            grade=hit.grade if hit else None,
            material=hit.family if hit else None,
            form=form[0] if form else None,
            span=_span(start, end, offset),
        )
    )
    if "alternates_offered" not in item.flags:
        item.flags.append("alternates_offered")


def _flag(item: LineItem, non_catalog: bool) -> None:
    if item.revisions:
        item.flags.append("revised_in_thread")
    if non_catalog:
        item.flags.append("not_catalog_product")
    if item.quantity is None:
        item.flags.append("missing_quantity")
    elif item.uom not in UOMS and "unit_not_sold" not in item.flags:
        item.flags.append("unit_not_sold")  # "LB": priced by the part's weight, a person confirms
    flag_implausible(item)
    if non_catalog:
        return
    if item.grade is not None and not in_catalog(item.grade):
        item.flags.append("grade_not_in_catalog")
    if item.grade is None:
        item.flags.append("missing_grade")
    if item.form is None:
        item.flags.append("missing_form")
    elif not _sectioned(item):
        item.flags.append("missing_dimensions")


# a size that names the section beside a form's first dimension: a pipe's nominal size
_SECTION_TOO = {"tube_round": ("nominal_size", "diameter"), "bar_round": ("outer_diameter",)}


def _sectioned(item: LineItem) -> bool:
    """Whether the item gives its form's section, not only a length ("4140 round bar, 3 ft long"
    names no diameter: the part is a guess)."""
    order = SECTION_ORDER.get(item.form or "")
    if not order:
        return bool(item.dimensions)
    return any(name in item.dimensions for name in (order[0], *_SECTION_TOO.get(item.form or "", ())))
