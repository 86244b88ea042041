"""A local Maildir (mail delivered on this machine): messages are files, their keys the UIDs.

Taken messages get the Maildir flag F (``after = "flag"``), for people to see, or move to the
Maildir++ subfolder ``.<done_folder>``; one set aside moves to ``.<needs_person_folder>`` with the
note beside it. A file's key never changes, so the ledger alone says which were taken (UIDVALIDITY
is always 0): a message someone flagged before it was taken is still taken.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, date, datetime
from pathlib import Path

from pipeline.config import InboxSettings, IntakeSettings, Settings
from pipeline.errors import ConfigError, IngestError
from pipeline.inbox.source import Fetched
from pipeline.ingest.limits import check_size

_TAKEN = "F"


class MaildirSource:
    def __init__(self, settings: InboxSettings, limits: IntakeSettings | None = None) -> None:
        self.settings = settings
        self.limits = limits or Settings.from_env().intake
        self.root = Path(settings.maildir).resolve()
        self.name = f"maildir:{self.root}"
        self._folder = self.root
        self._index: dict[str, Path] = {}

    def connect(self) -> None:
        if not (self.root / "cur").is_dir() or not (self.root / "new").is_dir():
            raise ConfigError(f"inbox.maildir {self.root} is not a Maildir (it has no cur/ and new/)")

    def close(self) -> None:
        """Nothing is held open."""

    def select(self, folder: str) -> int:
        self._folder = self.root if folder == "INBOX" else self.root / f".{folder}"
        self._index = {}
        return 0

    def _files(self) -> dict[str, Path]:
        """Every message file of the open folder by key (listed again on each call)."""
        found = {}
        for sub in ("new", "cur"):
            folder = self._folder / sub
            for path in sorted(folder.iterdir()) if folder.is_dir() else ():
                found[path.name.split(":")[0]] = path
        self._index = found
        return found

    def _path(self, uid: str) -> Path | None:
        """The file of ``uid`` from the last listing, listed again if it moved since."""
        path = self._index.get(uid)
        return path if path is not None and path.exists() else self._files().get(uid)

    def waiting(self, since: date | None = None) -> list[str]:
        files = self._files()
        if since is None:
            return list(files)
        start = datetime.combine(since, datetime.min.time(), tzinfo=UTC).timestamp()
        return [key for key, path in files.items() if path.stat().st_mtime >= start]

    def fetch(self, uidvalidity: int, uid: str) -> Fetched | None:
        path = self._path(uid)
        if path is None:
            return None
        try:
            check_size(f"message {uid}", path.stat().st_size, self.limits)
        except IngestError as error:
            with path.open("rb") as file:
                return Fetched(file.read(64 * 1024).split(b"\n\n")[0], refused=str(error))
        return Fetched(path.read_bytes())

    def mark_taken(self, uidvalidity: int, uid: str) -> None:
        path = self._path(uid)
        if path is None:
            return
        if self.settings.after == "move":
            self._move(path, self._subfolder(self.settings.done_folder))
        else:
            flags = "".join(sorted(set(_flags(path)) | {_TAKEN}))
            os.replace(path, self._folder / "cur" / f"{uid}:2,{flags}")

    def set_aside(self, uidvalidity: int, uid: str, note: bytes, note_key: str) -> None:
        path = self._path(uid)
        if path is None:
            return
        target = self._subfolder(self.settings.needs_person_folder)
        note_path = target / "new" / f"orderdesk-note-{note_key}"
        if not note_path.exists():
            part = target / "tmp" / note_path.name  # delivered as Maildir asks: written, then renamed
            part.write_bytes(note)
            os.replace(part, note_path)
        self._move(path, target)

    def _subfolder(self, name: str) -> Path:
        folder = self.root / f".{name}"
        for sub in ("tmp", "new", "cur"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        return folder

    @staticmethod
    def _move(path: Path, folder: Path) -> None:
        os.replace(path, folder / path.parent.name / path.name)

    can_idle = False  # a folder on disk is polled

    def idle(self, seconds: float, stop: threading.Event) -> bool:
        raise NotImplementedError("a Maildir is polled")


def _flags(path: Path) -> str:
    _, _, info = path.name.partition(":2,")
    return info
