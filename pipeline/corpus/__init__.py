"""A corpus of realistic order emails written from catalog parts, with labels to score runs.

``generate_corpus`` writes the emails and ``labels.jsonl``; ``evaluate`` scores the pipeline's
orders against those labels. Benchmarks, batch tests and notebook 03 all use the same corpus.
``requests/`` phrases single request lines from catalog parts, each with its right answers, to
measure the matcher alone. Both are demo and benchmark code: no stage imports them (the layers in
``pyproject.toml``).
"""

from pipeline.corpus.generator import CorpusSummary, generate_corpus
from pipeline.corpus.labels import Label, LabelLine, read_labels

__all__ = ["CorpusSummary", "Label", "LabelLine", "generate_corpus", "read_labels"]
