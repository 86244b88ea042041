"""The ledger keeps orders losslessly: what is read back equals what was processed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pipeline.orders.codec import order_from_json, order_to_json

if TYPE_CHECKING:
    from conftest import Desk

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "samples").glob("*.txt"))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_every_sample_order_round_trips(desk: Desk, sample: Path) -> None:
    state = desk.runner.process(sample.name, sample.read_bytes())
    assert order_from_json(order_to_json(state.order)) == state.order
    assert desk.service.get(state.order.order_id).order == state.order


def test_an_eml_with_a_date_and_headers_round_trips(desk: Desk) -> None:
    eml = (
        "From: Buyer <buyer@acme-manufacturing.com>\r\nTo: sales@example.com\r\n"
        "Subject: PO 4471\r\nDate: Mon, 15 Jan 2024 09:15:33 -0500\r\n\r\n"
        "1. 304 stainless sheet 0.125 x 48 x 96 - Quantity: 2 sheets\r\n"
    )
    order = desk.runner.process("po.eml", eml.encode()).order
    assert order.document.date is not None and order.document.headers
    assert order_from_json(order_to_json(order)) == order
