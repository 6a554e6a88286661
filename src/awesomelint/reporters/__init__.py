"""Reporters turn results into text for people or machines; `--format` picks one by name."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, TextIO

from awesomelint.docs import rule_doc
from awesomelint.rule import Rule
from awesomelint.runner import FileResult

FORMATS = {
    "text": "awesomelint.reporters.text",
    "json": "awesomelint.reporters.json",
    "github": "awesomelint.reporters.github",
    "sarif": "awesomelint.reporters.sarif",
    "markdown": "awesomelint.reporters.markdown",
}

RULE_DOCS_URL = "https://github.com/awesomelint/awesomelint/blob/main/rules/{name}.md"


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


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def doc_url(rule: Rule) -> str | None:
    """Where the rule's doc is on the web; plugin rules document themselves, not in awesomelint's repository."""
    if rule.documentation is not None or rule_doc(rule) is None:
        return None
    return RULE_DOCS_URL.format(name=rule.name)
