"""Order or request for quote: the header's ``kind``, also in the ``process --json`` object."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import Order


def _kind(text: str, subject: str = "") -> str:
    return extract(build_document("m.txt", text.encode(), text, sender="", subject=subject)).header.kind


@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        ("Could you quote 12 pcs 4140 bar 2\" x 10'?", "", "quote"),
        ("Looking for your best offer on 304 sheet 16ga 4x8, qty 20.", "", "quote"),
        ("Need price and availability on 6061 plate 1/2 x 48 x 96.", "", "quote"),
        ("Vi chiediamo la vostra migliore offerta per 10 lamiere AISI 316L.", "", "quote"),
        ("10 pcs 1018 bar 1\" x 12'", "Request for quotation 2026-17", "quote"),
        ("Per your quote Q-3321, please enter our PO 7712 for the plate.", "", "order"),
        ("Please quote and we will issue PO 5531 on approval.", "", "order"),  # a PO commits
        ("Please ship 6 pcs 304 sheet.", "", "order"),
        ("6 pcs 304 sheet 11ga 48x96", "", "order"),
        ("Budget approved for premium pricing. 6 pcs A36 plate.", "", "order"),
    ],
)
def test_order_or_quote(text: str, subject: str, kind: str) -> None:
    assert _kind(text, subject) == kind


def test_a_grade_after_rfq_is_not_the_rfq_number() -> None:
    text = "RFQ: 17-4PH bar, 4 pcs 2\" x 12'"
    assert extract(build_document("m.txt", text.encode(), text)).header.rfq_number is None


def test_the_kind_is_in_the_json_contract() -> None:
    text = "Please quote 4 pcs 304 sheet."
    document = build_document("m.txt", text.encode(), text)
    extraction = extract(document)
    order = Order(order_id="OD-1", document=document, header=extraction.header, lines=[])
    assert order.to_dict()["kind"] == "quote"
