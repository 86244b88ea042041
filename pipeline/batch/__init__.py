"""Batch reprocessing: thousands of emails through the same pipeline and ledger, on Dask.

``run_batch`` processes files, folders, globs or stored inputs and returns a ``BatchReport``;
``open_executor`` chooses where tasks run (this process, a LocalCluster, an existing cluster);
``rematch`` re-runs matching on stored orders against another catalog and reports what changed.
"""

from pipeline.batch.executors import DaskExecutor, Executor, InProcessExecutor, open_executor
from pipeline.batch.outcome import Outcome
from pipeline.batch.report import BatchReport
from pipeline.batch.run import run_batch

__all__ = [
    "BatchReport",
    "DaskExecutor",
    "Executor",
    "InProcessExecutor",
    "Outcome",
    "open_executor",
    "run_batch",
]
