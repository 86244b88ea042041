"""Where orders come in: dropped or chosen files, a pasted email, or one of the bundled samples.

Files start their jobs as soon as they arrive (one job per file); pasted text and samples start
with Process. Either way the callback only hands the inputs to the store, which accepts them into
the ledger and queues them; nothing runs here, so the page stays responsive however long a job
takes.

Why ``FileInput`` and not ``FileDropper``: measured here, FileDropper's FilePond took 1.8 s to
hand the server one 2 KB file and uploads two files at a time, against a target of 300 ms from
upload to the first running card. A native file input accepts dropped files too (it is styled
as the drop zone), and sends every selected file in one message at once; the server sizes the
websocket message limit to the largest upload the ``[limits]`` settings allow
(``dashboard.server``), and files over those limits are refused here by name.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import panel as pn
import param
from panel.viewable import Viewer

from dashboard.components import widgets
from dashboard.notify import notify
from dashboard.store import DeskStore
from dashboard.uploads import received_before, received_before_text, request_too_big, within_limits
from pipeline.errors import OrderDeskError
from pipeline.events import utc_now
from pipeline.ingest import READERS

PASTED_NAME = "pasted-email.txt"
DROP_ZONE_CSS = """
input[type=file] { height: 96px; border: 2px dashed #0969da; border-radius: 8px; background: #f6f8fa;
                   padding: 30px 12px; cursor: pointer; width: 100%; box-sizing: border-box; }
input[type=file]:hover { background: #ddf4ff; }
"""


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
        self.files = widgets.UploadInput(
            accept=",".join(READERS),
            multiple=True,
            sizing_mode="stretch_width",
            stylesheets=[DROP_ZONE_CSS],
        )
        self.files.param.watch(self._on_files, "value")
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
        """What Process would submit: the pasted (or sample) text, if any."""
        if not self.text.value.strip():
            return []
        return [(self._paste_name, self.text.value.encode("utf-8"))]

    def _on_files(self, event: param.parameterized.Event) -> None:
        if not event.new:  # the clear below
            return
        names, values = self.files.filename, event.new
        if isinstance(values, bytes):  # FileInput(multiple=False) gives one file, not a list
            names, values = [names], [values]
        self._submit_files(list(zip(names, values, strict=True)))
        self.files.clear()  # the browser's selection; the next line is the server's copy
        self.files.param.update(value=None, filename=None, mime_type=None)

    def _on_process(self, _: param.parameterized.Event) -> None:
        found = self.inputs()
        if not found:
            notify("warning", "Drop a file, pick a sample or paste an email first.")
            return
        self._submit(found)
        self.text.value = ""
        self.sample.value = ""
        self._paste_name = PASTED_NAME

    def _submit_files(self, files: list[tuple[str, bytes]]) -> None:
        """Submit the files within the upload limits; say which were refused and why."""
        settings = self.store.service.runner.settings
        problem = request_too_big(sum(len(data) for _, data in files), settings.limits)
        if problem is not None:
            notify("error", problem)
            return
        fitting, refused = within_limits(files, settings.intake)
        for refusal in refused:
            notify("error", refusal["error"])
        if fitting:
            self._submit(fitting)

    def _submit(self, found: list[tuple[str, bytes]]) -> None:
        if self.store.served:  # stored off the event loop; the callback returns at once
            # Panel's runner of coroutines in a session (what pn.state.execute uses for them):
            # the session's document stays current and unlocked while the upload is stored.
            param.parameterized.async_executor(partial(self._submit_off_loop, found))
            return
        since = utc_now().isoformat()
        try:
            job_ids = self.store.submit_many(found)
        except OrderDeskError as error:
            notify("error", str(error))
            return
        self._say_received_before(found, job_ids, since)

    async def _submit_off_loop(self, found: list[tuple[str, bytes]]) -> None:
        since = utc_now().isoformat()
        try:
            job_ids = await self.store.submit_many_off_loop(found)
        except OrderDeskError as error:
            notify("error", str(error))
            return
        self._say_received_before(found, job_ids, since)

    def _say_received_before(self, found: list[tuple[str, bytes]], job_ids: list[str], since: str) -> None:
        named = [(filename, job_id) for (filename, _), job_id in zip(found, job_ids, strict=True)]
        earlier = received_before(named, self.store.service.job, since)
        for filename, job_id in named:
            if job_id in earlier:
                notify("info", received_before_text(filename, earlier[job_id]))

    def __panel__(self) -> pn.viewable.Viewable:
        return pn.Column(
            "### New orders",
            f"Drop {' or '.join(READERS)} files on the box (or click it): each starts a job at once.",
            self.files,
            self.sample,
            self.text,
            self.process,
            sizing_mode="stretch_width",
        )
