from __future__ import annotations

import pytest

from awesomelint.entry_parts import AUTHORS, BOLD_TITLE, CODE_LINK, PAPER_LINK, VENUE_AND_YEAR, item_parts
from awesomelint.finding import Finding, Severity
from awesomelint.runner import lint_text
from conftest import FIXTURES

RULE = "missing-field"


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def papers(count: int, *, without: str = "", start: int = 0) -> list[str]:
    """List items in the llama-paper-list shape; `without` drops the venue or the code link of the first."""
    items = []
    for number in range(start, start + count):
        venue = "" if without == "venue" and number == start else " NeurIPS 2022."
        code = "" if without == "code" and number == start else f" [code](https://github.com/example/{number})"
        items.append(f"- **Paper {number}.**{venue} [paper](https://arxiv.org/abs/2205.{number + 10000}).{code}")
    return items


def lines(*source: str) -> str:
    return "".join(line + "\n" for line in source)


def test_finds_rewoo_and_rrhf_in_the_seed() -> None:
    findings = lint_text((FIXTURES / "llama-paper-list.md").read_text(encoding="utf-8"), select=[RULE])
    venue = [(f.line, f.column, f.message) for f in findings if "venue" in f.message]
    assert venue == [
        (85, 3, 'no venue and year, which 30 of 32 entries in "Papers" have'),
        (94, 3, 'no venue and year, which 30 of 32 entries in "Papers" have'),
    ]
    assert all(f.severity is Severity.WARNING for f in findings)


@pytest.mark.parametrize(
    "name", ["sindresorhus__awesome.md", "vinta__awesome-python.md", "public-apis__public-apis.md"]
)
def test_classic_lists_stay_quiet(name: str) -> None:
    assert lint_text((FIXTURES / "corpus" / name).read_text(encoding="utf-8"), select=[RULE]) == []


def test_names_the_part_and_the_evidence_at_the_entrys_first_line() -> None:
    findings = lint(lines("## Topic", "", *papers(6, without="code")))
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 3, 72)]
    assert findings[0].message == 'no code link, which 5 of 6 entries in "Topic" have'


def test_one_other_may_lack_the_part_in_a_larger_section() -> None:
    items = papers(11, without="code")
    items[1] = items[1].replace(" [code](https://github.com/example/1)", "")
    # 9 of the 10 others have a code link: 90 %.
    assert [f.line for f in lint(lines("## Topic", "", *items))] == [3, 4]
    assert [f.line for f in lint(lines("## Topic", "", *items[:10]))] == []


def test_a_small_section_is_compared_with_the_enclosing_one() -> None:
    markdown = lines(
        "## Papers", "", "### Big", "", *papers(6), "", "### Small", "", *papers(2, without="venue", start=6)
    )
    findings = lint(markdown)
    assert [(f.line, f.message) for f in findings] == [(14, 'no venue and year, which 7 of 8 entries in "Papers" have')]


def test_a_small_section_that_agrees_on_lacking_a_part_keeps_its_convention() -> None:
    small = [item.replace(" NeurIPS 2022.", "") for item in papers(3, start=6)]
    markdown = lines("## Papers", "", "### Big", "", *papers(12), "", "### Small", "", *small)
    assert lint(markdown) == []


def test_nested_items_are_not_compared_with_their_parents() -> None:
    items = [f"{item}\n  - **Note.** [paper](https://example.org/{n})" for n, item in enumerate(papers(6))]
    assert lint(lines("## Topic", "", *items)) == []


def test_nested_items_are_compared_with_each_other() -> None:
    items = [f"- Group {n}\n" + "\n".join("  " + item for item in papers(3, start=3 * n)) for n in range(2)]
    items[1] = items[1].replace(" [code](https://github.com/example/3)", "")
    findings = lint(lines("## Topic", "", *items))
    assert [(f.line, f.message) for f in findings] == [(8, 'no code link, which 5 of 6 nested entries in "Topic" have')]


def test_items_without_any_part_are_another_kind_of_entry() -> None:
    markdown = lines("## Topic", "", *papers(6), "- See also [the survey](https://example.org/survey)", "- Older work")
    assert lint(markdown) == []


def test_an_item_with_few_of_the_expected_parts_is_another_kind_of_entry() -> None:
    markdown = lines("## Topic", "", *papers(6), "- **Not a paper**, just a bold note.")
    assert lint(markdown) == []


def test_threshold_and_min_entries_options() -> None:
    markdown = lines("## Topic", "", *papers(4, without="code"))
    assert lint(markdown) == []
    assert len(lint(markdown, **{"min-entries": 4})) == 1
    items = papers(10, without="code")
    items[1] = items[1].replace(" [code](https://github.com/example/1)", "")
    assert lint(lines("## Topic", "", *items)) == []
    assert [f.line for f in lint(lines("## Topic", "", *items), threshold=0.8)] == [3, 4]


def table(*rows: str, header: str = "| Paper | Code | Year |") -> str:
    return lines(header, "|---|---|---|", *rows)


def test_an_empty_cell_is_reported_at_the_cell() -> None:
    rows = [f"| [P{n}](https://example.org/{n}) | [code](https://example.org/c{n}) | 2023 |" for n in range(5)]
    rows[2] = "| [P2](https://example.org/2) |  | 2023 |"
    (finding,) = lint(table(*rows))
    assert (finding.line, finding.column, finding.end_column) == (5, 34, 34)
    assert finding.message == "no 'Code', which 4 of 5 rows in this table have"


def test_placeholders_label_rows_and_short_rows_are_not_missing_cells() -> None:
    rows = [f"| [P{n}](https://example.org/{n}) | [code](https://example.org/c{n}) | 2023 |" for n in range(5)]
    rows += [
        "| [P5](https://example.org/5) | - | 2023 |",
        "| [P6](https://example.org/6) | N/A | 2023 |",
        "| **Vision** | | |",
        "| [P7](https://example.org/7) | [code](https://example.org/c7) |",
    ]
    assert lint(table(*rows)) == []


def test_a_two_column_table_reports_a_row_with_one_cell_filled() -> None:
    rows = [f"| {n}) Paper {n} | [Paper](https://arxiv.org/abs/2506.{n + 10000}) |" for n in range(5)]
    rows[4] = "| 4) DeepRare | |"
    findings = lint(table(*rows, header="| Paper | Links |").replace("|---|---|---|", "|---|---|"))
    assert [(f.line, f.message) for f in findings] == [(7, "no 'Links', which 4 of 5 rows in this table have")]


def test_a_column_that_varies_is_not_reported() -> None:
    rows = [f"| [P{n}](https://example.org/{n}) | [code](https://example.org/c{n}) | 2023 |" for n in range(6)]
    rows[1] = rows[1].replace("[code](https://example.org/c1)", "")
    rows[4] = rows[4].replace("[code](https://example.org/c4)", "")
    assert lint(table(*rows)) == []


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "- **LLaMA.** arxiv 2023. [paper](https://a). [code](https://b)<br />\n*Hugo Touvron, Thibaut Lavril*",
            {BOLD_TITLE, VENUE_AND_YEAR, PAPER_LINK, CODE_LINK, AUTHORS},
        ),
        (
            '1. <u>T5</u>: **"T5"**. *Colin Raffel et al.* JMLR 2019. [[Paper](https://a)]',
            {VENUE_AND_YEAR, PAPER_LINK, AUTHORS},
        ),
        (
            "- **A.** *Noam Shazeer*. Science 2022. [PDF](https://a) [GitHub](https://b)",
            {BOLD_TITLE, VENUE_AND_YEAR, PAPER_LINK, CODE_LINK, AUTHORS},
        ),
        ("* [**A**](https://a) medRxiv 2022, ICLR'24", {BOLD_TITLE, VENUE_AND_YEAR}),
        ("- **A.** *Shuohuan Wang et al. *arXiv 2021.", {BOLD_TITLE, VENUE_AND_YEAR}),
        ("- **A.** Released in October 2023, since 2020. arXiv 2012.01234", {BOLD_TITLE}),
        ("- [Django](https://a) - The web framework for perfectionists, 2005.", set()),
    ],
    ids=["llama", "survey", "science", "preprint-server", "broken-italics", "dates-not-venues", "classic"],
)
def test_item_parts(item: str, expected: set[str]) -> None:
    source = item.splitlines()
    links = [text for text in ("paper", "code", "Paper", "PDF", "GitHub", "**A**", "Django") if f"[{text}](" in item]
    plain = item.replace("*", "").replace("[", " ").replace("]", " ")
    assert item_parts(source, plain, links) == expected
