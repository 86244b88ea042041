"""Score the pipeline's orders against corpus labels: lines, parts, quantities, header fields.

A label line counts as *right* when the matched part has the asked grade, form and
cross-section (the item a desk would pull), whatever its finish or stock length; the stricter
``exact_part`` and looser ``in_top5`` rates are reported beside it. Extracted lines are paired
with label lines by item first, then by grade and form, then in order, so one missed line does
not shift every later one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.batch.batch_ledger import BatchLedger
from pipeline.corpus.labels import Label, LabelLine
from pipeline.touchless import is_touchless

DIMENSION_TOLERANCE = 0.005  # relative; the same tolerance match.py calls "exact"


@dataclass(frozen=True)
class LineScore:
    file: str
    line: int
    form: str
    found: bool  # an extracted line was paired with this label line
    item_ok: bool  # the matched part has the asked grade, form and cross-section
    exact_part: bool  # the matched part is the one the email was written from
    in_top5: bool  # that part is the match or one of its alternatives
    quantity_ok: bool
    confidence: float | None
    part_number: str | None


@dataclass(frozen=True)
class EmailScore:
    file: str
    processed: bool
    lines: int
    lines_right: int  # item and quantity both right
    spurious: int  # matched lines no label asked for
    po_ok: bool
    urgency_ok: bool
    date_ok: bool | None  # None when the email names no date a reader could pin down
    company_ok: bool
    review_status: str | None


def same_item(expected: LabelLine, match: Mapping[str, Any] | None) -> bool:
    if not match or match.get("grade") != expected.grade or match.get("form") != expected.form:
        return False
    dims = match.get("dimensions") or {}
    return all(
        name in dims and abs(dims[name] - value) <= DIMENSION_TOLERANCE * value
        for name, value in expected.section.items()
    )


def _pair(expected: list[LabelLine], found: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    """For each label line, the extracted line it corresponds to (or None)."""
    free = list(range(len(found)))
    pairs: list[dict[str, Any] | None] = [None] * len(expected)
    tests = (
        lambda want, got: same_item(want, got["match"]),
        lambda want, got: (got["grade"], got["form"]) == (want.grade, want.form),
        lambda want, got: True,
    )
    for test in tests:
        for index, want in enumerate(expected):
            if pairs[index] is None:
                hit = next((j for j in free if test(want, found[j])), None)
                if hit is not None:
                    pairs[index] = found[hit]
                    free.remove(hit)
    return pairs


def _line_score(label: Label, number: int, want: LabelLine, got: dict[str, Any] | None) -> LineScore:
    match = got["match"] if got else None
    offered = [match, *match.get("alternatives", [])] if match else []
    return LineScore(
        file=label.file,
        line=number,
        form=want.form,
        found=got is not None,
        item_ok=same_item(want, match),
        exact_part=bool(match) and match["part_number"] == want.part_number,
        in_top5=any(part["part_number"] == want.part_number for part in offered),
        quantity_ok=bool(got) and got["quantity"] == want.quantity and got["uom"] == want.uom,
        confidence=match["confidence"] if match else None,
        part_number=match["part_number"] if match else None,
    )


def score_email(label: Label, order: Mapping[str, Any] | None) -> tuple[EmailScore, list[LineScore]]:
    found = list(order["lines"]) if order else []
    pairs = _pair(label.lines, found)
    lines = [
        _line_score(label, n, want, got)
        for n, (want, got) in enumerate(zip(label.lines, pairs, strict=True), 1)
    ]
    paired = {id(got) for got in pairs if got is not None}
    order = order or {}
    email = EmailScore(
        file=label.file,
        processed=bool(order),
        lines=len(label.lines),
        lines_right=sum(line.item_ok and line.quantity_ok for line in lines),
        spurious=sum(1 for got in found if id(got) not in paired and got["match"]),
        po_ok=order.get("po_number") == label.po_number,
        urgency_ok=order.get("urgency") == label.urgency,
        date_ok=None if label.requested_date is None else order.get("requested_date") == label.requested_date,
        company_ok=(order.get("customer") or {}).get("company") == label.customer["company"],
        review_status=(order.get("review") or {}).get("status"),
    )
    return email, lines


@dataclass
class Evaluation:
    emails: list[EmailScore]
    lines: list[LineScore]

    def summary(self) -> dict[str, float]:
        """Rates in [0, 1] (and counts) over the whole corpus."""
        lines, emails = self.lines_frame(), self.emails_frame()
        processed = emails[emails["processed"]]
        dated = emails["date_ok"].dropna()
        return {
            "emails": len(emails),
            "processed": len(processed),
            "lines": len(lines),
            "lines_found": float(lines["found"].mean()),
            "item_accuracy": float(lines["item_ok"].mean()),
            "quantity_accuracy": float(lines["quantity_ok"].mean()),
            "line_accuracy": float((lines["item_ok"] & lines["quantity_ok"]).mean()),
            "exact_part_rate": float(lines["exact_part"].mean()),
            "top5_rate": float(lines["in_top5"].mean()),
            "emails_all_right": float((emails["lines_right"] == emails["lines"]).mean()),
            "spurious_lines": int(emails["spurious"].sum()),
            "po_accuracy": float(emails["po_ok"].mean()),
            "urgency_accuracy": float(emails["urgency_ok"].mean()),
            "date_accuracy": float(dated.astype(bool).mean()) if len(dated) else float("nan"),
            "company_accuracy": float(emails["company_ok"].mean()),
            "touchless_rate": float(processed["review_status"].map(is_touchless).mean()),
        }

    def by_form(self) -> pd.DataFrame:
        """Item accuracy and line count per form, worst first (where extraction needs work)."""
        frame = (
            self.lines_frame()
            .groupby("form")
            .agg(lines=("item_ok", "size"), item_accuracy=("item_ok", "mean"))
        )
        return frame.sort_values("item_accuracy")

    def lines_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [asdict(line) for line in self.lines], columns=list(LineScore.__dataclass_fields__)
        )

    def emails_frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            [asdict(email) for email in self.emails], columns=list(EmailScore.__dataclass_fields__)
        )


def evaluate(labels: list[Label], orders: Mapping[str, Mapping[str, Any]]) -> Evaluation:
    """Score ``orders`` (``process --json`` objects keyed by content hash) against ``labels``."""
    emails, lines = [], []
    for label in labels:
        email, scored = score_email(label, orders.get(label.content_hash))
        emails.append(email)
        lines += scored
    return Evaluation(emails=emails, lines=lines)


def evaluate_ledger(labels: list[Label], ledger: str | Path) -> Evaluation:
    """Score the newest finished order of each labelled email in the ledger at ``ledger``."""
    jobs = BatchLedger(ledger).latest_done(hashes=[label.content_hash for label in labels])
    return evaluate(labels, {job.content_hash: job.result for job in jobs if job.result})
