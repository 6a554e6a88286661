"""arxiv-link-style: an arXiv paper linked as its PDF in a list that links abstract pages, or the reverse."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from awesomelint.arxiv import ArxivId, page_from_url
from awesomelint.document import Document, Link, LinkKind
from awesomelint.finding import Edit, Finding, Fix, Severity
from awesomelint.rule import Option, RuleContext, rule

_FORMS = ("abs", "pdf")
_FORM_NAMES = {"abs": "abstract page (abs/)", "pdf": "PDF (pdf/)"}
# Words in a link's text, or a table header, that say which page the link opens on purpose.
_NAMES_FORM = {
    "abs": re.compile(r"\b(?:abs|abstract)\b", re.IGNORECASE),
    "pdf": re.compile(r"\bpdf\b", re.IGNORECASE),
}
# Words of link text that are URLs (`[arxiv.org/pdf/…](…)`, bare links) name no form by choice.
_URL_WORD = re.compile(r"arxiv|://", re.IGNORECASE)
# Shares are compared with floating point: 3 of 4 links must pass a `min-share` of 0.75.
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class _PaperLink:
    link: Link
    paper: ArxivId
    form: str  # "abs" or "pdf"
    listing: tuple[str, int]  # the outermost entry holding the link, or the line outside entries


def _listing(document: Document, link: Link) -> tuple[str, int]:
    """What a link belongs to: its outermost entry (an item and its sub-items), else its line."""
    entry = document.entry_of(link)
    if entry is None:
        return ("line", link.span.line)
    while entry.parent is not None:
        entry = document.entries[entry.parent]
    return ("entry", entry.index)


def _paper_links(document: Document) -> Iterator[_PaperLink]:
    """Links to a paper's abstract or PDF page, once per place the target is written."""
    seen: set[tuple[int, int]] = set()
    for link in document.links:
        if link.is_image:
            continue
        start = (link.span.line, link.span.column)
        if link.kind is LinkKind.REFERENCE:
            if start in seen:
                continue  # one definition used many times is one link
            seen.add(start)
        page = page_from_url(link.destination)
        # `pdf/…#page=3` or `abs/…?context=cs` points at a particular place: kept as written.
        if page is not None and page.page in _FORMS and not page.located:
            yield _PaperLink(link, page.paper, page.page, _listing(document, link))


def _header_of(document: Document, link: Link) -> str:
    """The header of the table column holding a link, or "" outside tables."""
    entry = document.entry_of(link)
    if entry is None or link.kind is LinkKind.REFERENCE:
        return ""
    span = link.span
    for cell in entry.cells:
        if cell.span.line == span.line and cell.span.column <= span.column < cell.span.end_column:
            return cell.header or ""
    return ""


def _names_its_form(document: Document, found: _PaperLink) -> bool:
    """Whether the link's text (`PDF`, `abs`) or its column's header says which page it opens."""
    pattern = _NAMES_FORM[found.form]
    text = found.link.text
    if pattern.search(text):
        words = " ".join(word for word in text.split() if not _URL_WORD.search(word))
        if pattern.search(words):
            return True
    return bool(pattern.search(_header_of(document, found.link)))


def _deliberate(document: Document, links: list[_PaperLink]) -> set[int]:
    """Indices of links whose form is chosen on purpose: named in their text, or beside the other form.

    A listing that links one paper both ways (`[paper](…/abs/X) [pdf](…/pdf/X)`) offers a choice.
    """
    forms: dict[tuple[tuple[str, int], str], set[str]] = {}
    for found in links:
        forms.setdefault((found.listing, found.paper.identifier), set()).add(found.form)
    return {
        number
        for number, found in enumerate(links)
        if len(forms[(found.listing, found.paper.identifier)]) > 1 or _names_its_form(document, found)
    }


def _dominant(counts: Counter[str], style: str, min_links: int, min_share: float) -> str | None:
    """The form to write every link in: the configured one, or a clear majority of the counted links."""
    if style in _FORMS:
        return style
    total = sum(counts.values())
    if total < min_links or counts["abs"] == counts["pdf"]:
        return None
    leader = max(_FORMS, key=lambda form: counts[form])
    return leader if counts[leader] >= min_share * total - _EPSILON else None


def _path_start(target: str) -> int | None:
    """Where the path of a URL as written begins: after the scheme and host, which stay as they are."""
    after_host = target.index("://") + 3 if "://" in target else len(target) - len(target.lstrip("/"))
    start = target.find("/", after_host)
    return None if start < 0 else start


def _fix(document: Document, link: Link, path: str, form: str) -> Fix | None:
    """Replace the target's path, if the span really is where the target is written, unescaped."""
    span = link.span
    if span.line != span.end_line or not 1 <= span.line <= len(document.source.lines):
        return None
    written = document.source.lines[span.line - 1][span.column - 1 : span.end_column - 1]
    start = _path_start(link.target)
    if written != link.target or link.target != link.destination or start is None:
        return None  # an edit placed by the parsed text would land beside the written one
    return Fix(
        description=f"link the {_FORM_NAMES[form]}",
        edits=(Edit(span.line, span.column + start, span.line, span.end_column, path),),
    )


@rule(
    name="arxiv-link-style",
    summary="An arXiv paper is linked as its PDF where the list links abstract pages, or the reverse",
    severity=Severity.WARNING,
    fixable=True,
    options=(
        Option(
            "style",
            "majority",
            "majority: the form most of the file's arXiv links use; abs or pdf: that form everywhere",
            choices=("majority", "abs", "pdf"),
        ),
        Option("min-links", 5, "with style majority, files with fewer counted arXiv links are not compared"),
        Option("min-share", 0.75, "with style majority, the share of counted links the leading form must reach"),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Links that name their form or sit beside the paper's other form are neither counted nor reported."""
    style, min_links, min_share = (context.options[name] for name in ("style", "min-links", "min-share"))
    assert isinstance(style, str) and isinstance(min_links, int) and isinstance(min_share, (int, float))
    links = list(_paper_links(document))
    deliberate = _deliberate(document, links)
    chosen = [found for number, found in enumerate(links) if number not in deliberate]
    counts = Counter(found.form for found in chosen)
    dominant = _dominant(counts, style, min_links, min_share)
    if dominant is None:
        return
    if style == "majority":
        reason = f"{counts[dominant]} of the {sum(counts.values())} arXiv links in this file open the"
    else:
        reason = "the configured style is the"
    for found in chosen:
        if found.form == dominant:
            continue
        target = found.link.target
        message = f"'{target}' opens the {_FORM_NAMES[found.form]}, but {reason} {_FORM_NAMES[dominant]}"
        path = f"/{dominant}/{found.paper.versioned}"
        start = _path_start(target)
        if start is not None:
            message += f": use '{target[:start]}{path}'"
        yield context.finding(found.link.span, message, _fix(document, found.link, path, dominant))
