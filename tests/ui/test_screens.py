"""Every page at 1440 x 900: pictured, with each column that matters inside the window, no table
on any page wider than its frame (no sideways scrolling), and no title or important cell cut
short. ``benchmarks/screenshots.py`` takes the same pictures into docs/screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.ui.api_client import follow, post_files, request
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import DeskServer
from tests.ui.screens import VIEWPORT, screens, shoot
from tests.ui.unseen_errors import ErrorWatch

pytestmark = pytest.mark.ui


def test_every_page_shows_its_important_columns_at_1440_by_900(
    browser: Browser, desk_server: DeskServer, unseen_errors: ErrorWatch, tmp_path: Path
) -> None:
    email = tagged_copy(SAMPLES / "sample_order_1.txt", tmp_path)
    status, answer = post_files(desk_server, [(email.name, email.read_bytes())])
    assert status == 201, answer
    job_id = answer["jobs"][0]["job_id"]
    follow(desk_server, job_id)
    order_id = request(desk_server, f"/api/jobs/{job_id}")[1]["order"]["order_id"]
    context = browser.new_context(viewport=VIEWPORT)
    unseen_errors.watch_context(context)
    try:
        for screen in screens(job_id, order_id):
            assert shoot(context, desk_server.base, screen, tmp_path) == [], screen.name
            assert (tmp_path / f"{screen.name}.png").stat().st_size > 10_000
    finally:
        context.close()
