"""A requested line's verdict: matched, needs review, or no match — decided here for every reader.

The match stage picks a line's part with ``pick``; assembly prices that pick; the review's gates
then pass or hold each line. ``line_verdict`` says what a person sees: the review's word once
there is one, until then the pick's confidence against the review's threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pipeline.models import Candidate

MatchStatus = Literal["matched", "no_match"]  # a part was picked for the line, or none could be
LineVerdict = Literal["matched", "needs_review", "no_match"]
MIN_CONFIDENCE_TO_PICK = 0.3  # below this the best candidate is shown only as an alternative


def pick(ranked: Sequence[Candidate]) -> Candidate | None:
    """The line's part: the best candidate, if it is confident enough to be picked at all."""
    return ranked[0] if ranked and ranked[0].confidence >= MIN_CONFIDENCE_TO_PICK else None


def match_status(picked: object | None) -> MatchStatus:
    return "no_match" if picked is None else "matched"


def line_verdict(
    status: MatchStatus, confidence: float | None, passed: bool | None, threshold: float
) -> LineVerdict:
    """``passed`` is the review's verdict on the line (None before the review); ``threshold`` its
    ``gates.min_confidence``."""
    if status == "no_match":
        return "no_match"
    if passed is not None:
        return "matched" if passed else "needs_review"
    low = confidence is not None and confidence < threshold
    return "needs_review" if low else "matched"
