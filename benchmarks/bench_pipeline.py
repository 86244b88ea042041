"""End-to-end figures: ``process`` per sample email (in-process) and ``match`` per request line."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import summary, table, timed_ms

from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.customers.samples import load_sample_customers
from pipeline.ledger import Ledger
from pipeline.match import match_line
from pipeline.match.reading import read_line
from pipeline.runner import Runner

SAMPLES = Path("data/samples")
REQUESTS = [
    '1-1/2" 1018 round bar x 12 ft',
    "10 sheets 304 stainless 0.125 x 48 x 96",
    '6 pcs 316L seamless tube 2.5" OD x .065 wall x 48"',
    "4 pcs 6061-T6 plate 1/2 x 12 x 24",
    '2" A500 square tube 1/8 wall x 20 ft',
    '1" hex C360 brass x 12 ft',
    "Grade 5 titanium round bar 1.5 dia x 24",
    "Inconel 625 sheet .125 x 36 x 96",
]


def main() -> None:
    store = CatalogStore(Settings.from_env().catalog_path)
    with tempfile.TemporaryDirectory() as tmp:
        runner = Runner(catalog=store, ledger=Ledger(Path(tmp) / "ledger.sqlite"))
        load_sample_customers(runner.ledger)  # the samples' senders, as `make serve` loads them
        rows = []
        per_email = []
        for path in sorted(SAMPLES.glob("*.txt")):
            data = path.read_bytes()
            runner.process(path.name, data)  # warm-up
            # force: the same bytes again would return the stored job without running anything
            samples = timed_ms(
                lambda data=data, name=path.name: runner.process(name, data, force=True), repeat=20
            )
            per_email += samples
            rows.append((path.name, *summary(samples).values()))
        rows.append(("ALL", *summary(per_email).values()))
    print(f"`process` per email, in-process, {store.count():,} parts, ledger writes included\n")
    print(table(["email", "median ms", "p95 ms", "p99 ms", "max ms"], rows))

    items = [read_line(text) for text in REQUESTS]
    latencies = []
    for item in items:
        latencies += timed_ms(lambda item=item: match_line(store, item), repeat=50)
    print(f"\n`match` per request line, one line at a time, {len(REQUESTS)} requests x 50")
    print("(benchmarks/bench_match.py has accuracy and batched latency at 50k/250k/1M)\n")
    print(
        table(
            ["lines", "median ms", "p95 ms", "p99 ms", "max ms"],
            [(len(latencies), *summary(latencies).values())],
        )
    )


if __name__ == "__main__":
    main()
