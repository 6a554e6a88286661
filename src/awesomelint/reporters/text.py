"""`path:line:col: severity rule-name message`, one finding a line, then a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from awesomelint.finding import Finding, Severity
from awesomelint.reporters import summary_counts
from awesomelint.runner import FileResult

_BOLD, _RED, _YELLOW, _DIM, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[2m", "\033[0m"


def format_finding(finding: Finding, *, color: bool = False) -> str:
    where = f"{finding.path}:{finding.line}:{finding.column}:"
    severity = finding.severity.value
    rule = finding.rule
    if color:
        tint = _RED if finding.severity is Severity.ERROR else _YELLOW
        where = f"{_BOLD}{where}{_RESET}"
        severity = f"{tint}{severity}{_RESET}"
        rule = f"{_DIM}{rule}{_RESET}"
    fixable = " [*]" if finding.fix is not None else ""
    return f"{where} {severity} {rule} {finding.message}{fixable}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def report(results: Sequence[FileResult], stream: TextIO, *, color: bool) -> None:
    fixable = 0
    for result in results:
        for finding in result.findings:
            stream.write(format_finding(finding, color=color) + "\n")
            fixable += finding.fix is not None
    files, errors, warnings = summary_counts(results)
    failed = sum(1 for result in results if result.error is not None)
    line = f"{_plural(errors, 'error')} and {_plural(warnings, 'warning')} in {_plural(files - failed, 'file')}"
    if failed:
        line += f"; {_plural(failed, 'file')} could not be linted"
    if fixable:
        line += f"; {fixable} fixable with --fix"
    stream.write(line + ".\n")
