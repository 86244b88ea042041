"""Numbers and lengths as customers write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.units import find_lengths, parse_length, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-1/2", 1.5),
        ("1 1/2", 1.5),
        ("3/8", 0.375),
        (".065", 0.065),
        ("0.125", 0.125),
        ("12", 12.0),
        ("1,000", 1000.0),
        ("1/0", None),
        ("abc", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "inches"),
    [
        ('2"', 2.0),
        ("2 in", 2.0),
        ("2 inches", 2.0),
        ("1-1/2 inch", 1.5),
        ("12 ft", 144.0),
        ("4'", 48.0),
        ("25.4mm", 1.0),
        ("50 mm", 50 / 25.4),
        ("2.54 cm", 1.0),
        ("3 m", 3000 / 25.4),
        ("20-foot", 240.0),
    ],
)
def test_parse_length_converts_to_inches(text: str, inches: float) -> None:
    assert parse_length(text) == pytest.approx(inches)


def test_find_lengths_reads_a_size_chain() -> None:
    found = find_lengths('4ft x 8ft x 0.125" thick')
    assert [round(length.inches, 4) for length in found] == [48.0, 96.0, 0.125]
    assert [length.unit for length in found] == ["ft", "ft", '"']


@given(st.text(max_size=200))
def test_find_lengths_never_raises(text: str) -> None:
    for length in find_lengths(text):
        assert length.inches >= 0


@given(st.integers(min_value=1, max_value=400), st.sampled_from([2, 4, 8, 16]))
def test_fraction_inches_and_mm_agree(numerator: int, denominator: int) -> None:
    inches = numerator / denominator
    assert parse_length(f"{numerator}/{denominator} in") == pytest.approx(inches)
    assert parse_length(f"{inches * 25.4:.6f} mm") == pytest.approx(inches, rel=1e-6)
