"""The generated catalog: deterministic, exactly n parts, real stock, sane commercial fields."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from pipeline.catalog import sizes
from pipeline.catalog.generator import build_catalog, catalog_space, generate_parts
from pipeline.catalog.grades import GRADES
from pipeline.catalog.products import FLAT_FORMS, line
from pipeline.catalog.schema import FAMILIES, FORMS, PARTS_DDL, SECTION_DIMENSIONS
from pipeline.catalog.store import CatalogStore
from pipeline.errors import CatalogError


def table_digest(path: Path) -> str:
    """A hash of the whole parts table in a fixed order."""
    connection = duckdb.connect(str(path), read_only=True)
    try:
        rows = connection.execute("SELECT * FROM parts ORDER BY part_number").fetchall()
    finally:
        connection.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def parts(small_catalog_path: Path) -> pd.DataFrame:
    store = CatalogStore(small_catalog_path)
    try:
        return store.cursor().execute("SELECT * FROM parts").df()
    finally:
        store.close()


def test_same_seed_builds_identical_tables_and_another_seed_does_not(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "c.duckdb"
    build_catalog(first, n=2_000, seed=7)
    build_catalog(second, n=2_000, seed=7)
    build_catalog(other, n=2_000, seed=8)
    assert table_digest(first) == table_digest(second)
    assert table_digest(first) != table_digest(other)


def test_generate_parts_returns_exactly_the_table_columns() -> None:
    connection = duckdb.connect()
    connection.execute(PARTS_DDL)
    expected = [column[0] for column in connection.execute("SELECT * FROM parts LIMIT 0").description]
    assert list(generate_parts(50, seed=1).columns) == expected


def test_a_smaller_catalog_is_a_subset_of_a_larger_one() -> None:
    small, large = generate_parts(500, seed=3), generate_parts(2_000, seed=3)
    columns = ["part_number", "description", "unit_price", "stock_qty", "lead_time_days", "supplier"]
    merged = small[columns].merge(large[columns], on="part_number", suffixes=("", "_large"))
    assert len(merged) == len(small)
    for column in columns[1:]:
        assert (merged[column] == merged[f"{column}_large"]).all(), column


def test_exact_count_unique_part_numbers_and_positive_prices(parts: pd.DataFrame) -> None:
    assert len(parts) == 3_000
    assert parts["part_number"].is_unique
    assert (parts["unit_price"].astype(float) > 0).all()
    assert (parts["weight_per_unit"] > 0).all()
    assert (parts["stock_qty"] >= 0).all() and (parts["stock_qty"] == 0).any()
    assert (parts["min_order_qty"] >= 1).all() and (parts["lead_time_days"] >= 1).all()


def test_vocabulary_comes_from_the_schema_and_grade_table(parts: pd.DataFrame) -> None:
    assert set(parts["form"]) <= set(FORMS)
    assert set(parts["family"]) <= set(FAMILIES)
    assert set(parts["uom"]) <= {"EA", "FT"}
    for grade, family, form in parts[["grade", "family", "form"]].drop_duplicates().itertuples(index=False):
        assert GRADES[grade].family == family
        assert form in GRADES[grade].forms, (grade, form)


def test_restricted_grades_appear_only_in_their_forms(parts: pd.DataFrame) -> None:
    forms = parts.groupby("grade")["form"].agg(set)
    assert forms["A500"] <= {"tube_square", "tube_rectangular", "tube_round"}
    assert forms["A992"] == {"beam_i"}
    assert forms["12L14"] <= {"bar_round", "bar_square", "bar_hex"}


def test_every_row_has_its_section_dimensions_and_length(parts: pd.DataFrame) -> None:
    for form, rows in parts.groupby("form"):
        needed = [*SECTION_DIMENSIONS[form], "length"] + (["width"] if form in FLAT_FORMS else [])
        assert rows[needed].notna().all().all(), form
        assert (rows[needed] > 0).all().all(), form


def test_sizes_are_real_stock_sizes(parts: pd.DataFrame) -> None:
    metric = {mm * sizes.MM for mm in sizes.METRIC_BAR_MM}
    assert set(parts.loc[parts["form"] == "bar_round", "diameter"]) <= set(sizes.BAR_DIAMETERS) | metric
    walls = {wall for _, wall in sizes.ROUND_TUBES} | set(sizes.CORED_BAR_WALLS)
    assert set(parts.loc[parts["form"] == "tube_round", "wall_thickness"]) <= walls
    for (grade, form), rows in parts.groupby(["grade", "form"]):
        product = line(GRADES[grade], form)
        stocked = {tuple(value for _, value in section.dims) for section in product.sections}
        names = [name for name, _ in product.sections[0].dims]
        found = set(rows[names].itertuples(index=False, name=None))
        assert found <= stocked, (grade, form, found - stocked)
        assert set(rows["length"]) <= {cut.length for cut in product.cuts}, (grade, form)


def test_uom_rule_full_lengths_by_the_foot_everything_else_each(parts: pd.DataFrame) -> None:
    linear = ~parts["form"].isin(FLAT_FORMS)
    by_foot = linear & (parts["length"] >= sizes.FULL_LENGTH_MIN)
    assert (parts.loc[by_foot, "uom"] == "FT").all()
    assert (parts.loc[~by_foot, "uom"] == "EA").all()
    assert np.allclose(parts.loc[by_foot, "weight_per_unit"], parts.loc[by_foot, "weight_per_foot"])


def test_staples_are_in_even_a_small_catalog(parts: pd.DataFrame) -> None:
    descriptions = set(parts["description"])
    assert '304 Stainless Sheet 2B 0.125" x 48" x 96"' in descriptions
    assert '6061-T6511 Aluminum Round Bar 2" x 144"' in descriptions
    assert 'W8x31 A992 Beam x 240"' in descriptions
    assert 'A500 Square Tube 2" x 2" x .120" wall x 240"' in descriptions


def test_weights_follow_density_and_shape(parts: pd.DataFrame) -> None:
    sheet = parts[(parts["grade"] == "304") & (parts["form"] == "sheet")].iloc[0]
    expected = sheet["thickness"] * sheet["width"] * sheet["length"] * GRADES["304"].density_lb_in3
    assert sheet["weight_per_unit"] == pytest.approx(expected, abs=0.001)
    beams = parts[parts["grade"] == "A992"]
    designated = beams["description"].str.extract(r"^W\d+x(\d+(?:\.\d+)?)")[0].astype(float)
    assert np.allclose(beams["weight_per_foot"], designated, atol=0.01)


def test_common_lines_are_the_most_numerous() -> None:
    counts = generate_parts(50_000, seed=42).groupby(["grade", "form"]).size()
    top = set(counts.nlargest(10).index)
    for best_seller in [
        ("304", "sheet"),
        ("6061", "plate"),
        ("6061", "bar_round"),
        ("1018", "bar_round"),
        ("A36", "plate"),
    ]:
        assert best_seller in top, best_seller


def test_full_size_catalog_builds_fast_with_exact_count(tmp_path: Path) -> None:
    stats = build_catalog(tmp_path / "full.duckdb", n=50_000, seed=42, parquet=tmp_path / "full.parquet")
    assert stats.total == 50_000
    assert sum(stats.by_family.values()) == sum(stats.by_form.values()) == 50_000
    assert stats.price_min > 0
    assert stats.info == {"parts": "50000", "seed": "42", "source": "generated"}
    exported = duckdb.connect().execute(
        "SELECT count(*) FROM read_parquet(?)", [str(tmp_path / "full.parquet")]
    )
    assert exported.fetchone()[0] == 50_000


def _count_in_another_process(path: Path) -> int:
    """What a separate process (a served dashboard, say) sees when it opens the file now."""
    code = (
        "import duckdb, sys; connection = duckdb.connect(sys.argv[1], read_only=True); "
        "print(connection.execute('SELECT count(*) FROM parts').fetchone()[0])"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_rebuild_swaps_the_file_under_an_open_reader(tmp_path: Path) -> None:
    path = tmp_path / "catalog.duckdb"
    build_catalog(path, n=300, seed=1)
    reader = CatalogStore(path)
    try:
        old_cursor = reader.cursor()
        old_rows = old_cursor.execute("SELECT part_number FROM parts ORDER BY part_number").fetchall()
        stats = build_catalog(path, n=400, seed=2)
        assert stats.total == 400
        # a cursor taken before still reads the old file; the store's next query reads the new one
        assert old_cursor.execute("SELECT part_number FROM parts ORDER BY part_number").fetchall() == old_rows
        assert (reader.count(), reader.generation) == (400, 1)
        assert _count_in_another_process(path) == 400
    finally:
        reader.close()
    reopened = CatalogStore(path)
    assert reopened.count() == 400
    reopened.close()
    assert not list(tmp_path.glob("*.tmp*"))


def test_a_failed_write_leaves_the_old_catalog(tmp_path: Path) -> None:
    from pipeline.catalog.writer import write_parts

    path = tmp_path / "catalog.duckdb"
    build_catalog(path, n=100, seed=1)
    digest = table_digest(path)
    with pytest.raises(CatalogError, match="lacks column"):
        write_parts(pd.DataFrame({"part_number": ["X"]}), path, {})
    assert table_digest(path) == digest


def test_asking_for_more_parts_than_exist_is_a_clear_error() -> None:
    space = catalog_space()
    assert space.size > 1_000_000
    with pytest.raises(CatalogError, match="can generate between 1 and"):
        generate_parts(space.size + 1, space=space)
