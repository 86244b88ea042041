"""Import a foreign parts export (CSV) into a catalog file, reporting every row it will not load.

A bad row loaded silently becomes a wrong order later, so each row is checked and either mapped
to the ``parts`` schema or rejected with its reasons (duplicate part number, non-positive price,
unknown form, missing size …). Of two rows with the same part number the first is kept and each
later one is rejected naming the line it repeats: neither is silently chosen over the other.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.catalog.grades import find_grade
from pipeline.catalog.schema import DIMENSIONS, FAMILIES, FORMS, SECTION_DIMENSIONS
from pipeline.catalog.writer import write_parts
from pipeline.errors import CatalogError

# Columns the parts table cannot do without; a file lacking one is not a parts export.
REQUIRED_COLUMNS = (
    "part_number", "category", "material", "grade", "description",
    "unit_price", "weight_per_unit", "supplier",
)  # fmt: skip
LENGTH_UNITS = {"": 1.0, "in": 1.0, "inch": 1.0, "inches": 1.0, "ft": 12.0, "foot": 12.0, "feet": 12.0}
IN_STOCK_LEAD_DAYS, BACKORDER_LEAD_DAYS = 1, 14  # the export has no lead times
NOTES = (
    "unit prices and weights are per piece as exported, so every part is sold EA",
    "lengths given in feet are stored in inches",
    f"the export has no lead times: {IN_STOCK_LEAD_DAYS} day in stock, {BACKORDER_LEAD_DAYS} days otherwise",
)
_FORM_ALIASES = {"beam": "beam_i", "i_beam": "beam_i", "hex_bar": "bar_hex", "round_bar": "bar_round"}


@dataclass(frozen=True)
class Problem:
    code: str  # e.g. "duplicate_part_number", stable for counting and tests
    message: str


@dataclass(frozen=True)
class Rejection:
    """A row that was not loaded. ``line`` is the CSV line (the header is line 1)."""

    line: int
    part_number: str
    problems: tuple[Problem, ...]

    @property
    def reason(self) -> str:
        return "; ".join(problem.message for problem in self.problems)


@dataclass(frozen=True)
class ImportReport:
    source: Path
    out_path: Path
    rows: int
    loaded: int
    rejected: tuple[Rejection, ...]
    notes: tuple[str, ...]

    def by_reason(self) -> dict[str, int]:
        """Rejected rows per problem code (a row with two problems counts under both)."""
        counts = Counter(problem.code for row in self.rejected for problem in row.problems)
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def write_rejects(self, path: str | Path) -> None:
        """Every rejected row as CSV: line, part_number, codes, reason."""
        with Path(path).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["line", "part_number", "codes", "reason"])
            for row in self.rejected:
                writer.writerow(
                    [row.line, row.part_number, "|".join(p.code for p in row.problems), row.reason]
                )


class _Row:
    """One CSV row being mapped: values collected so far and the problems found."""

    def __init__(self, raw: dict[str, str]) -> None:
        self.raw = {key: (value or "").strip() for key, value in raw.items()}
        self.values: dict[str, object] = {}
        self.problems: list[Problem] = []

    def problem(self, code: str, message: str) -> None:
        self.problems.append(Problem(code, message))

    def number(
        self, column: str, *, positive: bool, code: str = "non_positive_value", required: bool = False
    ) -> float | None:
        """The column as a float; ``None`` (with a problem noted) when it is blank or unusable."""
        text = self.raw.get(column, "")
        if not text:
            if required:
                self.problem("missing_field", f"no {column}")
            return None
        try:
            value = float(text)
        except ValueError:
            self.problem("bad_number", f"{column} {text!r} is not a number")
            return None
        if positive and value <= 0:
            self.problem(code, f"{column} {text} is not positive")
            return None
        return value


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _form(row: _Row) -> str | None:
    category = row.raw.get("category", "")
    key = _key(category)
    form = _FORM_ALIASES.get(key, key)
    if form in FORMS:
        return form
    hint = difflib.get_close_matches(key, FORMS, n=1)
    suffix = f"; did you mean {hint[0]}?" if hint else ""
    row.problem("unknown_form", f"unknown category {category!r}{suffix}")
    return None


def _family(row: _Row) -> str | None:
    """The grade table decides the family; the export's material word only for unknown grades."""
    grade = find_grade(row.raw.get("grade", ""))
    row.values["grade"] = grade.name if grade else row.raw.get("grade", "")
    if grade:
        return grade.family
    material = _key(row.raw.get("material", ""))
    family = next((name for name in FAMILIES if material.startswith(name)), None)
    if family is None:
        row.problem("unknown_material", f"unknown material {row.raw.get('material', '')!r}")
    return family


def _identity(row: _Row, first_line: dict[str, int], line: int) -> None:
    part_number = row.raw.get("part_number", "")
    if not part_number:
        row.problem("missing_field", "no part number")
    elif part_number in first_line:
        row.problem("duplicate_part_number", f"duplicate part number: same as line {first_line[part_number]}")
    else:
        first_line[part_number] = line
    for column in ("description", "grade"):
        if not row.raw.get(column):
            row.problem("missing_field", f"no {column}")
    row.values |= {"part_number": part_number, "form": _form(row), "family": _family(row)}
    row.values["description"] = row.raw.get("description", "")


def _commerce(row: _Row) -> None:
    price = row.number("unit_price", positive=True, code="non_positive_price", required=True)
    weight = row.number("weight_per_unit", positive=True, code="non_positive_weight", required=True)
    stock = row.number("availability", positive=False)
    minimum = row.number("minimum_order", positive=True)
    if stock is not None and stock < 0:
        row.problem("non_positive_value", f"availability {stock:g} is negative")
    if not row.raw.get("supplier"):
        row.problem("missing_field", "no supplier")
    condition = ", ".join(v for v in (row.raw.get("condition", ""), row.raw.get("heat_treatment", "")) if v)
    row.values |= {
        "uom": "EA",
        "unit_price": price,
        "weight_per_unit": weight,
        "weight_per_foot": None,
        "stock_qty": int(stock or 0),
        "min_order_qty": int(minimum or 1),
        "lead_time_days": IN_STOCK_LEAD_DAYS if stock and stock > 0 else BACKORDER_LEAD_DAYS,
        "supplier": row.raw.get("supplier"),
        "finish": row.raw.get("finish") or None,
        "temper": row.raw.get("temper") or None,
        "condition": condition or None,
        "spec": row.raw.get("specifications") or None,
    }


def _dimensions(row: _Row) -> None:
    """Read sizes in inches and fit them to the form's section dimensions."""
    dims = {name: row.number(name, positive=True, code="non_positive_dimension") for name in DIMENSIONS}
    units = row.raw.get("units", "").lower()
    if units not in LENGTH_UNITS:
        row.problem("unknown_units", f"unknown units {units!r} (expected inches or feet)")
    elif dims["length"] is not None:
        dims["length"] *= LENGTH_UNITS[units]
    form = row.values.get("form")
    if form == "tube_square" and dims["side"] is None:  # exported as width x height
        dims["side"], dims["width"], dims["height"] = dims["width"], None, None
    if form == "bar_rectangular" and dims["thickness"] is None and dims["width"] and dims["height"]:
        dims["thickness"], dims["width"] = sorted((dims["width"], dims["height"]))
        dims["height"] = None
    row.values |= dims
    if isinstance(form, str):
        _check_section(row, form, dims)


def _check_section(row: _Row, form: str, dims: dict[str, float | None]) -> None:
    needed = SECTION_DIMENSIONS[form]
    missing = [name for name in needed if dims.get(name) is None]
    if missing:
        row.problem("missing_dimension", f"{form} needs {', '.join(needed)}; missing {', '.join(missing)}")
        return
    wall = dims.get("wall_thickness")
    outside = {"tube_round": dims.get("outer_diameter"), "tube_square": dims.get("side")}.get(form)
    if form == "tube_rectangular":
        outside = min(dims["width"] or 0, dims["height"] or 0)
    if wall is not None and outside is not None and 2 * wall >= outside:
        row.problem("impossible_geometry", f"wall {wall:g} leaves no bore in a {outside:g} section")


def _read(csv_path: Path) -> pd.DataFrame:
    if not csv_path.is_file():
        raise CatalogError(f"cannot import {csv_path}: no such file")
    try:
        frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    except (ValueError, UnicodeDecodeError) as error:  # pandas' ParserError is a ValueError
        raise CatalogError(f"cannot import {csv_path}: not a readable CSV ({error})") from error
    missing = [name for name in REQUIRED_COLUMNS if name not in frame.columns]
    if missing:
        raise CatalogError(
            f"cannot import {csv_path}: missing column(s) {', '.join(missing)}; "
            f"a parts export needs {', '.join(REQUIRED_COLUMNS)}"
        )
    return frame


def map_rows(frame: pd.DataFrame) -> tuple[list[dict[str, object]], list[Rejection]]:
    """Each row mapped to the parts schema, or rejected with every problem found in it."""
    loaded: list[dict[str, object]] = []
    rejected: list[Rejection] = []
    first_line: dict[str, int] = {}
    for index, raw in enumerate(frame.to_dict("records")):
        line = index + 2  # the header is line 1
        row = _Row(raw)
        _identity(row, first_line, line)
        _commerce(row)
        _dimensions(row)
        if row.problems:
            rejected.append(Rejection(line, row.raw.get("part_number", ""), tuple(row.problems)))
        else:
            loaded.append(row.values)
    return loaded, rejected


def import_csv(csv_path: str | Path, out_path: str | Path) -> ImportReport:
    """Load the good rows of ``csv_path`` as a new catalog at ``out_path``; report the others."""
    csv_path, out_path = Path(csv_path), Path(out_path)
    frame = _read(csv_path)
    loaded, rejected = map_rows(frame)
    if not loaded:
        raise CatalogError(f"nothing imported from {csv_path}: all {len(frame)} rows were rejected")
    write_parts(
        pd.DataFrame(loaded), out_path, {"source": f"import:{csv_path.name}", "parts": str(len(loaded))}
    )
    return ImportReport(csv_path, out_path, len(frame), len(loaded), tuple(rejected), NOTES)
