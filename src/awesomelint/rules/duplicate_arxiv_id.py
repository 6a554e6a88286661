"""duplicate-arxiv-id: the same arXiv paper linked or cited from two different entries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from awesomelint.arxiv import ArxivId, find_in_text, from_url
from awesomelint.document import Document
from awesomelint.finding import Finding
from awesomelint.repeats import citations, repeats, where
from awesomelint.rule import Option, RuleContext, rule


def _mentions(text: str) -> Iterable[tuple[int, int, ArxivId]]:
    return ((mention.start, mention.end, mention.paper) for mention in find_in_text(text))


@rule(
    name="duplicate-arxiv-id",
    summary="The same arXiv paper is listed in two different entries",
    options=(
        Option(
            "allow-cross-listing",
            True,
            "a paper may appear in different sections under the same title, or named in one and titled in the other",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Papers are compared by identity: abs, pdf, html, versions, hosts and `arXiv:` text are one."""
    cited = citations(document, from_url, _mentions)
    for repeat in repeats(document, cited, context, allow_cross_listing=bool(context.options["allow-cross-listing"])):
        yield context.finding(repeat.span, f"arXiv {repeat.work.identifier} is already listed at {where(repeat.named)}")
