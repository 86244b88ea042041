"""Score a matcher's answers to a request set: accuracy, no-match precision, calibration.

A line is right at top 1 when its first candidate is one of the request's right answers; a
request whose right answer is "no match" is right when the line's status is ``no_match``.
Calibration puts every line that got a candidate into a confidence bucket and counts how often
the first candidate was right, so "0.9" can be read as "right nine times in ten".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from pipeline.corpus.requests import BenchRequest
from pipeline.match.engine import MatchResult

BUCKETS = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)


@dataclass(frozen=True)
class Outcome:
    request: BenchRequest
    status: str
    parts: tuple[str, ...]  # candidates' part numbers, best first
    confidence: float | None  # of the first candidate

    @property
    def top1(self) -> bool:
        if not self.request.accept:
            return self.status == "no_match"
        return self.status != "no_match" and bool(self.parts) and self.parts[0] in self.request.accept

    @property
    def top5(self) -> bool:
        if not self.request.accept:
            return self.top1
        return self.status != "no_match" and any(part in self.request.accept for part in self.parts[:5])


def outcome(request: BenchRequest, result: MatchResult) -> Outcome:
    parts = tuple(c.part_number for c in result.candidates)
    confidence = result.candidates[0].confidence if result.candidates else None
    return Outcome(request, result.status, parts, confidence)


@dataclass(frozen=True)
class Accuracy:
    lines: int
    top1: float
    top5: float
    no_match_precision: float
    no_match_recall: float
    confident_share: float  # lines answered with confidence >= 0.9
    confident_accuracy: float  # ... and how often those are right
    calibration: list[tuple[str, int, float, float]]  # bucket, lines, mean confidence, accuracy
    by_kind: dict[str, tuple[int, float, float]]  # kind -> lines, top-1, top-5


def _share(hits: int, total: int) -> float:
    return hits / total if total else float("nan")


def _calibration(outcomes: Sequence[Outcome]) -> list[tuple[str, int, float, float]]:
    rows = []
    for low, high in pairwise(BUCKETS):
        inside = [o for o in outcomes if o.confidence is not None and low <= o.confidence < high]
        if inside:
            mean = sum(o.confidence or 0.0 for o in inside) / len(inside)
            right = sum(o.parts[0] in o.request.accept for o in inside)
            rows.append((f"{low:.2f}-{min(high, 1.0):.2f}", len(inside), mean, right / len(inside)))
    return rows


def accuracy(outcomes: Sequence[Outcome]) -> Accuracy:
    """The figures of one run."""
    answerable = [o for o in outcomes if o.request.accept]
    said_none = [o for o in outcomes if o.status == "no_match"]
    truly_none = [o for o in outcomes if not o.request.accept]
    confident = [o for o in outcomes if o.confidence is not None and o.confidence >= 0.9]
    kinds: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        kinds[o.request.kind].append(o)
    return Accuracy(
        lines=len(outcomes),
        top1=_share(sum(o.top1 for o in answerable), len(answerable)),
        top5=_share(sum(o.top5 for o in answerable), len(answerable)),
        no_match_precision=_share(sum(not o.request.accept for o in said_none), len(said_none)),
        no_match_recall=_share(sum(o.status == "no_match" for o in truly_none), len(truly_none)),
        confident_share=_share(len(confident), len(outcomes)),
        confident_accuracy=_share(sum(o.parts[0] in o.request.accept for o in confident), len(confident)),
        calibration=_calibration(outcomes),
        by_kind={
            kind: (
                len(group),
                _share(sum(o.top1 for o in group), len(group)),
                _share(sum(o.top5 for o in group), len(group)),
            )
            for kind, group in sorted(kinds.items())
        },
    )
