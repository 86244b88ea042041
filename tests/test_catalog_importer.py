"""Importing the legacy export: good rows load, every bad row is reported with its reason."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from pipeline.catalog.importer import ImportReport, import_csv
from pipeline.catalog.store import CatalogStore
from pipeline.errors import CatalogError

# a copy of ../shared/catalogs/legacy_parts_catalog.csv, so a clone anywhere can run the tests
LEGACY = Path(__file__).resolve().parent / "data" / "legacy_parts_catalog.csv"
HEADER = "part_number,material,category,grade,description,unit_price,units,weight_per_unit,supplier"


def legacy_rows() -> list[dict[str, str]]:
    with LEGACY.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> ImportReport:
    return import_csv(LEGACY, tmp_path_factory.mktemp("legacy") / "legacy.duckdb")


def codes(report: ImportReport, code: str) -> list[str]:
    return [row.part_number for row in report.rejected if code in {p.code for p in row.problems}]


def test_reports_exactly_the_21_duplicate_part_numbers(report: ImportReport) -> None:
    counts = Counter(row["part_number"] for row in legacy_rows())
    twice = {number for number, count in counts.items() if count > 1}
    assert len(twice) == 21
    assert sorted(codes(report, "duplicate_part_number")) == sorted(twice)


def test_a_duplicate_names_the_line_it_repeats(report: ImportReport) -> None:
    rows = legacy_rows()
    for rejection in report.rejected:
        for problem in rejection.problems:
            if problem.code == "duplicate_part_number":
                first = int(problem.message.rsplit(" ", 1)[1])
                assert first < rejection.line
                assert rows[first - 2]["part_number"] == rejection.part_number


def test_reports_exactly_the_16_non_positive_prices(report: ImportReport) -> None:
    non_positive = {row["part_number"] for row in legacy_rows() if float(row["unit_price"]) <= 0}
    assert len(non_positive) == 16
    assert set(codes(report, "non_positive_price")) == non_positive
    assert report.by_reason()["non_positive_price"] == 16
    assert report.by_reason()["duplicate_part_number"] == 21


def test_rows_without_a_size_or_with_no_bore_are_rejected(report: ImportReport) -> None:
    reasons = report.by_reason()
    assert reasons["missing_dimension"] == 1_434  # every legacy channel and beam has no size
    assert reasons["impossible_geometry"] == 92
    assert set(reasons) == {
        "missing_dimension",
        "impossible_geometry",
        "duplicate_part_number",
        "non_positive_price",
        "non_positive_weight",
    }


def test_loaded_plus_rejected_is_every_row_and_the_catalog_is_clean(report: ImportReport) -> None:
    assert report.rows == 10_000
    assert report.loaded + len(report.rejected) == report.rows
    store = CatalogStore(report.out_path)
    try:
        assert store.count() == report.loaded
        sql = "SELECT count(DISTINCT part_number), count(*) FILTER (unit_price <= 0), count(DISTINCT family)"
        number, bad_price, families = store.cursor().execute(f"{sql} FROM parts").fetchone()
        assert (number, bad_price, families) == (report.loaded, 0, 10)
        a36 = store.rows("SELECT DISTINCT family FROM parts WHERE grade = 'A36'")
        assert a36 == [{"family": "carbon_steel"}]  # the export calls A36 "Alloy Steel"
        feet = store.get("AL-2024-WR-175")
        assert feet is not None and feet["length"] == 6313.0 * 12 and feet["uom"] == "EA"
    finally:
        store.close()


def test_rejects_csv_lists_every_rejected_row(report: ImportReport, tmp_path: Path) -> None:
    target = tmp_path / "rejects.csv"
    report.write_rejects(target)
    with target.open(newline="", encoding="utf-8") as handle:
        written = list(csv.DictReader(handle))
    assert len(written) == len(report.rejected)
    assert {"line", "part_number", "codes", "reason"} == set(written[0])
    assert all(row["reason"] for row in written)


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no such file"):
        import_csv(tmp_path / "nope.csv", tmp_path / "out.duckdb")


def test_wrong_columns_are_a_catalog_error(tmp_path: Path) -> None:
    source = tmp_path / "orders.csv"
    source.write_text("order_id,customer\n1,ACME\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="missing column"):
        import_csv(source, tmp_path / "out.duckdb")


def test_unknown_form_suggests_the_nearest_one(tmp_path: Path) -> None:
    source = tmp_path / "parts.csv"
    source.write_text(
        f"{HEADER},thickness,width,length\n"
        'P1,Stainless Steel 304,Sheet,304,"304 sheet",10,inches,5,Acme,0.06,48,96\n'
        'P2,Stainless Steel 304,Shete,304,"304 sheet",10,inches,5,Acme,0.06,48,96\n',
        encoding="utf-8",
    )
    result = import_csv(source, tmp_path / "out.duckdb")
    assert result.loaded == 1
    (rejected,) = result.rejected
    assert rejected.line == 3 and "did you mean sheet?" in rejected.reason
