"""Stock size tables and the helpers extraction can share."""

from __future__ import annotations

import pytest

from pipeline.catalog import sizes


def test_bar_diameters_follow_service_center_steps() -> None:
    diameters = sizes.BAR_DIAMETERS
    assert diameters[0] == 0.125 and diameters[-1] == 12
    assert {0.1875, 1.125, 3.25, 6.25, 8.5} <= set(diameters)
    assert 1.0625 not in diameters  # 1/16" steps stop at 1"
    assert 3.125 not in diameters  # 1/8" steps stop at 3"
    assert list(diameters) == sorted(set(diameters))


@pytest.mark.parametrize(
    ("gauge", "family", "inches"),
    [
        (16, "carbon_steel", 0.0598),
        (16, "stainless_steel", 0.060),
        (16, "aluminum", 0.0508),
        (11, None, 0.1196),
    ],
)
def test_gauge_to_inches(gauge: int, family: str | None, inches: float) -> None:
    assert sizes.gauge_to_inches(gauge, family) == inches


def test_inches_to_gauge_round_trips_and_rejects_non_gauges() -> None:
    assert sizes.inches_to_gauge(0.0598, "carbon_steel") == 16
    assert sizes.inches_to_gauge(0.5, "carbon_steel") is None


def test_shape_lookups() -> None:
    assert sizes.beam("W8x31") == (8.0, 8.0, 31)
    assert sizes.beam("w 10 X 33") == (9.73, 7.96, 33)
    assert sizes.channel("C4x5.4") == (4, 1.58, 0.184, 5.4)
    assert sizes.beam("W99x1") is None and sizes.channel("not a shape") is None


def test_tube_walls_are_thinner_than_half_the_od() -> None:
    assert all(2 * wall < od for od, wall in sizes.ROUND_TUBES)
    assert all(2 * wall < side for side, wall in sizes.SQUARE_TUBES)
    assert (1.5, 0.065) in sizes.ROUND_TUBES and (2.5, 0.065) in sizes.ROUND_TUBES


@pytest.mark.parametrize(
    ("value", "label"), [(1.5, '1-1/2"'), (0.375, '3/8"'), (2.0, '2"'), (0.0598, '0.0598"'), (0.125, '1/8"')]
)
def test_fraction_label(value: float, label: str) -> None:
    assert sizes.fraction_label(value) == label


def test_decimal_label_and_code() -> None:
    assert sizes.decimal_label(0.125) == '0.125"'
    assert sizes.decimal_label(0.065, leading_zero=False) == '.065"'
    assert sizes.dim_code(0.125) == "0125"
    assert sizes.dim_code(0.0625) == "00625"
    assert sizes.dim_code(12) == "12000"
