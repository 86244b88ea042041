"""The source email with the evidence of every extracted value highlighted, safe to put in a page.

Evidence spans are character offsets into ``Document.text`` (``LineItem.span``/``evidence``,
``OrderHeader.evidence``). The text is cut at every span boundary first and each piece escaped
on its own, so offsets stay exact and nothing from the email is ever markup; then the pieces
inside spans are wrapped. Spans may nest (a line holds its grade) or overlap: a piece carries the
classes of every span over it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape
from typing import Any

CSS = """
.od-email { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 12.5px;
            line-height: 1.5; border: 1px solid #d0d7de; border-radius: 6px; padding: 10px;
            background: #fff; max-height: 620px; overflow: auto; }
.od-ev-line { background: #ddf4ff; }
.od-ev-field { border-bottom: 2px solid #0969da; font-weight: 600; }
.od-ev-header { background: #fff8c5; }
.od-ev-spec { background: #dafbe1; border-bottom: 2px dotted #1a7f37; }
.od-ev-focus { background: #ffd8b5; outline: 1px solid #bc4c00; }
"""


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # line | field | header | spec (a customer's spec note)
    label: str  # what the span is evidence of, shown on hover
    line_no: int | None = None


def order_highlights(order: dict[str, Any]) -> list[Highlight]:
    """Every span of an order (``Order.to_dict()``): header fields, each line, each line's fields."""
    found = [
        Highlight(start, end, "header", name.replace("_", " "))
        for name, (start, end) in (order.get("evidence") or {}).items()
    ]
    for line in order.get("lines", []):
        number = line.get("line_no")
        if line.get("span"):
            found.append(Highlight(*line["span"], "line", f"line {number}", number))
        for name, (start, end) in (line.get("evidence") or {}).items():
            found.append(Highlight(start, end, "field", f"line {number}: {name}", number))
        for note in line.get("specs") or []:  # "Galvanized not required": said of this line
            if note.get("span"):
                meaning = f"no {note['value']}" if note.get("refused") else f"{note['kind']} {note['value']}"
                found.append(Highlight(*note["span"], "spec", f"line {number}: {meaning}"))
    return found


def _piece(text: str, active: list[Highlight], focus: int | None) -> str:
    if not active:
        return escape(text)
    classes = sorted({f"od-ev-{h.kind}" for h in active})
    lines = {h.line_no for h in active if h.line_no is not None}
    if focus is not None and focus in lines:
        classes.append("od-ev-focus")
    line = f' data-line="{min(lines)}"' if lines else ""
    title = escape("; ".join(dict.fromkeys(h.label for h in active)))
    return f'<span class="{" ".join(classes)}"{line} title="{title}">{escape(text)}</span>'


def highlighted_html(text: str, highlights: list[Highlight], focus: int | None = None) -> str:
    """``text`` as escaped HTML with each highlight wrapped; ``focus`` marks one line's spans."""
    size = len(text)
    spans = [h for h in highlights if 0 <= h.start < h.end <= size]
    cuts = sorted({0, size, *(h.start for h in spans), *(h.end for h in spans)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        active = [h for h in spans if h.start <= start and end <= h.end]
        pieces.append(_piece(text[start:end], active, focus))
    return f'<div class="od-email">{"".join(pieces)}</div>'
