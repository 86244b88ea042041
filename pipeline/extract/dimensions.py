"""Name each size of an item for its form (``thickness``, ``outer_diameter``, ``leg1`` …).

Labelled sizes go where their label says; the rest fill the form's section in the order a desk
writes them (``OD x wall x length``, ``leg x leg x thickness``). Flat products put the thinnest
unlabelled value first. When the customer names no form, the sizes decide it (a diameter is a
round bar, OD and wall a tube, thickness and a narrow width a flat bar, else sheet or plate by
thickness). Structural designations (``W8 x 31``, ``C6 x 8.2``, ``L3 x 3 x 1/4``) are read whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.measure import Measured
from pipeline.units import FOOT_UNITS, METRE_UNITS, NUMBER, parse_number, to_inches

SECTION_ORDER: dict[str, tuple[str, ...]] = {
    "sheet": ("thickness", "width", "length"),
    "plate": ("thickness", "width", "length"),
    "foil": ("thickness", "width", "length"),
    "bar_round": ("diameter", "length"),
    "wire": ("diameter", "length"),
    "bar_hex": ("across_flats", "length"),
    "bar_square": ("side", "length"),
    "bar_rectangular": ("thickness", "width", "length"),
    "tube_round": ("outer_diameter", "wall_thickness", "length"),
    "tube_square": ("side", "wall_thickness", "length"),
    "tube_rectangular": ("width", "height", "wall_thickness", "length"),
    "angle": ("leg1", "leg2", "thickness", "length"),
    "channel": ("height", "width", "thickness", "length"),
    "beam_i": ("height", "width", "length"),
}
FLAT_FORMS = frozenset({"sheet", "plate", "foil", "bar_rectangular"})
SHEET_FORMS = frozenset({"sheet", "plate", "foil"})
PLATE_FROM_INCHES = 0.1875  # 3/16": thinner is sheet, thicker is plate
FLAT_BAR_MAX_WIDTH = 12.0
_ALIASES: dict[str, tuple[str, ...]] = {
    "diameter": ("outer_diameter",),
    "outer_diameter": ("diameter",),
    "leg": ("leg1", "leg2"),
    "wall_thickness": ("thickness",),
    "thickness": ("wall_thickness",),
    "width": ("side",),
    "inner_diameter": ("inner_diameter",),
}

_LB_PER_FT_PER_KG_PER_M = 0.671969
# every designation starts so, or names its depth before PFC, UB or UC: one quick look first
# (typed in lower case on a phone, written tight: "w8x31", "c6x8.2", "l2x2x1/4")
_SHAPE_HINT = re.compile(
    r"[WSICLAENBMU]\s?\d|RSA\s?\d|[wcl]\d|\d\s?(?:PFC|UB|UC|EA|UA)\b|\d\s?(?:#|lbs?\s?/\s?ft|plf)"
)
# a channel or beam named by its word, then its depth and weight: "CHANNEL AA 6061-T6 3 X 1.41#/FT"
# (the Aluminum Association's), "I-beam 4 x 7.7 lb/ft"
_BY_WEIGHT = rf"(?<![\w.])(?P<a>{NUMBER})\s*[x×X]\s*(?P<b>{NUMBER})\s*(?:#|lbs?\s?/\s?ft\b|plf\b)"
_BY_WEIGHT_SHAPES = (
    ("channel", re.compile(rf"\b(?:channels?|chan)\b[^\n]{{0,40}}?{_BY_WEIGHT}", re.IGNORECASE)),
    ("beam_i", re.compile(rf"\b(?:i-?beams?|beams?)\b[^\n]{{0,40}}?{_BY_WEIGHT}", re.IGNORECASE)),
)
_SHAPES = (
    ("beam_i", re.compile(rf"\b(?:[WSI]\s?|[ws])(?P<a>{NUMBER})\s*[x×X]\s*(?P<b>{NUMBER})\b")),
    ("channel", re.compile(rf"\b(?:M?C\s?|m?c)(?P<a>{NUMBER})\s*[x×X]\s*(?P<b>{NUMBER})\b")),
    (
        "angle",
        re.compile(
            rf"\b(?:L\s?|ISA\s?|l)(?P<a>{NUMBER})\s*[x×X]\s*(?P<b>{NUMBER})\s*[x×X]\s*(?P<c>{NUMBER})"
        ),
    ),
    # Britain's and Australia's equal and unequal angles, size first: "100x100x10 EA", "75x50x6 UA";
    # or after, in millimetres ("EA 50x50x6", not the "10 EA 2x2x1/4" of a count)
    (
        "angle",
        re.compile(rf"\b(?P<a>{NUMBER})\s*[x×X]\s*(?P<b>{NUMBER})\s*[x×X]\s*(?P<c>{NUMBER})\s?(?:EA|UA)\b"),
    ),
    (
        "angle",
        re.compile(r"\b(?:EA|UA|RSA)\s?(?P<a>\d{2,3})\s*[x×X]\s*(?P<b>\d{2,3})\s*[x×X]\s*(?P<c>\d{1,2})\b"),
    ),
)
# European, British and Indian sections are named by their depth in millimetres: IPE 200, HEA 160,
# HE 200 B, UPN 120, PFC 150, ISMB 200, ISMC 100
_METRIC_SHAPES = (
    (
        "beam_i",
        re.compile(
            r"\b(?:IPE|IPN|HE\s?[ABM]|ISMB|ISJB|ISLB|NPI)\s?(?P<a>\d{2,4})\b|\bHE\s?(?P<b>\d{2,4})\s?[ABM]\b"
            r"|\bH[WMN]\s?(?P<c>\d{3})\s?[x×*]\s?\d{3}\b"  # China's H sections: "HW200x200"
        ),
    ),
    ("channel", re.compile(r"\b(?:UPN|UPE|PFC|ISMC|ISLC|UNP|NPU|U)\s?(?P<a>\d{2,3})\b")),  # NPU: Turkish
    # and, in Britain and Australia, by the depth first: 150PFC, 200UB25.4, 203x133x25 UB
    # "150PFC", "150x75 PFC" (depth, then flange) — but "15 x 100 PFC" is fifteen of the 100PFC
    ("channel", re.compile(r"\b(?P<a>\d{2,3})\s?(?:[x×]\s?(?P<flange>\d{2,3})\s?)?PFC\b")),
    ("beam_i", re.compile(r"\b(?P<a>\d{2,3})\s?[x×]\s?\d{2,3}\s?[x×]\s?\d{2,3}(?:\.\d+)?\s?(?:UB|UC)\b")),
    ("beam_i", re.compile(r"\b(?P<a>\d{2,3})\s?(?:UB|UC)(?:\s?\d{1,3}(?:\.\d)?)?\b")),
)


@dataclass
class Sized:
    """The named sizes of an item, with their spans (relative to the item's text)."""

    dimensions: dict[str, float] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    alternates: list[tuple[str, float, tuple[int, int]]] = field(default_factory=list)

    def put(self, name: str, inches: float, span: tuple[int, int]) -> None:
        self.dimensions[name] = round(inches, 6)
        self.spans[name] = span


def structural_shape(text: str) -> tuple[str, Sized] | None:
    """A designation such as ``W8 x 31`` (depth 8", 31 lb/ft) or ``L3 x 3 x 1/4``."""
    if not _SHAPE_HINT.search(text):
        return None
    for form, regex in _METRIC_SHAPES:
        match = regex.search(text)
        if (
            match
            and "flange" in regex.groupindex
            and match["flange"]
            and int(match["flange"]) > int(match["a"])
        ):
            match = regex.search(text, match.start("flange"))  # a flange is never wider than the depth
        if match:
            sized = Sized()
            depth = float(
                next(match[group] for group in ("a", "b", "c") if group in regex.groupindex and match[group])
            )
            sized.put("height", to_inches(depth, "mm"), (match.start(), match.end()))
            return form, sized
    for form, regex in _BY_WEIGHT_SHAPES:
        if match := regex.search(text):
            sized = Sized()
            span = (match.start("a"), match.end())
            sized.put("height", parse_number(match["a"]) or 0.0, span)
            sized.put("weight_per_foot", parse_number(match["b"]) or 0.0, span)
            return form, sized
    for form, regex in _SHAPES:
        match = regex.search(text)
        if not match:
            continue
        values = [parse_number(match[group]) or 0.0 for group in ("a", "b", "c") if group in regex.groupindex]
        sized = Sized()
        span = (match.start(), match.end())
        if form == "angle":
            metric = values[0] > 12 or values[2] > 1.5  # "L 50x50x5": millimetres
            for name, value in zip(("leg1", "leg2", "thickness"), values, strict=True):
                sized.put(name, to_inches(value, "mm") if metric else value, span)
        elif values[0] > 44:  # "W310x39": the depth in millimetres, the mass in kg/m (no W is 44" deep)
            sized.put("height", to_inches(values[0], "mm"), span)
            sized.put("weight_per_foot", round(values[1] * _LB_PER_FT_PER_KG_PER_M, 1), span)
        else:
            sized.put("height", values[0], span)
            sized.put("weight_per_foot", values[1], span)
        return form, sized
    return None


def _target(label: str | None, names: tuple[str, ...], taken: dict[str, float]) -> str | None:
    if label is None:
        return None
    for candidate in (label, *_ALIASES.get(label, ())):
        if (candidate in names or candidate == "inner_diameter") and candidate not in taken:
            return candidate
    return None


def assign(form: str | None, measured: list[Measured], sized: Sized | None = None) -> Sized:
    """Name each measured value for ``form``; alternates go with the size they stand in for."""
    sized = sized or Sized()
    names = SECTION_ORDER.get(form or "", ("thickness", "width", "length"))
    unlabelled: list[Measured] = []
    names_by_value: dict[int, str] = {}
    last_foot = max((i for i, v in enumerate(measured) if v.unit in FOOT_UNITS and not v.bare), default=-1)
    for index, value in enumerate(measured):
        if value.alternate or value.bare:
            continue
        target = _target(value.label, names, sized.dimensions)
        if (
            target is None
            and (value.unit in FOOT_UNITS or value.unit in METRE_UNITS)
            and "length" in names
            and "length" not in sized.dimensions
            and (form not in FLAT_FORMS or index == last_foot)  # "4' x 8'": width, then length
        ):
            target = "length"  # "12 ft", "20-foot", "6 m": a length whatever else is missing
        if target:
            sized.put(target, value.inches, (value.start, value.end))
            names_by_value[index] = target
        else:
            unlabelled.append(value)
    _fill_by_position(form, names, unlabelled, sized, measured, names_by_value)
    _fill_from_bare(names, measured, sized)
    _sheet_in_feet(form, measured, sized)
    for index, value in enumerate(measured):
        if value.alternate:
            earlier = [names_by_value[i] for i in range(index) if i in names_by_value]
            if earlier:
                sized.alternates.append((earlier[-1], round(value.inches, 6), (value.start, value.end)))
    _derive(form, sized)
    order = {name: index for index, name in enumerate((*names, "inner_diameter", "weight_per_foot"))}
    sized.dimensions = dict(sorted(sized.dimensions.items(), key=lambda item: order.get(item[0], len(order))))
    return sized


_THICKNESSES = frozenset(("thickness", "wall_thickness"))


def _fill_by_position(
    form: str | None,
    names: tuple[str, ...],
    unlabelled: list[Measured],
    sized: Sized,
    measured: list[Measured],
    names_by_value: dict[int, str],
) -> None:
    if (
        form in ("tube_square", "bar_square")
        and len(unlabelled) >= 2
        and abs(unlabelled[0].inches - unlabelled[1].inches) <= 0.01 * unlabelled[1].inches
    ):
        unlabelled = unlabelled[1:]  # "2 x 2 x 1/8 square tube", "1 x 25.4mm": the side written twice
    # sheet and plate: thinnest first, the longer side last. A flat bar keeps the order written
    # (thickness x width x length; the search orders the section), as its cut length may be shorter
    # than its width ("1 x 12, cut 10").
    if form in SHEET_FORMS or form is None:
        unlabelled = sorted(unlabelled, key=lambda value: value.inches)
    derived = {"wall_thickness"} if "inner_diameter" in sized.dimensions else set()  # from OD and ID
    if "weight_per_foot" in sized.dimensions:  # "C12x25 x 240": the designation gave the section
        derived |= set(names) - {"length"}
    for value in unlabelled:
        # a size in feet is never a thickness ("1 5052 plate x 4' x 8'")
        skip = derived | (_THICKNESSES if value.unit in FOOT_UNITS else set())
        target = next((name for name in names if name not in sized.dimensions and name not in skip), None)
        if target is None:
            break
        sized.put(target, value.inches, (value.start, value.end))
        names_by_value[measured.index(value)] = target
    dims = sized.dimensions
    if (form in SHEET_FORMS or form is None) and dims.get("width", 0) > dims.get("length", float("inf")):
        _swap(sized, "width", "length")
    if form == "bar_rectangular" and dims.get("thickness", 0) > dims.get("width", float("inf")):
        _swap(sized, "thickness", "width")  # "FL 80 x 10": a flat bar's thickness is its smaller side
    if form == "angle" and "thickness" not in dims and 0 < dims.get("leg2", 0) <= dims.get("leg1", 0) / 4:
        # "abas iguais 2" x 3/16"", "equal angle 50 x 5": one leg and the thickness of an equal angle
        sized.put("thickness", dims.pop("leg2"), sized.spans.pop("leg2"))
        sized.put("leg2", dims["leg1"], sized.spans["leg1"])


def _swap(sized: Sized, one: str, other: str) -> None:
    dims, spans = sized.dimensions, sized.spans
    dims[one], dims[other] = dims[other], dims[one]
    if one in spans and other in spans:
        spans[one], spans[other] = spans[other], spans[one]


# The sheet and plate sizes a desk says in feet without a mark: "4x8", "5 x 10" (never 4" x 8").
SHEET_SIZES_IN_FEET = frozenset(((3, 8), (3, 10), (4, 8), (4, 10), (4, 12), (5, 10), (5, 12), (6, 12)))


def _sheet_in_feet(form: str | None, measured: list[Measured], sized: Sized) -> None:
    """A sheet or plate "4 x 8" written without units is 48" x 96"; "4 x 8 ft" too."""
    dims = sized.dimensions
    if form not in ("sheet", "plate") or "width" not in dims or "length" not in dims:
        return
    written = {(value.start, value.end): value for value in measured}
    width, length = (written.get(sized.spans[name]) for name in ("width", "length"))
    if width is None or length is None or width.unit is not None or width.label is not None:
        return
    if width.decimal or length.decimal:
        return  # "1.000 X 6.000 X 12.000": a drawing's inches
    if length.unit in FOOT_UNITS and (dims["width"], dims["length"] / 12) in SHEET_SIZES_IN_FEET:
        dims["width"] *= 12  # "4 x 8 ft": the foot covers both
    elif (
        length.unit is None
        and length.label is None
        and (dims["width"], dims["length"]) in SHEET_SIZES_IN_FEET
    ):
        dims["width"], dims["length"] = dims["width"] * 12, dims["length"] * 12


def _fill_from_bare(names: tuple[str, ...], measured: list[Measured], sized: Sized) -> None:
    """A section's leading size nothing else gave, from the first bare number ("plate 6, cut to …")."""
    leading = names[0]
    if leading in sized.dimensions or (leading == "outer_diameter" and "diameter" in sized.dimensions):
        return
    bare = next((value for value in measured if value.bare), None)
    if bare is not None:
        sized.put(leading, bare.inches, (bare.start, bare.end))


def _derive(form: str | None, sized: Sized) -> None:
    """Wall from OD and ID (``2.125" OD, 1.750" ID`` → 0.1875" wall)."""
    dims = sized.dimensions
    outer = dims.get("outer_diameter", dims.get("diameter"))
    if form == "tube_round" and "inner_diameter" in dims and outer and "wall_thickness" not in dims:
        dims.setdefault("outer_diameter", dims.pop("diameter", outer))
        dims["wall_thickness"] = round((outer - dims["inner_diameter"]) / 2, 6)
        sized.spans["wall_thickness"] = sized.spans["inner_diameter"]
        if "diameter" in sized.spans:
            sized.spans["outer_diameter"] = sized.spans.pop("diameter")


def infer_form(labels: set[str], sizes: list[float], in_lengths: bool = False) -> str | None:
    """The form the sizes imply when the customer names none; bought ``in_lengths`` ("4 twenty
    foot sticks a quarter by two"), a narrow flat piece is flat bar, not plate."""
    if "inner_diameter" in labels or ("wall_thickness" in labels and labels & {"outer_diameter", "diameter"}):
        return "tube_round"
    if labels & {"diameter", "outer_diameter"}:
        return "bar_round"
    if "across_flats" in labels:
        return "bar_hex"
    if "leg" in labels:
        return "angle"
    if not sizes:
        return None
    if _sides_wall_and_length(sizes):
        return "tube_square" if sizes[0] == sizes[1] else "tube_rectangular"
    thickness, *others = sorted(sizes)
    if (
        others
        and others[0] <= FLAT_BAR_MAX_WIDTH
        and len(others) <= 2
        and ("thickness" in labels or in_lengths)
    ):
        return "bar_rectangular"
    return "sheet" if thickness < PLATE_FROM_INCHES else "plate"


def _sides_wall_and_length(sizes: list[float]) -> bool:
    """ "40x40x2, 6 m", "50 x 30 x 3 x 6000": two sides of a few inches, a thin wall written last,
    then a length — a hollow section (a sheet is written thickness first, and is wider)."""
    if len(sizes) != 4:
        return False
    first, second, wall, length = sizes
    return max(first, second) <= 12 and wall * 4 <= min(first, second) and length >= 4 * max(first, second)
