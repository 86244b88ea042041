"""The bad-input corpus's hostile emails in a real browser: shown as text, nothing runs, and a
refused file's error is on the page, naming it."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, expect

from tests.bad_inputs import BAD
from tests.ui.harness import DeskPage

pytestmark = pytest.mark.ui
# What the markup in tests/data/bad/injection*.* would make if a page ran or rendered it.
ACTIVE = "script, iframe, svg, img[src='x'], a[href^='javascript'], textarea textarea"


def test_hostile_markup_from_the_corpus_is_text_on_the_page_and_never_runs(
    desk_page: DeskPage, tmp_path: Path
) -> None:
    page = desk_page.page
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    tag = uuid.uuid4().hex[:8]  # new bytes: the shared server must run it, not reuse an earlier job
    email = tmp_path / "injection.txt"
    email.write_bytes((BAD / "injection.txt").read_bytes() + f"\nref {tag}\n".encode())
    page.locator("input[type=file]").set_input_files([email])
    expect(page.locator("[data-stage=review]")).to_have_attribute("data-state", "done", timeout=60_000)
    expect(page.locator(".od-lines")).to_contain_text("<script>alert('od-line')</script>")
    expect(page.locator(".od-lines")).to_contain_text("[click](javascript:alert('od-md'))")
    for area in (".od-order", ".od-lines", ".od-order-lines"):
        assert page.locator(area).locator(ACTIVE).count() == 0, area
    assert dialogs == []


def test_a_refused_file_says_why_on_the_page(desk_page: DeskPage, tmp_path: Path) -> None:
    page = desk_page.page
    bad = tmp_path / f"undecodable-{uuid.uuid4().hex[:8]}.txt"
    bad.write_bytes((BAD / "undecodable.txt").read_bytes() + uuid.uuid4().hex.encode() + b"\x81")
    page.locator("input[type=file]").set_input_files([bad])
    expect(page.locator("[data-stage=ingest]")).to_have_attribute("data-state", "failed", timeout=60_000)
    expect(
        page.get_by_role("paragraph").filter(has_text=f"cannot read {bad.name}: the bytes are neither")
    ).to_be_visible()
