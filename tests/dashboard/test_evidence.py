"""The email with its evidence highlighted: exact offsets, escaped text, nested spans."""

from __future__ import annotations

import re
from html import unescape

from dashboard.evidence import Highlight, highlighted_html, order_highlights
from dashboard.jobs import JobService

HOSTILE = "<script>alert('x')</script>"


def test_each_piece_is_escaped_and_spans_cut_at_their_exact_characters() -> None:
    text = f"Hi {HOSTILE}\n10 pcs 304 sheet"
    line_start = text.index("10 pcs")
    grade = text.index("304")
    html = highlighted_html(
        text,
        [
            Highlight(line_start, len(text), "line", "line 1", 1),
            Highlight(grade, grade + 3, "field", "line 1: grade", 1),
            Highlight(0, 10_000, "header", "out of range"),  # a span past the text is left out
        ],
        focus=1,
    )
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text  # every character, once, in order
    assert '<span class="od-ev-line od-ev-focus" data-line="1" title="line 1">10 pcs </span>' in html
    assert (
        'class="od-ev-field od-ev-line od-ev-focus" data-line="1" title="line 1; line 1: grade">304<' in html
    )
    assert "out of range" not in html


def test_a_processed_orders_lines_are_highlighted_where_the_email_says_them(
    service: JobService, sample_order: bytes
) -> None:
    state = service.runner.process("sample_order_1.txt", sample_order)
    order = state.order.to_dict()
    text = state.document.text
    highlights = order_highlights(order)
    html = highlighted_html(text, highlights)
    for line in order["lines"]:
        start, end = line["span"]
        assert " ".join(text[start:end].split()) == " ".join(line["source_text"].split())
        assert all(start <= a < b <= end for a, b in line["evidence"].values())  # fields inside their line
        grade = line["evidence"]["grade"]
        marked = re.search(rf'data-line="{line["line_no"]}" title="[^"]*grade[^"]*">([^<]*)<', html)
        assert marked and marked[1] == text[grade[0] : grade[1]]
    assert {h.kind for h in highlights} >= {"line", "field"}
