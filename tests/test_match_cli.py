"""``match --json``, ``search`` and the ``process --json`` match objects, as scripts and people use them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CANDIDATE_KEYS = {"part_number", "grade", "form", "dimensions", "confidence"}  # the contract
ADDED_KEYS = {"description", "reasons", "match_kind", "substitution", "cut", "unit_price", "uom", "stock_qty"}


def _cli(args: list[str], env: dict[str, str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        input=stdin, capture_output=True, text=True, cwd=ROOT, env=os.environ | env, timeout=120,
    )  # fmt: skip


@pytest.fixture
def env(small_catalog_path: Path, tmp_path: Path) -> dict[str, str]:
    return {"ORDERDESK_CATALOG": str(small_catalog_path), "ORDERDESK_LEDGER": str(tmp_path / "ledger.sqlite")}


def test_match_json_keeps_the_contract_and_says_when_nothing_fits(env: dict[str, str]) -> None:
    stdin = '10 sheets 304 stainless .125 x 48 x 96\n2507 duplex round bar 2" dia x 12 ft\n'
    result = _cli(["match", "--json"], env, stdin)
    assert result.returncode == 0, result.stderr
    sheet, duplex = (json.loads(line) for line in result.stdout.splitlines())
    assert sheet["request"]["grade"] == "304" and sheet["status"] == "matched"
    assert 1 <= len(sheet["candidates"]) <= 5
    for candidate in sheet["candidates"]:
        assert candidate.keys() >= CANDIDATE_KEYS | ADDED_KEYS
    best = sheet["candidates"][0]
    assert best["dimensions"] == {"thickness": 0.125, "width": 48.0, "length": 96.0}
    assert best["cut"]["pieces_to_pull"] == 10 and best["cut"]["cut"] is False
    assert duplex["status"] == "no_match" and duplex["candidates"] == []
    assert duplex["explanation"] == "2507 is not stocked"
    assert duplex["alternatives"] and all(a["grade"] == "2205" for a in duplex["alternatives"])


def test_search_prints_a_table_of_the_match(env: dict[str, str]) -> None:
    result = _cli(["search", "304", "sheet", ".125", "x", "48", "x", "96", "--limit", "3"], env)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["conf", "kind", "part"]
    assert len(rows) == 3 and rows[0].split()[2] == "SS304-SH-0125-4896-2B"


def test_search_text_ranks_by_bm25_and_no_match_is_explained(env: dict[str, str]) -> None:
    free = _cli(["search", "--text", "17-4", "PH", "round", "bar"], env)
    assert free.returncode == 0 and all(" text " in row for row in free.stdout.splitlines()[1:])
    duplex = _cli(["search", "2507 round bar 2 dia"], env)
    assert duplex.stdout.splitlines()[0] == "no_match: 2507 is not stocked"


def test_process_json_explains_a_line_with_no_match(env: dict[str, str], tmp_path: Path) -> None:
    email = tmp_path / "order.txt"
    email.write_text(
        "From: buyer@example.com\nSubject: PO 1234\n\nPlease quote:\n"
        '1. Stainless Steel 304 Sheet - 4ft x 8ft x 0.125" thick - Quantity: 10 sheets\n'
        '2. Stainless 2507 round bar - 2" diameter x 12ft length - Quantity: 5 bars\n'
    )
    result = _cli(["process", str(email), "--json"], env)
    assert result.returncode == 0, result.stderr
    lines = json.loads(result.stdout)["lines"]
    assert lines[0]["match"]["part_number"] == "SS304-SH-0125-4896-2B"
    assert lines[0]["match"]["cut"]["pieces_to_pull"] == 10 and lines[0]["no_match"] is None
    assert lines[1]["match"] is None
    assert lines[1]["no_match"]["reason"] == "2507 is not stocked"
    assert {a["grade"] for a in lines[1]["no_match"]["alternatives"]} == {"2205"}
