"""Kill the server mid-job: the page says what is true at once, and after a restart on the same port it
comes back by itself — no reload by hand — with every accepted job listed from the ledger."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.ui.api_client import request
from tests.ui.conftest import MakeServer
from tests.ui.emails import comparable, expected_orders, ledger_copy, long_order
from tests.ui.harness import LOST_CONNECTION, READY_MESSAGE, DeskServer, open_desk_page
from tests.ui.unseen_errors import ErrorWatch

pytestmark = pytest.mark.ui
JOBS = 10
LINES = 150  # long enough that ten jobs on two workers are still running when the server dies
BACK_WITHIN_MS = 60_000  # the server's start plus the page's longest wait between probes (10 s)


def matching_a_job(server: DeskServer) -> bool:
    """Whether a job is running with lines still being searched for (its report, over HTTP)."""
    running = [job for job in request(server, "/api/jobs")[1]["jobs"] if job["status"] == "running"]
    reports = (request(server, job["links"]["self"])[1] for job in running)
    return any(line["status"] == "searching" for report in reports for line in report["lines"])


def test_a_killed_server_is_reported_truthfully_and_the_page_recovers_by_itself_after_a_restart(
    context: BrowserContext,
    make_server: MakeServer,
    tmp_path: Path,
    record_property: Any,
    unseen_errors: ErrorWatch,
) -> None:
    # the page's requests as the server died, and its probes while the server was down
    unseen_errors.allow(
        r"net::ERR_(CONNECTION_RESET|CONNECTION_REFUSED|INCOMPLETE_CHUNKED_ENCODING|EMPTY_RESPONSE)"
    )
    server = make_server().start()
    files = [long_order(tmp_path, f"long-{n:02d}", LINES) for n in range(JOBS)]
    before = ledger_copy(server.ledger, tmp_path)
    desk = open_desk_page(context, server.url)
    page = desk.page
    page.locator("input[type=file]").set_input_files(files)
    page.wait_for_function("window.__cardLog.some(e => e.state === 'running')")
    followed = page.url.split("job=")[1]  # the page follows the first file's job
    while not matching_a_job(server):  # kill while a job is matching its lines
        time.sleep(0.02)  # polling interval
    server.kill()  # SIGKILL to the whole process group, mid-job
    killed = time.monotonic()
    notice = page.locator(".notyf__message", has_text=LOST_CONNECTION)
    expect(notice).to_be_visible(timeout=5_000)
    record_property("kill_to_notice_ms", round((time.monotonic() - killed) * 1000))
    expect(notice).to_contain_text("interrupted, with Retry")
    expect(notice).not_to_contain_text("keep running")

    with page.expect_console_message(lambda message: READY_MESSAGE in message.text, timeout=BACK_WITHIN_MS):
        server.start()  # same ledger, same port: a restart; the page reloads itself when it answers
    record_property("kill_to_page_back_ms", round((time.monotonic() - killed) * 1000))
    assert page.url.endswith(f"?job={followed}")  # the same job, replayed from the ledger
    names = [file.name for file in files]
    rows = page.locator(".od-jobs .tabulator-row")
    for name in names:  # every accepted job is listed: done, interrupted or run again — never missing
        expect(rows.filter(has_text=name)).to_have_count(1)
    statuses = {
        name: rows.filter(has_text=name).locator("[tabulator-field=status]").inner_text() for name in names
    }
    record_property("listed_after_restart", json.dumps(statuses))
    assert set(statuses.values()) <= {"done", "interrupted", "queued", "running"}, statuses
    assert "interrupted" in statuses.values(), statuses
    # jobs that were still queued when the server died run again by themselves, no Retry needed
    for waiting in (name for name, status in statuses.items() if status in ("queued", "running")):
        status = rows.filter(has_text=waiting).locator("[tabulator-field=status]")
        expect(status).to_have_text("done", timeout=120_000)

    # the interrupted job that had read the most lines (the one matching when the server died): those
    # not matched yet say it stopped, none is left "searching…"
    read = {
        job["filename"]: len(request(server, f"/api/jobs/{job['job_id']}")[1]["lines"])
        for job in (request(server, "/api/jobs")[1]["jobs"])
        if statuses.get(job["filename"]) == "interrupted"
    }
    name = max(read, key=read.__getitem__)
    record_property("lines_read_by_the_interrupted_job", read[name])
    rows.filter(has_text=name).click()
    expect(page.locator(".alert", has_text="stopped")).to_be_visible()  # why it stopped, and Retry
    lines = page.locator(".od-lines tr[data-status]")
    expect(lines.filter(has_text="interrupted")).not_to_have_count(0)
    expect(lines.filter(has_text="searching")).to_have_count(0)
    page.get_by_role("button", name="Retry").click()
    expect(page.locator("[data-stage=review]")).to_have_attribute("data-state", "done", timeout=60_000)
    expect(rows.filter(has_text=name).locator("[tabulator-field=status]")).to_have_text("done")

    job_id = page.url.split("job=")[1]
    with urllib.request.urlopen(f"{server.base}/api/jobs/{job_id}", timeout=10) as response:
        served = json.load(response)
    expected = expected_orders([tmp_path / name], server.catalog, before)[name]
    assert served["status"] == "done" and comparable(served["order"]) == comparable(expected)
