from __future__ import annotations

import pytest

from awesomelint.errors import FatalError
from awesomelint.finding import Finding, Severity
from awesomelint.fixing import fixed_text
from awesomelint.runner import lint_text
from awesomelint.source import SourceText
from conftest import FIXTURES

RULE = "arxiv-link-style"
# Five abstract links: enough for a majority that one PDF link does not break.
ABS_LIST = "".join(
    f"- [Paper {number}](https://arxiv.org/abs/{identifier})\n"
    for number, identifier in enumerate(("2106.09685", "2305.14314", "2101.00190", "2104.08691", "2403.03507"))
)


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def fix(markdown: str, **options: object) -> str:
    return fixed_text(SourceText("README.md", markdown), lint(markdown, **options)).text


def test_names_the_link_the_evidence_and_the_target_to_write() -> None:
    markdown = ABS_LIST + "- [IA3](https://arxiv.org/pdf/2205.05638v2.pdf)\n"
    [finding] = lint(markdown)
    assert (finding.severity, finding.line, finding.column, finding.end_column) == (Severity.WARNING, 6, 9, 47)
    assert finding.message == (
        "'https://arxiv.org/pdf/2205.05638v2.pdf' opens the PDF (pdf/), but 5 of the 6 arXiv links in this file "
        "open the abstract page (abs/): use 'https://arxiv.org/abs/2205.05638v2'"
    )
    assert finding.fix is not None
    [edit] = finding.fix.edits
    # Only the path is rewritten: the scheme and host stay as written.
    assert (edit.line, edit.column, edit.end_column, edit.replacement) == (6, 26, 47, "/abs/2205.05638v2")


@pytest.mark.parametrize(
    ("target", "fixed"),
    [
        ("https://arxiv.org/pdf/2205.05638v2.pdf", "https://arxiv.org/abs/2205.05638v2"),
        ("https://arxiv.org/pdf/2205.05638.pdf", "https://arxiv.org/abs/2205.05638"),
        ("https://arxiv.org/pdf/2205.05638", "https://arxiv.org/abs/2205.05638"),
        ("http://www.arxiv.org/pdf/2205.05638v1", "http://www.arxiv.org/abs/2205.05638v1"),
        ("https://export.arxiv.org/pdf/hep-th/9711200v3", "https://export.arxiv.org/abs/hep-th/9711200v3"),
        ("arxiv.org/pdf/2205.05638.pdf", "arxiv.org/abs/2205.05638"),
        ("https://arxiv.org/PDF/2205.05638.PDF", "https://arxiv.org/abs/2205.05638"),
    ],
)
def test_the_fix_rewrites_the_path_to_the_dominant_form(target: str, fixed: str) -> None:
    markdown = ABS_LIST + f"- [IA3]({target})\n"
    assert fix(markdown) == ABS_LIST + f"- [IA3]({fixed})\n"


def test_a_pdf_list_gets_its_abstract_links_rewritten_to_pdf() -> None:
    markdown = (
        "".join(f"- [P{n}](https://arxiv.org/pdf/2106.0968{n}.pdf)\n" for n in range(7))
        + "- [LoRA](https://arxiv.org/abs/2205.05638)\n- [v2](https://arxiv.org/abs/2205.05639v2)\n"
    )
    fixed = fix(markdown)
    assert fixed.endswith("- [LoRA](https://arxiv.org/pdf/2205.05638)\n- [v2](https://arxiv.org/pdf/2205.05639v2)\n")
    assert lint(fixed) == []


def test_every_kind_of_link_is_counted_and_fixed() -> None:
    markdown = (
        ABS_LIST * 2
        + '- <a href="https://arxiv.org/pdf/2205.05638">IA3</a>\n'
        + "- [BERT][bert] and [again][bert]\n"
        + "- A bare link: https://arxiv.org/pdf/1810.04805v2\n"
        + "\n[bert]: https://arxiv.org/pdf/1910.10683.pdf\n"
    )
    # The reference definition is one link, counted and reported once, at the definition.
    findings = lint(markdown)
    assert [finding.line for finding in findings] == [11, 13, 15]
    assert "10 of the 13 arXiv links" in findings[0].message
    fixed = fix(markdown)
    assert '<a href="https://arxiv.org/abs/2205.05638">' in fixed
    assert "https://arxiv.org/abs/1810.04805v2\n" in fixed
    assert "[bert]: https://arxiv.org/abs/1910.10683\n" in fixed


def test_a_tie_a_mix_and_a_short_list_have_no_majority() -> None:
    tie = ABS_LIST + "".join(f"- [P{n}](https://arxiv.org/pdf/2301.0000{n})\n" for n in range(1, 6))
    assert lint(tie) == []
    mix = ABS_LIST + "".join(f"- [P{n}](https://arxiv.org/pdf/2301.0000{n})\n" for n in range(1, 3))
    assert lint(mix) == []  # five to two is under three quarters
    assert len(lint(mix, **{"min-share": 0.7})) == 2
    short = "- [A](https://arxiv.org/abs/2106.09685)\n" * 3 + "- [B](https://arxiv.org/pdf/2205.05638)\n"
    assert lint(short) == []
    assert len(lint(short, **{"min-links": 4})) == 1


def test_a_configured_style_applies_to_every_link() -> None:
    markdown = "- [A](https://arxiv.org/abs/2106.09685)\n- [B](https://arxiv.org/pdf/2205.05638)\n"
    assert [finding.line for finding in lint(markdown, style="abs")] == [2]
    [finding] = lint(markdown, style="pdf")
    assert finding.line == 1
    assert "the configured style is the PDF (pdf/)" in finding.message


def test_an_unknown_style_is_a_clear_error() -> None:
    with pytest.raises(FatalError, match="style = 'html': expected one of majority, abs, pdf"):
        lint("- x\n", style="html")


@pytest.mark.parametrize(
    "entry",
    [
        "- [IA3](https://arxiv.org/abs/2205.05638) [pdf](https://arxiv.org/pdf/2205.05638v2.pdf)",
        "- [IA3](https://arxiv.org/abs/2205.05638) [download](https://arxiv.org/pdf/2205.05638)",
        "- [IA3](https://arxiv.org/abs/2205.05638)\n  - Files\n    - [download](https://arxiv.org/pdf/2205.05638)",
        "- IA3 [PDF](https://arxiv.org/pdf/2205.05638)",
        "- IA3 [arXiv PDF](https://arxiv.org/pdf/2205.05638)",
        "- [IA3, page 5](https://arxiv.org/pdf/2205.05638#page=5)",
        "- [IA3](https://arxiv.org/pdf/2205.05638?download=1)",
        "- [IA3 as HTML](https://arxiv.org/html/2205.05638v2)",
        "- <img src='https://arxiv.org/pdf/2205.05638'>",
        "\n| Paper | PDF |\n|---|---|\n| IA3 | [link](https://arxiv.org/pdf/2205.05638) |",
        "\n```\n- [IA3](https://arxiv.org/pdf/2205.05638)\n```",
    ],
)
def test_a_link_of_the_other_form_on_purpose_is_not_reported(entry: str) -> None:
    assert lint(ABS_LIST + entry + "\n") == []


def test_deliberate_links_are_not_counted() -> None:
    # Four abstract/PDF pairs say nothing about the style: counted, they would make it 9 to 5.
    pairs = "".join(
        f"- [P{n}](https://arxiv.org/abs/2301.0000{n}) [pdf](https://arxiv.org/pdf/2301.0000{n})\n" for n in range(1, 5)
    )
    [finding] = lint(ABS_LIST + pairs + "- [Q](https://arxiv.org/pdf/2205.05638)\n")
    assert "5 of the 6 arXiv links" in finding.message


def test_a_title_that_names_the_other_form_is_no_excuse() -> None:
    # The link text names a form, but not the form of its own link.
    [finding] = lint(ABS_LIST + "- [Abstract syntax networks](https://arxiv.org/pdf/2205.05638)\n")
    assert finding.line == 6
    url = "https://arxiv.org/pdf/2205.05638"
    findings = lint(ABS_LIST * 2 + f"- [{url}]({url})\n")
    assert [(finding.line, finding.column) for finding in findings][-1] == (11, 38)


def test_no_fix_where_the_target_is_not_written_as_parsed() -> None:
    markdown = ABS_LIST + '- <a href="https://arxiv.org/pdf/2205.05638&#118;2">IA3</a>\n'
    [finding] = lint(markdown)
    assert finding.fix is None
    assert finding.message.endswith("use 'https://arxiv.org/abs/2205.05638v2'")


def test_seeds_fire_on_their_two_pdf_links_and_are_quiet_after_the_fix() -> None:
    for name, expected in (("awesome-llm-papers.md", [19, 46]), ("llama-paper-list.md", [77, 79])):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        findings = lint(text)
        assert [finding.line for finding in findings] == expected
        assert all(finding.fix is not None for finding in findings)
        fixed = fixed_text(SourceText(name, text), findings).text
        assert lint(fixed) == []
        assert fixed.count("arxiv.org/pdf/") == 0


def test_efficient_llm_list_keeps_its_abstract_and_pdf_pair() -> None:
    # Most rows link their paper twice, as title and as [Paper], both to abs/. Row 222 links
    # abs/ in the title and pdf/ as [Paper]: a choice. Rows 147 and 199 link only PDFs.
    text = (FIXTURES / "corpus" / "horseee__Awesome-Efficient-LLM.md").read_text(encoding="utf-8")
    findings = lint(text)
    assert [finding.line for finding in findings] == [147, 147, 199, 199]
    fixed = fixed_text(SourceText("x.md", text), findings).text
    assert lint(fixed) == []
    assert "[Paper](https://www.arxiv.org/pdf/2411.13676)" in fixed


def test_fixing_is_idempotent_on_the_fixtures() -> None:
    for path in sorted((FIXTURES / "rules" / RULE).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        fixed = fix(text)
        assert fix(fixed) == fixed, path.name


def test_a_large_list_reports_every_minority_link() -> None:
    markdown = "".join(
        f"- [Paper {n}](https://arxiv.org/{'pdf' if n % 50 == 0 else 'abs'}/2301.{n % 99_999 + 1:05d})\n"
        for n in range(20_000)
    )
    assert len(lint(markdown)) == 400
