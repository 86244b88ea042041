"""A job service on the session's small real catalog and a fresh ledger per test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dashboard.jobs import JobService
from pipeline.catalog.store import CatalogStore
from pipeline.ledger import Ledger
from pipeline.runner import Runner, Stage

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
MakeService = Callable[..., JobService]


@pytest.fixture
def sample_order() -> bytes:
    return (SAMPLES / "sample_order_1.txt").read_bytes()


@pytest.fixture
def make_service(small_catalog_path: Path, tmp_path: Path) -> Iterator[MakeService]:
    """Factory: a JobService on the small catalog, optionally with other stages; closed after the test."""
    catalog = CatalogStore(small_catalog_path)
    services: list[JobService] = []

    def make(stages: tuple[Stage, ...] | None = None) -> JobService:
        runner = Runner(catalog=catalog, ledger=Ledger(tmp_path / "ledger.sqlite"), stages=stages)
        services.append(JobService(runner))
        return services[-1]

    yield make
    for service in services:
        service.close()
    catalog.close()


@pytest.fixture
def service(make_service: MakeService) -> JobService:
    return make_service()
