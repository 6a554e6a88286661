"""Reporters turn results into text for people or machines; `--format` picks one by name."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, TextIO

from awesomelint.runner import FileResult

FORMATS = {
    "text": "awesomelint.reporters.text",
    "json": "awesomelint.reporters.json",
}


class Reporter(Protocol):
    def __call__(self, results: Sequence[FileResult], stream: TextIO, *, color: bool) -> None: ...


def reporter(name: str) -> Reporter:
    module = importlib.import_module(FORMATS[name])
    report: Reporter = module.report
    return report


def summary_counts(results: Sequence[FileResult]) -> tuple[int, int, int]:
    """Files linted, error findings, warning findings."""
    return (
        len(results),
        sum(result.errors for result in results),
        sum(result.warnings for result in results),
    )
