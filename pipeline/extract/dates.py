"""The requested delivery date, resolved to an ISO date against the email's Date header.

Dates are read only where the text says they are about delivery ("Due Date:", "must arrive by",
"delivery required by", "need these by"), never where they are about a quote ("quotes by Friday"),
a past event or the customer's own production start. Explicit dates (``March 15, 2024``, ``3/14``,
``2024-03-14``, ``mid-February``, ``end of March``) and relative ones (``tomorrow``, ``next Friday``,
``Saturday morning``, ``within 2 weeks``) both need a reference year or day: the Date header, or a
labelled date in the text. Without one they stay unresolved (``None``) — never today's date, so the
same email always gives the same order.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from pipeline.models import Span

_MONTHS = [m.lower() for m in calendar.month_name[1:]]
_MONTH_NAME = "|".join(rf"{m[:3]}(?:{m[3:]}|\.)?" for m in _MONTHS)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_WEEKDAYS = [day.lower() for day in calendar.day_name]
_DATE = re.compile(
    "|".join(
        (
            rf"\b(?P<month>{_MONTH_NAME})\s+{_DAY}\b(?!:){_YEAR}",
            rf"\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAME})\b(?:,?\s+(?P<year2>\d{{4}}))?",
            r"\b(?P<iso>\d{4}-\d{2}-\d{2})\b",
            r"(?<![\d.])(?P<eu_d>\d{1,2})\.(?P<eu_m>\d{1,2})\.(?P<eu_y>\d{4})(?![\d.])",  # 05.04.2024
            r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/(?P<y>\d{2,4}))?(?![\d/])",
            rf"\b(?P<part>early|mid|late|end\s+of|beginning\s+of)[-\s]+(?P<month3>{_MONTH_NAME})\b",
            r"\b(?P<tomorrow>tomorrow)\b|\b(?P<today>today|tonight)\b",
            r"\b(?P<next>next|this|coming)?\s*(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b",
            r"\bwithin\s+(?P<n>\d+|one|two|three|four|five|six)\s+(?P<unit>(?:business\s+|working\s+)?days?|weeks?)\b",
            r"\bnext\s+(?P<nextweek>week)\b|\bend\s+of\s+(?P<eow>(?:the\s+)?week|(?:the\s+)?month)\b",
        )
    ),
    re.IGNORECASE,
)
_DELIVERY = re.compile(
    r"\b(?:deliver(?:y|ed)?|arrive|arrival|ship(?:ped|ment)?|due|need(?:ed)?\s+(?:\w+\s+){0,3}?by|required\s+by|"
    r"no\s+later\s+than|in\s+hand|on\s+site|ETA|must\s+(?:\w+\s+){0,2}by|required|need(?:ed)?)\b",
    re.IGNORECASE,
)
_STRONG = re.compile(r"\b(?:deliver|arriv|ship|due|in\s+hand|on\s+site|ETA)", re.IGNORECASE)
_NOT_DELIVERY = re.compile(
    r"\b(?:quotes?|quoted|quoting|pricing|price|respond|response|reply|specs?|drawings?|call|production|"
    r"start(?:s|ing)?|run|meeting|yesterday|last|ago|since|sent|dated|valid)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;!?]|\.(?!\d)")
_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_REFERENCE_DATE = re.compile(
    r"^[ \t*-]*(?:PO\s+|order\s+)?date\s*:\s*(?P<v>[^\n]+)$", re.IGNORECASE | re.MULTILINE
)


def _month(name: str) -> int:
    return next(index for index, month in enumerate(_MONTHS, 1) if month.startswith(name[:3].lower()))


def _year_for(month: int, day: int, sent: date) -> int:
    """The year of a date written without one: this year, or next if it is long past."""
    candidate = date(sent.year, month, min(day, 28))
    return sent.year + 1 if candidate < sent - timedelta(days=60) else sent.year


def _explicit(match: re.Match[str], sent: date) -> date | None:
    groups = match.groupdict()
    if groups["iso"]:
        return date.fromisoformat(groups["iso"])
    if groups["eu_d"]:
        return date(int(groups["eu_y"]), int(groups["eu_m"]), int(groups["eu_d"]))
    if groups["m"]:
        month, day = int(groups["m"]), int(groups["d"])
        year = int(groups["y"]) if groups["y"] else _year_for(month, day, sent)
        return date(year + 2000 if year < 100 else year, month, day)
    if groups["part"]:
        month = _month(groups["month3"])
        year = _year_for(month, 15, sent)
        last = calendar.monthrange(year, month)[1]
        day = {"early": 5, "mid": 15, "late": 25, "beginning of": 1}.get(groups["part"].lower(), last)
        return date(year, month, day)
    month = _month(groups["month"] or groups["month2"])
    day = int(groups["day"] or groups["day2"])
    year_text = groups["year"] or groups["year2"]
    return date(int(year_text) if year_text else _year_for(month, day, sent), month, day)


def _relative(match: re.Match[str], sent: date) -> date | None:
    groups = match.groupdict()
    if groups["tomorrow"]:
        return sent + timedelta(days=1)
    if groups["today"]:
        return sent
    if groups["n"]:
        count = _SMALL_NUMBERS.get(groups["n"].lower()) or int(groups["n"])
        unit = groups["unit"].lower()
        return sent + (timedelta(weeks=count) if unit.startswith("week") else timedelta(days=count))
    if groups["nextweek"]:
        return sent + relativedelta(weekday=calendar.FRIDAY, days=+7 - sent.weekday())
    if groups["eow"]:
        if "month" in groups["eow"].lower():
            return sent + relativedelta(day=31)
        return sent + relativedelta(weekday=calendar.FRIDAY)
    weekday = _WEEKDAYS.index(groups["weekday"].lower())
    if (groups["next"] or "").lower() == "next":  # the named day of next week
        return sent + relativedelta(days=+7 - sent.weekday(), weekday=weekday)
    return sent + relativedelta(days=+1, weekday=weekday)


def reference_date(sent: datetime | None, text: str) -> date | None:
    """What relative dates are counted from: the Date header, else a "Date:" line in the text."""
    if sent is not None:
        return sent.date()
    labelled = _REFERENCE_DATE.search(text)
    if labelled:
        for match in _DATE.finditer(labelled["v"]):
            if match["iso"] or match["eu_d"] or match["m"] or (match["month"] and match["year"]):
                try:
                    return _explicit(match, date(2000, 1, 1))
                except ValueError:
                    continue  # "Date: 31.06.2024" names no day: no reference
    return None


def _context_score(text: str, match: re.Match[str]) -> int:
    """2: plainly about delivery; 1: "need … by"; 0: not about delivery at all."""
    line_start = max(text.rfind("\n", 0, match.start()) + 1, match.start() - 60)
    before = _CLAUSE_BREAK.split(text[line_start : match.start()])[-1]
    if _NOT_DELIVERY.search(before) or not _DELIVERY.search(before):
        return 0
    return 2 if _STRONG.search(before) else 1


def _windows(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Where a delivery date can be: up to 60 characters after a delivery word on its line (a date
    counts only after such a word, so the rest of the text need not be searched)."""
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        for cue in _DELIVERY.finditer(text, start, end):
            line_end = text.find("\n", cue.end(), end)
            window = (cue.end(), min(cue.end() + 60, end if line_end == -1 else line_end))
            if windows and window[0] <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
            else:
                windows.append(window)
    return windows


def requested_date(
    text: str, spans: tuple[tuple[int, int], ...], reference: date | None
) -> tuple[str | None, Span | None]:
    """The earliest delivery date of the best-attested kind, as ISO text, with its span.

    Without a ``reference`` only dates that carry their own year can be resolved.
    """
    candidates: list[tuple[int, date, Span]] = []
    for start, end in _windows(text, spans):
        for match in _DATE.finditer(text, start, end):
            score = _context_score(text, match)
            if not score or (reference is None and not _has_year(match)):
                continue
            try:
                resolved = _explicit(match, reference) if _is_explicit(match) else _relative(match, reference)
            except ValueError:
                continue
            if resolved is not None:
                candidates.append((-score, resolved, Span(match.start(), match.end())))
    if not candidates:
        return None, None
    _, best, span = min(candidates, key=lambda c: (c[0], c[1]))
    return best.isoformat(), span


def _has_year(match: re.Match[str]) -> bool:
    """A date complete in itself: ISO, day.month.year, m/d/yyyy, or a month name with a year."""
    groups = match.groupdict()
    return any(groups[name] for name in ("iso", "eu_d", "y", "year", "year2"))


def _is_explicit(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return any(groups[name] for name in ("month", "month2", "iso", "eu_d", "m", "part"))
