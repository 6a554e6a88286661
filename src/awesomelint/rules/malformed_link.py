"""malformed-link: links that cannot work as written, and link syntax that did not become a link."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from awesomelint.document import Document, Link, LinkKind, Span
from awesomelint.finding import Finding
from awesomelint.link_syntax import scheme_of
from awesomelint.rule import RuleContext, rule

_DANGEROUS_SCHEMES = frozenset({"javascript", "vbscript", "file"})
# One letter away from http or https: htp, htps, httsp, hhttps, ... (not a scheme anybody means).
_HTTP_TYPO = re.compile(r"^(?:h?t?t?p?s?|ht+ps?|htp?s?|hhtps?|htps?|https?s+|htttps?)$")
_HOST_LABEL = re.compile(r"^(?!-)[\w-]{1,63}(?<!-)$")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")
# `[text] (https://...)`: a space that keeps GitHub from making a link.
_SPACED = re.compile(r"\[([^\[\]\n]+)\][ \t]+\(((?:https?://|www\.)[^\s()]*)\)")
# `[text](https://...` with no closing parenthesis before the text ends.
_UNCLOSED = re.compile(r"\[([^\[\]\n]*)\]\(((?:https?://|www\.)[^\s()]*)(?![^\s(]*\))")
# `[text][label]` left as text: the label has no `[label]: url` definition.
_UNDEFINED_REFERENCE = re.compile(r"\[([^\[\]\n]+)\]\[([^\[\]\n]+)\]")


def _host_problem(host: str) -> str | None:
    if not host:
        return "has no host"
    if host.startswith("[") or re.fullmatch(r"[\d.]+", host):
        return None  # IP literals are checked by the network rules, if at all
    labels = host.rstrip(".").split(".")
    if any(not label for label in labels):
        return f"has an empty label in host '{host}'"
    for label in labels:
        if not _HOST_LABEL.match(label):
            return f"has an invalid host name '{host}'"
    return None


def _target_problem(link: Link) -> str | None:
    destination = link.destination
    if destination == "" and link.kind in (LinkKind.INLINE, LinkKind.REFERENCE):
        return "has an empty target"
    if _CONTROL_OR_SPACE.search(destination.strip()):
        return "has whitespace or a control character in its target"
    if _BAD_PERCENT.search(destination):
        return "has a '%' that is not followed by two hex digits"
    scheme = scheme_of(destination)
    lowered = destination.lower()
    if scheme is None:
        if lowered.startswith(("http//", "https//", "http:/", "https:/")):
            return "has a mistyped scheme (a ':' or '/' is missing)"
        return None
    if scheme in _DANGEROUS_SCHEMES or (scheme == "data" and not link.is_image):
        return f"uses the '{scheme}:' scheme, which GitHub does not link"
    if scheme not in ("http", "https") and _HTTP_TYPO.match(scheme):
        return f"has a mistyped scheme '{scheme}:'"
    if scheme in ("http", "https"):
        if not lowered.startswith(f"{scheme}://"):
            return f"'{scheme}:' is not followed by '//'"
        try:
            parts = urlsplit(destination)
            parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        except ValueError as error:
            return f"cannot be parsed as a URL ({error})"
        problem = _host_problem(parts.netloc.rsplit("@", 1)[-1].rsplit(":", 1)[0] if parts.netloc else "")
        if problem:
            return problem
    return None


def _link_findings(document: Document, context: RuleContext) -> Iterator[Finding]:
    for link in document.links:
        span = link.span
        problem = _target_problem(link)
        if problem is not None:
            if span.column == span.end_column and span.line == span.end_line:
                span = Span(span.line, max(span.column - 1, 1), span.line, span.column + 1)  # show `()`
            shown = f"[{link.text}]({link.target})" if link.kind is LinkKind.INLINE else f"'{link.target}'"
            yield context.finding(span, f"link {shown} {problem}")
        elif (
            link.kind is LinkKind.INLINE
            and not link.is_image
            and not link.contains_image
            and not link.text.strip()
        ):
            yield context.finding(span, f"link to '{link.target}' has no text, so readers cannot see or click it")


def _text_findings(document: Document, context: RuleContext) -> Iterator[Finding]:
    for run in document.texts:
        text = run.text
        if "]" not in text or "\n" in text:
            continue
        for pattern, problem in (
            (_SPACED, "is not a link: remove the space between ']' and '('"),
            (_UNCLOSED, "is not a link: the '(' is never closed"),
            (_UNDEFINED_REFERENCE, "is not a link: no '[{label}]: URL' definition in this file"),
        ):
            for match in pattern.finditer(text):
                if pattern is _UNDEFINED_REFERENCE and _looks_like_prose(match.group(1), match.group(2)):
                    continue
                start = run.column + match.start()
                span = Span(run.line, start, run.line, run.column + match.end())
                shown = match.group()
                shown = shown if len(shown) <= 70 else shown[:69] + "…"
                message = problem.format(label=match.group(2)) if pattern is _UNDEFINED_REFERENCE else problem
                yield context.finding(span, f"'{shown}' {message}")


def _looks_like_prose(text: str, label: str) -> bool:
    """`[1][2]` citation markers and `[x][ ]` checkbox-like text are not broken links."""
    return text.isdigit() or label.isdigit() or not label.strip() or text.strip().lower() in ("x", " ")


@rule(name="malformed-link", summary="A link whose target cannot work, or link syntax that did not become a link")
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Targets are judged as written; whether they answer is broken-url's job."""
    yield from _link_findings(document, context)
    yield from _text_findings(document, context)
