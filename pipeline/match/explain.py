"""Reasons a salesperson reads: one per attribute, each saying what was asked and what the part is.

Everything here reads factors and states ``score`` already computed; nothing is re-scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd

from pipeline.catalog.equivalents import temper_substitute
from pipeline.catalog.search.index import AttributeIndex
from pipeline.catalog.search.request import FLAT_FORMS
from pipeline.catalog.sizes import decimal_label
from pipeline.match import score as s
from pipeline.match.cut import MILL_OVERRUN, cut_plan, kerf_for
from pipeline.models import CutPlan, MatchKind

KINDS: dict[str, MatchKind] = {
    "identical": "exact", "equivalent": "equivalent", "substitute": "substitute", "family": "family",
    "any": "any", "alternative": "alternative",
}  # fmt: skip


@dataclass(frozen=True)
class Explained:
    confidence: float
    reasons: list[str]
    match_kind: MatchKind
    substitution: str | None
    cut: CutPlan | None
    substitution_confidence: float | None = None  # the confidence once the trade substitution is accepted


def _label(name: str) -> str:
    return name.replace("_", " ")


def inches(value: float) -> str:
    """``1-1/2"`` on the 1/64 grid a desk writes fractions on, else ``0.120"``."""
    sixty_fourths = round(value * 64)
    if abs(value * 64 - sixty_fourths) > 1e-6:
        return decimal_label(value)
    whole, rest = divmod(sixty_fourths, 64)
    if not rest:
        return f'{whole}"'
    common = gcd(rest, 64)
    fraction = f"{rest // common}/{64 // common}"
    return f'{whole}-{fraction}"' if whole else f'{fraction}"'


def _size(name: str, value: float) -> str:
    return f"{value:g} lb/ft" if name == "weight_per_foot" else inches(value)


def _section_reasons(scored: s.Scored, position: int, index: AttributeIndex) -> list[str]:
    hits, reasons = scored.hits, []
    row = hits.rows[position]
    for column, name in enumerate(hits.names):
        asked, diff = hits.request.section[name], float(hits.diffs[position, column])
        stock = index.dims[name][row]
        if abs(diff) <= 0.005:
            reasons.append(f"{_label(name)} {_size(name, stock)} exact")
        elif scored.heavier[position] and diff > 0 and name in ("thickness", "wall_thickness"):
            reasons.append(
                f"{_label(name)} {_size(name, stock)}, heavier than the {_size(name, asked)} asked (allowed)"
            )
        else:
            side = "over" if diff > 0 else "under"
            reasons.append(
                f"{_label(name)} {_size(name, stock)} vs {_size(name, asked)} asked ({abs(diff):.1%} {side})"
            )
    return reasons


def _treatment_reason(
    scored: s.Scored, position: int, index: AttributeIndex
) -> tuple[str | None, str | None]:
    """(reason, substitution) for the temper or condition."""
    row, asked = scored.hits.rows[position], scored.hits.request.treatment
    has = index.labels["temper"].name(row) or index.labels["condition"].name(row)
    state = scored.treatment[position]
    if state == s.T_EXACT:
        return f"{asked} as asked", None
    if state == s.T_SUBSTITUTE:
        why = temper_substitute(asked or "", index.labels["temper"].name(row) or "")
        return f"{why} — substitution", why
    if state == s.T_UNRECORDED:
        return f"{asked} asked; no temper or condition is recorded for this grade", None
    if state == s.T_NOT_STOCKED:
        return f"not stocked {asked}; this part is {has}", None
    if state == s.T_OTHER:
        return f"{has}, not the {asked} asked", None
    return (f"{has} (temper/condition not specified)" if has else None), None


def _finish_reason(scored: s.Scored, position: int, index: AttributeIndex) -> str | None:
    finish = index.labels["finish"].name(scored.hits.rows[position])
    if scored.finish[position] == s.F_EXACT:
        return f"finish {finish} as asked"
    if scored.finish[position] == s.F_OTHER:
        return f"finish {finish}, not the {scored.hits.request.finish} asked"
    if scored.finish[position] == s.F_REFUSED:
        return f"finish {finish}: the customer said no {finish}"
    if refused := scored.hits.request.refused_finishes:
        return f"finish {finish or 'not recorded'}, not the {' or '.join(refused)} refused"
    return None


def cut_reason(
    plan: CutPlan | None, quantity: float | None, feet: bool, overrun: bool, by_foot: bool = False
) -> str | None:
    """How the stock is cut and how much is pulled; for a part sold by the foot, the footage pulled."""
    if plan is None:
        return None
    footage = f" ({plan.pieces_to_pull * plan.stock_length / 12:g} ft)" if by_foot else ""
    stock = inches(plan.stock_length)
    if plan.stock_width is not None:
        stock = f"{inches(plan.stock_width)} x {stock}"
    count = (f"{quantity:g} ft" if feet else f"{quantity:g}") if quantity else "1 (no quantity given)"
    if feet and plan.piece_length is None:
        return f"{plan.pieces_to_pull} x {stock} lengths for {count}" + (", last one cut" if plan.cut else "")
    piece = inches(plan.piece_length or 0)
    if plan.piece_width is not None:
        piece = f"{inches(plan.piece_width)} x {piece}"
    if plan.pieces_per_stock is None:
        return f"stock {stock} is smaller than the {piece} piece asked"
    if not plan.cut:
        return f"stock size {stock} as asked; pull {plan.pieces_to_pull}{footage} for {count}"
    unit = "sheet" if plan.stock_width is not None else "length"
    how = f"{inches(plan.kerf)} kerf" if plan.kerf else "sheared"
    if overrun:
        how += f", a mill length runs at least {inches(MILL_OVERRUN)} over nominal"
    per = f"{plan.pieces_per_stock} per {unit} ({how})"
    return f"cut {piece} from {stock}: {per}, pull {plan.pieces_to_pull}{footage} for {count}"


def stock_reason(on_hand: int, needed: float, uom: str, quantity: float | None) -> str:
    """On hand against what the line takes: in stock for the quantity comes before backorder."""
    if on_hand <= 0:
        return "not in stock (backorder)"
    if quantity is None:
        return f"{on_hand:,} on hand"
    unit = uom.lower() if uom == "FT" else "pcs"
    if on_hand + 1e-9 >= needed:
        return f"in stock for the quantity: {on_hand:,} on hand, {needed:g} {unit} needed"
    return f"only {on_hand:,} on hand for the {needed:g} {unit} needed (rest on backorder)"


def explain(index: AttributeIndex, scored: s.Scored, position: int, cap: float = 1.0) -> Explained:
    """Confidence (at most ``cap``), reasons, kind and cut plan of the row at ``position``."""
    hits, request = scored.hits, scored.hits.request
    option = hits.options[int(hits.option[position])]
    row = int(hits.rows[position])
    kind = KINDS[option.relation]
    substitution = option.note if option.relation == "substitute" else None
    treatment, temper_swap = _treatment_reason(scored, position, index)
    if temper_swap and kind in ("exact", "equivalent", "substitute"):
        kind, substitution = "substitute", "; ".join(filter(None, (substitution, temper_swap)))
    traded = substitution is not None  # a substitution the trade rules allow (not the customer's own)
    if scored.heavier[position] and kind == "exact":
        kind, substitution = "substitute", "heavier gauge, allowed by the customer"
    form = option.form.form
    width = float(index.dims["width"][row]) if form in FLAT_FORMS else None
    stock = (float(index.dims["length"][row]), width)
    plan = cut_plan(scored.cut, position, stock, (request.piece_length, request.piece_width), kerf_for(form))
    on_hand = int(index.stock[row])
    reasons = [
        option.note + (" — substitution" if option.relation == "substitute" else ""),
        *([treatment] if treatment else []),
        option.form.note,
        *_section_reasons(scored, position, index),
        *scored.request_notes,
        *filter(
            None,
            (
                cut_reason(
                    plan,
                    request.quantity,
                    request.uom == "FT",
                    bool(scored.cut.overrun[position]),
                    index.labels["uom"].name(row) == "FT",
                ),
                _finish_reason(scored, position, index),
            ),
        ),
        stock_reason(
            on_hand, float(scored.needed[position]), index.labels["uom"].name(row) or "EA", request.quantity
        ),
    ]
    confidence = round(min(float(scored.score[position]), cap), 4)
    if_accepted = (
        round(min(float(scored.score[position] / scored.substituted[position]), cap), 4) if traded else None
    )
    return Explained(confidence, reasons, kind, substitution, plan, if_accepted)
