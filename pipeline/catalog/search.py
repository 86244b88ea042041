"""Attribute search: the catalog parts that could fill a request line.

The request is parsed first (grade, form, dimensions), so the query is a filter on indexed
columns plus a distance order — milliseconds on 50,000 parts, where free-text scoring of every
description is tens. Scoring and explaining the candidates is ``pipeline.match``'s job.
"""

from __future__ import annotations

from typing import Any

from pipeline.catalog.schema import DIMENSIONS, SECTION_DIMENSIONS
from pipeline.catalog.store import CatalogStore
from pipeline.models import Candidate, LineItem

# Forms a desk would offer for one another (a thick "sheet" is sold as plate).
COMPATIBLE_FORMS: dict[str, tuple[str, ...]] = {
    "sheet": ("sheet", "plate", "foil"),
    "plate": ("plate", "sheet"),
    "foil": ("foil", "sheet"),
    "bar_round": ("bar_round", "wire"),
    "wire": ("wire", "bar_round"),
}
DIMENSION_WINDOW = 0.35  # relative difference beyond which a part is not a candidate
CANDIDATE_LIMIT = 20


def _section(item: LineItem) -> dict[str, float]:
    names = SECTION_DIMENSIONS.get(item.form or "", ())
    return {name: item.dimensions[name] for name in names if item.dimensions.get(name)}


def candidate_query(item: LineItem, by_grade: bool) -> tuple[str, list[Any]] | None:
    """SQL and parameters for one line's candidates; ``None`` when the line is too vague."""
    if not item.form or (by_grade and not item.grade) or (not by_grade and not item.material):
        return None
    forms = COMPATIBLE_FORMS.get(item.form, (item.form,))
    where = [f"form IN ({', '.join('?' for _ in forms)})"]
    params: list[Any] = list(forms)
    where.append("grade = ?" if by_grade else "family = ?")
    params.append(item.grade if by_grade else item.material)
    distance = []
    for name, value in _section(item).items():
        where.append(f"abs({name} - ?) <= ? * ?")
        params += [value, DIMENSION_WINDOW, value]
        distance.append(f"abs({name} - {float(value)!r}) / {float(value)!r}")
    order = " + ".join(distance) or "0"
    sql = (
        f"SELECT *, ({order}) AS distance FROM parts WHERE {' AND '.join(where)}"
        f" ORDER BY distance, (form = ?) DESC, stock_qty DESC, part_number LIMIT {CANDIDATE_LIMIT}"
    )
    return sql, [*params, item.form]


def row_to_candidate(row: dict[str, Any]) -> Candidate:
    return Candidate(
        part_number=row["part_number"],
        description=row["description"],
        family=row["family"],
        grade=row["grade"],
        temper=row["temper"],
        form=row["form"],
        dimensions={name: float(row[name]) for name in DIMENSIONS if row.get(name) is not None},
        unit_price=float(row["unit_price"]),
        uom=row["uom"],
        stock_qty=int(row["stock_qty"]),
    )


def search_line(store: CatalogStore, item: LineItem) -> list[Candidate]:
    """Parts of the requested grade; if none, parts of the same family (possible substitutes)."""
    for by_grade in (True, False):
        query = candidate_query(item, by_grade)
        if query is None:
            continue
        rows = store.rows(*query)
        if rows:
            return [row_to_candidate(row) for row in rows]
    return []
