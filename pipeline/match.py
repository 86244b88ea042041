"""Match: score each candidate part against the request and explain the score.

Confidence is a product of per-attribute factors, so one bad attribute pulls it down however
good the others are; each factor leaves a reason a salesperson can read.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.catalog.schema import SECTION_DIMENSIONS
from pipeline.models import Candidate, LineItem

TOP_N = 5
LENGTHWISE = ("length", "width")  # cut to size from larger stock; not part of the section


def _dimension_factor(name: str, asked: float, stock: float) -> tuple[float, str]:
    difference = abs(stock - asked) / asked
    label = name.replace("_", " ")
    if difference < 0.005:
        return 1.0, f'{label} {stock:g}" exact'
    return max(0.0, 1.0 - 3.0 * difference), f'{label} {stock:g}" vs {asked:g}" asked ({difference:.0%} off)'


def score(item: LineItem, candidate: Candidate) -> Candidate:
    """A copy of ``candidate`` with its confidence and reasons for ``item``."""
    factor, reasons = 1.0, []
    if item.grade and candidate.grade == item.grade:
        reasons.append(f"grade {candidate.grade} exact")
    elif item.grade:
        factor *= 0.5
        reasons.append(f"grade {candidate.grade} substitutes for {item.grade} — confirm with customer")
    else:
        factor *= 0.75
        reasons.append(f"no grade given; {candidate.grade} is a {candidate.family.replace('_', ' ')}")
    if item.temper and candidate.temper and not candidate.temper.startswith(item.temper):
        factor *= 0.9
        reasons.append(f"temper {candidate.temper} vs {item.temper} asked")
    if candidate.form == item.form:
        reasons.append(f"form {candidate.form.replace('_', ' ')} exact")
    else:
        factor *= 0.85
        reasons.append(f"form {candidate.form.replace('_', ' ')} offered for {item.form}")
    section = [name for name in SECTION_DIMENSIONS.get(item.form or "", ()) if item.dimensions.get(name)]
    if not section:
        factor *= 0.6
        reasons.append("no size given")
    for name in section:
        stock = candidate.dimensions.get(name)
        if stock is None:
            factor *= 0.5
            reasons.append(f"{name.replace('_', ' ')} unknown on this part")
            continue
        dim_factor, reason = _dimension_factor(name, item.dimensions[name], stock)
        factor *= dim_factor
        reasons.append(reason)
    for name in LENGTHWISE:
        asked, stock = item.dimensions.get(name), candidate.dimensions.get(name)
        if asked and stock and name not in section:
            if stock + 1e-6 < asked:
                factor *= 0.3
                reasons.append(f'stock {name} {stock:g}" is shorter than the {asked:g}" asked')
            elif stock - asked > 0.5:
                reasons.append(f'cut to {asked:g}" from {stock:g}" stock {name}')
    return replace(candidate, confidence=round(factor, 4), reasons=reasons)


def rank(item: LineItem, candidates: list[Candidate], top_n: int = TOP_N) -> list[Candidate]:
    """The ``top_n`` candidates by confidence (ties: in stock first, then part number)."""
    scored = [score(item, candidate) for candidate in candidates]
    scored.sort(key=lambda c: (-c.confidence, c.stock_qty <= 0, c.part_number))
    return scored[:top_n]
