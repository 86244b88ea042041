"""Cut to size, as a service center does it: kerf per saw cut, none on the shear, never from shorter stock."""

from __future__ import annotations

import numpy as np

from pipeline.match.cut import SAW_KERF, kerf_for, pieces_along, pieces_per_sheet, plan


def test_six_inch_pieces_from_a_twelve_foot_bar_allow_a_kerf_per_cut() -> None:
    # 23 pieces need 22 cuts: 23 * 6 + 22 * 1/8 = 140.75" <= 144"; a 24th would need 146.875"
    assert pieces_along(np.array([144.0]), 6.0, SAW_KERF).tolist() == [23]
    assert pieces_along(np.array([144.0]), 6.0, 0.0).tolist() == [24]
    assert pieces_along(np.array([12.0]), 6.0, SAW_KERF).tolist() == [1]


def test_blanks_from_a_sheet_try_both_orientations() -> None:
    sheets = np.array([48.0]), np.array([96.0])
    assert pieces_per_sheet(*sheets, 12.0, 24.0, kerf=0.0).tolist() == [16]
    # 30 x 40 blanks: 30 across the 48" width gives 1 x 2, 40 across it gives 1 x 3
    assert pieces_per_sheet(*sheets, 30.0, 40.0, kerf=0.0).tolist() == [3]
    assert pieces_per_sheet(np.array([24.0]), np.array([48.0]), 12.0, 12.0, SAW_KERF).tolist() == [3]


def test_sheet_is_sheared_and_plate_and_bars_are_sawn() -> None:
    assert kerf_for("sheet") == 0.0 and kerf_for("foil") == 0.0
    assert kerf_for("plate") == kerf_for("bar_round") == SAW_KERF


def test_stock_shorter_than_the_piece_never_fits_and_the_exact_length_is_not_a_cut() -> None:
    lengths = np.array([144.0, 240.0, 120.0])
    arrays = plan(lengths, None, 240.0, None, 3, feet=False)
    assert arrays.fits.tolist() == [False, True, False]
    assert arrays.exact.tolist() == [False, True, False]
    assert arrays.pulls[1] == 3


def test_the_stock_used_for_the_quantity_decides_between_sizes() -> None:
    # 40 pieces of 6": a 144" bar yields 23 (2 bars, 288"), a 36" bar yields 5 (8 bars, 288")
    arrays = plan(np.array([144.0, 36.0, 12.0]), None, 6.0, None, 40, feet=False)
    assert arrays.per_stock.tolist() == [23, 5, 1]
    assert arrays.pulls.tolist() == [2, 8, 40]
    assert arrays.used.tolist() == [288.0, 288.0, 480.0]


def test_footage_is_filled_with_whole_stock_lengths() -> None:
    arrays = plan(np.array([144.0, 240.0]), None, None, None, 50, feet=True)
    assert arrays.pulls.tolist() == [5, 3]  # 600" of stock: 5 x 144" or 3 x 240"
    assert arrays.exact.tolist() == [False, False]


def test_no_piece_size_means_no_plan() -> None:
    arrays = plan(np.array([96.0]), np.array([48.0]), None, None, 2, feet=False)
    assert not arrays.planned and arrays.fits.all()
