"""Plausible bounds on an order's numbers: beyond them a value is a misreading, never an order.

A line of 10^30 pieces, a bar 10 miles long or a $10^12 line is not what a customer meant; it
would overflow the cut plan's integer counts and put NaN or Infinity in totals, the ledger, JSON
and the ERP. Downstream of extraction such a number is dropped from the line, which gets a flag
(always blocking, whatever the settings say: a person reads the email), and a line priced over
``MAX_LINE_VALUE`` is not priced.
"""

from __future__ import annotations

import json
import math
from dataclasses import astuple, replace
from typing import Any

from pipeline.models import LineItem, Tolerance

MAX_QUANTITY = 1_000_000.0  # pieces, feet or pounds on one line
MIN_SIZE = 0.0001  # inches: thinner than the thinnest foil is a misreading
MAX_SIZE = 120_000.0  # inches (10,000 ft, a long coil of wire)
MAX_LINE_VALUE = 1_000_000_000.0  # dollars on one line

# flags that stop a line whatever the settings' blocking flags: the line lost a number
IMPLAUSIBLE_QUANTITY = "implausible_quantity"
IMPLAUSIBLE_SIZE = "implausible_size"
FLAG_MESSAGES = {
    IMPLAUSIBLE_QUANTITY: f"the quantity read is not a plausible number (0 to {MAX_QUANTITY:,.0f}); "
    "read the email and enter the quantity",
    IMPLAUSIBLE_SIZE: f"a size read is not a plausible number of inches ({MIN_SIZE:g} to {MAX_SIZE:,.0f}); "
    "read the email and enter the size",
}
ALWAYS_BLOCKING = frozenset(FLAG_MESSAGES)


def plausible_quantity(quantity: float | None) -> bool:
    """A finite, positive quantity no larger than ``MAX_QUANTITY``."""
    return quantity is not None and 0 < quantity <= MAX_QUANTITY


def plausible_size(inches: float | None) -> bool:
    """A finite size between ``MIN_SIZE`` and ``MAX_SIZE`` inches."""
    return inches is not None and MIN_SIZE <= inches <= MAX_SIZE


def plausible_money(amount: float | None) -> bool:
    """A finite amount whose size is at most ``MAX_LINE_VALUE``."""
    return amount is not None and math.isfinite(amount) and abs(amount) <= MAX_LINE_VALUE


def _sizes(dimensions: dict[str, float]) -> dict[str, float]:
    return {name: value for name, value in dimensions.items() if plausible_size(value)}


def _quantity_ok(item: LineItem) -> bool:
    ends = item.quantity_range or ()
    return all(value is None or plausible_quantity(value) for value in (item.quantity, *ends))


def _tolerances(item: LineItem) -> dict[str, Tolerance]:
    return {
        name: tolerance
        for name, tolerance in item.tolerances.items()
        if all(abs(value) <= MAX_SIZE for value in astuple(tolerance))
    }


def _sizes_ok(item: LineItem) -> bool:
    sizes = [item.dimensions, *(alternate.dimensions for alternate in item.alternates)]
    return all(_sizes(found) == found for found in sizes) and _tolerances(item) == item.tolerances


def bounded_item(item: LineItem) -> LineItem:
    """``item`` without implausible numbers, flagged for each kind dropped (itself if none)."""
    quantity_ok, sizes_ok = _quantity_ok(item), _sizes_ok(item)
    if quantity_ok and sizes_ok:
        return item
    bounded = replace(item, flags=[*item.flags])
    if not quantity_ok:
        bounded.quantity = bounded.quantity_range = None
        bounded.flags.append(IMPLAUSIBLE_QUANTITY)
    if not sizes_ok:
        bounded.dimensions = _sizes(item.dimensions)
        bounded.alternates = [replace(alt, dimensions=_sizes(alt.dimensions)) for alt in item.alternates]
        bounded.tolerances = _tolerances(item)
        bounded.flags.append(IMPLAUSIBLE_SIZE)
    bounded.flags = list(dict.fromkeys(bounded.flags))
    return bounded


def _not_a_number(constant: str) -> None:
    return None


def loads_finite(text: str | bytes) -> Any:
    """``json.loads``, but NaN and ±Infinity (which older versions could store) read as null."""
    return json.loads(text, parse_constant=_not_a_number)
