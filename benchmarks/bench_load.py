"""A bounded load run on loopback: browser sessions and HTTP clients submitting and following jobs at once.

Against ``python -m dashboard serve`` (threads, 2 workers) on the 50,000-part catalog, for a fixed
time: ``--pages`` Chromium pages each upload an email, follow it live and upload the next (every
round one page is closed mid-job and a new one opened), while ``--clients`` threads post emails to
``POST /api/jobs`` and follow them by long polling ``/api/jobs/<id>/events``. Reported:
- jobs/s finished, and that every email submitted has exactly one job in the ledger, done
  (none lost, none doubled);
- stage-update latency: the event's server time → a page showing it (card ``data-changed-at`` vs
  the browser's clock) and → an HTTP client receiving it (same machine, same clock);
- the server's RSS (with its job workers) sampled each second: the first third of the run against
  the last;
- how long ``GET /api/health`` takes to answer, each second: the server's event loop, which carries
  every page's updates, is that busy;
- the server's sessions, subscriptions and job-list watchers (``GET /api/health`` ``load``) before,
  at their peak, and after every page closed: closed sessions must give back what they held.
Nothing is asserted. Usage: ``python benchmarks/bench_load.py [--duration S] [--pages N] [--clients M]``;
``make soak`` runs three minutes, ``make bench`` the 30-second default. Needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import sqlite3
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from common import summary, table
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from pipeline.config import Settings
from tests.ui.api_client import follow, post_files, request
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import STAGES, DeskServer, launch_chromium, open_desk_page

PAGE_DONE = """([stages, since]) => stages.every(s => window.__cardLog.some(
  e => e.stage === s && e.state === 'done' && e.changedAt >= since))"""
PAGE_STARTED = "since => window.__cardLog.some(e => e.changedAt >= since)"
JOB_TIMEOUT_MS = 180_000
# A stage card in a websocket frame, as Bokeh sends its HTML (escaped): its event's server time.
CARD_IN_FRAME = re.compile(r"data-changed-at=&quot;(\d+)&quot;")
DRAIN_TIMEOUT_S = 60


@dataclass
class Tally:
    """What the clients did and saw; appended to from several threads (list.append is atomic)."""

    submitted: list[str] = field(default_factory=list)  # unique file names, browser and HTTP
    page_ms: list[float] = field(default_factory=list)
    frame_ms: list[float] = field(default_factory=list)  # event → the page's browser receiving the card
    http_ms: list[float] = field(default_factory=list)
    http_gaps: int = 0  # an HTTP follower that saw a missing or repeated seq
    load: list[dict[str, int]] = field(default_factory=list)
    health_ms: list[float] = field(default_factory=list)  # the server's event loop answering, each second
    rss_mb: list[float] = field(default_factory=list)


def rss_mb(group: int) -> float:
    """The resident memory of every process in the server's process group (its job workers too)."""
    total_kb = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:  # pgrp, after the name in parentheses
                status = (stat.parent / "status").read_text()
                total_kb += int(status.split("VmRSS:")[1].split()[0]) if "VmRSS:" in status else 0
        except (FileNotFoundError, ProcessLookupError):
            continue  # a process that ended between the listing and the read
    return total_kb / 1024


def health_load(server: DeskServer) -> dict[str, int]:
    return request(server, "/api/health")[1]["load"]


def sample_server(server: DeskServer, tally: Tally, stop: threading.Event) -> None:
    """RSS and load once a second until ``stop``; how long the health answer took says how busy the
    server's event loop (which also carries every page's updates) is."""
    while not stop.wait(1.0):
        tally.rss_mb.append(rss_mb(server.process.pid))
        asked = time.perf_counter()
        tally.load.append(health_load(server))
        tally.health_ms.append((time.perf_counter() - asked) * 1000)


def http_client(server: DeskServer, folder: Path, tally: Tally, deadline: float, number: int) -> None:
    samples = itertools.cycle(sorted(SAMPLES.glob("*.txt")))
    while time.monotonic() < deadline:
        email = tagged_copy(
            next(samples), folder, tag=f"http{number}-{len(tally.submitted)}-{time.time_ns()}"
        )
        status, answer = post_files(server, [(email.name, email.read_bytes())])
        if status != 201:
            raise RuntimeError(f"POST /api/jobs answered {status}: {answer}")
        tally.submitted.append(email.name)
        events = follow(server, answer["jobs"][0]["job_id"])
        if [event["seq"] for event in events] != list(range(1, len(events) + 1)):
            tally.http_gaps += 1
        tally.http_ms += [
            (event["received_at"] - datetime.fromisoformat(event["at"]).timestamp()) * 1000
            for event in events
            if event["stage"]
        ]


def listen_for_cards(context: BrowserContext, tally: Tally) -> Callable[[Page], None]:
    """Prepares a page so that each stage card the server sends is timed as the browser's network
    receives it (Chrome DevTools Protocol), before the page's renderer has to handle it. Beside the
    time the page shows the card, this separates the server and the network from rendering."""

    def prepare(page: Page) -> None:
        opened_ms = time.time() * 1000  # cards of earlier jobs (a replay) are not timed
        session = context.new_cdp_session(page)
        wall_minus_monotonic: list[float] = []

        def handshake(params: dict[str, Any]) -> None:
            wall_minus_monotonic.append(params["wallTime"] - params["timestamp"])

        def frame(params: dict[str, Any]) -> None:
            if not wall_minus_monotonic:
                return
            received_ms = (params["timestamp"] + wall_minus_monotonic[-1]) * 1000
            for changed_at in CARD_IN_FRAME.findall(params["response"]["payloadData"]):
                if int(changed_at) >= opened_ms:
                    tally.frame_ms.append(received_ms - int(changed_at))

        session.on("Network.webSocketWillSendHandshakeRequest", handshake)
        session.on("Network.webSocketFrameReceived", frame)
        session.send("Network.enable")

    return prepare


def upload(page: Page, folder: Path, sample: Path, tally: Tally) -> float:
    """Upload a fresh copy of ``sample`` on ``page``; the wall-clock ms it was sent at."""
    email = tagged_copy(sample, folder)
    since = time.time() * 1000
    page.locator("input[type=file]").set_input_files(email)
    tally.submitted.append(email.name)
    return since


def browser_rounds(
    browser: Browser, server: DeskServer, args: argparse.Namespace, folder: Path, tally: Tally
) -> None:
    """Every page uploads, one of them is closed mid-job and replaced, the others wait for their job."""
    samples = itertools.cycle(sorted(SAMPLES.glob("*.txt")))
    context = browser.new_context()
    prepare = listen_for_cards(context, tally)
    pages = [open_desk_page(context, server.url, prepare).page for _ in range(args.pages)]
    deadline = time.monotonic() + args.duration
    for round_number in itertools.count():
        if time.monotonic() >= deadline:
            break
        started = [upload(page, folder, next(samples), tally) for page in pages]
        leaving = round_number % len(pages) if len(pages) > 1 else None  # a lone page stays
        if leaving is not None:
            # mid-job: once the server has the upload (a card changed since), close; the job runs on
            pages[leaving].wait_for_function(PAGE_STARTED, arg=started[leaving], timeout=JOB_TIMEOUT_MS)
            pages[leaving].close()
            pages[leaving] = open_desk_page(context, server.url, prepare).page
        for number, (page, since) in enumerate(zip(pages, started, strict=True)):
            if number == leaving:
                continue
            page.wait_for_function(PAGE_DONE, arg=[list(STAGES), since], timeout=JOB_TIMEOUT_MS)
            log = page.evaluate("window.__cardLog")
            tally.page_ms += [e["wall"] - e["changedAt"] for e in log if (e["changedAt"] or 0) >= since]
    context.close()


def ledger_verdict(ledger: Path, submitted: list[str]) -> dict[str, int]:
    """Jobs per submitted file name in the ledger: each must have exactly one, done."""
    with sqlite3.connect(f"file:{ledger}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT filename, status FROM jobs").fetchall()
    jobs = Counter(filename for filename, _ in rows)
    done = {filename for filename, status in rows if status == "done"}
    return {
        "submitted": len(submitted),
        "distinct": len(set(submitted)),
        "lost": sum(1 for name in set(submitted) if jobs[name] == 0),
        "doubled": sum(1 for name in set(submitted) if jobs[name] > 1),
        "not done": sum(1 for name in set(submitted) if name not in done),
    }


def drain(server: DeskServer, baseline: dict[str, int]) -> tuple[dict[str, int], float]:
    """Wait until the server holds no more than at the start; (what it holds, seconds waited)."""
    started = time.monotonic()
    load = health_load(server)
    while any(load[key] > baseline[key] for key in baseline) and time.monotonic() - started < DRAIN_TIMEOUT_S:
        time.sleep(0.5)  # polling interval while sessions expire, not a timing assumption
        load = health_load(server)
    return load, time.monotonic() - started


def run(args: argparse.Namespace, folder: Path) -> tuple[Tally, dict[str, Any]]:
    server = DeskServer(
        args.catalog, folder / "ledger.sqlite", folder / "server.log", processes=args.processes
    )
    server.start()
    tally, stop = Tally(), threading.Event()
    try:
        baseline = health_load(server)
        sampler = threading.Thread(target=sample_server, args=(server, tally, stop), daemon=True)
        sampler.start()
        deadline = time.monotonic() + args.duration
        clients = [
            threading.Thread(target=http_client, args=(server, folder, tally, deadline, n), daemon=True)
            for n in range(args.clients)
        ]
        started = time.monotonic()
        for client in clients:
            client.start()
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            browser_rounds(browser, server, args, folder, tally)
            browser.close()
        for client in clients:
            client.join()
        elapsed = time.monotonic() - started
        after, drained_s = drain(server, baseline)
        stop.set()
        sampler.join()
        verdict = ledger_verdict(server.ledger, tally.submitted)
    finally:
        server.stop()
    return tally, {"elapsed": elapsed, "baseline": baseline, "after": after, "drained_s": drained_s} | verdict


def jobs_table(tally: Tally, run_info: dict[str, Any]) -> str:
    done = run_info["distinct"] - run_info["not done"]
    headers = ["jobs submitted", "jobs done", "jobs/s", "lost", "doubled", "not done", "HTTP seq gaps"]
    counts = [run_info[key] for key in ("lost", "doubled", "not done")]
    return table(
        headers, [[run_info["submitted"], done, done / run_info["elapsed"], *counts, tally.http_gaps]]
    )


def latency_table(tally: Tally) -> str:
    measured = (
        ("page (WebSocket): shown", tally.page_ms),
        ("page (WebSocket): received by the browser", tally.frame_ms),
        ("HTTP long poll", tally.http_ms),
        ("(GET /api/health answered)", tally.health_ms),
    )
    rows = [[name, len(samples), *summary(samples).values()] for name, samples in measured if samples]
    return table(["stage update → client (ms)", "n", "median", "p95", "p99", "max"], rows)


def memory_table(tally: Tally) -> str:
    """The RSS samples' means by tenth of the run, so a plateau and a climb look different."""
    third = max(1, len(tally.rss_mb) // 3)
    first = sum(tally.rss_mb[:third]) / third
    last = sum(tally.rss_mb[-third:]) / third
    change = f"{(last / first - 1) * 100:+.1f} %"
    headers = ["server RSS (MB)", "samples", "first third", "last third", "change", "max"]
    overall = table(headers, [["", len(tally.rss_mb), first, last, change, max(tally.rss_mb)]])
    size = max(1, len(tally.rss_mb) // 10)
    tenths = [tally.rss_mb[i : i + size] for i in range(0, size * 10, size) if tally.rss_mb[i : i + size]]
    by_tenth = table([f"{n + 1}/10" for n in range(len(tenths))], [[sum(t) / len(t) for t in tenths]])
    return f"{overall}\n\nRSS (MB) by tenth of the run:\n\n{by_tenth}"


def held_table(tally: Tally, run_info: dict[str, Any]) -> str:
    keys = list(run_info["baseline"])
    peak = [max(load[key] for load in tally.load) for key in keys]
    after = [run_info["after"][key] for key in keys]
    closed = f"{run_info['drained_s']:.1f} s after the last page closed"
    rows = [["before", *run_info["baseline"].values()], ["peak", *peak], [closed, *after]]
    return table(["server holds", *keys], rows)


def report(args: argparse.Namespace, tally: Tally, run_info: dict[str, Any], load_before: float) -> None:
    jobs_in = "worker processes" if args.processes else "threads"
    print(f"catalog: {args.catalog}; jobs in {jobs_in} (2); {args.pages} pages + {args.clients} HTTP")
    print(f"clients for {args.duration:g} s; 1-min load average {load_before:.1f} before, ", end="")
    print(f"{os.getloadavg()[0]:.1f} after")
    for text in (jobs_table(tally, run_info), latency_table(tally), memory_table(tally)):
        print(f"\n{text}")
    print(f"\n{held_table(tally, run_info)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    parser.add_argument("--pages", type=int, default=10, help="browser sessions at once")
    parser.add_argument("--clients", type=int, default=4, help="HTTP clients at once")
    parser.add_argument("--catalog", type=Path, default=Settings.from_env().catalog_path)
    parser.add_argument("--processes", action="store_true", help="jobs in worker processes, not threads")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        tally, run_info = run(args, Path(tmp))
    report(args, tally, run_info, load_before)


if __name__ == "__main__":
    main()
