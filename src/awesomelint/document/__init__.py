"""The document model: one parse of a Markdown file, with exact positions."""

from __future__ import annotations

from awesomelint.document.model import (
    Cell,
    Comment,
    Document,
    Entry,
    EntryKind,
    Heading,
    Link,
    LinkKind,
    Span,
    Table,
    TextRun,
)

__all__ = [
    "Cell",
    "Comment",
    "Document",
    "Entry",
    "EntryKind",
    "Heading",
    "Link",
    "LinkKind",
    "Span",
    "Table",
    "TextRun",
]
