from __future__ import annotations

from pathlib import Path

from awesomelint.finding import Finding
from awesomelint.registry import all_rules
from awesomelint.rule import RuleContext
from awesomelint.runner import lint_text, parse_source
from awesomelint.source import SourceText

RULE = "missing-scheme"


def lint(markdown: str, file: Path | None = None) -> list[Finding]:
    return lint_text(markdown, select=[RULE], file=file)


def apply_fixes(markdown: str, findings: list[Finding]) -> str:
    """Apply single-line edits, rightmost first, so earlier columns stay valid."""
    lines = markdown.split("\n")
    edits = [edit for finding in findings if finding.fix for edit in finding.fix.edits]
    for edit in sorted(edits, key=lambda e: (e.line, e.column), reverse=True):
        assert edit.line == edit.end_line
        line = lines[edit.line - 1]
        lines[edit.line - 1] = line[: edit.column - 1] + edit.replacement + line[edit.end_column - 1 :]
    return "\n".join(lines)


def test_message_names_the_target_and_the_fix() -> None:
    [finding] = lint("- [Paper](arxiv.org/abs/2310.12036)\n")
    assert (finding.line, finding.column, finding.end_column) == (1, 11, 35)
    assert finding.message == (
        "'arxiv.org/abs/2310.12036' has no scheme, so GitHub treats it as a relative path; "
        "use 'https://arxiv.org/abs/2310.12036'"
    )
    assert finding.fix is not None
    assert finding.fix.description == "prepend https://"
    [edit] = finding.fix.edits
    assert (edit.line, edit.column, edit.end_line, edit.end_column) == (1, 11, 1, 11)
    assert edit.replacement == "https://"


def test_fixes_every_kind_of_target() -> None:
    markdown = (
        "| Title | Links |\n"
        "| --- | --- |\n"
        "| ΨPO | [Paper](arxiv.org/abs/2310.12036), ![Badge](img.shields.io/x.svg) |\n"
        '- <a href="www.example.com/x">Site</a> <img src="example.com/logo.png">\n'
        "- [Mail](team@example.com) [Demo](localhost:8000/x) [A][a] [B][a]\n"
        "\n"
        "[a]: github.com/a/b\n"
    )
    findings = lint(markdown)
    assert apply_fixes(markdown, findings) == (
        "| Title | Links |\n"
        "| --- | --- |\n"
        "| ΨPO | [Paper](https://arxiv.org/abs/2310.12036), ![Badge](https://img.shields.io/x.svg) |\n"
        '- <a href="https://www.example.com/x">Site</a> <img src="https://example.com/logo.png">\n'
        "- [Mail](mailto:team@example.com) [Demo](http://localhost:8000/x) [A][a] [B][a]\n"
        "\n"
        "[a]: https://github.com/a/b\n"
    )
    # The definition shared by two links is reported once, where it is written.
    assert [(f.line, f.column) for f in findings if "github.com" in f.message] == [(7, 6)]
    assert apply_fixes(apply_fixes(markdown, findings), lint(apply_fixes(markdown, findings))) == apply_fixes(
        markdown, findings
    )


def test_scheme_taken_from_host_and_port() -> None:
    [finding] = lint("[Demo](localhost:8000/demo)\n")
    assert finding.message == (
        "'localhost:8000/demo' has no scheme, so 'localhost:' is taken for one and the link leads nowhere; "
        "use 'http://localhost:8000/demo'"
    )


def test_email_gets_mailto() -> None:
    [finding] = lint("[Write to us](team@example.com)\n")
    assert finding.message.endswith("use 'mailto:team@example.com'")
    assert finding.fix is not None and finding.fix.description == "prepend mailto:"


def test_files_fragments_and_full_urls_are_quiet() -> None:
    markdown = (
        "- [a](README.md) [b](docs/setup.md) [c](install.sh) [d](./a.com/x) [e](../x) [f](/abs)\n"
        "- [g](#anchor) [h](?q) [i](//example.com/x) [j](https://example.com) [k](mailto:a@b.com)\n"
        "- [l](CONTRIBUTING.md#how) [m](notes.org) [n](2310.12036) [o]() [p](MANIFEST.in)\n"
    )
    assert lint(markdown) == []


def test_text_and_autolinks_are_not_links_without_scheme() -> None:
    markdown = "See arxiv.org/abs/1 and www.example.com, <https://example.com>, `[x](github.com/a)`.\n"
    assert lint(markdown) == []


def test_a_file_or_folder_that_is_there_is_a_working_link(tmp_path: Path) -> None:
    (tmp_path / "logo.ai").write_text("drawing")
    (tmp_path / "socket.io").mkdir()
    (tmp_path / "socket.io" / "notes.txt").write_text("notes")
    markdown = "![Logo](logo.ai) [Notes](socket.io/notes.txt) [Site](perplexity.ai)\n"
    findings = lint(markdown, file=tmp_path / "README.md")
    assert [f.message.split("'")[1] for f in findings] == ["perplexity.ai"]
    # Without a folder to look in, the name decides.
    assert len(lint(markdown)) == 3


def test_fix_lands_before_a_destination_written_with_entities() -> None:
    # The destination's source text (`&amp;`) differs from its decoded text (`&`).
    markdown = "[Paper](arxiv.org/abs/a&amp;b)\n"
    findings = lint(markdown)
    assert apply_fixes(markdown, findings) == "[Paper](https://arxiv.org/abs/a&amp;b)\n"


def test_no_fix_inside_an_attribute_value_that_starts_with_a_space() -> None:
    [finding] = lint('<a href=" www.example.com/x">Site</a>\n')
    assert finding.message.startswith("' www.example.com/x' has no scheme")
    assert finding.fix is None


def test_never_reported_by_both_link_rules(tmp_path: Path) -> None:
    targets = [
        "arxiv.org/abs/1",
        "www.example.com",
        "example.com",
        "README.md",
        "docs.rs/serde",
        "python.org",
        "team@example.com",
        "localhost:8000",
        "https//github.com/a",
        "2310.12036",
        "perplexity.ai",
    ]
    markdown = "".join(f"- [x]({target})\n" for target in targets)
    findings = lint_text(markdown, select=[RULE, "missing-local-file"], file=tmp_path / "README.md")
    lines = [finding.line for finding in findings]
    assert len(lines) == len(set(lines))


def test_many_links_report_only_the_schemeless_ones() -> None:
    """20,000 schemeless targets beside 20,000 full URLs: one finding each, none for the full URLs."""
    row = "- [Paper {n}](arxiv.org/abs/{n}) [Code](https://github.com/a/{n})\n"
    markdown = "".join(row.format(n=n) for n in range(20_000))
    document = parse_source(SourceText(path="README.md", text=markdown), None)
    rule = all_rules()[RULE]
    context = RuleContext(rule=RULE, severity=rule.severity, options=rule.defaults(), path="README.md")
    findings = list(rule.check(document, context))
    assert len(findings) == 20_000
