"""Attribute search: the parts whose grade, form and cross-section could fill a request.

Each request is expanded into (grade, form) options — the grade as asked, its equivalents and
trade substitutes, and the alternatives to offer if nothing acceptable exists — and each
option's rows are filtered by a relative window on every section size. Scoring what is found
is ``pipeline.match``'s job; this module only finds and measures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.catalog.equivalents import GradeOption, form_alternatives
from pipeline.catalog.grades import GRADES
from pipeline.catalog.schema import SECTION_DIMENSIONS
from pipeline.catalog.search.index import AttributeIndex
from pipeline.catalog.search.request import FormOption, Request
from pipeline.words import form_words

WINDOW = 0.06  # sizes further than this from the asked size are other products
HEAVIER = frozenset(("thickness", "wall_thickness"))  # sizes a customer may allow heavier
FAMILY_ALTERNATIVES = 2  # popular grades of the family offered when nothing else is listed


@dataclass(frozen=True)
class Option:
    """One (grade, form) group searched for a request, and on what terms it would fill it."""

    grade: str
    relation: str  # identical | equivalent | substitute | family | any | alternative
    note: str
    form: FormOption


@dataclass
class Hits:
    """Rows found for one request. ``diffs[:, j]`` is (stock - asked) / asked for ``names[j]``."""

    request: Request
    options: tuple[Option, ...]
    rows: np.ndarray
    option: np.ndarray
    names: tuple[str, ...]
    diffs: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)

    def alternative(self) -> np.ndarray:
        """Per row: is it only an alternative (a grade to offer, not one that fills the request)?"""
        flags = np.array([option.relation == "alternative" for option in self.options], dtype=bool)
        return flags[self.option] if len(self.options) else np.zeros(0, dtype=bool)


def _stocked_in(index: AttributeIndex, grade: str, forms: set[str]) -> bool:
    return bool(index.forms_by_grade.get(grade, set()) & forms)


def _family_grades(family: str | None, forms: set[str], index: AttributeIndex) -> list[str]:
    """Grades of ``family`` (any family if ``None``) stocked in any of ``forms``, most popular first."""
    grades = [g for g in GRADES.values() if family in (None, g.family) and _stocked_in(index, g.name, forms)]
    return [g.name for g in sorted(grades, key=lambda g: (-g.popularity, g.name))]


def _unnamed(index: AttributeIndex, request: Request, forms: set[str]) -> list[GradeOption]:
    """No grade written: every grade of the family (or of any family) stocked in the form."""
    if request.family:
        family = request.family.replace("_", " ")
        return [
            GradeOption(g, "family", f"no grade given; {g} is a stocked {family}")
            for g in _family_grades(request.family, forms, index)
        ]
    return [
        GradeOption(g, "any", f"no material given; {g} offered") for g in _family_grades(None, forms, index)
    ]


def _form_alternatives(index: AttributeIndex, request: Request, forms: set[str]) -> list[GradeOption]:
    """The grade is stocked, but not in this form: the grades a desk offers instead."""
    stocked = request.grade.stocked if request.grade else None
    if not stocked or _stocked_in(index, stocked, forms):
        return []
    made_in = ", ".join(sorted(form_words(f) for f in index.forms_by_grade.get(stocked, ())))
    asked = form_words(request.form)
    return [
        GradeOption(o.grade, "alternative", f"{stocked} is not stocked as {asked} (only {made_in}); {o.note}")
        for o in form_alternatives(stocked)
    ]


def _family_alternatives(index: AttributeIndex, request: Request, forms: set[str]) -> list[GradeOption]:
    """Nothing listed fits: the family's most popular grades in this form, as alternatives."""
    assert request.grade is not None
    written, family = request.grade.written, (request.family or "grade").replace("_", " ")
    why = f"{written} is not stocked" + (" in this form" if request.grade.stocked else "")
    grades = [g for g in _family_grades(request.family, forms, index) if g != request.grade.stocked]
    return [
        GradeOption(g, "alternative", f"{why}; {g} is a stocked {family} in this form")
        for g in grades[:FAMILY_ALTERNATIVES]
    ]


def grade_options(index: AttributeIndex, request: Request) -> list[GradeOption]:
    """Grades to search, acceptable ones first, then alternatives to offer if none fits."""
    forms = {option.form for option in request.forms}
    if request.grade is None:
        return _unnamed(index, request, forms)
    options = [*request.grade.options, *_form_alternatives(index, request, forms)]
    if not any(_stocked_in(index, option.grade, forms) for option in options):
        options += _family_alternatives(index, request, forms)
    return options


def _within(diffs: np.ndarray, names: tuple[str, ...], window: float, heavier_ok: bool) -> np.ndarray:
    close = np.abs(diffs) <= window
    if heavier_ok:
        heavier = np.array([name in HEAVIER for name in names])
        close |= (diffs > 0) & heavier
    return close.all(axis=1)


def _leading(request: Request, form: str, window: float | None) -> tuple[float, float] | None:
    """The window on ``form``'s leading section size, to cut the group by binary search."""
    name = SECTION_DIMENSIONS[form][0]
    if window is None or name not in request.section:
        return None
    asked = request.section[name]
    high = np.inf if request.heavier_ok and name in HEAVIER else asked * (1 + window)
    return asked * (1 - window), high


def search(
    index: AttributeIndex,
    request: Request,
    window: float | None = WINDOW,
    relations: frozenset[str] | None = None,
) -> Hits:
    """Rows of every option whose section is within ``window`` (``None``: any size, for alternatives).

    ``relations`` limits the search to those grade relations (e.g. only the acceptable ones).
    """
    names = tuple(request.section)
    asked = np.array([request.section[name] for name in names], dtype=float)
    options: list[Option] = []
    found_rows, found_option, found_diffs = [], [], []
    for grade_option in grade_options(index, request):
        if relations is not None and grade_option.relation not in relations:
            continue
        for form_option in request.forms:
            rows = index.rows(
                grade_option.grade, form_option.form, _leading(request, form_option.form, window)
            )
            if not len(rows):
                continue
            stock = (
                np.column_stack([index.dims[name][rows] for name in names])
                if names
                else np.empty((len(rows), 0))
            )
            with np.errstate(invalid="ignore"):
                diffs = (stock - asked) / asked
            keep = ~np.isnan(diffs).any(axis=1)
            if window is not None:
                keep &= _within(diffs, names, window, request.heavier_ok)  # NaN compares False
            if not keep.any():
                continue
            found_rows.append(rows[keep])
            found_option.append(np.full(int(keep.sum()), len(options)))
            found_diffs.append(diffs[keep])
            options.append(Option(grade_option.grade, grade_option.relation, grade_option.note, form_option))
    if not found_rows:
        empty = np.empty(0, dtype=np.int64)
        return Hits(request, (), empty, empty, names, np.empty((0, len(names))))
    return Hits(
        request,
        tuple(options),
        np.concatenate(found_rows),
        np.concatenate(found_option),
        names,
        np.concatenate(found_diffs),
    )
