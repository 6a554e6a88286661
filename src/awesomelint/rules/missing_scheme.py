"""missing-scheme: a link target that is a web or email address without `https://` or `mailto:`."""

from __future__ import annotations

from collections.abc import Iterator

from awesomelint.document import Document, Link
from awesomelint.finding import Edit, Finding, Fix
from awesomelint.link_syntax import path_part, scheme_needed, scheme_of
from awesomelint.rule import RuleContext, rule
from awesomelint.rules.missing_local_file import LocalFiles, browser_destination, written_links


def _fix(document: Document, link: Link, prefix: str) -> Fix | None:
    """Insert the scheme before the target, if the span really is where the target is written."""
    span = link.span
    if span.line != span.end_line or not 1 <= span.line <= len(document.source.lines):
        return None
    written = document.source.lines[span.line - 1][span.column - 1 : span.end_column - 1]
    if written != link.target or link.target != link.target.strip():
        # The parser could not place the target, or an attribute value starts with a space:
        # an insertion here would land in the wrong place.
        return None
    return Fix(
        description=f"prepend {prefix}",
        edits=(Edit(span.line, span.column, span.line, span.column, prefix),),
    )


@rule(
    name="missing-scheme",
    summary="A link target looks like a web address but has no scheme, so it is a broken relative link",
    fixable=True,
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Bare URLs and autolinks in text get their scheme from GitHub and are never findings."""
    files: LocalFiles | None = None
    for link in written_links(document):
        target = browser_destination(link)
        scheme = scheme_needed(target)
        if scheme is None:
            continue
        written_scheme = scheme_of(target)
        if document.file is not None and written_scheme is None and scheme != "mailto":
            # A name that looks like a host can be a file or folder that is there
            # (`socket.io/`, `logo.ai`): then the relative link works.
            files = files or LocalFiles(document.file)
            resolved = files.resolve(path_part(target))
            if resolved is not None and files.lookup(resolved).exists:
                continue
        prefix = "mailto:" if scheme == "mailto" else f"{scheme}://"
        if written_scheme is None:
            consequence = "so GitHub treats it as a relative path"
        else:
            consequence = f"so '{written_scheme}:' is taken for one and the link leads nowhere"
        message = f"'{link.target}' has no scheme, {consequence}; use '{prefix}{link.target}'"
        yield context.finding(link.span, message, _fix(document, link, prefix))
