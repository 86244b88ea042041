"""Screenshots of every dashboard page at 1440 x 900 in Chromium, into ``docs/screenshots/``.

The server runs on the given catalog with a fresh ledger that the samples in ``data/samples``
are processed into, then the first sample again (its customer's second order, opened in review
beside the first), so every page has orders to show. Prints, per page, the important columns
that would need sideways scrolling (none, when the pages are right).
Usage: ``python benchmarks/screenshots.py [--catalog data/catalog.duckdb] [--out docs/screenshots]``.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.ui.api_client import follow, post_files, processed_orders
from tests.ui.emails import SAMPLES, tagged_copy
from tests.ui.harness import ROOT, DeskServer, launch_chromium
from tests.ui.screens import VIEWPORT, screens, shoot


def read_again(sample: Path, folder: Path) -> tuple[str, bytes]:
    """``sample`` sent again (new bytes: a tag in its subject)."""
    copy = tagged_copy(sample, folder, tag="again")
    return copy.name, copy.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, default=ROOT / "data" / "catalog.duckdb")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        server = DeskServer(args.catalog, folder / "ledger.sqlite", folder / "server.log").start()
        try:
            samples = sorted(SAMPLES.glob("*.txt"))
            status, answer = post_files(server, [(path.name, path.read_bytes()) for path in samples])
            assert status == 201, answer
            job_ids = [job["job_id"] for job in answer["jobs"]]
            for job_id in job_ids:
                follow(server, job_id)
            (order_id,) = processed_orders(server, [read_again(samples[0], folder)])
            with sync_playwright() as driver:
                browser = launch_chromium(driver)
                context = browser.new_context(viewport=VIEWPORT)
                for screen in screens(job_ids[0], order_id):
                    missing = shoot(context, server.base, screen, args.out)
                    print(f"{screen.name:<8} {screen.name}.png  off screen: {missing or 'none'}")
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
