"""Matching behaviour a desk relies on, on the real 50,000-part catalog, from structured request lines.

Expectations come from the catalog table itself (what is stocked), not from hard-coded part numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.catalog.grades import GRADES
from pipeline.catalog.store import CatalogStore
from pipeline.match import MatchResult, match_line, match_lines
from pipeline.models import LineItem


@pytest.fixture(scope="module")
def store(full_catalog_path: Path) -> CatalogStore:
    return CatalogStore(full_catalog_path)


def _line(text: str, **fields: object) -> LineItem:
    return LineItem(line_no=1, source_text=text, **fields)  # type: ignore[arg-type]


def _sizes(store: CatalogStore, where: str) -> set[tuple[float, ...]]:
    rows = store.cursor().execute(f"SELECT DISTINCT width, length FROM parts WHERE {where}").fetchall()
    return {tuple(row) for row in rows}


def test_a_sheet_asked_in_a_stocked_size_gets_that_size_not_a_bigger_one(store: CatalogStore) -> None:
    assert {(48.0, 96.0), (48.0, 120.0)} <= _sizes(
        store, "grade = '304' AND form = 'sheet' AND thickness = 0.125"
    )
    item = _line(
        "304 sheet 0.125 x 48 x 96", grade="304", material="stainless_steel", form="sheet",
        dimensions={"thickness": 0.125, "width": 48.0, "length": 96.0}, quantity=10,
    )  # fmt: skip
    result = match_line(store, item)
    best = result.candidates[0]
    assert (best.dimensions["width"], best.dimensions["length"], best.dimensions["thickness"]) == (
        48,
        96,
        0.125,
    )
    assert best.confidence >= 0.95 and best.cut is not None and not best.cut.cut
    assert best.cut.pieces_to_pull == 10


def _stock(store: CatalogStore, where: str) -> dict[tuple[float, float], int]:
    rows = store.cursor().execute(
        f"SELECT width, length, sum(stock_qty) FROM parts WHERE {where} GROUP BY ALL"
    )
    return {(width, length): int(on_hand) for width, length, on_hand in rows.fetchall()}


def test_a_smaller_sheet_is_cut_from_stock_in_hand_that_uses_least_material(store: CatalogStore) -> None:
    on_hand = _stock(store, "grade = '304' AND form = 'sheet' AND thickness = 0.125")
    # 24" x 36" blanks would each give one 20 x 30 (3,456 in² for 4), but none is in stock; a
    # 36" x 96" sheet gives 4 (3,456 in²), a 48" x 96" one 6 (4,608 in²)
    assert on_hand[(24.0, 36.0)] == 0 and on_hand[(36.0, 96.0)] > 0
    item = _line(
        "304 sheet .125 cut to 20 x 30", grade="304", form="sheet",
        dimensions={"thickness": 0.125, "width": 20.0, "length": 30.0}, quantity=4,
    )  # fmt: skip
    best = match_line(store, item).candidates[0]
    assert (best.dimensions["width"], best.dimensions["length"]) == (36.0, 96.0)
    assert best.cut is not None and best.cut.cut and best.stock_qty >= 1
    assert (best.cut.pieces_per_stock, best.cut.pieces_to_pull, best.cut.kerf) == (4, 1, 0.0)
    assert any('cut 20" x 30" from 36" x 96"' in reason for reason in best.reasons)
    assert any(reason.startswith("in stock for the quantity") for reason in best.reasons)


def test_stock_in_hand_for_the_quantity_comes_before_an_exact_size_on_backorder(store: CatalogStore) -> None:
    on_hand = _stock(store, "grade = '1018' AND form = 'plate' AND thickness = 0.5")
    assert on_hand[(24.0, 48.0)] == 0 and on_hand[(48.0, 96.0)] > 0
    item = _line(
        '1018 Plate 12" x 12" x 0.5" thick, 8 pieces', grade="1018", form="plate",
        dimensions={"thickness": 0.5, "width": 12.0, "length": 12.0}, quantity=8,
    )  # fmt: skip
    result = match_line(store, item)
    best = result.candidates[0]
    assert best.stock_qty >= best.cut.pieces_to_pull  # type: ignore[union-attr]
    assert (best.dimensions["width"], best.dimensions["length"]) == (48.0, 96.0)
    backordered = [c for c in result.candidates if c.stock_qty == 0]
    assert all(any(r.startswith("not in stock") for r in c.reasons) for c in backordered)


def test_a_twelve_foot_mill_length_gives_two_six_foot_pieces(store: CatalogStore) -> None:
    item = _line(
        '360 brass hex 1" x 6ft, 15 bars', grade="C360", form="bar_hex",
        dimensions={"across_flats": 1.0, "length": 72.0}, quantity=15,
    )  # fmt: skip
    best = match_line(store, item).candidates[0]
    assert best.dimensions["length"] == 144.0 and best.cut is not None
    # 72 + 72 + 1/8" kerf is over 144": the mill length's overrun makes the halves
    assert (best.cut.pieces_per_stock, best.cut.pieces_to_pull) == (2, 8)
    assert any("over nominal" in reason for reason in best.reasons)


def test_bar_pieces_come_from_the_stock_length_that_wastes_least(store: CatalogStore) -> None:
    assert {(None, 72.0), (None, 144.0)} <= _sizes(
        store, "grade = '1018' AND form = 'bar_round' AND diameter = 1.5"
    )
    # 6" pieces with a 1/8" kerf: 23 from a 144" bar, 11 from a 72" one
    for quantity, length, per_stock, pulls in ((23, 144.0, 23, 1), (11, 72.0, 11, 1), (22, 72.0, 11, 2)):
        item = _line(
            f"{quantity} pcs 1018 round 1-1/2 x 6 long", grade="1018", form="bar_round",
            dimensions={"diameter": 1.5, "length": 6.0}, quantity=quantity,
        )  # fmt: skip
        best = match_line(store, item).candidates[0]
        assert best.dimensions["length"] == length  # 22 pieces: 2 x 72" = 1 x 144", so the smaller stock
        assert best.cut is not None and (best.cut.pieces_per_stock, best.cut.pieces_to_pull) == (
            per_stock,
            pulls,
        )


def test_a_length_longer_than_any_stock_is_no_match_never_a_shorter_bar(store: CatalogStore) -> None:
    longest = (
        store.cursor()
        .execute(
            "SELECT max(length) FROM parts WHERE grade = '1018' AND form = 'bar_round' AND diameter = 1.0"
        )
        .fetchone()[0]
    )
    item = _line(
        "1018 round bar 1 x 50 ft",
        grade="1018",
        form="bar_round",
        dimensions={"diameter": 1.0, "length": 600.0},
    )
    result = match_line(store, item)
    assert longest < 600 and result.status == "no_match" and result.candidates == []
    assert f'largest stock is {longest:g}"' in (result.explanation or "")
    assert result.alternatives and all(c.confidence < 0.3 for c in result.alternatives)


def test_a_w_beam_is_matched_by_its_designation(store: CatalogStore) -> None:
    # what a naive reading of "W8 x 31" gives: depth 8 and a "width" of 31
    item = _line(
        "W8x31 A992 beam x 20 ft",
        grade="A992",
        form="beam_i",
        dimensions={"height": 8.0, "width": 31.0, "length": 240.0},
    )
    best = match_line(store, item).candidates[0]
    assert best.description.startswith("W8x31") and best.grade == "A992" and best.dimensions["length"] == 240
    assert best.confidence >= 0.95


def test_temper_is_used_and_t651_plate_is_a_flagged_substitute_for_t6(store: CatalogStore) -> None:
    dims = {"thickness": 0.5, "width": 48.0, "length": 96.0}
    asked_t6 = match_line(
        store, _line("6061-T6 plate", grade="6061", temper="T6", form="plate", dimensions=dims)
    )
    best = asked_t6.candidates[0]
    assert best.temper == "T651" and best.match_kind == "substitute"
    assert "T651" in (best.substitution or "") and 0.8 < best.confidence < 0.9
    assert best.substitution_confidence is not None and best.substitution_confidence >= 0.95
    asked_t651 = match_line(
        store, _line("6061-T651 plate", grade="6061", temper="T651", form="plate", dimensions=dims)
    )
    assert asked_t651.candidates[0].match_kind == "exact" and asked_t651.candidates[0].confidence >= 0.95


def test_t6_sheet_never_ships_silently_for_t651(store: CatalogStore) -> None:
    dims = {"thickness": 0.125, "width": 48.0, "length": 96.0}
    best = match_line(
        store, _line("6061-T651 sheet", grade="6061", temper="T651", form="sheet", dimensions=dims)
    ).candidates[0]
    assert best.temper == "T6" and best.match_kind != "substitute" and best.confidence < 0.9
    assert any("not stocked T651" in reason for reason in best.reasons)


def test_a_condition_written_on_the_line_picks_the_heat_treat(store: CatalogStore) -> None:
    item = _line(
        "17-4PH H1150 round bar 1 inch", grade="17-4PH", form="bar_round", dimensions={"diameter": 1.0}
    )
    assert "H1150" in match_line(store, item).candidates[0].description


def test_316l_ships_for_316_flagged_and_316_never_for_316l(store: CatalogStore) -> None:
    angle = {"leg1": 2.0, "leg2": 2.0, "thickness": 0.25}
    for_316 = match_line(
        store, _line("316 angle 2x2x1/4", grade="316", form="angle", dimensions=angle)
    ).candidates[0]
    assert for_316.grade == "316L" and for_316.match_kind == "substitute" and for_316.confidence < 0.9
    assert "dual certified" in (for_316.substitution or "")
    square = match_line(
        store, _line("316L square bar 1", grade="316L", form="bar_square", dimensions={"side": 1.0})
    )
    assert (
        square.status == "no_match" and square.candidates == []
    )  # 316 square bar is stocked, but not for 316L
    assert all(c.match_kind == "alternative" and c.confidence < 0.3 for c in square.alternatives)


def test_a_grade_not_stocked_is_no_match_with_explained_alternatives(store: CatalogStore) -> None:
    item = _line(
        "2507 round bar 2 dia", grade="2507", material="stainless_steel", form="bar_round",
        dimensions={"diameter": 2.0, "length": 144.0},
    )  # fmt: skip
    result = match_line(store, item)
    assert result.status == "no_match" and result.candidates == []
    assert result.explanation == "2507 is not stocked"
    assert result.alternatives and {c.grade for c in result.alternatives} == {"2205"}
    for offer in result.alternatives:
        assert offer.match_kind == "alternative" and offer.confidence < 0.3
        assert any("2205 duplex is the nearest" in reason for reason in offer.reasons)


def test_a_grade_in_a_form_it_is_not_made_in_is_no_match(store: CatalogStore) -> None:
    item = _line("303 sheet .125", grade="303", form="sheet", dimensions={"thickness": 0.125})
    result = match_line(store, item)
    assert result.status == "no_match" and "303 is not stocked as sheet" in (result.explanation or "")
    assert result.alternatives[0].grade == "304"


def test_heavier_gauge_only_when_the_customer_allows_it(store: CatalogStore) -> None:
    dims = {"thickness": 0.09, "width": 48.0, "length": 96.0}  # no 304 sheet within 6% of 0.090"
    strict = match_line(store, _line("304 sheet .090 x 48 x 96", grade="304", form="sheet", dimensions=dims))
    assert strict.status == "no_match" and "stocked near" in (strict.explanation or "")
    assert not any("allowed" in reason for offer in strict.alternatives for reason in offer.reasons)
    heavier = match_line(
        store, _line("304 sheet .090 or heavier x 48 x 96", grade="304", form="sheet", dimensions=dims)
    )
    best = heavier.candidates[0]
    assert best.dimensions["thickness"] > 0.09 and best.match_kind == "substitute" and best.confidence < 0.9


def test_an_equivalent_grade_is_matched_and_said(store: CatalogStore) -> None:
    item = _line("1.4301 sheet 2mm", grade="1.4301", form="sheet", dimensions={"thickness": 0.075})
    best = match_line(store, item).candidates[0]
    assert best.grade == "304" and best.match_kind == "equivalent"
    assert "1.4301" in best.reasons[0]


def test_or_equivalent_accepts_an_equivalent_or_a_trade_substitute(store: CatalogStore) -> None:
    sheet = {"grade": "1.4301", "form": "sheet", "dimensions": {"thickness": 0.075}, "quantity": 2}
    plain = match_line(store, _line("1.4301 sheet 2mm", flags=["grade_other_standard"], **sheet))
    accepted = match_line(
        store,
        _line(
            "1.4301 or equivalent sheet 2mm", flags=["grade_other_standard", "equivalent_accepted"], **sheet
        ),
    )
    assert plain.candidates[0].part_number == accepted.candidates[0].part_number
    assert plain.candidates[0].confidence < accepted.candidates[0].confidence
    assert "the customer accepts an equivalent" in accepted.candidates[0].reasons
    angle = {"grade": "316", "form": "angle", "dimensions": {"leg1": 2.0, "leg2": 2.0, "thickness": 0.25}}
    best = match_line(store, _line("316 angle or equal", flags=["equivalent_accepted"], **angle)).candidates[
        0
    ]
    assert best.grade == "316L" and best.substitution and best.confidence >= 0.95  # still flagged
    # an alternative is not an equivalent: 2507 "or equivalent" is still no match when only 2205 is stocked
    duplex = {"grade": "2507", "form": "bar_round", "dimensions": {"diameter": 2.0, "length": 144.0}}
    assert match_line(store, _line("2507 or equivalent", flags=["equivalent_accepted"], **duplex)).status == (
        "no_match"
    )


def test_hardware_is_not_a_catalog_product(store: CatalogStore) -> None:
    result = match_line(store, _line("50 ea 6205-2RS bearings", flags=["not_catalog_product"]))
    assert result.status == "no_match" and result.alternatives == []


def test_a_part_number_is_found_exactly_and_with_a_typo(store: CatalogStore) -> None:
    number = (
        store.cursor()
        .execute("SELECT part_number FROM parts ORDER BY part_number LIMIT 1 OFFSET 1234")
        .fetchone()[0]
    )
    exact = match_line(store, _line(f"10 ea {number}")).candidates[0]
    assert exact.part_number == number and exact.match_kind == "part_number" and exact.confidence >= 0.95
    typo = number[:-1] + ("X" if number[-1] != "X" else "Y")
    found = match_line(store, _line(f"please send {typo}, 4 pcs")).candidates
    assert number in [c.part_number for c in found]


def test_the_top_five_are_distinct_items(store: CatalogStore) -> None:
    item = _line("304 sheet .125", grade="304", form="sheet", dimensions={"thickness": 0.125})
    candidates = match_line(store, item).candidates
    keys = {(c.dimensions.get("width"), c.dimensions.get("length"), c.description) for c in candidates}
    assert len(candidates) == 5 and len(keys) == 5


def test_a_batch_gives_the_answers_each_line_gets_alone(store: CatalogStore) -> None:
    items = [
        _line("304 sheet", grade="304", form="sheet", dimensions={"thickness": 0.06}),
        _line("2507 bar", grade="2507", form="bar_round", dimensions={"diameter": 1.0}),
        _line("6061 bar", grade="6061", form="bar_round", dimensions={"diameter": 2.0, "length": 144.0}),
    ]
    items = [LineItem(**{**vars(item), "line_no": number}) for number, item in enumerate(items, start=1)]
    batch = match_lines(store, items)

    def parts(result: MatchResult) -> list[tuple[str, float]]:
        return [(c.part_number, c.confidence) for c in result.candidates + result.alternatives]

    assert [parts(batch[i.line_no]) for i in items] == [parts(match_line(store, i)) for i in items]


@pytest.mark.parametrize(
    ("grade", "form", "dimensions"),
    [
        ("AR400", "plate", {"thickness": 0.5, "width": 48.0, "length": 96.0}),
        ("A513", "tube_round", {"outer_diameter": 1.75, "wall_thickness": 0.12, "length": 240.0}),  # DOM
        ("A1011", "sheet", {"thickness": 0.1196, "width": 48.0, "length": 120.0}),
        ("1144", "bar_round", {"diameter": 1.125, "length": 144.0}),
        ("MIC-6", "plate", {"thickness": 0.375, "width": 24.0, "length": 36.0}),
        ("316LVM", "bar_round", {"diameter": 0.375, "length": 6.0}),
        ("Nickel 200", "wire", {"diameter": 0.02}),
    ],
)
def test_the_trades_own_grades_are_stocked_and_matched_as_asked(
    store: CatalogStore, grade: str, form: str, dimensions: dict[str, float]
) -> None:
    family = GRADES[grade].family
    item = _line(
        f"{grade} {form}", grade=grade, material=family, form=form, dimensions=dimensions, quantity=2
    )
    best = match_line(store, item).candidates[0]
    assert (best.grade, best.form, best.match_kind) == (grade, form, "exact")
    assert best.confidence >= 0.95


def test_a_brand_of_abrasion_resistant_plate_is_matched_as_its_equivalent(store: CatalogStore) -> None:
    plate = {"thickness": 0.5, "width": 48.0, "length": 96.0}
    item = _line(
        "Hardox 450 plate 1/2 x 48 x 96", grade="Hardox 450", material="carbon_steel", form="plate",
        dimensions=plate, quantity=3, flags=["grade_other_standard"],
    )  # fmt: skip
    best = match_line(store, item).candidates[0]
    assert (best.grade, best.match_kind) == ("AR450", "equivalent")
