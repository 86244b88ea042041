"""The command line on hostile files: ``process --json`` on emails whose numbers are drawn, under
drawn file names, gives one strict-JSON object per file (an order or an ``error``), exits 0 or 1,
never prints a traceback; afterwards ``orders list`` and ``orders export --all-approved`` still
serve every order, the approved bystander included, and the ledger is sound."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli import run_cli
from tests.probe import hostile
from tests.probe.checks import approved_bystander, assert_desk_intact, assert_no_traceback, strict_json

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"


def files() -> st.SearchStrategy[list[tuple[str, bytes]]]:
    """1-4 files: a drawn name and suffix, an email with drawn numbers or bytes."""
    contents = st.one_of(hostile.emails().map(str.encode), st.binary(max_size=300))
    named = st.tuples(
        st.tuples(hostile.disk_names(), st.sampled_from(hostile.SUFFIXES)).map("".join), contents
    )
    return st.lists(named, min_size=1, max_size=4, unique_by=lambda file: file[0])


def test_process_list_and_export_survive_hostile_files(small_catalog_path: Path, tmp_path: Path) -> None:
    env = {"ORDERDESK_CATALOG": str(small_catalog_path), "ORDERDESK_LEDGER": str(tmp_path / "ledger.sqlite")}
    env |= {"ORDERDESK_DATA_DIR": str(tmp_path)}
    bystander = approved_bystander(env, SAMPLES / "sample_order_1.txt")

    @settings(
        max_examples=hostile.CLI_EXAMPLES,
        deadline=None,  # each example starts the command line afresh
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(files())
    def process(drawn: list[tuple[str, bytes]]) -> None:
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        paths = [folder / name for name, _ in drawn]
        for path, (_, data) in zip(paths, drawn, strict=True):
            path.write_bytes(data)
        result = run_cli(["process", *map(str, paths), "--json"], env)
        assert result.returncode in (0, 1), result.stderr
        assert_no_traceback(result.stderr, "process's stderr")
        outputs = [strict_json(line) for line in result.stdout.splitlines()]
        assert len(outputs) == len(drawn), result.stdout
        assert all("error" in output or "order_id" in output for output in outputs), result.stdout

    process()
    assert_desk_intact(env, tmp_path / "ledger.sqlite", bystander, tmp_path / "outbox")
