"""Where to ship: the address block after "Ship to:", "Delivery address:", "delivered to:".

An address is the lines after the cue up to the one with a postal code (US ZIP, Canadian, or a
European "28195 Bremen"), joined with ", ". Without a postal code, a named place ("Ship to our
Dallas facility") is kept as written. Several destinations set a flag for the reviewer.
"""

from __future__ import annotations

import re

from pipeline.models import Span

_CUE = re.compile(
    r"\b(?:ship(?:ped|ping)?\s+(?:directly\s+|direct\s+)?to|deliver(?:ed|y)?\s+to|(?:delivery|shipping|ship-to)\s+"
    r"address|ship\s+to\s+address|(?<!e-mail\s)(?<!email\s)(?<!billing\s)(?<!web\s)address)\s*:?",
    re.IGNORECASE,
)
_POSTAL = re.compile(
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|"  # US ZIP, Canadian
    r"(?:^|[\s-])\d{4,5}\s+[A-ZÄÖÜ][\wäöüß-]+(?:\s*,|\s*$)|"  # "28195 Bremen," not "1500 Harbor Drive"
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"  # UK
)
_PLACE = re.compile(
    r"^(?:our|the)\s+(?P<v>(?:[\w-]+\s+){1,3}(?:facility|plant|warehouse|site|shop|office|location|dock|yard))\b",
    re.IGNORECASE,
)
_MAX_LINES = 6


def _address_after(text: str, end: int, limit: int) -> tuple[str, Span] | None:
    """The postal address right after a cue ending at ``end``: the rest of a "…:" line, then lines."""
    line_end = text.find("\n", end, limit)
    line_end = limit if line_end == -1 else line_end
    first = text[end:line_end].strip()
    if first and not text[:end].rstrip().endswith(":"):
        return None  # "delivered to our facility by 6 AM" is a sentence, not an address
    parts: list[tuple[str, int]] = [(first, end + text[end:line_end].index(first))] if first else []
    position = line_end + 1
    for raw in text[position:limit].split("\n")[: _MAX_LINES - len(parts)]:
        line = raw.strip(" \t>")
        if not line or re.match(r"[-*•]\s", line) or (parts and _POSTAL.search(parts[-1][0])):
            break
        parts.append((line, position + raw.index(line)))
        position += len(raw) + 1
    for index, (line, start) in enumerate(parts):
        if _POSTAL.search(line):
            lines = [part.rstrip(",") for part, _ in parts[: index + 1]]
            return ", ".join(lines), Span(parts[0][1], start + len(line))
    return None


def ship_to(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str | None, Span | None, bool]:
    """(address, span, several destinations?) for the newest message."""
    addresses: list[tuple[str, Span]] = []
    places: list[tuple[str, Span]] = []
    for start, end in spans:
        for cue in _CUE.finditer(text, start, end):
            found = _address_after(text, cue.end(), end)
            if found:
                addresses.append(found)
                continue
            line_end = text.find("\n", cue.end(), end)
            remainder = text[cue.end() : line_end if line_end != -1 else end].strip()
            place = _PLACE.match(remainder)
            if place:
                value_start = cue.end() + text[cue.end() :].index(place["v"])
                places.append((place["v"], Span(value_start, value_start + len(place["v"]))))
    destinations = {value for value, _ in addresses + places}
    best = (addresses or places or [(None, None)])[0]
    return best[0], best[1], len(destinations) > 1
