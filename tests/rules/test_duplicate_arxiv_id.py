from __future__ import annotations

from awesomelint.finding import Finding
from awesomelint.runner import lint_text
from conftest import FIXTURES

RULE = "duplicate-arxiv-id"


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def lines(*source: str) -> str:
    return "".join(line + "\n" for line in source)


def test_names_the_paper_and_the_first_entry() -> None:
    findings = lint(
        "- [LoRA: Low-Rank Adaptation](https://arxiv.org/abs/2106.09685)\n"
        "- [IA3](https://arxiv.org/pdf/2106.09685v2.pdf)\n"
    )
    assert [(f.line, f.column, f.end_column) for f in findings] == [(2, 9, 47)]
    assert findings[0].message == 'arXiv 2106.09685 is already listed at line 1 ("LoRA: Low-Rank Adaptation")'


def test_text_citations_count_and_are_located() -> None:
    findings = lint("- [LoRA](https://arxiv.org/abs/2106.09685)\n- Low-rank adapters, arXiv:2106.09685v1.\n")
    assert [(f.line, f.column, f.end_column) for f in findings] == [(2, 22, 40)]


def test_each_entry_is_reported_once() -> None:
    findings = lint(
        "- [A](https://arxiv.org/abs/2106.09685)\n"
        "- [B](https://arxiv.org/abs/2106.09685) [pdf](https://arxiv.org/pdf/2106.09685) arXiv:2106.09685\n"
    )
    assert len(findings) == 1


def test_one_entry_and_its_nested_items_are_one_listing() -> None:
    markdown = (
        "- [LoRA](https://arxiv.org/abs/2106.09685)\n"
        "  - [pdf](https://arxiv.org/pdf/2106.09685)\n"
        "    - [html](https://arxiv.org/html/2106.09685v2)\n"
        "- [Sibling](https://arxiv.org/abs/2106.09685)\n"
    )
    assert [f.line for f in lint(markdown)] == [4]


def test_siblings_nested_under_one_parent_are_different_entries() -> None:
    markdown = lines(
        "- Adapters",
        "  - [LoRA](https://arxiv.org/abs/2106.09685)",
        "  - [IA3](https://arxiv.org/abs/2106.09685)",
    )
    assert [f.line for f in lint(markdown)] == [3]


def test_cross_listing_under_the_same_title() -> None:
    markdown = (
        "## Training\n\n- [GaLore](https://arxiv.org/abs/2403.03507)\n\n"
        "## Fine-tuning\n\n- [galore.](https://arxiv.org/abs/2403.03507v2)\n"
        "- [GaLore](https://arxiv.org/abs/2403.03507)\n"
    )
    # The same title in another section is allowed; twice in one section is not.
    assert [f.line for f in lint(markdown)] == [8]
    assert [f.line for f in lint(markdown, **{"allow-cross-listing": False})] == [7, 8]


def test_a_different_title_in_another_section_is_reported() -> None:
    markdown = lines(
        "## A",
        "",
        "- [GaLore](https://arxiv.org/abs/2403.03507)",
        "",
        "## B",
        "",
        "- [Other](https://arxiv.org/abs/2403.03507)",
    )
    findings = lint(markdown)
    assert [f.line for f in findings] == [7]
    assert "line 3" in findings[0].message


def test_links_outside_entries_and_non_papers_are_ignored() -> None:
    markdown = (
        "See [LoRA](https://arxiv.org/abs/2106.09685).\n\n"
        "- [LoRA](https://arxiv.org/abs/2106.09685)\n"
        "- [Recent](https://arxiv.org/list/cs.CL/recent)\n"
        "- [Recent](https://arxiv.org/list/cs.CL/recent)\n"
        "- `arXiv:2106.09685`\n"
    )
    assert lint(markdown) == []


def test_seed_lists() -> None:
    for name, line, identifier in (
        ("awesome-llm-papers.md", 36, "2205.05638"),
        ("llama-paper-list.md", 40, "2205.14135"),
    ):
        text = (FIXTURES / name).read_text(encoding="utf-8")
        findings = lint(text)
        assert [(f.line, f.message.split()[1]) for f in findings] == [(line, identifier)]


def test_a_large_list_reports_every_repeat_once() -> None:
    # 20,000 entries citing 10,000 papers, and 2,000 entries repeating one paper under distinct titles.
    lines = [f"- [Paper {n}](https://arxiv.org/abs/2301.{n % 10_000 + 1:05d})" for n in range(20_000)]
    lines += [f"- [Repeat {n}](https://arxiv.org/abs/2302.00001)" for n in range(2_000)]
    findings = lint("\n".join(lines) + "\n")
    assert len(findings) == 10_000 + 1_999
