"""What a batch runs on: files, folders and globs on the command line, or inputs already in the ledger.

Inputs are read and hashed where the batch starts, and travel to workers as bytes, so workers
need the catalog and the ledger but not the input files. A path that does not exist or cannot be
read becomes a failed outcome naming it; the rest of the batch goes on.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.batch.outcome import Outcome, failed
from pipeline.config import IntakeSettings
from pipeline.errors import IngestError
from pipeline.ingest import READERS
from pipeline.ingest.limits import check_size
from pipeline.ledger import content_hash

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Input:
    name: str  # the path as given, or the file name the ledger stored
    data: bytes
    content_hash: str

    @classmethod
    def of(cls, name: str, data: bytes) -> Input:
        return cls(name=name, data=data, content_hash=content_hash(data))


def _folder_files(folder: Path) -> list[Path]:
    """The readable order files in a folder (not sub-folders; labels and reports are left out)."""
    return sorted(path for path in folder.iterdir() if path.is_file() and path.suffix.lower() in READERS)


def expand(patterns: Sequence[str | Path]) -> tuple[list[Path], list[Outcome]]:
    """Files named by ``patterns`` (files, folders, globs), in order, each once; and what was not found."""
    files: list[Path] = []
    problems: list[Outcome] = []
    for pattern in map(str, patterns):
        path = Path(pattern)
        if path.is_dir():
            found = _folder_files(path)
            if not found:
                problems.append(
                    failed(pattern, f"no {'/'.join(sorted(READERS))} files in the folder {pattern}")
                )
        elif _GLOB_CHARS & set(pattern) and not path.exists():
            found = sorted(
                Path(match) for match in glob.glob(pattern, recursive=True) if Path(match).is_file()
            )
            if not found:
                problems.append(failed(pattern, f"no file matches {pattern}"))
        elif path.exists():
            found = [path]
        else:
            found = []
            problems.append(failed(pattern, f"no such file or folder: {pattern}"))
        files += found
    return list(dict.fromkeys(files)), problems


def read_files(paths: Sequence[Path], limits: IntakeSettings) -> tuple[list[Input], list[Outcome]]:
    """Each file's bytes and hash; an unreadable file, or one over the size limit (not read: inputs
    are held in memory until they are shipped), becomes a failed outcome."""
    inputs: list[Input] = []
    problems: list[Outcome] = []
    for path in paths:
        try:
            check_size(str(path), path.stat().st_size, limits)
            inputs.append(Input.of(str(path), path.read_bytes()))
        except OSError as error:
            problems.append(failed(str(path), f"cannot read {path}: {error.strerror or error}"))
        except IngestError as error:
            problems.append(failed(str(path), str(error)))
    return inputs, problems
