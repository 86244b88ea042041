"""ARCHITECTURE.md stays true: the files it names exist, and its stage table is the runner's list."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.stages import DEFAULT_STAGES

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "ARCHITECTURE.md").read_text()


def test_every_path_it_names_exists() -> None:
    paths = set(re.findall(r"`((?:pipeline|dashboard|tests|data)/[\w./]*)", TEXT))
    assert len(paths) > 20
    missing = [p for p in sorted(paths) if not (ROOT / p).exists() and not p.startswith("data/")]
    assert missing == []


def test_its_stage_table_is_the_runners_list_in_order() -> None:
    rows = re.findall(r"^\| `(\w+)` \|", TEXT, flags=re.MULTILINE)
    assert rows == [stage.name for stage in DEFAULT_STAGES]


def test_it_fits_on_a_page() -> None:
    assert len(TEXT.splitlines()) <= 80
