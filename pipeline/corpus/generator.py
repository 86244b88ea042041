"""Write a corpus of order emails from catalog parts, with the labels to score a run against.

Email ``i`` depends only on the seed, ``i`` and the catalog, so a 100-email corpus is the first
100 emails of a 1,000-email corpus, and the same seed always writes the same bytes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.catalog.store import CatalogStore
from pipeline.corpus.envelope import as_eml, as_text
from pipeline.corpus.labels import LABELS_FILE, Label, LabelLine, write_labels
from pipeline.corpus.letters import Letter, sent_at, write_letter
from pipeline.corpus.parts import PartSpec, draw, load_parts
from pipeline.corpus.people import Person, person
from pipeline.ledger import content_hash

DEFAULT_SEED = 7
LINES_PER_EMAIL = (1, 2, 3, 4, 5, 6, 8)
LINE_WEIGHTS = (25, 20, 20, 15, 10, 6, 4)
EML_SHARE = 0.25
_CORPUS_FILE = re.compile(r"^order_\d{5}\.(?:txt|eml)$")


@dataclass(frozen=True)
class CorpusSummary:
    folder: Path
    emails: int
    lines: int
    eml: int

    @property
    def labels_path(self) -> Path:
        return self.folder / LABELS_FILE


def _label(name: str, data: bytes, letter: Letter, sender: Person) -> Label:
    lines = [
        LabelLine(
            text=written.text,
            part_number=part.part_number,
            grade=part.grade,
            temper=part.temper,
            form=part.form,
            section=part.section,
            quantity=written.quantity,
            uom=written.uom,
        )
        for part, written in letter.items
    ]
    customer = {
        "company": sender.company,
        "contact": sender.name,
        "email": sender.email if sender.email.encode() in data else None,
        "phone": sender.phone,
    }
    return Label(
        file=name,
        content_hash=content_hash(data),
        format=name.rsplit(".", 1)[1],
        customer=customer,
        po_number=letter.po_number,
        requested_date=letter.requested_date,
        urgency=letter.urgency,
        lines=lines,
        non_catalog=letter.non_catalog,
    )


def write_email(index: int, parts: list[PartSpec], seed: int, eml_share: float) -> tuple[str, bytes, Label]:
    """File name, bytes and label of email ``index`` of the corpus ``seed``."""
    rng = random.Random(f"order-desk-corpus:{seed}:{index}")
    chosen = draw(parts, rng.choices(LINES_PER_EMAIL, weights=LINE_WEIGHTS)[0], rng)
    sender, sent = person(rng), sent_at(rng)
    is_eml = rng.random() < eml_share
    with_headers = is_eml or rng.random() < 0.6
    letter = write_letter(chosen, sender, sent, dated=with_headers, rng=rng)
    if is_eml:
        name = f"order_{index + 1:05d}.eml"
        data = as_eml(letter, sender, sent, f"<corpus-{seed}-{index}@{sender.email.split('@')[1]}>", rng)
    else:
        name = f"order_{index + 1:05d}.txt"
        data = as_text(letter, sender, sent, with_headers)
    return name, data, _label(name, data, letter, sender)


def generate_corpus(
    catalog: str | Path, out: str | Path, count: int, seed: int = DEFAULT_SEED, eml_share: float = EML_SHARE
) -> CorpusSummary:
    """Write ``count`` emails and ``labels.jsonl`` into ``out``; stale corpus emails there are removed."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    store = CatalogStore(catalog)
    try:
        parts = load_parts(store)
    finally:
        store.close()
    labels = []
    for index in range(count):
        name, data, label = write_email(index, parts, seed, eml_share)
        (folder / name).write_bytes(data)
        labels.append(label)
    written = {label.file for label in labels}
    for stale in folder.iterdir():
        if _CORPUS_FILE.match(stale.name) and stale.name not in written:
            stale.unlink()  # a previous, larger corpus: its emails would otherwise join the next batch
    write_labels(folder / LABELS_FILE, labels)
    return CorpusSummary(
        folder=folder,
        emails=count,
        lines=sum(len(label.lines) for label in labels),
        eml=sum(label.format == "eml" for label in labels),
    )
