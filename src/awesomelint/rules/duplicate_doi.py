"""duplicate-doi: the same DOI linked or cited from two different entries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from awesomelint.document import Document
from awesomelint.doi import Doi, find_in_text, from_url
from awesomelint.finding import Finding
from awesomelint.repeats import citations, repeats, where
from awesomelint.rule import Option, RuleContext, rule


def _mentions(text: str) -> Iterable[tuple[int, int, Doi]]:
    return ((mention.start, mention.end, mention.doi) for mention in find_in_text(text))


@rule(
    name="duplicate-doi",
    summary="The same DOI is listed in two different entries",
    options=(
        Option(
            "allow-cross-listing",
            True,
            "a work may appear in different sections under the same title, or named in one and titled in the other",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """DOIs are compared by identity: resolvers, publisher pages, `doi:` text and case are one."""
    cited = citations(document, from_url, _mentions)
    for repeat in repeats(document, cited, context, allow_cross_listing=bool(context.options["allow-cross-listing"])):
        # The DOI as written where the finding is, so the message quotes the text the reader sees there.
        yield context.finding(repeat.span, f"DOI {repeat.work} is already listed at {where(repeat.named)}")
