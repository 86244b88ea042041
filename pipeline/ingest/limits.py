"""The limits one input must keep (``IntakeSettings``), checked before the work they bound.

Each check raises an ``IngestError`` naming the file, the measured amount and the limit, and the
setting that changes it, so a desk that really gets such files knows what to raise.
"""

from __future__ import annotations

import io
import zipfile
from email.message import Message

from pipeline.config import IntakeSettings
from pipeline.errors import IngestError


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def check_size(filename: str, data: bytes, limits: IntakeSettings) -> None:
    if len(data) > limits.max_file_bytes:
        raise IngestError(
            filename,
            f"the file is {_mib(len(data))}; the limit is {limits.max_file_mb:g} MiB (intake.max_file_mb)",
        )


def check_text(filename: str, text: str, limits: IntakeSettings) -> None:
    """The whole text and its longest line: extraction time grows with both."""
    if len(text) > limits.max_text_chars:
        raise IngestError(
            filename,
            f"its text is {len(text):,} characters; the limit is {limits.max_text_chars:,}"
            " (intake.max_text_chars) — send the order in smaller parts",
        )
    longest, number = max((len(line), number) for number, line in enumerate(text.split("\n"), start=1))
    if longest > limits.max_line_chars:
        raise IngestError(
            filename,
            f"line {number} is {longest:,} characters long; the limit is {limits.max_line_chars:,}"
            " (intake.max_line_chars) — put each item on its own line",
        )


def check_zip(filename: str, data: bytes, limits: IntakeSettings) -> None:
    """A zip container (.xlsx) must not expand past the limit: a zip bomb is refused unopened.

    The sizes its directory declares are a true bound: Python's zipfile stops reading a member
    at its declared size.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise IngestError(filename, f"not a readable zip container ({error})") from error
    if unpacked > limits.max_unpacked_bytes:
        raise IngestError(
            filename,
            f"it would unpack to {_mib(unpacked)}; the limit is {limits.max_unpacked_mb:g} MiB"
            " (intake.max_unpacked_mb)",
        )


def check_mime_tree(filename: str, message: Message, limits: IntakeSettings) -> None:
    """How deeply the parts nest and how many there are, walked without recursion."""
    depth, parts = 0, 0
    stack: list[tuple[Message, int]] = [(message, 0)]
    while stack:
        part, level = stack.pop()
        depth = max(depth, level)
        if depth > limits.max_mime_depth:
            raise IngestError(
                filename,
                f"its MIME parts nest more than {limits.max_mime_depth} deep (intake.max_mime_depth);"
                " is it a multipart bomb?",
            )
        children = part.get_payload() if part.is_multipart() else None
        if isinstance(children, list):
            stack += [(child, level + 1) for child in children if isinstance(child, Message)]
        else:
            parts += 1
    if parts - 1 > limits.max_attachments:  # every leaf part but the body
        raise IngestError(
            filename,
            f"the email has {parts - 1:,} attachments; the limit is {limits.max_attachments}"
            " (intake.max_attachments)",
        )
