"""The stable JSON report (version 1), documented in the README."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from awesomelint.reporters import summary_counts
from awesomelint.runner import FileResult

VERSION = 1


def as_data(results: Sequence[FileResult]) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for result in results:
        entry: dict[str, Any] = {
            "path": result.path,
            "findings": [
                {
                    "rule": finding.rule,
                    "severity": finding.severity.value,
                    "line": finding.line,
                    "column": finding.column,
                    "end_line": finding.end_line,
                    "end_column": finding.end_column,
                    "message": finding.message,
                    "fixable": finding.fix is not None,
                }
                for finding in result.findings
            ],
        }
        if result.error is not None:
            entry["error"] = result.error
        files.append(entry)
    count, errors, warnings = summary_counts(results)
    return {
        "version": VERSION,
        "files": files,
        "summary": {"files": count, "errors": errors, "warnings": warnings},
    }


def report(results: Sequence[FileResult], stream: TextIO, *, color: bool) -> None:
    json.dump(as_data(results), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
