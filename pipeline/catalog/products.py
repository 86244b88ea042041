"""Product lines: for one grade in one form, the sections, cut sizes, finishes and mills stocked.

A line is what a service center's price book lists under, say, "304 stainless sheet": every
stocked thickness, in every sheet size and blank, in each finish, from several mills. The
generator multiplies lines out into parts; the first cut and finish of a line are the usual ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.catalog import sizes
from pipeline.catalog.grades import FORM_GROUPS, Grade
from pipeline.catalog.sections import Section, sections

FLAT_FORMS = frozenset(("sheet", "plate", "foil"))


@dataclass(frozen=True)
class Cut:
    """A stocked length (bars, tubes, shapes, wire) or width x length (sheet, plate, foil), inches."""

    length: float
    width: float | None
    label: str
    code: str


@dataclass(frozen=True)
class Line:
    sections: tuple[Section, ...]
    cuts: tuple[Cut, ...]
    finishes: tuple[str, ...]
    suppliers: tuple[tuple[str, str], ...]


# Finish as written in a description -> part-number code ('' = the plain default, not printed).
FINISH_CODES: dict[str, str] = {
    "2B": "2B", "#4": "4", "BA": "BA", "HRAP": "HRAP", "cold finished": "CF", "centerless ground": "CG",
    "bright": "", "welded": "W", "seamless": "S", "#180 polished": "P", "mill": "", "PVC one side": "PVC",
    "cold rolled": "CR", "hot rolled P&O": "HRPO", "hot rolled": "HR", "cold drawn": "CD", "TGP": "TGP",
    "black": "", "galvanized": "GALV", "turned": "T", "continuous cast": "", "flat ground": "FG",
    "decarb-free": "DF", "precision ground": "PG", "hot rolled annealed": "HRA", "saw cut": "",
    "ground": "GR",
}  # fmt: skip

# Mills per family, then the service centers that resell every family: "Name CODE; ...".
_DISTRIBUTORS = "Ryerson RYR; Kloeckner Metals KLO; Russel Metals RUS; Reliance Steel REL"
_MILLS: dict[str, str] = {
    "stainless_steel": "Outokumpu OTK; North American Stainless NAS; Acerinox ACX; Aperam APR; Jindal JSL",
    "aluminum": "Kaiser Aluminum KAI; Arconic ARC; Constellium CST; Novelis NOV; Hydro Extrusion HYD",
    "carbon_steel": "Nucor NUC; Steel Dynamics SDI; Cleveland-Cliffs CLF; Gerdau GER; CMC CMC; Atlas ATL",
    "alloy_steel": "TimkenSteel TMK; Gerdau Special Steel GSS; Charter Steel CHT; Nucor Bar Mill NBM",
    "titanium": "TIMET TIM; ATI ATI; Perryman PRY; Titanium Industries TII",
    "nickel_alloy": "Special Metals SPM; Haynes International HAY; VDM Metals VDM; Rolled Alloys RAL",
    "brass": "Mueller Brass MUE; Wieland WIE; Revere Copper REV; Aurubis AUR",
    "bronze": "Concast Metal Products CON; National Bronze NBZ; Wieland WIE; Farmers Copper FAR",
    "copper": "Revere Copper REV; Aurubis AUR; Wieland WIE; Mueller Brass MUE; Farmers Copper FAR",
    "tool_steel": "Bohler BOH; Uddeholm UDD; Crucible CRU; Latrobe LAT; Carpenter CAR",
}


def _suppliers(table: str) -> tuple[tuple[str, str], ...]:
    pairs = (entry.strip().rsplit(" ", 1) for entry in table.split(";"))
    return tuple((name, code) for name, code in pairs)


# (name, part-number code) per family: its mills first, then the distributors.
SUPPLIERS: dict[str, tuple[tuple[str, str], ...]] = {
    family: _suppliers(f"{mills}; {_DISTRIBUTORS}") for family, mills in _MILLS.items()
}

# Finishes by family and form (or form group); first is the usual one.
_FINISHES: dict[tuple[str, str], tuple[str, ...]] = {
    ("stainless_steel", "sheet"): ("2B", "#4", "BA"),
    ("stainless_steel", "plate"): ("HRAP", "2B"),
    ("stainless_steel", "bar_round"): ("cold finished", "centerless ground"),
    ("stainless_steel", "bar"): ("cold finished",),
    ("stainless_steel", "tube_round"): ("welded", "seamless"),
    ("stainless_steel", "tube"): ("#180 polished", "mill"),
    ("stainless_steel", "shape"): ("HRAP",),
    ("stainless_steel", "flat"): ("bright",),
    ("stainless_steel", "wire"): ("bright",),
    ("aluminum", "sheet"): ("mill", "PVC one side"),
    ("carbon_steel", "sheet"): ("cold rolled", "hot rolled P&O"),
    ("carbon_steel", "bar"): ("cold drawn", "hot rolled"),
    ("carbon_steel", "tube"): ("black", "galvanized"),
    ("carbon_steel", "flat"): ("hot rolled",),
    ("carbon_steel", "shape"): ("hot rolled",),
    ("carbon_steel", "wire"): ("bright",),
    ("alloy_steel", "bar"): ("hot rolled", "TGP", "cold drawn"),
    ("alloy_steel", "sheet"): ("cold rolled",),
    ("alloy_steel", "tube"): ("seamless",),
    ("alloy_steel", "flat"): ("hot rolled",),
    ("titanium", "bar_round"): ("centerless ground", "mill"),
    ("nickel_alloy", "sheet"): ("cold rolled",),
    ("nickel_alloy", "flat"): ("hot rolled",),
    ("nickel_alloy", "bar_round"): ("centerless ground", "turned"),
    ("nickel_alloy", "bar"): ("cold drawn",),
    ("nickel_alloy", "tube"): ("seamless", "welded"),
    ("brass", "bar"): ("cold drawn",),
    ("tool_steel", "bar_round"): ("precision ground", "hot rolled annealed"),
    ("tool_steel", "bar"): ("flat ground", "decarb-free"),
    ("tool_steel", "flat"): ("saw cut", "ground"),
}
# Grades whose bars come one way only, or that differ from their family.
_GRADE_FINISHES: dict[tuple[str, str], tuple[str, ...]] = {
    ("12L14", "bar"): ("cold drawn",),
    ("1045", "bar"): ("cold drawn", "TGP", "hot rolled"),
    ("A36", "bar"): ("hot rolled",),
    ("1010", "sheet"): ("hot rolled P&O", "cold rolled"),
    ("1026", "tube"): ("cold drawn",),
    ("1010", "tube"): ("welded",),
    ("A1011", "sheet"): ("hot rolled P&O", "hot rolled"),
    ("A1008", "sheet"): ("cold rolled",),
    ("A513", "tube_round"): ("cold drawn",),  # DOM: drawn over mandrel
    ("1144", "bar"): ("cold drawn",),
    ("C932", "bar"): ("continuous cast",),
    ("C932", "tube"): ("continuous cast",),
    ("C954", "bar"): ("continuous cast",),
    ("C954", "tube"): ("continuous cast",),
}


def finishes(grade: Grade, form: str) -> tuple[str, ...]:
    group = FORM_GROUPS[form]
    for table, owner in ((_GRADE_FINISHES, grade.name), (_FINISHES, grade.family)):
        for key in ((owner, form), (owner, group)):
            if key in table:
                return table[key]
    return ("mill",)


def _sheet_cuts(pairs: tuple[tuple[int, int], ...]) -> tuple[Cut, ...]:
    return tuple(
        Cut(float(length), float(width), f'{width}" x {length}"', f"{width}{length}")
        for width, length in pairs
    )


def _length_cuts(lengths: tuple[int, ...]) -> tuple[Cut, ...]:
    return tuple(Cut(float(length), None, f'{length}"', str(length)) for length in lengths)


_BAR = (144, *sizes.CUT_LENGTHS, 240)
_TUBE = (240, 144, *sizes.CUT_LENGTHS)
_CUTS_BY_OWNER: dict[tuple[str, str], tuple[Cut, ...]] = {
    ("aluminum", "plate"): _sheet_cuts(sizes.ALUMINUM_PLATE_SIZES + sizes.CUT_BLANKS),
    ("copper", "flat"): _sheet_cuts(sizes.COPPER_SHEET_SIZES + sizes.CUT_BLANKS),
    ("brass", "flat"): _sheet_cuts(sizes.COPPER_SHEET_SIZES + sizes.CUT_BLANKS),
    ("bronze", "flat"): _sheet_cuts(sizes.COPPER_SHEET_SIZES + sizes.CUT_BLANKS),
    ("tool_steel", "plate"): _sheet_cuts((*sizes.CUT_BLANKS, (24, 72))),
    ("tool_steel", "bar_round"): _length_cuts((144, 36, 12, 18, 24)),
    ("tool_steel", "bar"): _length_cuts((36, 18, 24, 12)),
    ("C932", "bar"): _length_cuts((105, 13)),  # continuous-cast bronze comes in 13" and 105" bars
    ("C932", "tube"): _length_cuts((105, 13)),
    ("C954", "bar"): _length_cuts((144, 12, 24, 36)),
    ("carbon_steel", "shape"): _length_cuts(sizes.STRUCTURAL_LENGTHS),
    ("A500", "tube"): _length_cuts(sizes.STRUCTURAL_LENGTHS),
    ("carbon_steel", "beam_i"): _length_cuts(sizes.BEAM_LENGTHS),
    ("aluminum", "beam_i"): _length_cuts((240, 144)),
}
_CUTS_BY_FORM: dict[str, tuple[Cut, ...]] = {
    "sheet": _sheet_cuts(sizes.SHEET_SIZES + sizes.CUT_BLANKS),
    "plate": _sheet_cuts(sizes.PLATE_SIZES[:4] + sizes.CUT_BLANKS),
    "foil": tuple(
        Cut(ft * 12.0, float(w), f'{w}" x {ft} ft roll', f"{w}X{ft}FT") for w, ft in sizes.FOIL_ROLLS
    ),
    "wire": tuple(Cut(ft * 12.0, None, f"{ft} ft coil", f"{ft}FT") for ft in sizes.WIRE_COILS_FT),
    "bar": _length_cuts(_BAR),
    "tube": _length_cuts(_TUBE),
    "shape": _length_cuts(_TUBE),
}
_STEEL_PLATE = _sheet_cuts(sizes.PLATE_SIZES + sizes.CUT_BLANKS)


def cuts(grade: Grade, form: str) -> tuple[Cut, ...]:
    group = FORM_GROUPS[form]
    for owner in (grade.name, grade.family):
        for key in ((owner, form), (owner, group)):
            if key in _CUTS_BY_OWNER:
                return _CUTS_BY_OWNER[key]
    if form == "plate" and grade.family in ("carbon_steel", "stainless_steel"):
        return _STEEL_PLATE  # the mills roll steel plate up to 96" x 288"
    return _CUTS_BY_FORM.get(form) or _CUTS_BY_FORM[group]


def line(grade: Grade, form: str) -> Line:
    """The product line of ``grade`` in ``form`` (which must be one of the grade's forms)."""
    if form not in grade.forms:
        raise ValueError(f"{grade.name} is not stocked as {form}; it is stocked as {', '.join(grade.forms)}")
    return Line(
        tuple(sections(grade, form)), cuts(grade, form), finishes(grade, form), SUPPLIERS[grade.family]
    )
