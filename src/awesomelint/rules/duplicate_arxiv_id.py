"""duplicate-arxiv-id: the same arXiv paper linked from two different entries."""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.arxiv import ArxivId, from_text, from_url
from awesomelint.document import Document, Entry, Span
from awesomelint.finding import Finding
from awesomelint.rule import RuleContext, rule


def _citations(document: Document) -> Iterator[tuple[Entry, ArxivId, Span]]:
    """Every arXiv paper an entry names, by link or by `arXiv:ID` in its text, in source order."""
    by_position: list[tuple[int, int, int, ArxivId, Span]] = []
    for link in document.links:
        if link.entry is None or link.is_image:
            continue
        paper = from_url(link.destination)
        if paper is not None:
            by_position.append((link.span.line, link.span.column, link.entry, paper, link.span))
    for run in document.texts:
        if run.entry is None:
            continue
        for paper, start, end in from_text(run.text):
            if run.text.count("\n", 0, start) == 0:
                span = Span(run.line, run.column + start, run.line, run.column + end)
                by_position.append((span.line, span.column, run.entry, paper, span))
    for _, _, entry, paper, span in sorted(by_position, key=lambda item: (item[0], item[1])):
        yield document.entries[entry], paper, span


def _related(document: Document, first: Entry, second: Entry) -> bool:
    """Whether one entry is the other or nested inside it: a paper and its sub-items are one listing."""
    for child, ancestor in ((second, first), (first, second)):
        parent = child.parent
        while parent is not None:
            if parent == ancestor.index:
                return True
            parent = document.entries[parent].parent
    return first.index == second.index


@rule(
    name="duplicate-arxiv-id",
    summary="The same arXiv paper is linked from two different entries",
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Links are compared by paper identity: abs, pdf, html, versions, hosts and `arXiv:` text are one."""
    first_seen: dict[str, Entry] = {}
    reported: set[tuple[str, int]] = set()
    for entry, paper, span in _citations(document):
        first = first_seen.setdefault(paper.identifier, entry)
        if _related(document, first, entry) or (paper.identifier, entry.index) in reported:
            continue
        reported.add((paper.identifier, entry.index))
        yield context.finding(
            span,
            f'arXiv {paper.identifier} is already listed at line {first.line} ("{first.title}")',
        )
