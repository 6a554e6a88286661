"""table-column-count: a table row with more or fewer cells than its header."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import pairwise

from awesomelint.document import Cell, Document, Entry, Span, Table
from awesomelint.document.tables import split_row
from awesomelint.finding import Finding
from awesomelint.rule import Option, RuleContext, rule

# Past the header's last column, GitHub drops cells without a trace. Authors use that on
# purpose for notes only they should see, written as Markdown "comments" (`[//]: #12/02`).
_HIDDEN = re.compile(r"\[[^\]]*\]:\s*(?:#|<>).*|<!--.*-->", re.DOTALL)
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_SHOWN_LIMIT = 60
_MIN_ROWS_FOR_A_COLUMN = 2


def _is_hidden(cell: Cell) -> bool:
    return not cell.text or _HIDDEN.fullmatch(cell.text) is not None


def _count(cells: Sequence[Cell], width: int, ignore_hidden: bool) -> int:
    """Cells that count: trailing cells past the header that show nothing are left out."""
    count = len(cells)
    if ignore_hidden:
        while count > width and _is_hidden(cells[count - 1]):
            count -= 1
    return count


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _columns(header: Sequence[Cell], start: int) -> str:
    """The header names of columns from `start` on, or their numbers for unnamed ones."""
    names = [
        f"'{cell.header}'" if cell.header else f"column {number}"
        for number, cell in enumerate(header[start:], start=start + 1)
    ]
    return _and(names)


def _cell_numbers(first: int, last: int) -> str:
    return f"cell {first}" if first == last else f"cells {first}–{last}"


def _quoted(cells: Sequence[Cell]) -> str | None:
    """The text of the cells a reader would have seen, quoted and shortened, or None."""
    visible = [cell.text for cell in cells if not _is_hidden(cell)]
    if not visible:
        return None
    shortened = [text if len(text) <= _SHOWN_LIMIT else text[: _SHOWN_LIMIT - 1] + "…" for text in visible]
    return _and([f"'{text}'" for text in shortened])


def _dropped(cells: Sequence[Cell]) -> str:
    quoted = _quoted(cells)
    if quoted is None:
        return f"GitHub drops {_plural(len(cells), 'empty or comment cell')}"
    return f"GitHub does not show {quoted}"


def _split_code_span(cells: Sequence[Cell]) -> str:
    """A hint when a `|` inside a code span split a cell: GFM splits there unless it is escaped."""
    for left, right in pairwise(cells):
        if left.text.count("`") % 2 and right.text.count("`") % 2:
            code = left.text[left.text.rindex("`") :] + "|" + right.text[: right.text.index("`") + 1]
            return f" (the '|' in {code} splits the cell: write it as '\\|')"
    return ""


def _row_span(row: Entry) -> Span:
    if not row.cells:
        return Span(row.line, 1, row.line, len(row.text) + 1)
    return Span(row.line, row.cells[0].span.column, row.line, row.cells[-1].span.end_column)


def _delimiter_mismatch(document: Document, table: Table, context: RuleContext) -> Finding | None:
    """GitHub only renders a table whose header and delimiter rows have as many cells."""
    line = table.line + 1
    if line > len(document.source.lines):
        return None
    text = document.source.lines[line - 1]
    prefix = _QUOTE_PREFIX.match(text)
    start = prefix.end() if prefix else 0
    cells = split_row(text[start:])
    if len(cells) == len(table.header) or not cells:
        return None
    span = Span(line, start + cells[0].start + 1, line, start + cells[-1].end + 1)
    return context.finding(
        span,
        f"the header row has {_plural(len(table.header), 'cell')} but the delimiter row under it has "
        f"{len(cells)}: GitHub does not render these lines as a table",
    )


def _table_findings(
    document: Document,
    table: Table,
    context: RuleContext,
    ignore_hidden: bool,
) -> Iterator[Finding]:
    mismatch = _delimiter_mismatch(document, table, context)
    if mismatch is not None:
        yield mismatch
        return  # not a table on GitHub, so its rows' cell counts mean nothing
    header = table.header
    width = len(header)
    rows = [document.entries[index] for index in table.rows]
    counts = [_count(row.cells, width, ignore_hidden) for row in rows]
    if not rows:
        return
    usual, usual_rows = Counter(counts).most_common(1)[0]
    # Most rows agreeing on another count is one mistake (a header column nobody fills, or
    # a column nobody named), reported once at the header; rows between that count and the
    # header's are covered by it.
    column_mistake = usual != width and len(rows) >= _MIN_ROWS_FOR_A_COLUMN and usual_rows * 2 > len(rows)
    if column_mistake:
        share = "every row" if usual_rows == len(rows) else f"{usual_rows} of {len(rows)} rows"
        has = "has" if usual_rows in (1, len(rows)) else "have"
        if usual < width:
            first, last = header[usual].span, header[-1].span
            empty = sum(1 for count in counts if count <= usual)
            by = "every row" if empty == len(rows) else f"{empty} of {len(rows)} rows"
            several = width - usual > 1
            message = (
                f"header column{'s' if several else ''} {_columns(header, usual)} "
                f"{'are' if several else 'is'} left empty by {by}: the header has "
                f"{_plural(width, 'column')} but {share} {has} {_plural(usual, 'cell')}"
            )
        else:
            first, last = header[0].span, header[-1].span
            example = next(rows[number] for number, count in enumerate(counts) if count == usual)
            each = "each row" if usual_rows == len(rows) else "those rows"
            message = (
                f"{share} {has} {_plural(usual, 'cell')} but the header has {_plural(width, 'column')}: "
                f"GitHub drops {_cell_numbers(width + 1, usual)} of {each}"
            )
            quoted = _quoted(example.cells[width:usual])
            if quoted is not None:
                message += f", such as {quoted} on line {example.line}"
        yield context.finding(Span(first.line, first.column, last.line, last.end_column), message)
    low, high = min(usual, width), max(usual, width)
    for row, count in zip(rows, counts, strict=True):
        if count == width or (column_mistake and low <= count <= high):
            continue
        siblings = f" and most rows {usual}" if column_mistake else ""
        if count > width:
            extra = row.cells[width:count]
            span = Span(row.line, extra[0].span.column, row.line, extra[-1].span.end_column)
            message = (
                f"row has {_plural(count, 'cell')} where the header has {_plural(width, 'column')}"
                f"{siblings}: {_dropped(extra)}{_split_code_span(row.cells)}"
            )
        else:
            verb = "is" if width - count == 1 else "are"
            span = _row_span(row)
            message = (
                f"row has {_plural(count, 'cell')} where the header has {_plural(width, 'column')}"
                f"{siblings}: {_columns(header, count)} {verb} left empty"
            )
        yield context.finding(span, message)


@rule(
    name="table-column-count",
    summary="A table row has more or fewer cells than the table's header",
    options=(
        Option(
            "ignore-hidden-cells",
            True,
            "do not count cells past the header that are empty or hold only a Markdown comment",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """GitHub drops cells past the header's count and shows missing ones empty: both hide mistakes."""
    ignore_hidden = bool(context.options.get("ignore-hidden-cells", True))
    for table in document.tables:
        yield from _table_findings(document, table, context, ignore_hidden)
