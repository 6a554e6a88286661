"""A Markdown report for a GitHub job summary (`>> $GITHUB_STEP_SUMMARY`): counts per rule, then the findings."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TextIO

from awesomelint.finding import Finding, Severity
from awesomelint.registry import all_rules
from awesomelint.reporters import doc_url, plural, summary_counts
from awesomelint.runner import FileResult

# Job summaries are limited to 1 MiB; a list with thousands of findings needs the full report elsewhere.
MAX_ROWS = 500

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Backslash-escaping Markdown's inline punctuation keeps a quoted link or code span in a message
# from turning into a link, emphasis or code that swallows the cell; `|` would end the cell.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
_BACKTICKS = re.compile(r"`+")


def text_cell(text: str) -> str:
    """Text shown as written inside a table cell, whatever Markdown or HTML it contains."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped)
    return _LINE_BREAK.sub("<br>", escaped)


def code_cell(text: str) -> str:
    """Text as a code span inside a table cell: a longer run of backticks fences any backticks inside."""
    text = _LINE_BREAK.sub(" ", text).replace("|", r"\|")
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    if text.startswith(("`", " ")) or text.endswith(("`", " ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def summary_line(results: Sequence[FileResult]) -> str:
    files, errors, warnings = summary_counts(results)
    failed = sum(1 for result in results if result.error is not None)
    linted = plural(files - failed, "file")
    found = f"{plural(errors, 'error')} and {plural(warnings, 'warning')}" if errors + warnings else "No findings"
    line = f"{found} in {linted}"
    if failed:
        line += f"; {plural(failed, 'file')} could not be linted"
    return line + "."


def docs_cell(name: str) -> str:
    rule = all_rules().get(name)
    url = doc_url(rule) if rule is not None else None
    return f"[{name}.md]({url})" if url is not None else ""


def rule_table(findings: Sequence[Finding]) -> Iterator[str]:
    counts = Counter((finding.rule, finding.severity) for finding in findings)
    # Most frequent first: the rule that needs the most work heads the summary.
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0][0], item[0][1] is not Severity.ERROR))
    yield "| Rule | Severity | Count | Docs |"
    yield "| --- | --- | ---: | --- |"
    for (rule, severity), count in ordered:
        yield f"| {text_cell(rule)} | {severity.value} | {count} | {docs_cell(rule)} |"


def finding_row(finding: Finding) -> str:
    where = code_cell(f"{finding.path}:{finding.line}:{finding.column}")
    return f"| {where} | {finding.severity.value} | {text_cell(finding.rule)} | {text_cell(finding.message)} |"


def finding_table(findings: Sequence[Finding]) -> Iterator[str]:
    yield "| Location | Severity | Rule | Message |"
    yield "| --- | --- | --- | --- |"
    yield from (finding_row(finding) for finding in findings[:MAX_ROWS])
    left_out = len(findings) - MAX_ROWS
    if left_out > 0:
        yield ""
        yield f"{plural(left_out, 'more finding')} not shown."


def unreadable_list(results: Sequence[FileResult]) -> Iterator[str]:
    errors = [result.error for result in results if result.error is not None]
    if errors:
        yield "Could not be linted:"
        yield ""
        yield from (f"- {text_cell(error)}" for error in errors)
        yield ""


def lines(results: Sequence[FileResult]) -> Iterator[str]:
    yield "### awesomelint"
    yield ""
    yield summary_line(results)
    yield ""
    yield from unreadable_list(results)
    findings = [finding for result in results for finding in result.findings]
    if findings:
        yield from rule_table(findings)
        yield ""
        yield from finding_table(findings)
        # Steps append to the same job summary: without a blank line, the next step's text joins our table.
        yield ""


def report(results: Sequence[FileResult], stream: TextIO, *, color: bool) -> None:
    stream.write("".join(line + "\n" for line in lines(results)))
