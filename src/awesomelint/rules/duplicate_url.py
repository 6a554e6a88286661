"""duplicate-url: the same page is the link of two different entries."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from awesomelint import doi
from awesomelint.arxiv import from_url
from awesomelint.document import Document, Entry, Link, LinkKind
from awesomelint.errors import FatalError
from awesomelint.finding import Finding, Severity
from awesomelint.repeats import within_listing
from awesomelint.rule import Option, RuleContext, rule
from awesomelint.urls import normalise_url

# Earlier entries kept per URL to compare later ones with, one per (title, section).
# Real lists repeat a URL a handful of times; the cap keeps a hostile list linear.
_MAX_KEPT = 32
# Hosts where `/owner/name` is a repository, which may ship several separately listed tools.
_CODE_HOSTS = frozenset({"github.com", "gitlab.com", "codeberg.org", "bitbucket.org"})
_REPOSITORY = re.compile(r"https://(?P<host>[^/?#]+)/[^/?#]+/(?P<name>[^/?#]+?)(?:\.git)?")
_PUNCTUATION = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    """A title without case, spaces or punctuation, so `Flask.` and `flask` are one title."""
    return _PUNCTUATION.sub("", text.casefold())


def _in_sentence(document: Document, link: Link) -> bool:
    """Whether a word stands right before the link, as in `we have a new [curated list](...)`.

    Such a link is part of prose (a news line, a remark), not what the entry lists. Only links
    whose opening is on the target's line can be judged; others are taken as listed.
    """
    line = document.source.lines[link.span.line - 1]
    before = line[: link.span.column - 1]
    if link.kind is LinkKind.INLINE:
        before = before.removesuffix("<")
        if not before.endswith("]("):
            return False
        depth, at = 0, len(before) - 2
        while at >= 0:
            if before[at] == "]":
                depth += 1
            elif before[at] == "[":
                depth -= 1
                if depth == 0:
                    break
            at -= 1
        if at < 0:
            return False
        before = before[:at]
    elif link.kind is LinkKind.AUTOLINK:
        before = before.removesuffix("<")
    elif link.kind is not LinkKind.BARE:
        return False
    before = before.rstrip(" *_~")
    return bool(before) and before[-1].isalnum()


def _counted_links(document: Document, entry: Entry, scope: str) -> Iterator[Link]:
    """The links that identify an entry: its first real link (the title link), or with `all` every one."""
    for link in entry.links:
        if link.is_image or link.contains_image or link.destination.startswith("#"):
            continue  # badges and in-page links say nothing about what the entry is
        if scope == "primary":
            if not _in_sentence(document, link):
                yield link
            return
        yield link


def _repository_name(url: str) -> str:
    """The repository's name when the URL is a repository's home on a code host, else ""."""
    match = _REPOSITORY.fullmatch(url)
    if match is None or match.group("host") not in _CODE_HOSTS:
        return ""
    return _key(match.group("name"))


def _extends(longer: str, shorter: str) -> bool:
    """Whether a title is another and more: `Gemini 1.5 Flash` and `Gemini 1.5`, `uv-build` and `uv`."""
    longer, shorter = longer.casefold(), shorter.casefold()
    return (
        len(_key(shorter)) >= 2
        and len(longer) > len(shorter)
        and longer.startswith(shorter)
        and not longer[len(shorter)].isalnum()
    )


@dataclass(frozen=True, slots=True)
class _Listed:
    entry: Entry
    key: str  # the entry's title key


def _same_listing(first: _Listed, second: _Listed, repository: str | None, cross_listing: bool) -> bool:
    """Whether two entries sharing a URL list it on purpose rather than by mistake.

    The same title under another heading is a cross-listing. When the URL is the entries'
    title link, an edition or part of a project named after it (`Gemini 1.5 Flash` and
    `Gemini 1.5`; `hatchling` and `hatch` in the hatch repository) shares its home page;
    `repository` is None when the URL is not a title link, "" when it is no repository.
    """
    if not first.key or not second.key:
        return False  # an untitled entry could be anything
    if first.key == second.key:
        return cross_listing and first.entry.section != second.entry.section
    if repository is None:
        return False
    one, other = first.entry.title, second.entry.title
    if _extends(one, other) or _extends(other, one):
        return True
    return len(repository) >= 2 and repository in first.key and repository in second.key


def _compile(patterns: Sequence[str]) -> list[re.Pattern[str]]:
    compiled: list[re.Pattern[str]] = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            message = f"[rules.duplicate-url] allow: {pattern!r} is not a regular expression: {error}"
            raise FatalError(message) from None
    return compiled


@rule(
    name="duplicate-url",
    summary="The same URL is the link of two different entries",
    severity=Severity.WARNING,
    options=(
        Option("allow", (), "regular expressions; URLs matching any of them may repeat"),
        Option(
            "scope",
            "primary",
            "primary: compare each entry's first link (what the entry is); all: every link",
            choices=("primary", "all"),
        ),
        Option(
            "allow-cross-listing",
            True,
            "a URL may appear under the same title in different sections",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """URLs are compared normalised: http/https, `www.`, trailing slashes and default ports are one."""
    allow = context.options["allow"]
    allowed = _compile(allow if isinstance(allow, tuple) else (str(allow),))
    scope = str(context.options["scope"])
    cross_listing = bool(context.options["allow-cross-listing"])
    holders: dict[str, set[int]] = {}  # the entries linking each URL
    kept: dict[str, list[_Listed]] = {}  # each URL's first entry per (title, section)
    # Entries are numbered in source order, parents before their nested items.
    for entry in document.entries:
        listed: _Listed | None = None
        for link in _counted_links(document, entry, scope):
            url = normalise_url(link.destination)
            if url is None or from_url(link.destination) is not None or doi.from_url(link.destination) is not None:
                continue  # not a web page, or a paper that duplicate-arxiv-id or duplicate-doi compares
            linked_by = holders.setdefault(url, set())
            if entry.index in linked_by or within_listing(document, entry, linked_by):
                continue
            linked_by.add(entry.index)
            if any(pattern.search(link.destination) or pattern.search(url) for pattern in allowed):
                continue
            listed = listed or _Listed(entry, _key(entry.title))
            earlier = kept.setdefault(url, [])
            repository = _repository_name(url) if scope == "primary" else None
            first = next(
                (other for other in earlier if not _same_listing(other, listed, repository, cross_listing)),
                None,
            )
            if first is not None:
                first_link = next(
                    (other for other in first.entry.links if normalise_url(other.destination) == url), link
                )
                at, other_span = context.duplicate_at(link.span, first_link.span)
                named = first.entry if other_span is first_link.span else entry
                where = f'line {named.line} ("{named.title}")' if named.title else f"line {named.line}"
                shown = link.destination if at is link.span else first_link.destination
                yield context.finding(at, f"{shown} is already linked at {where}")
            if len(earlier) < _MAX_KEPT and all(
                (other.key, other.entry.section) != (listed.key, entry.section) for other in earlier
            ):
                earlier.append(listed)
