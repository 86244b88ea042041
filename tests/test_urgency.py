"""Urgency cues in their scope: a negated cue counts for nothing, a need for today or tomorrow is rush."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.extract.negation import negated
from pipeline.ingest.document import build_document


def _urgency(text: str, subject: str = "") -> str:
    document = build_document("m.txt", text.encode(), text, sender="", subject=subject)
    return extract(document).header.urgency


@pytest.mark.parametrize(
    "text",
    [
        "No rush on the angle, end of the month is fine.",
        "Would like it delivered by the 22nd if possible, otherwise not a rush.",
        "All in stock, ships next day. Quote valid 15 days.",
        "Regular lead time works; no expedite fees are approved for this job.",
        "We don't need the plate ASAP.",
        "Nothing urgent in this batch.",
        "Expedited freight is not required.",
        "Rush is unnecessary, it goes on the next truck.",
        "Please send pricing by tomorrow.",  # a quote deadline, not a delivery
        "I'm out of the office today.",
    ],
)
def test_negated_or_unrelated_cues_leave_an_order_standard(text: str) -> None:
    assert _urgency(text) == "standard"


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("Need the flat bar by tomorrow if at all possible.", "rush"),
        ("We need this on the truck tomorrow if at all possible.", "rush"),
        ("Can we get this tomorrow morning, the lift has to go back in the water.", "rush"),
        ("Subject line aside: spoed!! materiaal voor morgen", "rush"),
        ("can you get these out tmrw morning", "rush"),
        ("Required on site today, crew is waiting.", "rush"),
        ("The press has stopped, we need a shaft.", "emergency"),
        ("If we don't get it by Monday our line is down.", "emergency"),  # a condition negates nothing
        ("Not urgent for the sheet, but the bar ASAP please.", "rush"),  # another clause
        ("Deliver no later than tomorrow, this is urgent.", "rush"),
    ],
)
def test_urgent_cues(text: str, urgency: str) -> None:
    assert _urgency(text) == urgency


def test_a_negated_cue_in_the_subject_counts_for_nothing() -> None:
    assert _urgency("3 pcs 304 sheet", subject="Order - no rush") == "standard"


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("no big rush", "rush", True),
        ("this is not an emergency", "emergency", True),
        ("rush, no questions", "rush", False),
        ("if it is not here monday the line is down", "line is down", False),
        ("item no 4 is urgent", "urgent", False),
    ],
)
def test_negation_scope(text: str, cue: str, expected: bool) -> None:
    start = text.index(cue)
    assert negated(text, start, start + len(cue)) is expected


def test_a_form_s_expedite_no_and_other_languages_negations_are_not_rush() -> None:
    from pipeline.extract import extract
    from pipeline.ingest.document import build_document

    for text, urgency in (
        ("Expedite: N      Confirm To: buyer@example.com\n", "standard"),
        ("Ce n'est pas urgent : livraison dans 3 à 4 semaines.\n", "standard"),
        ("if you can get it on tomorrows truck thatd be huge\n", "rush"),
        ("Need it on the first truck tomorrow morning.\n", "rush"),
    ):
        header = extract(build_document("m.txt", text.encode(), text)).header
        assert header.urgency == urgency, text
