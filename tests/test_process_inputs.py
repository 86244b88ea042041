"""``process --json`` on every input kind: bad files get an error object, the others go on, and the
JSON keeps its contract while adding the new extraction fields."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.fixture_files import EMAILS, encrypted_pdf, image_only_pdf

ROOT = Path(__file__).resolve().parents[1]
NEW_ORDER_KEYS = {
    "rfq_number",
    "ship_to",
    "payment_terms",
    "certifications",
    "urgency_evidence",
    "header_flags",
}
NEW_LINE_KEYS = {"tolerances", "alternates", "quantity_range", "revisions", "span", "evidence"}


Process = Callable[..., tuple[int, list[dict], str]]


@pytest.fixture
def process(
    small_catalog_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> Process:
    """``process --json`` run in-process on the small catalog: (exit status, objects, stderr)."""
    monkeypatch.setenv("ORDERDESK_CATALOG", str(small_catalog_path))
    monkeypatch.setenv("ORDERDESK_LEDGER", str(tmp_path / "ledger.sqlite"))

    def run(*paths: Path) -> tuple[int, list[dict], str]:
        status = main(["process", *map(str, paths), "--json"])
        captured = capsys.readouterr()
        return status, [json.loads(line) for line in captured.out.splitlines()], captured.err

    return run


def test_bad_inputs_fail_one_by_one_and_the_rest_are_processed(process: Process, tmp_path: Path) -> None:
    files = {
        "locked.pdf": encrypted_pdf(["10 pcs 304 sheet"]),
        "scan.pdf": image_only_pdf(),
        "broken.eml": (EMAILS / "broken_mime.eml").read_bytes(),
        "binary.txt": b"\x00\x01\x02\x03" * 50,
        "garbled.txt": b"\x81\x8d\x8f\x90\x9d",
    }
    paths = []
    for name, data in files.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    good = [EMAILS / "pdf_attachment.eml", EMAILS / "purchase_order.pdf", EMAILS / "html_table.eml"]
    status, objects, err = process(*paths, *good)
    assert status == 1 and f"5 of {len(paths) + len(good)} files failed" in err
    errors = [obj["error"] for obj in objects[: len(paths)]]
    assert errors[0] == f"cannot read {paths[0]}: the PDF is password-protected; send an unprotected copy"
    assert errors[1].startswith(f"cannot read {paths[1]}: the PDF has no text layer")
    assert errors[2].startswith(f"cannot read {paths[2]}: malformed MIME message")
    assert errors[3] == f"cannot read {paths[3]}: it looks like a binary file, not text"
    assert "neither UTF-8 nor Windows-1252" in errors[4]
    assert [len(obj["lines"]) for obj in objects[len(paths) :]] == [4, 3, 3]


def test_the_json_adds_the_new_fields_and_keeps_the_old_ones(process: Process) -> None:
    status, [order], _ = process(EMAILS / "pdf_attachment.eml")
    assert status == 0
    assert order.keys() >= NEW_ORDER_KEYS | {"customer", "po_number", "requested_date", "urgency", "lines"}
    assert order["po_number"] == "SA-2024-0456" and order["requested_date"] == "2024-04-15"
    assert order["certifications"] == ["AS9100", "CoC", "MTR", "DFARS", "ITAR"]
    assert order["source"]["warnings"] == []
    line = order["lines"][3]
    assert line.keys() >= NEW_LINE_KEYS
    assert (line["grade"], line["form"], line["quantity"], line["uom"]) == ("4130", "tube_round", 20, "FT")
    text_span = line["evidence"]["grade"]
    assert text_span[1] - text_span[0] == len("4130")


def test_a_question_only_email_is_no_order_found(process: Process) -> None:
    status, [order], _ = process(ROOT / "data" / "samples" / "partial_info_followup.txt")
    assert status == 0
    assert order["lines"] == [] and order["review"]["status"] == "no_order_found"


def test_a_quantity_range_or_an_unsure_grade_needs_a_person(process: Process) -> None:
    _, [order], _ = process(EMAILS / "range_words_alternates.txt")
    assert order["review"]["status"] == "needs_review"
    assert "line 1: quantity given as a range" in order["review"]["reasons"]  # in words (pipeline/words.py)
    assert {
        "code": "quantity_range",
        "message": "quantity given as a range",
        "line_no": 1,
        "words": "quantity given as a range",
    } in order["review"]["details"]
