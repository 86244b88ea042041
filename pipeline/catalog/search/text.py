"""Free-text search: BM25 over part descriptions, for the catalog explorer and for unparsed lines.

Why an in-memory index (numpy postings, built once per store on first use) and not DuckDB:
``fts`` cannot be installed here, and ``benchmarks/bench_text_search.py`` measured the options
on the same queries — BM25 written in plain SQL over a token table, DuckDB ILIKE, rapidfuzz
over every description, and this index. This index ranks like the SQL BM25 (same formula,
same tokens) at a fraction of its latency; ILIKE misses most customer phrasings, rapidfuzz is
slow. Building it costs about a second for 50,000 parts, paid only by the first free-text query.

Tokens keep what identifies metal: grades (``316l``, ``17-4ph``, ``6061-t6`` plus ``6061`` and
``t6``), decimals and fractions as one canonical number (``.065``, ``0.0650`` → ``0.065``;
``1-1/2`` → ``1.5``), finishes (``#4``, ``2b``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from pipeline.catalog.store import CatalogStore

K1, B = 1.2, 0.75
COMMON_SHARE = 0.5
_FRACTION = re.compile(r"(?<![\d./])(?:(\d+)[- ])?(\d+)/(\d+)(?![\d/])")
_NUMBER = re.compile(r"(?<![\w.])(\d*\.\d+|\d+\.\d*)(?![\d])")
_TIMES = re.compile(r"(?<=[\d\"'])\s*[x×*]\s*(?=[\d.])")
_FEET = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:ft\b\.?|feet\b|foot\b|')")
_TOKEN = re.compile(r"[a-z0-9#][a-z0-9#.&/-]*[a-z0-9]|[a-z0-9]")
_GRADE_SPELLINGS = ((re.compile(r"17-?4\s?ph"), "17-4ph"), (re.compile(r"\bc-(\d{3})"), r"c\1"))
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ss": ("stainless",), "stainless": ("stainless",), "alum": ("aluminum",), "al": ("aluminum",),
    "aluminium": ("aluminum",), "ti": ("titanium",), "rod": ("round", "bar"), "rd": ("round",),
    "sq": ("square",), "rect": ("rectangular",), "tubing": ("tube",), "sht": ("sheet",), "pl": ("plate",),
    "crs": ("steel",), "hrs": ("steel",), "ms": ("steel",), "flatbar": ("flat", "bar"),
}  # fmt: skip


def _canonical_number(text: str) -> str:
    value = float(text)
    return f"{value:.4f}".rstrip("0").rstrip(".")


def tokens(text: str) -> list[str]:
    """Search tokens of ``text``: lower case, numbers canonical, hyphenated words also split."""
    text = text.lower()
    for regex, replacement in _GRADE_SPELLINGS:
        text = regex.sub(replacement, text)
    text = _FRACTION.sub(
        lambda m: _canonical_number(str(int(m[1] or 0) + int(m[2]) / int(m[3]))) if int(m[3]) else m[0], text
    )
    text = _NUMBER.sub(lambda m: _canonical_number(m[1]), _TIMES.sub(" x ", text))
    text = _FEET.sub(lambda m: _canonical_number(str(float(m[1]) * 12)), text)  # 12 ft is a 144" bar
    found = []
    for token in _TOKEN.findall(text):
        found.append(token)
        if "-" in token:
            found += [part for part in token.split("-") if part]
    return found


def query_tokens(text: str) -> list[str]:
    """Tokens of a customer's words, with the desk's abbreviations spelled out."""
    return [word for token in tokens(text) for word in SYNONYMS.get(token, (token,))]


@dataclass(frozen=True)
class TextHit:
    row: int  # row of the attribute index (part-number order)
    part_number: str
    score: float


class TextIndex:
    """BM25 postings: for each token, the documents holding it and their precomputed weights."""

    def __init__(self, part_numbers: list[str], documents: list[str]) -> None:
        self.part_numbers = part_numbers
        vocabulary: dict[str, int] = {}
        term_ids, doc_ids, lengths = [], [], np.zeros(len(documents))
        seen: dict[str, list[str]] = {}  # mills' variants of one item share a description
        for doc, (number, text) in enumerate(zip(part_numbers, documents, strict=True)):
            if text not in seen:
                seen[text] = tokens(text)
            number = number.lower()
            words = [*seen[text], number, *number.split("-")]
            lengths[doc] = len(words)
            for word in words:
                term_ids.append(vocabulary.setdefault(word, len(vocabulary)))
                doc_ids.append(doc)
        pairs, tf = np.unique(
            np.array(term_ids, np.int64) * len(documents) + np.array(doc_ids), return_counts=True
        )
        terms, docs = pairs // len(documents), pairs % len(documents)
        norm = K1 * (1 - B + B * lengths[docs] / max(lengths.mean(), 1.0))
        df = np.bincount(terms, minlength=len(vocabulary))
        idf = np.log(1 + (len(documents) - df + 0.5) / (df + 0.5))
        self.vocabulary = vocabulary
        self.docs = docs
        self.weights = idf[terms] * tf * (K1 + 1) / (tf + norm)
        self.starts = np.concatenate(([0], np.cumsum(df)))

    def search(self, text: str, limit: int = 10) -> list[TextHit]:
        """The ``limit`` best-scoring parts for ``text`` (ties: part-number order).

        Terms in more than half the catalog ("x", "bar") add almost nothing to BM25 (idf near
        zero) but their postings are most of the work, so they count only when nothing else does.
        """
        ids = sorted({self.vocabulary[t] for t in query_tokens(text) if t in self.vocabulary})
        common = len(self.part_numbers) * COMMON_SHARE
        ids = [i for i in ids if self.starts[i + 1] - self.starts[i] <= common] or ids
        if not ids:
            return []
        spans = [slice(self.starts[i], self.starts[i + 1]) for i in ids]
        docs = np.concatenate([self.docs[s] for s in spans])
        weights = np.concatenate([self.weights[s] for s in spans])
        scores = np.bincount(docs, weights, minlength=len(self.part_numbers))
        touched = np.flatnonzero(scores)
        # Exact top-k without partitioning every touched document: if enough score at least half
        # the best, the top ``limit`` are among them (everything else scores less).
        strong = touched[scores[touched] >= scores[touched].max() / 2]
        pool = strong if len(strong) >= limit else touched
        best = pool[np.argpartition(-scores[pool], min(limit, len(pool)) - 1)[:limit]]
        best = best[np.lexsort((best, -scores[best]))]
        return [TextHit(int(r), self.part_numbers[r], float(scores[r])) for r in best]


def _build(store: CatalogStore) -> TextIndex:
    rows = (
        store.cursor()
        .execute(
            "SELECT part_number, concat_ws(' ', description, grade, replace(family, '_', ' '),"
            " replace(form, '_', ' ')) FROM parts ORDER BY part_number"
        )
        .fetchall()
    )
    return TextIndex([row[0] for row in rows], [row[1] for row in rows])


def text_index(store: CatalogStore) -> TextIndex:
    return store.derived("text_index", _build)


def search_text(store: CatalogStore, text: str, limit: int = 10) -> list[TextHit]:
    """BM25-ranked parts for free text (the catalog explorer; lines extraction could not read)."""
    return text_index(store).search(text, limit)
