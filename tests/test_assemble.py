"""Assembly prices real catalog parts per piece or per foot, applies minimums, checks stock, totals."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.assemble import PartTerms, load_terms, order_totals, priced
from pipeline.assemble.pricing import price_line
from pipeline.assemble.stock import availability
from pipeline.catalog.search import attribute_index
from pipeline.catalog.store import CatalogStore
from pipeline.config import PricingSettings
from pipeline.models import Candidate, CustomerAccount, LineItem, OrderLine
from pipeline.orders.parts import named_part


@pytest.fixture(scope="module")
def store(small_catalog_path: Path) -> CatalogStore:
    return CatalogStore(small_catalog_path)


def _part(store: CatalogStore, where: str) -> tuple[Candidate, PartTerms]:
    row = store.rows(f"SELECT * FROM parts WHERE {where} ORDER BY part_number LIMIT 1")[0]
    index = attribute_index(store)
    part = index.candidate(index.position(row["part_number"]))
    return part, PartTerms(row["min_order_qty"], row["lead_time_days"])


def test_a_bar_sold_by_the_foot_is_priced_for_pieces_times_their_length(store: CatalogStore) -> None:
    bar, terms = _part(store, "form = 'bar_round' AND uom = 'FT' AND min_order_qty = 1 AND stock_qty > 100")
    item = LineItem(1, "5 bars x 24in", quantity=5, dimensions={"length": 24.0})
    price = price_line(item, bar, terms)
    assert price.sold_quantity == 10.0  # 5 x 24" = 10 ft
    assert price.extended_price == round(bar.unit_price * 10, 2)
    assert price.notes == ()


def test_feet_asked_of_a_foot_part_are_sold_as_asked(store: CatalogStore) -> None:
    bar, terms = _part(store, "form = 'bar_round' AND uom = 'FT' AND min_order_qty = 1")
    item = LineItem(1, "25 feet", quantity=25, uom="FT")
    assert price_line(item, bar, terms).sold_quantity == 25


def test_tube_goes_out_in_whole_sticks(store: CatalogStore) -> None:
    tube, terms = _part(store, "form = 'tube_round' AND uom = 'FT' AND min_order_qty > 1")
    stick = terms.min_order_qty
    item = LineItem(1, "tube", quantity=stick + 1, uom="FT")
    price = price_line(item, tube, terms)
    assert price.sold_quantity == 2 * stick
    assert price.extended_price == round(tube.unit_price * 2 * stick, 2)
    assert price.notes == (f"sold in full {stick} FT lengths: {2 * stick:g} FT for {stick + 1:g} FT asked",)


def test_a_piece_part_asked_in_feet_is_sold_in_whole_pieces(store: CatalogStore) -> None:
    piece, terms = _part(store, "form LIKE 'bar_%' AND uom = 'EA' AND length = 36")
    item = LineItem(1, "7 ft", quantity=7, uom="FT")  # 84" from 36" pieces: 3 pieces
    assert price_line(item, piece, terms).sold_quantity == 3


def test_a_minimum_order_raises_the_quantity_and_says_so(store: CatalogStore) -> None:
    sheet, _ = _part(store, "form = 'sheet' AND uom = 'EA'")
    price = price_line(LineItem(1, "2 sheets", quantity=2), sheet, PartTerms(min_order_qty=5))
    assert price.sold_quantity == 5
    assert price.notes == ("minimum order 5 EA applied (2 asked)",)


def test_no_quantity_means_no_price_and_a_note(store: CatalogStore) -> None:
    sheet, terms = _part(store, "form = 'sheet' AND uom = 'EA'")
    price = price_line(LineItem(1, "some sheets"), sheet, terms)
    assert (price.sold_quantity, price.extended_price) == (None, None)
    assert price.notes == ("not priced: no quantity given",)


def test_stock_decides_in_stock_partial_or_backorder(store: CatalogStore) -> None:
    stocked, terms = _part(store, "stock_qty BETWEEN 10 AND 50 AND uom = 'EA'")
    on_hand = stocked.stock_qty
    full = availability(stocked, terms, on_hand)
    assert (full.status, full.ship_now, full.backorder, full.lead_time_days) == (
        "in_stock",
        on_hand,
        0,
        terms.lead_time_days,
    )
    partial = availability(stocked, terms, on_hand + 4)
    assert (partial.status, partial.ship_now, partial.backorder) == ("partial", on_hand, 4)
    assert partial.lead_time_days > terms.lead_time_days  # the rest waits for the mill
    empty, empty_terms = _part(store, "stock_qty = 0")
    backorder = availability(empty, empty_terms, 3)
    assert (backorder.status, backorder.ship_now, backorder.backorder) == ("backorder", 0, 3)
    assert backorder.lead_time_days == empty_terms.lead_time_days


def test_terms_are_read_for_many_parts_in_one_query(store: CatalogStore) -> None:
    rows = store.rows(
        "SELECT part_number, min_order_qty, lead_time_days, weight_per_unit FROM parts"
        " ORDER BY part_number LIMIT 3"
    )
    terms = load_terms(store, [row["part_number"] for row in rows] + ["NOT-A-PART"])
    expected = (PartTerms(r["min_order_qty"], r["lead_time_days"], r["weight_per_unit"]) for r in rows)
    assert terms == dict(zip((r["part_number"] for r in rows), expected, strict=True))


def test_totals_apply_discount_small_order_charge_and_tax(store: CatalogStore) -> None:
    sheet, terms = _part(store, "form = 'sheet' AND uom = 'EA' AND unit_price > 100")
    line = priced(OrderLine(LineItem(1, "3 sheets", quantity=3), sheet), terms)
    account = CustomerAccount("C-1", "Acme", discount_pct=5.0)
    totals = order_totals([line], account, PricingSettings(tax_rate=0.08))
    subtotal = round(3 * sheet.unit_price, 2)
    assert totals.subtotal == subtotal
    assert totals.discount == round(subtotal * 0.05, 2)
    assert totals.small_order_charge == 0
    assert totals.tax == round((subtotal - totals.discount) * 0.08, 2)
    assert totals.total == round(subtotal - totals.discount + totals.tax, 2)


def test_a_small_order_pays_the_small_order_charge(store: CatalogStore) -> None:
    cheap, terms = _part(store, "uom = 'EA' AND unit_price < 20")
    line = priced(OrderLine(LineItem(1, "1 pc", quantity=1), cheap), terms)
    pricing = PricingSettings(minimum_order_value=50.0, small_order_charge=25.0)
    totals = order_totals([line], None, pricing)
    assert totals.small_order_charge == 25.0
    assert totals.total == round(cheap.unit_price + 25.0, 2)
    assert order_totals([], None, pricing).small_order_charge == 0  # nothing ordered, nothing charged


def test_blanks_cut_from_a_sheet_sell_the_stock_sheets_pulled(store: CatalogStore) -> None:
    sheet, terms = _part(store, "form = 'plate' AND uom = 'EA' AND width = 48 AND length = 96")
    item = LineItem(1, "8 pcs 12 x 12", form="plate", quantity=8, dimensions={"width": 12.0, "length": 12.0})
    item.grade, item.dimensions["thickness"] = sheet.grade, sheet.dimensions["thickness"]
    part = named_part(store, sheet.part_number, item)
    assert part.cut is not None and part.cut.cut and part.cut.pieces_per_stock >= 8
    price = price_line(item, part, terms)
    assert price.sold_quantity == part.cut.pieces_to_pull == 1  # one 48 x 96 plate yields the 8 blanks
    assert price.extended_price == sheet.unit_price
    whole = LineItem(2, "3 plates", form="plate", quantity=3)
    assert price_line(whole, named_part(store, sheet.part_number, whole), terms).sold_quantity == 3
