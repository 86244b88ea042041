"""One requested item written the way customers write it: grade, form, size, length, quantity.

Spellings are weighted toward what desks see most (``304 SS sheet .125 x 48 x 96 - Qty: 10``)
with a long tail of abbreviations, metric sizes, gauges and trade names. Some spellings are
hard on purpose (``16 ga``, ``C5x9``, ``360 brass``): a corpus that only says what the
extractor already reads would measure nothing.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from pipeline.catalog.sizes import inches_to_gauge
from pipeline.corpus import numbers
from pipeline.corpus.parts import PartSpec

_GRADE_SPELLINGS: dict[str, tuple[str, ...]] = {
    "stainless_steel": ("{g} stainless", "{g} SS", "SS {g}", "{g} stainless steel", "type {g} stainless"),
    "aluminum": ("{gt} aluminum", "{gt} alum", "aluminum {gt}", "{gt}", "{g} aluminum"),
    "carbon_steel": ("{g}", "{g} steel", "{g} CRS", "{gc} steel", "{g} carbon steel"),
    "alloy_steel": ("{g}", "{g} alloy steel", "AISI {g}", "{g} alloy"),
    "titanium": ("{g} titanium", "titanium {g}", "Ti {gshort}", "{gshort} titanium"),
    "brass": ("{g} brass", "brass {g}", "brass {gnum}", "{gnum} brass"),
    "bronze": ("{g} bronze", "bronze {g}", "{g}"),
    "copper": ("C{g} copper", "copper C{g}", "{g} copper"),
    "nickel_alloy": ("{g}", "{g} alloy", "{gdash}"),
    "tool_steel": ("{g} tool steel", "tool steel {g}", "{g} tool steel", "{g}"),
}
_GRADE_WEIGHTS = (8, 4, 3, 2, 1)
# Form words with their weights: the common name most of the time, trade abbreviations sometimes.
_FORM_WORDS: dict[str, tuple[tuple[str, float], ...]] = {
    "sheet": (("sheet", 8), ("sheets", 2), ("sht", 0.5)),
    "plate": (("plate", 10), ("PL", 1)),
    "foil": (("foil", 4), ("shim stock", 1)),
    "bar_round": (("round bar", 8), ("rod", 3), ("bar", 1), ("round", 1), ("rd bar", 0.5)),
    "wire": (("wire", 1),),
    "bar_square": (("square bar", 8), ("sq bar", 1)),
    "bar_hex": (("hex bar", 6), ("hex", 2)),
    "bar_rectangular": (("flat bar", 10), ("flat stock", 1), ("flat", 0.5), ("FB", 0.5)),
    "tube_round": (("tube", 6), ("round tube", 3), ("tubing", 3), ("seamless tube", 1)),
    "tube_square": (("square tube", 6), ("square tubing", 2), ("sq tube", 1)),
    "tube_rectangular": (("rectangular tube", 6), ("rect tube", 2), ("rectangular tubing", 1)),
    "angle": (("angle", 8), ("angle iron", 1)),
    "channel": (("channel", 1),),
    "beam_i": (("beam", 4), ("I-beam", 2), ("wide flange beam", 1)),
}
_PLURAL_UNIT: dict[str, str] = {
    "sheet": "sheets",
    "plate": "plates",
    "bar_round": "bars",
    "tube_round": "tubes",
}


@dataclass(frozen=True)
class Written:
    """An item's text and the quantity it asks for, as the label records it."""

    text: str
    quantity: float
    uom: str  # EA (pieces) or FT (feet)
    body: str  # the item without its quantity (for layouts that put quantity in a column)


def _pick(rng: random.Random, options: tuple[str, ...], weights: tuple[float, ...] = ()) -> str:
    """One option; ``weights`` favour the first ones, options beyond them weigh 1."""
    padded = (*weights[: len(options)], *(1,) * (len(options) - len(weights)))
    return rng.choices(options, weights=padded)[0]


def grade_text(part: PartSpec, rng: random.Random) -> str:
    """``304 SS``, ``6061-T6 aluminum``, ``Ti Gr 5``, ``C110 copper``…"""
    grade = part.grade
    temper = f"{grade}-{part.temper}" if part.temper and part.family == "aluminum" else grade
    values = {
        "g": grade,
        "gt": temper,
        "gshort": grade.replace("Grade ", "Gr "),
        "gnum": grade.lstrip("C"),
        "gdash": re.sub(r"C(\d)", r"C-\1", grade),
        "gc": f"C{grade}" if grade.isdigit() else grade,  # "C1018", never "CA36"
    }
    return _pick(rng, _GRADE_SPELLINGS[part.family], _GRADE_WEIGHTS).format(**values)


def form_text(part: PartSpec, rng: random.Random) -> str:
    words, weights = zip(*_FORM_WORDS[part.form], strict=True)
    return _pick(rng, words, weights)


def _style(part: PartSpec, rng: random.Random, decimal_first: bool = False) -> str:
    if part.metric and rng.random() < 0.7:
        return "mm"
    weights = (2, 6, 2, 1, 0.3) if decimal_first else (6, 2, 2, 1, 0.3)
    return rng.choices(numbers.STYLES, weights=weights)[0]


def _flat(part: PartSpec, rng: random.Random) -> str:
    dims, style = part.dims, _style(part, rng, decimal_first=part.form != "plate")
    thick = numbers.inches(dims["thickness"], style, rng)
    gauge = inches_to_gauge(dims["thickness"], part.family) if part.form == "sheet" else None
    if gauge and rng.random() < 0.15:
        thick = rng.choice([f"{gauge} ga", f"{gauge} gauge", f"{gauge}ga"])
    if part.form == "foil" or "length" not in dims:
        return f"{thick} x {numbers.inches(dims['width'], 'bare', rng)} wide"
    width, long = dims["width"], dims["length"]
    if width % 12 == 0 and long % 12 == 0 and rng.random() < 0.3:
        return f"{thick} x {width / 12:g}' x {long / 12:g}'"
    sizes = f"{width:g} x {long:g}" if rng.random() < 0.6 else f'{width:g}" x {long:g}"'
    return _pick(rng, (f"{thick} x {sizes}", f"{thick} thick, {sizes}", f"{sizes} x {thick}"), (5, 2, 2))


def _bar(part: PartSpec, rng: random.Random) -> str:
    dims, style = part.dims, _style(part, rng)
    if part.form in ("bar_round", "wire"):
        size = numbers.inches(dims["diameter"], style, rng)
        return _pick(rng, (f"{size} dia", f"{size} diameter", f"Ø{size}", f"{size} round", f"{size} rd"))
    if part.form in ("bar_square", "bar_hex"):
        name, labels = (
            ("side", ("", " sq", " square"))
            if part.form == "bar_square"
            else ("across_flats", ("", " A/F", " across flats"))
        )
        return numbers.inches(dims[name], style, rng) + _pick(rng, labels, (4, 1, 1))
    thick, wide = (numbers.inches(dims[name], style, rng) for name in ("thickness", "width"))
    return _pick(rng, (f"{thick} x {wide}", f"{thick} thick x {wide} wide"), (4, 1))


def _tube(part: PartSpec, rng: random.Random) -> str:
    dims, style = part.dims, _style(part, rng)
    wall = f"{numbers.inches(dims['wall_thickness'], 'decimal', rng)} wall"
    if part.form == "tube_round":
        od = numbers.inches(dims["outer_diameter"], style, rng)
        return _pick(rng, (f"{od} OD x {wall}", f"{od} O.D. x {wall}", f"OD {od}, {wall}"), (5, 1, 1))
    if part.form == "tube_square":
        side = numbers.inches(dims["side"], style, rng)
        return _pick(rng, (f"{side} x {side} x {wall}", f"{side} sq x {wall}"), (3, 1))
    width, height = (numbers.inches(dims[name], style, rng) for name in ("width", "height"))
    return f"{width} x {height} x {wall}"


def _shape(part: PartSpec, rng: random.Random) -> str:
    dims = part.dims
    designation = part.description.split()[0]
    if part.form == "beam_i" or (re.fullmatch(r"C\d+x[\d.]+", designation) and rng.random() < 0.7):
        return designation  # "W8x31", "C6x8.2": how everyone names a structural shape
    style = _style(part, rng)
    if part.form == "angle":
        legs = (numbers.inches(dims[name], style, rng) for name in ("leg1", "leg2", "thickness"))
        return " x ".join(legs)
    return " x ".join(numbers.inches(dims[name], style, rng) for name in ("height", "width", "thickness"))


def size_text(part: PartSpec, rng: random.Random) -> str:
    if part.form in ("sheet", "plate", "foil"):
        return _flat(part, rng)
    if part.form.startswith("tube"):
        return _tube(part, rng)
    if part.form in ("angle", "channel", "beam_i"):
        return _shape(part, rng)
    return _bar(part, rng)


def _length_text(part: PartSpec, rng: random.Random) -> str:
    """`` x 12 ft`` for long products; sheets and plates carry their size already."""
    if part.form in ("sheet", "plate", "foil", "wire") or "length" not in part.dims:
        return ""
    stock = part.dims["length"]
    written = numbers.length(stock, rng)
    if stock % 12 == 0 and stock >= 72 and rng.random() < 0.2:
        return f" x {stock // 12:g}{_pick(rng, (chr(39), ' ft'))} lengths"  # x 12' lengths
    return _pick(rng, (f" x {written}", f", {written}" + ("" if "long" in written else " long")), (5, 1))


PIECES = (1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 25, 50)
PIECE_WEIGHTS = (14, 14, 10, 10, 10, 6, 6, 8, 4, 4, 2, 1)  # most orders are a few pieces


def _quantity(part: PartSpec, rng: random.Random) -> tuple[float, str]:
    if part.uom == "FT" and part.form not in ("wire",) and rng.random() < 0.25:
        return float(part.dims.get("length", 144) / 12 * rng.randint(1, 5)), "FT"
    if part.form == "wire":
        return float(rng.choice([50, 100, 250, 500])), "FT"
    return float(rng.choices(PIECES, weights=PIECE_WEIGHTS)[0]), "EA"


def _with_quantity(body: str, part: PartSpec, quantity: float, uom: str, rng: random.Random) -> str:
    count = f"{quantity:g}"
    if uom == "FT":
        return f"{count} {_pick(rng, ('feet', 'ft', 'linear feet'))} of {body}"
    unit = _PLURAL_UNIT.get(part.form, "pcs")
    pieces = "pcs"
    if quantity == 1:
        unit, pieces = unit.removesuffix("s"), "pc"
    return _pick(
        rng,
        (
            f"{body} - Qty: {count}",
            f"{count} {pieces} {body}",
            f"({count}) {body}",
            f"{body}, {count} {unit}",
            f"{body} - Quantity: {count}",
            f"{count} ea {body}",
            f"Qty {count}: {body}",
        ),
        (5, 4, 2, 3, 2, 2, 1),
    )


def write_item(part: PartSpec, rng: random.Random) -> Written:
    """The text of one item asking for ``part``, and the quantity it asks for."""
    grade, form, size = grade_text(part, rng), form_text(part, rng), size_text(part, rng)
    length = _length_text(part, rng)
    body = _pick(
        rng,
        (
            f"{grade} {form} {size}{length}",
            f"{size} {grade} {form}{length}",
            f"{grade} {size} {form}{length}",
        ),
        (6, 3, 1),
    )
    quantity, uom = _quantity(part, rng)
    return Written(_with_quantity(body, part, quantity, uom, rng), quantity, uom, body)
