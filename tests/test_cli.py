"""The command line, invoked as users and scripts invoke it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.customers.samples import load_sample_customers
from pipeline.ledger import Ledger
from tests.cli import run_cli as _cli

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "samples").glob("*.txt"))
ORDER_KEYS = {
    "order_id", "source", "customer", "po_number", "requested_date", "urgency",
    "lines", "totals", "review", "timings_ms",
}  # fmt: skip
LINE_KEYS = {
    "line_no", "source_text", "material", "grade", "temper", "form",
    "dimensions", "quantity", "uom", "flags", "match",
}  # fmt: skip
MATCH_KEYS = {"part_number", "description", "confidence", "unit_price", "extended_price", "alternatives"}


@pytest.fixture
def cli_env(small_catalog_path: Path, tmp_path: Path) -> dict[str, str]:
    load_sample_customers(Ledger(tmp_path / "l.sqlite"))
    return {"ORDERDESK_CATALOG": str(small_catalog_path), "ORDERDESK_LEDGER": str(tmp_path / "l.sqlite")}


def test_process_json_prints_one_object_per_sample_in_order(cli_env: dict[str, str]) -> None:
    result = _cli(["process", *map(str, SAMPLES), "--json"], cli_env)
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["source"]["path"] for o in objects] == [str(p) for p in SAMPLES]
    for obj in objects:
        assert obj.keys() >= ORDER_KEYS
        assert set(obj["customer"]) == {"company", "contact", "email", "phone"}
        assert {"status", "reasons"} <= obj["review"].keys()
        for line in obj["lines"]:
            assert line.keys() >= LINE_KEYS
            assert line["match"] is None or line["match"].keys() >= MATCH_KEYS


def test_process_is_deterministic(cli_env: dict[str, str], tmp_path: Path) -> None:
    sample = str(ROOT / "data" / "samples" / "sample_order_1.txt")
    # --force: without it the second run would return the stored order instead of processing again
    first, second = (
        json.loads(_cli(["process", sample, "--json", "--force"], cli_env).stdout) for _ in range(2)
    )
    first.pop("timings_ms"), second.pop("timings_ms")
    assert first == second


def test_a_bad_file_gets_an_error_object_and_the_rest_go_on(cli_env: dict[str, str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    good = ROOT / "data" / "samples" / "test_minimal.txt"
    result = _cli(["process", str(empty), str(missing), str(good), "--json"], cli_env)
    assert result.returncode == 1
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert objects[0]["error"] == f"cannot read {empty}: the file is empty"
    assert objects[1]["error"].startswith(f"cannot read {missing}")
    assert "error" not in objects[2] and len(objects[2]["lines"]) == 1
    assert "2 of 3 files failed" in result.stderr


def test_match_json_gives_the_top_five_per_stdin_line(cli_env: dict[str, str]) -> None:
    stdin = '1-1/2" 1018 round bar x 12 ft\n\n10 sheets 304 stainless .125 x 48 x 96\n'
    result = _cli(["match", "--json"], cli_env, stdin=stdin)
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 2
    first = objects[0]
    assert first["request"]["grade"] == "1018" and first["request"]["form"] == "bar_round"
    assert first["request"]["dimensions"]["diameter"] == 1.5
    assert 1 <= len(first["candidates"]) <= 5
    top = first["candidates"][0]
    assert {"part_number", "grade", "form", "dimensions", "confidence"} <= top.keys()
    assert top["grade"] == "1018" and top["dimensions"]["diameter"] == 1.5
    assert objects[1]["candidates"][0]["grade"] == "304"


def test_a_missing_catalog_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    env = {"ORDERDESK_CATALOG": str(tmp_path / "none.duckdb"), "ORDERDESK_LEDGER": str(tmp_path / "l.sqlite")}
    result = _cli(["process", str(SAMPLES[0])], env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: catalog {tmp_path / 'none.duckdb'} does not exist; "
        "build it with `python -m pipeline catalog build`"
    ]
