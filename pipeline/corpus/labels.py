"""The truth a corpus was written from: one JSON object per email in ``labels.jsonl``.

Labels name each email by file name and content hash (so results can be found in the ledger
whatever path the batch was given) and list the lines it asks for: the source part, its grade,
form and cross-section, and the quantity as written.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import OrderDeskError

LABELS_FILE = "labels.jsonl"


@dataclass(frozen=True)
class LabelLine:
    text: str
    part_number: str
    grade: str
    temper: str | None
    form: str
    section: dict[str, float]
    quantity: float
    uom: str


@dataclass(frozen=True)
class Label:
    file: str
    content_hash: str
    format: str  # "txt" or "eml"
    customer: dict[str, str | None]
    po_number: str | None
    requested_date: str | None
    urgency: str
    lines: list[LabelLine] = field(default_factory=list)
    non_catalog: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Label:
        lines = [LabelLine(**line) for line in raw.get("lines", [])]
        return cls(**{**raw, "lines": lines})


def write_labels(path: Path, labels: list[Label]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for label in labels:
            out.write(json.dumps(label.to_dict(), sort_keys=True) + "\n")


def read_labels(corpus: str | Path) -> list[Label]:
    """Labels of a corpus folder (or a ``labels.jsonl`` path)."""
    path = Path(corpus)
    path = path / LABELS_FILE if path.is_dir() else path
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise OrderDeskError(
            f"cannot read corpus labels {path}: {error.strerror}; generate a corpus with"
            " `python -m pipeline corpus generate`"
        ) from error
    try:
        return [Label.from_dict(json.loads(line)) for line in lines if line.strip()]
    except (ValueError, TypeError) as error:
        raise OrderDeskError(f"{path} is not a corpus labels file: {error}") from error
