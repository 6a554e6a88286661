"""missing-field: an entry that lacks a part nearly all the entries beside it have."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from awesomelint.document import Document, Entry, EntryKind, Span, Table
from awesomelint.entry_parts import PARTS, item_parts
from awesomelint.finding import Finding, Severity
from awesomelint.rule import Option, RuleContext, rule

# Shares are compared with floating point: 9 of 10 siblings must pass a threshold of 0.9.
_EPSILON = 1e-9
_MARKER = re.compile(r"[ \t>]*(?:[-*+]|\d+[.)])[ \t]+")


@dataclass(frozen=True, slots=True)
class _Shape:
    """An entry's parts: those it has, and those it could have but lacks (a table row's empty cells)."""

    entry: Entry
    has: frozenset[str]
    lacks: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Evidence:
    """The entries an entry is compared with: how many could have each part, and how many have it."""

    could: Counter[str]
    have: Counter[str]
    where: str

    def dominant(self, part: str, threshold: float) -> bool:
        """Whether nearly all entries have the part: `threshold` of them, besides one that lacks it."""
        could = self.could[part]
        return could > 1 and self.have[part] >= threshold * (could - 1) - _EPSILON


def _evidence(members: Sequence[_Shape], where: str) -> _Evidence:
    could: Counter[str] = Counter()
    have: Counter[str] = Counter()
    for member in members:
        have.update(member.has)
        could.update(member.has | member.lacks)
    return _Evidence(could, have, where)


def _stand_outs(members: Sequence[_Shape], evidence: _Evidence, threshold: float) -> Iterator[tuple[_Shape, str]]:
    """Each member and part it lacks that nearly all the evidence has.

    A member with fewer than half of the parts nearly all have is another kind of entry, not
    an entry with a part left out: a category item over nested ones, a note, a label row.
    """
    dominant = {part for part in evidence.could if evidence.dominant(part, threshold)}
    for member in members:
        if 2 * len(member.has & dominant) < len(dominant):
            continue
        for part in sorted(member.lacks & dominant, key=_part_order):
            yield member, part


def _part_order(part: str) -> tuple[int, str]:
    return (PARTS.index(part), "") if part in PARTS else (len(PARTS), part.zfill(4))


# --- List items, compared per section and nesting level -----------------------------------------


def _depth(document: Document, entry: Entry) -> int:
    depth, parent = 0, entry.parent
    while parent is not None:
        depth, parent = depth + 1, document.entries[parent].parent
    return depth


def _item_shapes(document: Document) -> list[tuple[_Shape, int]]:
    """The shape and depth of every list item with a part, read from its own lines (not its nested items').

    An item with none of the parts is something else than the entries around it (a category
    over nested items, a `See also` line, an entry of a classic list) and is left out.
    """
    first_child: dict[int, int] = {}
    for entry in document.entries:
        if entry.parent is not None:
            first_child.setdefault(entry.parent, entry.line)
    shapes = []
    for entry in document.entries:
        if entry.kind is not EntryKind.LIST_ITEM:
            continue
        last = first_child.get(entry.index, entry.end_line + 1) - 1
        lines = document.source.lines[entry.line - 1 : max(last, entry.line)]
        has = item_parts(
            lines, " ".join(run.text for run in document.texts_of(entry)), [link.text for link in entry.links]
        )
        if has:
            shapes.append((_Shape(entry, has, frozenset(PARTS) - has), _depth(document, entry)))
    return shapes


def _where(prefix: tuple[str, ...], section: tuple[str, ...], depth: int) -> str:
    """The entries of a section, or of the sections under a heading, named for a message."""
    kind = "entries" if depth == 0 else "nested entries"
    if prefix:
        return f'{kind} in "{prefix[-1]}"'
    return f"{kind} before the first heading" if not section else f"{kind} in this file"


def _first_line_span(document: Document, entry: Entry) -> Span:
    line = document.source.lines[entry.line - 1] if entry.line <= len(document.source.lines) else ""
    marker = _MARKER.match(line)
    start = marker.end() if marker else len(line) - len(line.lstrip())
    return Span(entry.line, start + 1, entry.line, max(len(line.rstrip()), start) + 1)


_Pools = dict[tuple[tuple[str, ...], int], list[_Shape]]


def _scope(pools: _Pools, section: tuple[str, ...], depth: int, min_entries: int) -> tuple[str, ...] | None:
    """The section to learn from: the entry's own, or the nearest enclosing one with enough entries."""
    for length in range(len(section), -1, -1):
        if len(pools[(section[:length], depth)]) >= min_entries:
            return section[:length]
    return None


def _keeps_its_own(own: _Evidence, part: str) -> bool:
    """Whether most of a small section's other entries lack the part too: a convention of its own."""
    return own.could[part] > 1 and 2 * own.have[part] <= own.could[part] - 1


def _item_findings(document: Document, context: RuleContext, threshold: float, min_entries: int) -> Iterator[Finding]:
    groups: _Pools = defaultdict(list)
    # Each item also counts in every section that encloses its own, for sections too small alone.
    pools: _Pools = defaultdict(list)
    for shape, depth in _item_shapes(document):
        section = shape.entry.section
        groups[(section, depth)].append(shape)
        for length in range(len(section) + 1):
            pools[(section[:length], depth)].append(shape)
    for (section, depth), members in groups.items():
        scope = _scope(pools, section, depth, min_entries)
        if scope is None:
            continue
        evidence = _evidence(pools[(scope, depth)], _where(scope, section, depth))
        own = _evidence(members, "")
        for member, part in _stand_outs(members, evidence, threshold):
            if scope != section and _keeps_its_own(own, part):
                continue
            message = f"no {part}, which {evidence.have[part]} of {evidence.could[part]} {evidence.where} have"
            yield context.finding(_first_line_span(document, member.entry), message)


# --- Table rows, compared per table --------------------------------------------------------------


def _row_shape(entry: Entry, width: int) -> _Shape:
    """A row's parts are its columns, by number. A row too short to have a cell neither has nor
    lacks it: the missing cell is table-column-count's finding.

    Only an empty cell is missing: `-`, `N/A` or `?` is the curator's answer, not a part left
    out (in the seeds, `-` in an a.k.a column marks a paper that has no short name).
    """
    cells = entry.cells[:width]
    has = frozenset(str(number) for number, cell in enumerate(cells) if cell.text.strip())
    lacks = frozenset(str(number) for number, cell in enumerate(cells) if not cell.text.strip())
    return _Shape(entry, has, lacks)


def _column_name(table: Table, number: int) -> str:
    header = table.header[number].header
    return f"'{header}'" if header else f"column {number + 1}"


def _table_findings(
    document: Document, context: RuleContext, table: Table, threshold: float, min_entries: int
) -> Iterator[Finding]:
    shapes = [_row_shape(document.entries[row], len(table.header)) for row in table.rows]
    if len(table.header) > 2:
        # A row that fills one cell of many labels the rows under it (`| **Vision** | | |`).
        shapes = [shape for shape in shapes if len(shape.has) > 1]
    if len(shapes) < min_entries:
        return
    evidence = _evidence(shapes, "rows in this table")
    for member, part in _stand_outs(shapes, evidence, threshold):
        number = int(part)
        have, could = evidence.have[part], evidence.could[part]
        message = f"no {_column_name(table, number)}, which {have} of {could} {evidence.where} have"
        yield context.finding(member.entry.cells[number].span, message)


@rule(
    name="missing-field",
    summary="An entry lacks a part (a column, a venue, a code link, ...) that nearly all entries beside it have",
    severity=Severity.WARNING,
    options=(
        Option(
            "threshold",
            0.9,
            "the share of the other entries of a table or section that must have a part"
            " for an entry without it to be reported",
        ),
        Option("min-entries", 5, "tables and sections with fewer entries than this are not learnt from"),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Table rows are compared per table, list items per section and nesting level."""
    threshold, min_entries = context.options["threshold"], context.options["min-entries"]
    assert isinstance(threshold, (int, float)) and isinstance(min_entries, int)
    min_entries = max(min_entries, 2)
    yield from _item_findings(document, context, float(threshold), min_entries)
    for table in document.tables:
        yield from _table_findings(document, context, table, float(threshold), min_entries)
