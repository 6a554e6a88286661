from __future__ import annotations

import os
from pathlib import Path

import pytest

from awesomelint.finding import Finding
from awesomelint.registry import all_rules
from awesomelint.rule import RuleContext
from awesomelint.rules.missing_local_file import LocalFiles
from awesomelint.runner import lint_text, parse_source
from awesomelint.source import SourceText

RULE = "missing-local-file"


def lint(markdown: str, file: Path | None) -> list[Finding]:
    return lint_text(markdown, select=[RULE], file=file)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository with a README, a docs folder and a figure."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "README.md").write_text("# List\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Guide\n")
    (tmp_path / "docs" / "my notes.txt").write_text("notes\n")
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "logo.svg").write_text("<svg/>\n")
    return tmp_path


def test_message_names_the_path_looked_for(repository: Path) -> None:
    [finding] = lint("Read [the guide](CONTRIBUTING.md).\n", repository / "README.md")
    assert (finding.line, finding.column, finding.end_column) == (1, 18, 33)
    looked = "looked for CONTRIBUTING.md next to README.md"
    assert finding.message == f"'CONTRIBUTING.md' does not exist ({looked})"


def test_files_that_are_there_are_quiet(repository: Path) -> None:
    markdown = (
        "- [a](docs/guide.md) [b](docs/guide.md#usage) [c](docs/guide.md?plain=1) [d](docs/) [e](./docs)\n"
        "- [f](docs/my%20notes.txt) [g](<docs/my notes.txt>) [h](README.md) [i](./) [j](/docs/guide.md)\n"
        '- ![k](figures/logo.svg) <img src=" figures/logo.svg "> <a href="docs/guide&#46;md">l</a>\n'
        "- [m](#list) [n](?tab=readme) [o]() [p](https://example.com) [q](//example.com)\n"
        "- [r](mailto:a@b.com)\n"
        "- [s](arxiv.org/abs/1) [t](team@example.com) [u](localhost:8000) [v](https//github.com/a)\n"
    )
    assert lint(markdown, repository / "README.md") == []


def test_names_match_case_sensitively_as_on_github(repository: Path) -> None:
    [finding] = lint("[Guide](Docs/Guide.md)\n", repository / "README.md")
    assert finding.message == (
        "'Docs/Guide.md' does not exist (looked for Docs/Guide.md next to README.md; "
        "found docs/guide.md, but GitHub matches file names case-sensitively)"
    )


def test_links_from_a_subfolder(repository: Path) -> None:
    markdown = "[Up](../README.md) [Root](/README.md) [Gone](../CHANGELOG.md) [Root gone](/docs/faq.md)\n"
    findings = lint(markdown, repository / "docs" / "guide.md")
    assert [finding.message for finding in findings] == [
        "'../CHANGELOG.md' does not exist (looked for ../CHANGELOG.md next to guide.md)",
        "'/docs/faq.md' does not exist (looked for faq.md next to guide.md)",
    ]


def test_root_is_the_nearest_folder_holding_git(tmp_path: Path) -> None:
    (tmp_path / "outer.md").write_text("")
    (tmp_path / "repo" / "docs").mkdir(parents=True)
    (tmp_path / "repo" / ".git").write_text("gitdir: elsewhere\n")  # a worktree's `.git` is a file
    (tmp_path / "repo" / "LICENSE").write_text("")
    findings = lint("[License](/LICENSE) [Outer](/outer.md)\n", tmp_path / "repo" / "docs" / "list.md")
    assert [finding.message.split("'")[1] for finding in findings] == ["/outer.md"]


def test_without_a_repository_the_root_is_the_files_folder(tmp_path: Path) -> None:
    (tmp_path / "LICENSE").write_text("")
    assert lint("[License](/LICENSE)\n", tmp_path / "README.md") == []
    [finding] = lint("[Missing](/NOTICE)\n", tmp_path / "README.md")
    assert finding.message == "'/NOTICE' does not exist (looked for NOTICE next to README.md)"


def test_links_that_leave_the_repository_are_github_pages(repository: Path) -> None:
    markdown = "[Issues](../../issues) [Wiki](../../wiki/Home) [Pulls](../pulls)\n"
    assert lint(markdown, repository / "README.md") == []


def test_reference_definitions_are_reported_once(repository: Path) -> None:
    markdown = "[A][lic] and [B][lic]\n\n[lic]: LICENSE\n"
    [finding] = lint(markdown, repository / "README.md")
    assert (finding.line, finding.column) == (3, 8)


def test_images_and_html(repository: Path) -> None:
    markdown = '![Diagram](figures/diagram.png) <img src="figures/chart.png"> <a href="docs/faq.md">FAQ</a>\n'
    findings = lint(markdown, repository / "README.md")
    assert [finding.message.split("'")[1] for finding in findings] == [
        "figures/diagram.png",
        "figures/chart.png",
        "docs/faq.md",
    ]


def test_standard_input_is_not_checked() -> None:
    assert lint("[Contributing](CONTRIBUTING.md)\n", None) == []


@pytest.mark.parametrize("target", ["a" * 5000 + ".md", "nul%00byte.md", "docs/guide.md/inside", "%ff%fe.md"])
def test_odd_names_are_missing_not_crashes(repository: Path, target: str) -> None:
    [finding] = lint(f"[x]({target})\n", repository / "README.md")
    assert finding.rule == RULE


def test_each_folder_is_listed_once(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    listed: list[str] = []
    scandir = os.scandir

    def counting(path: str) -> object:
        listed.append(path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", counting)
    markdown = "".join(f"- [{n}](docs/{n}.md) [g](docs/guide.md)\n" for n in range(500))
    findings = lint(markdown, repository / "README.md")
    assert len(findings) == 500
    assert sorted(listed) == [str(repository), str(repository / "docs")]


def test_lookup_api(repository: Path) -> None:
    files = LocalFiles(repository / "docs" / "guide.md")
    assert files.root == str(repository)
    resolved = files.resolve("../figures/LOGO.svg")
    assert resolved == str(repository / "figures" / "LOGO.svg")
    found = files.lookup(resolved)
    assert not found.exists
    assert found.other_case == str(repository / "figures" / "logo.svg")
    assert files.resolve("../../outside") is None


def test_many_links_each_reported_once(repository: Path) -> None:
    """20,000 lookups, half of them repeats of one file, give one finding per missing file link."""
    markdown = "".join(f"- [Paper {n}](docs/{n}.md) [Guide](docs/guide.md)\n" for n in range(10_000))
    document = parse_source(SourceText(path="README.md", text=markdown), repository / "README.md")
    rule = all_rules()[RULE]
    context = RuleContext(rule=RULE, severity=rule.severity, options=rule.defaults(), path="README.md")
    assert len(list(rule.check(document, context))) == 10_000
