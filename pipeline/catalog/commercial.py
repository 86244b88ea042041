"""Weights, prices, stock and lead times: the commercial side of each generated part.

Rule for the unit of measure: a bar, tube, shape or wire in a full stock length (96" or more) is
sold by the foot (FT); sheet, plate, foil rolls and cut pieces are sold each (EA). Price is
weight x the grade's $/lb x a markup by form group, with a deterministic jitter per part.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
import pandas as pd

from pipeline.catalog.grades import FORM_GROUPS
from pipeline.catalog.keyed import uniform
from pipeline.catalog.products import FLAT_FORMS
from pipeline.catalog.sizes import FULL_LENGTH_MIN

MARKUP_BY_GROUP: dict[str, float] = {"flat": 1.28, "bar": 1.32, "tube": 1.38, "shape": 1.22, "wire": 1.45}
SAW_CUT_CHARGE = 4.50  # a bar or tube cut to a short length
SHEAR_CHARGE = 12.00  # a sheet or plate blank
MIN_EACH_PRICE = 1.50  # the least a piece is sold for
MIN_FOOT_PRICE = 0.05  # thin rod and wire really are pennies a foot
MILL_LEAD_DAYS: dict[str, int] = {
    "carbon_steel": 10, "stainless_steel": 14, "aluminum": 14, "alloy_steel": 21, "tool_steel": 21,
    "brass": 21, "bronze": 21, "copper": 21, "titanium": 42, "nickel_alloy": 56,
}  # fmt: skip


class Ranked(Protocol):
    """The pick arrays commercial fields depend on (see ``generator.Picks``)."""

    candidate: np.ndarray
    cut: np.ndarray
    finish: np.ndarray
    supplier: np.ndarray


def _weights(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(linear?, sold by the foot?, lb/ft, lb per unit sold)."""
    linear = ~rows["form"].isin(FLAT_FORMS).to_numpy()
    length = rows["length"].to_numpy(dtype=float)
    area, density = rows["area"].to_numpy(dtype=float), rows["density"].to_numpy(dtype=float)
    by_foot = linear & (length >= FULL_LENGTH_MIN)
    per_foot = np.where(linear, area * 12 * density, np.nan).round(3)
    width = np.where(linear, 1.0, rows["width"].to_numpy(dtype=float))
    piece = area * width * length * density
    return linear, by_foot, per_foot, np.where(by_foot, per_foot, piece).round(3)


def _prices(
    rows: pd.DataFrame, picks: Ranked, seed: int, linear: np.ndarray, by_foot: np.ndarray
) -> np.ndarray:
    markup = rows["form"].map(FORM_GROUPS).map(MARKUP_BY_GROUP).to_numpy(dtype=float)
    jitter = 0.94 + 0.14 * uniform(seed, picks.candidate, 1)
    distributor = 1 + 0.015 * picks.supplier  # later mills are resellers, a little dearer
    handling = np.where(by_foot, 0.0, np.where(linear, SAW_CUT_CHARGE, 0.0))
    blank = ~linear & (rows["length"].to_numpy(dtype=float) < FULL_LENGTH_MIN)
    handling = handling + np.where(blank, SHEAR_CHARGE, 0.0)
    cost = rows["weight_per_unit"].to_numpy() * rows["price_per_lb"].to_numpy(dtype=float)
    floor = np.where(by_foot, MIN_FOOT_PRICE, MIN_EACH_PRICE)
    return np.maximum(cost * markup * jitter * distributor + handling, floor).round(2)


def _stock(rows: pd.DataFrame, picks: Ranked, seed: int, by_foot: np.ndarray) -> np.ndarray:
    """Stock on hand (feet or pieces); odd variants and rare grades are more often out of stock."""
    popularity = rows["popularity"].to_numpy(dtype=float)
    p_zero = 0.06 + 0.04 * picks.cut + 0.03 * picks.finish + np.where(popularity < 1.5, 0.15, 0.0)
    amount = uniform(seed, picks.candidate, 3) ** 2
    on_hand = np.where(by_foot, 12 * (1 + np.floor(amount * 60)), 1 + np.floor(amount * 120 * popularity / 5))
    return np.where(uniform(seed, picks.candidate, 2) < p_zero, 0, on_hand).astype(np.int32)


def _minimum_order(rows: pd.DataFrame, by_foot: np.ndarray) -> np.ndarray:
    """Bars are cut to any length (1 ft); tubes, shapes and wire go out in full sticks or coils."""
    whole = by_foot & ~rows["form"].map(FORM_GROUPS).isin(("bar",)).to_numpy()
    return np.where(whole, rows["length"].to_numpy(dtype=float) // 12, 1).astype(np.int32)


def _lead_times(rows: pd.DataFrame, picks: Ranked, seed: int, stock: np.ndarray) -> np.ndarray:
    draw = uniform(seed, picks.candidate, 4)
    mill = rows["family"].map(MILL_LEAD_DAYS).to_numpy(dtype=float) * (0.75 + 0.5 * draw)
    return np.where(stock > 0, 1 + np.floor(draw * 3), np.round(mill)).astype(np.int32)


def add_commercial_fields(rows: pd.DataFrame, picks: Ranked, seed: int) -> pd.DataFrame:
    """Set uom, weight_per_foot, weight_per_unit, unit_price, stock_qty, min_order_qty, lead_time_days."""
    linear, by_foot, per_foot, per_unit = _weights(rows)
    rows["uom"] = np.where(by_foot, "FT", "EA")
    rows["weight_per_foot"] = per_foot
    rows["weight_per_unit"] = per_unit
    rows["unit_price"] = _prices(rows, picks, seed, linear, by_foot)
    rows["stock_qty"] = _stock(rows, picks, seed, by_foot)
    rows["min_order_qty"] = _minimum_order(rows, by_foot)
    rows["lead_time_days"] = _lead_times(rows, picks, seed, rows["stock_qty"].to_numpy())
    return rows
