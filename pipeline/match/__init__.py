"""Match: the right part for each request line, with a calibrated confidence and its reasons.

``match_lines`` answers all lines of an order at once (one catalog query); each answer is a
``MatchResult``: matched candidates, or no match with the nearest offers explained, or a
free-text guess for a line extraction could not read. ``score.py`` holds the factors,
``cut.py`` the cut-to-size arithmetic, ``explain.py`` the reasons, ``nomatch.py`` the "why not".
"""

from pipeline.match.engine import TOP_N, MatchResult, match_line, match_lines

__all__ = ["TOP_N", "MatchResult", "match_line", "match_lines"]
