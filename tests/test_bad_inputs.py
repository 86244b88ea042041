"""The bad-input corpus through every door: ``process``, ``batch`` (in-process and on a LocalCluster)
and the dashboard's ``POST /api/jobs``. Each file gets its clear error naming it, or is handled;
the good email among them is done; nothing is written outside the data folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import run_batch
from pipeline.config import Settings
from pipeline.errors import IngestError
from pipeline.ingest import ingest
from pipeline.ledger import Ledger
from tests.bad_inputs import BAD, EXPECTED, HOSTILE_NAMES, corpus, small_files
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
GOOD = "sample_order_1.txt"


def tree(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The corpus, one good email, and good emails under names a shell or a path join misreads."""
    folder = tmp_path_factory.mktemp("bad") / "in"
    paths = corpus(folder)
    paths.append(folder / GOOD)
    paths[-1].write_bytes((SAMPLES / GOOD).read_bytes())
    (folder / "sub").mkdir()
    for number, name in enumerate(HOSTILE_NAMES):
        path = folder / "sub" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes((SAMPLES / GOOD).read_bytes() + f"\nreference {number}\n".encode())
        paths.append(path)
    return paths


def expected(name: str) -> tuple[str, str]:
    """(status, words) for a file of ``inputs``: a corpus file's entry, else a good order."""
    entry = EXPECTED.get(Path(name).name)
    return (entry.status, entry.reason) if entry else ("done", "")


def check(name: str, status: str, error: str | None, warnings: list[str]) -> None:
    """One input's outcome is what the corpus says, and its error names it."""
    want, words = expected(name)
    assert status == want, (name, status, error)
    if want == "failed":
        assert error.startswith(f"cannot read {name}: ") and words in error, (name, error)
    elif words:
        assert any(words in warning for warning in warnings), (name, warnings)


def test_the_committed_files_are_what_the_builder_makes() -> None:
    built = small_files()
    assert sorted(path.name for path in BAD.iterdir()) == sorted(built)
    for name, data in built.items():
        if name not in ("encrypted.pdf", "truncated.eml"):  # a random PDF id, a random MIME boundary
            assert (BAD / name).read_bytes() == data, name
    assert set(EXPECTED) >= set(built)


def test_every_file_of_the_corpus_is_expected_and_ingest_says_the_same(inputs: list[Path]) -> None:
    """The reader alone, no ledger: failures are IngestErrors whose reason is the corpus's."""
    corpus_names = {path.name for path in inputs if path.parent.name == "in" and path.name != GOOD}
    assert corpus_names == set(EXPECTED)
    for path in inputs:
        want, words = expected(path.name)
        if path.name == "lines_2000.txt":
            continue  # read fine: the item-line limit is the extract stage's
        try:
            document = ingest(path.name, path.read_bytes())
        except Exception as error:  # anything but an IngestError fails the assert below
            assert want == "failed" and isinstance(error, IngestError) and words in str(error), path.name
        else:
            assert want == "done", path.name
            assert not words or any(words in warning for warning in document.warnings)


def run_process(args: list[str], data_dir: Path, catalog: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = os.environ | {
        "ORDERDESK_DATA_DIR": str(data_dir),
        "ORDERDESK_CATALOG": str(catalog),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "pipeline", *args]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_process_gives_each_bad_file_its_error_and_writes_only_in_the_data_folder(
    inputs: list[Path], small_catalog_path: Path, tmp_path: Path
) -> None:
    cwd, data = tmp_path / "cwd", tmp_path / "data"
    cwd.mkdir()
    before = tree(inputs[0].parent)
    result = run_process(["process", "--json", *map(str, inputs)], data, small_catalog_path, cwd)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [answer["source"]["path"] for answer in answers] == [str(path) for path in inputs]
    for answer in answers:
        warnings = answer["source"].get("warnings", [])
        check(
            answer["source"]["path"], "failed" if "error" in answer else "done", answer.get("error"), warnings
        )
    failures = sum(status == "failed" for status, _ in map(expected, map(str, inputs)))
    assert result.returncode == 1 and f"{failures} of {len(inputs)} files failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(cwd) == set() and tree(inputs[0].parent) == before  # no `pwned`, no escaped file
    assert {path.name for path in tmp_path.iterdir()} == {"cwd", "data"}
    assert tree(data) <= {"ledger.sqlite", *_wal("ledger.sqlite")}
    assert "huge.txt" not in stored_names(data / "ledger.sqlite")  # refused before it was read


def stored_names(ledger: Path) -> set[str]:
    """The file names of the inputs the ledger holds."""
    with contextlib.closing(sqlite3.connect(ledger)) as connection:
        return {Path(name).name for (name,) in connection.execute("SELECT filename FROM inputs")}


def _wal(name: str) -> set[str]:
    return {f"{name}-wal", f"{name}-shm"}


def test_a_batch_in_process_reports_each_bad_file_and_finishes_the_rest(
    inputs: list[Path], small_catalog_path: Path, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path, catalog_path=small_catalog_path, ledger_path=tmp_path / "l.sqlite")
    report = run_batch(inputs, settings=settings)
    assert sorted(outcome.name for outcome in report.outcomes) == sorted(map(str, inputs))
    for outcome in report.outcomes:
        check(outcome.name, outcome.status, outcome.reason, _warnings(outcome.job_id, settings.ledger_path))
    assert "huge.txt" not in stored_names(settings.ledger_path)


def _warnings(job_id: str | None, ledger: Path) -> list[str]:
    """The source warnings of a finished job's order (e.g. an attachment that was refused)."""
    record = Ledger(ledger).job(job_id) if job_id else None
    return record.result["source"]["warnings"] if record and record.result else []


@pytest.mark.slow
def test_a_batch_on_a_local_cluster_reports_each_bad_file_and_no_worker_dies(
    inputs: list[Path], small_catalog_path: Path, tmp_path: Path
) -> None:
    report_path = tmp_path / "report.json"
    args = ["batch", "--workers", "2", "--report", str(report_path), *map(str, inputs)]
    result = run_process(args, tmp_path / "data", small_catalog_path, tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(report_path.read_text())
    files = {row["name"]: row for row in report["files"]}
    assert sorted(files) == sorted(map(str, inputs))
    for name, row in files.items():
        check(
            name, row["status"], row["reason"], _warnings(row["job_id"], tmp_path / "data" / "ledger.sqlite")
        )
    workers = {row["worker"] for row in report["files"] if row["worker"]}
    assert len(workers) <= 2  # the same two processes ran everything: none died and was replaced
    assert not any("worker error" in (row["reason"] or "") for row in report["files"])


@pytest.mark.slow
def test_an_http_upload_of_the_corpus_gives_each_file_its_error_and_pages_escape_the_email(
    inputs: list[Path], small_catalog_path: Path, tmp_path: Path
) -> None:
    from tests.ui.harness import DeskServer
    from tests.ui.test_http_fallback import follow, post_files, request

    server = DeskServer(small_catalog_path, tmp_path / "ledger.sqlite", tmp_path / "server.log").start()
    try:
        uploads = [(name, path.read_bytes()) for path in inputs for name in [_upload_name(path)]]
        status, answer = post_files(server, uploads)
        assert status == 201, answer
        jobs = answer["jobs"]
        # over the upload limit (intake.max_file_mb), huge.txt is refused by name, unstored; the rest run
        [refused] = answer["refused"]
        assert refused["filename"] == "huge.txt" and "huge.txt is 26" in refused["error"]
        names = [Path(name).name for name, _ in uploads if name != "huge.txt"]
        assert [job["filename"] for job in jobs] == names  # a name, never a path
        for job in jobs:
            follow(server, job["job_id"])
        finished = {job["job_id"]: request(server, f"/api/jobs/{job['job_id']}")[1] for job in jobs}
        for job in jobs:
            record = finished[job["job_id"]]
            warnings = (record.get("order") or {}).get("source", {}).get("warnings", [])
            check(job["filename"], record["status"], record.get("error"), warnings)
        for job in jobs:
            if job["filename"].startswith("injection"):
                status, page = request(server, f"/jobs/{job['job_id']}")
                assert status == 200 and "<script>alert" not in page and "onerror=alert" not in page
                # the text email's markup is shown as text (the HTML email's scripts were dropped)
                assert job["filename"] != "injection.txt" or "&lt;script&gt;alert" in page
        assert request(server, "/api/health")[0] == 200  # still serving
        assert "Traceback" not in server.log()
    finally:
        server.stop()
    assert {path.name for path in tmp_path.iterdir()} <= {
        "ledger.sqlite",
        "server.log",
        *_wal("ledger.sqlite"),
    }


def _upload_name(path: Path) -> str:
    """The name a browser would send: hostile names as they are (``../`` included)."""
    return next((name for name in HOSTILE_NAMES if path.name == Path(name).name), path.name)


SQL_SEARCHES = (
    "304'; DROP TABLE parts; --",
    'sheet" OR "1"="1',
    "%' UNION SELECT * FROM catalog_info --",
    "_%_%",
    "'); DELETE FROM parts WHERE ('1'='1",
    "round bar 1\" x 12' -- ; /* */",
)


def test_search_text_with_sql_syntax_is_only_ever_text(small_catalog_path: Path, catalog_browser) -> None:
    """Free-text search, the matcher and the explorer take SQL as words: no error, nothing changed."""
    from pipeline.catalog.browse import BrowseQuery
    from pipeline.catalog.search import search_text
    from pipeline.catalog.store import CatalogStore
    from pipeline.match.reading import match_texts

    store = CatalogStore(small_catalog_path)
    try:
        parts = store.count()
        for text in SQL_SEARCHES:
            assert isinstance(search_text(store, text), list)
            browsed = catalog_browser.browse(BrowseQuery(text=text))
            assert browsed.total <= parts and (text != "_%_%" or browsed.total == 0)  # no LIKE wildcards
        assert len(match_texts(store, list(SQL_SEARCHES))) == len(SQL_SEARCHES)
        assert store.count() == parts and catalog_browser.count == parts
    finally:
        store.close()
    for args in (["search", SQL_SEARCHES[0]], ["search", "--text", SQL_SEARCHES[2]]):
        result = run_process(args, small_catalog_path.parent, small_catalog_path, ROOT)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
