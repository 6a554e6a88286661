"""SARIF 2.1.0, the format GitHub code scanning and other analysis dashboards read."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from awesomelint import __version__
from awesomelint.docs import rule_doc, sections
from awesomelint.finding import Edit, Finding, Fix, Severity
from awesomelint.registry import all_rules
from awesomelint.reporters import doc_url
from awesomelint.rule import Rule
from awesomelint.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/awesomelint/awesomelint"
# Code scanning resolves %SRCROOT% to the repository checkout, where relative paths are rooted.
SOURCE_ROOT = "%SRCROOT%"

Json = dict[str, Any]


def level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def artifact_location(path: str) -> Json:
    """A URI for a path: percent-encoded, since `%`, spaces or a `:` in a file name are not valid in a URI."""
    file = Path(path)
    if file.is_absolute():
        return {"uri": file.as_uri()}
    return {"uri": quote(file.as_posix(), safe="/"), "uriBaseId": SOURCE_ROOT}


def region(line: int, column: int, end_line: int, end_column: int) -> Json:
    # Both sides count columns in code points with the end exclusive; run.columnKind says so.
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def rule_descriptor(rule: Rule) -> Json:
    descriptor: Json = {"id": rule.name, "shortDescription": {"text": rule.summary}}
    doc = rule_doc(rule)
    if doc is not None:
        what = sections(doc).get("What it checks", "").strip()
        if what:
            descriptor["fullDescription"] = {"text": what, "markdown": what}
        descriptor["help"] = {"text": doc, "markdown": doc}
    url = doc_url(rule)
    if url is not None:
        descriptor["helpUri"] = url
    descriptor["defaultConfiguration"] = {"level": level(rule.severity)}
    if rule.network:
        descriptor["properties"] = {"tags": ["network"]}
    return descriptor


def reported_rules(results: Sequence[FileResult]) -> list[str]:
    """The names of the rules with findings, known rules in registry order and any others after them."""
    found = {finding.rule for result in results for finding in result.findings}
    known = [name for name in all_rules() if name in found]
    return known + sorted(found.difference(known))


def rule_descriptors(names: Sequence[str]) -> list[Json]:
    rules = all_rules()
    return [rule_descriptor(rules[name]) if name in rules else {"id": name} for name in names]


def replacement(edit: Edit) -> Json:
    deleted = region(edit.line, edit.column, edit.end_line, edit.end_column)
    return {"deletedRegion": deleted, "insertedContent": {"text": edit.replacement}}


def sarif_fix(fix: Fix, path: str) -> Json:
    change = {"artifactLocation": artifact_location(path), "replacements": [replacement(edit) for edit in fix.edits]}
    return {"description": {"text": fix.description}, "artifactChanges": [change]}


def sarif_result(finding: Finding, rule_index: int) -> Json:
    physical = {
        "artifactLocation": artifact_location(finding.path),
        "region": region(finding.line, finding.column, finding.end_line, finding.end_column),
    }
    entry: Json = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical}],
    }
    if finding.fix is not None:
        entry["fixes"] = [sarif_fix(finding.fix, finding.path)]
    return entry


def unreadable_notification(path: str, error: str) -> Json:
    return {
        "level": "error",
        "message": {"text": error},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
    }


def invocation(results: Sequence[FileResult]) -> Json:
    notifications = [
        unreadable_notification(result.path, result.error) for result in results if result.error is not None
    ]
    return {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}


def as_data(results: Sequence[FileResult]) -> Json:
    names = reported_rules(results)
    index = {name: position for position, name in enumerate(names)}
    driver = {
        "name": "awesomelint",
        "version": __version__,
        "informationUri": INFORMATION_URI,
        "rules": rule_descriptors(names),
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation(results)],
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(finding, index[finding.rule]) for result in results for finding in result.findings],
    }
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def report(results: Sequence[FileResult], stream: TextIO, *, color: bool) -> None:
    json.dump(as_data(results), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
