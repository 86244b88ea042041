"""Re-matching stored orders against a changed catalog: the diff, and approved orders left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.batch import run_batch
from pipeline.batch.batch_ledger import BatchLedger
from pipeline.batch.rematch import rematch
from pipeline.config import Settings
from pipeline.context import open_order_service

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def processed(small_catalog_path: Path, tmp_path: Path) -> Settings:
    settings = Settings(tmp_path, small_catalog_path, tmp_path / "ledger.sqlite")
    run_batch([SAMPLES], settings=settings)
    return settings


def _matched(settings: Settings) -> list[tuple[str, int, dict]]:
    """(order id, line number, match) of every matched line of the orders not locked."""
    ledger = BatchLedger(settings.ledger_path)
    hashes = [job.content_hash for job in ledger.latest_done()]
    open_orders = set(hashes) - set(ledger.locked_orders(hashes))
    jobs = [job for job in ledger.latest_done() if job.content_hash in open_orders]
    return [
        (job.result["order_id"], line["line_no"], line["match"])
        for job in jobs
        for line in job.result["lines"]
        if line["match"]
    ]


def _changed_catalog(settings: Settings, tmp_path: Path, reprice: str, remove: str) -> Path:
    """A copy of the catalog with one part 10% dearer and another gone, as a new price book would be."""
    path = tmp_path / "catalog-v2.duckdb"
    shutil.copy(settings.catalog_path, path)
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE parts SET unit_price = unit_price * 1.1 WHERE part_number = ?", [reprice])
        connection.execute("DELETE FROM parts WHERE part_number = ?", [remove])
    return path


def test_the_same_catalog_changes_nothing(processed: Settings) -> None:
    report = rematch(processed, processed.catalog_path)
    assert report.orders + sum(report.locked.values()) == 11
    assert report.orders > 5 and report.changes == [] and not report.failures


def test_a_new_price_and_a_removed_part_are_reported_line_by_line(
    processed: Settings, tmp_path: Path
) -> None:
    matched = _matched(processed)
    (reprice_order, reprice_line, repriced), (remove_order, remove_line, removed) = matched[0], matched[-1]
    new = _changed_catalog(processed, tmp_path, repriced["part_number"], removed["part_number"])
    report = rematch(processed, new)
    changes = {(c.order_id, c.line_no): c for c in report.changes}
    price = changes[(reprice_order, reprice_line)]
    assert price.changes == "price" and price.old_part == price.new_part == repriced["part_number"]
    assert price.new_unit_price == pytest.approx(round(repriced["unit_price"] * 1.1, 2), abs=0.011)
    part = changes[(remove_order, remove_line)]
    assert part.changes == "part" and part.old_part == removed["part_number"] != part.new_part
    # every other change is a line that had one of the two parts as well
    assert {change.old_part for change in report.changes} == {repriced["part_number"], removed["part_number"]}
    summary = report.summary()
    assert summary["part_changes"] >= 1 and summary["price_changes"] >= 1


def test_locked_orders_are_left_alone(processed: Settings, tmp_path: Path) -> None:
    order_id, _, match = _matched(processed)[0]
    before = rematch(processed, processed.catalog_path)
    open_order_service(processed).reject(order_id, actor="test desk", comment="customer cancelled")
    report = rematch(processed, _changed_catalog(processed, tmp_path, match["part_number"], "no-such-part"))
    assert report.locked == before.locked | {"rejected": 1} and report.orders == before.orders - 1
    assert order_id not in {change.order_id for change in report.changes}


def test_reports_are_written_as_json_and_csv(processed: Settings, tmp_path: Path) -> None:
    _, _, match = _matched(processed)[0]
    report = rematch(processed, _changed_catalog(processed, tmp_path, match["part_number"], "x"))
    as_json = report.write(tmp_path / "diff.json").read_text()
    as_csv = report.write(tmp_path / "diff.csv").read_text().splitlines()
    assert '"price_changes": ' in as_json and match["part_number"] in as_json
    assert as_csv[0].startswith("order_id,status,line_no,source_text,changes,old_part,new_part")
    assert len(as_csv) == 1 + len(report.changes)
