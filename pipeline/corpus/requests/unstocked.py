"""Requests the catalog cannot fill, where "no match" is the right answer.

Five ways a desk sees them: a grade nobody here stocks (2507), a stocked grade in a form it is
not made in (303 sheet), a size beyond any stocked (14" round bar), a length longer than any
stock length, and hardware that is not metal stock at all. Each candidate request is checked
against the catalog table (with the equivalence and substitution table, compatible forms and
the size window) and dropped if anything could fill it.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd

from pipeline.catalog.equivalents import resolve_grade
from pipeline.catalog.grades import GRADES
from pipeline.corpus.requests import phrasing as p
from pipeline.corpus.requests.answers import section_of
from pipeline.corpus.requests.build import Phrased, section_text, sentence
from pipeline.models import LineItem

WINDOW = 0.06
_UNSTOCKED: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("2507", "stainless_steel", ("bar_round", "sheet", "plate")),
    ("904L", "stainless_steel", ("sheet", "plate", "tube_round")),
    ("17-7PH", "stainless_steel", ("sheet",)),
    ("15-5PH", "stainless_steel", ("bar_round",)),
    ("416", "stainless_steel", ("bar_round", "bar_hex")),
    ("440C", "stainless_steel", ("bar_round",)),
    ("310", "stainless_steel", ("sheet", "plate")),
    ("6082", "aluminum", ("plate", "bar_round")),
    ("5754", "aluminum", ("sheet",)),
    ("2011", "aluminum", ("bar_round",)),
    ("1144", "carbon_steel", ("bar_round", "bar_hex")),
    ("1215", "carbon_steel", ("bar_hex",)),
    ("4150", "alloy_steel", ("bar_round",)),
    ("8630", "alloy_steel", ("bar_round",)),
    ("Inconel 800", "nickel_alloy", ("sheet", "tube_round")),
    ("Hastelloy X", "nickel_alloy", ("sheet",)),
    ("Monel K500", "nickel_alloy", ("bar_round",)),
    ("C172", "copper", ("bar_round", "sheet")),
    ("A516", "carbon_steel", ("plate",)),
    ("P20", "tool_steel", ("plate", "bar_rectangular")),
)
_WRONG_FORM: tuple[tuple[str, str], ...] = (
    ("303", "sheet"), ("12L14", "plate"), ("17-4PH", "tube_round"), ("A992", "bar_round"),
    ("7050", "sheet"), ("C360", "sheet"), ("2205", "angle"), ("Ti-6Al-4V", "tube_round"),
    ("4340", "tube_round"), ("52100", "sheet"), ("1045", "sheet"), ("Inconel 718", "tube_round"),
    ("C932", "sheet"), ("9310", "plate"), ("M2", "plate"),
)  # fmt: skip
_OVERSIZE: dict[str, dict[str, float]] = {
    "bar_round": {"diameter": 14.0}, "plate": {"thickness": 8.0},
    "angle": {"leg1": 8.0, "leg2": 8.0, "thickness": 0.5},
    "tube_round": {"outer_diameter": 10.0, "wall_thickness": 0.25}, "bar_hex": {"across_flats": 6.0},
    "bar_square": {"side": 8.0},
}  # fmt: skip
_HARDWARE = (
    "100 pcs 1/2-13 x 2\" hex bolts grade 8", "50 ea 6205-2RS bearings",
    "200 pcs M8 x 1.25 x 20 socket head cap screws", "500 3/8\" flat washers zinc",
    "25 ea 4\" 150# spiral wound gaskets", "1000 pcs #10-24 hex nuts stainless",
)  # fmt: skip
_COMPATIBLE = {
    "sheet": ("sheet", "plate", "foil"),
    "plate": ("plate", "sheet"),
    "bar_round": ("bar_round", "wire"),
    "wire": ("wire", "bar_round"),
    "foil": ("foil", "sheet"),
}


class Fillable:
    """Could anything in the catalog fill this request? (the independent check of a no-match)."""

    def __init__(self, parts: pd.DataFrame) -> None:
        self.groups = {key: frame for key, frame in parts.groupby(["grade", "form"], sort=False)}

    def __call__(self, grade: str, form: str, section: dict[str, float], length: float | None) -> bool:
        ask = resolve_grade(grade)
        for option in ask.options:
            if option.relation == "alternative":
                continue
            for other in _COMPATIBLE.get(form, (form,)):
                rows = self.groups.get((option.grade, other))
                if rows is None:
                    continue
                keep = np.ones(len(rows), bool)
                for name, value in section.items():
                    keep &= np.abs(rows[name].to_numpy(dtype=float) - value) <= WINDOW * value
                if length is not None:
                    keep &= rows["length"].to_numpy(dtype=float) >= length * 0.995
                if keep.any():
                    return True
        return False


def _request(rng: random.Random, row: pd.Series, grade: str, kind: str, length: float | None) -> Phrased:
    count = rng.randint(1, 30)
    family = str(row["family"])
    words = f"{p.grade_words(rng, grade, family, None)} {p.form_words(rng, row['form'], family)}"
    size = p.length(rng, length) if length else ""
    text = sentence(rng, p.quantity(rng, count, row["form"]), words, section_text(rng, row), size)
    dims = section_of(row) | ({"length": length} if length else {})
    item = LineItem(
        1,
        text,
        material=str(row["family"]),
        grade=grade,
        form=str(row["form"]),
        dimensions=dims,
        quantity=float(count),
    )
    return Phrased(kind, text, item, None)


def _sample_row(rng: random.Random, parts: pd.DataFrame, form: str, plain: bool) -> pd.Series | None:
    """A random catalog row of ``form`` to borrow realistic sizes from (``plain``: not metric)."""
    rows = parts[parts["form"] == form]
    if plain:
        rows = rows[~rows["description"].str.contains(" mm (", regex=False)]
    return rows.iloc[rng.randrange(len(rows))] if len(rows) else None


def _candidate(rng: random.Random, parts: pd.DataFrame) -> tuple[str, pd.Series | None, str, float | None]:
    """(kind, row with the request's attributes, grade, length) of one no-match candidate."""
    roll = rng.random()
    if roll < 0.4:
        grade, family, forms = _UNSTOCKED[rng.randrange(len(_UNSTOCKED))]
        row = _sample_row(rng, parts, forms[rng.randrange(len(forms))], plain=False)
        return "no_match_grade", None if row is None else replace_family(row, family), grade, None
    if roll < 0.65:
        grade, form = _WRONG_FORM[rng.randrange(len(_WRONG_FORM))]
        row = _sample_row(rng, parts, form, plain=True)
        return (
            "no_match_form",
            None if row is None else replace_family(row, GRADES[grade].family),
            grade,
            None,
        )
    if roll < 0.85:
        form = list(_OVERSIZE)[rng.randrange(len(_OVERSIZE))]
        row = _sample_row(rng, parts, form, plain=True)
        return (
            "no_match_size",
            None if row is None else _with(row, _OVERSIZE[form]),
            "" if row is None else str(row["grade"]),
            None,
        )
    row = _sample_row(
        rng, parts, p.pick(rng, ("bar_round", "tube_round", "bar_rectangular", "angle")), plain=True
    )
    if row is None:
        return "no_match_length", None, "", None
    feet = rng.choice((30, 40, 50)) if row["form"] != "angle" else 50
    return "no_match_length", row, str(row["grade"]), float(feet * 12)


def replace_family(row: pd.Series, family: str) -> pd.Series:
    return _with(row, {"family": family})


def _with(row: pd.Series, values: dict[str, object]) -> pd.Series:
    copy = row.copy()
    for name, value in values.items():
        copy[name] = value
    return copy


def no_match_requests(rng: random.Random, parts: pd.DataFrame, count: int) -> list[Phrased]:
    """``count`` requests nothing in ``parts`` can fill (hardware lines included)."""
    fillable, found = Fillable(parts), []
    while len(found) < count:
        if rng.random() < 0.06:
            text = p.pick(rng, _HARDWARE)
            item = LineItem(1, text, quantity=float(text.split()[0]), flags=["not_catalog_product"])
            found.append(Phrased("no_match_hardware", text, item, None))
            continue
        kind, row, grade, length = _candidate(rng, parts)
        if row is None or (row["form"] == "bar_round" and float(row["diameter"]) <= 0.25):
            continue
        if not fillable(grade, str(row["form"]), section_of(row), length):
            found.append(_request(rng, row, grade, kind, length))
    return found
