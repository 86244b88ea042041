"""Score found parts against a request: one factor per attribute, multiplied, so one bad attribute
pulls the confidence down however good the others are. Computed for all found rows at once.

The factors are set so that the confidence reads as a probability that the part is what the
customer meant (``benchmarks/bench_match.py`` prints the calibration table): every attribute
exact gives 1.0; a same-alloy equivalent, a size within nominal-vs-actual tolerance, or a
cut piece stay above 0.9; a substitution, a wrong temper or finish, a size a few percent off,
a missing size or a guessed grade fall below 0.9 and so go to a person.

A trade substitution (316L for 316, T651 for T6) is a doubt about the customer, not about the
reading: ``Scored.substituted`` keeps that factor apart, so the quality gate can pass a
substitution the desk's rules allow (``allow_trade_substitutions``) without the confidence ever
claiming more than it knows. A customer who writes "or equivalent" has already accepted an
equivalent or a trade substitute, so for that line those cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from pipeline.catalog.equivalents import temper_substitute
from pipeline.catalog.grades import GRADES
from pipeline.catalog.products import cuts, finishes
from pipeline.catalog.search.attributes import HEAVIER, WINDOW, Hits
from pipeline.catalog.search.index import AttributeIndex
from pipeline.catalog.search.request import FLAT_FORMS, Request
from pipeline.match.cut import CutArrays, plan
from pipeline.words import reason_words

RELATION = {
    "identical": 1.0, "equivalent": 0.96, "substitute": 0.86, "family": 0.72, "any": 0.45,
    "alternative": 0.25,
}  # fmt: skip
EQUIVALENT_ACCEPTED = "equivalent_accepted"  # extraction's flag for "or equivalent"
HEAVIER_ALLOWED = 0.85
MISSING_SIZE = 0.8  # per section size not given
NO_SIZE = 0.6
# Extraction's doubts: an inferred form is a guess from sizes (flat bar read as plate is common) —
# unless a label named the section: a diameter is a round bar, OD and wall a tube, across flats a
# hex, legs an angle (extraction infers those forms only from such labels).
FLAG_FACTORS = {"ambiguous_grade": 0.75, "form_inferred": 0.85, "grade_other_standard": 0.96}
FORM_FROM_LABEL = 0.97
LABELLED_FORMS = frozenset(("bar_round", "tube_round", "bar_hex", "angle"))
HALF_A_PIECE = 0.9  # a sheet or plate piece with only one of width and length read
NO_QUANTITY_CUT = 0.93  # cutting, but no quantity: the stock size was chosen for one piece
# Treatment states and factors: asked and found, a trade substitute, nothing recorded for the grade,
# not stocked in the asked one, a different one, or not asked.
T_EXACT, T_SUBSTITUTE, T_UNRECORDED, T_NOT_STOCKED, T_OTHER, T_UNSTATED = range(6)
TREATMENT = np.array([1.0, 0.88, 1.0, 0.85, 0.5, 1.0])
# Finish states: as asked, another, not asked, or one the customer refused ("not galvanized"):
# a refused finish is offered only when nothing else is stocked, and never passes by itself.
F_EXACT, F_OTHER, F_UNSTATED, F_REFUSED = range(4)
FINISH = np.array([1.0, 0.8, 1.0, 0.4])


def size_factor(diffs: np.ndarray, heavier: np.ndarray) -> np.ndarray:
    """1.0 within 0.5% (nominal vs actual), then falling: 0.92 at 1.6%, 0.81 at 3%, 0.57 at 6%."""
    d = np.abs(diffs)
    factor = np.where(d <= 0.005, 1.0, np.where(d <= 0.01, 0.97, 0.97 - 8.0 * (d - 0.01)))
    return np.where(heavier, HEAVIER_ALLOWED, np.clip(factor, 0.05, 1.0))


@dataclass
class Scored:
    """Per found row (``hits`` position): confidence, the states reasons are written from, the cut
    plan; ``order`` holds the positions of rows that fit, best first."""

    hits: Hits
    score: np.ndarray
    heavier: np.ndarray
    treatment: np.ndarray
    finish: np.ndarray
    cut: CutArrays
    needed: np.ndarray  # how much of each row the line takes, in the row's unit of measure
    substituted: np.ndarray  # the factor of ``score`` that is only a trade substitution's (1.0: none)
    request_notes: list[str] = field(default_factory=list)
    order: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))

    def acceptable(self) -> np.ndarray:
        """Positions, best first, of rows that fill the request (not alternatives, stock big enough)."""
        return self.order[~self.hits.alternative()[self.order]]


def _relation(relation: str, equivalent_accepted: bool) -> float:
    """The grade relation's factor; "or equivalent" accepts an equivalent or a trade substitute."""
    if equivalent_accepted and relation in ("equivalent", "substitute"):
        return 1.0
    return RELATION[relation]


def _per_option(hits: Hits, values: list[float] | list[int]) -> np.ndarray:
    return np.asarray(values)[hits.option]


def _request_factor(hits: Hits) -> tuple[float, list[str]]:
    request, factor, notes = hits.request, 1.0, []
    if request.form and not request.section:
        factor, notes = NO_SIZE, ["no size given"]
    else:
        for name in request.missing_section:
            factor *= MISSING_SIZE
            notes.append(f"{name.replace('_', ' ')} not given")
    if (request.piece_width is None) != (request.piece_length is None) and request.form in FLAT_FORMS:
        factor *= HALF_A_PIECE
        notes.append("only one side of the piece given")
    if EQUIVALENT_ACCEPTED in request.flags:
        notes.append("the customer accepts an equivalent")
    for flag, flag_factor in _flag_factors(request).items():
        if flag in request.flags:
            factor *= flag_factor
            notes.append(f"extraction: {reason_words(flag)}")
    return factor, notes


def _flag_factors(request: Request) -> dict[str, float]:
    """Extraction's doubts for this request: "or equivalent" settles a foreign grade, a label the form."""
    factors = dict(FLAG_FACTORS)
    if EQUIVALENT_ACCEPTED in request.flags:
        factors.pop("grade_other_standard")
    if request.form in LABELLED_FORMS:
        factors["form_inferred"] = FORM_FROM_LABEL
    return factors


# Names of one treatment: a solution anneal is the anneal of 17-4PH (Condition A), 2205, 718, C276.
SAME_TREATMENT = {"solution annealed": "annealed", "Condition A": "annealed"}


def _same(name: str | None) -> str | None:
    return SAME_TREATMENT.get(name or "", name)


def _treatments(index: AttributeIndex, hits: Hits) -> np.ndarray:
    """Treatment state per row: the temper or condition asked against the one stocked."""
    asked = hits.request.treatment
    if asked is None:
        return np.full(len(hits), T_UNSTATED)
    tempers, conditions = index.labels["temper"], index.labels["condition"]
    wanted = _same(asked)
    state = np.full(len(hits), T_OTHER)
    matches = np.isin(
        tempers.codes[hits.rows], [c for c, n in enumerate(tempers.names) if _same(n) == wanted]
    )
    matches |= np.isin(
        conditions.codes[hits.rows], [c for c, n in enumerate(conditions.names) if _same(n) == wanted]
    )
    state[matches] = T_EXACT
    for code in np.unique(tempers.codes[hits.rows]):
        name = tempers.names[code] if code >= 0 else None
        if name and temper_substitute(asked, name):
            state[(tempers.codes[hits.rows] == code) & ~matches] = T_SUBSTITUTE
    for number, option in enumerate(hits.options):
        stocked = GRADES[option.grade].treatments_for(option.form.form)
        names = {_same(t.temper) for t in stocked} | {_same(t.condition) for t in stocked}
        mine = (hits.option == number) & (state == T_OTHER)
        if names <= {None}:
            state[mine] = T_UNRECORDED
        elif wanted not in names:
            state[mine] = T_NOT_STOCKED
    return state


def _finishes(index: AttributeIndex, hits: Hits) -> np.ndarray:
    asked, labels = hits.request.finish, index.labels["finish"]
    codes = labels.codes[hits.rows]
    if asked is None:
        state = np.full(len(hits), F_UNSTATED)
    else:
        state = np.where(codes == labels.code(asked), F_EXACT, F_OTHER)
    refused = [labels.code(name) for name in hits.request.refused_finishes]
    return np.where(np.isin(codes, refused) & (codes >= 0), F_REFUSED, state)


def _cut(index: AttributeIndex, hits: Hits) -> CutArrays:
    """Cut arrays; forms searched together for one request are all flat or all lengths."""
    request, rows = hits.request, hits.rows
    length = index.dims["length"][rows]
    form = hits.options[0].form.form if hits.options else (request.form or "")
    if form in FLAT_FORMS:
        width = index.dims["width"][rows]
        return plan(length, width, request.piece_length, request.piece_width, request.quantity, False, form)
    return plan(length, None, request.piece_length, None, request.quantity, request.uom == "FT", form)


def needed(index: AttributeIndex, hits: Hits, cut: CutArrays) -> np.ndarray:
    """Per row, how much of it the line takes from the rack, in its unit of measure (pieces, or
    feet for a part sold by the foot): the whole lengths or sheets the cut plan pulls, drop
    included, as ``pipeline.assemble.pricing.pulled_quantity`` counts it for the stock check."""
    request, rows = hits.request, hits.rows
    quantity = request.quantity or 1.0
    by_foot = index.labels["uom"].codes[rows] == index.labels["uom"].code("FT")
    length = np.nan_to_num(index.dims["length"][rows], nan=12.0)
    feet = quantity if request.uom == "FT" else quantity * (request.piece_length or length) / 12
    if cut.planned:
        feet = np.maximum(feet, cut.pulls * length / 12)
    each = cut.pulls if cut.planned else np.full(len(rows), quantity)
    return np.where(by_foot, feet, each)


def _usual(index: AttributeIndex, hits: Hits) -> np.ndarray:
    """0 for the usual treatment, finish and stock size of each row's product line, else 1 each."""
    rows, labels = hits.rows, index.labels
    usual_treatment, usual_finish, usual_length, usual_width = [], [], [], []
    for option in hits.options:
        grade, form = GRADES[option.grade], option.form.form
        first = grade.treatments_for(form)[0]
        usual_treatment.append(
            labels["temper"].code(first.temper) if first.temper else labels["condition"].code(first.condition)
        )
        usual_finish.append(labels["finish"].code(finishes(grade, form)[0]))
        cut = cuts(grade, form)[0]
        usual_length.append(cut.length)
        usual_width.append(cut.width if cut.width is not None else np.nan)
    treatment = np.where(hits.request.treatment is None, 1, 0)  # only matters when not asked
    temper_or_condition = np.where(
        labels["temper"].codes[rows] >= 0, labels["temper"].codes[rows], labels["condition"].codes[rows]
    )
    odd = treatment * (temper_or_condition != _per_option(hits, usual_treatment))
    odd = odd + (labels["finish"].codes[rows] != _per_option(hits, usual_finish))
    width = np.nan_to_num(index.dims["width"][rows], nan=-1.0)
    usual_width_rows = np.nan_to_num(_per_option(hits, usual_width), nan=-1.0)
    other_size = (index.dims["length"][rows] != _per_option(hits, usual_length)) | (width != usual_width_rows)
    return odd + other_size


def _heavier(hits: Hits) -> np.ndarray:
    """Per row and size: thicker than the window, which only a customer's "or heavier" lets in."""
    if not hits.request.heavier_ok:
        return np.zeros(hits.diffs.shape, bool)
    return (hits.diffs > WINDOW) & np.array([name in HEAVIER for name in hits.names], bool)


def _order(index: AttributeIndex, scored: Scored) -> np.ndarray:
    """Rows that fit, best first: confidence; the closer size; in stock for the quantity before
    backorder; the exact stock size before a cut; least stock used and the smaller stock size;
    the usual temper, finish and size; cheaper; part number."""
    hits, cut, total = scored.hits, scored.cut, scored.score
    fits = np.flatnonzero(cut.fits)
    rows = hits.rows[fits]
    stock_size = index.dims["length"][rows] * np.nan_to_num(index.dims["width"][rows], nan=1.0)
    short = index.stock[rows] < scored.needed[fits] - 1e-9
    keys = (
        rows,
        index.price[rows],
        _usual(index, hits)[fits],
        stock_size if cut.planned else np.zeros(len(fits)),
        cut.used[fits],
        ~cut.exact[fits] if cut.planned else np.zeros(len(fits), bool),
        short,
        np.round(np.abs(hits.diffs[fits]).sum(axis=1), 4),
        -np.round(total[fits], 4),
    )
    return fits[np.lexsort(keys)] if len(fits) else fits


def score(index: AttributeIndex, hits: Hits) -> Scored:
    """Factors for every found row, and the rows that fit ordered best first."""
    heavier = _heavier(hits)
    section = size_factor(hits.diffs, heavier).prod(axis=1)
    accepted = EQUIVALENT_ACCEPTED in hits.request.flags
    relation = _per_option(hits, [_relation(o.relation, accepted) for o in hits.options])
    form = _per_option(hits, [o.form.factor for o in hits.options])
    treatment, finish = _treatments(index, hits), _finishes(index, hits)
    cut = _cut(index, hits)
    request_factor, notes = _request_factor(hits)
    cut_factor = NO_QUANTITY_CUT if hits.request.quantity is None else 1.0
    cutting = np.where(cut.planned & ~cut.exact, cut_factor, 1.0)
    treated = np.where((treatment == T_SUBSTITUTE) & accepted, 1.0, TREATMENT[treatment])
    substitute_grade = [
        _relation(o.relation, accepted) if o.relation == "substitute" else 1.0 for o in hits.options
    ]
    substituted = np.where(treatment == T_SUBSTITUTE, treated, 1.0) * _per_option(hits, substitute_grade)
    total = relation * form * section * treated * FINISH[finish] * cutting * request_factor
    scored = Scored(
        hits, total, heavier.any(axis=1), treatment, finish, cut, needed(index, hits, cut), substituted, notes
    )
    scored.order = _order(index, scored)
    return scored
