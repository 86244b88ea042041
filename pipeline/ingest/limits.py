"""The limits one input must keep (``IntakeSettings``), checked before the work they bound.

Each check raises an ``IngestError`` naming the file, the measured amount and the limit, and the
setting that changes it, so a desk that really gets such files knows what to raise.
"""

from __future__ import annotations

import io
import re
import zipfile
from email.message import Message

from pipeline.config import IntakeSettings
from pipeline.errors import IngestError


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def over_limit(filename: str, found: str, limit: str, setting: str, advice: str = "") -> IngestError:
    """The error for an input past one limit: what it has, the limit, the setting, what to do."""
    return IngestError(
        filename, f"{found}; the limit is {limit} (intake.{setting})" + (f" — {advice}" if advice else "")
    )


def check_size(filename: str, size: int, limits: IntakeSettings) -> None:
    """A file of ``size`` bytes; callers that read files check before reading them."""
    if size > limits.max_file_bytes:
        raise over_limit(filename, f"the file is {_mib(size)}", f"{limits.max_file_mb:g} MiB", "max_file_mb")


def check_text(filename: str, text: str, limits: IntakeSettings) -> None:
    """The whole text and its longest line: extraction time grows with both."""
    if len(text) > limits.max_text_chars:
        found = f"its text is {len(text):,} characters"
        advice = "send the order in smaller parts"
        raise over_limit(filename, found, f"{limits.max_text_chars:,}", "max_text_chars", advice)
    longest, number = max((len(line), number) for number, line in enumerate(text.split("\n"), start=1))
    if longest > limits.max_line_chars:
        found = f"line {number} is {longest:,} characters long"
        advice = "put each item on its own line"
        raise over_limit(filename, found, f"{limits.max_line_chars:,}", "max_line_chars", advice)


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
        limit = f"{limits.max_unpacked_mb:g} MiB"
        raise over_limit(filename, f"it would unpack to {_mib(unpacked)}", limit, "max_unpacked_mb")


_BOUNDARY = re.compile(rb'boundary\s*=\s*"?([^"\s;]+)', re.IGNORECASE)


def check_mime_parts(filename: str, data: bytes, limits: IntakeSettings) -> None:
    """Before parsing: about how many parts the raw bytes delimit, so a multipart bomb is refused
    unparsed. The stdlib parser takes about a millisecond a part: 100,000 empty parts (3 MB)
    held a worker for three minutes. Generous (ten parts per attachment allowed), because
    ``check_mime_tree`` counts exactly once the email is parsed.
    """
    cap = 10 * limits.max_attachments + 10
    if data.count(b"\n--") <= cap:  # every delimiter line starts with "--": a usual email stops here
        return
    boundaries = set(_BOUNDARY.findall(data))
    parts = len(boundaries)  # one per multipart part: many of them is itself the bomb
    if parts <= cap:
        parts = sum(data.count(b"\n--" + boundary) for boundary in boundaries)
    if parts > cap:
        found = f"the email has about {parts:,} MIME parts"
        limit = f"{limits.max_attachments} attachments"
        raise over_limit(filename, found, limit, "max_attachments", "is it a multipart bomb?")


def check_mime_tree(filename: str, message: Message, limits: IntakeSettings) -> None:
    """How deeply the parts nest and how many there are, walked without recursion."""
    depth, parts = 0, 0
    stack: list[tuple[Message, int]] = [(message, 0)]
    while stack:
        part, level = stack.pop()
        depth = max(depth, level)
        if depth > limits.max_mime_depth:
            limit = f"{limits.max_mime_depth} levels"
            advice = "is it a multipart bomb?"
            raise over_limit(filename, "its MIME parts nest too deeply", limit, "max_mime_depth", advice)
        children = part.get_payload() if part.is_multipart() else None
        if isinstance(children, list):
            stack += [(child, level + 1) for child in children if isinstance(child, Message)]
        else:
            parts += 1
    if parts - 1 > limits.max_attachments:  # every leaf part but the body
        found = f"the email has {parts - 1:,} attachments"
        raise over_limit(filename, found, str(limits.max_attachments), "max_attachments")
