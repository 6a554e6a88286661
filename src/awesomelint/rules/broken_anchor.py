"""broken-anchor: a `#fragment` link to a heading or anchor that is not in the file."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches
from urllib.parse import unquote

from awesomelint.document import Document
from awesomelint.finding import Finding
from awesomelint.rule import RuleContext, rule

# Fragments a browser or GitHub resolves without any heading: the top of the page.
_ALWAYS_PRESENT = frozenset({"", "top", "readme"})
_GITHUB_PREFIX = "user-content-"


def _resolves(fragment: str, anchors: frozenset[str]) -> bool:
    fragment = unquote(fragment)
    if fragment.startswith(_GITHUB_PREFIX):
        fragment = fragment[len(_GITHUB_PREFIX) :]
    if fragment.casefold() in _ALWAYS_PRESENT or fragment in anchors:
        return True
    # GitHub's page script matches fragments case-insensitively.
    folded = fragment.casefold()
    return any(anchor.casefold() == folded for anchor in anchors)


@rule(name="broken-anchor", summary="A #fragment link points to a heading that does not exist in the file")
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Only fragments of this same file are checked: `#x`, not `other.md#x`."""
    for link in document.links:
        if not link.destination.startswith("#"):
            continue
        fragment = link.destination[1:]
        if _resolves(fragment, document.anchors):
            continue
        decoded = unquote(fragment)
        shown = f"#{fragment}" if decoded == fragment else f"#{fragment} ({decoded})"
        message = f"no heading or anchor for '{shown}' in this file"
        close = get_close_matches(decoded, sorted(document.anchors), n=1, cutoff=0.75)
        if close:
            message += f"; did you mean '#{close[0]}'?"
        yield context.finding(link.span, message)
