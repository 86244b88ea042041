"""Options the batch-style commands share: where tasks run, which stored inputs, where reports go."""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime
from pathlib import Path

from pipeline.config import Settings


def since_date(text: str) -> datetime:
    """``2024-06-01`` or an ISO timestamp; a date or time without a zone means UTC."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-06-01") from error
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def add_cluster_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--since",
        type=since_date,
        metavar="DATE",
        help="also take the emails stored in the ledger since DATE (UTC), e.g. 2024-06-01",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 2,
        metavar="N",
        help="LocalCluster worker processes (default: one per core); 0 runs in this process",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on an existing Dask cluster, e.g. tcp://host:8786 (workers must see the same files)",
    )
    parser.add_argument(
        "--report",
        action="append",
        type=Path,
        metavar="PATH",
        help="write the report to PATH (.json or .csv; repeat for both);"
        " default: both, under $ORDERDESK_DATA_DIR/reports/",
    )


def report_paths(requested: list[Path] | None, settings: Settings, kind: str) -> list[Path]:
    """The paths asked for, or a timestamped JSON and CSV pair in the data folder's reports/."""
    if requested:
        return requested
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    base = settings.data_dir / "reports" / f"{kind}-{stamp}"
    return [base.with_suffix(".json"), base.with_suffix(".csv")]
