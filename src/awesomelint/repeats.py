"""Works cited by identifier (arXiv IDs, DOIs) from more than one entry: what the duplicate rules share.

A rule supplies how to read its identifiers from a link and from text; this module decides
which repeats are duplicates: not two citations in one entry, not a paper's sub-items, and
(with cross-listing allowed) not a curator filing one work under two topics.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from awesomelint.document import Document, Entry, Span
from awesomelint.rule import RuleContext

# Earlier entries kept per work to compare later ones with, one per (title, section).
# Real lists hold a work a handful of times; the cap keeps a hostile list linear.
_MAX_KEPT = 32
_PUNCTUATION = re.compile(r"[\W_]+")
# `DeepSeek-V2: A Strong, Economical…` is named `DeepSeek-V2`; shorter names match too much.
_NAME = re.compile(r"^\s*([^:]{2,40}?)\s*:\s+\S")


class Identified(Protocol):
    @property
    def identifier(self) -> str: ...


Work = TypeVar("Work", bound=Identified)


@dataclass(frozen=True, slots=True)
class Repeat(Generic[Work]):
    """A duplicate: where to report it, the work as cited there, and the other entry to name."""

    span: Span
    work: Work
    named: Entry


def title_key(entry: Entry) -> str:
    """The title without case, spaces or punctuation, so `GaLore.` and `galore` are one title."""
    return _PUNCTUATION.sub("", entry.title.casefold())


def _name_key(entry: Entry) -> str:
    match = _NAME.match(entry.title)
    return _PUNCTUATION.sub("", match.group(1).casefold()) if match else ""


def _same_work_named(entry: Entry, title: str, other: Entry, other_title: str) -> bool:
    """One entry names the work (`OPT-1.3|6.7B`) that the other titles in full (`OPT: Open Pre-trained…`)."""
    name, other_name = _name_key(entry), _name_key(other)
    return bool(other_name and title.startswith(other_name)) or bool(name and other_title.startswith(name))


def cross_listed(entry: Entry, title: str, other: Entry, other_title: str) -> bool:
    """A curator filing one work under two topics on purpose: another section, and the same title or name.

    An untitled entry could be anything, so it is never a cross-listing.
    """
    if not title or not other_title or entry.section == other.section:
        return False
    return title == other_title or _same_work_named(entry, title, other, other_title)


def within_listing(document: Document, entry: Entry, holders: set[int]) -> bool:
    """Whether an entry enclosing this one already cites the work: a paper's sub-items are its listing."""
    parent = entry.parent
    while parent is not None:
        if parent in holders:
            return True
        parent = document.entries[parent].parent
    return False


def _first_repeated(
    entry: Entry, title: str, earlier: list[tuple[Entry, str]], allow_cross_listing: bool
) -> Entry | None:
    """The earlier entry this one repeats, if it is a duplicate.

    A repeat inside one section always is. Otherwise a cross-listing of any earlier entry is
    the curator's doing, even when some other earlier entry is itself a mistaken repeat.
    """
    same_section = next((other for other, _ in earlier if other.section == entry.section), None)
    if same_section is not None or not earlier:
        return same_section
    if allow_cross_listing and any(cross_listed(entry, title, other, other_title) for other, other_title in earlier):
        return None
    return earlier[0][0]


def citations(
    document: Document,
    from_url: Callable[[str], Work | None],
    mentions: Callable[[str], Iterable[tuple[int, int, Work]]],
) -> dict[int, list[tuple[Span, Work]]]:
    """Each entry's works, by link (badges included) or mentioned in its text, in source order."""
    found: dict[int, list[tuple[Span, Work]]] = {}
    for link in document.links:
        if link.entry is None or link.is_image:
            continue
        work = from_url(link.destination)
        if work is not None:
            found.setdefault(link.entry, []).append((link.span, work))
    for run in document.texts:
        if run.entry is None:
            continue
        for start, end, work in mentions(run.text):
            # Text runs hold one source line, but stay right if one ever spans more.
            before = run.text.rfind("\n", 0, start)
            line = run.line + run.text.count("\n", 0, start)
            column = run.column + start if before < 0 else start - before
            found.setdefault(run.entry, []).append((Span(line, column, line, column + end - start), work))
    for cited in found.values():
        cited.sort(key=lambda item: (item[0].line, item[0].column))
    return found


def repeats(
    document: Document,
    cited: dict[int, list[tuple[Span, Work]]],
    context: RuleContext,
    *,
    allow_cross_listing: bool,
) -> Iterator[Repeat[Work]]:
    """Every citation of a work that an earlier, unrelated entry already cites."""
    holders: dict[str, set[int]] = {}  # the entries citing each work
    kept: dict[str, list[tuple[Entry, str]]] = {}  # each work's first entry per (title, section)
    # Entries are numbered in source order, parents before their nested items.
    for index in sorted(cited):
        entry = document.entries[index]
        title = title_key(entry)
        for span, work in cited[index]:
            key = work.identifier
            cited_by = holders.setdefault(key, set())
            if index in cited_by or within_listing(document, entry, cited_by):
                continue
            cited_by.add(index)
            earlier = kept.setdefault(key, [])
            first = _first_repeated(entry, title, earlier, allow_cross_listing)
            if first is not None:
                first_span, first_work = next(
                    (place, other_work) for place, other_work in cited[first.index] if other_work.identifier == key
                )
                at, other_place = context.duplicate_at(span, first_span)
                yield (Repeat(at, work, first) if other_place is first_span else Repeat(at, first_work, entry))
            place = (title, entry.section)
            if len(earlier) < _MAX_KEPT and all((t, other.section) != place for other, t in earlier):
                earlier.append((entry, title))


def where(entry: Entry) -> str:
    """How a message names an entry: its line, and its title when it has one."""
    return f'line {entry.line} ("{entry.title}")' if entry.title else f"line {entry.line}"
