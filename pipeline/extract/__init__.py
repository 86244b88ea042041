"""Extract: read the order header and line items out of a document's text.

The newest message of a thread (plus the attachments) is what the order is; quoted history is read
only to see what the newest message changed, or — when the newest message only forwards or
approves ("please process the order below") — to find the lines it points to (``replies``).
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.extract import assemblies, combined
from pipeline.extract.header import extract_header
from pipeline.extract.layout_marks import without_layout_marks
from pipeline.extract.notation import drawing_notation
from pipeline.extract.plausible import read_thousandths
from pipeline.extract.replies import extract_lines, message_spans
from pipeline.extract.spoken import digits_for_sizes
from pipeline.extract.stacked_cells import rows_from_stacked_cells
from pipeline.extract.stacked_fields import fields_from_stacked_labels
from pipeline.extract.thread import split_thread
from pipeline.models import Document, Extraction


def extract(document: Document) -> Extraction:
    """Header and lines of one document; pure and deterministic."""
    thread = split_thread(document.text, document.body_end)
    # sizes said in words ("half inch", "four by eight") in digits, dot leaders and arrowed side
    # notes as the gaps they are, a web form's fields ("Item 1 - Shape" over "Round Bar") as
    # "Label: value" lines, and drawing notation ("φ30 x 2500L") as the usual marks, position for
    # position
    written = rows_from_stacked_cells(fields_from_stacked_labels(without_layout_marks(document.text)))
    reading = replace(document, text=digits_for_sizes(drawing_notation(written)))
    lines, source, unread = extract_lines(reading, thread)
    said = [*message_spans(reading, thread), *([(source.start, source.end)] if source else [])]
    assemblies.multiply(lines, reading.text, said)
    lines_written = len(lines)
    lines = combined.combine(lines, reading.text)
    for line in lines:
        read_thousandths(line)  # "sixty five wall": .065, once the line's sizes are final
    if reading.text != document.text:  # the customer's own words, not the digits read
        for line in lines:
            if line.span is not None:
                line.source_text = " ".join(document.text[line.span.start : line.span.end].split())
    header = extract_header(replace(document, text=written), thread, source)
    header.unread = list(
        dict.fromkeys(" ".join(document.text[span.start : span.end].split()) for span in unread)
    )
    return Extraction(header=header, lines=lines, lines_written=lines_written)
