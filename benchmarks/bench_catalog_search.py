"""The catalog page's keystroke latency in Chromium: this tree against a baseline commit, in one run.

Each server (``python -m dashboard serve`` on the 50,000-part catalog) gets the same typing:
every request of ``bench_ui.CATALOG_WORDS`` filled into the search box, timed from the input
event to the new parts and their count both on screen (``bench_ui.catalog_ms``); and, for this
tree, the server's own work for each request in this process (the page's view of the catalog:
reading and matching the request, browsing, the table's new data), no browser. The servers
take turns round by round, so a busy moment of this shared machine falls on both alike. The
baseline is the given commit's tree (``git archive``), served with this environment.
Nothing is asserted.
Usage: ``PYTHONPATH=. python benchmarks/bench_catalog_search.py [--baseline REF] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

from bench_ui import CATALOG_WORDS, catalog_ms
from common import summary, table
from playwright.sync_api import sync_playwright

from dashboard.components.catalog_explorer import CatalogExplorer
from pipeline.catalog.browse import CatalogBrowser
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from tests.ui.harness import ROOT, DeskServer, launch_chromium


def export_tree(ref: str, folder: Path) -> Path:
    """The source tree of commit ``ref`` written to ``folder``."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def server_ms(catalog: Path, rounds: int) -> list[float]:
    """The explorer's work for each typed request, in this process (after one warm-up round)."""
    store = CatalogStore(catalog)
    explorer = CatalogExplorer(browser=CatalogBrowser(store))
    times = []
    for round_ in range(rounds + 1):
        for words in CATALOG_WORDS:
            started = time.perf_counter()
            explorer.text.value_input = words
            if round_:
                times.append((time.perf_counter() - started) * 1000)
    store.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", help="a commit to measure in the same run (e.g. HEAD~1)")
    parser.add_argument("--rounds", type=int, default=8, help="typing rounds per server")
    args = parser.parse_args()
    catalog = Settings.from_env().catalog_path.resolve()  # the baseline runs in another folder
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        folder = Path(tmp)
        trees = {"this tree": ROOT}
        if args.baseline:
            name = subprocess.run(
                ["git", "rev-parse", "--short", args.baseline], cwd=ROOT, capture_output=True, text=True
            ).stdout.strip()
            trees[f"baseline {name}"] = export_tree(args.baseline, folder / "baseline")
        servers = {
            name: DeskServer(catalog, folder / f"ledger-{n}.sqlite", folder / f"server-{n}.log", root=root)
            for n, (name, root) in enumerate(trees.items())
        }
        times: dict[str, list[float]] = {name: [] for name in servers}
        browser = launch_chromium(playwright)
        try:
            for server in servers.values():
                server.start()
            for _ in range(args.rounds):
                for name, server in servers.items():
                    times[name] += catalog_ms(browser, f"{server.base}/catalog")
        finally:
            for server in servers.values():
                server.stop()
            browser.close()
    times["this tree, the server's work alone"] = server_ms(catalog, args.rounds)
    rows = []
    for name, samples in times.items():
        stats = summary(samples)
        rows.append([name, len(samples), stats["median"], stats["p95"], stats["max"]])
    print(f"catalog: {catalog}; {args.rounds} rounds of {len(CATALOG_WORDS)} requests typed; 1-min load")
    print(f"average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n")
    print(table(["server", "n", "keystroke → parts shown, median (ms)", "p95", "max"], rows))


if __name__ == "__main__":
    main()
