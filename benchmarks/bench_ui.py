"""Dashboard latency in a real Chromium against ``python -m dashboard serve`` on the 50,000-part catalog.

Measured per server configuration, in one run:
- page load: navigation → the page's websocket open (the page is live), first visit and reload;
- upload → first card "running": the file input's change event → the first stage card showing
  running (both browser clocks);
- stage update: a stage starting or finishing on the server (the event's time stamp) → the card
  showing it in the browser (same machine, same clock);
both for one email at a time and while ten files are uploaded at once.
Targets (issue 6): first card ≤ 300 ms, stage updates ≤ 100 ms, page load ≤ 2 s. Nothing is asserted.
Usage: ``python benchmarks/bench_ui.py [--trials N]``; needs /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from common import summary, table
from playwright.sync_api import Browser, sync_playwright

from pipeline.config import Settings
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import ALL_DONE, READY_MESSAGE, DeskServer, launch_chromium, open_desk_page

CONFIGS = {"threads (2)": {"workers": 2}, "processes (2)": {"workers": 2, "processes": True}}


def page_load_ms(browser: Browser, url: str) -> tuple[float, float]:
    """Navigation → websocket open: a first visit (empty cache), then a reload of the same page."""
    context = browser.new_context()
    try:
        started = time.perf_counter()
        page = open_desk_page(context, url).page
        first = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        with page.expect_console_message(lambda message: READY_MESSAGE in message.text):
            page.reload()
        return first, (time.perf_counter() - started) * 1000
    finally:
        context.close()


def upload_and_watch(browser: Browser, url: str, files: list[Path]) -> list[dict[str, Any]]:
    """Upload ``files`` at once on a fresh page, wait for the followed job to finish; its card log."""
    context = browser.new_context()
    try:
        desk = open_desk_page(context, url)
        desk.page.locator("input[type=file]").set_input_files(files)
        desk.page.wait_for_function(ALL_DONE, timeout=120_000)
        card_log = desk.page.evaluate("window.__cardLog")
        upload_at = desk.page.evaluate("window.__marks.upload")
        return [entry | {"upload": upload_at} for entry in card_log]
    finally:
        context.close()


def first_running_ms(card_log: list[dict[str, Any]]) -> float:
    return min(entry["t"] for entry in card_log if entry["state"] == "running") - card_log[0]["upload"]


def stage_updates_ms(card_log: list[dict[str, Any]]) -> list[float]:
    return [entry["wall"] - entry["changedAt"] for entry in card_log if entry["changedAt"]]


CATALOG_WORDS = (
    "304",
    "304 sheet",
    "6061 plate",
    "316l tube",
    "brass hex",
    "1-1/2 1018 round",
    "6061 angle 2 x 2 x 1/4",
    "",
)
# Marks, after each input event, when the table's rows and the summary line first change. Panel
# renders each in its own shadow root, so the observer is attached to every shadow root as it is
# created. Tabulator rebuilds its rows in one task, so its first mutation is the new page shown.
CATALOG_SCRIPT = """
(() => {
  const marks = window.__catalog = {input: null, table: null, summary: null};
  const observer = new MutationObserver((records) => {
    if (marks.input === null) return;
    const t = performance.now();
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      if (!node) continue;
      if (marks.table === null && node.closest('.tabulator-tableholder')) marks.table = t;
      const host = node.getRootNode().host;
      if (marks.summary === null && host && host.classList.contains('od-catalog-summary')) marks.summary = t;
    }
  });
  const options = {subtree: true, childList: true, characterData: true};
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };
  document.addEventListener('input', () => {
    marks.input = performance.now(); marks.table = null; marks.summary = null;
  }, true);
})();
"""
SHOWN = "() => window.__catalog.table !== null && window.__catalog.summary !== null"
MEASUREMENTS = (
    "page load, first visit (ms)",
    "page load, reload (ms)",
    "upload → first card running (ms)",
    "stage update → page (ms)",
    "10 files: upload → first card running (ms)",
    "10 files: stage update → page (ms)",
    "catalog: words typed → parts shown (ms)",
)


def catalog_ms(browser: Browser, url: str) -> list[float]:
    """Typing each of CATALOG_WORDS into the explorer: input event → the new parts and their count
    both on screen (the later of the table's rows and the summary line changing)."""
    context = browser.new_context()
    try:
        context.add_init_script(CATALOG_SCRIPT)
        page = open_desk_page(context, url).page
        times = []
        for words in CATALOG_WORDS:
            page.get_by_placeholder("e.g. 304 sheet 0.125").fill(words)
            page.wait_for_function(SHOWN)
            times.append(page.evaluate("Math.max(__catalog.table, __catalog.summary) - __catalog.input"))
        return times
    finally:
        context.close()


def one_round(server: DeskServer, browser: Browser, trial: int, folder: Path) -> dict[str, list[float]]:
    """One trial of every measurement on ``server`` (every fifth trial adds a ten-file upload)."""
    samples = sorted(SAMPLES.glob("*.txt"))
    card_log = upload_and_watch(browser, server.url, [tagged_copy(samples[trial % len(samples)], folder)])
    first, reload = page_load_ms(browser, server.url)
    figures = {
        "page load, first visit (ms)": [first],
        "page load, reload (ms)": [reload],
        "upload → first card running (ms)": [first_running_ms(card_log)],
        "stage update → page (ms)": stage_updates_ms(card_log),
        "catalog: words typed → parts shown (ms)": catalog_ms(browser, f"{server.base}/catalog"),
    }
    if trial % 5 == 0:
        burst = upload_and_watch(
            browser, server.url, [tagged_copy(sample, folder) for sample in samples[:10]]
        )
        figures["10 files: upload → first card running (ms)"] = [first_running_ms(burst)]
        figures["10 files: stage update → page (ms)"] = stage_updates_ms(burst)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=10)
    args = parser.parse_args()
    catalog = Settings.from_env().catalog_path
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        browser = launch_chromium(playwright)
        servers = {
            name: DeskServer(catalog, folder / f"ledger-{n}.sqlite", folder / f"server-{n}.log", **config)
            for n, (name, config) in enumerate(CONFIGS.items())
        }
        figures: dict[str, dict[str, list[float]]] = {name: {m: [] for m in MEASUREMENTS} for name in servers}
        try:
            for server in servers.values():
                server.start()
            # Configurations take turns trial by trial, so a busy moment of this shared machine
            # falls on all of them alike.
            for trial in range(args.trials):
                for name, server in servers.items():
                    for measurement, samples in one_round(server, browser, trial, folder).items():
                        figures[name][measurement] += samples
        finally:
            for server in servers.values():
                server.stop()
        browser.close()
    rows = []
    for name, by_measurement in figures.items():
        for measurement, samples in by_measurement.items():
            stats = summary(samples)
            rows.append([name, measurement, len(samples), stats["median"], stats["p95"], stats["max"]])
    print(f"catalog: {catalog}; {args.trials} trials; targets: first card ≤ 300 ms, stage update ≤ 100 ms,")
    print(
        f"page load ≤ 2,000 ms; 1-min load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n"
    )
    print(table(["jobs run in", "measurement", "n", "median", "p95", "max"], rows))


if __name__ == "__main__":
    main()
