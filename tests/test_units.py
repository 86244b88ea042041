"""Numbers and lengths as customers write them (``pipeline.units``), and the properties they keep."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.units import find_lengths, parse_length, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-1/2", 1.5),  # mixed number with a dash
        ("1 1/2", 1.5),  # mixed number with a space
        ("1½", 1.5),  # vulgar fraction
        ("¾", 0.75),
        ("3/8", 0.375),  # fraction
        (".065", 0.065),  # leading-dot decimal
        ("0.125", 0.125),
        ("12", 12.0),
        ("1,000", 1000.0),
        ("1/0", None),  # not a number: no division by zero
        ("abc", None),
        ("", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "inches"),
    [
        ('2"', 2.0),
        ("2''", 2.0),
        ("2”", 2.0),
        ("2 in", 2.0),
        ("2 in.", 2.0),
        ("2 inch", 2.0),
        ("2 inches", 2.0),
        ("1-1/2 inch", 1.5),
        ('1 1/2"', 1.5),
        ('.063"', 0.063),
        ("12 ft", 144.0),
        ("12 ft.", 144.0),
        ("12 feet", 144.0),
        ("1 foot", 12.0),
        ("4'", 48.0),
        ("4’", 48.0),
        ("20-foot", 240.0),
        ("25.4mm", 1.0),
        ("50 mm", 50 / 25.4),
        ("2.54 cm", 1.0),
        ("3 m", 3000 / 25.4),
        ("2 meters", 2000 / 25.4),
        ("3/8", 0.375),  # no unit: inches
    ],
)
def test_parse_length_converts_to_inches(text: str, inches: float) -> None:
    assert parse_length(text) == pytest.approx(inches)


def test_find_lengths_reads_a_size_chain_with_x_and_times_sign() -> None:
    found = find_lengths('4ft x 8ft x 0.125" thick and 48×96')
    assert [round(length.inches, 4) for length in found] == [48.0, 96.0, 0.125, 48.0, 96.0]
    assert [length.unit for length in found] == ["ft", "ft", '"', None, None]


def test_a_number_glued_to_a_letter_is_not_a_length() -> None:
    assert find_lengths("A36 W8 M8 C360 SS304") == []
    assert [(length.inches, length.unit) for length in find_lengths("M8x25mm")] == [(25 / 25.4, "mm")]


def test_a_range_with_a_dash_does_not_swallow_the_minus() -> None:
    found = find_lengths("15-16 inches")
    assert [(length.inches, length.unit) for length in found] == [(15.0, None), (16.0, "inches")]


@given(st.text(max_size=300))
def test_find_lengths_never_raises_and_is_never_negative(text: str) -> None:
    for length in find_lengths(text):
        assert length.inches >= 0
        assert 0 <= length.start < length.end <= len(text)


@given(st.integers(min_value=1, max_value=400), st.sampled_from([2, 4, 8, 16, 32, 64]))
def test_a_fraction_in_inches_and_in_mm_parse_to_the_same_number(numerator: int, denominator: int) -> None:
    inches = numerator / denominator
    assert parse_length(f"{numerator}/{denominator} in") == pytest.approx(inches)
    assert parse_length(f'{numerator}/{denominator}"') == pytest.approx(inches)
    assert parse_length(f"{inches * 25.4:.10f} mm") == pytest.approx(inches, rel=1e-6)
    assert parse_length(f"{inches * 2.54:.10f} cm") == pytest.approx(inches, rel=1e-6)
    assert parse_length(f"{inches:.10f} inch") == pytest.approx(inches, rel=1e-6)


@given(
    st.integers(min_value=0, max_value=40),
    st.sampled_from([2, 4, 8, 16]),
    st.integers(min_value=1, max_value=15),
)
def test_a_mixed_number_equals_its_decimal(whole: int, denominator: int, numerator: int) -> None:
    numerator = numerator % denominator or 1
    value = whole + numerator / denominator
    assert parse_number(f"{whole}-{numerator}/{denominator}") == pytest.approx(value)
    assert parse_number(f"{whole} {numerator}/{denominator}") == pytest.approx(value)
    assert parse_length(f'{whole}-{numerator}/{denominator}"') == pytest.approx(value)


def test_feet_and_inches_written_together_are_one_length() -> None:
    from pipeline.units import find_lengths

    assert [length.inches for length in find_lengths("10'-6\" and 2'-3 1/2\" and 12'6\"")] == [126, 27.5, 150]
    assert [length.inches for length in find_lengths("20' 2\" OD")] == [240, 2]
    # a space between them where a length ends ("long", the line's end): one length, not 10 feet
    assert [length.inches for length in find_lengths("cut to 10' 6\" long, please")] == [126]
    assert [length.inches for length in find_lengths("bars 10' 6\"")] == [126]
    # … or where a column's gap or a dash sets a note apart
    assert [length.inches for length in find_lengths("@ 21' 6\"      main rails")] == [258]
    assert [length.inches for length in find_lengths("@ 21' 6\" - main rails")] == [258]


def test_feet_in_canadian_french() -> None:
    from pipeline.units import find_lengths

    assert [length.inches for length in find_lengths("Cornière 1-1/2 x 1-1/2 x 1/8   12 pi")][-1:] == [144]


def test_foot_pounds_are_not_feet() -> None:
    from pipeline.units import find_lengths

    assert [length.unit for length in find_lengths("impact 15 ft-lbs, bars of 20 ft")] == [None, "ft"]


def test_feet_then_inches_said_without_a_unit_before_long() -> None:
    from pipeline.units import find_lengths

    assert [length.inches for length in find_lengths("one inch round 10   foot 6   long")] == [126]
    assert [length.inches for length in find_lengths("10 ft 6 pieces")] == [120, 6]
