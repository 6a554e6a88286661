"""duplicate-arxiv-id: the same arXiv paper linked or cited from two different entries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.arxiv import ArxivId, find_in_text, from_url
from awesomelint.document import Document, Entry, Span
from awesomelint.finding import Finding
from awesomelint.rule import Option, RuleContext, rule

# Earlier entries kept per paper to compare later ones with, one per (title, section).
# Real lists hold a paper a handful of times; the cap keeps a hostile list linear.
_MAX_KEPT = 32
_PUNCTUATION = re.compile(r"[\W_]+")


def _title_key(entry: Entry) -> str:
    """The title without case, spaces or punctuation, so `GaLore.` and `galore` are one title."""
    return _PUNCTUATION.sub("", entry.title.casefold())


def _citations(document: Document) -> dict[int, list[tuple[Span, ArxivId]]]:
    """Each entry's arXiv papers, by link (badges included) or by `arXiv:ID` in its text, in source order."""
    found: dict[int, list[tuple[Span, ArxivId]]] = {}
    for link in document.links:
        if link.entry is None or link.is_image:
            continue
        paper = from_url(link.destination)
        if paper is not None:
            found.setdefault(link.entry, []).append((link.span, paper))
    for run in document.texts:
        if run.entry is None:
            continue
        for mention in find_in_text(run.text):
            # Text runs hold one source line, but stay right if one ever spans more.
            before = run.text.rfind("\n", 0, mention.start)
            line = run.line + run.text.count("\n", 0, mention.start)
            column = run.column + mention.start if before < 0 else mention.start - before
            span = Span(line, column, line, column + mention.end - mention.start)
            found.setdefault(run.entry, []).append((span, mention.paper))
    for citations in found.values():
        citations.sort(key=lambda item: (item[0].line, item[0].column))
    return found


def _cross_listed(title: str, entry: Entry, other_title: str, other: Entry) -> bool:
    """The same title in another section: a curator filing one paper under two topics on purpose.

    An untitled entry could be anything, so it is never a cross-listing.
    """
    return bool(title) and title == other_title and entry.section != other.section


def _within_listing(document: Document, entry: Entry, holders: set[int]) -> bool:
    """Whether an entry enclosing this one already cites the paper: a paper's sub-items are its listing."""
    parent = entry.parent
    while parent is not None:
        if parent in holders:
            return True
        parent = document.entries[parent].parent
    return False


@rule(
    name="duplicate-arxiv-id",
    summary="The same arXiv paper is listed in two different entries",
    options=(
        Option(
            "allow-cross-listing",
            True,
            "a paper may appear under the same title in different sections",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Papers are compared by identity: abs, pdf, html, versions, hosts and `arXiv:` text are one."""
    cross_listing = bool(context.options["allow-cross-listing"])
    holders: dict[str, set[int]] = {}  # the entries citing each paper
    kept: dict[str, list[tuple[Entry, str]]] = {}  # each paper's first entry per (title, section)
    citations = _citations(document)
    # Entries are numbered in source order, parents before their nested items.
    for index in sorted(citations):
        entry = document.entries[index]
        title = _title_key(entry)
        for span, paper in citations[index]:
            key = paper.identifier
            cited_by = holders.setdefault(key, set())
            if index in cited_by or _within_listing(document, entry, cited_by):
                continue
            cited_by.add(index)
            earlier = kept.setdefault(key, [])
            first = next(
                (
                    other
                    for other, other_title in earlier
                    if not (cross_listing and _cross_listed(title, entry, other_title, other))
                ),
                None,
            )
            if first is not None:
                first_span = next(
                    cited for cited, other_paper in citations[first.index] if other_paper.identifier == key
                )
                at, other = context.duplicate_at(span, first_span)
                named = first if other is first_span else entry
                where = f'line {named.line} ("{named.title}")' if named.title else f"line {named.line}"
                yield context.finding(at, f"arXiv {key} is already listed at {where}")
            place = (title, entry.section)
            if len(earlier) < _MAX_KEPT and all((t, other.section) != place for other, t in earlier):
                earlier.append((entry, title))
