"""Real stock sizes, in inches: what a metals service center actually carries.

The generator draws every section from these tables, and extraction/search can use the same
helpers (``gauge_to_inches``, ``beam``, ``channel``) to read "16 ga" or "W8x31" the way the
catalog stores them. Values are nominal; metric stock is stored as its inch equivalent.
"""

from __future__ import annotations

import re
from fractions import Fraction

MM = 1 / 25.4  # inches per millimetre


def steps(start: str, stop: str, step: str) -> tuple[float, ...]:
    """``start``..``stop`` inclusive by ``step``, computed in fractions so 1/16 steps stay exact."""
    first, last, delta = Fraction(start), Fraction(stop), Fraction(step)
    count = int((last - first) / delta)
    return tuple(float(first + delta * i) for i in range(count + 1))


# ---- bars ---------------------------------------------------------------------------------
# Round bar as stocked: 1/16" steps to 1", 1/8" to 3", 1/4" to 8", 1/2" to 12".
BAR_DIAMETERS: tuple[float, ...] = (
    *steps("1/8", "1", "1/16"),
    *steps("9/8", "3", "1/8"),
    *steps("13/4", "8", "1/4"),
    *steps("17/2", "12", "1/2"),
)
METRIC_BAR_MM: tuple[int, ...] = (10, 12, 16, 20, 25, 30, 40, 50, 60, 80, 100, 150)
HEX_ACROSS_FLATS: tuple[float, ...] = (
    *steps("1/4", "1", "1/16"),
    *steps("9/8", "2", "1/8"),
    2.25,
    2.5,
    3,
    3.5,
    4,
)
SQUARE_SIDES: tuple[float, ...] = (*steps("1/4", "1", "1/8"), *steps("5/4", "2", "1/4"), 2.5, 3, 3.5, 4, 5, 6)
FLAT_THICKNESSES: tuple[float, ...] = (
    0.125,
    0.1875,
    0.25,
    0.3125,
    0.375,
    0.5,
    0.625,
    0.75,
    1,
    1.25,
    1.5,
    2,
    3,
)
FLAT_WIDTHS: tuple[float, ...] = (0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 8, 10, 12)
# Ground flat stock (tool steel) starts thinner and stays narrower.
GROUND_FLAT_THICKNESSES: tuple[float, ...] = (0.0625, 0.09375, *FLAT_THICKNESSES[:-1])
COMMON_BAR: frozenset[float] = frozenset((0.25, 0.375, 0.5, 0.625, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 6, 8))

# ---- sheet and plate ----------------------------------------------------------------------
# Manufacturers' standard gauge (carbon steel), stainless gauge as mills quote it, and
# Brown & Sharpe gauge used for aluminum, copper, brass and bronze. Extraction reads "16 ga" with
# these tables too, so a gauge means the same thickness in a request and in the catalog.
STEEL_GAUGE: dict[int, float] = {
    3: 0.2391, 4: 0.2242, 5: 0.2092, 6: 0.1943, 7: 0.1793, 8: 0.1644, 9: 0.1495, 10: 0.1345,
    11: 0.1196, 12: 0.1046, 13: 0.0897, 14: 0.0747, 15: 0.0673, 16: 0.0598, 17: 0.0538, 18: 0.0478,
    19: 0.0418, 20: 0.0359, 21: 0.0329, 22: 0.0299, 23: 0.0269, 24: 0.0239, 25: 0.0209, 26: 0.0179,
    27: 0.0164, 28: 0.0149, 29: 0.0135, 30: 0.0120,
}  # fmt: skip
# The mills' stainless gauge: the steel gauge to three decimals (7 ga is quoted 3/16").
STAINLESS_GAUGE: dict[int, float] = {
    7: 0.1875, 8: 0.165, 9: 0.150, 10: 0.135, 11: 0.120, 12: 0.105, 13: 0.090, 14: 0.075, 15: 0.067,
    16: 0.060, 17: 0.054, 18: 0.048, 19: 0.042, 20: 0.036, 21: 0.033, 22: 0.030, 23: 0.027, 24: 0.024,
    25: 0.021, 26: 0.018, 27: 0.016, 28: 0.015, 29: 0.0135, 30: 0.012,
}  # fmt: skip


def awg_inches(gauge: int) -> float:
    """American Wire (Brown & Sharpe) Gauge: diameter = 0.005" x 92^((36 - n) / 39), its definition."""
    return round(0.005 * 92 ** ((36 - gauge) / 39), 4)


NONFERROUS_GAUGE: dict[int, float] = {gauge: awg_inches(gauge) for gauge in range(0, 41)}
_GAUGE_BY_FAMILY: dict[str, dict[int, float]] = {
    "carbon_steel": STEEL_GAUGE,
    "alloy_steel": STEEL_GAUGE,
    "stainless_steel": STAINLESS_GAUGE,
    "nickel_alloy": STAINLESS_GAUGE,
    "titanium": STAINLESS_GAUGE,
    "aluminum": NONFERROUS_GAUGE,
    "copper": NONFERROUS_GAUGE,
    "brass": NONFERROUS_GAUGE,
    "bronze": NONFERROUS_GAUGE,
}


def gauge_to_inches(gauge: int, family: str | None = None) -> float | None:
    """Decimal inches of a sheet gauge for a family (steel gauge when the family is unknown)."""
    return _GAUGE_BY_FAMILY.get(family or "", STEEL_GAUGE).get(gauge)


def inches_to_gauge(thickness: float, family: str | None = None, tolerance: float = 0.003) -> int | None:
    """The gauge a decimal thickness is sold as, if it is one (``0.0598`` → 16 for steel)."""
    table = _GAUGE_BY_FAMILY.get(family or "", STEEL_GAUGE)
    gauge, value = min(table.items(), key=lambda item: abs(item[1] - thickness))
    return gauge if abs(value - thickness) <= tolerance else None


STEEL_SHEET_GAUGES: tuple[int, ...] = (28, 26, 24, 22, 20, 18, 16, 14, 12, 11, 10, 7)
STAINLESS_SHEET_GAUGES: tuple[int, ...] = (28, 26, 24, 22, 20, 18, 16, 14, 12, 11, 10)
# Decimal sheet thicknesses: aluminum as the mills roll it, copper alloys and specialty sheet.
ALUMINUM_SHEET: tuple[float, ...] = (
    0.016,
    0.020,
    0.025,
    0.032,
    0.040,
    0.050,
    0.063,
    0.071,
    0.080,
    0.090,
    0.100,
    0.125,
    0.160,
    0.190,
)
COPPER_SHEET: tuple[float, ...] = (
    0.010,
    0.016,
    0.020,
    0.021,
    0.025,
    0.032,
    0.040,
    0.050,
    0.0625,
    0.080,
    0.125,
)
SPECIALTY_SHEET: tuple[float, ...] = (
    0.016,
    0.020,
    0.025,
    0.032,
    0.040,
    0.050,
    0.063,
    0.080,
    0.093,
    0.125,
    0.1875,
)
COMMON_SHEET: frozenset[float] = frozenset(
    (0.036, 0.048, 0.060, 0.063, 0.0598, 0.075, 0.0747, 0.090, 0.120, 0.125)
)
PLATE_THICKNESSES: tuple[float, ...] = (
    0.1875,
    0.25,
    0.3125,
    0.375,
    0.5,
    0.625,
    0.75,
    0.875,
    1,
    1.25,
    1.5,
    1.75,
    2,
    2.5,
    3,
    3.5,
    4,
)
THICK_PLATE: tuple[float, ...] = (4.5, 5, 6)  # aluminum plate runs thicker
METRIC_PLATE_MM: tuple[int, ...] = (6, 10, 12, 20, 25)
COMMON_PLATE: frozenset[float] = frozenset((0.25, 0.375, 0.5, 0.75, 1, 2))
FOIL_THICKNESSES: tuple[float, ...] = (0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008)
WIRE_DIAMETERS: tuple[float, ...] = (
    0.010,
    0.015,
    0.020,
    0.025,
    0.032,
    0.040,
    0.047,
    0.051,
    0.062,
    0.072,
    0.080,
    0.091,
    0.105,
    0.125,
    0.156,
    0.187,
    0.250,
)

# Sheet and plate sizes (width, length); cut blanks are sold as pieces too.
SHEET_SIZES: tuple[tuple[int, int], ...] = ((48, 96), (48, 120), (36, 96), (60, 120), (48, 144), (60, 144))
PLATE_SIZES: tuple[tuple[int, int], ...] = ((48, 96), (48, 120), (60, 120), (72, 144), (96, 240), (96, 288))
ALUMINUM_PLATE_SIZES: tuple[tuple[int, int], ...] = ((48, 96), (48, 144), (60, 144), (72, 144), (48, 120))
COPPER_SHEET_SIZES: tuple[tuple[int, int], ...] = ((36, 96), (24, 96), (36, 120), (48, 96))
CUT_BLANKS: tuple[tuple[int, int], ...] = ((12, 12), (12, 24), (24, 24), (24, 36), (24, 48))
FOIL_ROLLS: tuple[tuple[int, int], ...] = ((12, 50), (12, 100), (24, 50), (6, 100))  # width in, length ft

# ---- lengths ------------------------------------------------------------------------------
BAR_LENGTHS: tuple[int, ...] = (144, 240)  # full bars, 12' and 20'
RANDOM_LENGTH_RANGE: tuple[int, int] = (144, 240)  # "random lengths 12'-20'"
CUT_LENGTHS: tuple[int, ...] = (12, 24, 36, 48, 72)
STRUCTURAL_LENGTHS: tuple[int, ...] = (240, 480, 288)  # 20', 40', 24'
BEAM_LENGTHS: tuple[int, ...] = (240, 360, 480)
WIRE_COILS_FT: tuple[int, ...] = (100, 500, 1000)
FULL_LENGTH_MIN = 96  # at or above this a bar/tube is a stock length sold by the foot

# ---- tubes --------------------------------------------------------------------------------
_WALLS_BY_OD: dict[float, tuple[float, ...]] = {
    0.25: (0.035, 0.049), 0.375: (0.035, 0.049, 0.065), 0.5: (0.035, 0.049, 0.065, 0.083),
    0.625: (0.049, 0.065), 0.75: (0.035, 0.049, 0.065, 0.083, 0.120), 0.875: (0.049, 0.065),
    1: (0.035, 0.049, 0.065, 0.083, 0.120, 0.134), 1.25: (0.049, 0.065, 0.083, 0.120),
    1.5: (0.049, 0.065, 0.083, 0.120, 0.188), 1.75: (0.065, 0.120),
    2: (0.049, 0.065, 0.083, 0.120, 0.188, 0.250), 2.5: (0.065, 0.083, 0.120, 0.250),
    3: (0.065, 0.083, 0.120, 0.188, 0.250), 3.5: (0.120, 0.250), 4: (0.083, 0.120, 0.188, 0.250),
    5: (0.120, 0.250), 6: (0.120, 0.188, 0.250),
}  # fmt: skip
ROUND_TUBES: tuple[tuple[float, float], ...] = tuple((od, w) for od, ws in _WALLS_BY_OD.items() for w in ws)
COMMON_TUBES: frozenset[tuple[float, float]] = frozenset(
    ((0.5, 0.049), (0.75, 0.065), (1, 0.065), (1.5, 0.065), (2, 0.065), (2.5, 0.065), (1, 0.049), (2, 0.120))
)
# Bearing bronze cored bar: OD with walls that leave a standard ID.
CORED_BAR_ODS: tuple[float, ...] = (1, 1.25, 1.5, 1.75, 2, 2.125, 2.25, 2.5, 2.75, 3, 3.5, 4, 4.5, 5, 6)
CORED_BAR_WALLS: tuple[float, ...] = (0.1875, 0.25, 0.375, 0.5)
_SQUARE_TUBE_WALLS: dict[float, tuple[float, ...]] = {
    0.75: (0.065,), 1: (0.065, 0.083, 0.120), 1.25: (0.065, 0.120), 1.5: (0.065, 0.083, 0.120, 0.188),
    2: (0.065, 0.083, 0.120, 0.188, 0.250), 2.5: (0.120, 0.188, 0.250), 3: (0.120, 0.188, 0.250),
    4: (0.120, 0.188, 0.250), 5: (0.188, 0.250), 6: (0.188, 0.250, 0.375), 8: (0.250, 0.375, 0.500),
}  # fmt: skip
SQUARE_TUBES: tuple[tuple[float, float], ...] = tuple(
    (s, w) for s, ws in _SQUARE_TUBE_WALLS.items() for w in ws
)
_RECT_TUBE_WALLS: dict[tuple[float, float], tuple[float, ...]] = {
    (2, 1): (0.065, 0.083, 0.120), (3, 1): (0.120,), (3, 1.5): (0.120, 0.188), (3, 2): (0.120, 0.188, 0.250),
    (4, 2): (0.120, 0.188, 0.250), (4, 3): (0.188, 0.250), (5, 3): (0.188, 0.250), (6, 2): (0.188, 0.250),
    (6, 3): (0.188, 0.250), (6, 4): (0.188, 0.250, 0.375), (8, 4): (0.188, 0.250, 0.375),
    (8, 6): (0.250, 0.375), (10, 4): (0.250, 0.375), (12, 6): (0.250, 0.375, 0.500),
}  # fmt: skip
RECT_TUBES: tuple[tuple[float, float, float], ...] = tuple(
    (w, h, t) for (w, h), ts in _RECT_TUBE_WALLS.items() for t in ts
)

# ---- structural shapes --------------------------------------------------------------------
ANGLES: tuple[tuple[float, float, float], ...] = (
    (1, 1, 0.125), (1, 1, 0.1875), (1, 1, 0.25), (1.25, 1.25, 0.125), (1.25, 1.25, 0.1875), (1.5, 1.5, 0.125),
    (1.5, 1.5, 0.1875), (1.5, 1.5, 0.25), (2, 2, 0.125), (2, 2, 0.1875), (2, 2, 0.25), (2, 2, 0.375),
    (2.5, 2.5, 0.1875), (2.5, 2.5, 0.25), (2.5, 2.5, 0.375), (3, 3, 0.1875), (3, 3, 0.25), (3, 3, 0.375),
    (3, 3, 0.5), (4, 4, 0.25), (4, 4, 0.375), (4, 4, 0.5), (5, 5, 0.375), (5, 5, 0.5), (6, 6, 0.375),
    (6, 6, 0.5), (2, 1.5, 0.25), (2.5, 1.5, 0.25), (3, 2, 0.125), (3, 2, 0.1875), (3, 2, 0.25),
    (3.5, 2.5, 0.25), (4, 3, 0.25), (4, 3, 0.375), (5, 3, 0.375), (6, 4, 0.375), (6, 4, 0.5),
)  # fmt: skip
# American Standard channels: designation -> (depth, flange width, web thickness, steel lb/ft).
CHANNELS: dict[str, tuple[float, float, float, float]] = {
    "C3x4.1": (3, 1.41, 0.170, 4.1), "C3x5": (3, 1.50, 0.258, 5.0), "C3x6": (3, 1.60, 0.356, 6.0),
    "C4x5.4": (4, 1.58, 0.184, 5.4), "C4x7.25": (4, 1.72, 0.321, 7.25), "C5x6.7": (5, 1.75, 0.190, 6.7),
    "C5x9": (5, 1.89, 0.325, 9.0), "C6x8.2": (6, 1.92, 0.200, 8.2), "C6x10.5": (6, 2.03, 0.314, 10.5),
    "C6x13": (6, 2.16, 0.437, 13.0), "C7x9.8": (7, 2.09, 0.210, 9.8), "C8x11.5": (8, 2.26, 0.220, 11.5),
    "C8x13.75": (8, 2.34, 0.303, 13.75), "C9x13.4": (9, 2.43, 0.233, 13.4),
    "C10x15.3": (10, 2.60, 0.240, 15.3), "C10x20": (10, 2.74, 0.379, 20.0),
    "C12x20.7": (12, 2.94, 0.282, 20.7), "C12x25": (12, 3.05, 0.387, 25.0),
    "C15x33.9": (15, 3.40, 0.400, 33.9),
}  # fmt: skip
# Wide-flange and American Standard beams: designation -> (depth, flange width, steel lb/ft).
BEAMS: dict[str, tuple[float, float, float]] = {
    "W4x13": (4.16, 4.06, 13), "W6x9": (5.90, 3.94, 9), "W6x12": (6.03, 4.00, 12), "W6x15": (5.99, 5.99, 15),
    "W6x20": (6.20, 6.02, 20), "W8x10": (7.89, 3.94, 10), "W8x13": (7.99, 4.00, 13),
    "W8x18": (8.14, 5.25, 18), "W8x24": (7.93, 6.50, 24), "W8x31": (8.00, 8.00, 31),
    "W8x35": (8.12, 8.02, 35), "W10x12": (9.87, 3.96, 12), "W10x15": (9.99, 4.00, 15),
    "W10x22": (10.2, 5.75, 22), "W10x26": (10.3, 5.77, 26), "W10x33": (9.73, 7.96, 33),
    "W10x49": (10.0, 10.0, 49), "W12x14": (11.9, 3.97, 14), "W12x19": (12.2, 4.01, 19),
    "W12x26": (12.2, 6.49, 26), "W12x35": (12.5, 6.56, 35), "W12x40": (11.9, 8.01, 40),
    "W12x50": (12.2, 8.08, 50), "W14x22": (13.7, 5.00, 22), "W14x30": (13.8, 6.73, 30),
    "W14x48": (13.8, 8.03, 48), "W16x26": (15.7, 5.50, 26), "W16x31": (15.9, 5.53, 31),
    "W18x35": (17.7, 6.00, 35), "W21x44": (20.7, 6.50, 44), "W24x55": (23.6, 7.01, 55),
    "S3x5.7": (3, 2.33, 5.7), "S4x7.7": (4, 2.66, 7.7), "S5x10": (5, 3.00, 10), "S6x12.5": (6, 3.33, 12.5),
    "S8x18.4": (8, 4.00, 18.4), "S10x25.4": (10, 4.66, 25.4), "S12x31.8": (12, 5.00, 31.8),
}  # fmt: skip
# Aluminum Association standard I-beams: designation -> (depth, flange width, aluminum lb/ft).
ALUMINUM_BEAMS: dict[str, tuple[float, float, float]] = {
    "I3x1.64": (3, 2.5, 1.637), "I4x2.31": (4, 3, 2.311), "I5x3.15": (5, 3.5, 3.154), "I6x4.03": (6, 4, 4.03),
    "I8x6.18": (8, 5, 6.181), "I10x8.65": (10, 6, 8.646),
}  # fmt: skip
COMMON_SHAPES: frozenset[str] = frozenset(
    ("W8x31", "W10x33", "W12x26", "W6x15", "C4x5.4", "C6x8.2", "C3x4.1")
)

_DESIGNATION = re.compile(r"^\s*([WSCI])\s*(\d+)\s*[x×]\s*(\d+(?:\.\d+)?)\s*$", re.IGNORECASE)


def _normalise(designation: str) -> str | None:
    match = _DESIGNATION.match(designation)
    return f"{match[1].upper()}{match[2]}x{match[3]}" if match else None


def beam(designation: str) -> tuple[float, float, float] | None:
    """(depth, flange width, lb/ft) of ``W8x31``, ``S6x12.5`` or an aluminum ``I4x2.31``."""
    key = _normalise(designation)
    return None if key is None else BEAMS.get(key) or ALUMINUM_BEAMS.get(key)


def channel(designation: str) -> tuple[float, float, float, float] | None:
    """(depth, flange width, web thickness, steel lb/ft) of ``C4x5.4``."""
    key = _normalise(designation)
    return None if key is None else CHANNELS.get(key)


# ---- labels -------------------------------------------------------------------------------
def fraction_label(value: float) -> str:
    """``1.5`` → ``1-1/2"``, ``0.375`` → ``3/8"``; values off the 1/64 grid stay decimal."""
    exact = Fraction(value).limit_denominator(64)
    if abs(float(exact) - value) > 1e-9:
        return decimal_label(value)
    whole, rest = divmod(exact, 1)
    if not rest:
        return f'{whole}"'
    return f'{whole}-{rest}"' if whole else f'{rest}"'


def decimal_label(value: float, leading_zero: bool = True) -> str:
    """``0.125`` → ``0.125"``; four places only when the fourth matters (``0.0598"``)."""
    text = f"{value:.3f}" if abs(value * 1000 - round(value * 1000)) < 1e-6 else f"{value:.4f}"
    return f'{text if leading_zero or value >= 1 else text.lstrip("0")}"'


def dim_code(value: float) -> str:
    """Part-number fragment for a size: thousandths of an inch, or ten-thousandths if needed."""
    thousandths = value * 1000
    if abs(thousandths - round(thousandths)) < 1e-6:
        return f"{round(thousandths):04d}"
    return f"{round(value * 10000):05d}"
