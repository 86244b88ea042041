"""Where orders come in: uploaded files, a pasted email, or one of the bundled samples.

Process only hands the inputs to the store (which accepts them into the ledger and queues them);
nothing runs in this callback, so the page stays responsive however long a job takes.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.store import DeskStore
from pipeline.errors import OrderDeskError

log = logging.getLogger(__name__)

PASTED_NAME = "pasted-email.txt"


def notify(kind: str, message: str) -> None:
    """A toast in a served page; a log line where there is no notification area (plain Python)."""
    if pn.state.notifications is not None:
        getattr(pn.state.notifications, kind)(message, duration=6000)
    else:
        log.warning("%s: %s", kind, message)


def sample_files(folder: Path | None) -> dict[str, Path]:
    """The ``*.txt`` samples in ``folder`` by name (none if the folder is missing)."""
    if folder is None or not folder.is_dir():
        return {}
    return {path.name: path for path in sorted(folder.glob("*.txt"))}


class InputPanel(Viewer):
    """Upload .txt/.eml files, paste an email, or pick a sample; Process starts one job per input."""

    store = param.ClassSelector(class_=DeskStore, doc="The session's state; receives the new jobs.")
    samples_dir = param.ClassSelector(
        class_=Path, default=None, allow_None=True, doc="Folder of sample emails offered in the picker."
    )

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self._paste_name = PASTED_NAME
        self.files = pn.widgets.FileInput(accept=".txt,.eml", multiple=True, sizing_mode="stretch_width")
        self._samples_by_name = sample_files(self.samples_dir)
        self.sample = pn.widgets.Select(
            label="Sample email", options=["", *self._samples_by_name], sizing_mode="stretch_width"
        )
        self.sample.param.watch(self._load_sample, "value")
        self.text = pn.widgets.TextAreaInput(
            label="…or paste an email",
            placeholder="From: buyer@example.com\nSubject: PO 1234\n\n10 pcs 304 sheet 0.125 x 48 x 96",
            height=220,
            sizing_mode="stretch_width",
        )
        self.process = pn.widgets.Button(label="Process", color="primary", sizing_mode="stretch_width")
        self.process.on_click(self._on_process)

    def _load_sample(self, event: param.parameterized.Event) -> None:
        path = self._samples_by_name.get(event.new)
        if path is not None:
            self.text.value = path.read_text(encoding="utf-8", errors="replace")
            self._paste_name = path.name

    def inputs(self) -> list[tuple[str, bytes]]:
        """What Process would submit: every uploaded file, then the pasted text if any."""
        names, values = self.files.filename or [], self.files.value or []
        if isinstance(values, bytes):  # FileInput(multiple=False) gives one file, not a list
            names, values = [names], [values]
        found = list(zip(names, values, strict=True))
        if self.text.value.strip():
            found.append((self._paste_name, self.text.value.encode("utf-8")))
        return found

    def _on_process(self, _: param.parameterized.Event) -> None:
        found = self.inputs()
        if not found:
            notify("warning", "Choose a file, pick a sample or paste an email first.")
            return
        for filename, data in found:
            try:
                self.store.submit(filename, data)
            except OrderDeskError as error:
                notify("error", str(error))
        self.files.clear()  # the browser's selection; the next line is the server's copy
        self.files.param.update(value=None, filename=None, mime_type=None)
        self.text.value = ""
        self.sample.value = ""
        self._paste_name = PASTED_NAME

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(
            "### New order",
            self.files,
            self.sample,
            self.text,
            self.process,
            sizing_mode="stretch_width",
        )
