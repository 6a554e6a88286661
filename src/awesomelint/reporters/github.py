"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from awesomelint.finding import Finding, Severity
from awesomelint.runner import FileResult

TITLE = "awesomelint"


def escape_data(text: str) -> str:
    """Escape a command's message as actions/toolkit does, so a line break cannot end the command early."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: `:` and `,` would otherwise end the value or the property list."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def finding_command(finding: Finding) -> str:
    name = "error" if finding.severity is Severity.ERROR else "warning"
    properties: dict[str, str | int] = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"{TITLE} ({finding.rule})",
    }
    return command(name, properties, finding.message)


def unreadable_command(result: FileResult, error: str) -> str:
    return command("error", {"file": result.path, "title": TITLE}, error)


def report(results: Sequence[FileResult], stream: TextIO, *, color: bool) -> None:
    for result in results:
        if result.error is not None:
            stream.write(unreadable_command(result, result.error) + "\n")
        for finding in result.findings:
            stream.write(finding_command(finding) + "\n")
