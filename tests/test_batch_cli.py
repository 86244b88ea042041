"""``batch``, ``rematch`` and ``corpus`` as operations run them, including on an existing Dask cluster."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from distributed import LocalCluster

from tests.cli import ROOT, run_cli

SAMPLES = ROOT / "data" / "samples"


@pytest.fixture
def env(small_catalog_path: Path, tmp_path: Path) -> dict[str, str]:
    return {"ORDERDESK_DATA_DIR": str(tmp_path), "ORDERDESK_CATALOG": str(small_catalog_path)}


def test_batch_in_process_then_resumed_writes_reports(env: dict[str, str], tmp_path: Path) -> None:
    first = run_cli(["batch", str(SAMPLES), "--workers", "0", "--report", str(tmp_path / "r.json")], env)
    assert first.returncode == 0, first.stderr
    assert "processed      11" in first.stdout and "in-process" in first.stdout
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["summary"]["processed"] == 11 and len(report["files"]) == 11
    assert {row["status"] for row in report["files"]} == {"done"}

    again = run_cli(["batch", str(SAMPLES / "*.txt"), "--workers", "0"], env)
    assert again.returncode == 0 and "skipped        11" in again.stdout
    written = sorted(path.suffix for path in (tmp_path / "reports").iterdir())
    assert written == [".csv", ".json"]  # the default: both, under the data folder


def test_batch_exits_1_when_a_file_fails_and_names_it(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "scan.txt").write_bytes(b"\x00\x00")
    result = run_cli(
        ["batch", str(tmp_path / "scan.txt"), str(SAMPLES / "test_minimal.txt"), "--workers", "0"], env
    )
    assert result.returncode == 1
    assert (
        f"failed: {tmp_path / 'scan.txt'}: cannot read {tmp_path / 'scan.txt'}: it looks like a binary"
        in (result.stdout)
    )
    assert "processed       1" in result.stdout


def test_batch_usage_errors_are_one_line(env: dict[str, str]) -> None:
    nothing = run_cli(["batch"], env)
    assert nothing.returncode == 2 and nothing.stderr.strip().endswith("or --since DATE")
    unreachable = run_cli(["batch", str(SAMPLES), "--scheduler", "tcp://127.0.0.1:9"], env)
    assert unreachable.returncode == 2
    assert unreachable.stderr.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    bad_date = run_cli(["batch", "--since", "last week"], env)
    assert bad_date.returncode == 2 and "is not a date like 2024-06-01" in bad_date.stderr


@pytest.mark.slow
def test_batch_runs_on_an_existing_cluster_given_its_address(env: dict[str, str], tmp_path: Path) -> None:
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    ) as cluster:
        result = run_cli(["batch", str(SAMPLES), "--scheduler", cluster.scheduler_address], env)
    assert result.returncode == 0, result.stderr
    assert f"Dask cluster at {cluster.scheduler_address}" in result.stdout
    assert "processed      11" in result.stdout


def test_corpus_generate_then_rematch_from_the_command_line(env: dict[str, str], tmp_path: Path) -> None:
    generated = run_cli(
        ["corpus", "generate", "--count", "20", "--out", str(tmp_path / "c"), "--seed", "3"], env
    )
    assert generated.returncode == 0 and generated.stdout.startswith("wrote 20 emails")
    assert run_cli(["batch", str(tmp_path / "c"), "--workers", "0"], env).returncode == 0
    scored = run_cli(["corpus", "evaluate", str(tmp_path / "c"), "--json"], env)
    assert json.loads(scored.stdout)["processed"] == 20
    same = run_cli(["rematch", "--catalog", env["ORDERDESK_CATALOG"], "--workers", "0"], env)
    checked = int(re.search(r"re-matched (\d+) orders", same.stdout)[1])
    locked = int(re.search(r"(\d+) locked orders left alone", same.stdout)[1])
    assert same.returncode == 0 and checked + locked == 20 and checked > 0
    assert "0 orders with 0 changed lines" in same.stdout


def test_the_readme_documents_the_batch_options_that_exist(env: dict[str, str]) -> None:
    readme = (ROOT / "README.md").read_text()
    for command in ("batch", "rematch"):
        usage = run_cli([command, "--help"], env).stdout
        documented = set(
            re.findall(r"--[a-z-]+", readme.split(f"python -m pipeline {command}", 1)[1].split("\n")[0])
        )
        assert documented and documented <= set(re.findall(r"--[a-z-]+", usage)), command
