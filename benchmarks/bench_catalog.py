"""Catalog build figures: 50k, 250k and 1M parts, each built in a fresh process.

A fresh process per size keeps the peak RSS honest (ru_maxrss only ever grows) and matches how
``python -m pipeline catalog build`` runs. Prints a markdown table; nothing is asserted.
Usage: ``python benchmarks/bench_catalog.py [N ...]``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.catalog.generator import generate_parts
from pipeline.catalog.writer import write_parts

SIZES = (50_000, 250_000, 1_000_000)
SEED = 42


def build_once(parts: int, folder: Path) -> dict[str, float]:
    """Generate and write one catalog in this process; return its figures."""
    path = folder / f"catalog_{parts}.duckdb"
    started = time.perf_counter()
    frame = generate_parts(parts, SEED)
    generated = time.perf_counter()
    write_parts(frame, path, {"source": "benchmark", "seed": str(SEED), "parts": str(parts)})
    written = time.perf_counter()
    return {
        "parts": parts,
        "seconds": written - started,
        "generate": generated - started,
        "write": written - generated,
        "file_mb": path.stat().st_size / 1e6,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # KiB on Linux
    }


def measure(parts: int) -> dict[str, float]:
    """Run ``build_once`` in a child process and read its JSON line."""
    with tempfile.TemporaryDirectory() as folder:
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(parts), folder],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(child.stdout)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(build_once(int(argv[1]), Path(argv[2]))))
        return
    sizes = [int(arg.replace(",", "").replace("_", "")) for arg in argv] or list(SIZES)
    print(f"catalog build (generate + DuckDB write), seed {SEED}, one fresh process per size\n")
    print("| parts | seconds | generate s | write s | rows/s | file MB | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for parts in sizes:
        row = measure(parts)
        print(
            f"| {parts:,} | {row['seconds']:.2f} | {row['generate']:.2f} | {row['write']:.2f} "
            f"| {parts / row['seconds']:,.0f} | {row['file_mb']:.1f} | {row['peak_rss_mb']:,.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
