from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for

from awesomelint import __version__
from awesomelint.cli import main
from awesomelint.config import RawConfig, resolve
from awesomelint.docs import rule_doc, sections
from awesomelint.registry import all_rules
from awesomelint.reporters import FORMATS, reporter
from awesomelint.reporters.sarif import report, rule_descriptor
from awesomelint.runner import FileResult, lint_paths

SCHEMA_FILE = Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json"
DOCS = "https://github.com/awesomelint/awesomelint/blob/main/rules/"
TODAY = date(2026, 1, 1)
CLEAN = "# T\n\n- [x](https://example.com)\n"
NO_SCHEME = "# T\n\n- [x](arxiv.org/abs/2310.12036)\n"
DATES = "# T\n\n- 2023-01-02\n- 2023-01-05\n- 2023-01-07\n- Jan 3, 2023\n"
ESCAPES = "# T\n\n- [x](#50%25,a:b%0D%0Ac)\n"
# RFC 3986 URI-reference characters, with `%` only as the start of an escape.
_URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")

Json = dict[str, Any]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Files are linted by relative path, as in CI, so the paths in the report are exact."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(folder: Path, files: dict[str, str], *also: str) -> list[FileResult]:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    settings = resolve([RawConfig(origin="tests")], all_rules())
    return lint_paths([*files, *also], lambda _: settings, today=TODAY).files


def sarif(results: list[FileResult]) -> Json:
    stream = io.StringIO()
    report(results, stream, color=False)
    document: Json = json.loads(stream.getvalue())
    assert_valid(document)
    return document


@cache
def schema() -> Json:
    loaded: Json = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def schema_errors(document: Json) -> list[str]:
    validator_class = validator_for(schema())
    validator_class.check_schema(schema())
    validator = validator_class(schema(), format_checker=validator_class.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


def uris(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "uri" and isinstance(item, str):
                yield item
            else:
                yield from uris(item)
    elif isinstance(value, list):
        for item in value:
            yield from uris(item)


def assert_valid(document: Json) -> None:
    """The official schema, plus URI syntax, which jsonschema checks only with optional packages installed."""
    assert schema_errors(document) == []
    for uri in uris(document):
        assert _URI_REFERENCE.fullmatch(uri), uri
        assert ":" not in uri.split("/")[0] or uri.startswith("file:"), f"{uri} would read as a scheme"


def run_of(document: Json) -> Json:
    [run] = document["runs"]
    result: Json = run
    return result


def location(uri: str, line: int, column: int, end_line: int, end_column: int) -> Json:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column},
        }
    }


@pytest.mark.parametrize(
    ("files", "unreadable"),
    [
        ({"clean.md": CLEAN}, ()),
        ({"docs.md": NO_SCHEME, "dates.md": DATES}, ()),
        ({}, ("missing.md",)),
        ({"100%, a:b.md": ESCAPES, "sub/docs.md": NO_SCHEME, "clean.md": CLEAN}, ("missing.md", "sub")),
        ({}, ()),
    ],
    ids=["no findings", "fixes", "unreadable", "everything", "no files"],
)
def test_every_document_is_valid_sarif(folder: Path, files: dict[str, str], unreadable: tuple[str, ...]) -> None:
    document = sarif(lint(folder, files, *unreadable))
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"


def test_the_schema_check_catches_a_broken_document() -> None:
    assert schema_errors({"version": "2.1.0", "runs": [{"tool": {}}]}) != []


def test_no_findings(folder: Path) -> None:
    run = run_of(sarif(lint(folder, {"clean.md": CLEAN})))
    assert run["tool"] == {
        "driver": {
            "name": "awesomelint",
            "version": __version__,
            "informationUri": "https://github.com/awesomelint/awesomelint",
            "rules": [],
        }
    }
    assert run["results"] == []
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]
    assert run["columnKind"] == "unicodeCodePoints"


def test_fixable_finding_carries_its_fix_as_a_replacement(folder: Path) -> None:
    run = run_of(sarif(lint(folder, {"docs.md": NO_SCHEME})))
    [result] = run["results"]
    assert result == {
        "ruleId": "missing-scheme",
        "ruleIndex": 0,
        "level": "error",
        "message": {
            "text": "'arxiv.org/abs/2310.12036' has no scheme, so GitHub treats it as a relative path; "
            "use 'https://arxiv.org/abs/2310.12036'"
        },
        "locations": [location("docs.md", 3, 7, 3, 31)],
        "fixes": [
            {
                "description": {"text": "prepend https://"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "docs.md", "uriBaseId": "%SRCROOT%"},
                        "replacements": [
                            {
                                "deletedRegion": {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 7},
                                "insertedContent": {"text": "https://"},
                            }
                        ],
                    }
                ],
            }
        ],
    }


def test_rule_metadata_for_the_rules_that_were_reported(folder: Path) -> None:
    run = run_of(sarif(lint(folder, {"docs.md": NO_SCHEME, "dates.md": DATES, "anchors.md": ESCAPES})))
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["broken-anchor", "inconsistent-date-format", "missing-scheme"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    dates = rules[1]
    doc = rule_doc(all_rules()["inconsistent-date-format"])
    assert doc is not None
    assert dates == {
        "id": "inconsistent-date-format",
        "shortDescription": {"text": all_rules()["inconsistent-date-format"].summary},
        "fullDescription": {
            "text": sections(doc)["What it checks"].strip(),
            "markdown": sections(doc)["What it checks"].strip(),
        },
        "help": {"text": doc, "markdown": doc},
        "helpUri": DOCS + "inconsistent-date-format.md",
        "defaultConfiguration": {"level": "warning"},
    }
    assert rules[2]["defaultConfiguration"] == {"level": "error"}


def test_warning_level_and_escaped_message_text(folder: Path) -> None:
    run = run_of(sarif(lint(folder, {"dates.md": DATES, "anchors.md": ESCAPES})))
    dates, anchors = run["results"]
    assert anchors["message"]["text"] == "no heading or anchor for '#50%25,a:b%0D%0Ac (50%,a:b\r\nc)' in this file"
    assert anchors["level"] == "error"
    assert dates["level"] == "warning"
    assert dates["locations"] == [location("dates.md", 6, 3, 6, 14)]
    [fix] = dates["fixes"]
    [change] = fix["artifactChanges"]
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 6, "startColumn": 3, "endLine": 6, "endColumn": 14},
            "insertedContent": {"text": "2023-01-03"},
        }
    ]


def test_network_rules_are_tagged() -> None:
    descriptor = rule_descriptor(all_rules()["broken-url"])
    assert descriptor["properties"] == {"tags": ["network"]}
    assert descriptor["helpUri"] == DOCS + "broken-url.md"
    assert "properties" not in rule_descriptor(all_rules()["missing-scheme"])


def test_paths_become_uri_references(folder: Path) -> None:
    absolute = folder / "abs.md"
    absolute.write_text(NO_SCHEME, encoding="utf-8")
    results = lint(folder, {"100%, a:b.md": NO_SCHEME, "sub/ΨPO.md": NO_SCHEME}, str(absolute))
    run = run_of(sarif(results))
    artifacts = [result["locations"][0]["physicalLocation"]["artifactLocation"] for result in run["results"]]
    assert artifacts == [
        {"uri": "100%25%2C%20a%3Ab.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "sub/%CE%A8PO.md", "uriBaseId": "%SRCROOT%"},
        {"uri": absolute.as_uri()},
    ]


def test_unreadable_files_are_notifications(folder: Path) -> None:
    (folder / "folder").mkdir()
    run = run_of(sarif(lint(folder, {"docs.md": NO_SCHEME}, "missing.md", "folder")))
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [
        {
            "level": "error",
            "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}}],
        }
        for uri, text in [
            ("missing.md", "missing.md: no such file"),
            ("folder", "folder: is a directory, not a Markdown file"),
        ]
    ]
    assert [result["ruleId"] for result in run["results"]] == ["missing-scheme"]


def test_registered_as_a_format() -> None:
    assert FORMATS["sarif"] == "awesomelint.reporters.sarif"
    assert reporter("sarif") is report


def test_command_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "docs.md").write_text(NO_SCHEME, encoding="utf-8")
    assert main(["--format", "sarif", "--offline", "--select", "missing-scheme", "docs.md", "missing.md"]) == 2
    document = json.loads(capsys.readouterr().out)
    assert_valid(document)
    run = run_of(document)
    assert [result["ruleId"] for result in run["results"]] == ["missing-scheme"]
    assert run["invocations"][0]["executionSuccessful"] is False
