"""``/api/jobs``: ``POST`` uploads (one job per file), ``GET`` the recent jobs; see ``dashboard.api``.

``JobsHandler.accept_upload`` is also what the plain page's form posts to (``dashboard.api.plain_desk``).
"""

from __future__ import annotations

import asyncio
from pathlib import PurePath
from typing import Any

from tornado.httputil import HTTPFile, HTTPInputError, ParseMultipartConfig, parse_body_arguments
from tornado.web import HTTPError, stream_request_body

from dashboard.api.base import ApiHandler
from dashboard.job_report import job_links
from dashboard.uploads import received_before, request_too_big, within_limits
from pipeline.events import utc_now
from pipeline.ledger import JobRecord

MAX_LIST = 500


def _earlier_json(record: JobRecord) -> dict[str, Any]:
    """A re-sent email's entry: its job's real status and when, and as what, it first arrived."""
    return {
        "status": record.status,
        "received_before": {"filename": record.filename, "received_at": record.created_at},
    }


MAX_FILES = ParseMultipartConfig().max_parts - 1  # tornado's limit on parts, the preamble one of them


def _parse_files(content_type: str, body: bytes) -> list[tuple[str, bytes]]:
    """The uploaded files of a multipart body, each named by its file name (never a path).

    A body tornado cannot read (no boundary, no final one, a file name with NUL or bytes that are
    not UTF-8, over ``MAX_FILES`` files) is the client's error: a 400 saying what and how to send.
    """
    files: dict[str, list[HTTPFile]] = {}
    try:
        parse_body_arguments(content_type, body, {}, files)
    except HTTPInputError as error:
        problem = str(error).removeprefix("Invalid multipart/form-data: ")
        raise HTTPError(
            400,
            reason=f"cannot read the upload: {problem}; send multipart/form-data with its boundary,"
            f" UTF-8 file names without control characters, at most {MAX_FILES} files",
        ) from None
    return [
        (PurePath(upload.filename or "upload.txt").name, upload.body)
        for field in files.values()
        for upload in field
    ]


@stream_request_body
class JobsHandler(ApiHandler):
    """The upload is streamed in, so an oversized one is refused (413) before its body is read."""

    def prepare(self) -> None:
        super().prepare()
        self._chunks: list[bytes] = []
        self._size = 0
        if not self._finished and self.request.method == "POST":
            self._refuse_if_too_big(int(self.request.headers.get("Content-Length") or 0))

    def data_received(self, chunk: bytes) -> None:
        if self._finished:  # refused already: let the rest of the body go by
            return
        self._size += len(chunk)
        self._chunks.append(chunk)
        self._refuse_if_too_big(self._size)

    def _refuse_if_too_big(self, size: int) -> None:
        problem = request_too_big(size, self.service.runner.settings.limits)
        if problem is not None:
            self._chunks.clear()
            self.fail(413, problem)

    async def post(self) -> None:
        upload = await self.accept_upload()
        if upload is not None:
            self.reply(201, upload)

    async def accept_upload(self) -> dict[str, list[dict[str, Any]]] | None:
        """Store and queue the upload's files: ``{"jobs": [...], "refused": [...]}``, or None when
        it was refused whole (already answered: 400 without files, 413 when none fits)."""
        # Parsing and storing run in a thread: the event loop also carries every page's updates,
        # and a ledger write waits for the disk. Every file is stored before any of them runs, as
        # an upload from a page is (``JobService.submit_many``).
        content_type = self.request.headers.get("Content-Type", "")
        uploads = await asyncio.to_thread(_parse_files, content_type, b"".join(self._chunks))
        if not uploads:
            self.fail(400, "attach one or more files as multipart/form-data (any field name)")
            return None
        fitting, refused = within_limits(uploads, self.service.runner.settings.intake)
        if not fitting:
            self.reply(413, {"error": refused[0]["error"], "jobs": [], "refused": refused})
            return None
        named, earlier = await asyncio.to_thread(self._accept, fitting)
        self.service.run_accepted([job_id for _, job_id in named])
        accepted = [
            {"job_id": job_id, "filename": filename, "status": "queued", "links": job_links(job_id)}
            | (_earlier_json(earlier[job_id]) if job_id in earlier else {})
            for filename, job_id in named
        ]
        return {"jobs": accepted, "refused": refused}

    def _accept(self, files: list[tuple[str, bytes]]) -> tuple[list[tuple[str, str]], dict[str, JobRecord]]:
        """Store the files (a thread: ledger writes and reads); each ``(filename, job_id)``, and the
        earlier record of each email that was received before."""
        since = utc_now().isoformat()
        job_ids = self.service.accept(files)
        named = [(filename, job_id) for (filename, _), job_id in zip(files, job_ids, strict=True)]
        return named, received_before(named, self.service.job, since)

    def get(self) -> None:
        limit = int(self.number("limit", 50, low=1, high=MAX_LIST, clamp=True))
        records = self.service.recent(limit)
        rows = [
            {"job_id": r.job_id, "filename": r.filename, "status": r.status, "created_at": r.created_at}
            | {"links": job_links(r.job_id)}
            for r in records
        ]
        self.reply(200, {"jobs": rows})
