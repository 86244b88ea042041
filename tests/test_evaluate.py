"""The ``eval`` measure: its scoring rules, its command, and the targets it holds the labelled set to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.evaluate import Counts, Report, evaluate, line_agrees
from pipeline.models import LineItem

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "labels"
TARGET_F1 = 0.95


def _label(tmp_path: Path, name: str, email: str, label: dict) -> Path:
    (tmp_path / f"{name}.txt").write_text(email)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"source": f"{name}.txt", **label}))
    return path


def test_counts_give_precision_recall_and_f1() -> None:
    counts = Counts(tp=8, fp=2, fn=4)
    assert (counts.precision, counts.recall) == (0.8, pytest.approx(2 / 3))
    assert counts.f1 == pytest.approx(2 * 0.8 * (2 / 3) / (0.8 + 2 / 3))
    assert Counts().f1 == 1.0  # nothing expected, nothing found


def test_a_line_agrees_on_grade_form_quantity_unit_and_every_dimension_within_two_percent() -> None:
    line = LineItem(
        1, "", grade="304", form="sheet", dimensions={"thickness": 0.125, "width": 48}, quantity=10
    )
    expected = {
        "grade": "304",
        "form": "sheet",
        "dimensions": {"thickness": 0.126, "width": 48},
        "quantity": 10,
    }
    assert line_agrees(expected, line)
    assert not line_agrees(expected | {"dimensions": {"thickness": 0.13, "width": 48}}, line)  # 4% off
    assert not line_agrees(expected | {"dimensions": {"thickness": 0.125}}, line)  # an extra size
    assert not line_agrees(expected | {"uom": "FT"}, line)
    assert not line_agrees(expected | {"grade": "316"}, line)


def test_scoring_of_lines_and_header_fields(tmp_path: Path) -> None:
    email = "10 pcs 304 sheet 1/8 x 48 x 96\n5 pcs 6061 round bar 2 x 12\n\nThanks,\nAnn Lee\nAcme Inc."
    path = _label(
        tmp_path,
        "one",
        email,
        {
            "header": {"customer": {"company": "ACME INC", "contact": "Bob"}, "urgency": "standard"},
            "lines": [
                {"grade": "304", "form": "sheet", "quantity": 10,
                 "dimensions": {"thickness": 0.125, "width": 48, "length": 96}},
                {"grade": "316", "form": "plate", "dimensions": {}, "quantity": 1},
            ],
        },
    )  # fmt: skip
    report = evaluate([path])
    assert (report.lines.tp, report.lines.fp, report.lines.fn) == (1, 1, 1)
    assert report.header["customer.company"].tp == 1  # compared without case and punctuation
    assert (report.header["customer.contact"].fp, report.header["customer.contact"].fn) == (1, 1)
    assert report.header["urgency"].tp == 1
    assert report.crashes == []


def test_an_expected_refusal_counts_and_an_unexpected_one_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    good = tmp_path / "refusal.json"
    good.write_text(json.dumps({"source": "empty.txt", "error": "the file is empty"}))
    bad = tmp_path / "surprise.json"
    bad.write_text(json.dumps({"source": "empty.txt", "lines": []}))
    report = evaluate([good, bad])
    assert (report.errors.tp, report.errors.fp) == (1, 1)
    assert any("unexpected refusal" in mismatch for mismatch in report.mismatches)


def test_the_eval_command_prints_tables_and_can_fail_under_a_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _label(
        tmp_path, "two", "10 pcs 304 sheet 1/8 x 48 x 96", {"lines": [{"grade": "316", "form": "sheet"}]}
    )
    assert main(["eval", str(path)]) == 0
    out = capsys.readouterr().out
    assert "| **lines** (grade, form, quantity, dimensions ±2%) | 0 | 1 | 1 |" in out
    assert "crashes: 0" in out
    assert main(["eval", str(path), "--details", "--fail-under", "0.9"]) == 1
    assert "line not found" in capsys.readouterr().out


def test_the_labelled_set_meets_the_issues_targets() -> None:
    """Line and header-field F1 at least 0.95 on the labelled emails, no crash, every bad input refused."""
    report: Report = evaluate([LABELS])
    assert report.files >= 27
    assert report.crashes == []
    assert report.lines.f1 >= TARGET_F1, report.mismatches
    assert report.header_total.f1 >= TARGET_F1, report.mismatches
    assert report.errors.fp == 0 and report.errors.fn == 0 and report.errors.tp >= 3


def test_make_eval_runs_the_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "eval", "tests/labels", "--fail-under", str(TARGET_F1)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Header fields" in result.stdout and "Line fields" in result.stdout
