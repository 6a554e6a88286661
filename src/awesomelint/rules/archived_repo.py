"""archived-repo: a link to a GitHub repository its owners have archived."""

from __future__ import annotations

from awesomelint.document import Document
from awesomelint.finding import Finding, Severity
from awesomelint.rule import RuleContext, rule


@rule(
    name="archived-repo",
    summary="A linked GitHub repository is archived: read-only and no longer maintained",
    severity=Severity.WARNING,
    network=True,
)
async def check(document: Document, context: RuleContext) -> list[Finding]:
    """Needs GITHUB_TOKEN: archive status comes from the GitHub API, which plain HTTP does not show."""
    from awesomelint.linkcheck.github import repository_of
    from awesomelint.linkcheck.service import request_key

    network = context.network
    if network is None or not network.options.github_token:
        return []
    links = [
        link
        for link in document.links
        if not link.is_image and request_key(link.destination) and repository_of(link.destination.split("#")[0])
    ]
    results = await network.check_urls(link.destination for link in links)
    return [
        context.finding(link.span, f"{link.destination} is an archived repository: it is read-only and unmaintained")
        for link in links
        if results[link.destination].archived
    ]
