"""The served dashboard's HTTP API under hostile uploads, query parameters, ids and decisions
(login off, the default): every answer is below 500 and strict JSON, the server logs no traceback,
and afterwards the ledger is sound and a bystander order is still listed and exported."""

from __future__ import annotations

import http.client
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.probe import hostile
from tests.probe.checks import (
    LogWatch,
    approved_bystander,
    assert_desk_intact,
    assert_no_traceback,
    strict_json,
)
from tests.ui.harness import DeskServer

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
PROBE = settings(
    max_examples=hostile.EXAMPLES,
    deadline=None,  # a request waits on a server that is processing the uploads before it
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
JOBS_TIMEOUT_S = 180
ROUTES = {  # "done" is a finished job, so a valid wait answers at once
    "list": "/api/jobs?limit={value}",
    "events of a job": "/api/jobs/{done}/events?after={value}&wait={other}",
    "job by id": "/api/jobs/{job_id}",
    "events by id": "/api/jobs/{job_id}/events?after={value}",
    "status page": "/jobs/{job_id}",
    "health": "/api/health?{value}={other}",
}


@dataclass
class Probed:
    """A served dashboard on its own ledger, with an approved bystander order and a finished job."""

    server: DeskServer
    env: dict[str, str]  # the command line's view of the same ledger, catalog and outbox
    bystander: str
    job_id: str
    watch: LogWatch

    def ask(self, method: str, path: str, body: bytes | None = None, headers: Any = None) -> tuple[int, Any]:
        """One request's status and parsed JSON body, after checking it is below 500, strict JSON (or
        the HTML status page) and left no traceback in the log."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            status, kind, raw = response.status, response.getheader("Content-Type") or "", response.read()
        finally:
            connection.close()
        assert status < 500, (method, path, status, raw[:500])
        assert_no_traceback(self.watch.new(), "the server log")
        return status, strict_json(raw) if kind.startswith("application/json") else raw

    def settle(self) -> None:
        """Wait until the server has run every job it accepted, then check the log and the desk."""
        deadline = time.monotonic() + JOBS_TIMEOUT_S
        while any(
            job["status"] in ("queued", "running")
            for job in self.ask("GET", "/api/jobs?limit=500")[1]["jobs"]
        ):
            assert time.monotonic() < deadline, "jobs still running"
            time.sleep(0.2)  # polling the ledger's job list, not a timing assumption
        assert_no_traceback(self.watch.new(), "the server log")
        assert_desk_intact(
            self.env, self.server.ledger, self.bystander, Path(self.env["ORDERDESK_DATA_DIR"]) / "outbox"
        )


@pytest.fixture(scope="module")
def probed(small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Probed]:
    folder = tmp_path_factory.mktemp("probe")
    ledger = folder / "ledger.sqlite"
    env = {"ORDERDESK_CATALOG": str(small_catalog_path), "ORDERDESK_LEDGER": str(ledger)}
    env |= {"ORDERDESK_DATA_DIR": str(folder)}
    bystander = approved_bystander(env, SAMPLES / "sample_order_1.txt")
    server = DeskServer(small_catalog_path, ledger, folder / "server.log", env=env).start()
    try:
        with sqlite3.connect(ledger) as connection:
            [(job_id,)] = connection.execute("SELECT job_id FROM jobs").fetchall()
        yield Probed(server, env, bystander, job_id, LogWatch(server.log_path))
    finally:
        server.stop()


def test_hostile_uploads(probed: Probed) -> None:
    @PROBE
    @given(hostile.multipart_bodies())
    def upload(upload: tuple[bytes, bytes]) -> None:
        kind, body = upload
        _, answer = probed.ask("POST", "/api/jobs", body, {"Content-Type": kind})
        assert "jobs" in answer or "error" in answer, answer

    upload()
    probed.settle()


def test_hostile_query_parameters_and_ids(probed: Probed) -> None:
    @PROBE
    @given(hostile.query_values(), hostile.query_values(), hostile.path_ids(), st.sampled_from(list(ROUTES)))
    def query(value: str, other: str, job_id: str, route: str) -> None:
        path = ROUTES[route].format(value=value, other=other, job_id=job_id, done=probed.job_id)
        probed.ask("GET", path)

    query()
    probed.ask("POST", f"/api/jobs/{probed.job_id}/retry")  # a done job: 409, not a rerun
    probed.settle()


def test_hostile_order_decisions(probed: Probed) -> None:
    orders = [order_id for order_id in _order_ids(probed) if order_id != probed.bystander]

    @PROBE
    @given(
        st.one_of(st.sampled_from(orders or ["OD-NONE"]), hostile.path_ids()),
        st.sampled_from(["approve", "export"]),
        hostile.decision_bodies(),
    )
    def decide(order_id: str, verb: str, body: bytes) -> None:
        _, answer = probed.ask(
            "POST", f"/api/orders/{order_id}/{verb}", body, {"Content-Type": "application/json"}
        )
        assert "error" in answer or answer.get("order_id") == order_id, answer

    decide()
    probed.settle()


def _order_ids(probed: Probed) -> list[str]:
    """Orders to decide on: the samples uploaded over HTTP and processed (not the bystander)."""
    names = ["sample_order_2.txt", "sample_order_3.txt", "test_minimal.txt", "chain_email_thread.txt"]
    files = [(name, (SAMPLES / name).read_bytes()) for name in names]
    body = (
        b"".join(hostile.part(b"odprobe", name.encode(), data) for name, data in files) + b"--odprobe--\r\n"
    )
    _, answer = probed.ask(
        "POST", "/api/jobs", body, {"Content-Type": "multipart/form-data; boundary=odprobe"}
    )
    probed.settle()
    jobs = [probed.ask("GET", job["links"]["self"])[1] for job in answer["jobs"]]
    return [job["order"]["order_id"] for job in jobs if job.get("order")]
