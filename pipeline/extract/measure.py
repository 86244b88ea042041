"""Find the sizes written for one item, and what each one measures.

A number counts as a size only when it has a unit, a label (``thick``, ``OD``, ``Ø``, ``Length:``…),
is a fraction (``11/16``), sits in an ``A x B x C`` chain (words may stand between: ``1 5052 plate x
4' x 8'``) or in a size field, so grades (304), specs (AMS 4928) and quantities are not mistaken for
sizes. Any other plausible number is kept as *bare*: ``assign`` uses it only for a section size
nothing else gave (``6061 plate 6, cut to 12 x 24``, ``1045 sheet, 0.09``). A converted repeat —
``25.4mm (exactly 1.000")`` — is one size, not two; a value offered instead of the one before it
(``1/4" or 6mm``, ``48" min, 60" preferred``) is kept as an alternate of that size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.extract.blocks import Field
from pipeline.units import UNIT_TO_INCHES, Length, find_lengths, to_inches

_LABEL_AFTER = (
    ("thickness", r"(?:thick(?:ness)?|thk|gauge)\b"),
    ("outer_diameter", r"(?:OD|O\.D\.|outside\s+dia(?:meter)?)\b"),
    ("inner_diameter", r"(?:ID|I\.D\.|inside\s+dia(?:meter)?|bore)\b"),
    ("diameter", r"(?:dia(?:meter)?\.?|diam\.?|Ø|⌀)(?!\w)"),
    ("diameter_if_unit", r"(?:round|rd)\b"),  # '2" round' is a diameter; "1 round bar" is a count
    ("wall_thickness", r"(?:wall|wt)\b|(?<=\d)(?-i:W)\b|(?<=\.\d\d)w\b|(?<=\.\d\d\d)w\b"),  # ".120W", ".095w"
    ("across_flats", r"(?:hex|across\s+flats|A/F|AF)\b"),
    # (not the French label of the size after it: "40 x 3 mm long. 6000")
    ("length", r"(?:long(?!\.\s*\d)|length|lg|lengths|lengths?\s+each)\b"),
    ("width", r"(?:wide|width)\b"),
    ("height", r"(?:high|height|tall|deep)\b"),
    ("side", r"(?:sq(?:uare)?)\b"),
    ("leg", r"(?:legs?)\b"),
)
_CHAINED = re.compile(r"[x×X*]\s*$")
_AFTER = re.compile(
    r"\s*(?:" + "|".join(f"(?P<{name}>{regex})" for name, regex in _LABEL_AFTER) + ")", re.IGNORECASE
)
# Labels written before a size ("Wall: .065", "thickness was either 1/4"), longest first so that
# "wall thickness" is not read as "thickness"; filler words may stand between label and size.
_LABEL_BEFORE = sorted(
    (
        (phrase, name)
        for name, phrases in (
            ("wall_thickness", ("wall thickness", "wall")),
            (
                "thickness",
                ("thickness", "thick", "thk", "sp.", "ép.", "esp."),
            ),  # spessore, épaisseur, espesor
            ("outer_diameter", ("od", "o.d.", "outside diameter", "outer diameter")),
            ("inner_diameter", ("id", "i.d.", "inside diameter", "inner diameter", "bore")),
            ("diameter", ("diameter", "dia", "dia.", "ø", "⌀")),
            ("across_flats", ("across flats", "hex", "sw", "a/f", "af")),  # SW: German Schlüsselweite
            ("length", ("length", "long", "lengths of", "length of")),
            ("piece", ("cut to", "cut", "cut at", "cut into", "cut in")),
            (
                "",
                ("saw cut", "plasma cut", "laser cut", "waterjet cut", "flame cut", "torch cut"),
            ),  # finishes
            ("width", ("width", "wide")),
            ("height", ("height", "depth")),
            ("leg", ("legs", "leg")),
        )
        for phrase in phrases
    ),
    key=lambda entry: -len(entry[0]),
)


def _by_last_character(labels: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """The labels filed by their last character, in order: a text is checked only against those
    it can end with (a handful, not forty)."""
    filed: dict[str, list[tuple[str, str]]] = {}
    for phrase, name in labels:
        filed.setdefault(phrase[-1], []).append((phrase, name))
    return filed


_LABEL_BEFORE_BY_LAST = _by_last_character(_LABEL_BEFORE)
_FILLERS = frozenset(
    {"is", "was", "of", "about", "approx", "approx.", "approximately", "roughly", "around", "nominal"}
    | {"either", "maybe", "probably", "at"}
)
_SPACES = re.compile(r"\s+")
# "A x B", also with a label or a few words between ("1.000 dia x 144", '2" OD x .065 wall',
# "1 5052-O aluminum plt x 4' x 8'" once the grade is masked, "0.018 SS sheet 2B x 60x144")
_TIMES = re.compile(
    r"^\s*(?:(?:[A-Za-z#][\w.&/#-]{0,11}|\d[A-Za-z]{1,2})\s+){0,5}[x×X*]\s*$|^\s*[A-Za-z.]{1,10}[x×X*]\s*$"
)
MAX_PLAUSIBLE_INCHES = 120.0  # a bare 1000 after "2 mm x" is millimetres, not 83 feet of inches
_METRIC = frozenset(unit for unit in UNIT_TO_INCHES if unit.startswith(("m", "cm")))
_METRES = frozenset(unit for unit in _METRIC if unit != "mm" and not unit.startswith("mill"))
_ALTERNATIVE_BEFORE = re.compile(
    r"(?:\bor|\bmaybe|\bpossibly|\bperhaps|\bpreferably|\bprefer(?:red)?|\bideally|\bcould\s+be)\s*$", re.I
)
_ALTERNATIVE_AFTER = re.compile(
    r"^\s*(?:preferred|if\s+(?:available|possible)|ideally|would\s+be\s+better)\b", re.I
)
_PAREN = re.compile(r"\(([^()]*)\)")
_SIZE_FIELDS = frozenset({"size", "sizes", "dimensions", "dimension", "cross section", "section", "dims"})

DIMENSION_LABELS: dict[str, str] = {
    "thickness": "thickness", "thk": "thickness", "gauge": "thickness", "width": "width",
    "length": "length", "cut length": "length", "length each": "length", "diameter": "diameter",
    "dia": "diameter", "od": "outer_diameter", "o.d.": "outer_diameter", "outside diameter": "outer_diameter",
    "outer diameter": "outer_diameter", "id": "inner_diameter", "i.d.": "inner_diameter",
    "inside diameter": "inner_diameter", "inner diameter": "inner_diameter", "wall": "wall_thickness",
    "wall thickness": "wall_thickness", "across flats": "across_flats", "hex": "across_flats",
    "height": "height", "leg": "leg", "legs": "leg", "side": "side",
}  # fmt: skip


@dataclass(frozen=True)
class Measured:
    """A size: inches, what it measures (``None``: by position), and where it was written."""

    inches: float
    label: str | None
    start: int  # within the item's text
    end: int
    unit: str | None
    alternate: bool = False  # offered instead of the size before it
    bare: bool = False  # no unit, label or chain: a size only where nothing else gives one
    decimal: bool = False  # written with a decimal point ("6.000"): inches as measured, never feet


# Words before a bare number that make it something else than a size ("job 4471", "AMS 4928").
_NOT_SIZE_BEFORE = re.compile(
    r"(?:\b(?:job|po|p/o|no|nos|number|item|line|rev|dwg|drawing|quote|ref|part|order|invoice|project|acct|"
    r"account|tag|lot|heat|spec|ams|astm|mil|din|iso|en|bs|uns|aisi|sae|hrc|rc|grade|gr|type|class)\.?|[$#@:])"
    r"\s*$|\d-$",  # "EN 10217-7", "job 24-1187": the tail of a code
    re.IGNORECASE,
)
_NOT_SIZE_AFTER = re.compile(
    r"\s*(?:%|°|lbs?\b|kg\b|psi|ksi|hrc|hrb|rc\b|rms|ra\b|days?|weeks?|months?|years?|yrs|hours?|hrs|"
    r"minutes?|mins?|am\b|pm\b|employees|people|men|trucks?|:\d|/\d|-\d)",
    re.I,
)
_LIST_MARKER = re.compile(r"^[\s>*•-]*$")  # "1. Stainless steel 304 sheet": the item's number
MAX_BARE_INCHES = 48.0
_SIZE_FRACTION = re.compile(r"(?:\d+[ -])?\d+/(?:2|4|8|16|32|64)")  # 11/16, 1-1/2: a size, never a count
_FRACTION = re.compile(r"(?:\d+[ -])?\d+/\d+")
_HARDNESS_AFTER = re.compile(r"\s*(?:H?RC|HRB|HB|BHN)\b", re.IGNORECASE)


def _no_size_fraction(text: str, length: Length) -> bool:
    """A unitless fraction no ruler has ("SHIP 10/11", a date) or a hardness range ("28/32 RC")."""
    written = text[length.start : length.end]
    if length.unit is not None or not _FRACTION.fullmatch(written):
        return False
    return not _SIZE_FRACTION.fullmatch(written) or _HARDNESS_AFTER.match(text, length.end) is not None


def _bare(text: str, length: Length) -> bool:
    """A number with nothing saying it is a size that still may be one (see the module docstring)."""
    line_start = text.rfind("\n", 0, length.start) + 1
    if text[length.end : length.end + 1] in (".", ")") and _LIST_MARKER.match(
        text[line_start : length.start]
    ):
        return False
    return (
        length.inches <= MAX_BARE_INCHES
        and _NOT_SIZE_BEFORE.search(text, max(0, length.start - 12), length.start) is None
        and _NOT_SIZE_AFTER.match(text, length.end) is None
    )


def _label_before(window: str) -> str | None:
    """The label a size's preceding text ends with ("OD:", "wall thickness around"), if any."""
    words = _SPACES.sub(" ", window.lower()).rstrip(" :=")
    for _ in range(4):  # a few filler words may stand between the label and the size
        for phrase, name in _LABEL_BEFORE_BY_LAST.get(words[-1:], ()):
            if words.endswith(phrase) and (
                len(words) == len(phrase) or not words[-len(phrase) - 1].isalnum()
            ):
                return name or None
        head, _, last = words.rpartition(" ")
        if last not in _FILLERS:
            return None
        words = head.rstrip(" :=")
    return None


# a number, then a label that follows what it measures, then only the size being read
_SPENT_LABEL = re.compile(
    r"\d[\d/.\"”']*\s*(?:thick|thk|wall|wide|long|dia|od|o\.d\.|id|i\.d\.)\.?[\s,]*$", re.IGNORECASE
)


def _label(text: str, length: Length, counted: bool = False) -> str | None:
    """What a size measures, from the word after it ('2" OD') or the label before it ("Wall: ");
    ``counted``: the item's count is read elsewhere, so "2 rd" is a diameter, not two rounds."""
    after = _AFTER.match(text, length.end, length.end + 24)
    if after is not None and "\n" in after[0] and _NEXT_LABEL.match(text, after.end()):
        after = None  # "6" over "Length: 12": the next field's label, not a word said of the 6
    if after is not None and after.lastgroup is not None:
        if after.lastgroup == "side" and _CHAINED.search(text, max(0, length.start - 4), length.start):
            return None  # "4 x 4 x 1/4 square tube": the last of a chain is the wall, not a side
        if after.lastgroup == "length" and length.unit is None and _COUNTED_LENGTHS.match(after[0]):
            return None  # "3 lengths": a count; "20' lengths", "36\" lengths" are sizes
        if after.lastgroup != "diameter_if_unit":
            return after.lastgroup
        # '2" round' is a diameter; "1 round bar" is a count, unless the count is written elsewhere
        if length.unit is not None or (
            counted and length.inches <= 12 and text[length.start - 1 : length.start] != "-"
        ):
            return "diameter"
    line_start = text.rfind("\n", max(0, length.start - 40), length.start) + 1
    window = text[max(line_start, length.start - 40) : length.start]
    if _LENGTH_IS.search(window):
        return "length"  # "L=6000", "L = 12 m" (not the "L" of an angle, "L 50x50x5")
    if _LONG_ABBREVIATED.search(window) and re.match(r"\d{3,}", text[length.start : length.end]):
        return "length"  # "100 x 20 long. 6000" (French), not "… x 20 long. 6 pcs"
    if _SPENT_LABEL.search(window):
        return None  # "1/16 thick 4 x 10": "thick" was said of the 1/16, after it
    return _label_before(window)


_NEXT_LABEL = re.compile(r"[ \t]*[:：]")
_COUNTED_LENGTHS = re.compile(r"\s*lengths\b(?!\s+each)", re.IGNORECASE)
# "L=6000", "Länge 6000", "longueur: 6000": a length's label, in other languages too
_LENGTH_IS = re.compile(r"(?<![\w.])(?:L\s?=|(?:longueur|länge|lunghezza|largo)\s*[:=]?)\s*$", re.IGNORECASE)
_LONG_ABBREVIATED = re.compile(r"(?<![\w.])long\.\s*$", re.IGNORECASE)


def _field_of(fields: tuple[Field, ...], position: int) -> Field | None:
    return next((field for field in fields if field.start <= position < field.end), None)


def conversion_repeats(text: str) -> list[tuple[int, int]]:
    """Parentheses that only repeat the size before them in other units: ``25.4mm (1.000")``."""
    found = []
    for paren in _PAREN.finditer(text):
        inside = [length for length in find_lengths(paren[1]) if length.unit]
        line_start = text.rfind("\n", 0, paren.start()) + 1
        before = [length.inches for length in find_lengths(text[line_start : paren.start()]) if length.unit]
        if inside and before and any(abs(inside[0].inches - value) <= 0.02 * value for value in before):
            found.append((paren.start(), paren.end()))
    return found


def _in_chain(text: str, lengths: list[Length], index: int) -> bool:
    here = lengths[index]
    if index > 0 and _TIMES.match(text[lengths[index - 1].end : here.start]):
        return True
    return index + 1 < len(lengths) and bool(_TIMES.match(text[here.end : lengths[index + 1].start]))


_MILLIMETRES_THOUSANDS_POINT = re.compile(r"[1-9]\d{0,2}\.000(?![\d.,])")


def _thousands_points(text: str, lengths: list[Length]) -> list[Length]:
    """Millimetres written with Europe's thousands point: "2.000 x 6.000 mm" is 2 m by 6 m (no one
    writes a 2 mm width to the micron)."""
    return [
        replace(length, inches=length.inches * 1000)
        if length.unit == "mm" and _MILLIMETRES_THOUSANDS_POINT.match(text[length.start : length.end].strip())
        else length
        for length in lengths
    ]


def _chain_units(text: str, lengths: list[Length]) -> list[Length]:
    """A metric unit written once for a chain covers it: "1000 x 2000 mm", "2 mm x 1000 x 2000".

    A unit written after a bare number covers it — unless that value is a conversion ("2 x
    50.8mm": 50.8 mm is 2", so the 2 is inches) or the bare value a fraction (3/8 is inches). One
    written before covers it only when the number is too big to be inches ("2 mm x 1000": not
    '25.4mm (1") x 12 x 24', nor "12mm x 96 x 288" — whole feet up to 40 ft stay inches). Inches need
    no such help (a bare number is read as inches), and feet are written per value.
    """
    chains: list[list[int]] = []
    for index in range(len(lengths)):
        joined = index > 0 and _TIMES.match(text[lengths[index - 1].end : lengths[index].start])
        chains[-1].append(index) if joined and chains else chains.append([index])
    resolved = list(lengths)
    for chain in chains:
        units = [lengths[i].unit for i in chain]
        if not any(units) and _millimetres_alone(text, [lengths[i] for i in chain]):
            for i in chain:
                if not _SIZE_FRACTION.fullmatch(text[lengths[i].start : lengths[i].end]):
                    resolved[i] = replace(lengths[i], inches=to_inches(lengths[i].inches, "mm"), unit="mm")
            continue
        if not any(units) or any(unit and unit not in _METRIC for unit in units):
            continue
        for position, i in enumerate(chain):
            if units[position] is not None or _SIZE_FRACTION.fullmatch(
                text[lengths[i].start : lengths[i].end]
            ):
                continue
            after = next((chain[k] for k in range(position, len(chain)) if units[k]), None)
            before = next((chain[k] for k in reversed(range(position)) if units[k]), None)
            unit = None
            # "75 x 75 x 3.0 SHS x 8.0 m": the section in millimetres, the length in metres
            metres = after is not None and lengths[after].unit in _METRES
            # "2 x 50.8mm": the millimetres repeat the 2" — but "25x25x1.2mm" is all millimetres
            repeats = (
                after is not None
                and abs(lengths[i].inches - lengths[after].inches) <= 0.01 * lengths[i].inches
            )
            if after is not None and (metres or not repeats):
                unit = "mm" if metres else lengths[after].unit
            elif before is not None and _too_big_for_inches(lengths[i].inches):
                unit = lengths[before].unit
            if unit:
                resolved[i] = Length(
                    to_inches(lengths[i].inches, unit), unit, lengths[i].start, lengths[i].end
                )
    return resolved


def _millimetres_alone(text: str, chain: list[Length]) -> bool:
    """A chain with no unit written, of two sizes or more, one too big for inches or a diameter no
    bar has in inches ("Ø20 x 100"), in an item with no inch or foot mark: millimetres ("Ø65 x 200",
    "t3 x 1219 x 2438", "48.6 x 3.7 x 6000")."""
    too_big = any(_too_big_for_inches(length.inches) for length in chain)
    diameter = chain[0].inches > 12 and _METRIC_DIAMETER.search(text, 0, chain[0].start) is not None
    return len(chain) > 1 and (too_big or diameter) and not writes_imperial(text)


# an inch or foot mark, a gauge, or a fraction of an inch ("3/8", "4x4x1/4" — not a reference
# "ZAM/118/2025")
_IMPERIAL_MARK = re.compile(
    r"\d\s*(?:\"|”|''|in\b|inch|'|ft\b|feet|foot|ga\b|gauge)"
    r"|(?:(?<![\w/])|(?<=\d[xX]))\d{1,2}/(?:2|4|8|16|32|64)(?![\d/])",
    re.IGNORECASE,
)


def _metric_by_context(text: str, lengths: list[Length], index: int) -> bool:
    """A unitless size of a metric item is millimetres when a metric size follows it or it is too
    big for inches — not the "12 x 24" after '25.4mm (exactly 1.000")'."""
    length = lengths[index]
    if _SIZE_FRACTION.fullmatch(text[length.start : length.end]) or _chained_unit(text, lengths, index):
        return False
    later = any(other.unit in _METRIC for other in lengths[index + 1 :])
    return later or length.inches > MAX_BARE_INCHES or not any(other.unit for other in lengths)


def _chained_unit(text: str, lengths: list[Length], index: int) -> bool:
    """Whether a size in the same "A x B x C" chain has a unit: ``_chain_units`` decided that chain."""
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(lengths):
            a, b = sorted((i, i + step))
            if not _TIMES.match(text[lengths[a].end : lengths[b].start]):
                break
            i += step
            if lengths[i].unit:
                return True
    return False


_DIAMETER_SIGN = "[Øø⌀]"
_METRIC_DIAMETER = re.compile(rf"{_DIAMETER_SIGN}\s*$")
_METRIC_MARK = re.compile(
    rf"\d\s*(?:mm|cm|m|mtrs?|mt|metres?|meters?)\b|{_DIAMETER_SIGN}\s*\d", re.IGNORECASE
)


def writes_imperial(text: str) -> bool:
    """Whether a text writes a size in inches, feet or gauge."""
    return _IMPERIAL_MARK.search(text) is not None


def is_metric(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a message writes its sizes in millimetres or metres and none in inches or feet."""
    written = "\n".join(text[start:end] for start, end in spans)
    return _METRIC_MARK.search(written) is not None and not writes_imperial(written)


def _metric_item(text: str, lengths: list[Length]) -> bool:
    """Whether an item writes its sizes in millimetres or metres and none in inches or feet: then
    its unitless sizes are millimetres too ("flat bar 60 x 10, length 6 m", "RHS 100x50x4 6000 mm")."""
    units = {length.unit for length in lengths if length.unit}
    return bool(units) and units <= _METRIC and not writes_imperial(text)


def _too_big_for_inches(value: float) -> bool:
    """1000 after "2 mm x" is millimetres; 144, 240 or 288 (12, 20, 24 ft) are plate lengths in inches."""
    return value > MAX_PLAUSIBLE_INCHES and (value > 480 or value % 12 != 0)


def _is_alternate(text: str, previous: Measured | None, length: Length) -> bool:
    if previous is None:
        return False
    gap = text[previous.end : length.start]
    if len(gap) <= 30 and not re.search(r"\d", gap) and _ALTERNATIVE_BEFORE.search(gap):
        return True
    return bool(_ALTERNATIVE_AFTER.match(text[length.end : length.end + 30]))


_NUMBERED_SIZE_FIELD = re.compile(r"(?:dimension|dim|size)\s*#?\d")


def _sizes_field(label: str) -> bool:
    """A field holding sizes: a dimension's or a size's, or one naming two dimensions ("Width/
    Wall", "Thk/OD": which, the item's form tells)."""
    if label in DIMENSION_LABELS or label in _SIZE_FIELDS:
        return True
    if _NUMBERED_SIZE_FIELD.fullmatch(label):
        return True  # a web form's "Dimension 1", "Dimension 2"
    return "/" in label and any(part.strip() in DIMENSION_LABELS for part in label.split("/"))


def measure(
    text: str, fields: tuple[Field, ...] = (), metric_message: bool = False, counted: bool = False
) -> list[Measured]:
    """The sizes in ``text`` (masked item text; ``fields`` relative to it), in reading order; in a
    ``metric_message`` unitless sizes are millimetres."""
    lengths = _thousands_points(text, _chain_units(text, find_lengths(text)))
    metric = _metric_item(text, lengths) or (metric_message and not writes_imperial(text))
    found: list[Measured] = []
    labelled_fields: set[Field] = set()
    for index, length in enumerate(lengths):
        field = _field_of(fields, length.start)
        label = _label(text, length, counted)
        in_size_field = field is not None and _sizes_field(field.label)
        if (
            label is None
            and field is not None
            and field.label in DIMENSION_LABELS
            and field not in labelled_fields
        ):
            label = DIMENSION_LABELS[field.label]  # the first value of "Thickness: …" (or a table column)
        if field is not None:
            labelled_fields.add(field)
        unit, inches = length.unit, length.inches
        if unit is None and field is not None and field.unit:
            unit, inches = field.unit, to_inches(length.inches, field.unit)
        if inches <= 0 or _no_size_fraction(text, length):
            continue  # "0 hex" names no size
        bare = (
            unit is None
            and label is None
            and not in_size_field
            and not _in_chain(text, lengths, index)
            and not _SIZE_FRACTION.fullmatch(text[length.start : length.end])
            and text[length.start] != "."  # ".063": a size by how it is written, never a count
        )
        if bare and not _bare(text, length):
            continue
        if metric and unit is None and not bare and _metric_by_context(text, lengths, index):
            unit, inches = "mm", to_inches(length.inches, "mm")
        elif unit is None and _METRIC_DIAMETER.search(text, 0, length.start) and length.inches > 12:
            unit, inches = "mm", to_inches(length.inches, "mm")  # "Ø40": no bar is 40" across
        alternate = not bare and _is_alternate(text, found[-1] if found else None, length)
        decimal = "." in text[length.start : length.end]
        found.append(Measured(inches, label, length.start, length.end, unit, alternate, bare, decimal))
    return _pieces(text, found)


def _pieces(text: str, found: list[Measured]) -> list[Measured]:
    """ "cut to 12 x 24": a piece's width and length; "cut 18 in": its length."""
    for index, value in enumerate(found):
        if value.label != "piece":
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        if following and following.label is None and _TIMES.match(text[value.end : following.start]):
            found[index] = replace(value, label="width")
            found[index + 1] = replace(following, label="length", bare=False)
        else:
            found[index] = replace(value, label="length")
    return found
