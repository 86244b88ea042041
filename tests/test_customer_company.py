"""The customer's company: legal forms from many countries, trade names, ERP "Bill To" blocks, and
never the supplier's own name nor a job title."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.ingest.document import build_document
from pipeline.models import Customer


def _customer(text: str, sender: str = "", to: str = "") -> Customer:
    headers = {"To": to} if to else {}
    document = build_document("m.txt", text.encode(), text, sender=sender, headers=headers)
    return extract(document).header.customer


@pytest.mark.parametrize(
    "company",
    [
        "Bauer Blechtechnik GmbH",
        "Officine Rossi S.r.l.",
        "Talleres Vega S.L.",
        "Kumar Forgings Pvt. Ltd",
        "Van Dijk Techniek B.V.",
        "Nowak Konstrukcje Sp. z o.o.",
        "Herramientas Lopez S.A. de C.V.",
        "Harlow Pump & Valve Co.",
        "Delmar Hydraulics",  # a trade word, no legal form
        "Pine Hollow Paper Mill",
        "Anadolu Makina Sanayi ve Ticaret A.Ş.",
        "S.C. Metalica Transilvania S.R.L.",
        "Metalomecânica do Vouga, Lda.",
    ],
)
def test_signature_companies_of_many_countries_and_trades(company: str) -> None:
    text = f"Please send 4 pcs 316L bar 1\" x 12'.\n\nRegards,\nIrene Vogt\n{company}\nTel. +49 40 555 0101"
    assert _customer(text).company == company


def test_a_title_before_the_company_is_dropped_and_a_title_alone_is_no_company() -> None:
    text = "4 pcs 1018 bar\n\nThanks,\nOmar Haddad\nShift Lead, Cobalt Robotics\nDirector of Engineering\n"
    assert _customer(text).company == "Cobalt Robotics"
    text = "4 pcs 1018 bar\n\nThanks,\nOmar Haddad\nDirector of Engineering\n555-201-3344"
    assert _customer(text).company is None


@pytest.mark.parametrize(
    "block",
    [
        "BILL TO:\nKessler Hydraulics Inc.\n400 Mill Rd\nAkron, OH 44301",
        "Sold To: Marlow Tool & Die LLC    Ship To: same",
        "Buyer:\nKessler Hydraulics Inc.\n",
    ],
)
def test_an_erp_block_names_the_customer(block: str) -> None:
    text = f"PURCHASE ORDER 7731\n{block}\n\nLine 1  2 EA  304 SS SHEET 11GA 48 X 96\n"
    assert _customer(text).company in ("Kessler Hydraulics Inc.", "Marlow Tool & Die LLC")


def test_the_suppliers_own_signature_pasted_in_the_reply_is_not_the_customer() -> None:
    text = (
        "Go ahead with the below.\n\n"
        "3 pcs A36 plate 1/2 x 48 x 96\n\nDana Pike\nInside Sales | Brighton Metals Supply\n"
    )
    customer = _customer(text, sender="Ray Cole <ray@colefab.com>", to="sales@brightonmetals.com")
    assert customer.company is None


def test_a_company_sender_without_an_address_is_the_company_not_the_contact() -> None:
    customer = _customer("Need 2 sheets 5052 .125 x 48 x 120", sender="Ridgeway Fabricators")
    assert (customer.company, customer.contact) == ("Ridgeway Fabricators", None)


def test_a_bill_to_column_of_a_pasted_erp_order_names_the_customer_not_the_vendor_column() -> None:
    text = (
        "PURCHASE ORDER\nPO No.: 4500077120        Date: 04/02/2026\n"
        "Vendor:                           Bill To:\n"
        "Brighton Metals Supply            Osprey Valve Company\n"
        "1 Steel Way                       88 Dock St\n"
    )
    assert _customer(text).company == "Osprey Valve Company"


def test_a_legal_form_alone_in_capitals_names_no_company() -> None:
    from pipeline.extract.company import company_in

    assert [company_in(line) for line in ("LLC", "INC.", "ACME LLC")] == [None, None, "ACME LLC"]


@pytest.mark.parametrize(
    ("signature", "company"),
    [
        (
            "Regards,\nGina Ferraro\nBayside Marine Corp. - Builders of aluminum workboats since 1985\n",
            "Bayside Marine Corp.",
        ),
        (
            "Thanks,\nBen Schaefer\nMechanical Design\nDelta Automation Inc.\n260-555-0129\n",
            "Delta Automation Inc.",
        ),
        ("Sylvie Tremblay\nAcheteuse\nUsinage Beauce inc.\nTél. : 418 555-0183\n", "Usinage Beauce inc."),
        (
            "Greg Yoder\nPurchasing / Keystone Precision Machining\nLititz, PA 17543\n",
            "Keystone Precision Machining",
        ),
        ("Dale\nLakeshore Machine & Tool\nSent from my iPhone\n", "Lakeshore Machine & Tool"),
    ],
)
def test_the_company_line_of_a_signature_beside_taglines_departments_and_titles(
    signature: str, company: str
) -> None:
    assert _customer(f"Please send 2 pcs 1018 round 1\" x 12'.\n\n{signature}").company == company


def test_a_phone_typed_introduction_names_the_company() -> None:
    text = "this is bobby at langford ag repair i need three pieces of 1045 round 1-1/2 six foot long\n"
    assert _customer(text, sender="Bobby <bobby.langford1971@gmail.com>").company == "Langford Ag Repair"


def test_a_salesperson_forwarding_a_customer_s_mail_is_not_the_customer() -> None:
    text = (
        "Jenna - can you enter this one for them? Make the plate 3 sheets.\n\nThx\nMarcus Bell\n"
        "Outside Sales | Meridian Metals\n\n"
        "From: Gary Thibodeaux <gary@deltamarineworks.com>\nSent: Monday, April 14, 2025 7:52 AM\n"
        "To: Marcus Bell <mbell@meridianmetals.com>\nSubject: Aluminum\n\nMarcus,\n\n"
        '2 sheets 5086-H116 1/4" x 60" x 144"\n\nGary Thibodeaux\nDelta Marine Works\nHouma, LA\n'
    )
    customer = _customer(
        text, sender="Marcus Bell <mbell@meridianmetals.com>", to="Jenna Ortiz <jortiz@meridianmetals.com>"
    )
    assert customer.company == "Delta Marine Works"


def test_a_reply_signed_with_a_first_name_takes_the_company_signed_below_in_the_thread() -> None:
    text = (
        "Make the hex 10 pcs. Rest is fine.\nEd\n\n-----Original Message-----\nFrom: Ed Marsh\n"
        "Sent: Monday, April 8, 2024 8:57 AM\nTo: Gina\nSubject: order PO 9921\n\n"
        "Gina, please enter:\n6 pcs 1-1/4 hex 12L14 12'\n"
        "\nEd Marsh\nMarsh Screw Machine Products\nPh 937-555-0112\n"
    )
    customer = _customer(text, sender="Ed Marsh <ed@marshscrew.example>", to="gina@barstock.example")
    assert customer.company == "Marsh Screw Machine Products"


def test_a_desk_forwarding_a_thread_is_not_the_customer() -> None:
    text = (
        "Dave, can you enter this for Hollis? Pricing on Q-88213.\n-Carla\n\n"
        "Carla Benz | Outside Sales | Midvale Metals Supply | 559-555-0100\n\n"
        "From: Greg Hollis <greg@hollismech.example>\nSent: Wednesday, March 4, 2026 2:41 PM\nTo: Carla\n"
        "Subject: RE: pipe\n\nCarla, bump the pipe to 8 sticks.\n\nGreg\n\n"
        "From: Greg Hollis <greg@hollismech.example>\nSent: Tuesday, March 3, 2026 4:05 PM\nTo: Carla\n"
        "Subject: pipe\n\nCarla, need pricing on:\n\n5 sticks 4\" sch 40 304L pipe, 20'\n\n"
        "Greg Hollis\nHollis Mechanical Inc.\n559-555-0177\n"
    )
    customer = _customer(text, sender="Carla Benz <carla@midvale.example>", to="dave@midvale.example")
    assert customer.company == "Hollis Mechanical Inc."


@pytest.mark.parametrize(
    ("text", "sender", "company"),
    [
        # introduced by a phone-typed writer, named as the sender's mail domain reads
        (
            "this is ana from brightline kitchens i need five sheets of 304 4x10\nthank you ana\n",
            "Ana <ana@brightlinekitchens.example>",
            "Brightline Kitchens",
        ),
        (
            "Hi Mark this is Rosa at Tri County Hydraulics dictating from the truck\n"
            '2 pcs 1018 1" sq bar 12 ft\n',
            "Rosa <rosa@tricounty.example>",
            "Tri County Hydraulics",
        ),
        # signed in a quoted message below a reply signed with a first name
        (
            "Standard delivery, thanks.\n\nColleen\n\nOn Mon, Mar 3, 2025 at 9:00 AM Colleen wrote:\n"
            "> please quote 4 pcs 316L plate 1/4 x 24 x 24\n>\n> Colleen Burke\n> Burke Process Systems\n"
            "> 414-555-0129\n",
            "Colleen <colleen@burkeprocess.example>",
            "Burke Process Systems",
        ),
        # signed in the oldest message of an Outlook thread, under its rule line and head
        (
            "Same as last time but 6 pcs.\n\nCody\n\n________________________________\n"
            "From: Cody Arce <cody@bayoumachine.example>\nSent: Thursday, February 6, 2025 11:36 AM\n"
            "To: Rachel\nSubject: rounds\n\nRachel, please send 3 pcs 4140 HT 4\" round x 12'.\n\n"
            "Cody Arce\nBayou Machine, LLC\nNew Iberia, LA\n",
            "Cody Arce <cody@bayoumachine.example>",
            "Bayou Machine, LLC",
        ),
    ],
)
def test_the_company_of_a_phone_typed_or_threaded_message(text: str, sender: str, company: str) -> None:
    assert _customer(text, sender=sender, to="desk@supplier.example").company == company


def test_a_purchasing_title_in_another_language_is_no_company() -> None:
    text = "4 pcs 1018 bar\n\nSaygılarımızla,\nEmre Yılmaz\nSatınalma Uzmanı\nAnadolu Makina Sanayi A.Ş.\n"
    assert _customer(text).company == "Anadolu Makina Sanayi A.Ş."


def test_the_signature_above_a_long_trailer_of_logos_portals_and_notices() -> None:
    """A signature followed by a logo line, social links, a supplier-portal note, a confidentiality
    notice and "please consider the environment": the notice ends the body, the company is read."""
    text = (
        "Hi Mark,\n\nPlease enter the attached PO 45-20931 for the following:\n\n"
        '(2) 6061-T651 plate, .500" x 48" x 96"\n(5) 5052-H32 sheet .090 x 48 x 144\n\n'
        "Mill certs req'd with shipment, please reference PO# on the packing list.\n\nThanks,\nJen\n\n"
        "Jennifer Oyelaran\nSenior Buyer, Direct Materials\nBrightline Packaging Systems, Inc.\n"
        "4400 Industrial Pkwy | Elyria, OH 44035\nO: 440-555-0187 | M: 440-555-0133 | F: 440-555-0190\n"
        "j.oyelaran@brightline.example | www.brightline.example\n\n"
        "[Brightline logo]\nBrightline Packaging Systems -- Engineered to Move(TM)\n"
        "Follow us on LinkedIn | YouTube | Instagram\nISO 9001:2015 Certified | ITAR Registered\n\n"
        "Supplier portal: https://suppliers.brightline.example  (invoices through the portal)\n\n"
        "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the "
        "intended recipient(s).\n\nPlease consider the environment before printing this email.\n"
    )
    sender = "Jennifer Oyelaran <j.oyelaran@brightline.example>"
    assert _customer(text, sender=sender).company == "Brightline Packaging Systems, Inc."


def test_the_covering_notes_signature_above_a_pasted_purchase_order() -> None:
    text = (
        "Hey Carla,\n\nCan you quote the list below when you get a chance? No rush at all.\n\n"
        "thanks\nRudy\n\nRudy Garza\nGarza Machine & Tool\nEl Paso TX\n915-555-0150\n\n\n"
        " MATERIAL QUOTE REQUEST                      Date:          06/11/2025\n\n"
        " To:  Halvorsen Metals - El Paso\n\n"
        " Line  Qty   Description\n"
        "  1     4    4140 HT round bar 2\" x 12'\n"
        "  2     2    1018 CF round bar 1\" x 12'\n\n"
        " Quote valid 30 days required.\n\n"
        " Terms: net 30. All material to be domestic.\n\n"
        " Page 1 of 1\n"
    )
    customer = extract(ingest("rfq.txt", text.encode())).header.customer
    assert customer.company == "Garza Machine & Tool"


def test_a_lower_case_first_name_over_the_company() -> None:
    text = (
        "From: joe@ironridgerailings.com\nSubject: order for next week\n\n"
        "Hi Kim, heres our order for next week. po IRR-2207. tues or weds is fine, not in a hurry. Thx\n\n"
        "Material              Size             Ft    In    Qty\n"
        "HR Sq Tube 14ga       1 x 1            20    0     30\n"
        "A36 HR Flat           1/4 x 1-1/2      20    0     12\n"
        "CR Sq Bar             1/2              12    0     40\n"
        "Sch 40 Pipe           1-1/2            21    0      8\n"
        "HR Sq Tube 11ga       2 x 2            24    0      6\n"
        "HR Rd Bar             5/8              20    0     N/A - have\n\n"
        "joe\nIron Ridge Railings & Ornamental\n"
    )
    customer = extract(ingest("order.txt", text.encode())).header.customer
    assert customer.company == "Iron Ridge Railings & Ornamental"
