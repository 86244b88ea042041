"""The intake limits come from settings: each refuses with its setting's name, and raising it lets
the same file through (a desk that really gets such files changes one line of settings.toml)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.config import IntakeSettings, Settings
from pipeline.context import open_runner
from pipeline.errors import IngestError
from pipeline.ingest import ingest
from tests.bad_inputs import large_files
from tests.conftest import SAMPLES, Desk
from tests.fixture_files import text_pdf

LARGE = large_files()


@pytest.mark.parametrize(
    ("name", "setting", "raised"),
    [
        ("attachments_500.eml", "max_attachments", {"max_attachments": 500}),
        ("multipart_bomb.eml", "max_mime_depth", {"max_mime_depth": 100}),
        ("line_10000_items.txt", "max_line_chars", {"max_line_chars": 400_000}),
        ("huge.txt", "max_file_mb", {"max_file_mb": 30, "max_text_chars": 30_000_000}),
    ],
)
def test_a_limit_names_its_setting_and_raising_it_lets_the_file_through(
    name: str, setting: str, raised: dict[str, float]
) -> None:
    with pytest.raises(IngestError, match=f"intake.{setting}"):
        ingest(name, LARGE[name])
    assert ingest(name, LARGE[name], IntakeSettings(**raised)).text


def test_the_whole_text_is_bounded_too() -> None:
    with pytest.raises(IngestError, match=r"its text is 2,000,000 characters; the limit is 1,000,000"):
        ingest("long.txt", b"10 pcs 304 sheet\n" + b"x" * 1_999_983)


def test_a_job_past_its_time_limit_stops_with_a_clear_error(desk_settings: Settings) -> None:
    settings = replace(desk_settings, intake=IntakeSettings(max_job_seconds=0))
    runner = open_runner(settings)
    state = runner.process("sample_order_1.txt", (SAMPLES / "sample_order_1.txt").read_bytes())
    record = runner.ledger.job(state.job_id)
    assert (record.status, state.order) == ("failed", None)
    assert record.error == "ingest failed: the job ran past its time limit of 0 s (intake.max_job_seconds)"


def test_the_item_line_limit_is_the_settings(desk: Desk) -> None:
    runner = open_runner(replace(desk.settings, intake=IntakeSettings(max_order_lines=2)))
    state = runner.process("sample_order_1.txt", (SAMPLES / "sample_order_1.txt").read_bytes())
    error = runner.ledger.job(state.job_id).error
    assert error == (
        "cannot read sample_order_1.txt: it has 5 item lines; the limit is 2 (intake.max_order_lines)"
        " — split the order"
    )


def test_reading_a_pdf_stops_at_the_job_time_limit() -> None:
    """pypdf gives up on a page only after tens of millions of tokens: the page loop keeps time."""
    pdf = text_pdf(["PURCHASE ORDER 4471", "10 pcs 304 stainless sheet 1/8 x 48 x 96"])
    assert "PURCHASE ORDER 4471" in ingest("po.pdf", pdf).text
    with pytest.raises(
        IngestError, match=r"stopped at page 1 of 1\); the limit is 0 s \(intake.max_job_seconds\)"
    ):
        ingest("po.pdf", pdf, IntakeSettings(max_job_seconds=0))
