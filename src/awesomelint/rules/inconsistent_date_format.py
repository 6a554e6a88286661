"""inconsistent-date-format: a date written unlike the others of its column or section, unreadable, or in the future."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from awesomelint.dates import (
    DATE_COLUMN_HEADERS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    DateFamily,
    DateMatch,
    Precision,
    date_problem,
    find_dates,
    has_year,
    header_key,
    is_placeholder,
    read_date,
)
from awesomelint.document import Cell, Document, EntryKind, Span, Table, TextRun
from awesomelint.finding import Edit, Finding, Fix, Severity
from awesomelint.rule import Option, RuleContext, rule

# Shares are compared with floating point: 7 of 10 dates must pass a `min-share` of 0.7.
_EPSILON = 1e-9
_MONTH_WORD = re.compile(r"\b(?:" + "|".join((*MONTHS, *MONTH_ABBREVIATIONS, "Sept")) + r")\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Dated:
    match: DateMatch
    span: Span
    table: int | None = None


@dataclass
class _ColumnPart:
    """A date column in one table."""

    key: str
    name: str
    dates: list[_Dated] = field(default_factory=list)
    dateless: list[tuple[Cell, str]] = field(default_factory=list)
    cells: int = 0  # that are not empty or placeholders
    datelike: int = 0  # that hold a date, a year, or something meant as a date


@dataclass
class _Column:
    """One date column, pooled over every table of the file that has a column of that name."""

    name: str  # as the first table writes it
    parts: list[_ColumnPart] = field(default_factory=list)

    @property
    def dates(self) -> list[_Dated]:
        return [dated for part in self.parts for dated in part.dates]

    def holds_dates(self) -> bool:
        # Headers such as Release or Time also name columns of versions or durations: a column
        # counts as a date column only when dates make at least half of what it holds.
        datelike = sum(part.datelike for part in self.parts)
        return datelike > 0 and 2 * datelike >= sum(part.cells for part in self.parts)


def _span(run: TextRun, start: int, end: int) -> Span:
    return Span(run.line, run.column + start, run.line, run.column + end)


def _cell_runs(cell: Cell, runs: Sequence[TextRun]) -> list[TextRun]:
    span = cell.span
    return [run for run in runs if run.line == span.line and span.column <= run.column < span.end_column]


def _cell_dates(runs: Sequence[TextRun], table: int) -> list[_Dated]:
    found = [
        _Dated(match, _span(run, match.start, match.end), table)
        for run in runs
        for match in find_dates(run.text, prose=False)
    ]
    if found:
        return found
    # A bare year counts only when it is all the cell says: `2023`, but not `NeurIPS 2023`.
    written = [run for run in runs if run.text.strip()]
    if len(written) == 1:
        year = read_date(written[0].text)
        if year is not None:
            return [_Dated(year, _span(written[0], year.start, year.end), table)]
    return []


def _unreadable(text: str, column: str) -> str | None:
    """Why a non-empty date cell without a date is a problem; None for loose periods like `Q3 2023`."""
    problem = date_problem(text)
    if problem is not None:
        return f"'{text}' in the '{column}' column is not a date: {problem}"
    if has_year(text):
        return None  # `Q3 2023`, `Fall 2023`, `NeurIPS 2023`: vaguer than a date, but not wrong
    if _MONTH_WORD.search(text):
        return f"'{text}' in the '{column}' column has no year"
    return f"'{text}' in the '{column}' column is not a date"


def _table_columns(
    document: Document, table: Table, keys: frozenset[str], runs_of: dict[int, list[TextRun]]
) -> Iterator[_ColumnPart]:
    """Each date column of a table, with its dates and the cells that hold none."""
    for number, header in enumerate(table.header):
        name = (header.header or header.text).strip()
        key = header_key(name)
        if key not in keys:
            continue
        column = _ColumnPart(key, name)
        for row in table.rows:
            cells = document.entries[row].cells
            if number >= len(cells):
                continue
            runs = _cell_runs(cells[number], runs_of.get(row, ()))
            text = "".join(run.text for run in runs).strip()
            if is_placeholder(text):
                continue  # also cells whose text the parser could not place, such as images
            found = _cell_dates(runs, table.index)
            column.cells += 1
            if found:
                column.dates += found
                column.datelike += 1
            else:
                column.dateless.append((cells[number], text))
                column.datelike += has_year(text) or date_problem(text) is not None
        yield column


def _preference(family: DateFamily) -> tuple[int, int, int, str]:
    """Between families that fit the same dates, the one to write others in."""
    template = family.template
    # Named months go with unpadded days (`Oct 5, 2023`), numbers with padded ones (`2023-01-05`).
    unpadded = template.count("{M}") + template.count("{D}")
    padding = template.count("{DD}") if family.named_month else unpadded
    return padding, template.count("{Month}"), template.count("."), template


def _dominant(dates: Sequence[_Dated], min_share: float, min_dates: int) -> tuple[DateFamily, int] | None:
    """The family most dates fit, if it is clear: enough dates, enough of them, and no rival."""
    if len(dates) < min_dates:
        return None
    fits: dict[DateFamily, set[int]] = defaultdict(set)
    for number, dated in enumerate(dates):
        for family in dated.match.families:
            fits[family].add(number)
    if not fits:
        return None
    best = max(len(members) for members in fits.values())
    if best < min_share * len(dates) - _EPSILON:
        return None
    leaders = [family for family, members in fits.items() if len(members) == best]
    if any(fits[family] != fits[leaders[0]] for family in leaders):
        return None  # `Oct 2023` and `October 2023` as often, each: nothing says which is the odd one
    return min(leaders, key=_preference), best


def _fix(document: Document, dated: _Dated, replacement: str) -> Fix | None:
    span = dated.span
    line = document.source.lines[span.line - 1] if 1 <= span.line <= len(document.source.lines) else ""
    if line[span.column - 1 : span.end_column - 1] != dated.match.text:
        return None  # the date is not where the parser placed it: an edit there would corrupt the line
    return Fix(f"write '{replacement}'", (Edit(span.line, span.column, span.line, span.end_column, replacement),))


def _outliers(
    document: Document,
    context: RuleContext,
    dates: Sequence[_Dated],
    where: str,
    min_share: float,
    min_dates: int,
    *,
    in_text: bool = False,
) -> Iterator[Finding] | None:
    """Findings for the dates written unlike the dominant family; None when there is no dominant family."""
    if in_text:
        # In running text a month among full dates (`since Oct 2023` in a list of release days)
        # says something else than the dates around it, not the same thing differently: only
        # dates as precise as each other are compared.
        by_precision: dict[Precision, list[_Dated]] = defaultdict(list)
        for dated in dates:
            by_precision[dated.match.value.precision].append(dated)
        found = [_outliers(document, context, same, where, min_share, min_dates) for same in by_precision.values()]
        return None if all(item is None for item in found) else chain.from_iterable(item or () for item in found)
    dominant = _dominant(dates, min_share, min_dates)
    if dominant is None:
        return None
    family, count = dominant
    return _report(document, context, dates, where, family, count)


def _report(
    document: Document,
    context: RuleContext,
    dates: Sequence[_Dated],
    where: str,
    family: DateFamily,
    count: int,
) -> Iterator[Finding]:
    for dated in dates:
        match = dated.match
        if family in match.families:
            continue
        message = (
            f"'{match.text}' is written differently from the {count} other dates {where}, "
            f"which use the form '{family.label}'"
        )
        rendered = match.render(family)
        fix = None
        if rendered is not None:
            message += f": write '{rendered}'"
            fix = _fix(document, dated, rendered)
        elif match.value.precision < family.precision:
            missing = "day" if match.value.precision is Precision.MONTH else "month"
            if family.precision is Precision.DAY and match.value.precision is Precision.YEAR:
                missing = "month and day"
            message += f": add the {missing}"
        else:
            assert match.other_reading is not None  # the one other reason a date cannot be rewritten
            first, second = sorted((match.value.first_day(), match.other_reading.first_day()))
            message += f" (is it {_spoken(first)} or {_spoken(second)}?)"
        yield context.finding(dated.span, message, fix)


def _spoken(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _section_name(section: tuple[str, ...]) -> str:
    return f"in the section '{section[-1]}'" if section else "before the first heading"


@rule(
    name="inconsistent-date-format",
    summary="A date is written in another form than the other dates of its column or section",
    severity=Severity.WARNING,
    fixable=True,
    options=(
        Option(
            "columns",
            DATE_COLUMN_HEADERS,
            "table headers that mark a date column (case, spaces and emphasis ignored)",
        ),
        Option(
            "min-share",
            0.6,
            "the share of a column's or section's dates the most common form must reach before others are reported",
        ),
        Option("min-dates", 3, "columns and sections with fewer dates than this are not compared"),
        Option("future", True, "report dates in date columns that are later than today"),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Table date columns are pooled by header across the file; list items are compared per section."""
    columns, min_share, min_dates = (context.options[name] for name in ("columns", "min-share", "min-dates"))
    assert isinstance(columns, tuple) and isinstance(min_share, (int, float)) and isinstance(min_dates, int)
    keys = frozenset(header_key(name) for name in columns)
    future = bool(context.options["future"])

    date_tables = [
        table for table in document.tables if any(header_key(cell.header or cell.text) in keys for cell in table.header)
    ]
    rows = {row for table in date_tables for row in table.rows}
    runs_of: dict[int, list[TextRun]] = defaultdict(list)
    by_section: dict[tuple[str, ...], list[_Dated]] = defaultdict(list)
    for run in document.texts:
        if run.entry is None:
            continue
        if run.entry in rows:
            runs_of[run.entry].append(run)
        elif document.entries[run.entry].kind is EntryKind.LIST_ITEM:
            section = document.entries[run.entry].section
            for match in find_dates(run.text):
                by_section[section].append(_Dated(match, _span(run, match.start, match.end)))

    pooled: dict[str, _Column] = {}
    for table in date_tables:
        for part in _table_columns(document, table, keys, runs_of):
            pooled.setdefault(part.key, _Column(part.name)).parts.append(part)

    for column in pooled.values():
        if not column.holds_dates():
            continue
        for part in column.parts:
            for cell, text in part.dateless:
                message = _unreadable(text, column.name)
                if message is not None:
                    yield context.finding(cell.span, message)
        if future:
            yield from _future(context, column.dates)
        yield from _column_outliers(document, context, column, min_share, min_dates)

    for section, dates in by_section.items():
        where = _section_name(section)
        yield from _outliers(document, context, dates, where, min_share, min_dates, in_text=True) or ()


def _column_outliers(
    document: Document, context: RuleContext, column: _Column, min_share: float, min_dates: int
) -> Iterator[Finding]:
    """A column's odd dates, against the form of the column across the file where there is one."""
    alone = f"in this table's '{column.name}' column"
    dominant = _dominant(column.dates, min_share, min_dates)
    if dominant is None or len(column.parts) == 1:
        # One table, or no form leads across the file: each table may still keep to its own.
        where = f"in the '{column.name}' column" if len(column.parts) == 1 else alone
        for part in column.parts:
            yield from _outliers(document, context, part.dates, where, min_share, min_dates) or ()
        return
    # A table whose dates are mostly more or less precise than the file's (days in a table of
    # events, months in the papers' tables) has a convention of its own.
    precision = dominant[0].precision
    pooled: list[_ColumnPart] = []
    for part in column.parts:
        same = sum(1 for dated in part.dates if dated.match.value.precision == precision)
        if same >= min_share * len(part.dates) - _EPSILON:
            pooled.append(part)
        else:
            yield from _outliers(document, context, part.dates, alone, min_share, min_dates) or ()
    dates = [dated for part in pooled for dated in part.dates]
    where = f"in the '{column.name}' column" + (" of this file's tables" if len(pooled) > 1 else "")
    yield from _outliers(document, context, dates, where, min_share, min_dates) or ()


def _future(context: RuleContext, dates: Iterable[_Dated]) -> Iterator[Finding]:
    for dated in dates:
        if dated.match.is_after(context.today):
            yield context.finding(
                dated.span, f"'{dated.match.text}' is in the future (today is {context.today.isoformat()})"
            )
