"""The Order Desk process page: ``panel serve dashboard/app.py`` (from the repository root).

``python -m dashboard serve`` (``make serve``) serves every page plus the HTTP API; this script
keeps the plain ``panel serve`` command working for the process page alone (add
``--plugins dashboard.api`` for the API). Importing it builds nothing.
"""

from __future__ import annotations

import panel as pn

from dashboard.pages import process_page

if pn.state.served:
    process_page().servable()
