"""missing-scheme: a link target that is a web address without `https://`."""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.document import Document, LinkKind
from awesomelint.finding import Edit, Finding, Fix
from awesomelint.link_syntax import looks_like_web_address
from awesomelint.rule import RuleContext, rule


@rule(
    name="missing-scheme",
    summary="A link target looks like a web address but has no scheme, so it is a broken relative link",
    fixable=True,
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Bare URLs in text are GitHub's autolinks (`www.` or `http`), never scheme-less targets."""
    fixed: set[tuple[int, int]] = set()
    for link in document.links:
        if link.kind in (LinkKind.BARE, LinkKind.AUTOLINK) or not looks_like_web_address(link.destination):
            continue
        span = link.span
        start = (span.line, span.column)
        if start in fixed:
            continue  # reference links that share one definition: one finding, at the definition
        fixed.add(start)
        suggestion = "https://" + link.target
        fix = Fix(
            description="prepend https://",
            edits=(Edit(span.line, span.column, span.line, span.column, "https://"),),
        )
        yield context.finding(
            span,
            f"'{link.target}' has no scheme, so GitHub treats it as a relative path; use '{suggestion}'",
            fix,
        )
