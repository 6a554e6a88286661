from __future__ import annotations

from awesomelint.finding import Finding, Severity
from awesomelint.registry import all_rules
from awesomelint.rule import RuleContext
from awesomelint.runner import lint_text, parse_source
from awesomelint.source import SourceText
from conftest import FIXTURES

RULE = "duplicate-doi"


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def lines(*source: str) -> str:
    return "".join(line + "\n" for line in source)


def test_names_the_doi_and_the_first_entry() -> None:
    findings = lint(
        lines(
            "- [On the Dangers of Stochastic Parrots](https://dl.acm.org/doi/10.1145/3442188.3445922)",
            "- [Datasheets for Datasets](http://dx.doi.org/10.1145/3442188.3445922)",
        )
    )
    assert [(f.line, f.column, f.end_column, f.severity) for f in findings] == [(2, 29, 70, Severity.ERROR)]
    assert findings[0].message == (
        'DOI 10.1145/3442188.3445922 is already listed at line 1 ("On the Dangers of Stochastic Parrots")'
    )
    assert findings[0].fix is None


def test_the_message_shows_the_doi_as_written_where_it_is_reported() -> None:
    findings = lint(
        lines(
            "- [Chemistry](https://onlinelibrary.wiley.com/doi/10.1002/anie.201107003)",
            "- [Copy](https://onlinelibrary.wiley.com/doi/epdf/10.1002/ANIE.201107003)",
        )
    )
    assert [f.message.split()[1] for f in findings] == ["10.1002/ANIE.201107003"]


def test_text_citations_count_and_are_located() -> None:
    findings = lint(
        lines("- [Parrots](https://doi.org/10.1145/3442188.3445922)", "- Copied, DOI: 10.1145/3442188.3445922.")
    )
    # The span leaves out the full stop after the DOI.
    assert [(f.line, f.column, f.end_column) for f in findings] == [(2, 11, 39)]


def test_each_entry_is_reported_once_and_one_entry_may_link_a_doi_often() -> None:
    markdown = lines(
        "- [A](https://doi.org/10.1145/3442188.3445922) [ACM](https://dl.acm.org/doi/pdf/10.1145/3442188.3445922)",
        "- [B](https://doi.org/10.1145/3442188.3445922) doi:10.1145/3442188.3445922",
    )
    assert [f.line for f in lint(markdown)] == [2]


def test_one_entry_and_its_nested_items_are_one_listing() -> None:
    markdown = lines(
        "- [AlphaMissense](https://www.science.org/doi/10.1126/science.adg7492)",
        "  - [PDF](https://www.science.org/doi/pdf/10.1126/science.adg7492)",
        "    - Cited again, doi:10.1126/science.adg7492",
        "- [Sibling](https://doi.org/10.1126/science.adg7492)",
    )
    assert [f.line for f in lint(markdown)] == [4]


def test_siblings_nested_under_one_parent_are_different_entries() -> None:
    markdown = lines(
        "- Variant effects",
        "  - [AlphaMissense](https://doi.org/10.1126/science.adg7492)",
        "  - [Other](https://doi.org/10.1126/science.adg7492)",
    )
    assert [f.line for f in lint(markdown)] == [3]


def test_cross_listing_under_the_same_title() -> None:
    markdown = lines(
        "## Proteins",
        "",
        "- [AlphaMissense](https://doi.org/10.1126/science.adg7492)",
        "",
        "## Variants",
        "",
        "- [alphamissense.](https://doi.org/10.1126/science.adg7492)",
        "- [AlphaMissense](https://doi.org/10.1126/science.adg7492)",
    )
    # The same title in another section is allowed; twice in one section is not.
    assert [f.line for f in lint(markdown)] == [8]
    assert [f.line for f in lint(markdown, **{"allow-cross-listing": False})] == [7, 8]


def test_an_untitled_entry_is_never_a_cross_listing() -> None:
    badge = "[![DOI](https://img.shields.io/badge/DOI-10.1000-blue)](https://doi.org/10.1000/182)"
    markdown = lines("## A", "", f"- {badge}", "", "## B", "", f"- {badge}")
    findings = lint(markdown)
    assert [f.line for f in findings] == [7]
    assert findings[0].message == "DOI 10.1000/182 is already listed at line 3"


def test_links_outside_entries_badge_images_and_near_misses_are_ignored() -> None:
    markdown = lines(
        "See [Parrots](https://doi.org/10.1145/3442188.3445922) and doi:10.1145/3442188.3445922.",
        "",
        "- [Parrots](https://doi.org/10.1145/3442188.3445922)",
        "- ![DOI badge](https://doi.org/10.1145/3442188.3445922)",
        "- [Release](https://github.com/a/b/releases/tag/v2.10.1145/x)",
        "- [Release](https://github.com/a/b/releases/tag/v2.10.1145/x)",
        "- Version 10.1145/3442188.3445922 of the doi tool",
        "- `doi:10.1145/3442188.3445922`",
    )
    assert lint(markdown) == []


def test_a_new_entry_above_the_one_it_repeats_is_reported_on_the_new_line() -> None:
    markdown = lines(
        "- [New row](https://doi.org/10.1145/3442188.3445922)",
        "- [On the Dangers of Stochastic Parrots](https://dl.acm.org/doi/10.1145/3442188.3445922)",
    )
    document = parse_source(SourceText("README.md", markdown), None)
    rule = all_rules()[RULE]
    context = RuleContext(RULE, rule.severity, rule.defaults(), "README.md", changed=frozenset({1}))
    findings = list(rule.check(document, context))
    assert [(f.line, f.message) for f in findings] == [
        (1, 'DOI 10.1145/3442188.3445922 is already listed at line 2 ("On the Dangers of Stochastic Parrots")')
    ]


def test_quiet_on_the_seeds_and_the_corpus() -> None:
    # The real lists hold few DOIs, and no DOI twice.
    for path in sorted(FIXTURES.glob("*.md")) + sorted((FIXTURES / "corpus").glob("*.md")):
        assert lint(path.read_text(encoding="utf-8")) == [], path.name


def test_a_large_list_reports_every_repeat_once() -> None:
    # 20,000 entries citing 10,000 DOIs, and 2,000 entries repeating one DOI under distinct titles.
    source = [f"- [Paper {n}](https://doi.org/10.1145/3442188.{n % 10_000})" for n in range(20_000)]
    source += [f"- [Repeat {n}](https://dl.acm.org/doi/10.1145/99999.1)" for n in range(2_000)]
    findings = lint("\n".join(source) + "\n")
    assert len(findings) == 10_000 + 1_999
