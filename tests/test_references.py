"""The customer's references: PO labels in many languages and layouts, order references, and the
supplier's own numbers (quotes, sales orders) that are never the customer's PO."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest.document import build_document
from pipeline.models import OrderHeader


def _header(text: str) -> OrderHeader:
    return extract(build_document("m.txt", text.encode(), text, sender="", subject="")).header


@pytest.mark.parametrize(
    ("text", "po"),
    [
        ("Purchase Order No. 4400098812 attached.", "4400098812"),
        ("VENDOR COPY\nPO Number:        PO-552190\nDate: 2025-02-03", "PO-552190"),
        ("Bestellung 4407711 vom 12.02.", "4407711"),
        ("Bestell-Nr.: 880231", "880231"),
        ("Pedido nº 7712 - acero inoxidable", "7712"),
        ("Segue nosso pedido de compra nº 2026/00345 conforme sua cotação 1187/26.", "2026/00345"),
        ("Ord. n. 31/26 del 4 febbraio", "31/26"),
        ("Auftrags-Nr. 2026-117", "2026-117"),
        ("Our order reference: 2026/044.", "2026/044"),
        ("Order: KM-7702", "KM-7702"),
        ("Looking for pricing on the below. Our reference is HX-R-0931.", "HX-R-0931"),
        ("Please book it against our PO 71-0042-C, thanks", "71-0042-C"),
        ("Subject: RE: PO 7731\n\nSame as PO 7731 from March but 12 pcs. New PO is 7798.", "7798"),
        ("Kindly quote; our RFQ number is KT-RFQ-0219.", "KT-RFQ-0219"),  # a quote's reference
        ("Enquiry no. 26/0415 - please quote your best price", "26/0415"),
        # a short prefix set apart is part of the number; a long number ends the order's phrase
        ("We need this ASAP. PO # MTW 2519. Spreadsheet below.", "MTW 2519"),
        ("Richiesta di offerta RDO 2024/117 - 42CrMo4 / C45", "RDO 2024/117"),
        ("Zapytanie ofertowe nr 58/2024 - PILNE", "58/2024"),
        ("Please supply against our order 11482:", "11482"),
        ("Order HVE 6613 - shutdown material", "HVE 6613"),
    ],
)
def test_po_and_order_reference_grammar(text: str, po: str) -> None:
    header = _header(text)
    assert header.po_number == po
    span = header.evidence["po_number"]
    assert text[span.start : span.end] == po


@pytest.mark.parametrize(
    "text",
    [
        "Per your quote Q-40021, please ship the plate.",  # the supplier's quote
        "Sales order no. 771204 confirmed.",  # the supplier's sales order
        "Your order no. 5541 is ready.",
        "Order 12 pcs of 304 sheet.",  # a quantity, not a reference
        "Ref: 6061-T6 plate, see drawing",  # a grade
        "pos.2 - 316L round bar",
        "Send it to PO Box 5512, Reno",
        "Order:\n\n- 3 pcs 4140 bar",  # the label's line has no value
    ],
)
def test_numbers_that_are_not_the_customers_po(text: str) -> None:
    assert _header(text).po_number is None


def test_a_po_confirmed_in_the_quoted_thread_is_the_po_when_the_newest_message_has_none() -> None:
    text = (
        "Hi Maria, please change line 2 to 8 pcs.\n\nThanks, Dev\n\n"
        "-----Original Message-----\nFrom: Maria <m@supplier.com>\nSubject: Order confirmation SO 66120\n\n"
        "Dev, we confirm your PO 25-3310 as our SO 66120.\n"
    )
    assert _header(text).po_number == "25-3310"


def test_the_newest_message_po_beats_a_quoted_one() -> None:
    text = (
        "New order, PO 8870: 4 pcs 304 sheet.\n\n"
        "-----Original Message-----\nFrom: x@supplier.com\n\nWe shipped your PO 8801 today.\n"
    )
    assert _header(text).po_number == "8870"


def test_a_po_number_with_a_country_code_is_kept_whole() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    text = "Hereby our order PO-NL-2025-0088. All steel according EN 10025-2.\n"
    assert extract(build_document("m.txt", text.encode(), text)).header.po_number == "PO-NL-2025-0088"


@pytest.mark.parametrize(
    "text",
    [
        "Anfrage Rohr 1.4571 / Vierkant 1.4301 - eilt",  # a product and its grade
        "Please add this to the order 2000 lbs of 1/2 rod",  # a quantity after "order"
        "PO for 2 pcs to follow",
    ],
)
def test_no_reference_where_a_product_or_a_count_follows_the_label(text: str) -> None:
    assert _header(text).po_number is None


def test_a_job_number_is_the_reference_only_when_no_po_is_given() -> None:
    assert _header("Job #: 24-117  Riverside Church handrail - cut list below").po_number == "24-117"
    assert _header("Job 2319 - mezzanine, reference job # on packing list.").po_number == "2319"
    assert _header("Need the following for job 2231:").po_number is None  # a job, not named the reference
    assert (
        _header("Job 2319 - mezzanine. Our PO 4471-B, reference the job on the packing list.").po_number
        == "4471-B"
    )
    assert _header("Job site deliveries only, 2 pcs 1/2 plate").po_number is None


def test_an_earlier_orders_number_is_not_this_orders_po() -> None:
    assert _header("Same as PO 7731 but 8 pcs 304 sheet 1/8 x 48 x 96\n").po_number is None
    assert _header("Please repeat our last PO 4471, 6 pcs 304 sheet 1/8 x 48 x 96\n").po_number is None


def test_a_portuguese_quote_request_number_and_a_po_named_after_its_number() -> None:
    assert (
        _header("Pedido de cotação nº COT-1187/24\n\nItem 1 - Chapa 304L 2 mm - 20 chapas").po_number
        == "COT-1187/24"
    )
    assert (
        _header("see below from ray on site. pls deliver tmrw am, job 22-118 is the po").po_number == "22-118"
    )


def test_order_and_enquiry_numbers_labelled_in_dutch_and_swedish() -> None:
    assert _header("Beste,\n\nOns ordernummer: VDB-260193\n\n- 3 platen 5083").po_number == "VDB-260193"
    header = _header("Please reference our förfrågan nr 2026-0331 in your offer.")
    assert (header.po_number, header.rfq_number) == ("2026-0331", "2026-0331")
