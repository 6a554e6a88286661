"""date-before-arxiv: an entry dated earlier than the arXiv papers it names were submitted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from awesomelint.arxiv import ArxivId, find_in_text, from_url
from awesomelint.dates import (
    DATE_COLUMN_HEADERS,
    MONTHS,
    DateMatch,
    ParsedDate,
    Precision,
    find_dates,
    header_key,
    read_date,
)
from awesomelint.document import Cell, Document, Entry, EntryKind, Span, TextRun
from awesomelint.finding import Finding
from awesomelint.rule import Option, RuleContext, rule

# Headers of columns that date the paper itself. Release columns are left out because a model
# is often released before its paper (Mistral 7B a fortnight before arXiv 2310.06825), and
# Updated or Date added columns date the list, not the paper.
_LIST_DATES = frozenset({"release", "release date", "released", "released on", "updated", "last updated", "date added"})
_PAPER_DATE_HEADERS = tuple(header for header in DATE_COLUMN_HEADERS if header not in _LIST_DATES)

# arXiv numbers a paper in the month it is announced, not the month it was submitted: a paper
# submitted on 29 September is announced on 2 October as 2310.00166. The first numbers of a
# month can belong to the last days of the month before; these are the first numbers of a
# month's first announcements, generously (a weekend or a holiday break included).
_EARLY_FIVE_DIGITS = 5000  # 2015 on: 9,000 to 25,000 papers a month
_EARLY_FOUR_DIGITS = 1500  # April 2007 to 2014: 5,000 to 8,000 a month
_EARLY_OLD_STYLE = 150  # before April 2007, numbered per archive: a few hundred a month each

# `arxiv 2023` in `**Title.** arxiv 2023. [paper](...)`: the year of the preprint itself, not
# the start of an identifier (`arXiv 2012.01234`). A year after another venue (`NeurIPS 2019`)
# is not a date of the paper on arXiv: papers are posted after they are published too.
_ARXIV_YEAR = re.compile(r"(?<![\w/.])arxiv[ \t]*[:,]?[ \t]*(?P<year>(?:19|20)\d\d)(?!\.?\d|[\w/])", re.IGNORECASE)

# What may stand beside a date that is a field of a list item (`(Oct 2023)`, `**2023-10-12**`,
# `- Oct 2023 -`, `Published: Oct 2023.`) rather than a date in a sentence (`released in May 2020`).
_FIELD_BEFORE = frozenset("([{|-–—,;:.*_\"'>+")
_FIELD_AFTER = frozenset(")]}|-–—,;:.*_\"'<")


@dataclass(frozen=True, slots=True)
class _Dated:
    value: ParsedDate
    span: Span


def _is_early(paper: ArxivId) -> bool:
    number = paper.number
    if paper.is_old_style:
        return number < _EARLY_OLD_STYLE
    five_digits = len(paper.identifier.split(".")[1]) == 5
    return number < (_EARLY_FIVE_DIGITS if five_digits else _EARLY_FOUR_DIGITS)


def _first_possible_month(paper: ArxivId) -> tuple[int, int]:
    """The earliest month in which the paper can have been submitted."""
    if not _is_early(paper):
        return paper.year, paper.month
    return (paper.year, paper.month - 1) if paper.month > 1 else (paper.year - 1, 12)


def _precedes(value: ParsedDate, month: tuple[int, int]) -> bool:
    """Whether a date is earlier than a month, at the date's precision: a year only by its year."""
    if value.month is None:
        return value.year < month[0]
    return (value.year, value.month) < month


def _latest_reading(match: DateMatch) -> ParsedDate:
    """`03/04/2023` is 4 March or 3 April: the later one, so that either reading must be early."""
    if match.other_reading is None:
        return match.value
    return max(match.value, match.other_reading, key=lambda value: value.first_day())


def _papers(entry: Entry, runs: Sequence[TextRun]) -> list[ArxivId]:
    """The arXiv papers an entry links (badges included) or cites as `arXiv:ID`."""
    papers = [paper for link in entry.links if not link.is_image and (paper := from_url(link.destination))]
    papers += [mention.paper for run in runs for mention in find_in_text(run.text)]
    return papers


def _run_span(run: TextRun, start: int, end: int) -> Span:
    return Span(run.line, run.column + start, run.line, run.column + end)


def _cell_dates(cell: Cell, runs: Sequence[TextRun]) -> list[_Dated]:
    inside = [
        run for run in runs if run.line == cell.span.line and cell.span.column <= run.column < cell.span.end_column
    ]
    found = [
        _Dated(_latest_reading(match), _run_span(run, match.start, match.end))
        for run in inside
        for match in find_dates(run.text, prose=False)
    ]
    written = [run for run in inside if run.text.strip()]
    if not found and len(written) == 1:
        year = read_date(written[0].text)  # a bare `2023`, when it is all the cell says
        if year is not None:
            found.append(_Dated(year.value, _run_span(written[0], year.start, year.end)))
    return found


def _stands_alone(line: str, start: int, end: int) -> bool:
    """Whether the text at [start, end) of a source line is set off as a field, not part of a sentence."""
    before = line[:start].rstrip()
    after = line[end:].lstrip()
    return (not before or before[-1] in _FIELD_BEFORE) and (not after or after[0] in _FIELD_AFTER)


def _item_dates(document: Document, runs: Sequence[TextRun]) -> list[_Dated]:
    """A list item's dates that stand as fields (`(Oct 2023)`, `**2023-10-12**`), not those of its prose."""
    found: list[_Dated] = []
    for run in runs:
        line = document.source.lines[run.line - 1] if run.line <= len(document.source.lines) else ""
        for match in find_dates(run.text):
            start = run.column - 1 + match.start
            if _stands_alone(line, start, start + len(match.text)):
                found.append(_Dated(_latest_reading(match), _run_span(run, match.start, match.end)))
    return found


def _arxiv_years(runs: Iterable[TextRun]) -> Iterator[_Dated]:
    for run in runs:
        if "arxiv" not in run.text.casefold():
            continue
        for match in _ARXIV_YEAR.finditer(run.text):
            yield _Dated(ParsedDate(int(match.group("year"))), _run_span(run, match.start(), match.end()))


def _dates(document: Document, entry: Entry, runs: Sequence[TextRun], columns: frozenset[str]) -> list[_Dated]:
    """The dates an entry gives itself: its date columns' cells, or a list item's standalone dates."""
    if entry.kind is EntryKind.TABLE_ROW:
        dates = [
            dated
            for cell in entry.cells
            if cell.header is not None and header_key(cell.header) in columns
            for dated in _cell_dates(cell, runs)
        ]
    else:
        dates = _item_dates(document, runs)
    return dates + list(_arxiv_years(runs))


def _spoken(value: ParsedDate) -> str:
    if value.precision is Precision.YEAR:
        return str(value.year)
    month = f"{MONTHS[(value.month or 1) - 1]} {value.year}"
    return month if value.precision is Precision.MONTH else f"{value.day} {month}"


def _submitted(paper: ArxivId) -> str:
    month = f"{MONTHS[paper.month - 1]} {paper.year}"
    if not _is_early(paper):
        return f"in {month}"
    year, previous = _first_possible_month(paper)
    return f"in {month} (or at the end of {MONTHS[previous - 1]} {year})"


@rule(
    name="date-before-arxiv",
    summary="An entry is dated earlier than the arXiv paper it links was submitted",
    options=(
        Option(
            "columns",
            _PAPER_DATE_HEADERS,
            "table headers of the columns that date the paper (case, spaces and emphasis ignored)",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """An entry's latest date is compared with the earliest paper it names, at the date's precision."""
    columns_option = context.options["columns"]
    assert isinstance(columns_option, tuple)
    columns = frozenset(header_key(name) for name in columns_option)
    for entry in document.entries:
        runs = document.texts_of(entry)
        papers = _papers(entry, runs)
        if not papers:
            continue
        dates = _dates(document, entry, runs, columns)
        if not dates:
            continue
        # Several dates or papers: the entry is reported only if no date of it can be any of
        # its papers', so a paper and its follow-ups, or a paper and its journal version, pass.
        latest = max(dates, key=lambda dated: (dated.value.year, dated.value.month or 12, dated.value.day or 31))
        first = min(papers, key=_first_possible_month)
        if _precedes(latest.value, _first_possible_month(first)):
            yield context.finding(
                latest.span,
                f"dated {_spoken(latest.value)}, but arXiv {first.identifier} was submitted {_submitted(first)}",
            )
