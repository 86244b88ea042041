"""What a line can sensibly ask for, judged while reading: a number outside it was misread (a
material number in the quantity column, a price read as a length) or mistyped, so the line is
flagged for a person, its numbers kept for them to see.

These bounds are a service center's largest plausible order and stock, per dimension — narrower
than ``pipeline.bounds``, which drops a number no arithmetic should meet (10^30 pieces).
"""

from __future__ import annotations

from pipeline.bounds import IMPLAUSIBLE_QUANTITY, IMPLAUSIBLE_SIZE
from pipeline.models import LineItem

MAX_PIECES = 10_000
MAX_FEET_OR_POUNDS = 200_000
# the largest size a distributor stocks or cuts, in inches, per dimension
_MAX_INCHES = {
    "thickness": 12.0, "wall_thickness": 4.0, "diameter": 48.0, "outer_diameter": 60.0,
    "across_flats": 24.0, "side": 36.0, "width": 144.0, "height": 48.0, "leg": 12.0, "leg1": 12.0,
    "leg2": 12.0, "length": 1_200.0,
}  # fmt: skip
# the shortest piece a saw cuts: a length under it is a misread ("1.000 mm", a thousand written
# the European way, read as one millimetre)
_MIN_LENGTH = 0.25


def implausible_quantity(line: LineItem) -> bool:
    """A count outside what is ordered, or a count of pieces that is not whole ("61.4" bars: a price
    or a weight read as the count)."""
    if line.quantity is None:
        return False
    pieces = (line.uom or "EA") == "EA"
    bound = MAX_PIECES if pieces else MAX_FEET_OR_POUNDS
    return not 0 < line.quantity <= bound or (pieces and not float(line.quantity).is_integer())


def implausible_sizes(line: LineItem) -> list[str]:
    """The dimensions of ``line`` outside what is stocked or cut."""
    return outside_stock(line.dimensions)


def outside_stock(dimensions: dict[str, float]) -> list[str]:
    """The dimensions outside what is stocked or cut."""
    return [
        name
        for name, inches in dimensions.items()
        if (name in _MAX_INCHES and not 0 < inches <= _MAX_INCHES[name])
        or (name == "length" and inches < _MIN_LENGTH)
    ]


IN_THOUSANDTHS = "size_in_thousandths"
_THIN = ("sheet", "tube_round", "tube_square", "tube_rectangular")  # (a plate is never that thin)


def read_thousandths(line: LineItem) -> None:
    """A sheet's or tube's wall or thickness written as a whole number no stock has
    ("sixty five wall", "060 thick"): the shop's thousandths of an inch (.065, .060), flagged for
    a person to confirm instead of unreadable."""
    if IMPLAUSIBLE_SIZE not in line.flags or line.form not in _THIN:
        return
    name = "wall_thickness" if "wall_thickness" in line.dimensions else "thickness"
    value = line.dimensions.get(name)
    section = [
        line.dimensions[other] for other in ("width", "outer_diameter", "side") if other in line.dimensions
    ]
    if value is None or value != int(value) or not 10 <= value <= 500 or not section or min(section) < 1:
        return  # (a thickness with no width or diameter beside it may be a size misplaced)
    line.dimensions = {**line.dimensions, name: value / 1000}
    if not implausible_sizes(line):
        line.flags = [IN_THOUSANDTHS if flag == IMPLAUSIBLE_SIZE else flag for flag in line.flags]
    else:
        line.dimensions = {**line.dimensions, name: value}


def flag_implausible(line: LineItem) -> None:
    """Flag a quantity or a size no order can mean (see the module's docstring)."""
    if implausible_quantity(line) and IMPLAUSIBLE_QUANTITY not in line.flags:
        line.flags.append(IMPLAUSIBLE_QUANTITY)
    if implausible_sizes(line) and IMPLAUSIBLE_SIZE not in line.flags:
        line.flags.append(IMPLAUSIBLE_SIZE)
