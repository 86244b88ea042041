"""Ingest: every input kind the issue lists, and a clear per-file error for every kind of bad input."""

from __future__ import annotations

import codecs
import io
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from pypdf import PdfReader, PdfWriter

from pipeline.errors import IngestError
from pipeline.ingest import MAX_INPUT_BYTES, ingest
from pipeline.ingest.html import html_to_text
from tests.fixture_files import (
    EMAILS,
    aes_encrypted_pdf,
    email_with,
    encrypted_pdf,
    image_only_pdf,
    text_pdf,
    xlsx_bytes,
)

ORDER = ["PO 4471", "10 pcs 304 stainless sheet 1/8 x 48 x 96"]


def _message(body: str = "see attached", **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = headers.get("sender", "Ann Lee <ann@example.com>")
    message["Subject"] = headers.get("subject", "order")
    message["Date"] = "Mon, 4 Mar 2024 08:00:00 -0500"
    message.set_content(body)
    return message


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("10 pcs 304 sheet Ø 25 mm".encode(), "10 pcs 304 sheet Ø 25 mm"),
        (codecs.BOM_UTF8 + "Müller".encode(), "Müller"),
        (codecs.BOM_UTF16_LE + "Müller ×".encode("utf-16-le"), "Müller ×"),
        ("Müller × ½".encode("cp1252"), "Müller × ½"),  # not UTF-8: Windows-1252
        (b"line one\r\nline two\r", "line one\nline two"),
    ],
)
def test_text_files_in_common_encodings(data: bytes, text: str) -> None:
    assert ingest("order.txt", data).text == text


def test_a_pasted_email_keeps_its_headers() -> None:
    data = b"From: Ann <ann@example.com>\nSubject: Order\nDate: Mon, 4 Mar 2024 08:00:00 -0500\n\nbody"
    document = ingest("order.txt", data)
    assert (document.sender, document.subject, document.date.day) == ("Ann <ann@example.com>", "Order", 4)


def test_eml_prefers_the_plain_body_of_an_alternative() -> None:
    message = _message("plain body")
    message.add_alternative("<p>html body</p>", subtype="html")
    assert ingest("m.eml", message.as_bytes(policy=SMTP)).text == "plain body"


@pytest.mark.parametrize("charset", ["utf-8", "iso-8859-1", "windows-1252"])
@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_eml_bodies_in_any_transfer_encoding_and_charset(charset: str, cte: str) -> None:
    message = _message()
    message.set_content("Müller GmbH: Ø 25 mm × 2 m", charset=charset, cte=cte)
    assert ingest("m.eml", message.as_bytes(policy=SMTP)).text.strip() == "Müller GmbH: Ø 25 mm × 2 m"


def test_an_html_only_email_becomes_text_with_its_table_rows() -> None:
    message = _message()
    message.set_content(
        "<html><style>p{}</style><body><p>Hi &amp; thanks</p><table><tr><th>Qty</th><th>Item</th></tr>"
        "<tr><td>6</td><td>316L bar 1&frac12;&quot;</td></tr></table></body></html>",
        subtype="html",
    )
    assert (
        ingest("m.eml", message.as_bytes(policy=SMTP)).text == 'Hi & thanks\n\nQty | Item\n6 | 316L bar 1½"'
    )


def test_html_to_text_marks_quoted_history_and_drops_scripts() -> None:
    markup = (
        "<div>Yes<br>go ahead</div><script>x()</script>"
        "<blockquote><p>6 pcs 4140</p></blockquote><ul><li>a</li></ul>"
    )
    assert html_to_text(markup) == "Yes\ngo ahead\n\n> 6 pcs 4140\n\n- a"


def test_attachments_join_the_document_after_a_marker() -> None:
    data = email_with(
        {"From": "ann@example.com", "Subject": "PO"},
        "See the attached order.",
        [
            ("order.csv", "text/csv", b"Qty,Item\n4,304 sheet 1/8 x 48 x 96\n"),
            ("order.xlsx", "application/octet-stream", xlsx_bytes([["Qty", "Item"], [2, "6061 plate"]])),
            ("po.pdf", "application/pdf", text_pdf(ORDER)),
            ("logo.png", "image/png", b"\x89PNG..."),
        ],
    )
    document = ingest("m.eml", data)
    assert [a.filename for a in document.attachments] == ["order.csv", "order.xlsx", "po.pdf"]
    assert document.text.startswith(
        "See the attached order.\n\n----- attachment: order.csv -----\nQty | Item\n"
    )
    for attachment in document.attachments:
        assert document.text[attachment.offset : attachment.offset + len(attachment.text)] == attachment.text
    assert document.body_end == len("See the attached order.")
    assert "4 | 304 sheet 1/8 x 48 x 96" in document.text and "2 | 6061 plate" in document.text
    assert "PO 4471" in document.text
    assert document.warnings == ()


def test_a_forwarded_email_attachment_is_read() -> None:
    inner = _message("12 pcs 4140 round bar 2 x 12 ft", sender="Tom <tom@example.com>")
    outer = _message("FYI, please process.")
    outer.add_attachment(inner)
    document = ingest("m.eml", outer.as_bytes(policy=SMTP))
    assert "From: Tom <tom@example.com>" in document.text and "12 pcs 4140 round bar" in document.text


def test_an_unreadable_attachment_is_a_warning_and_the_rest_is_read() -> None:
    data = email_with(
        {"From": "ann@example.com"}, "10 pcs 304 sheet", [("po.pdf", "application/pdf", image_only_pdf())]
    )
    document = ingest("m.eml", data)
    assert document.text == "10 pcs 304 sheet"
    [warning] = document.warnings
    assert warning.startswith("cannot read po.pdf: the PDF has no text layer (a scanned image?)")


def test_a_pdf_file_is_read_from_its_text_layer() -> None:
    document = ingest("po.pdf", text_pdf(['1 6 EA 304 sheet 1/8" × 48" × 96"', "Ø 25 mm", "½"]))
    assert document.text.splitlines() == ['1 6 EA 304 sheet 1/8" × 48" × 96"', "Ø 25 mm", "½"]


def test_a_pdf_with_only_an_owner_password_opens() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(ORDER))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert "PO 4471" in ingest("po.pdf", out.getvalue()).text


@pytest.mark.parametrize(
    ("filename", "data", "reason"),
    [
        ("order.txt", b"", "the file is empty"),
        ("order.txt", b"   \n\n", "the file has no text"),
        ("order.txt", b"\x00\x01\x02PK\x03\x04" * 100, "it looks like a binary file, not text"),
        ("order.txt", b"10 pcs \x81\x8d\x8f\x90\x9d sheet", "neither UTF-8 nor Windows-1252"),
        ("order.txt", b"\x01\x02\x03\x04 text" * 20, "too many unreadable characters"),
        ("order.doc", b"10 pcs 304", "unsupported file type .doc; expected .eml, .pdf, .txt"),
        ("order", b"10 pcs 304", "unsupported file type (none)"),
        ("mail.eml", b"just some words without headers", "no email headers found"),
        ("mail.eml", b"\x00\x01binary\x00", "binary file, not an email"),
        ("mail.eml", (EMAILS / "broken_mime.eml").read_bytes(), "malformed MIME message"),
        ("mail.eml", b"From: a@b.c\nSubject: x\n\n", "no text body and no readable attachment"),
        ("scan.pdf", image_only_pdf(), "the PDF has no text layer"),
        ("locked.pdf", encrypted_pdf(ORDER), "the PDF is password-protected; send an unprotected copy"),
        ("aes.pdf", aes_encrypted_pdf(ORDER), "the PDF is password-protected; send an unprotected copy"),
        ("fake.pdf", b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        (
            "sheet.eml",
            email_with({"From": "a@b.c"}, "", [("o.xlsx", "application/octet-stream", b"PK")]),
            "xlsx",
        ),
    ],
)
def test_bad_input_gives_a_clear_error_naming_the_file(filename: str, data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=f"^cannot read {filename}: ") as error:
        ingest(filename, data)
    assert reason in str(error.value)
    assert error.value.path == filename


def test_a_file_over_the_size_limit_is_refused_before_reading() -> None:
    with pytest.raises(IngestError, match=r"the file is 25\.1 MiB; the limit is 25 MiB"):
        ingest("huge.txt", b"a" * (MAX_INPUT_BYTES + 100_000))


def test_the_labelled_bad_fixtures_are_the_builders_output() -> None:
    """The committed bad PDFs are what the builders make (the encrypted one differs by its random id)."""
    assert (EMAILS / "scanned_order.pdf").read_bytes() == image_only_pdf()
    with pytest.raises(IngestError, match="password-protected"):
        ingest("encrypted_order.pdf", (EMAILS / "encrypted_order.pdf").read_bytes())
