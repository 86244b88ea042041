"""A request line as the search needs it: which grades and forms may fill it, the section, the piece.

``LineItem`` says what the customer wrote; ``Request`` says what the catalog should look for:
the grade options (identical, equivalent, substitute, alternative — see
``pipeline.catalog.equivalents``), the forms a desk would offer (a 1/4" "sheet" is sold as
plate), the cross-section to compare, and the piece to cut (length, or width x length).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.catalog.equivalents import GradeAsk, resolve_grade
from pipeline.catalog.grades import GRADES
from pipeline.catalog.schema import SECTION_DIMENSIONS
from pipeline.catalog.search.wording import HEAVIER_OK, condition_in, designation_in, finish_in
from pipeline.models import LineItem
from pipeline.words import form_words

FLAT_FORMS = frozenset(("sheet", "plate", "foil"))
PLATE_FROM = 0.1875  # 3/16": thinner is sold as sheet, this and thicker as plate
FOIL_UP_TO = 0.008
WIRE_UP_TO = 0.25
COMPATIBLE_FACTOR = 0.97  # the customer's form word and the catalog's differ, the product does not
OTHER_FORM_FACTOR = 0.85  # a form a desk would offer, but not the one asked


@dataclass(frozen=True)
class FormOption:
    form: str
    factor: float
    note: str


@dataclass(frozen=True)
class Request:
    """What to look for in the catalog for one line."""

    line_no: int
    text: str
    grade: GradeAsk | None
    family: str | None
    form: str | None
    forms: tuple[FormOption, ...]
    section: dict[str, float]
    missing_section: tuple[str, ...]
    piece_length: float | None
    piece_width: float | None
    quantity: float | None
    uom: str
    treatment: str | None
    finish: str | None
    heavier_ok: bool
    flags: tuple[str, ...]
    refused_finishes: tuple[str, ...] = ()  # finishes the customer said no to ("not galvanized")

    @property
    def not_catalog(self) -> bool:
        return "not_catalog_product" in self.flags


def _compatible_forms(form: str, section: dict[str, float]) -> tuple[FormOption, ...]:
    """The asked form first, then the forms the same product is sold as at this size."""
    options = [FormOption(form, 1.0, f"{form_words(form)} as asked")]
    thickness, diameter = section.get("thickness"), section.get("diameter")
    if form in ("sheet", "plate"):
        other = "plate" if form == "sheet" else "sheet"
        natural = thickness is not None and (thickness >= PLATE_FROM) == (other == "plate")
        factor = COMPATIBLE_FACTOR if natural else OTHER_FORM_FACTOR
        options.append(FormOption(other, factor, f"stocked as {other} at this thickness ({form} asked)"))
    if form == "sheet" and thickness is not None and thickness <= FOIL_UP_TO:
        options.append(FormOption("foil", COMPATIBLE_FACTOR, "stocked as foil at this thickness"))
    if form == "foil":
        options.append(FormOption("sheet", OTHER_FORM_FACTOR, "stocked as sheet (foil asked)"))
    if form in ("bar_round", "wire") and (diameter is None or diameter <= WIRE_UP_TO):
        other = "wire" if form == "bar_round" else "bar_round"
        options.append(FormOption(other, COMPATIBLE_FACTOR, f"stocked as {form_words(other)} at this size"))
    return tuple(options)


def _section(item: LineItem, form: str) -> tuple[dict[str, float], tuple[str, ...]]:
    """The cross-section asked, in the catalog's conventions, and the section sizes not given."""
    dims = {name: value for name, value in item.dimensions.items() if value and value > 0}
    if "diameter" not in dims and "outer_diameter" in dims and form in ("bar_round", "wire"):
        dims["diameter"] = dims["outer_diameter"]
    if form == "tube_round" and "outer_diameter" not in dims and "diameter" in dims:
        dims["outer_diameter"] = dims["diameter"]  # a hollow (cored) bar: its diameter is the OD
    if (
        form == "tube_round"
        and "wall_thickness" not in dims
        and {"outer_diameter", "inner_diameter"} <= dims.keys()
    ):
        dims["wall_thickness"] = round((dims["outer_diameter"] - dims["inner_diameter"]) / 2, 6)
    if form in ("beam_i", "channel") and (actual := designation_in(item.source_text, form)):
        dims |= actual  # "W8x31": the actual depth and flange, not the nominal 8
    names = [
        name for name in SECTION_DIMENSIONS.get(form, ()) if name != "weight_per_foot" or form == "beam_i"
    ]
    section = {name: float(dims[name]) for name in names if dims.get(name)}
    _catalog_order(form, section)
    optional = {"weight_per_foot", "width"} if form in ("beam_i", "channel") else set()
    missing = tuple(name for name in names if name not in section and name not in optional)
    return section, missing


def _catalog_order(form: str, section: dict[str, float]) -> None:
    """Swap sizes written in the other order: the catalog lists the longer leg and side first."""
    pairs = {
        "angle": ("leg1", "leg2"),
        "tube_rectangular": ("width", "height"),
        "bar_rectangular": ("width", "thickness"),
    }
    if form in pairs:
        big, small = pairs[form]
        if big in section and small in section and section[big] < section[small]:
            section[big], section[small] = section[small], section[big]


def _positive(value: float | None) -> float | None:
    return value if value and value > 0 else None


def _piece(item: LineItem, form: str | None) -> tuple[float | None, float | None]:
    """(length, width) of the piece to cut; a flat piece is stored narrow side first."""
    length = _positive(item.dimensions.get("length"))
    if form not in FLAT_FORMS:
        return length, None
    width = _positive(item.dimensions.get("width"))
    if width and length and width > length:
        width, length = length, width
    return length, width


def _treatment(item: LineItem) -> str | None:
    return item.temper or condition_in(item.source_text)


def _finishes(item: LineItem) -> tuple[str | None, tuple[str, ...]]:
    """The finish asked and the finishes refused: the line's spec notes (``extract/specs.py``),
    else the first finish its text names — unless the notes refuse that one."""
    notes = [note for note in item.specs if note.kind == "finish" and note.value]
    refused = tuple(dict.fromkeys(note.value for note in notes if note.refused))
    wanted = next((note.value for note in notes if not note.refused and note.value not in refused), None)
    written = finish_in(item.source_text)
    return wanted or (written if written not in refused else None), refused


def build_request(item: LineItem) -> Request:
    """The search request for one extracted line."""
    grade = resolve_grade(item.grade) if item.grade else None
    family = item.material or (GRADES[grade.stocked].family if grade and grade.stocked else None)
    form = "tube_round" if item.form == "bar_round" and item.dimensions.get("inner_diameter") else item.form
    section, missing = _section(item, form) if form else ({}, ())
    length, width = _piece(item, form)
    finish, refused = _finishes(item)
    return Request(
        line_no=item.line_no,
        text=item.source_text,
        grade=grade,
        family=family,
        form=form,
        forms=_compatible_forms(form, section) if form else (),
        section=section,
        missing_section=missing,
        piece_length=length,
        piece_width=width,
        quantity=item.quantity if item.uom in ("EA", "FT") else None,  # pounds, kg: no count of pieces
        uom=item.uom,
        treatment=_treatment(item),
        finish=finish,
        heavier_ok="heavier_ok" in item.flags or bool(HEAVIER_OK.search(item.source_text)),
        flags=tuple(item.flags),
        refused_finishes=refused,
    )
