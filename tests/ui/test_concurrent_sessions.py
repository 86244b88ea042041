"""Ten browser sessions at once, each processing an email: all complete, all right, no errors anywhere."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.ui.emails import SAMPLES, comparable, expected_orders, ledger_copy, tagged_copy
from tests.ui.harness import ALL_DONE, PAGE_TIMEOUT_MS, STAGES, DeskServer, open_desk_page
from tests.ui.unseen_errors import ErrorWatch

pytestmark = pytest.mark.ui
SESSIONS = 10


def test_ten_concurrent_sessions_each_process_an_email(
    browser: Browser, desk_server: DeskServer, tmp_path: Path, unseen_errors: ErrorWatch
) -> None:
    samples = sorted(SAMPLES.glob("*.txt"))
    files = [tagged_copy(samples[n % len(samples)], tmp_path) for n in range(SESSIONS)]
    expected = expected_orders(files, desk_server.catalog, ledger_copy(desk_server.ledger, tmp_path))
    contexts = [browser.new_context() for _ in range(SESSIONS)]
    try:
        for context in contexts:
            context.set_default_timeout(PAGE_TIMEOUT_MS * 3)
            unseen_errors.watch_context(context)
        desks = [open_desk_page(context, desk_server.url) for context in contexts]
        for desk, file in zip(desks, files, strict=True):  # ten uploads in flight together
            desk.page.locator("input[type=file]").set_input_files(file)
        for desk, file in zip(desks, files, strict=True):
            page = desk.page
            page.wait_for_function(ALL_DONE)
            assert page.locator("[data-stage][data-state=done]").count() == len(STAGES), file.name
            job_id = page.url.split("job=")[1]
            with urllib.request.urlopen(f"{desk_server.base}/api/jobs/{job_id}", timeout=10) as response:
                served = json.load(response)
            assert served["filename"] == file.name
            assert comparable(served["order"]) == comparable(expected[file.name]), file.name
    finally:
        for context in contexts:
            context.close()
