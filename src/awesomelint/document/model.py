"""The document that rules read: headings, entries, tables and links with exact positions.

Lines and columns are 1-based; columns count code points; end columns are exclusive.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from pathlib import Path

from awesomelint.source import SourceText


@dataclass(frozen=True, slots=True)
class Span:
    line: int
    column: int
    end_line: int
    end_column: int


class LinkKind(str, Enum):
    INLINE = "inline"  # [text](target)
    REFERENCE = "reference"  # [text][label] with `[label]: target` elsewhere
    AUTOLINK = "autolink"  # <https://...>
    BARE = "bare"  # https://... or www.... in text, which GitHub autolinks
    HTML = "html"  # <a href> or <img src>


@dataclass(frozen=True, slots=True)
class Link:
    """One link. `target` is exactly as written; `destination` has escapes resolved."""

    target: str
    destination: str
    text: str
    kind: LinkKind
    is_image: bool
    span: Span  # where the target is written (for reference links: in the definition)
    entry: int | None  # index into Document.entries, innermost entry holding the link
    label: str | None = None  # for reference links
    contains_image: bool = False  # a badge: [![alt](image)](target)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    slug: str
    line: int


@dataclass(frozen=True, slots=True)
class Cell:
    text: str  # as written, stripped of the surrounding spaces, pipes still escaped
    header: str | None  # the header cell's plain text for this column, None past the header
    span: Span


@dataclass(frozen=True, slots=True)
class Table:
    index: int
    line: int  # the header row
    end_line: int
    header: tuple[Cell, ...]
    section: tuple[str, ...]
    rows: tuple[int, ...]  # entry indices


class EntryKind(str, Enum):
    TABLE_ROW = "table-row"
    LIST_ITEM = "list-item"


@dataclass(frozen=True, slots=True)
class Entry:
    """A table body row or a list item; nested list items are entries of their own."""

    index: int
    kind: EntryKind
    line: int
    end_line: int
    section: tuple[str, ...]  # the heading texts above the entry, outermost first
    title: str
    text: str  # the entry's source lines
    links: tuple[Link, ...]  # links whose innermost entry is this one
    parent: int | None = None  # the enclosing list item
    table: int | None = None
    cells: tuple[Cell, ...] = ()

    def cell(self, header: str) -> Cell | None:
        """The cell under a header, matched case-insensitively."""
        wanted = header.casefold()
        for cell in self.cells:
            if cell.header is not None and cell.header.casefold() == wanted:
                return cell
        return None


@dataclass(frozen=True, slots=True)
class TextRun:
    """A run of plain text as written, outside code, links' targets and HTML tags."""

    text: str
    line: int
    column: int
    entry: int | None


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment outside code, for inline `awesomelint-...` directives."""

    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Document:
    path: str  # as the user named it
    file: Path | None  # on disk, for rules that look around it; None for stdin
    source: SourceText
    headings: tuple[Heading, ...]
    entries: tuple[Entry, ...]
    tables: tuple[Table, ...]
    links: tuple[Link, ...]  # every link, in source order
    texts: tuple[TextRun, ...]  # plain text runs, in source order
    comments: tuple[Comment, ...]
    anchors: frozenset[str]  # every fragment that resolves in this file
    code_lines: frozenset[int]  # lines inside fenced or indented code blocks

    def entry_of(self, link: Link) -> Entry | None:
        return None if link.entry is None else self.entries[link.entry]

    @cached_property
    def _texts_by_entry(self) -> Mapping[int, tuple[TextRun, ...]]:
        grouped: dict[int, list[TextRun]] = {}
        for run in self.texts:
            if run.entry is not None:
                grouped.setdefault(run.entry, []).append(run)
        return {entry: tuple(runs) for entry, runs in grouped.items()}

    def texts_of(self, entry: Entry) -> tuple[TextRun, ...]:
        """The plain text runs whose innermost entry is this one, in source order."""
        return self._texts_by_entry.get(entry.index, ())

    def links_in_entries(self) -> Iterator[tuple[Entry, Link]]:
        for entry in self.entries:
            for link in entry.links:
                yield entry, link
