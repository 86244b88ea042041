"""Every grade Order Desk sells, once: family, density, price, stocked forms, tempers and specs.

The generator, the importer, extraction and pricing all read this table, so a grade's canonical
name, the forms it is stocked in and its metallurgical treatments cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar

from pipeline.catalog.grade_table import TABLES, Treatment
from pipeline.catalog.schema import FAMILIES, FORMS

T = TypeVar("T")

# Forms grouped the way specs and finishes are written ("flat" products share ASTM A240 …).
FORM_GROUPS: dict[str, str] = {
    "sheet": "flat",
    "plate": "flat",
    "foil": "flat",
    "bar_round": "bar",
    "bar_square": "bar",
    "bar_rectangular": "bar",
    "bar_hex": "bar",
    "wire": "wire",
    "tube_round": "tube",
    "tube_square": "tube",
    "tube_rectangular": "tube",
    "angle": "shape",
    "channel": "shape",
    "beam_i": "shape",
}


@dataclass(frozen=True)
class Grade:
    """A grade as a service center stocks it. ``form_*`` maps each stocked form to its spec and
    treatments (the first treatment is the one normally stocked)."""

    name: str
    family: str
    density_lb_in3: float
    price_per_lb: float
    forms: tuple[str, ...]
    tempers: tuple[str, ...]
    specs: tuple[str, ...]
    aliases: tuple[str, ...]
    popularity: float
    form_specs: Mapping[str, str]
    form_treatments: Mapping[str, tuple[Treatment, ...]]

    def spec_for(self, form: str) -> str | None:
        return self.form_specs.get(form)

    def treatments_for(self, form: str) -> tuple[Treatment, ...]:
        return self.form_treatments.get(form, (Treatment(),))


def _lookup(rules: Mapping[str, T], form: str) -> T | None:
    """A rule keyed by the form itself, else by its group, else by ``*``."""
    for key in (form, FORM_GROUPS[form], "*"):
        if key in rules:
            return rules[key]
    return None


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _grade(
    name: str,
    family: str,
    density: float,
    price: float,
    forms: str,
    specs: Mapping[str, str],
    treatments: Mapping[str, tuple[Treatment, ...]],
    aliases: tuple[str, ...],
    popularity: float,
) -> Grade:
    """Build a grade, expanding spec/treatment rules keyed by form, group or ``*`` to every form."""
    form_list = tuple(forms.split())
    unknown = [form for form in form_list if form not in FORMS]
    if unknown or family not in FAMILIES:
        raise ValueError(f"grade {name}: unknown form(s) {unknown} or family {family}")
    form_specs = {form: spec for form in form_list if (spec := _lookup(specs, form))}
    form_treatments = {form: _lookup(treatments, form) or (Treatment(),) for form in form_list}
    tempers = [t.temper for ts in form_treatments.values() for t in ts if t.temper]
    return Grade(
        name=name,
        family=family,
        density_lb_in3=density,
        price_per_lb=price,
        forms=form_list,
        tempers=_unique(tempers),
        specs=_unique(list(form_specs.values())),
        aliases=aliases,
        popularity=popularity,
        form_specs=MappingProxyType(form_specs),
        form_treatments=MappingProxyType(form_treatments),
    )


def _all_grades() -> dict[str, Grade]:
    grades: dict[str, Grade] = {}
    for family, rows, specs, grade_specs, treatments, grade_treatments in TABLES:
        for name, density, price, popularity, forms, aliases in rows:
            grades[name] = _grade(
                name,
                family,
                density,
                price,
                forms,
                grade_specs.get(name, specs),
                grade_treatments.get(name, treatments),
                tuple(alias for alias in aliases.split("|") if alias),
                popularity,
            )
    return grades


GRADES: dict[str, Grade] = _all_grades()


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _spellings() -> dict[str, str]:
    """Normalised name or alias -> canonical name; a canonical name wins over another's alias."""
    found = {_key(name): name for name in GRADES}
    for grade in GRADES.values():
        for alias in grade.aliases:
            found.setdefault(_key(alias), grade.name)
    return found


_BY_KEY = _spellings()


def find_grade(text: str) -> Grade | None:
    """The grade a spelling names: ``'17-4 PH'``, ``'c-276'``, ``'C110'`` and ``'316l'`` all resolve."""
    name = _BY_KEY.get(_key(text))
    return GRADES[name] if name else None
