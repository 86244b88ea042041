"""Where batch tasks run: in this process, on a LocalCluster, or on an existing Dask cluster.

All three run the same task functions; only the place differs, so ``--scheduler tcp://host:8786``
needs no code change. On a remote cluster every worker must see the catalog and the ledger at
the same absolute paths (a shared filesystem) — the scaling plan in the README says what
replaces that when one machine is not enough.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

import psutil

from pipeline.errors import ConfigError

log = logging.getLogger(__name__)

ChunkResult = tuple[int, list[Any] | BaseException]


def process_rss() -> int:
    """Resident memory of the calling process, in bytes."""
    return psutil.Process().memory_info().rss


class Executor(Protocol):
    description: str

    @property
    def workers(self) -> int: ...

    def map(
        self, fn: Callable[..., list[Any]], chunks: Sequence[Any], **kwargs: Any
    ) -> Iterator[ChunkResult]:
        """Run ``fn(chunk, **kwargs)`` for every chunk; yield (chunk index, result or error) as each ends."""
        ...

    def memory(self) -> dict[str, int]:
        """Resident memory (bytes) of each process that runs tasks."""
        ...


class InProcessExecutor:
    """Runs chunks one after another in this process (``--workers 0``; the single-process baseline)."""

    description = "in-process"
    workers = 1

    def map(
        self, fn: Callable[..., list[Any]], chunks: Sequence[Any], **kwargs: Any
    ) -> Iterator[ChunkResult]:
        for index, chunk in enumerate(chunks):
            try:
                yield index, fn(chunk, **kwargs)
            except Exception as error:  # reported per chunk by the caller, like a failed Dask task
                yield index, error

    def memory(self) -> dict[str, int]:
        return {f"pid {os.getpid()}": process_rss()}


class DaskExecutor:
    """Runs chunks as tasks on a Dask cluster through ``client``."""

    def __init__(self, client: Any, description: str) -> None:
        self.client = client
        self.description = description

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info()["workers"]))

    def map(
        self, fn: Callable[..., list[Any]], chunks: Sequence[Any], **kwargs: Any
    ) -> Iterator[ChunkResult]:
        from distributed import as_completed

        futures = self.client.map(fn, chunks, pure=False, **kwargs)
        index = {future.key: number for number, future in enumerate(futures)}
        for future in as_completed(futures):
            try:
                yield index[future.key], future.result()
            except Exception as error:  # a task that raised, or a worker that died under it
                yield index[future.key], error
            finally:
                future.release()

    def memory(self) -> dict[str, int]:
        return dict(self.client.run(process_rss))


@contextmanager
def open_executor(workers: int = 2, scheduler: str | None = None) -> Iterator[Executor]:
    """``scheduler`` given: that cluster. ``workers`` 0: this process. Else a LocalCluster of ``workers``."""
    if scheduler is None and workers == 0:
        yield InProcessExecutor()
        return
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as error:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from error
        with client:
            yield DaskExecutor(client, f"Dask cluster at {scheduler}")
        return
    if workers < 0:
        raise ConfigError(f"--workers must be 0 (this process) or more, not {workers}")
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        # Without a dashboard the scheduler still serves health checks, on 8787 unless told
        # otherwise, and warns when another cluster on the machine holds that port.
        scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
    )
    with cluster, Client(cluster) as client:
        yield DaskExecutor(client, f"LocalCluster of {workers} worker{'s' if workers > 1 else ''}")
