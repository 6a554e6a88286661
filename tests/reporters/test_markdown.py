from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.config import RawConfig, resolve
from awesomelint.registry import all_rules
from awesomelint.reporters import FORMATS, reporter
from awesomelint.reporters.markdown import MAX_ROWS, report
from awesomelint.runner import FileResult, lint_paths

DOCS = "https://github.com/awesomelint/awesomelint/blob/main/rules/"
TODAY = date(2026, 1, 1)
CLEAN = "# T\n\n- [x](https://example.com)\n"
NO_SCHEME = "# T\n\n- [x](arxiv.org/abs/2310.12036)\n"
DATES = "# T\n\n- 2023-01-02\n- 2023-01-05\n- 2023-01-07\n- Jan 3, 2023\n"
# The fragment decodes to `a|b`, a backtick, `c<d&lt;`, a line break and `e`: each could break a table row.
HOSTILE = "# T\n\n- [x](#a%7Cb%60c%3Cd%26lt;%0Ae)\n- [y](#f|g`h<i*j_k)\n"
# A GFM table row splits at every `|` that no backslash escapes.
_CELL_BOUNDARY = re.compile(r"(?<!\\)\|")


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


def render(results: Sequence[FileResult]) -> str:
    stream = io.StringIO()
    report(results, stream, color=False)
    return stream.getvalue()


def cells(row: str) -> list[str]:
    assert row.startswith("| ")
    assert row.endswith(" |")
    return [cell.strip() for cell in _CELL_BOUNDARY.split(row[1:-1])]


def finding_rows(text: str) -> list[str]:
    """The rows of the findings table, found by their code-span location cell."""
    return [line for line in text.splitlines() if line.startswith("| `")]


def test_summary_and_tables(folder: Path) -> None:
    results = lint(folder, {"docs.md": NO_SCHEME + "- [y](github.com/a/b)\n", "dates.md": DATES, "clean.md": CLEAN})
    assert render(results) == (
        "### awesomelint\n"
        "\n"
        "2 errors and 1 warning in 3 files.\n"
        "\n"
        "| Rule | Severity | Count | Docs |\n"
        "| --- | --- | ---: | --- |\n"
        f"| missing-scheme | error | 2 | [missing-scheme.md]({DOCS}missing-scheme.md) |\n"
        "| inconsistent-date-format | warning | 1 | "
        f"[inconsistent-date-format.md]({DOCS}inconsistent-date-format.md) |\n"
        "\n"
        "| Location | Severity | Rule | Message |\n"
        "| --- | --- | --- | --- |\n"
        "| `docs.md:3:7` | error | missing-scheme | 'arxiv.org/abs/2310.12036' has no scheme, so GitHub treats it "
        "as a relative path; use 'https://arxiv.org/abs/2310.12036' |\n"
        "| `docs.md:4:7` | error | missing-scheme | 'github.com/a/b' has no scheme, so GitHub treats it "
        "as a relative path; use 'https://github.com/a/b' |\n"
        "| `dates.md:6:3` | warning | inconsistent-date-format | 'Jan 3, 2023' is written differently from the 3 other "
        "dates in the section 'T', which use the form '2023-10-12': write '2023-01-03' |\n"
        "\n"
    )


def test_no_findings(folder: Path) -> None:
    assert render(lint(folder, {"clean.md": CLEAN})) == "### awesomelint\n\nNo findings in 1 file.\n\n"


def test_unreadable_files_are_listed(folder: Path) -> None:
    text = render(lint(folder, {"clean.md": CLEAN, "docs.md": NO_SCHEME}, "missing.md"))
    assert text.startswith(
        "### awesomelint\n"
        "\n"
        "1 error and 0 warnings in 2 files; 1 file could not be linted.\n"
        "\n"
        "Could not be linted:\n"
        "\n"
        "- missing.md: no such file\n"
        "\n"
        "| Rule | Severity | Count | Docs |\n"
    )
    only_unreadable = render(lint(folder, {}, "missing.md")).splitlines()
    assert only_unreadable[2] == "No findings in 0 files; 1 file could not be linted."


def test_messages_cannot_break_the_table(folder: Path) -> None:
    [result] = lint(folder, {"hostile.md": HOSTILE})
    assert [finding.message for finding in result.findings] == [
        "no heading or anchor for '#a%7Cb%60c%3Cd%26lt;%0Ae (a|b`c<d&lt;\ne)' in this file",
        "no heading or anchor for '#f|g`h<i*j_k' in this file",
    ]
    rows = finding_rows(render([result]))
    assert [cells(row) for row in rows] == [
        [
            "`hostile.md:3:7`",
            "error",
            "broken-anchor",
            r"no heading or anchor for '#a%7Cb%60c%3Cd%26lt;%0Ae (a\|b\`c&lt;d&amp;lt;<br>e)' in this file",
        ],
        ["`hostile.md:4:7`", "error", "broken-anchor", r"no heading or anchor for '#f\|g\`h&lt;i\*j\_k' in this file"],
    ]


def test_odd_paths_stay_one_code_span(folder: Path) -> None:
    rows = finding_rows(render(lint(folder, {"a`b.md": NO_SCHEME, "c|d.md": NO_SCHEME})))
    assert [cells(row)[0] for row in rows] == ["``a`b.md:3:7``", r"`c\|d.md:3:7`"]


def test_findings_table_is_capped(folder: Path) -> None:
    extra = 3
    links = "".join(f"- [x](#missing-{number})\n" for number in range(MAX_ROWS + extra))
    text = render(lint(folder, {"many.md": "# T\n\n" + links}))
    rows = finding_rows(text)
    assert len(rows) == MAX_ROWS
    assert rows[-1].startswith(f"| `many.md:{MAX_ROWS + 2}:7` |")
    assert text.endswith(f"{rows[-1]}\n\n3 more findings not shown.\n\n")
    assert f"| broken-anchor | error | {MAX_ROWS + extra} | [broken-anchor.md]({DOCS}broken-anchor.md) |" in text


def test_registered_as_a_format() -> None:
    assert FORMATS["markdown"] == "awesomelint.reporters.markdown"
    assert reporter("markdown") is report


def test_command_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "docs.md").write_text(NO_SCHEME, encoding="utf-8")
    assert main(["--format", "markdown", "--offline", "--select", "missing-scheme", "docs.md"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("### awesomelint\n\n1 error and 0 warnings in 1 file.\n")
    assert [cells(row)[:3] for row in finding_rows(out)] == [["`docs.md:3:7`", "error", "missing-scheme"]]
