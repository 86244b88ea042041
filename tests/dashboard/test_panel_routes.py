"""Panel's own routes on a served dashboard, asked without credentials (issue 14, item 7): a
component-resource URL never makes the server import a module by name, and ``/app/autoload.js``
answers 401 without a traceback in the server's log."""

from __future__ import annotations

import http.client
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.access import hash_password
from tests.ui.harness import ROOT, DeskServer

CANARY = "od_probe_canary"  # a module on the server's path that leaves a file when imported
BOOTSTRAP_CSS = "/components/panel.template.bootstrap/BootstrapTemplate/_css/bootstrap.css"
NOT_LOADED = [
    f"/components/{CANARY}/Widget/_css/x.css",
    "/components/this/Zen/__css__/zen.css",  # the standard library's `this` prints on import
    "/components/antigravity/x.js",  # opens a web browser on import (Panel found the URL too short)
    "/components/.relative/Widget/_css/x.css",  # not even a module name: it used to be a 500
]


@pytest.fixture(scope="module")
def servers(
    small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, DeskServer]]:
    """A served dashboard with login off and one with login on, each with the canary on its path."""
    started: dict[str, DeskServer] = {}
    try:
        for login in ("login off", "login on"):
            folder = tmp_path_factory.mktemp("routes")
            (folder / f"{CANARY}.py").write_text(f"open({str(folder / 'imported')!r}, 'w').close()\n")
            env = {"PYTHONPATH": os.pathsep.join([str(ROOT), str(folder)])}
            if login == "login on":
                (folder / "users").write_text(f"ann:{hash_password('Ann-' + secrets.token_hex(6))}\n")
                env |= {"ORDERDESK_USERS_FILE": str(folder / "users")}
                env |= {"ORDERDESK_COOKIE_SECRET": secrets.token_hex(32)}
            ledger, log = folder / "ledger.sqlite", folder / "server.log"
            started[login] = DeskServer(small_catalog_path, ledger, log, env=env).start()
        yield started
    finally:
        for server in started.values():
            server.stop()


def get(server: DeskServer, path: str) -> int:
    """The status of ``GET path`` with no credentials and no redirect followed."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.parametrize("login", ["login off", "login on"])
def test_a_component_url_never_imports_a_module(servers: dict[str, DeskServer], login: str) -> None:
    server = servers[login]
    assert [get(server, path) for path in NOT_LOADED] == [404] * len(NOT_LOADED)
    assert not (server.log_path.parent / "imported").exists()
    log = server.log()
    assert "Beautiful is better than ugly" not in log and "Traceback" not in log
    assert get(server, BOOTSTRAP_CSS) == 200  # a loaded component's listed file is still served


def test_autoload_js_without_login_is_a_401_and_no_traceback(servers: dict[str, DeskServer]) -> None:
    server = servers["login on"]  # with login off the script is served to anyone on loopback
    query = "bokeh-autoload-element=x&bokeh-app-path=/app&bokeh-absolute-url=http://127.0.0.1"
    assert get(server, f"/app/autoload.js?{query}") == 401
    assert get(server, "/app") == 302  # a page still sends the browser to the login form
    assert "Traceback" not in server.log()
