"""Dates as lists write them: found in text, parsed with dateutil, and sorted into format families.

A *format family* is the way a date is written, as a template over its parts: `Oct. 2023` is
`{Mon}. {YYYY}`, `2023-10-12` is `{YYYY}-{MM}-{DD}`, `Oct 12, 2023` is `{Mon} {D}, {YYYY}`.
Placeholders:

- `{YYYY}` the year; `{MM}` / `{M}` the month number, zero-padded or not;
  `{DD}` / `{D}` the day, zero-padded or not; `{th}` the day's ordinal suffix;
- `{Mon}` the month's three-letter abbreviation (`Sept` is accepted for it when reading);
- `{Month}` the month's full name.

Some written dates fit several families, and `DateMatch.families` holds them all:

- `May 2023` fits `{Mon} {YYYY}` and `{Month} {YYYY}` (May is both), and also `{Mon}. {YYYY}`,
  because a list that writes `Oct. 2023` rightly writes May without a period (it abbreviates
  nothing); `May. 2023` fits `{Mon}. {YYYY}` and `{Month}. {YYYY}`;
- `June` and `July` are full names, `Jun`/`Jul` abbreviations; `Sept` and `Sep` both abbreviate;
- `2023-10-12` fits `{YYYY}-{MM}-{DD}` and the unpadded `{YYYY}-{M}-{D}` (10 and 12 need no padding);
- `03/04/2023` fits `{MM}/{DD}/{YYYY}` and `{DD}/{MM}/{YYYY}`: it has two readings.

The API:

- `find_dates(text)` finds the dates in running text; `find_dates(text, prose=False)` in text
  known to hold dates, such as a date column's cell;
- `read_date(text)` reads a whole string as one date, a bare year (`2023`) included;
- `is_date_header(header)` tells a date column (`Published date`, `Date`, `Year`, ...);
- `format_date(parsed, family)` writes a date in a family; `DateMatch.render(family)` does it for
  a found date, minding dates that read two ways;
- `date_problem(text)` says why a date-shaped string is not a date (`Feb 30, 2023`);
- `is_placeholder(text)` tells `-`, `N/A`, `TBD` and the like.

An entry's date, then: for a table row, the dates of the cell under a date header
(`find_dates(cell.text, prose=False)`, or `read_date(cell.text)` for a bare year); for a list
item, `find_dates` over the text runs of the item.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from difflib import get_close_matches
from enum import IntEnum
from functools import lru_cache
from itertools import product

from dateutil import parser as dateutil_parser

__all__ = [
    "DATE_COLUMN_HEADERS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "DateFamily",
    "DateMatch",
    "ParsedDate",
    "Precision",
    "date_problem",
    "find_dates",
    "format_date",
    "has_year",
    "header_key",
    "is_date_header",
    "is_placeholder",
    "read_date",
]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTHS)
_MONTH_NUMBERS = {name.casefold(): number for number, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBERS.update({name.casefold(): number for number, name in enumerate(MONTH_ABBREVIATIONS, start=1)})
_MONTH_NUMBERS["sept"] = 9


class Precision(IntEnum):
    """How much of a date is written: a year, a month of a year, or a day."""

    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True, slots=True, order=True)
class ParsedDate:
    """A date with only the parts that were written: `Oct. 2023` has no day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def first_day(self) -> date:
        """The earliest day the date can mean: 1 October 2023 for `Oct. 2023`."""
        return date(self.year, self.month or 1, self.day or 1)

    def is_after(self, today: date) -> bool:
        """Later than `today` at the date's own precision: `Jan. 2026` is not after 2026-01-15."""
        if self.month is None:
            return self.year > today.year
        if self.day is None:
            return (self.year, self.month) > (today.year, today.month)
        return self.first_day() > today


_PLACEHOLDER = re.compile(r"\{(YYYY|MM|M|DD|D|Mon|Month|th)\}")


@dataclass(frozen=True, slots=True)
class DateFamily:
    """A way of writing dates, as a template such as `{Mon}. {YYYY}` (see the module doc)."""

    template: str

    @property
    def precision(self) -> Precision:
        """What a date needs to be written in this family."""
        if "{D" in self.template:
            return Precision.DAY
        return Precision.MONTH if "{M" in self.template else Precision.YEAR

    @property
    def named_month(self) -> bool:
        return "{Mon" in self.template

    @property
    def day_first(self) -> bool:
        """Numeric day before numeric month, as in `12/10/2023`."""
        day, month = self.template.find("{D"), self.template.find("{M")
        return 0 <= day < month

    @property
    def label(self) -> str:
        """The family shown by example, such as `Oct. 2023` or `2023-10-12`."""
        named = self.named_month
        # Pick an example whose padding shows: `5` versus `05`, `1` versus `01`.
        month = 1 if "{M}" in self.template else 10
        day = 5 if ("{DD}" in self.template and named) or ("{D}" in self.template and not named) else 12
        rendered = format_date(ParsedDate(2023, month, day), self)
        assert rendered is not None
        return rendered

    def __str__(self) -> str:
        return self.label


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def format_date(parsed: ParsedDate, family: DateFamily) -> str | None:
    """Write `parsed` in `family`; None when the family needs a day or month the date lacks."""
    if parsed.precision < family.precision:
        return None
    month, day = parsed.month or 1, parsed.day or 1

    def part(match: re.Match[str]) -> str:
        name = match.group(1)
        values: dict[str, Callable[[], str]] = {
            "YYYY": lambda: f"{parsed.year:04d}",
            "MM": lambda: f"{month:02d}",
            "M": lambda: str(month),
            "DD": lambda: f"{day:02d}",
            "D": lambda: str(day),
            "Mon": lambda: MONTH_ABBREVIATIONS[month - 1],
            "Month": lambda: MONTHS[month - 1],
            "th": lambda: _ordinal(day),
        }
        return values[name]()

    return _PLACEHOLDER.sub(part, family.template)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in a string: where (`start`, `end`: offsets into that string), what, and how written."""

    text: str
    start: int
    end: int
    value: ParsedDate
    families: frozenset[DateFamily]
    # `03/04/2023` reads as 4 March or 3 April: `value` is the reading of the separator's usual
    # order (month first with `/`, day first with `.` and `-`), `other_reading` the other one.
    other_reading: ParsedDate | None = None

    def reading(self, family: DateFamily) -> ParsedDate:
        """The date as `family` orders day and month: tells `03/04/2023` as 3 April from 4 March."""
        if self.other_reading is None:
            return self.value
        first = int(re.split(r"\D", self.text, maxsplit=1)[0])  # only numeric dates have two readings
        value_is_day_first = self.value.day == first
        return self.value if value_is_day_first == family.day_first else self.other_reading

    def render(self, family: DateFamily) -> str | None:
        """This date written in `family`; None if it lacks a part the family needs or its month is unsure."""
        if self.other_reading is not None and family.precision > Precision.YEAR:
            return None  # `03/04/2023` in ISO form is 2023-03-04 or 2023-04-03: the date does not say
        return format_date(self.value, family)

    def is_after(self, today: date) -> bool:
        """Later than today whichever way it is read."""
        readings = [self.value] if self.other_reading is None else [self.value, self.other_reading]
        return all(reading.is_after(today) for reading in readings)


# --- Recognising dates -----------------------------------------------------------------------------

_NAME = (
    r"(?P<name>january|february|march|april|may|june|july|august|september|october|november|december"
    r"|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?![a-z])(?P<dot>\.)?"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?P<ord>st|nd|rd|th)?"
_SPACE = r"[ \t\u00a0]+"
# Not inside a word, a number, a path or a URL: `/2023/03/13/`, `v2023.10`, `10.1101/2023.04.30.538`.
_BEFORE = r"(?<![\w/\\.:\-@#])"
_AFTER = r"(?![\w/\\@]|[.:\-]\w)"

_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(_BEFORE + body + _AFTER, re.IGNORECASE))
    for kind, body in (
        # Oct 12, 2023 · October 12th 2023 · Oct. 12, 2023
        ("mdy", rf"{_NAME}(?P<s1>{_SPACE}){_DAY}(?P<s2>,?{_SPACE}){_YEAR}"),
        # 12 Oct 2023 · 12-Oct-2023 · 12th October, 2023
        ("dmy", rf"{_DAY}(?P<s1>{_SPACE}|-){_NAME}(?P<s2>,?{_SPACE}|-){_YEAR}"),
        # Oct. 2023 · Oct.2023 · October 2023 · Oct, 2023 · Oct-2023
        ("my", rf"{_NAME}(?P<s1>,?{_SPACE}|-|(?<=\.)){_YEAR}"),
        # 2023-10-12 · 2023/10/12 · 2023.10.12
        ("ymd", rf"{_YEAR}(?P<s1>[-/.])(?P<month>[01]?\d)(?P=s1)(?P<day>[0-3]?\d)"),
        # 12/10/2023 · 10/12/2023 · 12.10.2023 · 12-10-2023
        ("nny", rf"(?P<first>[0-3]?\d)(?P<s1>[-/.])(?P<second>[0-3]?\d)(?P=s1){_YEAR}"),
        # 2023-10 · 2023/10 · 2023.10
        ("ym", rf"{_YEAR}(?P<s1>[-/.])(?P<month>[01]?\d)"),
        # 10/2023
        ("my-numeric", rf"(?P<month>[01]?\d)(?P<s1>/){_YEAR}"),
    )
)
_FORM_BY_KIND = dict(_FORMS)


def _alternative(kind: str, pattern: re.Pattern[str]) -> str:
    """One form as a branch of a combined pattern, its groups renamed apart from the other branches'."""
    suffix = "_" + kind.replace("-", "_")
    body = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", pattern.pattern)
    body = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={m.group(1)}{suffix})", body)
    return f"(?P<{kind.replace('-', '_')}>{body})"


# The forms that start with their year, and those that end with it, each as one pattern.
_YEAR_FIRST = re.compile(
    "|".join(_alternative(kind, pattern) for kind, pattern in _FORMS if kind in ("ymd", "ym")), re.IGNORECASE
)
_YEAR_LAST = re.compile(
    "|".join(_alternative(kind, pattern) for kind, pattern in _FORMS if kind not in ("ymd", "ym")), re.IGNORECASE
)
_WORD_START = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]")
_KIND_OF_GROUP = {kind.replace("-", "_"): kind for kind, _ in _FORMS}
_YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# What a date column holds where the date is unknown, not applicable, or not there yet.
_PLACEHOLDERS = frozenset(
    {
        "n/a",
        "na",
        "n.a.",
        "n.d.",
        "none",
        "null",
        "nil",
        "unknown",
        "tbd",
        "tba",
        "tbc",
        "todo",
        "wip",
        "soon",
        "coming soon",
        "upcoming",
        "pending",
        "ongoing",
        "forthcoming",
        "in press",
        "under review",
        "preprint",
        "to be announced",
        "to be determined",
        "x",
    }
)


# Headers of table columns that hold dates, compared by `header_key`.
DATE_COLUMN_HEADERS = (
    "date",
    "dates",
    "published",
    "published date",
    "published on",
    "publication date",
    "publish date",
    "release",
    "release date",
    "released",
    "released on",
    "year",
    "month",
    "time",
    "updated",
    "last updated",
    "date added",
)


def header_key(header: str) -> str:
    """A header as compared with others: `**Published Date:**` and `published date` are one."""
    return " ".join(re.sub(r"[*_`~:]", " ", header).casefold().split())


def is_date_header(header: str, headers: Iterable[str] = DATE_COLUMN_HEADERS) -> bool:
    """Whether a table header names a date column (among `headers`, by default the usual ones)."""
    return header_key(header) in {header_key(name) for name in headers}


def has_year(text: str) -> bool:
    """Whether the text holds a four-digit year from 1900 to 2099."""
    return _ANY_YEAR.search(text) is not None


def is_placeholder(text: str) -> bool:
    """Empty, `-`, `N/A`, `TBD`, `?` and the like: no date, on purpose."""
    stripped = text.strip().strip("*_~` ()[]").casefold()
    if not any(char.isalnum() for char in stripped):
        return True
    return stripped in _PLACEHOLDERS


def _number_placeholders(written: str, padded: str, unpadded: str) -> list[str]:
    if len(written) == 2 and written.startswith("0"):
        return [padded]
    if len(written) == 1:
        return [unpadded]
    return [padded, unpadded]


def _name_placeholders(name: str, dotted: bool) -> list[str]:
    folded = name.casefold()
    if folded == "may":
        # Full name and abbreviation at once; undotted, it also fits the dotted abbreviations.
        return ["{Mon}", "{Month}"] if dotted else ["{Mon}", "{Month}", "{Mon}."]
    return ["{Month}"] if len(folded) > 4 or folded in ("june", "july") else ["{Mon}"]


def _templates(match: re.Match[str], parts: Iterable[tuple[str, list[str]]]) -> frozenset[DateFamily]:
    """Replace each named group of the match by its placeholders; literal text stays, spaces normalised."""
    text, base = match.group(0), match.start()
    pieces: list[list[str]] = []
    position = 0
    for group, placeholders in sorted(parts, key=lambda part: match.start(part[0])):
        start, end = match.start(group) - base, match.end(group) - base
        pieces.append([re.sub(r"\s+", " ", text[position:start])])
        pieces.append(placeholders)
        position = end
    pieces.append([re.sub(r"\s+", " ", text[position:])])
    return frozenset(DateFamily("".join(choice)) for choice in product(*pieces))


def _valid(year: int, month: int, day: int | None) -> ParsedDate | None:
    """The date, if it exists, read by dateutil (which knows month lengths and leap years)."""
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    try:
        parsed = dateutil_parser.parse(f"{year:04d}-{month:02d}-{day or 1:02d}", default=datetime(year, 1, 1))
    except (ValueError, OverflowError):
        return None
    return ParsedDate(parsed.year, parsed.month, parsed.day if day is not None else None)


def _named_month(name: str) -> int:
    """The month number of a name or abbreviation, by dateutil's reading of it."""
    return dateutil_parser.parse(f"{name} 2000", default=datetime(2000, 1, 1)).month


@dataclass(frozen=True, slots=True)
class _Reading:
    value: ParsedDate | None
    families: frozenset[DateFamily]
    other_reading: ParsedDate | None = None
    problem: str | None = None  # why a date-shaped string is not a date
    doubtful_in_prose: bool = False


@lru_cache(maxsize=8192)
def _read(kind: str, text: str) -> _Reading:
    """Parse one date as matched by the form `kind`; cached, as lists repeat the same dates."""
    match = _FORM_BY_KIND[kind].fullmatch(text)
    assert match is not None
    return replace(_read_form(kind, match), doubtful_in_prose=_doubtful_in_prose(kind, match))


def _read_form(kind: str, match: re.Match[str]) -> _Reading:
    year = int(match.group("year"))
    if kind in ("mdy", "dmy", "my"):
        name, dotted = match.group("name"), match.group("dot") is not None
        month = _named_month(name)
        parts: list[tuple[str, list[str]]] = [("name", _name_placeholders(name, dotted)), ("year", ["{YYYY}"])]
        day: int | None = None
        if kind != "my":
            written_day = match.group("day")
            day = int(written_day)
            if match.group("ord"):
                if match.group("ord").casefold() != _ordinal(day):
                    wrong, right = f"{written_day}{match.group('ord')}", f"{written_day}{_ordinal(day)}"
                    return _Reading(None, frozenset(), problem=f"'{wrong}' should be '{right}'")
                parts += [("day", ["{D}"]), ("ord", ["{th}"])]
            else:
                parts.append(("day", _number_placeholders(written_day, "{DD}", "{D}")))
        value = _valid(year, month, day)
        if value is None:
            return _Reading(None, frozenset(), problem=f"{MONTHS[month - 1]} {year} has no day {day}")
        return _Reading(value, _templates(match, parts))
    if kind == "nny":
        first, second = match.group("first"), match.group("second")
        month_first = _valid(year, int(first), int(second))
        day_first = _valid(year, int(second), int(first))
        families: set[DateFamily] = set()
        if month_first is not None:
            families |= _templates(
                match,
                [
                    ("first", _number_placeholders(first, "{MM}", "{M}")),
                    ("second", _number_placeholders(second, "{DD}", "{D}")),
                    ("year", ["{YYYY}"]),
                ],
            )
        if day_first is not None:
            families |= _templates(
                match,
                [
                    ("first", _number_placeholders(first, "{DD}", "{D}")),
                    ("second", _number_placeholders(second, "{MM}", "{M}")),
                    ("year", ["{YYYY}"]),
                ],
            )
        usual, other = (day_first, month_first) if match.group("s1") in ".-" else (month_first, day_first)
        if usual is None:
            usual, other = other, None
        if usual is None:
            return _Reading(None, frozenset(), problem=f"neither '{first}' nor '{second}' can be the month")
        return _Reading(usual, frozenset(families), other_reading=other if other != usual else None)
    written_month = match.group("month")
    day = int(match.group("day")) if kind == "ymd" else None
    value = _valid(year, int(written_month), day)
    if value is None:
        if not 1 <= int(written_month) <= 12:
            return _Reading(None, frozenset(), problem=f"there is no month {int(written_month)}")
        return _Reading(None, frozenset(), problem=f"{MONTHS[int(written_month) - 1]} {year} has no day {day}")
    parts = [("year", ["{YYYY}"]), ("month", _number_placeholders(written_month, "{MM}", "{M}"))]
    if kind == "ymd":
        parts.append(("day", _number_placeholders(match.group("day"), "{DD}", "{D}")))
    return _Reading(value, _templates(match, parts))


# Characters that end a word of its own: a date next to them is not inside a URL.
_BEFORE_WORD = frozenset(" \t\u00a0()[]{},;!?\"'*_|")
_AFTER_WORD = _BEFORE_WORD | {"."}
_WORD_BEFORE = re.compile(r"\S{0,300}\Z")
_WORD_AFTER = re.compile(r"\S{0,300}")


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether the match sits inside a URL or path written as text (`example.org/2023-10-12/post`)."""
    if (start == 0 or text[start - 1] in _BEFORE_WORD) and (end == len(text) or text[end] in _AFTER_WORD):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 300), start)
    after = _WORD_AFTER.match(text, end)
    word = (before.group() if before else "") + (after.group() if after else "")
    return "://" in word or "www." in word.casefold() or "/" in word


def _doubtful_in_prose(kind: str, match: re.Match[str]) -> bool:
    """Dates that running text more often means as something else."""
    if kind in ("mdy", "dmy", "my"):
        # `may 2023` in a sentence is a verb far more often than a month.
        return not match.group("name")[0].isupper()
    if kind == "ym":
        month = match.group("month")
        # `2009/10` and `2010-12` are year ranges (an academic year, a span of years) as often as
        # months; `Unity 2022.3` is a calendar version.
        return int(month) > int(match.group("year")) % 100 or (match.group("s1") == "." and len(month) < 2)
    return kind == "my-numeric"  # `3/2023` is an issue number as often as a month


# Every form holds a year, with at most this much before it (`September 12th, `).
_BEFORE_YEAR = 32


def _at_year(text: str, year: re.Match[str], taken: int) -> re.Match[str] | None:
    """The longest form around a year: anchored tries at the few word starts before it, not a search."""
    window = max(taken, year.start() - _BEFORE_YEAR)
    # `12th Oct. 2023`, `Oct 12, 2023`, `12/10/2023` start at most three words before their year.
    starts = [word.start() for word in _WORD_START.finditer(text, window, year.start())][-3:]
    for start in starts:
        candidate = _YEAR_LAST.match(text, start)
        if candidate is not None and candidate.end() == year.end():
            return candidate
    return _YEAR_FIRST.match(text, year.start())


_MONTH_PREFIXES = frozenset(name[:3].casefold() for name in MONTHS)
_SPACES = " \t\u00a0"


def _may_hold_a_date(text: str, start: int, end: int) -> bool:
    """A quick look around a year: most years in lists are `arxiv 2023` or `NeurIPS 2022`, no date."""
    if text[end : end + 1] in ("-", "/", ".") and text[end + 1 : end + 2].isdigit():
        return True  # 2023-10, 2023/10/12
    before = text[start - 1 : start]
    if before in ("-", "/", ".", ","):
        return True  # 12/10/2023, Oct-2023, Oct.2023
    if not before or before not in _SPACES:
        return False
    tail = text[max(0, start - 24) : start].rstrip(_SPACES + ",.")
    word_start = len(tail)
    while word_start > 0 and tail[word_start - 1].isalnum():
        word_start -= 1
    word = tail[word_start:].casefold()
    # A month name (`Oct. 2023`, `12 Oct 2023`) or a day (`Oct 12, 2023`, `October 12th 2023`).
    return word[:3] in _MONTH_PREFIXES or word.rstrip("stndrh").isdigit()


def _scan(text: str, prose: bool) -> list[tuple[re.Match[str], str, _Reading]]:
    """Candidate dates, looked for only around years: text without a year costs one search."""
    found: list[tuple[re.Match[str], str, _Reading]] = []
    taken = 0
    for year in _ANY_YEAR.finditer(text):
        if year.start() < taken or not _may_hold_a_date(text, year.start(), year.end()):
            continue
        candidate = _at_year(text, year, taken)
        if candidate is None:
            continue
        taken = candidate.end()
        if _in_url(text, candidate.start(), candidate.end()):
            continue
        kind = _KIND_OF_GROUP[candidate.lastgroup or ""]
        reading = _read(kind, candidate.group())
        if not (prose and reading.doubtful_in_prose):
            found.append((candidate, kind, reading))
    return found


def find_dates(text: str, *, prose: bool = True) -> list[DateMatch]:
    """Dates written in `text` with a year and at least a month (`Oct. 2023`, `2023-10-12`).

    Bare years are not found: in text, `NeurIPS 2023` names a venue's year, not a date. Dates in
    URLs and paths are not found. With `prose` (the default, for running text), month names must
    be capitalised (`you may 2023` is not a date), and `2010-12`, `2009/10` (year ranges as often
    as months) and `3/2023` are skipped; pass `prose=False` for text known to hold dates, such as a
    date column's cells.
    """
    return [
        DateMatch(match.group(0), match.start(), match.end(), reading.value, reading.families, reading.other_reading)
        for match, _, reading in _scan(text, prose)
        if reading.value is not None
    ]


def read_date(text: str) -> DateMatch | None:
    """The whole of `text` (surrounding spaces aside) as one date; a bare year such as `2023` counts."""
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    if _YEAR_ONLY.fullmatch(stripped):
        year = DateFamily("{YYYY}")
        return DateMatch(stripped, offset, offset + len(stripped), ParsedDate(int(stripped)), frozenset({year}))
    found = find_dates(stripped, prose=False)
    if len(found) != 1 or found[0].text != stripped:
        return None
    match = found[0]
    return DateMatch(match.text, offset, offset + len(match.text), match.value, match.families, match.other_reading)


_MONTH_WORD = re.compile(r"(?<![\w])([A-Za-z]{3,})\.?,?[ \t]+((?:19|20)\d\d)(?!\d)")
_MONTH_SPELLINGS = sorted(_MONTH_NUMBERS)


def date_problem(text: str) -> str | None:
    """Why a string shaped like a date is not one (`Feb 30, 2023`, `Octobr 2023`, `2023-13`), else None."""
    for _, _, reading in _scan(text, prose=False):
        if reading.problem is not None:
            return reading.problem
    for match in _MONTH_WORD.finditer(text):
        word = match.group(1)
        if word.casefold() in _MONTH_NUMBERS:
            continue
        close = get_close_matches(word.casefold(), _MONTH_SPELLINGS, n=1, cutoff=0.8)
        if close:
            return f"'{word}' is not a month name (did you mean '{MONTHS[_MONTH_NUMBERS[close[0]] - 1]}'?)"
    return None
