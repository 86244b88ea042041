"""Quantities given per assembly, multiplied by the assemblies the email names — and flagged."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.assemblies import FLAG, factor
from pipeline.ingest.document import build_document


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Quantities below are for ONE stair - there are 3 stairs, identical.", 3),
        ("Need pricing for a run of 4 utility trailers. QTY BELOW IS PER TRAILER - please multiply x4.", 4),
        ("PART   SIZE   QTY/FRAME\nmaterial for 2 frames", 2),
        ("Counts are per cart, we're building five carts.", 5),
        ("All of the below is for one skid, double everything.", 2),
        ("Building 8 swing gates, all the same. EACH gate gets:", 8),
        ("Each gate gets a latch; we have 8 gates on site.", None),
        # a basis without a count, a count without a basis, a price per foot: nothing multiplied
        ("Quantities below are per frame.", None),
        ("We need 2 ramps done by Friday.", None),
        ("5 pcs 1/2 x 2 flat bar, $3.10 per foot; we have 3 foot of it left", None),
    ],
)
def test_the_factor_needs_a_basis_and_a_count(text: str, times: float | None) -> None:
    assert factor(text) == times


def test_a_cut_list_for_one_ramp_of_two_is_doubled_and_flagged() -> None:
    text = (
        "Cut list for the ramp rails. All pipe is A53 B black sch 40.\n\n"
        "Quantities below are for ONE ramp - there are 2 ramps, identical, so double everything.\n\n"
        'TOP RAIL     1-1/2" SCH 40          (6) @ 16\'-4"\n'
        'POSTS        1-1/2" SCH 40          (14) @ 3\'-6"\n'
        'BASE PL      1/2" x 5" x 5" A36     (18)\n'
        "TOE PLATE    FLAT BAR 1/4 x 4 A36   (6) @ 16'-4\"\n"
    )
    lines = extract(build_document("cut.txt", text.encode(), text)).lines
    assert [(line.quantity, line.grade, line.form) for line in lines] == [
        (12, "A53", "tube_round"),  # "1-1/2" SCH 40" is a pipe, its grade said of all pipe
        (28, "A53", "tube_round"),
        (36, "A36", "plate"),
        (12, "A36", "bar_rectangular"),  # the toe plate is cut from flat bar
    ]
    assert all(FLAG in line.flags for line in lines)


def test_tube_steel_by_its_old_name_is_square_or_rectangular_by_its_sizes() -> None:
    text = 'Tongue   TS 4X4X1/4   8\'-0"   2 pcs\nStake pockets   TS 3X2X1/4   5"   16 pcs\n'
    lines = extract(build_document("ts.txt", text.encode(), text)).lines
    assert [line.form for line in lines] == ["tube_square", "tube_rectangular"]


def test_a_take_off_with_a_count_per_frame_and_a_frames_column_multiplies_each_row() -> None:
    text = (
        "MARK   QTY/FRAME  FRAMES  SIZE              LENGTH      GRADE\n"
        "B1     2          4       W12X26            24'-0\"      A992\n"
        "J1     6          3       C10X15.3          11'-9\"      A36\n"
        "PL1    40                 PL 3/8 X 8 X 8    -           A36\n"
    )
    lines = extract(build_document("takeoff.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, FLAG in line.flags) for line in lines] == [
        (8, "beam_i", True),
        (18, "channel", True),
        (40, "plate", False),  # no frames given: its count stands
    ]


def test_a_total_column_beside_the_count_per_assembly_is_the_quantity_and_is_not_multiplied() -> None:
    text = (
        "2 platforms so I already did the math in the TOTAL column.\n\n"
        "MARK  DESCRIPTION          QTY/PLATF  TOTAL   LENGTH\n"
        "a1    L3x3x1/4 A36             4        8     4'-2 1/2\"\n"
        "b1    FL 3/8 x 3 A36           8       16     0'-7 1/2\"\n"
    )
    lines = extract(build_document("takeoff.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, FLAG in line.flags) for line in lines] == [
        (8, "angle", False),
        (16, "bar_rectangular", False),
    ]


def test_a_list_titled_per_assembly_is_multiplied_and_what_follows_it_is_not() -> None:
    text = (
        "Pipe supports - Type PS-2 (14 required)\n"
        "Each PS-2 assembly:\n"
        "   (1) L3x3x1/4  x 2'-8\"          leg\n"
        "   (2) L3x3x1/4  x 4'-1 3/4\"      brace\n"
        "Total assemblies: 14\n\n"
        "Also need for the rack:\n"
        "   6 pcs C8x11.5 x 20'-0\" (full sticks, do not cut)\n\n"
        "Everything A36.\n"
    )
    lines = extract(build_document("cut.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, FLAG in line.flags) for line in lines] == [
        (14, "angle", True),
        (28, "angle", True),
        (6, "channel", False),
    ]


def test_a_list_per_trailer_is_multiplied_but_not_the_item_said_apart() -> None:
    text = (
        "Cut to length. List is PER TRAILER, we're building 4 units so multiply\n out.\n\n"
        "C5x6.7 A36 side rails ............ 2 @ 14'-0\"\n"
        "PL 3/8 x 4 x 6 A36 spring hanger tabs  8 pcs\n\n"
        "Separate from the trailers - 1 full 20' stick of L3x3x1/4 A36 for the jig, just one.\n"
    )
    lines = extract(build_document("trailers.txt", text.encode(), text)).lines
    assert [(line.quantity, line.form, FLAG in line.flags) for line in lines] == [
        (8, "channel", True),
        (32, "plate", True),  # "spring hanger" says what the plate is for: it is no spring
        (1, "angle", False),
    ]
    assert lines[2].dimensions["length"] == 240


def test_a_cut_list_per_assembly_under_the_sticks_ordered_leaves_them_as_counted() -> None:
    text = (
        "Building 4 more gates this spring. Don't cut anything, just send full 20' sticks:\n\n"
        "  L2x2x1/4      5 sticks\n"
        "  2x2x3/16 sq tube  3 sticks\n\n"
        "Angle and tube all A36. Plus 1 sheet 11 ga HR 48 x 96.\n\n"
        "cut list (per gate)\n"
        "  L2x2x1/4  - 2 @ 6'-2\", 2 @ 3'-0\"\n"
    )
    lines = extract(build_document("gates.txt", text.encode(), text)).lines
    ordered = [(line.quantity, line.form) for line in lines if FLAG not in line.flags]
    assert ordered[:3] == [(5, "angle"), (3, "tube_square"), (1, "sheet")]  # the sheet after the statement
