from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesomelint.cli import main
from awesomelint.config import RawConfig, resolve
from awesomelint.registry import all_rules
from awesomelint.reporters import FORMATS, reporter
from awesomelint.reporters.github import escape_data, escape_property, report
from awesomelint.runner import FileResult, lint_paths

TODAY = date(2026, 1, 1)
# The fragment decodes to `50%,a:b`, CR LF, `c`, so the message holds every character that needs escaping.
ESCAPES = "# T\n\n- [x](#50%25,a:b%0D%0Ac)\n"
DATES = "# T\n\n- 2023-01-02\n- 2023-01-05\n- 2023-01-07\n- Jan 3, 2023\n"
NO_SCHEME = "# T\n\n- [x](arxiv.org/abs/2310.12036)\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Files are linted by relative path, as in CI, so the paths in the report are exact."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(folder: Path, files: dict[str, str], *also: str) -> list[FileResult]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = resolve([RawConfig(origin="tests")], all_rules())
    return lint_paths([*files, *also], lambda _: settings, today=TODAY).files


def render(results: Sequence[FileResult]) -> list[str]:
    stream = io.StringIO()
    report(results, stream, color=False)
    return stream.getvalue().splitlines()


def unescape(text: str) -> str:
    """What the Actions runner does to a value; `%25` last so `%253A` stays `%3A`."""
    for escaped, character in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, character)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command the way the runner does: `::name k=v,k=v::message`."""
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    name, properties = head.split(" ", 1)
    pairs = (item.split("=", 1) for item in properties.split(","))
    return name, {key: unescape(value) for key, value in pairs}, unescape(message)


def test_escapes_message_and_properties_like_the_toolkit(folder: Path) -> None:
    results = lint(folder, {"100%, a:b.md": ESCAPES})
    assert render(results) == [
        "::error file=100%25%2C a%3Ab.md,line=3,col=7,endLine=3,endColumn=24,title=awesomelint (broken-anchor)"
        "::no heading or anchor for '#50%2525,a:b%250D%250Ac (50%25,a:b%0D%0Ac)' in this file"
    ]


def test_the_runner_reads_back_the_exact_path_and_message(folder: Path) -> None:
    [result] = lint(folder, {"100%, a:b.md": ESCAPES})
    [finding] = result.findings
    assert "\r\n" in finding.message
    [line] = render([result])
    assert parse_command(line) == (
        "error",
        {
            "file": "100%, a:b.md",
            "line": "3",
            "col": "7",
            "endLine": "3",
            "endColumn": "24",
            "title": "awesomelint (broken-anchor)",
        },
        finding.message,
    )


def test_warnings_fixable_findings_and_unreadable_files(folder: Path) -> None:
    results = lint(folder, {"dates.md": DATES, "docs.md": NO_SCHEME}, "missing.md")
    assert render(results) == [
        "::warning file=dates.md,line=6,col=3,endLine=6,endColumn=14,title=awesomelint (inconsistent-date-format)"
        "::'Jan 3, 2023' is written differently from the 3 other dates in the section 'T', "
        "which use the form '2023-10-12': write '2023-01-03'",
        "::error file=docs.md,line=3,col=7,endLine=3,endColumn=31,title=awesomelint (missing-scheme)"
        "::'arxiv.org/abs/2310.12036' has no scheme, so GitHub treats it as a relative path; "
        "use 'https://arxiv.org/abs/2310.12036'",
        "::error file=missing.md,title=awesomelint::missing.md: no such file",
    ]


def test_a_clean_file_prints_nothing(folder: Path) -> None:
    assert render(lint(folder, {"clean.md": "# T\n\n- [x](https://example.com)\n"})) == []


@given(st.text())
def test_escaped_values_round_trip_and_cannot_end_a_command(text: str) -> None:
    assert unescape(escape_property(text)) == text
    assert not set(escape_property(text)) & set(",:\r\n")
    data = escape_data(text)
    assert not set(data) & set("\r\n")
    assert data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%") == text


def test_registered_as_a_format() -> None:
    assert FORMATS["github"] == "awesomelint.reporters.github"
    assert reporter("github") is report


def test_command_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "docs.md").write_text(NO_SCHEME, encoding="utf-8")
    assert main(["--format", "github", "--offline", "--select", "missing-scheme", "docs.md"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "::error file=docs.md,line=3,col=7,endLine=3,endColumn=31,title=awesomelint (missing-scheme)"
        "::'arxiv.org/abs/2310.12036' has no scheme, so GitHub treats it as a relative path; "
        "use 'https://arxiv.org/abs/2310.12036'"
    ]
