"""Stocked cross-sections per grade and form, built from the stock-size tables.

A ``Section`` carries the schema dimension values, the way a desk writes the size, the
part-number fragment and the area used for weight. ``common`` marks the staples every service
center carries, which a catalog of any size includes first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from pipeline.catalog import sizes
from pipeline.catalog.grades import Grade
from pipeline.catalog.sizes import MM, decimal_label, dim_code, fraction_label

T = TypeVar("T")
STEEL_DENSITY = 0.2836  # the density the steel shape tables' lb/ft assume
ALUMINUM_DENSITY = 0.098


@dataclass(frozen=True)
class Section:
    """A stocked cross-section. ``area`` is in² (for sheet, plate and foil: the thickness)."""

    dims: tuple[tuple[str, float], ...]
    label: str
    code: str
    area: float
    common: bool = False


def _limit(table: Mapping[str, T], grade: Grade, default: T) -> T:
    """A size limit keyed by grade name, else by family, else the default."""
    return table.get(grade.name, table.get(grade.family, default))


def _one(name: str, value: float, label: str, code: str, area: float, common: bool) -> Section:
    return Section(((name, value),), label, code, area, common)


_METRIC_FAMILIES = frozenset(("stainless_steel", "carbon_steel", "alloy_steel", "aluminum"))


def _metric(
    grade: Grade, values_mm: Iterable[int], name: str, area: float, power: int, top: float
) -> list[Section]:
    """Metric stock up to ``top`` inches, stored in inches, for the families that import it.
    The cross-section is ``area`` x size ** ``power`` (2 for bars, 1 for plate thickness)."""
    if grade.family not in _METRIC_FAMILIES:
        return []
    return [
        _one(name, inches, f"{mm} mm ({decimal_label(inches)})", f"{mm}MM", area * inches**power, False)
        for mm in values_mm
        if (inches := mm * MM) <= top
    ]


_MAX_BAR = {
    "12L14": 4.0,
    "303": 6.0,
    "titanium": 6.0,
    "nickel_alloy": 8.0,
    "brass": 4.0,
    "copper": 4.0,
    "bronze": 8.0,
    "tool_steel": 8.0,
}
_MAX_SMALL_BAR = {"brass": 2.5, "copper": 2.5, "nickel_alloy": 3.0, "tool_steel": 4.0}


def _round_bars(grade: Grade) -> list[Section]:
    top = _limit(_MAX_BAR, grade, 12.0)
    bottom = 0.5 if grade.family == "bronze" else 0.0
    imperial = [
        _one("diameter", d, fraction_label(d), dim_code(d), math.pi / 4 * d * d, d in sizes.COMMON_BAR)
        for d in sizes.BAR_DIAMETERS
        if bottom <= d <= top
    ]
    return imperial + _metric(grade, sizes.METRIC_BAR_MM, "diameter", math.pi / 4, 2, top)


def _bars(values: Iterable[float], name: str, area_factor: float) -> list[Section]:
    return [
        _one(name, v, fraction_label(v), dim_code(v), area_factor * v * v, v in sizes.COMMON_BAR)
        for v in values
    ]


def _sheets(grade: Grade) -> list[Section]:
    if grade.family in ("stainless_steel", "carbon_steel"):
        stainless = grade.family == "stainless_steel"
        table = sizes.STAINLESS_GAUGE if stainless else sizes.STEEL_GAUGE
        gauges = sizes.STAINLESS_SHEET_GAUGES if stainless else sizes.STEEL_SHEET_GAUGES
        found = [
            _one("thickness", table[g], f"{decimal_label(table[g])} ({g} ga)", dim_code(table[g]), table[g],
                 table[g] in sizes.COMMON_SHEET)
            for g in gauges
        ]  # fmt: skip
        if stainless:  # 1/8" is sold as sheet next to 11 ga
            found.append(_one("thickness", 0.125, decimal_label(0.125), dim_code(0.125), 0.125, True))
        return found
    values = {"aluminum": sizes.ALUMINUM_SHEET, "copper": sizes.COPPER_SHEET, "brass": sizes.COPPER_SHEET}
    return [
        _one("thickness", t, decimal_label(t), dim_code(t), t, t in sizes.COMMON_SHEET or t == 0.0625)
        for t in values.get(grade.family, sizes.SPECIALTY_SHEET)
    ]


_MAX_PLATE = {
    "aluminum": 6.0,
    "titanium": 3.0,
    "nickel_alloy": 2.0,
    "brass": 2.0,
    "copper": 2.0,
    "bronze": 2.0,
}


_MIN_PLATE = {"7050": 1.0}  # 7050 is a thick-plate alloy


def _plates(grade: Grade) -> list[Section]:
    bottom, top = _limit(_MIN_PLATE, grade, 0.0), _limit(_MAX_PLATE, grade, 4.0)
    imperial = [
        _one("thickness", t, fraction_label(t), dim_code(t), t, t in sizes.COMMON_PLATE)
        for t in (*sizes.PLATE_THICKNESSES, *sizes.THICK_PLATE)
        if bottom <= t <= top
    ]
    return imperial + _metric(grade, sizes.METRIC_PLATE_MM, "thickness", 1.0, 1, top)


_MAX_FLAT = {"copper": (0.5, 6.0), "brass": (1.0, 6.0), "tool_steel": (2.0, 12.0)}


def _flats(grade: Grade) -> list[Section]:
    """Flat bar; tool steel is ground flat stock, copper is bus bar (thin and not too wide)."""
    thicknesses = sizes.GROUND_FLAT_THICKNESSES if grade.family == "tool_steel" else sizes.FLAT_THICKNESSES
    max_t, max_w = _limit(_MAX_FLAT, grade, (3.0, 12.0))
    return [
        Section(
            (("thickness", t), ("width", w)),
            f"{fraction_label(t)} x {fraction_label(w)}",
            f"{dim_code(t)}X{dim_code(w)}",
            t * w,
            t in (0.25, 0.375, 0.5, 1) and w in (1, 2, 3, 4, 6),
        )
        for t in thicknesses
        for w in sizes.FLAT_WIDTHS
        if t < w <= max_w and t <= max_t
    ]


# (min OD, max OD, min wall, max wall)
_TUBE_LIMITS = {
    "A500": (1.0, 6.0, 0.083, 0.25), "carbon_steel": (0.5, 6.0, 0.049, 0.25),
    "titanium": (0.25, 3.0, 0.0, 0.12), "nickel_alloy": (0.25, 3.0, 0.0, 0.12),
    "copper": (0.25, 4.0, 0.0, 0.12), "brass": (0.25, 4.0, 0.0, 0.12),
}  # fmt: skip


def _round_tubes(grade: Grade) -> list[Section]:
    if grade.family == "bronze":  # bearing bronze comes as cored bar, sold by OD x ID
        pairs = [(od, w) for od in sizes.CORED_BAR_ODS for w in sizes.CORED_BAR_WALLS if od - 2 * w >= 0.5]
    else:
        lo_od, hi_od, lo_w, hi_w = _limit(_TUBE_LIMITS, grade, (0.25, 6.0, 0.0, 0.25))
        pairs = [(od, w) for od, w in sizes.ROUND_TUBES if lo_od <= od <= hi_od and lo_w <= w <= hi_w]
    cored = grade.family == "bronze"
    return [
        Section(
            (("outer_diameter", od), ("wall_thickness", w)),
            f"{fraction_label(od)} OD x {fraction_label(od - 2 * w)} ID"
            if cored
            else f"{fraction_label(od)} OD x {decimal_label(w, leading_zero=False)} wall",
            f"{dim_code(od)}X{dim_code(w)}",
            math.pi * w * (od - w),
            (od, w) in sizes.COMMON_TUBES,
        )
        for od, w in pairs
    ]


_SQUARE_TUBE_LIMITS = {"stainless_steel": (4.0, 0.188), "1010": (3.0, 0.12), "A500": (8.0, 0.5)}


def _square_tubes(grade: Grade) -> list[Section]:
    max_side, max_wall = _limit(_SQUARE_TUBE_LIMITS, grade, (6.0, 0.25))
    return [
        Section(
            (("side", s), ("wall_thickness", w)),
            f"{fraction_label(s)} x {fraction_label(s)} x {decimal_label(w, leading_zero=False)} wall",
            f"{dim_code(s)}X{dim_code(w)}",
            4 * w * (s - w),
            s in (1, 1.5, 2, 3, 4) and w in (0.065, 0.12, 0.188, 0.25),
        )
        for s, w in sizes.SQUARE_TUBES
        if s <= max_side and w <= max_wall
    ]


def _rect_tubes(grade: Grade) -> list[Section]:
    max_width = _limit({"stainless_steel": 6.0, "aluminum": 8.0}, grade, 12.0)
    return [
        Section(
            (("width", w), ("height", h), ("wall_thickness", t)),
            f"{fraction_label(w)} x {fraction_label(h)} x {decimal_label(t, leading_zero=False)} wall",
            f"{dim_code(w)}X{dim_code(h)}X{dim_code(t)}",
            2 * t * (w + h - 2 * t),
            (w, h) in ((2, 1), (3, 2), (4, 2), (6, 4)) and t in (0.12, 0.188, 0.25),
        )
        for w, h, t in sizes.RECT_TUBES
        if w <= max_width
    ]


_COMMON_ANGLES = frozenset(((2, 2, 0.25), (3, 3, 0.25), (2, 2, 0.125), (4, 4, 0.375), (3, 2, 0.25)))


def _angles(grade: Grade) -> list[Section]:
    min_leg, max_leg = _limit({"stainless_steel": (0.0, 4.0), "A572": (3.0, 6.0)}, grade, (0.0, 6.0))
    return [
        Section(
            (("leg1", a), ("leg2", b), ("thickness", t)),
            f"{fraction_label(a)} x {fraction_label(b)} x {fraction_label(t)}",
            f"{dim_code(a)}X{dim_code(b)}X{dim_code(t)}",
            t * (a + b - t),
            (a, b, t) in _COMMON_ANGLES,
        )
        for a, b, t in sizes.ANGLES
        if min_leg <= a <= max_leg
    ]


def _shape(
    name: str, dims: tuple[tuple[str, float], ...], label: str, lb_ft: float, density: float
) -> Section:
    """A designated shape; its area comes from the table's weight per foot."""
    return Section(dims, label, name.upper(), lb_ft / (12 * density), name in sizes.COMMON_SHAPES)


def _channels(grade: Grade) -> list[Section]:
    """Steel channels by designation; other metals by size (their lb/ft differs)."""
    steel = grade.family == "carbon_steel"
    return [
        _shape(
            name,
            (("height", depth), ("width", flange), ("thickness", web)),
            name
            if steel
            else f"{fraction_label(depth)} x {decimal_label(flange)} x {decimal_label(web, False)}",
            lb_ft,
            STEEL_DENSITY,
        )
        for name, (depth, flange, web, lb_ft) in sizes.CHANNELS.items()
        if steel or depth <= 8
    ]


def _beams(grade: Grade) -> list[Section]:
    if grade.family == "aluminum":
        table, density = sizes.ALUMINUM_BEAMS, ALUMINUM_DENSITY
    else:  # A36 is the American Standard (S) beam grade; wide flanges are A992/A572
        prefix = "S" if grade.name == "A36" else "W"
        table = {name: row for name, row in sizes.BEAMS.items() if name.startswith(prefix)}
        density = STEEL_DENSITY
    return [
        _shape(name, (("height", depth), ("width", flange)), name, lb_ft, density)
        for name, (depth, flange, lb_ft) in table.items()
    ]


def _wires(grade: Grade) -> list[Section]:
    return [
        _one("diameter", d, decimal_label(d), dim_code(d), math.pi / 4 * d * d, d in (0.062, 0.125))
        for d in sizes.WIRE_DIAMETERS
    ]


def _foils(grade: Grade) -> list[Section]:
    return [
        _one("thickness", t, decimal_label(t), dim_code(t), t, t in (0.002, 0.005))
        for t in sizes.FOIL_THICKNESSES
    ]


def _squares(grade: Grade) -> list[Section]:
    top = _limit(_MAX_SMALL_BAR, grade, 6.0)
    return _bars((s for s in sizes.SQUARE_SIDES if s <= top), "side", 1.0)


def _hexes(grade: Grade) -> list[Section]:
    top = _limit(_MAX_SMALL_BAR, grade, 4.0)
    return _bars((s for s in sizes.HEX_ACROSS_FLATS if s <= top), "across_flats", math.sqrt(3) / 2)


_BUILDERS = {
    "sheet": _sheets,
    "plate": _plates,
    "foil": _foils,
    "bar_round": _round_bars,
    "bar_square": _squares,
    "bar_hex": _hexes,
    "bar_rectangular": _flats,
    "wire": _wires,
    "tube_round": _round_tubes,
    "tube_square": _square_tubes,
    "tube_rectangular": _rect_tubes,
    "angle": _angles,
    "channel": _channels,
    "beam_i": _beams,
}


def sections(grade: Grade, form: str) -> list[Section]:
    """Every stocked cross-section of ``grade`` in ``form``."""
    return _BUILDERS[form](grade)
