"""HTML bodies as the text a person sees: blocks become lines, table cells are kept apart.

Uses the standard library's HTML parser (entities, broken markup and comments handled there).
Quoted history (``<blockquote>``, as mail clients write replies) comes out with ``> `` in front of
each line, so thread detection treats it like a plain-text quote.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_PARAGRAPHS = frozenset({"p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre"})
_LINES = frozenset({"br", "tr", "li"})
_HIDDEN = frozenset({"script", "style", "head", "title"})
_CELLS = frozenset({"td", "th"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.quote_depth = 0
        self.cells_in_row = 0

    def _break(self) -> None:
        """End the current line, if it has text."""
        text = re.sub(r"[ \t\xa0]+", " ", "".join(self.current)).strip()
        self.current = []
        if text:
            self.lines.append("> " * self.quote_depth + text)

    def _paragraph(self) -> None:
        """End the current line and leave one blank line, as between paragraphs."""
        self._break()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "blockquote":
            self._paragraph()
            self.quote_depth += 1
        elif tag in _CELLS:
            if self.cells_in_row:
                self.current.append(" | ")
            self.cells_in_row += 1
        elif tag in _PARAGRAPHS or tag in _LINES:
            self._paragraph() if tag in _PARAGRAPHS else self._break()
            if tag == "tr":
                self.cells_in_row = 0
            if tag == "li":
                self.current.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "blockquote":
            self._paragraph()
            self.quote_depth = max(0, self.quote_depth - 1)
        elif tag in _PARAGRAPHS:
            self._paragraph()
        elif tag in _LINES:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, one line per block, cells joined with `` | ``."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    collector._break()
    return "\n".join(collector.lines).strip("\n")
