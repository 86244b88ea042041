"""The acknowledgement as a PDF the customer can file: its text on A4 pages, Helvetica, written
with pypdf (already a dependency for reading PDFs). Characters Windows-1252 lacks print as '?'."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

WIDTH, HEIGHT, MARGIN = 595, 842, 50  # A4 in points
SIZE, LEADING = 10, 13
LINES_PER_PAGE = (HEIGHT - 2 * MARGIN) // LEADING
COLUMNS = 100  # characters on a line before it wraps (Helvetica 10 pt across the page)

_FONT = DictionaryObject(
    {
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }
)


def text_pdf(text: str, title: str) -> bytes:
    """``text`` laid out line by line (long lines wrapped) on as many pages as it needs."""
    lines = [part for line in text.splitlines() for part in _wrapped(line)]
    writer = PdfWriter()
    writer.add_metadata({"/Title": title, "/Producer": "Order Desk"})
    for start in range(0, max(len(lines), 1), LINES_PER_PAGE):
        page = writer.add_blank_page(width=WIDTH, height=HEIGHT)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): _FONT})}
        )
        shown = b" ".join(_string(line) + b" '" for line in lines[start : start + LINES_PER_PAGE])
        stream = DecodedStreamObject()
        stream.set_data(
            b"BT /F1 %d Tf %d %d Td %d TL " % (SIZE, MARGIN, HEIGHT - MARGIN, LEADING) + shown + b" ET"
        )
        page.replace_contents(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _wrapped(line: str) -> list[str]:
    parts = []
    while len(line) > COLUMNS:  # each turn shortens the line: the cut is past its indent
        indent = len(line) - len(line.lstrip(" "))
        cut = line.rfind(" ", indent + 1, COLUMNS)
        cut = cut if cut != -1 else COLUMNS
        parts.append(line[:cut])
        line = "   " + line[cut:].lstrip()
    return [*parts, line]


def _string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
