"""`make notebooks`: JupyterLab serves notebooks/ and its kernel runs a notebook with this environment.

The server is started by ``make notebooks`` itself (headless, on a free port), and a notebook's
first cell is sent through the server's REST API and kernel WebSocket, as the browser sends it.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jupyter_client.jsonutil import json_default
from jupyter_client.session import Session
from tornado.websocket import websocket_connect

from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "02_explore_the_catalog.ipynb"
START_TIMEOUT_S = 60
CELL_TIMEOUT_S = 120

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class LabServer:
    base: str
    token: str

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            f"{self.base}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    home = tmp_path_factory.mktemp("jupyter")
    port, token = free_port(), secrets.token_hex(16)
    env = os.environ | {
        "JUPYTER_CONFIG_DIR": str(home / "config"),  # nobody's own settings leak in
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    lab_args = f"--no-browser --ServerApp.port={port} --IdentityProvider.token={token}"
    command = ["make", "--no-print-directory", "notebooks", f"VENV={sys.prefix}", f"LAB_ARGS={lab_args}"]
    with (home / "lab.log").open("wb") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = LabServer(f"http://127.0.0.1:{port}", token)
    try:
        _wait_until_serving(server, process, home / "lab.log")
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # make and the JupyterLab it started
        process.wait(timeout=30)


def _wait_until_serving(server: LabServer, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab exited with {process.returncode}:\n{log.read_text()}")
        try:
            server.call("GET", "/api/status")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)  # polling interval while the server starts
    raise RuntimeError(f"jupyter lab did not answer within {START_TIMEOUT_S} s:\n{log.read_text()}")


async def _execute(server: LabServer, kernel_id: str, code: str) -> tuple[dict[str, Any], list[str]]:
    """Run ``code`` on the kernel over its WebSocket; the execute reply's content and the stdout."""
    url = f"ws{server.base.removeprefix('http')}/api/kernels/{kernel_id}/channels?token={server.token}"
    socket = await websocket_connect(url)
    try:
        request = Session(username="test").msg("execute_request", {"code": code, "silent": False})
        request["channel"] = "shell"
        await socket.write_message(json.dumps(request, default=json_default))
        reply: dict[str, Any] | None = None
        stdout: list[str] = []
        idle = False
        while reply is None or not idle:
            message = json.loads(await asyncio.wait_for(socket.read_message(), CELL_TIMEOUT_S))
            if message["parent_header"].get("msg_id") != request["header"]["msg_id"]:
                continue
            if message["msg_type"] == "execute_reply":
                reply = message["content"]
            elif message["msg_type"] == "stream" and message["content"]["name"] == "stdout":
                stdout.append(message["content"]["text"])
            elif message["msg_type"] == "status":
                idle = message["content"]["execution_state"] == "idle"
    finally:
        socket.close()
        # the close handshake ends when the server answers; until then the TCP stream is open, and
        # a loop torn down before it leaves an unclosed socket for a later test's garbage collection
        while await asyncio.wait_for(socket.read_message(), CELL_TIMEOUT_S) is not None:
            pass
    return reply, stdout


def test_jupyterlab_runs_a_notebooks_first_cell_with_the_projects_environment(lab: LabServer) -> None:
    page = urllib.request.Request(f"{lab.base}/lab", headers={"Authorization": f"token {lab.token}"})
    with urllib.request.urlopen(page, timeout=30) as response:
        assert "JupyterLab" in response.read().decode()
    # Panel's lab extension (@pyviz/jupyterlab_pyviz): the components are live in the notebook
    extensions = [extension["name"] for extension in lab.call("GET", "/lab/api/extensions")]
    assert any("jupyterlab-pyviz" in name.replace("_", "-") for name in extensions), extensions
    listed = [item["name"] for item in lab.call("GET", "/api/contents/")["content"]]
    assert NOTEBOOK in listed
    notebook = lab.call("GET", f"/api/contents/{NOTEBOOK}")["content"]
    first_cell = next(cell["source"] for cell in notebook["cells"] if cell["cell_type"] == "code")
    assert "assert catalog.count() == 50_000" in first_cell
    session = lab.call(
        "POST", "/api/sessions", {"path": NOTEBOOK, "type": "notebook", "kernel": {"name": "python3"}}
    )
    kernel_id = session["kernel"]["id"]
    try:
        reply, _ = asyncio.run(_execute(lab, kernel_id, first_cell))
        assert reply["status"] == "ok", reply
        reply, stdout = asyncio.run(
            _execute(lab, kernel_id, "import sys; print(sys.prefix, catalog.count())")
        )
        assert reply["status"] == "ok", reply
        assert "".join(stdout).split() == [sys.prefix, "50000"]
    finally:
        lab.call("DELETE", f"/api/sessions/{session['id']}")
