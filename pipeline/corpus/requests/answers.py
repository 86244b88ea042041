"""The right answers to a generated request, computed from the catalog table, not by the matcher.

A part is a right answer when it agrees with the source part on every attribute the request
states — grade, form, section, and the temper and finish when they are written.
What the request leaves open (the mill, an unstated finish) any part may fill. For a piece to
be cut, the right stock is the trade rule (``pipeline.match.cut``): in stock for the quantity
before backorder, then the exact size, else the size that uses the least stock for the quantity,
then the smaller one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipeline.catalog.schema import SECTION_DIMENSIONS
from pipeline.match.cut import EXACT, kerf_for, pieces_along, pieces_per_sheet, usable_length

FLAT = ("sheet", "plate", "foil")


@dataclass(frozen=True)
class Stated:
    """What a request says about the source part (``None``: left open)."""

    grade: str
    form: str
    section: dict[str, float]
    treatment: str | None = None  # temper or condition value as the catalog stores it
    finish: str | None = None
    piece: tuple[float | None, float] | None = None  # (width, length) asked; width None for bars
    quantity: float = 1


class Answers:
    """The catalog grouped by (grade, form), to filter right answers quickly."""

    def __init__(self, parts: pd.DataFrame) -> None:
        self.groups = {key: frame for key, frame in parts.groupby(["grade", "form"], sort=False)}

    def accept(self, stated: Stated) -> frozenset[str]:
        rows = self.groups.get((stated.grade, stated.form))
        if rows is None:
            return frozenset()
        keep = np.ones(len(rows), bool)
        for name, value in stated.section.items():
            keep &= np.isclose(rows[name].to_numpy(dtype=float), value, rtol=1e-6)
        if stated.treatment is not None:
            keep &= (
                (rows["temper"] == stated.treatment) | (rows["condition"] == stated.treatment)
            ).to_numpy()
        if stated.finish is not None:
            keep &= (rows["finish"] == stated.finish).to_numpy()
        rows = rows[keep]
        if stated.piece is not None and len(rows):
            rows = rows[_best_stock(rows, stated)]
        return frozenset(rows["part_number"])


def _best_stock(rows: pd.DataFrame, stated: Stated) -> np.ndarray:
    """Rows of the stock the trade rule picks for the piece."""
    assert stated.piece is not None
    piece_width, piece_length = stated.piece
    length, kerf = rows["length"].to_numpy(dtype=float), kerf_for(stated.form)
    if piece_width is None:
        exact = np.abs(length - piece_length) <= EXACT * piece_length
        per_stock = pieces_along(usable_length(length, stated.form), piece_length, kerf)
        area = length
    else:
        width = rows["width"].to_numpy(dtype=float)
        exact = (np.abs(width - piece_width) <= EXACT * piece_width) & (
            np.abs(length - piece_length) <= EXACT * piece_length
        )
        per_stock, area = pieces_per_sheet(width, length, piece_width, piece_length, kerf), width * length
    per_stock = np.where(exact, 1, per_stock)
    fits = per_stock >= 1
    pulls = np.ceil(stated.quantity / np.maximum(per_stock, 1))
    by_foot = (rows["uom"] == "FT").to_numpy()
    needed = np.where(by_foot, pulls * length / 12, pulls)  # the whole lengths the cut pulls
    in_stock = fits & (rows["stock_qty"].to_numpy() >= needed - 1e-9)
    pool = in_stock if in_stock.any() else fits
    if (pool & exact).any():
        return pool & exact
    used = np.where(pool, pulls * area, np.inf)
    best = pool & (used == used.min())
    return best & (area == area[best].min())


def section_of(row: pd.Series) -> dict[str, float]:
    """The source part's section sizes, as the catalog stores them."""
    names = SECTION_DIMENSIONS[row["form"]]
    return {name: float(row[name]) for name in names if pd.notna(row.get(name))}
