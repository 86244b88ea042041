"""The deterministic parts catalog: every stocked grade x form x size, sampled to exactly n parts.

The candidate space is every product line (``products.line``) multiplied out by section,
treatment, cut, finish and mill. Each candidate gets a popularity weight and a random key from a
counter-based hash of (seed, candidate); the catalog is the n candidates with the smallest
weighted keys (Efraimidis-Spirakis sampling), staples first. Because a candidate's key and
attributes depend only on the seed and the candidate, a smaller catalog is a subset of a larger
one with identical rows, and the same seed always yields the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.catalog.commercial import add_commercial_fields
from pipeline.catalog.describe import description_template, part_number_stem
from pipeline.catalog.grades import GRADES, Grade
from pipeline.catalog.keyed import uniform
from pipeline.catalog.products import FINISH_CODES, FLAT_FORMS, Line, line
from pipeline.catalog.schema import DIMENSIONS
from pipeline.catalog.stats import CatalogStats
from pipeline.catalog.writer import PARTS_COLUMNS, write_parts
from pipeline.errors import CatalogError

DEFAULT_PARTS = 50_000
DEFAULT_SEED = 42
# Relative demand by form: a service center sells far more sheet, plate and round bar than foil.
FORM_WEIGHTS: dict[str, float] = {
    "sheet": 4.0, "plate": 4.0, "bar_round": 3.0, "bar_rectangular": 1.2, "tube_round": 2.0,
    "tube_square": 1.5, "angle": 1.5, "beam_i": 1.5, "tube_rectangular": 1.2, "bar_hex": 1.0,
    "bar_square": 1.0, "channel": 1.0, "wire": 0.6, "foil": 0.4,
}  # fmt: skip
# The lines a general-line service center sells most of, beyond what grade and form say.
BEST_SELLERS: dict[tuple[str, str], float] = {
    ("304", "sheet"): 2.5, ("A36", "plate"): 2.5, ("6061", "plate"): 2.0, ("6061", "bar_round"): 1.5,
    ("1018", "bar_round"): 1.5, ("5052", "sheet"): 1.5, ("316L", "sheet"): 1.5, ("A500", "tube_square"): 1.5,
}  # fmt: skip
STAPLE_BOOST = 3.0  # a common size is that much more likely than an odd one
SIZE_EXPONENT = 0.2  # a line with more sizes sells a little more, not proportionally more
# Each step away from the usual cut, finish, treatment or mill makes a variant that much rarer.
CUT_DECAY, FINISH_DECAY, TREATMENT_DECAY, SUPPLIER_DECAY = 0.6, 0.5, 0.6, 0.55
_KEY_STREAM = 0  # hash stream for sampling keys; commercial fields use streams 1..n


@dataclass(frozen=True)
class CatalogSpace:
    """Every base item (grade x form x section x treatment) as columns, plus the lines they use."""

    base: pd.DataFrame
    lines: list[Line]

    @property
    def size(self) -> int:
        """How many distinct parts the space holds (base items x cuts x finishes x mills)."""
        return int(self.base["variants"].sum())


def _geometric(decay: float, count: int) -> float:
    return sum(decay**rank for rank in range(count))


def _item_weight(grade: Grade, form: str, product: Line) -> float:
    """Weight of one usual item so the whole line weighs demand x (number of sizes) ** 0.2.

    Without this, a line with 170 flat-bar sizes would crowd out sheet, which sells more.
    """
    sections = sum(STAPLE_BOOST if s.common else 1.0 for s in product.sections)
    treatments = _geometric(TREATMENT_DECAY, len(grade.treatments_for(form)))
    variants = (
        _geometric(CUT_DECAY, len(product.cuts))
        * _geometric(FINISH_DECAY, len(product.finishes))
        * _geometric(SUPPLIER_DECAY, len(product.suppliers))
    )
    demand = FORM_WEIGHTS[form] * grade.popularity * BEST_SELLERS.get((grade.name, form), 1.0)
    demand *= len(product.sections) ** SIZE_EXPONENT
    return demand / (sections * treatments * variants)


def _base_rows(lines: list[Line]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for grade in GRADES.values():
        for form in grade.forms:
            product = line(grade, form)
            lines.append(product)
            weight = _item_weight(grade, form, product)
            for t_index, treatment in enumerate(grade.treatments_for(form)):
                for section in product.sections:
                    rows.append(
                        {
                            "grade": grade.name,
                            "family": grade.family,
                            "form": form,
                            "temper": treatment.temper,
                            "condition": treatment.condition,
                            "condition_code": treatment.code,
                            "spec": grade.spec_for(form),
                            "density": grade.density_lb_in3,
                            "price_per_lb": grade.price_per_lb,
                            "popularity": grade.popularity,
                            "line": len(lines) - 1,
                            "area": section.area,
                            "staple": section.common and t_index == 0,
                            "weight": weight
                            * (STAPLE_BOOST if section.common else 1.0)
                            * TREATMENT_DECAY**t_index,
                            "template": description_template(grade, form, treatment, section),
                            "stem": part_number_stem(grade, form, treatment, section),
                            **dict(section.dims),
                        }
                    )
    return rows


def catalog_space() -> CatalogSpace:
    """Enumerate the base items once; the order is the grade table's, so it is stable."""
    lines: list[Line] = []
    base = pd.DataFrame(_base_rows(lines))
    for name in DIMENSIONS:
        if name not in base:
            base[name] = np.nan
    base["cuts"] = [len(lines[i].cuts) for i in base["line"]]
    base["finishes"] = [len(lines[i].finishes) for i in base["line"]]
    base["suppliers"] = [len(lines[i].suppliers) for i in base["line"]]
    base["variants"] = base["cuts"] * base["finishes"] * base["suppliers"]
    return CatalogSpace(base, lines)


@dataclass(frozen=True)
class Picks:
    """The chosen candidates: global candidate id, base item, and cut/finish/mill ranks."""

    candidate: np.ndarray
    base: np.ndarray
    cut: np.ndarray
    finish: np.ndarray
    supplier: np.ndarray


def _expand(space: CatalogSpace) -> Picks:
    """Every candidate as (base, cut rank, finish rank, mill rank) arrays, in a fixed order."""
    variants = space.base["variants"].to_numpy()
    base = np.repeat(np.arange(len(variants)), variants)
    starts = np.repeat(np.cumsum(variants) - variants, variants)
    local = np.arange(len(base)) - starts
    suppliers = space.base["suppliers"].to_numpy()[base]
    finishes = space.base["finishes"].to_numpy()[base]
    rest = local // suppliers
    return Picks(np.arange(len(base)), base, rest // finishes, rest % finishes, local % suppliers)


def sample(space: CatalogSpace, n: int, seed: int) -> Picks:
    """The n candidates to keep: staples first, then usual variants, then the rest, by weighted key."""
    if not 0 < n <= space.size:
        raise CatalogError(f"can generate between 1 and {space.size:,} parts; {n:,} were asked for")
    every = _expand(space)
    weight = (
        space.base["weight"].to_numpy()[every.base]
        * CUT_DECAY**every.cut
        * FINISH_DECAY**every.finish
        * SUPPLIER_DECAY**every.supplier
    )
    usual = (every.cut == 0) & (every.finish == 0) & (every.supplier == 0)
    staple = space.base["staple"].to_numpy()[every.base]
    tier = np.where(usual, np.where(staple, 0, 1), 2)
    key = -np.log(uniform(seed, every.candidate, _KEY_STREAM)) / weight
    chosen = np.sort(np.lexsort((key, tier))[:n])
    return Picks(
        *(getattr(every, name)[chosen] for name in ("candidate", "base", "cut", "finish", "supplier"))
    )


def _variant_columns(space: CatalogSpace, picks: Picks) -> pd.DataFrame:
    """Cut, finish and mill of each pick, looked up in its line."""
    line_of = space.base["line"].to_numpy()[picks.base]
    lines = space.lines
    cuts = [lines[i].cuts[c] for i, c in zip(line_of, picks.cut, strict=True)]
    finishes = [lines[i].finishes[f] for i, f in zip(line_of, picks.finish, strict=True)]
    # Rotate which mill is an item's usual one, so no mill owns a whole family.
    rotation = (picks.base + picks.supplier) % space.base["suppliers"].to_numpy()[picks.base]
    suppliers = [lines[i].suppliers[s] for i, s in zip(line_of, rotation, strict=True)]
    return pd.DataFrame(
        {
            "cut_length": [cut.length for cut in cuts],
            "cut_width": [cut.width for cut in cuts],
            "cut_label": [cut.label for cut in cuts],
            "cut_code": [cut.code for cut in cuts],
            "finish": finishes,
            "supplier": [name for name, _ in suppliers],
            "supplier_code": [
                code if rank else "" for (_, code), rank in zip(suppliers, picks.supplier, strict=True)
            ],
        }
    )


def _texts(rows: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Descriptions and part numbers. A finish is named only where the line offers a choice."""
    descriptions, numbers = [], []
    for template, stem, cut_label, cut_code, finish, choices, condition_code, supplier_code in zip(
        rows["template"], rows["stem"], rows["cut_label"], rows["cut_code"], rows["finish"],
        rows["finishes"], rows["condition_code"], rows["supplier_code"], strict=True,
    ):  # fmt: skip
        finish_code = FINISH_CODES[finish] if choices > 1 else ""
        descriptions.append(template.format(finish=f" {finish}" if finish_code else "", cut=cut_label))
        tail = "".join(f"-{code}" for code in (finish_code, condition_code, supplier_code) if code)
        numbers.append(f"{stem}-{cut_code}{tail}")
    return descriptions, numbers


def _dimensions(rows: pd.DataFrame) -> pd.DataFrame:
    """Length (and width for flat forms) from the cut; the section dimensions are already set."""
    flat = rows["form"].isin(FLAT_FORMS).to_numpy()
    rows["length"] = rows["cut_length"]
    rows["width"] = np.where(
        flat, rows["cut_width"].to_numpy(dtype=float), rows["width"].to_numpy(dtype=float)
    )
    return rows


def generate_parts(
    n: int = DEFAULT_PARTS, seed: int = DEFAULT_SEED, space: CatalogSpace | None = None
) -> pd.DataFrame:
    """Exactly ``n`` parts as a DataFrame with the ``parts`` table's columns in table order.

    The same seed gives the same rows; pass ``space`` to reuse one ``catalog_space()`` across calls.
    """
    space = space or catalog_space()
    picks = sample(space, n, seed)
    rows = space.base.iloc[picks.base].reset_index(drop=True)
    rows = pd.concat([rows, _variant_columns(space, picks)], axis=1)
    rows = _dimensions(rows)
    rows["description"], rows["part_number"] = _texts(rows)
    rows = add_commercial_fields(rows, picks, seed)
    return rows[list(PARTS_COLUMNS)]


def build_catalog(
    path: str | Path, n: int = DEFAULT_PARTS, seed: int = DEFAULT_SEED, parquet: str | Path | None = None
) -> CatalogStats:
    """Generate ``n`` parts and swap them in as the catalog at ``path``; returns what was written."""
    parts = generate_parts(n, seed)
    return write_parts(parts, path, {"source": "generated", "seed": str(seed), "parts": str(n)}, parquet)
