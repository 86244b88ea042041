"""Extraction of the plainly written samples (sample_order_1 and _3): every field a desk keys in."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ingest import ingest

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def _extract(name: str):
    path = SAMPLES / name
    return extract(ingest(path.name, path.read_bytes()))


def _row(line) -> tuple:
    dims = {name: round(value, 4) for name, value in line.dimensions.items()}
    return (line.grade, line.temper, line.material, line.form, dims, line.quantity, line.uom)


def test_sample_order_1_lines() -> None:
    result = _extract("sample_order_1.txt")
    assert [_row(line) for line in result.lines] == [
        ("304", None, "stainless_steel", "sheet", {"thickness": 0.125, "width": 48, "length": 96}, 10, "EA"),
        ("6061", None, "aluminum", "bar_round", {"diameter": 2, "length": 144}, 5, "EA"),
        ("1018", None, "carbon_steel", "plate", {"thickness": 0.5, "width": 12, "length": 12}, 8, "EA"),
        ("C360", None, "brass", "bar_hex", {"across_flats": 1, "length": 72}, 15, "EA"),
        ("C11000", None, "copper", "sheet", {"thickness": 0.062, "width": 24, "length": 24}, 6, "EA"),
    ]
    assert all(line.flags == [] for line in result.lines)


def test_sample_order_3_lines() -> None:
    result = _extract("sample_order_3.txt")
    assert [_row(line) for line in result.lines] == [
        ("Ti-6Al-4V", None, "titanium", "bar_round", {"diameter": 1.5, "length": 24}, 3, "EA"),
        ("7075", "T6", "aluminum", "plate", {"thickness": 0.5, "width": 12, "length": 24}, 4, "EA"),
        (
            "Inconel 718",
            None,
            "nickel_alloy",
            "sheet",
            {"thickness": 0.125, "width": 12, "length": 12},
            2,
            "EA",
        ),
        ("17-4PH", None, "stainless_steel", "bar_round", {"diameter": 2, "length": 18}, 5, "EA"),
    ]


def test_sample_order_1_header() -> None:
    header = _extract("sample_order_1.txt").header
    assert header.customer.company == "ACME Manufacturing Co."
    assert header.customer.contact == "John Smith"
    assert header.customer.email == "john.smith@acme-manufacturing.com"
    assert header.customer.phone == "(555) 123-4567"
    assert header.urgency == "rush"


def test_evidence_spans_point_at_the_source_text() -> None:
    path = SAMPLES / "sample_order_1.txt"
    document = ingest(path.name, path.read_bytes())
    line = extract(document).lines[0]
    quoted = {name: document.text[span.start : span.end] for name, span in line.evidence.items()}
    assert quoted["grade"] == "304"
    assert quoted["form"] == "Sheet"
    assert quoted["thickness"].startswith("0.125")
    assert "10" in quoted["quantity"]


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_every_sample_extracts_without_error(name: str) -> None:
    result = _extract(name)
    assert [line.line_no for line in result.lines] == list(range(1, len(result.lines) + 1))
