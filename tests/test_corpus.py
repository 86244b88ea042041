"""The corpus generator: realistic, labelled, deterministic order emails drawn from a real catalog."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import pytest

from pipeline.catalog.store import CatalogStore
from pipeline.corpus import Label, generate_corpus, read_labels
from pipeline.corpus.evaluate import evaluate
from pipeline.ingest import ingest
from pipeline.ledger import content_hash


@pytest.fixture(scope="module")
def corpus(small_catalog_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(small_catalog_path, folder, 300, seed=11)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_same_bytes_and_a_smaller_corpus_is_a_prefix(
    small_catalog_path: Path, corpus: Path, tmp_path: Path
) -> None:
    again = generate_corpus(small_catalog_path, tmp_path / "again", 300, seed=11)
    assert _files(again.folder) == _files(corpus)
    small = _files(generate_corpus(small_catalog_path, tmp_path / "small", 40, seed=11).folder)
    assert {name: data for name, data in small.items() if name != "labels.jsonl"} == {
        name: data for name, data in _files(corpus).items() if name in small and name != "labels.jsonl"
    }
    other = _files(generate_corpus(small_catalog_path, tmp_path / "other", 40, seed=12).folder)
    assert other["labels.jsonl"] != small["labels.jsonl"]


def test_every_label_names_a_real_part_and_the_bytes_it_was_written_into(
    small_catalog_path: Path, corpus: Path
) -> None:
    labels = read_labels(corpus)
    assert len(labels) == 300
    store = CatalogStore(small_catalog_path)
    for label in labels:
        assert content_hash((corpus / label.file).read_bytes()) == label.content_hash
        assert 1 <= len(label.lines) <= 8
        for line in label.lines:
            part = store.get(line.part_number)
            assert part is not None, line.part_number
            assert (part["grade"], part["form"]) == (line.grade, line.form)
            assert all(abs(part[name] - value) < 1e-9 for name, value in line.section.items())
            assert line.quantity > 0 and line.uom in ("EA", "FT")


def test_emails_vary_the_way_customers_write(corpus: Path) -> None:
    labels = read_labels(corpus)
    texts = [ingest(label.file, (corpus / label.file).read_bytes()).text for label in labels]
    joined = "\n".join(texts)
    for pattern in (
        r"^\d+\. ",  # numbered lists
        r"^- ",  # bullets
        r"^Item \d+: ",
        r"^(Please send|We also need) ",  # prose
        r"\d+/\d+\"",  # fractions
        r"\d(\.\d)?mm",  # millimetres
        r"\d+ ?(ft|feet|')",  # feet
        r"\d+ ?ga(uge)?\b",  # sheet gauges
        r"\b(SS|CRS|alum|PL)\b",  # abbreviations
        r"^(Phone|Tel|Direct|Cell): ",  # signatures
        r"\b(PO#|P\.O\.) ",
        r"(ASAP|expedite|rush)",
        r"line is down|line down",
    ):
        assert re.search(pattern, joined, re.MULTILINE), pattern
    assert {label.urgency for label in labels} == {"standard", "rush", "emergency"}
    assert sum(label.po_number is not None for label in labels) > 100
    assert sum(label.requested_date is not None for label in labels) > 50
    assert 40 < sum(label.format == "eml" for label in labels) < 120


def test_eml_files_are_real_mime_messages(corpus: Path) -> None:
    kinds = set()
    for label in read_labels(corpus):
        if label.format != "eml":
            continue
        message = email.message_from_bytes((corpus / label.file).read_bytes(), policy=policy.default)
        assert message["From"] and message["Date"] and message["Message-ID"]
        kinds.add(message.get_content_type())
        document = ingest(label.file, (corpus / label.file).read_bytes())
        assert label.customer["company"] in document.text
    assert {"text/plain", "multipart/alternative", "text/html"} <= kinds


def test_a_smaller_corpus_in_the_same_folder_removes_the_stale_emails(
    small_catalog_path: Path, tmp_path: Path
) -> None:
    generate_corpus(small_catalog_path, tmp_path, 30, seed=3)
    (tmp_path / "notes.txt").write_text("mine")
    generate_corpus(small_catalog_path, tmp_path, 10, seed=3)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert len([name for name in names if name.startswith("order_")]) == 10
    assert "notes.txt" in names and len(read_labels(tmp_path)) == 10


def _perfect_order(label: Label) -> dict:
    lines = []
    for number, line in enumerate(label.lines, 1):
        match = {"part_number": line.part_number, "grade": line.grade, "form": line.form}
        match |= {"dimensions": dict(line.section), "confidence": 0.97, "alternatives": []}
        lines.append({"line_no": number, "grade": line.grade, "form": line.form, "quantity": line.quantity})
        lines[-1] |= {"uom": line.uom, "match": match}
    return {
        "lines": lines[::-1],  # pairing must not depend on order
        "po_number": label.po_number,
        "urgency": label.urgency,
        "requested_date": label.requested_date,
        "customer": dict(label.customer),
        "review": {"status": "auto_approved"},
    }


def test_evaluation_scores_perfect_orders_perfectly_and_catches_each_mistake(corpus: Path) -> None:
    labels = read_labels(corpus)[:50]
    orders = {label.content_hash: _perfect_order(label) for label in labels}
    summary = evaluate(labels, orders).summary()
    for rate in ("item_accuracy", "quantity_accuracy", "exact_part_rate", "top5_rate", "po_accuracy"):
        assert summary[rate] == 1.0, rate
    assert summary["spurious_lines"] == 0 and summary["touchless_rate"] == 1.0

    first = labels[0]
    wrong = orders[first.content_hash]["lines"][-1]  # the first label line (lines are reversed)
    wrong["match"]["dimensions"] = {name: value * 1.2 for name, value in wrong["match"]["dimensions"].items()}
    wrong["quantity"] += 1
    orders[first.content_hash]["lines"].append({"grade": "304", "form": "sheet", "quantity": 1, "uom": "EA"})
    orders[first.content_hash]["lines"][-1]["match"] = {"part_number": "X", "grade": "304", "form": "sheet"}
    del orders[labels[1].content_hash]
    result = evaluate(labels, orders)
    scores = {(line.file, line.line): line for line in result.lines}
    assert not scores[(first.file, 1)].item_ok and not scores[(first.file, 1)].quantity_ok
    assert not any(line.found for line in result.lines if line.file == labels[1].file)
    assert result.summary()["spurious_lines"] == 1
    assert result.summary()["processed"] == 49
