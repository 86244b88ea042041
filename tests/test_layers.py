"""The layer contract in pyproject.toml ([tool.importlinter]) holds, and breaks when it should.

`lint-imports` checks which package may import which: the pipeline never imports the dashboard or a
UI library; each layer imports only those below it; the stages' packages stay independent; no
cycles. Each forbidden import below is written into a copy of the code to show the check catches it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.prefix) / "bin" / "lint-imports"


def lint_imports(root: Path, contract: str | None = None) -> subprocess.CompletedProcess[str]:
    """`lint-imports` over the packages under ``root`` (they shadow any installed copy)."""
    env = os.environ | {"PYTHONPATH": str(root)}
    only = ["--contract", contract] if contract else []
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache", *only],
        capture_output=True,
        text=True,
        cwd=root,
        env=env,
        timeout=120,
    )


def test_the_code_keeps_every_contract() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 kept, 0 broken" in done.stdout


@pytest.fixture
def copy_of_the_code(tmp_path: Path) -> Path:
    for package in ("pipeline", "dashboard"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("pipeline/metrics.py", "import panel", "pipeline-has-no-ui"),
        ("pipeline/review.py", "from dashboard import progress", "pipeline-has-no-ui"),
        ("pipeline/extract/lines.py", "from pipeline.match import engine", "stages-independent"),
        ("pipeline/assemble/order.py", "from pipeline.review import review", "stages-independent"),
        ("pipeline/models.py", "from pipeline.ledger import Ledger", "layers"),
        ("pipeline/match/engine.py", "from pipeline.corpus.requests import request_set", "layers"),
        ("pipeline/metrics.py", "from pipeline.corpus import generate_corpus", "layers"),
        ("pipeline/stages.py", "from pipeline.runner import Runner", "layers"),
        ("pipeline/stages.py", "from pipeline.runner import Runner", "no-cycles"),
        ("dashboard/progress.py", "from dashboard import store", "no-cycles"),  # the store imports it
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    copy_of_the_code: Path, module: str, forbidden_import: str, contract: str
) -> None:
    assert lint_imports(copy_of_the_code, contract).returncode == 0
    path = copy_of_the_code / module
    path.write_text(path.read_text() + f"\n{forbidden_import}  # noqa\n")
    done = lint_imports(copy_of_the_code, contract)
    assert done.returncode == 1, done.stdout
    assert "0 kept, 1 broken" in done.stdout
