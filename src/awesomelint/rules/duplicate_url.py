"""duplicate-url: the same page is the link of two different entries."""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesomelint.arxiv import from_url
from awesomelint.document import Document, Entry, Link
from awesomelint.finding import Finding, Severity
from awesomelint.rule import Option, RuleContext, rule
from awesomelint.urls import normalise_url


def _counted_links(entry: Entry, scope: str) -> Iterator[Link]:
    """The links that identify an entry: its first real link, or with scope `all` every link."""
    for link in entry.links:
        if link.is_image or link.contains_image or link.destination.startswith("#"):
            continue
        yield link
        if scope == "primary":
            return


@rule(
    name="duplicate-url",
    summary="The same URL is the link of two different entries",
    severity=Severity.WARNING,
    options=(
        Option("allow", (), "regular expressions; URLs matching any of them may repeat"),
        Option(
            "scope",
            "primary",
            "`primary`: compare each entry's first link (what the entry is); `all`: every link",
            choices=("primary", "all"),
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """URLs are compared normalised: http/https, `www.`, trailing slashes and default ports are one."""
    allowed = [re.compile(pattern) for pattern in context.options["allow"]]  # type: ignore[union-attr]
    scope = str(context.options["scope"])
    first_seen: dict[str, Entry] = {}
    for entry in document.entries:
        seen_here: set[str] = set()
        for link in _counted_links(entry, scope):
            key = normalise_url(link.destination)
            if key is None or key in seen_here or from_url(link.destination) is not None:
                continue  # arXiv papers are duplicate-arxiv-id's to report
            seen_here.add(key)
            first = first_seen.setdefault(key, entry)
            if first is entry or any(pattern.search(link.destination) for pattern in allowed):
                continue
            yield context.finding(
                link.span, f'{link.destination} is already linked at line {first.line} ("{first.title}")'
            )
