"""Cut to size, as a service center does: how many asked pieces one stock piece yields, how many to pull.

Bars, tubes, shapes and wire are sawn across (a kerf per cut); sheet and foil are sheared into
a grid of blanks (no kerf), plate is sawn or plasma cut (a kerf), trying both orientations. A
stock piece shorter (or smaller) than the piece asked never fills it.

Mill lengths run over nominal: a "12 ft" bar, tube or shape from the mill is cut long, never short
(ASTM A6, A29 and A484 give plus-only tolerances on cut lengths, about 1/2" to 1"), which is why a
desk cuts a 12 ft bar into two 6 ft pieces or three 4 ft pieces without a second thought. So stock
of ``MILL_LENGTH_FROM`` and longer counts ``MILL_OVERRUN`` over its nominal length; shorter
lengths (12", 36" …) and sheet and plate are cut pieces sold at their size.

Which stock size fills a request best (the trade rule the ranking in ``score.py`` and the
benchmark's answers follow): among sizes that fit, one in stock for the quantity before one on
backorder; then the exact size (no cutting); else the one that uses the least stock for the whole
quantity, then the smaller stock size.
All functions work on numpy arrays, one element per candidate part.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.bounds import plausible_quantity, plausible_size
from pipeline.models import CutPlan

SAW_KERF = 0.125  # inches lost per saw or plasma cut (1/8" blade)
SHEARED = frozenset(("sheet", "foil"))  # a shear loses nothing between blanks
EXACT = 0.005  # a stock size within 0.5% of the asked size is the asked size
MILL_OVERRUN = 0.5  # inches a mill length runs over nominal, at the least (see the module docstring)
MILL_LENGTH_FROM = 120.0  # 10 ft and longer: lengths as the mill ships them
CUT_PIECES = frozenset(("sheet", "plate", "foil"))  # sold at their size, no overrun


def kerf_for(form: str) -> float:
    return 0.0 if form in SHEARED else SAW_KERF


def usable_length(length: np.ndarray, form: str) -> np.ndarray:
    """The length a saw can use: a mill length's overrun counts, a cut piece's size is its size."""
    if form in CUT_PIECES:
        return length
    return length + np.where(length >= MILL_LENGTH_FROM, MILL_OVERRUN, 0.0)


def pieces_along(stock: np.ndarray, piece: float, kerf: float = SAW_KERF) -> np.ndarray:
    """Pieces of ``piece`` cut from ``stock``: n pieces need n - 1 cuts, so n*piece + (n-1)*kerf <= stock."""
    return np.floor((stock + kerf) / (piece + kerf) + 1e-9).astype(np.int64)


def pieces_per_sheet(
    width: np.ndarray, length: np.ndarray, piece_width: float, piece_length: float, kerf: float = SAW_KERF
) -> np.ndarray:
    """Blanks from a sheet, as a grid, in whichever orientation yields more."""
    along = pieces_along(width, piece_width, kerf) * pieces_along(length, piece_length, kerf)
    across = pieces_along(width, piece_length, kerf) * pieces_along(length, piece_width, kerf)
    return np.maximum(along, across)


def _same(stock: np.ndarray, asked: float) -> np.ndarray:
    return np.abs(stock - asked) <= EXACT * asked


@dataclass
class CutArrays:
    """Per candidate: can it yield the piece, is it the exact size, pieces per stock, stock to pull.

    ``used`` is the stock consumed for the whole quantity (inches, or square inches for sheet),
    the measure the best-fitting stock size minimises; ``overrun`` marks the rows that yield a
    piece more only because a mill length runs over nominal (the reason says so).
    """

    planned: bool
    fits: np.ndarray
    exact: np.ndarray
    per_stock: np.ndarray
    pulls: np.ndarray
    used: np.ndarray
    overrun: np.ndarray


def plan(
    length: np.ndarray,
    width: np.ndarray | None,
    piece_length: float | None,
    piece_width: float | None,
    quantity: float | None,
    feet: bool,
    form: str = "bar_round",
) -> CutArrays:
    """Cut arrays for ``form`` stock of ``length`` (and ``width`` if flat) against the asked piece.

    An implausible quantity or piece size (``pipeline.bounds``) counts as not given: its piece
    counts would overflow the integer arrays.
    """
    quantity = quantity if plausible_quantity(quantity) else None
    piece_length = piece_length if plausible_size(piece_length) else None
    piece_width = piece_width if plausible_size(piece_width) else None
    count, kerf = len(length), kerf_for(form)
    pieces = max(1.0, quantity or 1.0)
    if feet and quantity and piece_length:  # "130 ft in 20 ft lengths": 7 pieces, the last one cut
        pieces = max(1.0, float(np.ceil(quantity * 12 / piece_length - 1e-9)))
    none = np.zeros(count, np.int64)
    if feet and piece_length is None and quantity:
        pulls = np.ceil(quantity * 12 / length - 1e-9)  # footage from whole stock lengths
        cut = np.abs(pulls * length - quantity * 12) > EXACT * quantity * 12
        ones = np.ones(count, bool)
        return CutArrays(True, ones, ~cut, none, pulls.astype(np.int64), pulls * length, ~ones)
    if piece_length is None or (width is not None and piece_width is None):
        fits = (
            np.ones(count, bool)
            if piece_width is None or width is None
            else np.minimum(width, length) >= piece_width
        )
        return CutArrays(
            False, fits, np.zeros(count, bool), none, none, np.zeros(count), np.zeros(count, bool)
        )
    usable = usable_length(length, form)
    if width is None:
        exact = _same(length, piece_length)
        per_stock = np.where(exact, 1, pieces_along(usable, piece_length, kerf))
        nominal = pieces_along(length, piece_length, kerf)
        area = length
    else:
        assert piece_width is not None
        exact = _same(width, piece_width) & _same(length, piece_length)
        per_stock = np.where(exact, 1, pieces_per_sheet(width, length, piece_width, piece_length, kerf))
        nominal, area = per_stock, width * length
    fits = per_stock >= 1
    pulls = np.ceil(pieces / np.maximum(per_stock, 1) - 1e-9).astype(np.int64)
    used = np.where(fits, pulls * area, np.inf)
    return CutArrays(True, fits, exact, per_stock, pulls, used, ~exact & (per_stock > nominal))


def cut_plan(
    arrays: CutArrays,
    position: int,
    stock: tuple[float, float | None],
    piece: tuple[float | None, float | None],
    kerf: float,
) -> CutPlan | None:
    """The plan of one candidate, for the ``Candidate`` a salesperson and pricing read.

    ``stock`` and ``piece`` are (length, width); width is ``None`` for bars and unknown pieces.
    """
    if not arrays.planned:
        return None
    per_stock = int(arrays.per_stock[position]) or None
    return CutPlan(
        stock_length=stock[0],
        stock_width=stock[1],
        piece_length=piece[0],
        piece_width=piece[1],
        pieces_per_stock=per_stock,
        pieces_to_pull=int(arrays.pulls[position]),
        kerf=kerf,
        cut=not bool(arrays.exact[position]),
    )
