"""A reviewer's edit of one request line, checked before it touches the order.

Values are validated against the shared vocabulary (grades, forms, dimension names) and the
edited line loses the "missing_*" flags the edit resolved, so the quality gates see it as it is.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace

from pipeline.bounds import (
    IMPLAUSIBLE_QUANTITY,
    IMPLAUSIBLE_SIZE,
    MAX_QUANTITY,
    MAX_SIZE,
    MIN_SIZE,
    plausible_quantity,
    plausible_size,
)
from pipeline.catalog.grades import find_grade
from pipeline.catalog.schema import DIMENSIONS, FORMS, UOMS
from pipeline.models import LineItem
from pipeline.orders.errors import InvalidEditError

_RESOLVES = {
    "grade": "missing_grade",
    "form": "missing_form",
    "dimensions": "missing_dimensions",
    "quantity": "missing_quantity",
}
# a number the reviewer entered replaces the implausible one read
_CORRECTS = {"quantity": IMPLAUSIBLE_QUANTITY, "dimensions": IMPLAUSIBLE_SIZE}
# The units a reviewer may set: what the catalog sells by (pieces, feet) and pounds, which
# pricing converts by the part's weight (``pipeline.assemble.pricing``).
EDIT_UNITS: tuple[str, ...] = (*UOMS, "LB")
UNIT_NOT_SOLD = "unit_not_sold"


@dataclass(frozen=True)
class LineEdit:
    """Fields to change (``None``: leave as is). ``dimensions`` merges; a ``None`` value removes one."""

    grade: str | None = None
    temper: str | None = None
    form: str | None = None
    dimensions: dict[str, float | None] = field(default_factory=dict)
    quantity: float | None = None
    uom: str | None = None

    @property
    def rematch(self) -> bool:
        """Grade, temper, form or size changed: the part must be searched for again."""
        return bool(self.grade or self.temper or self.form or self.dimensions)

    @property
    def empty(self) -> bool:
        return not (self.rematch or self.quantity is not None or self.uom)


def _did_you_mean(value: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"; did you mean {close[0]}?" if close else f"; use one of {', '.join(choices)}"


def validate(edit: LineEdit) -> LineEdit:
    """``edit`` with canonical values, or an InvalidEditError naming what is wrong."""
    grade = None
    if edit.grade is not None:
        found = find_grade(edit.grade)
        if found is None:
            raise InvalidEditError(f"unknown grade {edit.grade!r}; write it as on a mill cert, e.g. 316L")
        grade = found.name
    if edit.form is not None and edit.form not in FORMS:
        raise InvalidEditError(f"unknown form {edit.form!r}{_did_you_mean(edit.form, FORMS)}")
    for name, value in edit.dimensions.items():
        if name not in DIMENSIONS:
            raise InvalidEditError(f"unknown dimension {name!r}{_did_you_mean(name, DIMENSIONS)}")
        if value is not None and not plausible_size(value):
            limits = f"{MIN_SIZE:g} to {MAX_SIZE:,.0f}"
            raise InvalidEditError(f"dimension {name} must be positive inches ({limits}), not {value!r}")
    if edit.quantity is not None and not plausible_quantity(edit.quantity):
        limit = f"{MAX_QUANTITY:,.0f}"
        raise InvalidEditError(f"quantity must be positive, at most {limit}, not {edit.quantity!r}")
    uom = edit.uom.strip().upper() if edit.uom is not None else None
    if uom is not None and uom not in EDIT_UNITS:
        raise InvalidEditError(
            f"unknown unit {edit.uom!r}: give the quantity in pieces (EA), feet (FT) or pounds (LB)"
        )
    if edit.empty:
        raise InvalidEditError("nothing to change: give a grade, temper, form, dimensions, quantity or uom")
    return replace(edit, grade=grade, temper=edit.temper.upper() if edit.temper else None, uom=uom)


def apply_edit(item: LineItem, edit: LineEdit) -> LineItem:
    """A copy of ``item`` with a validated ``edit`` applied."""
    dimensions = dict(item.dimensions)
    for name, value in edit.dimensions.items():
        if value is None:
            dimensions.pop(name, None)
        else:
            dimensions[name] = float(value)
    changed = replace(
        item,
        grade=edit.grade or item.grade,
        material=find_grade(edit.grade).family if edit.grade else item.material,
        temper=edit.temper or item.temper,
        form=edit.form or item.form,
        dimensions=dimensions,
        quantity=item.quantity if edit.quantity is None else float(edit.quantity),
        uom=edit.uom or item.uom,
    )
    resolved = {flag for name, flag in _RESOLVES.items() if getattr(changed, name)}
    resolved |= {flag for name, flag in _CORRECTS.items() if getattr(edit, name)}
    if changed.uom in EDIT_UNITS and (edit.uom or edit.quantity is not None):
        resolved.add(UNIT_NOT_SOLD)  # the reviewer gave the quantity in a unit we price
    changed.flags = [flag for flag in item.flags if flag not in resolved]
    return changed
