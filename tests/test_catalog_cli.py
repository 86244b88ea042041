"""``python -m pipeline catalog ...``, invoked through ``pipeline.cli.main``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main

# a copy of ../shared/catalogs/legacy_parts_catalog.csv, so a clone anywhere can run the tests
LEGACY = Path(__file__).resolve().parent / "data" / "legacy_parts_catalog.csv"


def test_build_prints_a_one_line_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "catalog.duckdb"
    assert main(["catalog", "build", "--parts", "1000", "--seed", "5", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("built 1,000 parts (seed 5) in ") and str(out) in lines[0]
    assert out.exists()


def test_build_defaults_to_the_configured_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ORDERDESK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ORDERDESK_CATALOG", raising=False)
    assert main(["catalog", "build", "--parts", "200"]) == 0
    assert (tmp_path / "catalog.duckdb").exists()
    assert main(["catalog", "stats"]) == 0
    assert "200 parts" in capsys.readouterr().out


def test_stats_prints_tables_by_family_and_form(
    small_catalog_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "stats", "--catalog", str(small_catalog_path)]) == 0
    out = capsys.readouterr().out
    assert "3,000 parts" in out and "seed 42" in out
    assert "\nfamily " in out and "\nform " in out
    assert "stainless_steel" in out and "bar_round" in out


def test_import_lists_counts_and_every_rejected_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "import", str(LEGACY), "--out", str(tmp_path / "legacy.duckdb")]) == 0
    out = capsys.readouterr().out
    assert "imported 8,463 of 10,000 rows" in out and "rejected 1,537" in out
    assert out.count("duplicate part number: same as line") == 21
    assert sum(1 for line in out.splitlines() if line.startswith("  line ")) == 1_537


def test_import_writes_rejects_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rejects = tmp_path / "rejects.csv"
    args = ["catalog", "import", str(LEGACY), "--out", str(tmp_path / "l.duckdb"), "--rejects", str(rejects)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "duplicate_part_number" in out and "non_positive_price" in out
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 1_537 + 1


def test_import_of_a_missing_file_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "import", str(tmp_path / "missing.csv")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("error: cannot import") and "no such file" in captured.err


def test_stats_of_a_missing_catalog_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "stats", "--catalog", str(tmp_path / "none.duckdb")]) == 2
    assert "catalog build" in capsys.readouterr().err


def test_non_positive_part_count_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["catalog", "build", "--parts", "0"])
    assert exit_info.value.code == 2
    assert "positive number of parts" in capsys.readouterr().err
