"""One vocabulary per concept: a job's status, a line's verdict, touchless — each defined once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipeline.job_status import JOB_STATUSES, RUNNABLE_STATUSES, is_active, stopped
from pipeline.models import Candidate
from pipeline.touchless import is_touchless, touchless_rate
from pipeline.verdict import MIN_CONFIDENCE_TO_PICK, line_verdict, match_status, pick

ROOT = Path(__file__).resolve().parents[1]
CODE = sorted([*(ROOT / "pipeline").rglob("*.py"), *(ROOT / "dashboard").rglob("*.py")])


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _spelled_outside(home: str, wanted: set[str]) -> list[str]:
    """Where a tuple, list, set or Literal[...] holds all of ``wanted``, outside ``home``."""
    found = []
    for path in CODE:
        if path.relative_to(ROOT).as_posix() == home:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and wanted <= _strings(node):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_job_statuses_are_spelled_only_in_their_module() -> None:
    assert _spelled_outside("pipeline/job_status.py", {"failed", "interrupted"}) == []
    assert _spelled_outside("pipeline/job_status.py", {"queued", "running"}) == []


def test_touchless_is_decided_only_in_its_module() -> None:
    # besides: a person's edit takes an order off auto-approval (a review status, not a rate)
    allowed = {"pipeline/touchless.py", "pipeline/orders/service.py"}
    compared = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path in CODE
        if path.relative_to(ROOT).as_posix() not in allowed
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Compare) and "auto_approved" in _strings(node)
    ]
    assert compared == []


def test_the_job_status_words() -> None:
    assert JOB_STATUSES == ("queued", "running", "done", "failed", "interrupted")
    assert [s for s in JOB_STATUSES if is_active(s)] == ["queued", "running"]
    assert [s for s in JOB_STATUSES if stopped(s)] == ["failed", "interrupted"]
    assert RUNNABLE_STATUSES == ("queued", "failed", "interrupted")


def _candidate(confidence: float) -> Candidate:
    return Candidate(
        part_number="P-1",
        description="1018 round bar",
        family="carbon",
        grade="1018",
        temper=None,
        form="round_bar",
        dimensions={},
        unit_price=1.0,
        uom="ea",
        stock_qty=1,
        confidence=confidence,
    )


def test_a_part_is_picked_only_when_confident_enough() -> None:
    assert pick([]) is None
    assert pick([_candidate(MIN_CONFIDENCE_TO_PICK - 0.01)]) is None
    best = _candidate(MIN_CONFIDENCE_TO_PICK)
    assert pick([best, _candidate(0.2)]) is best
    assert (match_status(best), match_status(None)) == ("matched", "no_match")


@pytest.mark.parametrize(
    ("status", "confidence", "passed", "verdict"),
    [
        ("no_match", None, None, "no_match"),
        ("matched", 0.95, None, "matched"),  # before the review: confidence against its threshold
        ("matched", 0.85, None, "needs_review"),
        ("matched", 0.85, True, "matched"),  # the review's word wins once there is one
        ("matched", 0.99, False, "needs_review"),
    ],
)
def test_a_lines_verdict(status: str, confidence: float | None, passed: bool | None, verdict: str) -> None:
    assert line_verdict(status, confidence, passed, threshold=0.9) == verdict


def test_touchless_is_the_pipelines_own_approval() -> None:
    assert is_touchless("auto_approved")
    assert not is_touchless("approved")  # a person approved it
    assert (touchless_rate(3, 4), touchless_rate(0, 0)) == (0.75, 0.0)
