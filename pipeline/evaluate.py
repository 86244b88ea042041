"""Measure extraction against hand-labelled emails: precision, recall and F1 per field and per line.

A label file (JSON) names its email (``source``, relative to the label file) and what a sales desk
would key in: the header fields and the lines — or, for a file that must be refused, the
``error`` it should give. A line counts as found when grade, form, quantity (with its unit) and
every dimension agree, dimensions within 2%. Each field is also scored on its own over lines
paired by best agreement, so a miss shows *which* field went wrong. Anything the extractor raises
other than the expected ``IngestError`` is a crash, counted and reported, never propagated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import IngestError
from pipeline.extract import extract
from pipeline.ingest import ingest
from pipeline.models import Alternate, Extraction, LineItem

DIMENSION_TOLERANCE = 0.02
HEADER_FIELDS = (
    "customer.company",
    "customer.contact",
    "customer.email",
    "customer.phone",
    "po_number",
    "rfq_number",
    "requested_date",
    "urgency",
    "ship_to",
    "payment_terms",
    "certifications",
)
LINE_FIELDS = (
    "material",
    "grade",
    "temper",
    "form",
    "dimensions",
    "quantity",
    "flags",
    "alternates",
    "tolerances",
)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    files: int = 0
    header: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in HEADER_FIELDS})
    line_fields: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in LINE_FIELDS})
    lines: Counts = field(default_factory=Counts)
    errors: Counts = field(default_factory=Counts)  # expected refusals: tp, unexpected refusals: fp
    crashes: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)

    @property
    def header_total(self) -> Counts:
        total = Counts()
        for counts in self.header.values():
            total.add(counts)
        return total


def _norm_text(value: Any) -> str | None:
    if value is None:
        return None
    return " ".join(re.sub(r"[^\w\s@.-]", " ", str(value).casefold()).split()).strip(" .") or None


def _norm_phone(value: Any) -> str | None:
    return re.sub(r"\D", "", str(value)) or None if value else None


_NORMALISE: dict[str, Callable[[Any], Any]] = {
    "customer.phone": _norm_phone,
    "requested_date": lambda value: value,
    "urgency": lambda value: value,
}


def _score(expected: Any, predicted: Any) -> Counts:
    """One scalar field: right, wrong (a false positive and a false negative), missed or invented."""
    if predicted is not None and predicted == expected:
        return Counts(tp=1)
    return Counts(fp=int(predicted is not None), fn=int(expected is not None))


def _score_set(expected: Iterable[Any], predicted: Iterable[Any]) -> Counts:
    want, got = set(expected), set(predicted)
    return Counts(tp=len(want & got), fp=len(got - want), fn=len(want - got))


def _header_value(extraction: Extraction, name: str) -> Any:
    value: Any = extraction.header
    for part in name.split("."):
        value = getattr(value, part)
    return value


def _expected_header(label: dict[str, Any], name: str) -> Any:
    value: Any = label.get("header", {})
    for part in name.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def score_header(label: dict[str, Any], extraction: Extraction, report: Report, source: str) -> None:
    """Add one email's header fields to ``report`` (texts compared without case or punctuation)."""
    for name in HEADER_FIELDS:
        expected, predicted = _expected_header(label, name), _header_value(extraction, name)
        if name == "certifications":
            counts = _score_set(expected or [], predicted)
        else:
            normalise = _NORMALISE.get(name, _norm_text)
            counts = _score(normalise(expected), normalise(predicted))
        report.header[name].add(counts)
        if counts.fp or counts.fn:
            report.mismatches.append(f"{source}: {name}: expected {expected!r}, got {predicted!r}")


def _dimensions_agree(expected: dict[str, float], predicted: dict[str, float]) -> bool:
    if set(expected) != set(predicted):
        return False
    return all(
        abs(predicted[name] - value) <= DIMENSION_TOLERANCE * abs(value) for name, value in expected.items()
    )


def _alternate_keys(alternates: Iterable[Alternate]) -> list[str]:
    """Alternates as label keys: a grade ("4340"), a form ("bar_round") or a size ("length=24")."""
    keys = []
    for alternate in alternates:
        keys += [value for value in (alternate.grade, alternate.form) if value]
        keys += [f"{name}={value:g}" for name, value in alternate.dimensions.items()]
    return keys


def _same_key(want: str, got: str) -> bool:
    if "=" in want and "=" in got:
        (name, value), (got_name, got_value) = want.split("=", 1), got.split("=", 1)
        return name == got_name and abs(float(got_value) - float(value)) <= DIMENSION_TOLERANCE * abs(
            float(value)
        )
    return want == got


def _score_alternates(want: list[str], got: list[str]) -> Counts:
    remaining = list(got)
    tp = 0
    for key in want:
        match = next((candidate for candidate in remaining if _same_key(key, candidate)), None)
        if match is not None:
            remaining.remove(match)
            tp += 1
    return Counts(tp=tp, fp=len(remaining), fn=len(want) - tp)


def _field_counts(name: str, expected: dict[str, Any], line: LineItem | None) -> Counts:
    predicted: Any = getattr(line, name) if line is not None else None
    want = expected.get(name)
    if name == "flags":
        return _score_set(want or [], predicted or [])
    if name == "alternates":
        return _score_alternates(want or [], _alternate_keys(predicted or []))
    if name == "tolerances":
        got = {key: [round(t.plus, 4), round(t.minus, 4)] for key, t in (predicted or {}).items()}
        return _score_set(_tolerance_keys(want or {}), _tolerance_keys(got))
    if name == "dimensions":
        want, predicted = want or {}, predicted or {}
        if not want and not predicted:
            return Counts()
        return (
            Counts(tp=1)
            if _dimensions_agree(want, predicted)
            else Counts(fp=int(bool(predicted)), fn=int(bool(want)))
        )
    if name == "quantity" and line is not None:
        predicted = (predicted, line.uom) if predicted is not None else None
        want = (want, expected.get("uom", "EA")) if want is not None else None
    return _score(want, predicted)


def _tolerance_keys(tolerances: dict[str, list[float]]) -> set[str]:
    return {f"{name}:{plus:+.4f}/{minus:+.4f}" for name, (plus, minus) in tolerances.items()}


def line_agrees(expected: dict[str, Any], line: LineItem) -> bool:
    """The line-level criterion: grade, form, quantity (and unit) and every dimension agree."""
    return (
        expected.get("grade") == line.grade
        and expected.get("form") == line.form
        and expected.get("quantity") == line.quantity
        and (expected.get("quantity") is None or expected.get("uom", "EA") == line.uom)
        and _dimensions_agree(expected.get("dimensions") or {}, line.dimensions)
    )


def _agreement(expected: dict[str, Any], line: LineItem) -> int:
    return sum(not (c := _field_counts(name, expected, line)).fp and not c.fn for name in LINE_FIELDS)


def score_lines(label: dict[str, Any], extraction: Extraction, report: Report, source: str) -> None:
    """Add one email's lines to ``report``: whole lines, then each field over best-agreeing pairs."""
    expected_lines: list[dict[str, Any]] = label.get("lines", [])
    predicted = list(extraction.lines)
    unmatched = list(predicted)
    for expected in expected_lines:
        found = next((line for line in unmatched if line_agrees(expected, line)), None)
        if found is not None:
            unmatched.remove(found)
            report.lines.tp += 1
        else:
            report.lines.fn += 1
            report.mismatches.append(f"{source}: line not found: {expected}")
    report.lines.fp += len(unmatched)
    report.mismatches += [f"{source}: extra line: {line.source_text[:90]!r}" for line in unmatched]
    pool = list(predicted)
    for expected in expected_lines:  # pair by best agreement, to score each field on its own
        best = max(pool, key=lambda line: _agreement(expected, line), default=None)
        if best is not None:
            pool.remove(best)
        for name in LINE_FIELDS:
            counts = _field_counts(name, expected, best)
            report.line_fields[name].add(counts)
            if best is not None and (counts.fp or counts.fn):
                report.mismatches.append(
                    f"{source}: line {best.line_no} {name}: expected {expected.get(name)!r}"
                )
    for line in pool:
        for name in LINE_FIELDS:
            report.line_fields[name].add(_field_counts(name, {}, line))


def evaluate_label(path: Path, report: Report) -> None:
    """Score one label file into ``report``."""
    label = json.loads(path.read_text(encoding="utf-8"))
    source = (path.parent / label["source"]).resolve()
    report.files += 1
    try:
        extraction = extract(ingest(source.name, source.read_bytes()))
    except IngestError as error:
        expected_error = label.get("error")
        if expected_error and expected_error.casefold() in str(error).casefold():
            report.errors.tp += 1
        else:
            report.errors.fp += 1
            report.mismatches.append(f"{source.name}: unexpected refusal: {error}")
        return
    except Exception as error:  # a crash is what we measure here, so it must not stop the run
        report.crashes.append(f"{source.name}: {type(error).__name__}: {error}")
        return
    if label.get("error"):
        report.errors.fn += 1
        report.mismatches.append(f"{source.name}: expected the error {label['error']!r}, got an order")
        return
    score_header(label, extraction, report, source.name)
    score_lines(label, extraction, report, source.name)


def label_files(paths: Iterable[Path]) -> list[Path]:
    """The label files named, folders expanded to their ``*.json`` files, in a stable order."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.glob("*.json")) if path.is_dir() else [path]
    return found


def evaluate(paths: Iterable[Path]) -> Report:
    """Score every label file (or folder of them) named in ``paths``."""
    report = Report()
    for path in label_files(paths):
        evaluate_label(path, report)
    return report
