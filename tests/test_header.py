"""The order header: customer, references, requested date, urgency, ship-to, terms, certifications."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.extract import extract
from pipeline.extract.customer import matches_domain
from pipeline.ingest.document import build_document
from pipeline.models import OrderHeader

FRIDAY_EVENING = datetime(2024, 2, 9, 21, 47, tzinfo=UTC)
TUESDAY = datetime(2024, 3, 12, 10, 0, tzinfo=UTC)


def _header(text: str, sent: datetime | None = TUESDAY, sender: str = "", subject: str = "") -> OrderHeader:
    document = build_document("m.txt", text.encode(), text, date=sent, sender=sender, subject=subject)
    return extract(document).header


@pytest.mark.parametrize(
    ("phrase", "sent", "expected"),
    [
        ("Must arrive by March 15, 2024.", TUESDAY, "2024-03-15"),
        ("Delivery required by April 1st.", TUESDAY, "2024-04-01"),
        ("Due Date: 2024-04-03", TUESDAY, "2024-04-03"),
        ("Deliver by 3/14.", TUESDAY, "2024-03-14"),
        ("Delivery date: 12.04.2024, DAP Hamburg.", TUESDAY, "2024-04-12"),
        ("We need them tomorrow 2PM.", TUESDAY, "2024-03-13"),
        ("MUST be delivered by 6:00 AM Saturday morning.", FRIDAY_EVENING, "2024-02-10"),
        ("Delivery needed by next Friday.", TUESDAY, "2024-03-22"),  # the Friday of next week
        ("Need it by Friday.", TUESDAY, "2024-03-15"),
        ("Delivery required within 2 weeks.", TUESDAY, "2024-03-26"),
        (
            "Materials should arrive by mid-February.",
            datetime(2024, 1, 24, tzinfo=UTC),
            "2024-02-15",
        ),
        ("Ship by end of March.", TUESDAY, "2024-03-31"),
        (
            "Need delivery by January 10.",
            datetime(2023, 12, 20, tzinfo=UTC),
            "2024-01-10",
        ),  # next year
    ],
)
def test_requested_dates_resolve_against_the_date_header(phrase: str, sent: datetime, expected: str) -> None:
    header = _header(phrase, sent)
    assert header.requested_date == expected
    span = header.evidence["requested_date"]
    assert span.start >= 0 and phrase[span.start : span.end]


@pytest.mark.parametrize(
    "phrase",
    [
        "We need quotes by Friday Feb 16th.",  # a quote deadline
        "Please send pricing by Wednesday EOD.",
        "First production run starts April 15th.",  # their production, not our delivery
        "Engineering should have the drawings by this afternoon.",
        "Thanks for your call yesterday.",
    ],
)
def test_dates_that_are_not_delivery_dates_are_ignored(phrase: str) -> None:
    assert _header(phrase).requested_date is None


def test_without_a_date_header_relative_and_yearless_dates_stay_unresolved() -> None:
    assert _header("We need delivery by next Friday.", sent=None).requested_date is None
    assert _header("Delivery required by April 1st.", sent=None).requested_date is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("We need delivery by March 10, 2025.", "2025-03-10"),
        ("Delivery required by 2025-03-10.", "2025-03-10"),
        ("Must arrive by 3/10/2025.", "2025-03-10"),
    ],
)
def test_without_a_date_header_a_date_with_its_year_is_still_read(phrase: str, expected: str) -> None:
    assert _header(phrase, sent=None).requested_date == expected


def test_a_po_date_line_is_the_reference_when_there_is_no_date_header() -> None:
    text = "PURCHASE ORDER\nDate: 2024-03-20\nDeliver By: Friday\n"
    assert _header(text, sent=None).requested_date == "2024-03-22"


def test_a_date_line_naming_no_real_day_is_no_reference() -> None:
    text = "PURCHASE ORDER\nDate: 31.06.2024\nDeliver By: Friday\n"  # June has 30 days
    assert _header(text, sent=None).requested_date is None


@pytest.mark.parametrize(
    ("text", "subject", "urgency", "phrases"),
    [
        (
            "Our production line is DOWN. Need it TONIGHT.",
            "",
            "emergency",
            ["production line is DOWN", "TONIGHT"],
        ),
        ("This is for an emergency repair.", "", "emergency", ["emergency"]),
        ("Please expedite.", "Urgent - order", "rush", ["Urgent", "expedite"]),
        ("Priority: HIGH", "", "rush", ["Priority: HIGH"]),
        ("We need these ASAP.", "", "rush", ["ASAP"]),
        ("The diameter is critical for compatibility.", "", "standard", []),
        ("Regular order, no hurry.", "", "standard", []),
    ],
)
def test_urgency_with_the_phrases_that_justify_it(
    text: str, subject: str, urgency: str, phrases: list[str]
) -> None:
    header = _header(text, subject=subject)
    assert (header.urgency, header.urgency_evidence) == (urgency, phrases)


def test_a_priority_header_makes_an_order_rush() -> None:
    text = "10 pcs 304 sheet"
    document = build_document("m.eml", b"x", text, headers={"X-Priority": "1 (Highest)"}, date=TUESDAY)
    assert extract(document).header.urgency_evidence == ["X-Priority: 1 (Highest)"]


@pytest.mark.parametrize(
    ("text", "po", "rfq"),
    [
        ("Our emergency PO# will be ER-2024-0209", "ER-2024-0209", None),
        ("PO Number: SA-2024-0456", "SA-2024-0456", None),
        ("Please enter against PO 4500087231", "4500087231", None),
        ("under our purchase order no. NM-2024-118", "NM-2024-118", None),
        ("Please quote RFQ-2024-0311:", "RFQ-2024-0311", "RFQ-2024-0311"),  # the reference to quote against
        ("Subject: RFQ-AC-0342 titanium plate", "RFQ-AC-0342", "RFQ-AC-0342"),  # prefix, letters and all
        ("Subject: RFQ/ARIC/2024/0387 - SS 316L materials", "RFQ/ARIC/2024/0387", "RFQ/ARIC/2024/0387"),
        ("Subject: Nota de encomenda NE 2024/212 - obra Newark", "NE 2024/212", None),  # Portuguese
        ("Subject: URGENT - Comanda nr. MT-1187 din 15.04.2024", "MT-1187", None),  # Romanian
        ("Our order reference: Cde n° 24-0917.", "24-0917", None),  # French
        ("Our reference: Rif. 112/24.", "112/24", None),  # Italian
        ("采购订单号：HL-PO-20240506", "HL-PO-20240506", None),  # Chinese
        ("Subject: LPO No. GHAW-LPO-5521 - Aluminium", "GHAW-LPO-5521", None),  # the Gulf's local PO
        ("quote the attached RFQ 24-0977", "24-0977", "24-0977"),
        ("Our PO limit is $50K", None, None),
        ("Project Phoenix (P-2024-001)", None, None),
    ],
)
def test_po_and_rfq_numbers(text: str, po: str | None, rfq: str | None) -> None:
    header = _header(text)
    assert (header.po_number, header.rfq_number) == (po, rfq)


_MONTREAL = "CML Ltd, 1250 Industrial Blvd, Montreal, QC H3C 2T5, Canada"


@pytest.mark.parametrize(
    ("text", "ship_to", "several"),
    [
        ("Ship to:\nAcme LLC\n12 Main St\nSpringfield, IL 62701\n\nThanks",
         "Acme LLC, 12 Main St, Springfield, IL 62701", False),
        ("- Address: Acme LLC\n           12 Main St\n           Detroit, MI 48210\n- Dock 3",
         "Acme LLC, 12 Main St, Detroit, MI 48210", False),
        ("Delivery address: Nord GmbH, Hafenstraße 17, 20457 Hamburg, Germany",
         "Nord GmbH, Hafenstraße 17, 20457 Hamburg, Germany", False),
        ("Montreal goods ship to:\nCML Ltd\n1250 Industrial Blvd\nMontreal, QC H3C 2T5, Canada\n\n"
         "Detroit goods ship to:\nDA LLC\n5500 Mfg Dr\nDetroit, MI 48201", _MONTREAL, True),
        ("- Ship to our Dallas facility", "Dallas facility", False),
        ("It must be delivered to our facility by 6 AM.", None, False),
    ],
)  # fmt: skip
def test_ship_to(text: str, ship_to: str | None, several: bool) -> None:
    header = _header(text)
    assert header.ship_to == ship_to
    assert ("multiple_ship_to" in header.flags) == several


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Payment terms: Net 30 (credit approval CA-1)", "Net 30"),
        ("Payment: 30 days net.", "Net 30"),
        ("Terms 2% 10 Net 30.", "2% 10 Net 30"),
        ("Can pay COD, credit card, or wire transfer", "COD, credit card, wire transfer"),
        ("Payment: Letter of Credit (confirmed by Deutsche Bank)", "letter of credit"),
        ("No terms here.", None),
    ],
)
def test_payment_terms(text: str, terms: str | None) -> None:
    assert _header(text).payment_terms == terms


@pytest.mark.parametrize(
    ("text", "certifications"),
    [
        ("Mill certs required on all items.", ["MTR"]),
        (
            "- EN 10204 Type 3.1 material certificates\n- NACE MR0175 compliance",
            ["EN 10204 3.1", "NACE MR0175"],
        ),
        ("Material cert required (DFARS compliant). ITAR controlled.", ["MTR", "DFARS", "ITAR"]),
        (
            "AS9100 supplier required. CoC and MTRs with shipment. ISO 9001:2015",
            ["AS9100", "CoC", "MTR", "ISO 9001"],
        ),
        ("Need ASME Section II compliance and a Certificate of Conformance", ["ASME Section II", "CoC"]),
        ("No special testing needed.", []),
    ],
)
def test_certifications(text: str, certifications: list[str]) -> None:
    assert _header(text).certifications == certifications


def test_customer_from_the_signature_beats_labels_and_headers() -> None:
    text = (
        "Customer: AeroSpace Dynamics Corp\n\n10 pcs 304 sheet 1/8 x 48 x 96\n\nThanks!\nMike Thompson\n"
        "Senior Procurement Engineer\nTechManufacturing Solutions\nPhone: (412) 555-0187\nCell: 555-0100\n"
        "Email: m.thompson@techmanufacturing.com\n\nP.S. more later"
    )
    customer = _header(text, sender="procurement@techmanufacturing.com").customer
    assert (customer.company, customer.contact) == ("TechManufacturing Solutions", "Mike Thompson")
    assert (customer.email, customer.phone) == ("m.thompson@techmanufacturing.com", "(412) 555-0187")


@pytest.mark.parametrize(
    ("signature", "company", "contact", "phone"),
    [
        ("Luis Ortega | Gulf Coast Valve Co. | 713-555-0121",
         "Gulf Coast Valve Co.", "Luis Ortega", "713-555-0121"),
        ("Regards,\nDana Whitfield\nBuyer, Northridge Machine Works\nPhone (614) 555-0172",
         "Northridge Machine Works", "Dana Whitfield", "(614) 555-0172"),
        ("Best regards,\n\nMarie Lafleur, P.Eng\nCanadian Manufacturing Ltd\nPhone: +1 514 555-0198",
         "Canadian Manufacturing Ltd", "Marie Lafleur", "+1 514 555-0198"),
        ("Steve Wilson\nEmergency Response Manager\nIndustrial Repair Solutions\nDirect: 313-555-0199",
         "Industrial Repair Solutions", "Steve Wilson", "313-555-0199"),
    ],
)  # fmt: skip
def test_signature_shapes(signature: str, company: str, contact: str, phone: str) -> None:
    customer = _header("Please quote 304 sheet.\n\n" + signature).customer
    assert (customer.company, customer.contact, customer.phone) == (company, contact, phone)


def test_the_from_display_name_is_the_contact_when_nothing_else_names_one() -> None:
    assert (
        _header("10 pcs 304 sheet", sender="Sabine Krüger <s.k@alpen.at>").customer.contact == "Sabine Krüger"
    )
    assert _header("10 pcs 304 sheet", sender="Engineering Dept <eng@x.com>").customer.contact is None


def test_a_letterhead_names_the_company_of_a_pdf_order() -> None:
    text = "BLUE RIDGE HYDRAULICS LLC\nPURCHASE ORDER\nBuyer: Tom Kessler    Phone: 540-555-0162"
    customer = _header(text, sent=None).customer
    assert (customer.company, customer.contact, customer.phone) == (
        "BLUE RIDGE HYDRAULICS LLC",
        "Tom Kessler",
        "540-555-0162",
    )


def test_company_names_match_mail_domains() -> None:
    assert matches_domain("Global Fabrication Inc", ["lchen@globalfab.com"])
    assert matches_domain("Canadian Manufacturing Ltd", ["m@canadianmfg.ca"])
    assert matches_domain(
        "株式会社山田製作所 (Yamada Seisakusho Co., Ltd.)", ["t@yamada-seisakusho.co.jp"]
    )  # .co.jp
    assert not matches_domain("AeroSpace Dynamics Corp", ["p@techmanufacturing.com"])


def test_every_header_field_has_evidence_pointing_at_its_text() -> None:
    text = (
        "PO# 4471. Ship to:\nAcme LLC\n12 Main St\nSpringfield, IL 62701\n\n"
        "Terms Net 30. Mill certs required.\n"
        "Deliver by 3/14. ASAP please.\n\nThanks,\nAnn Lee\nAcme LLC\nPhone: 555-123-4567\nann@acme.com"
    )
    header = _header(text)
    quoted = {name: text[span.start : span.end] for name, span in header.evidence.items()}
    assert quoted == {
        "customer.contact": "Ann Lee",
        "customer.email": "ann@acme.com",
        "customer.phone": "555-123-4567",
        "customer.company": "Acme LLC",
        "po_number": "4471",
        "requested_date": "3/14",
        "urgency": "ASAP",
        "ship_to": "Acme LLC\n12 Main St\nSpringfield, IL 62701",
        "payment_terms": "Net 30",
        "certifications.MTR": "Mill certs",
    }


@pytest.mark.parametrize(
    ("text", "company"),
    [
        (  # the signature after "-- "
            "Need 4 pcs 1018 round 1 x 12.\n\nLuis\n--\nLuis Ferreira | Production Control\n"
            "Ridgeline Precision Machining\n3370 Ridge Rd, Rockford, IL\n",
            "Ridgeline Precision Machining",
        ),
        (  # the company block after the sign-off and the name, without a legal form or trade word
            "Send 2 sheets of 10 ga 4x8.\n\nThanks\nDale\n\n"
            "Oakhurst Trailer Repair\n1440 County Rd 9\n262-555-0187\n",
            "Oakhurst Trailer Repair",
        ),
        (  # a name, a title, then the company
            "Need 3 pcs 4140 round 2 x 12.\n\nMarcus Reid | Shop Foreman\n"
            "Reid Mechanical Contractors\no: 717-555-0135\n",
            "Reid Mechanical Contractors",
        ),
        (
            "PO 77\n\nGREAT PLAINS RAIL CAR CO.\nSupplier: Mercer Metals\n2 pcs A36 plate 1/2 x 48 x 96\n",
            "GREAT PLAINS RAIL CAR CO.",
        ),
    ],
)
def test_the_customer_company_from_the_signature_or_letterhead(text: str, company: str) -> None:
    assert _header(text).customer.company == company


def test_terms_and_conditions_name_no_company() -> None:
    text = (
        "2 pcs A36 plate 1/2 x 48 x 96\n\n1. Material must be certified. "
        "Tri-County Tank & Trailer LLC reserves the right to reject material.\n"
    )
    assert _header(text).customer.company is None


@pytest.mark.parametrize(
    ("text", "po"),
    [
        ("Please supply following, our order number HMB-PO-31457:\n", "HMB-PO-31457"),
        ("Please find our order 2025/118:\n", "2025/118"),
        ("Subject: order - RCT-0917\n", "RCT-0917"),
        ("we kindly ask your best offer (Richiesta d'offerta n. 45/2025):\n", "45/2025"),
        ("Please order 1/2 plate, 2 pcs\n", None),
    ],
)
def test_references_inside_longer_codes_and_after_a_bare_order_word(text: str, po: str | None) -> None:
    assert _header(text).po_number == po


@pytest.mark.parametrize(
    ("text", "urgent", "po"),
    [
        ("OC: 2025-0342\nEs urgente: tenemos la línea de producción parada.\n", True, "2025-0342"),
        ("Bestellung 4501234 - dringend, die Maschine steht.\n", True, "4501234"),
    ],
)
def test_urgency_and_order_numbers_in_other_languages(text: str, urgent: bool, po: str) -> None:
    header = _header(text)
    assert (header.urgency != "standard", header.po_number) == (urgent, po)


def test_a_mexican_order_s_oc_number_and_company_under_a_spanish_sign_off() -> None:
    header = _header(
        'Le envío nuestra orden de compra OC 45-1187.\n\n- 20 pzas Solera A36 de 1/4" x 2" x 20 pies\n\n'
        "Saludos cordiales,\nIng. Alejandra Ruiz Castañeda\nCompras\n"
        "Metalmecánica del Bajío, S.A. de C.V.\nCelaya, Gto. | Tel. +52 461 555 0134\n",
        sender="Ing. Alejandra Ruiz <compras2@metalmecanicabajio.com.mx>",
    )
    assert header.po_number == "45-1187"
    assert header.customer.company == "Metalmecánica del Bajío, S.A. de C.V."


@pytest.mark.parametrize(
    "text",
    [
        'line 3 down need 2 pcs 4140 2" rd cut 14" long',
        "need three pieces of half inch square bar thanks can i pick up tomorrow morning",
        "Need it on site this arvo or first thing tomorrow at the latest, crane booked.",
    ],
)
def test_urgency_in_a_numbered_line_down_a_pickup_tomorrow_and_this_arvo(text: str) -> None:
    document = build_document("m.txt", text.encode(), text, sender="", subject="")
    assert extract(document).header.urgency in ("rush", "emergency")


def test_the_supplier_s_own_quote_replied_to_sets_no_urgency() -> None:
    text = (
        "Thanks for the quote, go ahead please. Our order no. ME/PO/77.\n\nNeil\n\n"
        "-----Original Message-----\n"
        "From: Sales <sales@brightbar.example>\n"
        "Subject: Quotation Q-118\n\n"
        "Prices as requested:\n\n"
        "1. EN1A round 25mm x 3m - 5 lengths - £14.20/length\n\n"
        "All ex-stock, next day delivery.\n"
    )
    header = _header(text, sender="Neil Marsh <neil@marsh-eng.co.uk>")
    assert (header.po_number, header.urgency) == ("ME/PO/77", "standard")
    # the customer's own words still count: the same reply asking for it tomorrow is a rush
    rushed = text.replace("go ahead please.", "go ahead please, we need it tomorrow.")
    assert _header(rushed, sender="Neil Marsh <neil@marsh-eng.co.uk>").urgency == "rush"
