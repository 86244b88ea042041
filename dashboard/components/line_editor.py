"""One order line in the review workspace: what it is, and what a reviewer can do to it.

Built afresh for every version of the order the workspace shows, so its inputs always start
from the ledger's values; an edit sends only the fields the reviewer changed, and a change of
grade, form or size makes the review API match the line again.
"""

from __future__ import annotations

import re
from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import panes
from dashboard.review_html import CSS, line_html
from dashboard.review_store import ReviewStore
from pipeline.catalog.schema import FORMS
from pipeline.models import Candidate, OrderLine
from pipeline.orders.edits import EDIT_UNITS
from pipeline.words import form_words, unit_words

_PAIR = re.compile(r"^\s*([a-z_ ]+?)\s*[=: ]\s*([0-9.]+)\s*$")


def dimensions_text(dimensions: dict[str, float]) -> str:
    """How the size input shows a line's dimensions: ``thickness=0.125, width=48``."""
    return ", ".join(f"{name}={value:g}" for name, value in dimensions.items())


def parse_dimensions(text: str) -> dict[str, float]:
    """``dimensions_text`` read back; a ValueError says which part is not ``name=inches``."""
    found: dict[str, float] = {}
    for part in filter(str.strip, text.split(",")):
        pair = _PAIR.match(part.lower())
        if pair is None:
            raise ValueError(f"size {part.strip()!r} is not name=inches, e.g. thickness=0.125")
        found[pair[1].strip().replace(" ", "_")] = float(pair[2])
    return found


def size_changes(before: dict[str, float], after: dict[str, float]) -> dict[str, float | None]:
    """What ``edit_line(dimensions=...)`` needs: changed or new sizes, and None for each one removed."""
    changes: dict[str, float | None] = {
        name: value for name, value in after.items() if before.get(name) != value
    }
    changes.update({name: None for name in before if name not in after})
    return changes


def alternative_label(candidate: Candidate) -> str:
    return f"{candidate.part_number} · {candidate.description} ({candidate.confidence:.2f})"


FORM_CHOICES = {"": "", **{form_words(form): form for form in FORMS}}  # words shown, codes sent
UNIT_CHOICES = {unit_words(unit): unit for unit in EDIT_UNITS}  # pieces, feet, pounds


class LineEditor(Viewer):
    """A line's facts, accept / remove, its alternatives, and inline edits that re-match it."""

    store = param.ClassSelector(class_=ReviewStore, doc="The session's review state; takes the actions.")
    line = param.ClassSelector(class_=OrderLine, doc="The line as the shown version of the order has it.")
    threshold = param.Number(
        default=0.9, bounds=(0, 1), doc="The confidence below which a line needs review."
    )
    locked = param.Boolean(default=False, doc="The order is decided: show the line, offer no changes.")

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        number = self.line.item.line_no  # a line keeps its number (removing one renumbers none)
        self.info = panes.HTML("", stylesheets=[CSS], sizing_mode="stretch_width")
        self.accept = pn.widgets.Button(label="Accept line", color="success", width=110)
        self.accept.on_click(lambda _: self.store.accept_line(number))
        self.remove = pn.widgets.Button(label="Remove line", color="danger", width=110)
        self.remove.on_click(lambda _: self.store.remove_line(number))
        self.alternative = pn.widgets.Select(
            label="Alternatives", width=360, css_classes=["od-rv-alternative"]
        )
        self.remember = pn.widgets.Checkbox(label="Remember for this customer", margin=(28, 10, 0, 10))
        self.choose = pn.widgets.Button(label="Use this part", width=120, margin=(24, 10, 0, 10))
        self.choose.on_click(self._choose)
        self.offers = pn.Row(self.alternative, self.remember, self.choose)
        self.grade = pn.widgets.TextInput(label="Grade", width=90, css_classes=["od-rv-grade"])
        self.form = pn.widgets.Select(
            label="Form", options=FORM_CHOICES, width=140, css_classes=["od-rv-form"]
        )
        self.size = pn.widgets.TextInput(label="Size (inches)", width=300, css_classes=["od-rv-size"])
        self.quantity = pn.widgets.FloatInput(
            label="Quantity", start=0, width=100, css_classes=["od-rv-quantity"]
        )
        self.unit = pn.widgets.Select(label="Unit", width=100, css_classes=["od-rv-unit"])
        self.save = pn.widgets.Button(label="Save edit", color="primary", width=100, margin=(24, 10, 0, 10))
        self.save.on_click(self._save)
        self._layout = self._lay_out()
        self.show(self.line, self.locked)

    def show(self, line: OrderLine, locked: bool) -> None:
        """Show another version of the line in place: the same widgets (no new elements in the
        page, so nothing the reviewer is typing elsewhere moves), values from the ledger."""
        self.param.update(line=line, locked=locked)
        item = line.item
        self.info.object = line_html(line, self.threshold)
        offered = {alternative_label(c): c.part_number for c in line.alternatives}
        # options first, then the value: the best offer is preselected, never a blank choice
        self.alternative.param.update(options=offered)
        self.alternative.value = next(iter(offered.values()), None)
        self.offers.visible = bool(line.alternatives)
        self.grade.value = item.grade or ""
        self.form.value = item.form or ""
        self.size.value = dimensions_text(item.dimensions)
        self.quantity.value = item.quantity
        # a unit read from the email that is not sold by (kg, metres) is shown until it is changed
        units = UNIT_CHOICES | ({} if item.uom in EDIT_UNITS else {unit_words(item.uom): item.uom})
        self.unit.param.update(options=units)
        self.unit.value = item.uom
        inputs = (
            self.remove,
            self.alternative,
            self.remember,
            self.grade,
            self.form,
            self.size,
            self.quantity,
            self.unit,
        )
        for widget in (*inputs, self.save):
            widget.disabled = locked
        self.accept.disabled = locked or line.match is None or line.accepted_by is not None
        self.choose.disabled = locked or not line.alternatives

    def changes(self) -> dict[str, Any]:
        """The edit the inputs describe, against the line as shown (ValueError for a bad size)."""
        item = self.line.item
        changes: dict[str, Any] = {}
        if self.grade.value.strip() and self.grade.value.strip() != (item.grade or ""):
            changes["grade"] = self.grade.value.strip()
        if self.form.value and self.form.value != item.form:
            changes["form"] = self.form.value
        sizes = size_changes(item.dimensions, parse_dimensions(self.size.value))
        if sizes:
            changes["dimensions"] = sizes
        if self.quantity.value is not None and self.quantity.value != item.quantity:
            changes["quantity"] = self.quantity.value
        if self.unit.value and self.unit.value != item.uom:
            changes["uom"] = self.unit.value
        return changes

    def _save(self, _: param.parameterized.Event) -> None:
        number = self.line.item.line_no
        try:
            changes = self.changes()
        except ValueError as error:
            self.store.say("danger", f"Line {number}: {error}")
            return
        if not changes:
            self.store.say(
                "warning", f"Line {number}: nothing changed; edit grade, form, size, quantity or unit."
            )
            return
        self.store.edit_line(number, **changes)

    def _choose(self, _: param.parameterized.Event) -> None:
        if self.alternative.value:
            self.store.choose_alternative(self.line.item.line_no, self.alternative.value, self.remember.value)

    def _lay_out(self) -> pn.Column:
        return pn.Column(
            self.info,
            pn.Row(self.accept, self.remove),
            self.offers,
            # wraps rather than running off the column at 1440 px
            pn.FlexBox(
                self.grade, self.form, self.size, self.quantity, self.unit, self.save, flex_wrap="wrap"
            ),
            css_classes=["od-rv-line", f"od-rv-line-{self.line.item.line_no}"],
            styles={"border": "1px solid #d0d7de", "border-radius": "6px", "padding": "6px"},
            sizing_mode="stretch_width",
        )

    def __panel__(self) -> pn.viewable.Viewable:
        return self._layout
