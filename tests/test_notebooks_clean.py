"""Notebooks are committed as source: no outputs, no execution counts (pytest --nbval-lax runs them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_are_there() -> None:
    assert [path.name for path in NOTEBOOKS] == [
        "01_process_an_email.ipynb",
        "02_explore_the_catalog.ipynb",
        "03_batch_and_evaluate.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_a_notebook_has_no_outputs_and_asserts_what_it_shows(path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    with_output = [n for n, cell in enumerate(code) if cell["outputs"] or cell["execution_count"] is not None]
    assert with_output == [], "strip the outputs before committing (Kernel → Restart & Clear Output)"
    asserts = sum("".join(cell["source"]).count("\nassert ") for cell in code)
    assert asserts >= 5
