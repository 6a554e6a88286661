"""Dates as lists write them, each classified into the format family it is written in.

`Oct. 2023`, `October 2023`, `Oct.2023`, `2023-10` and `2023/10/12` are one date written in
five families. A date can fit several families at once: `May. 2023` is both the abbreviated
(`Oct. 2023`) and the full (`October. 2023`) form, since May is both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

MONTHS = (
    "January February March April May June July August September October November December"
).split()
_ABBREVIATIONS = {name[:3].lower(): number for number, name in enumerate(MONTHS, start=1)}
_ABBREVIATIONS["sept"] = 9
_FULL = {name.lower(): number for number, name in enumerate(MONTHS, start=1)}

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"  # noqa: E501
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NUMERIC_MONTH = r"(?P<nmonth>0?[1-9]|1[0-2])"
_DAY = r"(?P<day>0?[1-9]|[12]\d|3[01])"

# Each family: a name a person recognises (an example date), and the pattern of its spelling.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("Month DD, YYYY", rf"{_MONTH}\.? {_DAY}(?:st|nd|rd|th)?, {_YEAR}"),
    ("DD Month YYYY", rf"{_DAY} {_MONTH}\.? {_YEAR}"),
    ("YYYY-MM-DD", rf"{_YEAR}-(?P<nmonth>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"),
    ("YYYY/MM/DD", rf"{_YEAR}/{_NUMERIC_MONTH}/{_DAY}"),
    ("YYYY.MM.DD", rf"{_YEAR}\.{_NUMERIC_MONTH}\.{_DAY}"),
    ("YYYY-MM", rf"{_YEAR}-(?P<nmonth>0[1-9]|1[0-2])"),
    ("YYYY/MM", rf"{_YEAR}/{_NUMERIC_MONTH}"),
    ("YYYY.MM", rf"{_YEAR}\.(?P<nmonth>0[1-9]|1[0-2])"),
    ("MM/YYYY", rf"{_NUMERIC_MONTH}/{_YEAR}"),
    ("Month YYYY", rf"{_MONTH}(?P<period>\.?)(?P<space> ?){_YEAR}"),
    ("YYYY", _YEAR),
)
_COMPILED = tuple((name, re.compile(rf"^{pattern}$", re.IGNORECASE)) for name, pattern in _PATTERNS)
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
# Dates inside running text: only forms that carry a month, never a bare year ("arxiv 2023" is a
# venue). Candidates are confirmed by parse_date.
TEXT_DATE = re.compile(
    rf"(?<![\w/.-])(?:{_ANY_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?, (?:19|20)\d{{2}}"
    rf"|\d{{1,2}} {_ANY_MONTH}\.? (?:19|20)\d{{2}}"
    rf"|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|(?:19|20)\d{{2}}/\d{{1,2}}/\d{{1,2}}"
    rf"|{_ANY_MONTH}\.? ?(?:19|20)\d{{2}})(?![\w/-])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date as written: its value, how precise it is, and every family its spelling fits."""

    text: str
    year: int
    month: int | None
    day: int | None
    families: frozenset[str]

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def is_after(self, today: date) -> bool:
        """Whether the date lies after `today`, at the date's own precision."""
        if self.year != today.year:
            return self.year > today.year
        if self.month is None:
            return False
        if self.month != today.month:
            return self.month > today.month
        return self.day is not None and self.day > today.day


def _month_families(word: str, period: str, space: str) -> tuple[int, frozenset[str]]:
    lowered = word.lower()
    gap = " " if space else ""
    families: set[str] = set()
    if lowered in _FULL:
        families.add(f"Month{period}{gap}YYYY".replace("Month", "October"))
    if lowered in _ABBREVIATIONS:
        families.add(f"Mon{period}{gap}YYYY".replace("Mon", "Oct"))
    number = _FULL.get(lowered) or _ABBREVIATIONS[lowered]
    return number, frozenset(families)


@lru_cache(maxsize=8192)
def parse_date(text: str) -> WrittenDate | None:
    """Recognise a whole string as a date in one of the known families, or None."""
    stripped = " ".join(text.split())
    for name, pattern in _COMPILED:
        match = pattern.match(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        day = int(groups["day"]) if groups.get("day") else None
        if groups.get("month"):
            month, families = _month_families(groups["month"], groups.get("period") or "", groups.get("space") or "")
            if name != "Month YYYY":
                families = frozenset({name})
        elif groups.get("nmonth"):
            month, families = int(groups["nmonth"]), frozenset({name})
        else:
            month, families = None, frozenset({name})
        if day is not None and month is not None and not _is_real_day(year, month, day):
            return None
        return WrittenDate(stripped, year, month, day, families)
    return None


def _is_real_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def looks_like_a_date(text: str) -> bool:
    """Whether python-dateutil reads the text as a date at all, in a form we do not classify."""
    from dateutil import parser

    try:
        parser.parse(text, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return False
    return True


def format_date(written: WrittenDate, family: str) -> str | None:
    """Write a date in a family, or None when that would add or lose precision."""
    month, day = written.month, written.day
    needs = "day" if "DD" in family else "year" if family == "YYYY" else "month"
    if needs != written.precision:
        return None
    if month is None:
        return f"{written.year}"
    full = MONTHS[month - 1]
    short = full[:3]
    if family.startswith("October"):
        return family.replace("October", full).replace("YYYY", str(written.year))
    if family.startswith("Oct"):
        return family.replace("Oct", short).replace("YYYY", str(written.year))
    rendered = {
        "Month DD, YYYY": f"{full} {day}, {written.year}",
        "DD Month YYYY": f"{day} {full} {written.year}",
        "YYYY-MM-DD": f"{written.year}-{month:02d}-{day or 0:02d}",
        "YYYY/MM/DD": f"{written.year}/{month:02d}/{day or 0:02d}",
        "YYYY.MM.DD": f"{written.year}.{month:02d}.{day or 0:02d}",
        "YYYY-MM": f"{written.year}-{month:02d}",
        "YYYY/MM": f"{written.year}/{month:02d}",
        "YYYY.MM": f"{written.year}.{month:02d}",
        "MM/YYYY": f"{month:02d}/{written.year}",
    }
    return rendered.get(family)
