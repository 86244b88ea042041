"""The Panel and Bokeh internals ``dashboard.panel_private`` relies on are still there and still mean
what they meant: a Panel upgrade that changes one fails here, by name, not in a browser."""

from __future__ import annotations

import asyncio
import inspect

import panel as pn
from bokeh.application import Application
from bokeh.application.handlers.function import FunctionHandler
from bokeh.document import Document
from bokeh.server.server import Server
from panel.pane.base import Pane
from panel.reactive import Syncable
from tornado.httpclient import AsyncHTTPClient
from tornado.ioloop import IOLoop

from dashboard.components import panes, widgets
from dashboard.panel_private import PANEL_CHECKED, server_loop


def test_panel_is_the_version_the_private_uses_were_checked_against() -> None:
    assert pn.__version__ == PANEL_CHECKED, (
        f"Panel {pn.__version__} is installed, dashboard/panel_private.py was checked against "
        f"{PANEL_CHECKED}: check its three uses (and whether a supported API now does each), run "
        "tests/dashboard, then update PANEL_CHECKED"
    )


def test_panel_still_reads_priority_changes_from_the_class() -> None:
    assert Syncable._priority_changes == []
    assert "self._priority_changes" in inspect.getsource(Syncable)
    assert widgets.SearchInput._priority_changes == ["value", "value_input"]
    assert pn.widgets.TextInput._priority_changes == [], "marking our widget changed Panel's own"


def test_panel_still_updates_a_pane_model_through_update_ref_model() -> None:
    assert list(inspect.signature(Pane._update).parameters) == ["self", "ref", "model"]
    assert "self._update(ref, " in inspect.getsource(Pane._update_object)
    assert panes.HTML._update is not pn.pane.HTML._update


def test_outside_a_server_there_is_no_loop() -> None:
    assert server_loop(None) is None
    assert server_loop(Document()) is None


def test_a_served_session_finds_the_loop_that_serves_it() -> None:
    found: list[IOLoop | None] = []

    async def serve_one_session() -> IOLoop:
        app = Application(FunctionHandler(lambda doc: found.append(server_loop(doc))))
        server = Server({"/app": app}, port=0, address="127.0.0.1", io_loop=IOLoop.current())
        server.start()
        try:
            response = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{server.port}/app")
            assert response.code == 200
            return IOLoop.current()
        finally:
            server.stop()

    loop = asyncio.run(serve_one_session())
    assert found == [loop]
