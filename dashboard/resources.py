"""Panel's component resources (``/components/<module>/<class>/<attribute>/<file>``), served only
from modules this server has already imported.

Panel's handler imports the module the URL names before it checks anything, and it is reached
before any login: ``/components/this/…`` printed the Zen of Python into the server's log, and any
importable module's import-time code ran for whoever reached the port (``.x`` even gave a 500).
A page only asks for the files of components it shows, whose modules are loaded by the time the
page exists; so a module not in ``sys.modules`` is a 404 and is never imported. The route is
mounted ahead of Panel's own, which it replaces (``dashboard.server``).
"""

from __future__ import annotations

import sys

from panel.io.resources import COMPONENT_PATH
from panel.io.server import ComponentResourceHandler
from tornado.web import HTTPError


class LoadedComponentResources(ComponentResourceHandler):
    """Panel's component-resource handler, for modules already loaded only."""

    def parse_url_path(self, path: str) -> str:
        module = path.split("/", 1)[0]
        if module not in sys.modules:
            raise HTTPError(404, "component module %r is not loaded; not importing it", module[:100])
        return super().parse_url_path(path)


COMPONENT_ROUTE = (f"/{COMPONENT_PATH}(.*)", LoadedComponentResources, {})
