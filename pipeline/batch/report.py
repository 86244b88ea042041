"""A batch's summary and report: counts, failures with reasons, touchless rate, speed; JSON or CSV."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from pipeline.batch.outcome import Outcome
from pipeline.batch.report_files import write_rows
from pipeline.touchless import is_touchless, touchless_rate


@dataclass
class BatchReport:
    outcomes: list[Outcome]
    seconds: float  # wall-clock time of the processing, from first task to last result
    where: str  # "in-process", "LocalCluster of 2 workers", "Dask cluster at tcp://…"
    workers: int
    chunk_size: int
    started_at: str
    ledger: str  # the ledger file the batch wrote to
    memory: dict[str, int] = field(default_factory=dict)  # resident bytes per worker process

    def _with(self, status: str) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def processed(self) -> list[Outcome]:
        return self._with("done")

    @property
    def failed(self) -> list[Outcome]:
        return self._with("failed")

    @property
    def skipped(self) -> list[Outcome]:
        return self._with("skipped")

    def summary(self) -> dict[str, Any]:
        """The figures operations look at first."""
        done = self.processed
        ran = len(done) + sum(1 for outcome in self.failed if outcome.job_id)
        touchless = sum(is_touchless(outcome.review_status) for outcome in done)
        return {
            "inputs": len(self.outcomes),
            "processed": len(done),
            "skipped": len(self.skipped),
            "failed": len(self.failed),
            "touchless_pct": round(100 * touchless_rate(touchless, len(done)), 1),
            "seconds": round(self.seconds, 3),
            "ms_per_email": round(1000 * self.seconds / ran, 2) if ran else 0.0,
            "median_pipeline_ms": round(statistics.median(o.pipeline_ms for o in done), 2) if done else 0.0,
            "emails_per_second": round(ran / self.seconds, 1) if self.seconds and ran else 0.0,
            "where": self.where,
            "workers": self.workers,
            "chunk_size": self.chunk_size,
            "started_at": self.started_at,
            "ledger": self.ledger,
            "skipped_because": dict(Counter(outcome.reason for outcome in self.skipped)),
            "failures": [{"name": o.name, "reason": o.reason} for o in self.failed],
            "worker_rss_mb": {name: round(rss / 2**20, 1) for name, rss in self.memory.items()},
        }

    def write(self, path: str | Path) -> Path:
        """``.json``: summary and one object per input; ``.csv``: one row per input."""
        rows = [asdict(outcome) for outcome in self.outcomes]
        return write_rows(path, rows, [f.name for f in fields(Outcome)], self.summary(), key="files")

    def text(self) -> str:
        """The summary as a few lines for a terminal."""
        s = self.summary()
        lines = [
            f"batch: {s['inputs']:,} inputs in {s['seconds']:.1f} s — {s['where']},"
            f" chunks of {s['chunk_size']}",
            f"  processed {s['processed']:>7,}   {s['emails_per_second']:,.1f} emails/s,"
            f" {s['ms_per_email']:.1f} ms per email"
            f" (median {s['median_pipeline_ms']:.1f} ms in the pipeline)",
            f"  skipped   {s['skipped']:>7,}"
            + "".join(f"\n    {count:,} {reason}" for reason, count in s["skipped_because"].items()),
            f"  failed    {s['failed']:>7,}",
            f"  touchless {s['touchless_pct']:>6.1f} %",
        ]
        if s["worker_rss_mb"]:
            lines.append("  memory    " + ", ".join(f"{mb:.0f} MB" for mb in s["worker_rss_mb"].values()))
        lines += [f"failed: {failure['name']}: {failure['reason']}" for failure in s["failures"]]
        return "\n".join(lines)
