"""Batch throughput: emails per second in one process vs a LocalCluster of 2 workers, on the
1,000-email corpus and the 50,000-part catalog; task granularity; memory per worker; where the
time of one email goes.

The machine is shared, so each configuration runs several times, interleaved with the others,
and the table shows the best and the median run; the load average is printed beside them.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from itertools import count
from pathlib import Path

from common import table

from pipeline.batch import BatchReport, Executor, InProcessExecutor, open_executor, run_batch
from pipeline.batch.batch_ledger import BatchLedger
from pipeline.catalog.store import CatalogStore
from pipeline.config import Settings
from pipeline.corpus import generate_corpus
from pipeline.customers.samples import load_sample_customers
from pipeline.events import Event
from pipeline.ledger import Ledger

EMAILS = 1000
REPEATS = 3
CHUNK_SIZES = (1, 5, 25, 100)
LEDGERS = {"Ledger (commit per event)": Ledger, "BatchLedger (held per job)": BatchLedger}
# accept + running + done, plus one commit per event, or the held history and the final event
TRANSACTIONS = {
    "Ledger (commit per event)": lambda events: 3 + events,
    "BatchLedger (held per job)": lambda _: 5,
}
_runs = count()


def load() -> str:
    return "load average " + " ".join(f"{value:.1f}" for value in os.getloadavg())


def batch(
    catalog: Path, corpus: Path, folder: Path, executor: Executor, chunk: int | None = None
) -> BatchReport:
    """One run into a fresh ledger holding the sample customers (most corpus emails are theirs)."""
    settings = Settings(folder, catalog, folder / f"run{next(_runs)}.sqlite")
    load_sample_customers(Ledger(settings.ledger_path))
    return run_batch([corpus], settings=settings, executor=executor, chunk_size=chunk)


def interleaved(
    configs: dict[str, Callable[[], BatchReport]], repeats: int = REPEATS
) -> dict[str, list[BatchReport]]:
    """Each configuration ``repeats`` times, round-robin, so a busy spell hits all of them alike."""
    runs: dict[str, list[BatchReport]] = {name: [] for name in configs}
    for _ in range(repeats):
        for name, run in configs.items():
            runs[name].append(run())
    return runs


def rates(reports: list[BatchReport]) -> tuple[float, float, float]:
    per_second = [report.summary()["emails_per_second"] for report in reports]
    return max(per_second), statistics.median(per_second), 1000 / max(per_second)


def throughput(catalog: Path, corpus: Path, folder: Path) -> None:
    started = time.perf_counter()
    with open_executor(workers=2) as cluster:
        startup = time.perf_counter() - started
        runs = interleaved(
            {
                "1 process (in-process)": lambda: batch(catalog, corpus, folder, InProcessExecutor()),
                "LocalCluster(2 workers)": lambda: batch(catalog, corpus, folder, cluster),
            }
        )
        memory = runs["LocalCluster(2 workers)"][-1].memory
    rows = [(name, len(reports), *rates(reports)) for name, reports in runs.items()]
    print(f"\n{EMAILS:,} emails, {CatalogStore(catalog).count():,}-part catalog, ledger writes included;")
    print(f"cluster start {startup:.2f} s (not included); {load()}\n")
    print(table(["where", "runs", "best emails/s", "median emails/s", "ms per email (best)"], rows))
    print("\nmemory per worker process (RSS after a run)\n")
    print(table(["worker", "RSS MB"], [(name, rss / 2**20) for name, rss in memory.items()]))
    stage_costs(runs["1 process (in-process)"][-1])


def stage_costs(report: BatchReport) -> None:
    """Median ms per stage, from the timings each order carries."""
    ledger = BatchLedger(report.ledger)
    timings = [job.result["timings_ms"] for job in ledger.latest_done()]
    rows = [(stage, statistics.median(t[stage] for t in timings)) for stage in timings[0]]
    rows.append(("all stages", statistics.median(sum(t.values()) for t in timings)))
    pipeline = statistics.median(outcome.pipeline_ms for outcome in report.processed)
    rows.append(("whole email, with the ledger and the order tables", pipeline))
    print("\nwhere one email's time goes (in-process run, medians)\n")
    print(table(["stage", "median ms"], rows))


def events_of_one_email(folder: Path) -> list[Event]:
    """A typical email's events (the median count) from the first run, as the writers' template."""
    ledger = Ledger(folder / "run0.sqlite")
    histories = sorted((ledger.events(job.job_id) for job in ledger.jobs(limit=200, status="done")), key=len)
    return histories[len(histories) // 2]


def write_jobs(kind: str, path: str, template: list[Event], jobs: int) -> float:
    """One writer process: ``jobs`` jobs with a real email's events, as the runner writes them."""
    ledger = LEDGERS[kind](path)
    started = time.perf_counter()
    for number in range(jobs):
        name = f"{os.getpid()}-{number}.txt"
        job_id = ledger.accept(name, name.encode())
        ledger.set_status(job_id, "running")
        for event in template[:-1]:
            ledger.record(replace(event, job_id=job_id))
        ledger.set_status(job_id, "done", result={"order_id": name})
        ledger.record(replace(template[-1], job_id=job_id))
    return time.perf_counter() - started


def ledger_writes(template: list[Event], folder: Path) -> None:
    """Two processes writing jobs into one ledger at once: the ledger's own capacity, no pipeline work."""
    jobs, rows = 300, []
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for repeat in range(REPEATS):
            for kind in LEDGERS:
                path = str(folder / f"writers-{kind}-{repeat}.sqlite")
                LEDGERS[kind](path)  # create the schema before the writers race to
                started = time.perf_counter()
                list(pool.map(write_jobs, [kind] * 2, [path] * 2, [template] * 2, [jobs] * 2))
                rows.append((kind, 2 * jobs / (time.perf_counter() - started)))
    best = [(kind, max(rate for name, rate in rows if name == kind)) for kind in LEDGERS]
    print(f"\nledger capacity: 2 writer processes, {len(template)} events per job; {load()}\n")
    print(
        table(
            ["ledger", "best jobs/s", "transactions per job"],
            [(k, r, TRANSACTIONS[k](len(template))) for k, r in best],
        )
    )


def granularity(catalog: Path, corpus: Path, emails: int, folder: Path) -> None:
    with open_executor(workers=2) as cluster:
        runs = interleaved(
            {
                f"{size} per task": lambda size=size: batch(catalog, corpus, folder, cluster, size)
                for size in CHUNK_SIZES
            },
            repeats=2,
        )
    rows = [
        (name, -(-emails // size), *rates(reports))
        for (name, reports), size in zip(runs.items(), CHUNK_SIZES, strict=True)
    ]
    print(f"\ntask granularity on LocalCluster(2 workers), {emails} emails; {load()}\n")
    print(
        table(["emails per task", "tasks", "best emails/s", "median emails/s", "ms per email (best)"], rows)
    )


def main() -> None:
    catalog = Settings.from_env().catalog_path
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = generate_corpus(catalog, folder / "corpus", EMAILS).folder
        half = generate_corpus(catalog, folder / "half", EMAILS // 2).folder  # its first 500 emails
        throughput(catalog, corpus, folder)
        ledger_writes(events_of_one_email(folder), folder)
        granularity(catalog, half, EMAILS // 2, folder)


if __name__ == "__main__":  # Dask starts workers by spawning: they re-import this file
    main()
