"""``catalog build|import|stats``: parse arguments, call ``pipeline.catalog``, print the outcome."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipeline.catalog.generator import DEFAULT_PARTS, DEFAULT_SEED, build_catalog
from pipeline.catalog.importer import ImportReport, import_csv
from pipeline.catalog.stats import CatalogStats, catalog_stats
from pipeline.config import Settings


def _positive(text: str) -> int:
    value = int(text.replace(",", "").replace("_", ""))
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of parts, not {text}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("catalog", help="build, import or describe the parts catalog")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    build = actions.add_parser("build", help="generate the deterministic parts catalog")
    build.add_argument(
        "--parts", type=_positive, default=DEFAULT_PARTS, help="number of parts (default 50,000)"
    )
    build.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default 42)")
    build.add_argument(
        "--out", type=Path, help="catalog file (default: $ORDERDESK_CATALOG or data/catalog.duckdb)"
    )
    build.add_argument("--parquet", type=Path, help="also export the parts table to this Parquet file")
    build.set_defaults(func=_build)

    load = actions.add_parser("import", help="load a foreign parts CSV, reporting the rows it rejects")
    load.add_argument("csv", type=Path, help="the CSV export to import")
    load.add_argument("--out", type=Path, help="catalog file to write (default: data/<csv name>.duckdb)")
    load.add_argument("--rejects", type=Path, help="write every rejected row and its reasons to this CSV")
    load.set_defaults(func=_import)

    stats = actions.add_parser("stats", help="count the catalog's parts by family and form")
    stats.add_argument("--catalog", type=Path, help="catalog file (default: $ORDERDESK_CATALOG)")
    stats.set_defaults(func=_stats)


def _build(args: argparse.Namespace) -> int:
    out = args.out or Settings.from_env().catalog_path
    started = time.perf_counter()
    stats = build_catalog(out, n=args.parts, seed=args.seed, parquet=args.parquet)
    seconds = time.perf_counter() - started
    size = f"{out.stat().st_size / 1e6:.1f} MB"
    also = f" and {args.parquet}" if args.parquet else ""
    print(f"built {stats.total:,} parts (seed {args.seed}) in {seconds:.1f} s -> {out} ({size}){also}")
    return 0


def _print_rejects(report: ImportReport, rejects: Path | None) -> None:
    print("rejected rows by reason:")
    for code, count in report.by_reason().items():
        print(f"  {code:<24} {count:>6,}")
    if rejects:
        report.write_rejects(rejects)
        print(f"every rejected row and its reasons: {rejects}")
        return
    for row in report.rejected:
        print(f"  line {row.line:<6} {row.part_number:<36} {row.reason}")


def _import(args: argparse.Namespace) -> int:
    out = args.out or Settings.from_env().data_dir / f"{args.csv.stem}.duckdb"
    report = import_csv(args.csv, out)
    print(
        f"imported {report.loaded:,} of {report.rows:,} rows from {args.csv} -> {out}; "
        f"rejected {len(report.rejected):,}"
    )
    if report.rejected:
        _print_rejects(report, args.rejects)
    for note in report.notes:
        print(f"note: {note}")
    return 0


def _print_counts(title: str, counts: dict[str, int], total: int) -> None:
    width = max(len(title), *(len(name) for name in counts))
    print(f"{title:<{width}}  {'parts':>9}  {'share':>6}")
    for name, count in counts.items():
        print(f"{name:<{width}}  {count:>9,}  {count / total:>6.1%}")
    print()


def _print_stats(stats: CatalogStats) -> None:
    made = ", ".join(f"{key} {value}" for key, value in stats.info.items())
    print(f"{stats.path}: {stats.total:,} parts" + (f" ({made})" if made else ""))
    print(f"unit price ${stats.price_min:,.2f} to ${stats.price_max:,.2f}\n")
    _print_counts("family", stats.by_family, stats.total)
    _print_counts("form", stats.by_form, stats.total)


def _stats(args: argparse.Namespace) -> int:
    _print_stats(catalog_stats(args.catalog or Settings.from_env().catalog_path))
    return 0
