"""Requests phrased from catalog parts: what the customer states, the words, the structured line.

Each kind leaves something different open or written differently: ``stock`` states the stock
size, ``cut`` a smaller piece to cut, ``no_temper`` and ``no_size`` leave the temper or size out,
``feet`` asks for footage, ``equivalent`` writes the grade in another standard, and the part
number kinds write one of ours (``part_number_typo`` with one character wrong).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import pandas as pd

from pipeline.catalog.equivalents import FOREIGN_NAMES
from pipeline.catalog.grades import GRADES
from pipeline.corpus.requests import phrasing as p
from pipeline.corpus.requests.answers import FLAT, Stated, section_of
from pipeline.models import LineItem

KINDS: tuple[tuple[str, float], ...] = (
    ("stock", 0.50), ("cut", 0.15), ("no_temper", 0.07), ("no_size", 0.07), ("feet", 0.05),
    ("equivalent", 0.08), ("part_number", 0.04), ("part_number_typo", 0.04),
)  # fmt: skip
_EN_AW = {
    f"ENAW{alloy}": f"EN AW-{alloy}" for alloy in ("6061", "6063", "5052", "5083", "7075", "2024", "3003")
}
_CONDITION_WORDS = {
    "Q&T 28-32 HRC": ("Q&T", "HT", "heat treated", "pre-hard"), "Condition A": ("Cond A", "Condition A"),
    "H1150": ("H1150", "H-1150"), "H1025": ("H1025",), "H900": ("H900",), "half hard": ("half hard", "H02"),
}  # fmt: skip
_FINISH_WORDS = {
    "cold drawn": ("cold drawn", "CD"), "centerless ground": ("centerless ground", "CG"),
    "hot rolled": ("HR", "hot rolled"), "mill": ("mill finish",),
}  # fmt: skip
_CUT_PIECES = (6.0, 8.0, 10.0, 12.0, 18.0, 24.0, 30.0, 36.0, 48.0, 60.0)
_CUT_BLANKS = (
    (6.0, 6.0),
    (12.0, 12.0),
    (10.0, 20.0),
    (12.0, 24.0),
    (18.0, 30.0),
    (24.0, 24.0),
    (24.0, 36.0),
    (36.0, 48.0),
)


@dataclass(frozen=True)
class Phrased:
    kind: str
    text: str
    item: LineItem
    stated: Stated | None  # None: only the source part itself is right (part-number kinds)
    written_part: str | None = None  # the part number as written (part-number kinds)


def _treatment(row: pd.Series) -> str | None:
    """The temper or condition that tells this part from its siblings, as the catalog stores it."""
    if pd.notna(row["temper"]):
        return str(row["temper"])
    choices = GRADES[row["grade"]].treatments_for(row["form"])
    return str(row["condition"]) if len(choices) > 1 and pd.notna(row["condition"]) else None


def section_text(rng: random.Random, row: pd.Series) -> str:
    """The section as written: every form has its own habits."""
    form, family = row["form"], row["family"]
    metric = _metric_mm(row["description"])
    if form in FLAT:
        return (
            p.thickness(rng, float(row["thickness"]), family, form == "sheet")
            if metric is None
            else f"{metric:g}mm"
        )
    if form in ("bar_round", "wire"):
        text = p.size(rng, float(row["diameter"]), metric)
        return (
            p.pick(rng, (f"{text} dia", f"Ø{text}", text, f"{text} diameter"))
            if form == "bar_round"
            else text
        )
    if form == "bar_hex":
        return f"{p.size(rng, float(row['across_flats']))} {p.pick(rng, ('hex', 'A/F', 'across flats'))}"
    if form == "bar_square":
        return f"{p.size(rng, float(row['side']))} {p.pick(rng, ('sq', 'square'))}"
    if form == "bar_rectangular":
        return f"{p.size(rng, float(row['thickness']))} x {p.size(rng, float(row['width']))}"
    if form == "tube_round":
        od, wall = float(row["outer_diameter"]), float(row["wall_thickness"])
        if family == "bronze":
            return f"{p.size(rng, od)} OD x {p.size(rng, od - 2 * wall)} ID"
        return f"{p.size(rng, od)} OD x {p.decimal(wall, leading_zero=rng.random() < 0.4)} wall"
    if form in ("tube_square", "tube_rectangular"):
        sides = (row["side"], row["side"]) if form == "tube_square" else (row["width"], row["height"])
        wall = p.decimal(float(row["wall_thickness"]), leading_zero=rng.random() < 0.4)
        first, second = (p.size(rng, float(side), inch_mark=False) for side in sides)
        return f"{first} x {second} x {wall} wall"
    if form == "angle":
        legs = " x ".join(p.fraction(float(row[name])) for name in ("leg1", "leg2", "thickness"))
        return p.pick(rng, (legs, f"L{legs.replace(' ', '')}", f'{legs}"'))
    return _designation(row) or " x ".join(p.decimal(float(row[n])) for n in ("height", "width", "thickness"))


def _designation(row: pd.Series) -> str | None:
    """``W8x31`` / ``C4x5.4`` as the description starts for steel shapes."""
    first = str(row["description"]).split(" ")[0]
    return first if first[:1] in "WSCI" and "x" in first else None


def _metric_mm(description: str) -> float | None:
    """Metric stock is described "25 mm (0.9843")": the customer wrote millimetres."""
    words = description.split(" mm (")
    if len(words) < 2:
        return None
    return float(words[0].rsplit(" ", 1)[-1])


def _size_text(rng: random.Random, row: pd.Series) -> str:
    if row["form"] in FLAT:
        if row["form"] == "foil":
            return f'{p.decimal(float(row["width"]))}" x {float(row["length"]) / 12:g} ft roll'
        w, length = float(row["width"]), float(row["length"])
        if rng.random() < 0.3 and w % 12 == 0 and length % 12 == 0:
            return f"{w / 12:g}' x {length / 12:g}'"
        return p.pick(rng, (f"{w:g} x {length:g}", f'{w:g}" x {length:g}"', f"{w:g}x{length:g}"))
    if row["form"] == "wire":
        return f"{float(row['length']) / 12:g} ft coil"
    return p.length(rng, float(row["length"]))


def _words(rng: random.Random, row: pd.Series, grade: str, treatment: str | None, finish: str | None) -> str:
    family = row["family"]
    temper = treatment if family == "aluminum" else None
    text = p.grade_words(rng, grade, family, temper)
    if treatment and family != "aluminum":
        text += " " + p.pick(rng, _CONDITION_WORDS.get(treatment, (treatment,)))
    text += " " + p.form_words(rng, row["form"], family)
    if finish:
        text += " " + p.pick(rng, _FINISH_WORDS.get(finish, (finish,)))
    return text


def _typo(rng: random.Random, number: str) -> str:
    """One character of a part number replaced by a neighbouring digit or letter."""
    spots = [i for i, c in enumerate(number) if c.isalnum() and i > 1]
    at = spots[rng.randrange(len(spots))]
    c = number[at]
    swap = str((int(c) + 1) % 10) if c.isdigit() else ("A" if c != "A" else "B")
    return number[:at] + swap + number[at + 1 :]


def _piece(rng: random.Random, row: pd.Series) -> tuple[float | None, float] | None:
    """A piece smaller than the source stock: a length for bars, a blank for sheet and plate."""
    if row["form"] in FLAT:
        fits = [(w, length) for w, length in _CUT_BLANKS if w <= row["width"] and length <= row["length"]]
        fits = [piece for piece in fits if piece != (row["width"], row["length"])]
        return fits[rng.randrange(len(fits))] if fits and row["form"] != "foil" else None
    shorter = [length for length in _CUT_PIECES if length < row["length"] and row["form"] != "wire"]
    return (None, shorter[rng.randrange(len(shorter))]) if shorter else None


def _stock_dims(row: pd.Series) -> dict[str, float]:
    if row["form"] in FLAT:
        return {"width": float(row["width"]), "length": float(row["length"])}
    return {"length": float(row["length"])}


def sentence(rng: random.Random, quantity: str, words: str, section: str, size: str) -> str:
    """The parts in one of the orders customers put them in, with the usual noise around."""
    tail = size if size.startswith(",") else (f" x {size}" if size else "")
    orders = (
        f"{quantity} {words} {section}{tail}",
        f"{words}, {section}{tail}, {quantity}",
        f"{quantity} - {section} {words}{tail}",
        f"{words} {section}{tail} - {quantity}",
    )
    body = orders[0] if quantity.endswith(" of") else p.pick(rng, orders)  # "200 ft of ..." leads
    return f"{p.pick(rng, p.NOISE_BEFORE)}{body}{p.pick(rng, p.NOISE_AFTER)}"


def phrase(rng: random.Random, row: pd.Series, kind: str) -> Phrased | None:
    """A request of ``kind`` phrased from catalog ``row``; ``None`` when the kind does not apply."""
    if kind.startswith("part_number"):
        return _part_number(rng, row, kind)
    grade, form, family = row["grade"], row["form"], row["family"]
    treatment = _treatment(row)
    if kind == "no_temper":
        if treatment is None:
            return None
        treatment = None
    written = grade
    if kind == "equivalent":
        if grade not in FOREIGN_NAMES:
            return None
        written = _EN_AW.get(name := p.pick(rng, FOREIGN_NAMES[grade]), name)
    finish = str(row["finish"]) if kind in ("stock", "cut") and rng.random() < 0.2 else None
    count = rng.randint(1, 40)
    dims = section_of(row)
    stated = Stated(grade, form, dict(dims), treatment, finish, quantity=count)
    size, uom, quantity = "", "EA", p.quantity(rng, count, form)
    if kind in ("stock", "no_temper", "equivalent"):
        size = _size_text(rng, row)
        dims |= _stock_dims(row)
        # a stock size is a piece like any other: the trade rule may fill it from larger stock in hand
        stated = replace(stated, piece=(dims["width"] if form in FLAT else None, dims["length"]))
    elif kind == "cut":
        piece = _piece(rng, row)
        if piece is None:
            return None
        width, length = piece
        size = f"{width:g} x {length:g}" if width else p.length(rng, length)
        size = p.pick(rng, (f", cut to {size}", size, f"{size} pieces", f", cut {size}"))
        dims |= {"length": length} | ({"width": width} if width else {})
        stated = replace(stated, piece=piece)
    elif kind == "feet":
        if form in FLAT or form == "wire":
            return None
        count = int(p.pick(rng, ("20", "50", "100", "200", "240", "500")))
        quantity, uom, stated = f"{count} ft of", "FT", replace(stated, quantity=float(count))
    text = sentence(rng, quantity, _words(rng, row, written, treatment, finish), section_text(rng, row), size)
    temper = treatment if treatment and (pd.notna(row["temper"]) or family != "aluminum") else None
    item = LineItem(
        line_no=1, source_text=text, material=family, grade=written, temper=temper, form=form,
        dimensions=dims, quantity=float(count), uom=uom,
    )  # fmt: skip
    return Phrased(kind, text, item, stated)


def _part_number(rng: random.Random, row: pd.Series, kind: str) -> Phrased:
    number = str(row["part_number"])
    written = _typo(rng, number) if kind == "part_number_typo" else number
    count = rng.randint(1, 40)
    body = p.pick(
        rng,
        (
            f"{count} ea {written}",
            f"P/N {written} qty {count}",
            f"{written} x {count}",
            f"part# {written}, {count} pcs",
        ),
    )
    text = f"{p.pick(rng, p.NOISE_BEFORE)}{body}{p.pick(rng, p.NOISE_AFTER)}"
    return Phrased(kind, text, LineItem(line_no=1, source_text=text, quantity=float(count)), None, written)
