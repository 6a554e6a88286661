"""inconsistent-date-format: dates written in another form than their neighbours, unreadable or in the future."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from awesomelint.dates import TEXT_DATE, WrittenDate, format_date, looks_like_a_date, parse_date
from awesomelint.document import Document, EntryKind, Span
from awesomelint.finding import Edit, Finding, Fix, Severity
from awesomelint.rule import Option, RuleContext, rule

_DEFAULT_COLUMNS = (
    "date",
    "dates",
    "published",
    "published date",
    "publication date",
    "published on",
    "release",
    "released",
    "release date",
    "year",
    "time",
    "updated",
    "last updated",
    "added",
    "date added",
)
# What people write in a date column when there is no date yet.
_PLACEHOLDERS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "tbd", "tba", "?", "unknown", "soon", "n.d.", "x"})
_MARKUP = re.compile(r"<[^>]+>|[*_`~]")


@dataclass(frozen=True, slots=True)
class _Sighting:
    written: WrittenDate
    span: Span


def _header_key(header: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", header.lower()).split())


def _cell_date(text: str) -> tuple[str, int] | None:
    """The date text inside a cell and its offset, once markup like `**` or `<br>` is set aside."""
    plain = _MARKUP.sub(lambda match: " " * len(match.group()), text)
    stripped = plain.strip()
    if not stripped:
        return None
    return stripped, plain.index(stripped)


def _groups(document: Document, columns: frozenset[str]) -> Iterator[tuple[str, list[_Sighting], list[Span]]]:
    """Dates grouped where they should agree: each table's date columns, each section's list items.

    Yields the group's kind, its dates, and the spans of date-column cells that hold no date.
    """
    for table in document.tables:
        date_columns = [
            number for number, cell in enumerate(table.header) if _header_key(cell.header or "") in columns
        ]
        if not date_columns:
            continue
        sightings: list[_Sighting] = []
        unreadable: list[Span] = []
        for index in table.rows:
            cells = document.entries[index].cells
            for number in date_columns:
                if number >= len(cells):
                    continue
                cell = cells[number]
                found = _cell_date(cell.text)
                if found is None or found[0].lower() in _PLACEHOLDERS:
                    continue
                text, offset = found
                start = cell.span.column + offset
                span = Span(cell.span.line, start, cell.span.line, start + len(text))
                written = parse_date(text)
                if written is not None:
                    sightings.append(_Sighting(written, span))
                elif not looks_like_a_date(text):
                    unreadable.append(span)
        yield "table", sightings, unreadable

    by_section: dict[tuple[str, ...], list[_Sighting]] = {}
    for run in document.texts:
        if run.entry is None or document.entries[run.entry].kind is not EntryKind.LIST_ITEM:
            continue
        if not any(character.isdigit() for character in run.text):
            continue
        for match in TEXT_DATE.finditer(run.text):
            written = parse_date(match.group())
            if written is None:
                continue
            start = run.column + match.start()
            section = document.entries[run.entry].section
            span = Span(run.line, start, run.line, start + len(match.group()))
            by_section.setdefault(section, []).append(_Sighting(written, span))
    for sightings in by_section.values():
        yield "section", sightings, []


def _dominant(sightings: Sequence[_Sighting]) -> tuple[str, int] | None:
    counts: Counter[str] = Counter()
    for sighting in sightings:
        counts.update(sighting.written.families)
    if not counts:
        return None
    # Ties go to the family that comes first in the list, so results do not depend on hashing.
    family, count = max(counts.items(), key=lambda item: (item[1], -_first_seen(sightings, item[0])))
    return family, count


def _first_seen(sightings: Sequence[_Sighting], family: str) -> int:
    return next(number for number, sighting in enumerate(sightings) if family in sighting.written.families)


@rule(
    name="inconsistent-date-format",
    summary="A date is written in another form than the other dates of its table or section",
    severity=Severity.WARNING,
    fixable=True,
    options=(
        Option("columns", _DEFAULT_COLUMNS, "table headers (case and punctuation ignored) that mark a date column"),
        Option("min-share", 0.5, "how large a share of the dates the most common form needs before others are reported"),
        Option("min-dates", 3, "groups with fewer dates than this are not compared"),
        Option(
            "scope",
            "file",
            "`file`: every date in the file follows the file's most common form; "
            "`table`: each table (and each section of list items) follows its own",
            choices=("file", "table"),
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Families are compared per table (date columns) and per section (dates in list items' text)."""
    columns = frozenset(_header_key(name) for name in context.options["columns"])  # type: ignore[union-attr]
    min_share = float(context.options["min-share"])  # type: ignore[arg-type]
    min_dates = int(context.options["min-dates"])  # type: ignore[call-overload]
    groups = list(_groups(document, columns))
    if context.options["scope"] == "file":
        merged = [sighting for _, sightings, _ in groups for sighting in sightings]
        merged.sort(key=lambda sighting: (sighting.span.line, sighting.span.column))
        groups = [("file", merged, [span for _, _, unreadable in groups for span in unreadable])]
    for where, sightings, unreadable in groups:
        for span in unreadable:
            text = document.source.lines[span.line - 1][span.column - 1 : span.end_column - 1]
            yield context.finding(span, f"'{text}' in a date column is not a date")
        for sighting in sightings:
            if sighting.written.is_after(context.today):
                yield context.finding(
                    sighting.span, f"'{sighting.written.text}' is in the future (today is {context.today.isoformat()})"
                )
        if len(sightings) < min_dates:
            continue
        dominant = _dominant(sightings)
        if dominant is None:
            continue
        family, count = dominant
        if count < min_share * len(sightings):
            continue
        for sighting in sightings:
            if family in sighting.written.families:
                continue
            rewritten = format_date(sighting.written, family)
            message = (
                f"'{sighting.written.text}' is written differently from the {count} dates in this {where} "
                f"that use the form '{family}'"
            )
            fix = None
            if rewritten is not None:
                message += f": write '{rewritten}'"
                span = sighting.span
                fix = Fix(
                    description=f"rewrite as {rewritten}",
                    edits=(Edit(span.line, span.column, span.end_line, span.end_column, rewritten),),
                )
            yield context.finding(sighting.span, message, fix)
