"""Properties every extraction keeps: it never raises, it is deterministic, its evidence is true."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract
from pipeline.extract.lines import Segment, parse_item
from pipeline.ingest import ingest
from pipeline.ingest.document import build_document

ROOT = Path(__file__).resolve().parents[1]
INPUTS = sorted((ROOT / "data" / "samples").glob("*.txt")) + sorted(
    path
    for path in (ROOT / "tests" / "data" / "emails").iterdir()
    if path.stem not in ("encrypted_order", "scanned_order", "broken_mime")
)

# Text that looks like orders: the words and numbers the extractor reacts to, in any order.
_ORDER_WORDS = st.sampled_from(
    [
        "304", "316L", "6061-T6", "4140", "Ti-6Al-4V", "C360", "42CrMo4", "stainless", "aluminum", "sheet",
        "plate", "round bar", "tube", "hex", "angle", "W8 x 31", "x", "×", "1/4", "1-1/2", '2"', ".065",
        "25.4mm", "(1.000\")", "12 ft", "4'", "Ø", "OD", "wall", "thick", "±0.005\"", "+0.000/-0.005",
        "16 ga", "Qty:", "pcs", "twelve", "(4)", "20-30 pieces", "+ 3 spares =", "500 linear feet", "not",
        "from", "to", "if not available,", "or equivalent", "?", "\n", "\n\n", "- ", "1. ", "**", "|", ":",
        "> ", "On Monday John wrote:", "-----Original Message-----", "---", "Ship to:", "Net 30", "PO#",
        "deliver by", "Friday", "3/14", "tomorrow", "urgent", "Thanks,", "John Smith", "Acme Inc.",
    ]
)  # fmt: skip
ORDERISH = st.lists(st.one_of(_ORDER_WORDS, st.text(max_size=8)), max_size=60).map(" ".join)
SENT = datetime(2024, 3, 4, 9, tzinfo=UTC)


def _document(text: str, date: datetime | None = SENT):
    return build_document("fuzz.txt", text.encode("utf-8", "surrogatepass"), text, date=date)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), ORDERISH), st.sampled_from([SENT, None]))
def test_extract_never_raises_and_its_evidence_points_into_the_text(text: str, date: datetime | None) -> None:
    result = extract(_document(text, date))
    for span in result.header.evidence.values():
        assert 0 <= span.start <= span.end <= len(text)
    for line in result.lines:
        assert line.span is not None and 0 <= line.span.start < line.span.end <= len(text)
        for span in line.evidence.values():
            assert 0 <= span.start <= span.end <= len(text)
        assert all(value > 0 for value in line.dimensions.values())
        assert line.quantity is None or line.quantity > 0
    assert [line.line_no for line in result.lines] == list(range(1, len(result.lines) + 1))


@given(ORDERISH)
def test_parse_item_never_raises(text: str) -> None:
    item = parse_item(1, Segment(text, 0))
    assert item.uom in ("EA", "FT")


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.name)
def test_extraction_is_deterministic(path: Path) -> None:
    first = extract(ingest(path.name, path.read_bytes()))
    second = extract(ingest(path.name, path.read_bytes()))
    assert first == second


@pytest.mark.parametrize("path", INPUTS, ids=lambda path: path.name)
def test_every_line_field_quotes_what_the_email_says(path: Path) -> None:
    document = ingest(path.name, path.read_bytes())
    for line in extract(document).lines:
        quoted = {name: document.text[span.start : span.end] for name, span in line.evidence.items()}
        for name in line.dimensions:
            assert quoted.get(name), (path.name, name)  # every size was read from some text
        if line.quantity is not None:
            assert any(char.isdigit() or char.isalpha() for char in quoted["quantity"])
        if line.grade is not None and not line.revisions:
            assert quoted["grade"]
        if line.form is not None:
            assert quoted["form"]
