"""Desk metrics from a real ledger: the eleven samples run through the real pipeline."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from pipeline.catalog.store import CatalogStore
from pipeline.events import utc_now
from pipeline.ledger import Ledger
from pipeline.metrics import LedgerMetrics, reason_label, since_hours
from pipeline.orders.report import touchless_report
from pipeline.runner import Runner
from pipeline.stages import DEFAULT_STAGES

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "data" / "samples").glob("*.txt"))


@pytest.fixture(scope="module")
def processed(small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """A ledger holding the eleven samples, processed; and their orders."""
    path = tmp_path_factory.mktemp("metrics") / "ledger.sqlite"
    catalog = CatalogStore(small_catalog_path)
    runner = Runner(catalog=catalog, ledger=Ledger(path))
    orders = [runner.process(sample.name, sample.read_bytes()).order.to_dict() for sample in SAMPLES]
    runner.process("empty.txt", b"")  # a failed job is not an order
    catalog.close()
    return path, orders


def test_orders_and_touchless_count_the_pipelines_verdicts(processed: tuple[Path, list[dict]]) -> None:
    path, orders = processed
    metrics = LedgerMetrics(path)
    summary = metrics.summary()
    touchless = sum(order["review"]["status"] == "auto_approved" for order in orders)
    assert (summary.orders, summary.touchless) == (len(SAMPLES), touchless)
    assert summary.lines == sum(len(order["lines"]) for order in orders)
    assert summary.matched_lines == sum(order["totals"]["matched_lines"] for order in orders)
    hourly = metrics.orders_per_hour()
    assert hourly["orders"].sum() == len(SAMPLES) and hourly["touchless"].sum() == touchless
    assert (hourly["touchless_rate"] == hourly["touchless"] / hourly["orders"]).all()


def test_stage_latencies_and_confidences_come_from_every_finished_stage_and_matched_line(
    processed: tuple[Path, list[dict]],
) -> None:
    path, orders = processed
    metrics = LedgerMetrics(path)
    latencies = metrics.stage_latencies()
    assert latencies.groupby("stage").size().to_dict() == {  # the failed job's ingest did not finish
        stage.name: len(SAMPLES) for stage in DEFAULT_STAGES
    }
    expected = sorted(line["match"]["confidence"] for o in orders for line in o["lines"] if line["match"])
    assert sorted(metrics.confidences()) == expected


def test_review_reasons_count_each_order_once_without_line_numbers(
    processed: tuple[Path, list[dict]],
) -> None:
    path, orders = processed
    reasons = LedgerMetrics(path).review_reasons(top=50)
    labels = [_reasons(order["review"]) for order in orders]
    assert dict(zip(reasons["reason"], reasons["orders"], strict=True)) == {
        label: sum(label in found for found in labels) for label in set().union(*labels)
    }
    assert list(reasons["orders"]) == sorted(reasons["orders"], reverse=True)
    assert not any(reason.startswith("line ") for reason in reasons["reason"])


def _reasons(review: dict) -> set[str]:
    """An order's review reasons as counted: by code where the gates gave codes, else by text."""
    if review.get("details"):
        return {detail["code"].replace("_", " ") for detail in review["details"]}
    return {reason_label(reason) for reason in review["reasons"]}


def test_a_window_leaves_older_orders_out(processed: tuple[Path, list[dict]], tmp_path: Path) -> None:
    path, _ = processed
    copy = tmp_path / "ledger.sqlite"
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
        old = (utc_now() - timedelta(days=3)).isoformat()
        target.execute(
            "UPDATE jobs SET updated_at = ? WHERE rowid IN (SELECT rowid FROM jobs LIMIT 4)", (old,)
        )
    metrics = LedgerMetrics(copy)
    assert metrics.summary(since_hours(24)).orders == len(SAMPLES) - 4
    assert metrics.summary(since_hours(24 * 7)).orders == len(SAMPLES)


def test_a_missing_ledger_is_an_empty_report(tmp_path: Path) -> None:
    metrics = LedgerMetrics(tmp_path / "none.sqlite")
    assert metrics.summary().orders == 0 and metrics.orders_per_hour().empty
    assert not (tmp_path / "none.sqlite").exists()  # reporting never creates a ledger


def test_reason_labels_drop_the_line_and_the_exact_value() -> None:
    assert reason_label("line 3: match confidence 0.62 < 0.9") == "match confidence below 0.9"
    assert reason_label("line 12: flag missing_quantity") == "flag missing quantity"
    assert reason_label("no order lines found in the document") == "no order lines found in the document"


def test_an_email_processed_again_is_one_order_in_the_metrics_as_in_the_report(
    small_catalog_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "ledger.sqlite"
    catalog = CatalogStore(small_catalog_path)
    ledger = Ledger(path)
    runner = Runner(catalog=catalog, ledger=ledger)
    for sample in SAMPLES[:3]:
        runner.process(sample.name, sample.read_bytes())
    runner.process(SAMPLES[0].name, SAMPLES[0].read_bytes(), force=True)  # a second job, the same order
    catalog.close()
    summary, report = LedgerMetrics(path).summary(), touchless_report(ledger)
    assert (
        (summary.orders, summary.touchless) == (report.orders, report.auto_approved) == (3, summary.touchless)
    )
    assert summary.touchless_rate == report.touchless_rate
