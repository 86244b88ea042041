"""Builders for the binary test inputs: text PDFs, an encrypted and an image-only PDF, an .xlsx
order sheet, and MIME emails with attachments.

Tests build bad inputs on the fly with these; the labelled emails under ``tests/data/emails`` that
need binary parts were written by ``python tests/fixture_files.py`` (run it again after editing a
builder below: MIME boundaries, the encrypted PDF's id and the workbook's timestamps come out new,
the content the labels describe does not; the text-only emails there are written by hand).
"""

from __future__ import annotations

import io
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ByteStringObject, DictionaryObject, NameObject, NumberObject

EMAILS = Path(__file__).resolve().parent / "data" / "emails"


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (1 = catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (Helvetica, WinAnsi: ×, Ø and ½ work)."""
    shown = b" ".join(_pdf_string(line) + b" '" for line in lines)
    content = b"BT /F1 10 Tf 40 800 Td 13 TL " + shown + b" ET"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
    )


def image_only_pdf() -> bytes:
    """A 'scanned' page: one grey image, no text layer."""
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
    image += b" /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x40\x40\x80\nendstream"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R"
            b" /Resources << /XObject << /Im1 5 0 R >> >> >>",
            _stream(b"q 500 0 0 700 50 70 cm /Im1 Do Q"),
            image,
        ]
    )


def encrypted_pdf(lines: list[str], password: str = "secret") -> bytes:
    """A text PDF that opens only with ``password`` (RC4: no extra crypto library needed)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(lines))))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def aes_encrypted_pdf(lines: list[str]) -> bytes:
    """A text PDF with an AES-256 (V5 R6) encryption dictionary, as Acrobat writes a protected one;
    pypdf needs the ``cryptography`` package even to test a password on it. The keys are made up:
    no password opens it."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(lines))))
    aes = {"/CFM": NameObject("/AESV3"), "/AuthEvent": NameObject("/DocOpen"), "/Length": NumberObject(32)}
    entries = {
        "/Filter": NameObject("/Standard"),
        "/V": NumberObject(5),
        "/R": NumberObject(6),
        "/Length": NumberObject(256),
        "/P": NumberObject(-4),
        "/O": ByteStringObject(b"\x01" * 48),
        "/U": ByteStringObject(b"\x02" * 48),
        "/OE": ByteStringObject(b"\x03" * 32),
        "/UE": ByteStringObject(b"\x04" * 32),
        "/Perms": ByteStringObject(b"\x05" * 16),
        "/CF": DictionaryObject({NameObject("/StdCF"): _dictionary(aes)}),
        "/StmF": NameObject("/StdCF"),
        "/StrF": NameObject("/StdCF"),
    }
    writer._encrypt_entry = _dictionary(entries)  # pypdf writes no AES dictionary without the library
    writer._add_object(writer._encrypt_entry)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _dictionary(entries: dict[str, object]) -> DictionaryObject:
    return DictionaryObject({NameObject(name): value for name, value in entries.items()})


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def email_with(
    headers: dict[str, str], body: str, attachments: list[tuple[str, str, bytes]] = (), cte: str | None = None
) -> bytes:
    """An email: plain ``body`` (transfer encoding ``cte``) plus (filename, mime type, bytes) parts."""
    message = EmailMessage()
    for name, value in headers.items():
        message[name] = value
    message.set_content(body, cte=cte) if cte else message.set_content(body)
    for filename, mime, data in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes(policy=SMTP)


CSV_ORDER = (
    "Line,Qty,UOM,Grade,Form,Thickness (in),Width (in),Length (in),Diameter (in)\r\n"
    "1,4,EA,D2 tool steel,flat bar,0.75,4,36,\r\n"
    "2,2,EA,A2 tool steel,round bar,,,36,2.5\r\n"
    "3,120,FT,1018,round bar,,,,1.25\r\n"
    "4,8,EA,4140 PH,plate,1,12,24,\r\n"
)
XLSX_ORDER = [
    ["Item", "Description", "Qty", "Unit"],
    [1, "A36 angle 2 x 2 x 1/4 x 20'", 10, "EA"],
    [2, "W8x31 A992 wide flange beam x 30 ft", 4, "EA"],
    [3, "C6 x 8.2 channel A36, 20 ft", 6, "pcs"],
    [4, "6063-T52 aluminum square tube 1.5 x 1.5 x .125 wall", 240, "FT"],
]
PDF_PO_LINES = [
    "SUMMIT AEROSPACE INC.",
    "PURCHASE ORDER",
    "PO Number: SA-2024-0456",
    "Order Date: 03/18/2024",
    "Ship To: Summit Aerospace Inc., Receiving Dock B, 7700 E Aviation Way, Mesa, AZ 85212",
    "Required Date: 04/15/2024",
    "Terms: Net 30",
    "",
    "Line Qty UOM Description",
    "1 6 EA 2024-T351 aluminum plate .500 x 12.00 x 24.00",
    "2 10 EA 7075-T6 aluminum round bar 1.000 dia x 144",
    "3 3 EA Ti 6Al-4V sheet .063 x 36 x 96 AMS 4911",
    "4 20 FT 4130 tube 1.000 OD x .058 wall",
    "",
    "Quality: AS9100 supplier required. Certs: CoC and MTRs with shipment.",
    "DFARS compliant material only. ITAR controlled.",
]
STANDALONE_PO_LINES = [
    "BLUE RIDGE HYDRAULICS LLC",
    "1450 Commerce Parkway, Roanoke, VA 24019",
    "PURCHASE ORDER    PO #: BRH-10442",
    "Date: 2024-03-20",
    "Vendor: Metal Supply Co.",
    "Ship To: Blue Ridge Hydraulics LLC, 1450 Commerce Parkway, Roanoke, VA 24019",
    "Deliver By: 2024-04-03",
    "Payment Terms: Net 30",
    "Buyer: Tom Kessler    Phone: 540-555-0162    Email: tkessler@blueridgehyd.com",
    "",
    "Item Qty Description",
    '1 12 PCS 4140 round bar 3" dia x 20 ft',
    "2 40 PCS 304 stainless tube 1.25\" OD x .065 wall x 20'",
    '3 2 PCS A36 plate 1-1/2" x 60" x 120"',
]

REPLY_PLAIN = """Hi Mark,

Please go ahead with the order below, but we need 10, not 6, and change the grade from 4140 to 4340.

Thanks,
Priya Raman
Raman Precision Components Inc.
Direct: 408-555-0166

On Mon, Mar 11, 2024 at 2:14 PM Mark Feld <mfeld@metalsupply.com> wrote:
> Hi Priya,
>
> As discussed, here is what I have for you:
>
> - 6 pcs 4140 round bar 2-1/2" dia x 12 ft
> - 3 pcs 6061-T6 plate 1" x 24" x 36"
>
> Let me know and I'll enter it.
>
> Mark
"""
REPLY_HTML = """<html><body><p>Hi Mark,</p>
<p>Please go ahead with the order below, but we need 10, not 6, and change the grade from 4140 to 4340.</p>
<p>Thanks,<br>Priya Raman<br>Raman Precision Components Inc.<br>Direct: 408-555-0166</p>
<div class="gmail_quote">On Mon, Mar 11, 2024 at 2:14 PM Mark Feld &lt;mfeld@metalsupply.com&gt; wrote:<br>
<blockquote><p>Hi Priya,</p><p>As discussed, here is what I have for you:</p><ul>
<li>6 pcs 4140 round bar 2-1/2&quot; dia x 12 ft</li>
<li>3 pcs 6061-T6 plate 1&quot; x 24&quot; x 36&quot;</li></ul>
<p>Let me know and I'll enter it.</p><p>Mark</p></blockquote></div></body></html>
"""
FORWARD_BODY = """Bitte bearbeiten / please process, thanks.

Sabine

---------- Forwarded message ---------
From: Thomas Huber <t.huber@alpen-stahlbau.at>
Date: Fri, 15 Mar 2024 16:20:00 +0100
Subject: Bestellung Rundstahl

Hello Sabine,

please order:

1) 8 pcs 1.4404 round bar Ø 40 mm x 3000 mm
2) 12 pcs S355J2 flat bar 20 x 100 mm, 6 m lengths
3) 4 pcs 6082-T6 aluminium plate 15 mm x 1500 x 3000 mm

Delivery: by 05.04.2024 at the latest
Delivery address: Alpen Stahlbau GmbH, Industriezeile 8, 6020 Innsbruck, Austria

Regards
Thomas Huber
Alpen Stahlbau GmbH
"""
HTML_TABLE = """<html><head><style>td {padding: 2px}</style></head><body>
<p>Good morning,</p>
<p>Please process this order for <b>Harbor Marine Services</b>. PO# HMS-55120.</p>
<table border="1">
<tr><th>Qty</th><th>Description</th><th>Size</th></tr>
<tr><td>6</td><td>316L stainless round bar</td><td>1&frac12;&quot; dia × 12'</td></tr>
<tr><td>10</td><td>5086-H116 aluminum plate</td><td>1/4" × 48" × 96"</td></tr>
<tr><td>4</td><td>Monel 400 round bar</td><td>2" × 36"</td></tr>
</table>
<p>Please ship to:<br>Harbor Marine Services<br>44 Pier Road<br>Portland, ME 04101</p>
<p>We need these ASAP - the boat is on the hard.</p>
<p>Best regards,<br>Ellen Sato<br>Harbor Marine Services<br>Tel: 207-555-0135</p>
</body></html>
"""
SJIS_BODY = """Dear Sales,

Please supply the following (PO YS-0322):

1. SUS304 sheet 2 mm x 1000 x 2000 mm - 5 sheets
2. A5052 aluminum plate 10 mm x 500 x 500 mm - 8 pcs

Delivery by April 10, 2024.

株式会社山田製作所 (Yamada Seisakusho Co., Ltd.)
購買部 山田 太郎
Tel: +81-6-5555-0123
"""
OUTLOOK_BODY = """Confirmed. Please enter: 8 pcs 303 stainless hex bar 2" x 12' (we need 8, not 6).
We’ll pick up.

Luis Ortega | Gulf Coast Valve Co. | 713-555-0121

________________________________
From: Metal Supply Sales <sales@metalsupply.com>
Sent: Thursday, March 14, 2024 4:05 PM
To: Luis Ortega <lortega@gulfcoastvalve.com>
Subject: RE: hex bar

Luis, we can do 6 pcs 303 stainless hex bar 2" A/F x 12 ft from stock.
"""
BROKEN_MIME = (
    b"From: someone@example.com\r\nSubject: order\r\nMIME-Version: 1.0\r\n"
    b"Content-Type: multipart/mixed\r\n\r\n"  # a multipart without its boundary parameter
    b"--xyz\r\nContent-Type: text/plain\r\n\r\n10 pcs 304 sheet\r\n--xyz--\r\n"
)


def _mail(sender: str, to: str, subject: str, date: str, body: str, **content: str) -> EmailMessage:
    """An email with one body part; ``content`` goes to ``set_content`` (charset, cte, subtype)."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"], message["Date"] = sender, to, subject, date
    message.set_content(body, **content)
    return message


def _other_emails() -> dict[str, bytes]:
    """The labelled emails that exercise MIME: alternatives, charsets, transfer encodings."""
    orders, sales = "orders@metalsupply.com", "sales@metalsupply.com"
    reply = _mail(
        "Priya Raman <praman@ramanprecision.com>", "Mark Feld <mfeld@metalsupply.com>",
        "Re: 4140 bar and 6061 plate", "Tue, 12 Mar 2024 09:20:00 -0700", REPLY_PLAIN, cte="quoted-printable",
    )  # fmt: skip
    reply.add_alternative(REPLY_HTML, subtype="html", cte="quoted-printable")
    messages = {
        "reply_change_request": reply,
        "forwarded_iso8859": _mail(
            "Sabine Krüger <s.krueger@alpen-stahlbau.at>", orders, "Fwd: Bestellung Rundstahl",
            "Mon, 18 Mar 2024 07:55:00 +0100", FORWARD_BODY, charset="iso-8859-1", cte="quoted-printable",
        ),
        "html_table": _mail(
            "Ellen Sato <esato@harbormarine.com>", orders, "Order HMS-55120",
            "Tue, 19 Mar 2024 08:30:00 -0400", HTML_TABLE, subtype="html", charset="windows-1252",
            cte="quoted-printable",
        ),
        "sjis_japanese": _mail(
            "山田 太郎 <t.yamada@yamada-seisakusho.co.jp>", "export@metalsupply.com",
            "注文書 / Purchase order YS-0322", "Fri, 22 Mar 2024 11:00:00 +0900", SJIS_BODY,
            charset="shift_jis", cte="base64",
        ),
        "outlook_chain": _mail(
            "Luis Ortega <lortega@gulfcoastvalve.com>", sales, "RE: hex bar",
            "Fri, 15 Mar 2024 08:12:00 -0500", OUTLOOK_BODY, charset="windows-1252", cte="8bit",
        ),
    }  # fmt: skip
    found = {f"{name}.eml": message.as_bytes(policy=SMTP) for name, message in messages.items()}
    return found | {"broken_mime.eml": BROKEN_MIME}


def write_fixtures() -> None:
    """(Re)write the labelled binary fixtures under ``tests/data/emails``."""
    EMAILS.mkdir(parents=True, exist_ok=True)
    (EMAILS / "purchase_order.pdf").write_bytes(text_pdf(STANDALONE_PO_LINES))
    (EMAILS / "encrypted_order.pdf").write_bytes(encrypted_pdf(STANDALONE_PO_LINES))
    (EMAILS / "scanned_order.pdf").write_bytes(image_only_pdf())
    csv_headers = {
        "From": "Omar Haddad <omar@crescenttool.com>",
        "To": "orders@metalsupply.com",
        "Subject": "Order sheet PO 77812",
        "Date": "Wed, 20 Mar 2024 07:45:00 -0400",
        "X-Priority": "1 (Highest)",
    }
    csv_body = (
        "Hi,\n\nAttached is our order sheet for PO 77812. Please confirm receipt.\n"
        "Need delivery by 3/28.\n\nThanks,\nOmar Haddad\nCrescent Tool & Die Inc.\nPhone: 586-555-0177\n"
    )
    csv_parts = [("order_sheet.csv", "text/csv", CSV_ORDER.encode())]
    (EMAILS / "csv_attachment.eml").write_bytes(email_with(csv_headers, csv_body, csv_parts, cte="base64"))
    xlsx_headers = {
        "From": "Hannah Brooks <hbrooks@brooksmetals.com>",
        "To": "quotes@metalsupply.com",
        "Subject": "RFQ 24-0977",
        "Date": "Thu, 21 Mar 2024 13:10:00 -0500",
    }
    xlsx_body = (
        "Hello,\n\nPlease quote the attached RFQ 24-0977. Quote needed by Friday.\n\n"
        "Regards,\nHannah Brooks\nBrooks Architectural Metals LLC\nPhone: 312-555-0108\n"
    )
    xlsx_mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    xlsx_parts = [("rfq_24-0977.xlsx", xlsx_mime, xlsx_bytes(XLSX_ORDER))]
    (EMAILS / "xlsx_attachment.eml").write_bytes(email_with(xlsx_headers, xlsx_body, xlsx_parts))
    pdf_headers = {
        "From": "Grace Liu <grace.liu@summitaero.com>",
        "To": "orders@metalsupply.com",
        "Subject": "PO SA-2024-0456",
        "Date": "Mon, 18 Mar 2024 16:02:00 -0700",
    }
    pdf_body = (
        "Please see the attached PO.\n\nThanks,\nGrace Liu\nSummit Aerospace Inc.\n"
        "grace.liu@summitaero.com\n480-555-0119\n"
    )
    pdf_parts = [("SA-2024-0456.pdf", "application/pdf", text_pdf(PDF_PO_LINES))]
    (EMAILS / "pdf_attachment.eml").write_bytes(email_with(pdf_headers, pdf_body, pdf_parts))
    for name, data in _other_emails().items():
        (EMAILS / name).write_bytes(data)


if __name__ == "__main__":
    write_fixtures()
