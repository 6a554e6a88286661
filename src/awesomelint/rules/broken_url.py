"""broken-url: links whose page is gone, checked over HTTP (or the GitHub API) once per URL."""

from __future__ import annotations

from awesomelint.document import Document
from awesomelint.finding import Edit, Finding, Fix, Severity
from awesomelint.rule import Option, RuleContext, rule

_LEVELS = ("warning", "error", "off")


@rule(
    name="broken-url",
    summary="A link's page is gone: 404 or 410, no such host, connection refused, invalid certificate",
    network=True,
    fixable=True,
    options=(
        Option("redirected", "warning", "how to report permanent redirects: warning, error or off", choices=_LEVELS),
        Option(
            "unknown",
            "warning",
            "how to report links that could not be checked (timeouts, 403, 429, 5xx): warning, error or off",
            choices=_LEVELS,
        ),
    ),
)
async def check(document: Document, context: RuleContext) -> list[Finding]:
    """Only `broken` results are errors: a 403 or a timeout says nothing sure about the link."""
    from awesomelint.linkcheck.service import request_key
    from awesomelint.linkcheck.status import LinkStatus

    network = context.network
    if network is None:
        return []
    links = [link for link in document.links if request_key(link.destination) is not None]
    results = await network.check_urls(link.destination for link in links)
    if network.network_down:
        return []  # said once for the whole run, not once per link
    findings: list[Finding] = []
    for link in links:
        result = results[link.destination]
        if result.status is LinkStatus.BROKEN:
            findings.append(context.finding(link.span, f"{link.destination} is broken: {result.detail}"))
        elif result.status is LinkStatus.REDIRECTED and context.options["redirected"] != "off":
            severity = Severity(str(context.options["redirected"]))
            fix = None
            if result.location and link.target == link.destination:
                span = link.span
                edit = Edit(span.line, span.column, span.end_line, span.end_column, result.location)
                fix = Fix(description=f"link {result.location}", edits=(edit,))
            findings.append(context.finding(link.span, f"{link.destination} {result.detail}", fix, severity=severity))
        elif result.status is LinkStatus.UNKNOWN and context.options["unknown"] != "off":
            severity = Severity(str(context.options["unknown"]))
            message = f"{link.destination} could not be checked: {result.detail}"
            findings.append(context.finding(link.span, message, severity=severity))
    return findings
