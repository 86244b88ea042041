"""Order sheets (.csv, .xlsx) as text: one line per row, cells separated by `` | ``.

The first non-empty row is the header. Writing rows as pipe-separated text lets extraction read
a sheet the same way it reads a table pasted into an email or an HTML table.
"""

from __future__ import annotations

import csv
import io
from itertools import islice

from openpyxl import load_workbook

from pipeline.config import IntakeSettings
from pipeline.errors import IngestError
from pipeline.ingest.limits import check_zip
from pipeline.ingest.text import decode_text

MAX_ROWS = 5000


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split()).replace("|", "/")


def _render(rows: list[list[object]]) -> str:
    lines = []
    for row in rows:
        cells = [_cell(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def csv_text(filename: str, data: bytes) -> str:
    """Rows of a CSV file (comma, semicolon or tab separated)."""
    text = decode_text(filename, data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(islice(csv.reader(io.StringIO(text), dialect), MAX_ROWS))
    rendered = _render(rows)
    if not rendered:
        raise IngestError(filename, "the sheet has no rows")
    return rendered


def xlsx_text(filename: str, data: bytes, limits: IntakeSettings | None = None) -> str:
    """Rows of every worksheet of an .xlsx workbook (values, not formulas); a zip bomb is refused."""
    check_zip(filename, data, limits or IntakeSettings())
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:  # read-only workbooks unzip and parse each sheet lazily, as its rows are read
            sheets = [
                _render(list(islice(sheet.iter_rows(values_only=True), MAX_ROWS))) for sheet in workbook
            ]
        finally:
            workbook.close()
    except Exception as error:  # a damaged zip or XML fails in zlib, zipfile, the XML parser or openpyxl
        raise IngestError(
            filename, f"not a readable .xlsx workbook ({type(error).__name__}: {error})"
        ) from error
    rendered = "\n\n".join(sheet for sheet in sheets if sheet)
    if not rendered:
        raise IngestError(filename, "the workbook has no rows")
    return rendered
