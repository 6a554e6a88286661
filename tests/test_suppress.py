from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.runner import lint_text

HEAD = "# List\n\n## Tools\n\n"


def lines_reported(body: str) -> list[int]:
    return [finding.line for finding in lint_text(HEAD + body, select=["broken-anchor"])]


def test_disable_and_enable_a_region() -> None:
    body = (
        "- [a](#x1)\n"  # 5
        "<!-- awesomelint-disable broken-anchor -->\n"
        "- [b](#x2)\n"  # 7
        "<!-- awesomelint-enable -->\n"
        "- [c](#x3)\n"  # 9
    )
    assert lines_reported(body) == [5, 9]


def test_disable_without_names_means_every_rule() -> None:
    assert lines_reported("<!-- awesomelint-disable -->\n- [b](#x2)\n") == []


def test_disable_other_rule_leaves_this_one_on() -> None:
    assert lines_reported("<!-- awesomelint-disable duplicate-url -->\n\n- [b](#x2)\n") == [7]


def test_disable_next_line_only_covers_the_next_line() -> None:
    body = "<!-- awesomelint-disable-next-line broken-anchor -->\n- [b](#x2)\n- [c](#x3)\n"
    assert lines_reported(body) == [7]


def test_disable_line_covers_its_own_line() -> None:
    assert lines_reported("- [b](#x2) <!-- awesomelint-disable-line -->\n- [c](#x3)\n") == [6]


def test_disable_file_anywhere_covers_the_whole_file() -> None:
    assert lines_reported("- [b](#x2)\n\n<!-- awesomelint-disable-file broken-anchor -->\n") == []


def test_directives_inside_code_do_nothing() -> None:
    assert lines_reported("```\n<!-- awesomelint-disable-file -->\n```\n\n- [b](#x2)\n") == [9]


def test_unknown_rule_in_directive_is_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(HEAD + "<!-- awesomelint-disable brokn-anchor -->\n- [b](#x2)\n")
    assert main([str(path), "--select", "broken-anchor", "-q"]) == 1
    assert (
        capsys.readouterr().err
        == f"awesomelint: warning: {path}:5: unknown rule 'brokn-anchor' in an awesomelint comment\n"
    )
