"""Properties of every reader: whatever the bytes, the answer is a Document or an ``IngestError``
(the documented error, naming the file), within the profile's deadline per input.

Inputs are real files broken the ways files break — cut short, bytes flipped, a slice dropped or
repeated — plus arbitrary bytes and text, and emails built from random parts. The deadline (see
``tests/conftest.py``) is the time bound per input; it fails the example that exceeds it.
"""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import IngestError
from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.ingest.html import html_to_text
from pipeline.ingest.sheet import csv_text, xlsx_text
from pipeline.ingest.text import decode_text
from pipeline.models import Document
from tests.bad_inputs import INJECTION, SQL
from tests.fixture_files import CSV_ORDER, XLSX_ORDER, xlsx_bytes

ROOT = Path(__file__).resolve().parents[1]
EMAILS = ROOT / "tests" / "data" / "emails"
SEEDS = {
    ".eml": [path.read_bytes() for path in sorted(EMAILS.glob("*.eml"))],
    ".pdf": [path.read_bytes() for path in sorted(EMAILS.glob("*.pdf"))],
    ".txt": [path.read_bytes() for path in sorted((ROOT / "data" / "samples").glob("*.txt"))[:4]],
}
EXAMPLES = settings(suppress_health_check=[HealthCheck.too_slow])  # how many: the profile


@st.composite
def damaged(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A real file, then a few of: cut short, a byte changed, a slice dropped, a slice repeated."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        end = min(len(data), at + draw(st.integers(1, 512)))
        kind = draw(st.sampled_from(["cut", "flip", "drop", "repeat"]))
        if kind == "cut":
            del data[at:]
        elif kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "drop":
            del data[at:end]
        else:
            data[at:at] = data[at:end] * draw(st.integers(1, 20))
    return bytes(data)


def read_or_refuse(read: Callable[[], object], filename: str) -> object | None:
    """The reader's answer, or None when it refused with an IngestError naming ``filename``."""
    try:
        return read()
    except IngestError as error:
        assert error.path == filename and str(error).startswith(f"cannot read {filename}: ")
        return None


@EXAMPLES
@given(
    st.sampled_from(sorted(SEEDS)).flatmap(lambda suffix: st.tuples(st.just(suffix), damaged(SEEDS[suffix])))
)
def test_a_damaged_file_is_read_or_refused_and_what_is_read_extracts(case: tuple[str, bytes]) -> None:
    suffix, data = case
    name = f"damaged{suffix}"
    document = read_or_refuse(lambda: ingest(name, data), name)
    if document is not None:
        assert isinstance(document, Document) and document.path == name
        extract(document)  # extraction of whatever was read never raises either


@EXAMPLES
@given(st.sampled_from([".txt", ".eml", ".pdf", ".docx", ""]), st.binary(max_size=4096))
def test_arbitrary_bytes_are_read_or_refused(suffix: str, data: bytes) -> None:
    read_or_refuse(lambda: ingest(f"any{suffix}", data), f"any{suffix}")


@EXAMPLES
@given(st.text(max_size=2000) | st.sampled_from([INJECTION, SQL]).map(lambda text: text * 3))
def test_any_text_decodes_or_is_refused_and_any_markup_becomes_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    decoded = read_or_refuse(lambda: decode_text("any.txt", data), "any.txt")
    assert decoded is None or isinstance(decoded, str)
    rendered = html_to_text(text)
    assert isinstance(rendered, str) and "<script" not in html_to_text(f"<script>{text}</script>")


@EXAMPLES
@given(damaged([CSV_ORDER.encode(), xlsx_bytes(XLSX_ORDER)]))
def test_a_damaged_sheet_is_read_or_refused(data: bytes) -> None:
    read_or_refuse(lambda: csv_text("s.csv", data), "s.csv")
    read_or_refuse(lambda: xlsx_text("s.xlsx", data), "s.xlsx")


# Header values as a mail client writes them (the email package refuses line breaks in one).
_HEADER_TEXT = st.text(max_size=40).map(lambda text: "".join(char for char in text if char.isprintable()))
_PART = st.tuples(
    st.sampled_from(
        ["text/plain", "text/html", "text/csv", "application/pdf", "message/rfc822", "image/png"]
    ),
    st.sampled_from(["utf-8", "iso-8859-1", "x-unknown", "utf-16"]),
    st.binary(max_size=300),
    _HEADER_TEXT,  # the file name, whatever a mail client put there
)


@EXAMPLES
@given(st.text(max_size=200), st.lists(_PART, max_size=6), _HEADER_TEXT)
def test_an_email_of_random_parts_is_read_or_refused(body: str, parts: list, subject: str) -> None:
    message = EmailMessage()
    message["From"] = "Ann <ann@example.com>"
    message["Subject"] = subject
    message.set_content(body)
    for content_type, charset, data, filename in parts:
        maintype, subtype = content_type.split("/")
        if maintype == "message":
            inner = EmailMessage()
            inner.set_content(data.decode("latin-1"))
            message.add_attachment(inner)
        else:
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename or None)
            message.get_payload()[-1].set_param("charset", charset)
    raw = message.as_bytes(policy=SMTP)
    read_or_refuse(lambda: ingest("random.eml", raw), "random.eml")
