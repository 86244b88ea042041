"""The catalog parts a corpus asks for: drawn from a real catalog, so every label exists."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from pipeline.catalog.schema import DIMENSIONS, SECTION_DIMENSIONS
from pipeline.catalog.store import CatalogStore
from pipeline.errors import CatalogError

_COLUMNS = ("part_number", "family", "grade", "temper", "form", "description", "uom", "weight_per_foot")


@dataclass(frozen=True)
class PartSpec:
    """One catalog part as the corpus needs it: identity, form and its dimensions in inches."""

    part_number: str
    family: str
    grade: str
    temper: str | None
    form: str
    description: str
    uom: str
    dims: dict[str, float] = field(default_factory=dict)
    weight_per_foot: float | None = None

    @property
    def section(self) -> dict[str, float]:
        """The cross-section that identifies the item (what a match must get right)."""
        return {name: self.dims[name] for name in SECTION_DIMENSIONS[self.form] if name in self.dims}

    @property
    def metric(self) -> bool:
        return "mm" in self.description

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> PartSpec:
        dims = {name: float(row[name]) for name in DIMENSIONS if row.get(name) is not None}
        values = {name: row[name] for name in _COLUMNS}
        return cls(**values, dims=dims)


def load_parts(store: CatalogStore) -> list[PartSpec]:
    """Every part, in part-number order (so a seed picks the same parts from the same catalog)."""
    columns = ", ".join((*_COLUMNS, *DIMENSIONS))
    rows = store.rows(f"SELECT {columns} FROM parts ORDER BY part_number")
    if not rows:
        raise CatalogError(f"catalog {store.path} has no parts; build it before generating a corpus")
    return [PartSpec.from_row(row) for row in rows]


def draw(parts: list[PartSpec], count: int, rng: random.Random) -> list[PartSpec]:
    """``count`` different parts, uniformly: the catalog is already weighted by demand."""
    return rng.sample(parts, min(count, len(parts)))
