"""duplicate-doi: the same DOI linked or cited from two different entries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.document import Document, Entry, Span
from awesomelint.doi import Doi, find_in_text, from_url
from awesomelint.finding import Finding
from awesomelint.rule import Option, RuleContext, rule

# Earlier entries kept per DOI to compare later ones with, one per (title, section).
# Real lists hold a work a handful of times; the cap keeps a hostile list linear.
_MAX_KEPT = 32
_PUNCTUATION = re.compile(r"[\W_]+")


def _title_key(entry: Entry) -> str:
    """The title without case, spaces or punctuation, so `GaLore.` and `galore` are one title."""
    return _PUNCTUATION.sub("", entry.title.casefold())


def _citations(document: Document) -> dict[int, list[tuple[Span, Doi]]]:
    """Each entry's DOIs, by link (badges included) or by `doi:10.…` in its text, in source order."""
    found: dict[int, list[tuple[Span, Doi]]] = {}
    for link in document.links:
        if link.entry is None or link.is_image:
            continue
        doi = from_url(link.destination)
        if doi is not None:
            found.setdefault(link.entry, []).append((link.span, doi))
    for run in document.texts:
        if run.entry is None:
            continue
        for mention in find_in_text(run.text):
            # Text runs hold one source line, but stay right if one ever spans more.
            before = run.text.rfind("\n", 0, mention.start)
            line = run.line + run.text.count("\n", 0, mention.start)
            column = run.column + mention.start if before < 0 else mention.start - before
            span = Span(line, column, line, column + mention.end - mention.start)
            found.setdefault(run.entry, []).append((span, mention.doi))
    for citations in found.values():
        citations.sort(key=lambda item: (item[0].line, item[0].column))
    return found


def _cross_listed(title: str, entry: Entry, other_title: str, other: Entry) -> bool:
    """The same title in another section: a curator filing one work under two topics on purpose.

    An untitled entry could be anything, so it is never a cross-listing.
    """
    return bool(title) and title == other_title and entry.section != other.section


def _within_listing(document: Document, entry: Entry, holders: set[int]) -> bool:
    """Whether an entry enclosing this one already cites the DOI: a paper's sub-items are its listing."""
    parent = entry.parent
    while parent is not None:
        if parent in holders:
            return True
        parent = document.entries[parent].parent
    return False


@rule(
    name="duplicate-doi",
    summary="The same DOI is listed in two different entries",
    options=(
        Option(
            "allow-cross-listing",
            True,
            "a work may appear under the same title in different sections",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """DOIs are compared by identity: resolvers, publisher pages, `doi:` text and case are one."""
    cross_listing = bool(context.options["allow-cross-listing"])
    holders: dict[str, set[int]] = {}  # the entries citing each DOI
    kept: dict[str, list[tuple[Entry, str]]] = {}  # each DOI's first entry per (title, section)
    citations = _citations(document)
    # Entries are numbered in source order, parents before their nested items.
    for index in sorted(citations):
        entry = document.entries[index]
        title = _title_key(entry)
        for span, doi in citations[index]:
            key = doi.identifier
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
                first_span, first_doi = next(
                    (cited, other_doi) for cited, other_doi in citations[first.index] if other_doi.identifier == key
                )
                at, other = context.duplicate_at(span, first_span)
                named, shown = (first, doi) if other is first_span else (entry, first_doi)
                where = f'line {named.line} ("{named.title}")' if named.title else f"line {named.line}"
                yield context.finding(at, f"DOI {shown} is already listed at {where}")
            place = (title, entry.section)
            if len(earlier) < _MAX_KEPT and all((t, other.section) != place for other, t in earlier):
                earlier.append((entry, title))
