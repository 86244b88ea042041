"""Extraction never fails on an email: the outside sets and the samples, as written and mangled as
mail clients and people mangle them (capitals, a truncation, shuffled lines, dropped characters)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ingest.document import build_document

ROOT = Path(__file__).resolve().parent.parent
EMAILS = sorted(
    [
        *ROOT.glob("tests/outside/*/*.txt"),
        *ROOT.glob("data/samples/*.txt"),
        *ROOT.glob("tests/data/emails/*.txt"),
    ]
)


def _mangled(text: str, rng: random.Random) -> list[str]:
    lines = text.split("\n")
    return [
        text,
        text.upper(),
        text[: len(text) // 2],
        "\n".join(rng.sample(lines, len(lines))),
        "".join(char for char in text if rng.random() > 0.03),
        text.replace("\n", "\r\n").replace('"', "''"),
    ]


@pytest.mark.parametrize("path", EMAILS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_extraction_reads_every_email_and_every_mangled_copy_without_failing(path: Path) -> None:
    rng = random.Random(path.name)
    for text in _mangled(path.read_text(encoding="utf-8", errors="replace"), rng):
        extraction = extract(build_document(path.name, text.encode(), text))
        for line in extraction.lines:
            assert line.span is None or 0 <= line.span.start <= line.span.end <= len(text)
