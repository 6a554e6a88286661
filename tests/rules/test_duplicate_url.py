from __future__ import annotations

import pytest

from awesomelint.errors import FatalError
from awesomelint.finding import Finding
from awesomelint.runner import lint_text
from conftest import FIXTURES

RULE = "duplicate-url"


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def lines(*source: str) -> str:
    return "".join(line + "\n" for line in source)


def test_names_the_url_and_the_first_entry() -> None:
    findings = lint(
        lines(
            "- [Bottle](https://bottlepy.org/docs/dev/) - Small.",
            "- [FastAPI](http://www.bottlepy.org/docs/dev) - Fast.",
        )
    )
    assert [(f.line, f.column, f.end_column) for f in findings] == [(2, 13, 45)]
    assert findings[0].message == 'http://www.bottlepy.org/docs/dev is already linked at line 1 ("Bottle")'
    assert findings[0].severity.value == "warning"


def test_only_primary_links_count_by_default() -> None:
    markdown = (
        "- **LLaMA-Adapter.** [paper](https://example.org/p1) [code](https://github.com/o/LLaMA-Adapter)\n"
        "- **LLaMA-Adapter V2.** [paper](https://example.org/p2) [code](https://github.com/o/LLaMA-Adapter)\n"
    )
    assert lint(markdown) == []
    assert [(f.line, f.column) for f in lint(markdown, scope="all")] == [(2, 64)]


def test_prose_links_are_not_primary() -> None:
    markdown = lines(
        "- [Reasoning](https://example.com/list)",
        "- 2025: we have a new [list](https://example.com/list) too",
    )
    assert lint(markdown) == []
    assert [f.line for f in lint(markdown, scope="all")] == [2]


def test_arxiv_papers_are_left_to_duplicate_arxiv_id() -> None:
    markdown = "- [A](https://arxiv.org/abs/2106.09685)\n- [B](https://arxiv.org/abs/2106.09685)\n"
    assert lint(markdown) == []
    assert lint(markdown, scope="all") == []


def test_arxiv_pages_that_are_not_papers_are_compared() -> None:
    markdown = "- [A](https://arxiv.org/list/cs.CL/recent)\n- [B](https://arxiv.org/list/cs.CL/recent)\n"
    assert [f.line for f in lint(markdown)] == [2]


def test_allow_patterns_match_as_written_or_normalised() -> None:
    markdown = "- [A](http://www.example.com/x/)\n- [B](https://example.com/x)\n"
    assert lint(markdown, allow=["^http://www"]) == []
    assert lint(markdown, allow=[r"^https://example\.com/x$"]) == []
    assert [f.line for f in lint(markdown, allow=["nomatch"])] == [2]


def test_an_invalid_allow_pattern_is_a_configuration_error() -> None:
    with pytest.raises(FatalError, match="allow"):
        lint("- [A](https://example.com)\n", allow=["("])


def test_parts_of_a_project_share_its_home() -> None:
    markdown = (
        "- [django](https://github.com/django/django)\n"
        "- [geodjango](https://github.com/django/django) - (part of Django)\n"
        "- [uv](https://github.com/astral-sh/uv)\n"
        "- [uv-build](https://github.com/astral-sh/uv)\n"
        "- [requests](https://github.com/astral-sh/uv) - a copied link\n"
        "- [Gemini 1.5](https://example.com/report.pdf)\n"
        "- [Gemini 1.5 Flash](https://example.com/report.pdf)\n"
        "- [Gemini15Pro](https://example.com/report.pdf)\n"
    )
    findings = lint(markdown)
    assert [f.line for f in findings] == [5, 8]
    assert "line 3" in findings[0].message


def test_cross_listing_and_nested_items() -> None:
    markdown = (
        "## Env\n\n- [uv](https://github.com/astral-sh/uv)\n  - [uv](https://github.com/astral-sh/uv)\n\n"
        "## Packaging\n\n- [UV](https://github.com/astral-sh/uv/)\n- [uv](https://github.com/astral-sh/uv)\n"
    )
    assert [f.line for f in lint(markdown)] == [9]
    assert [f.line for f in lint(markdown, **{"allow-cross-listing": False})] == [8, 9]


def test_non_http_links_are_ignored() -> None:
    markdown = lines(
        "- [A](mailto:a@example.com)",
        "- [B](mailto:a@example.com)",
        "- [C](a.md)",
        "- [D](a.md)",
    )
    assert lint(markdown, scope="all") == []


def test_seed_lists_are_clean_by_default() -> None:
    for name in ("awesome-llm-papers.md", "llama-paper-list.md"):
        assert lint((FIXTURES / name).read_text(encoding="utf-8")) == []


def test_doi_links_are_left_to_duplicate_doi() -> None:
    markdown = (
        "- [Paper A](https://doi.org/10.1145/3292500.3330701) - one.\n"
        "- [Paper B](https://doi.org/10.1145/3292500.3330701) - two.\n"
    )
    both = lint_text(markdown, select=["duplicate-url", "duplicate-doi"])
    assert [found.rule for found in both] == ["duplicate-doi"]
