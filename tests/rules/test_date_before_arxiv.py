from __future__ import annotations

import pytest

from awesomelint.finding import Finding, Severity
from awesomelint.runner import lint_text
from conftest import FIXTURES

RULE = "date-before-arxiv"


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def table(date: str, link: str, header: str = "Published date") -> str:
    return f"| Paper | {header} |\n|---|---|\n| [A paper]({link}) | {date} |\n"


def fires(date: str, link: str, header: str = "Published date") -> bool:
    return bool(lint(table(date, link, header)))


def test_names_the_date_and_the_paper_at_the_date() -> None:
    findings = lint(table("October. 2021", "https://arxiv.org/abs/2205.05638"))
    assert [(f.line, f.column, f.end_column) for f in findings] == [(3, 49, 62)]
    assert findings[0].message == "dated October 2021, but arXiv 2205.05638 was submitted in May 2022"
    assert findings[0].severity is Severity.ERROR


def test_the_lora_row_of_the_seed() -> None:
    findings = lint_text((FIXTURES / "awesome-llm-papers.md").read_text(encoding="utf-8"), select=[RULE])
    assert "34: dated October 2021, but arXiv 2205.05638 was submitted in May 2022" in [
        f"{f.line}: {f.message}" for f in findings
    ]


@pytest.mark.parametrize(
    ("date", "link", "expected"),
    [
        ("Apr. 2022", "https://arxiv.org/abs/2205.05638", True),
        ("May 2022", "https://arxiv.org/abs/2205.05638", False),
        ("2022-04-30", "https://arxiv.org/pdf/2205.05638v2.pdf", True),
        ("2022-05-01", "https://arxiv.org/abs/2205.05638", False),
        ("2021", "https://arxiv.org/abs/2205.05638", True),
        ("2022", "https://arxiv.org/abs/2205.05638", False),
        ("1998", "https://arxiv.org/abs/hep-th/9905300", True),
        ("May 1999", "https://arxiv.org/abs/hep-th/9905300", False),
        ("Dec 2014", "https://arxiv.org/abs/1501.05001", True),
        ("Dec 2014", "https://arxiv.org/abs/1412.5001", False),
    ],
    ids=[
        "month-before",
        "same-month",
        "day-in-month-before",
        "first-day",
        "year-before",
        "same-year",
        "old-style-year",
        "old-style-month",
        "five-digit",
        "four-digit",
    ],
)
def test_compares_at_the_dates_precision(date: str, link: str, expected: bool) -> None:
    assert fires(date, link) is expected


@pytest.mark.parametrize(
    ("date", "link", "expected"),
    [
        ("Sep. 2023", "https://arxiv.org/abs/2310.00166", False),
        ("Sep. 2023", "https://arxiv.org/abs/2310.06825", True),
        ("Dec. 2023", "https://arxiv.org/abs/2401.00368", False),
        ("2023", "https://arxiv.org/abs/2401.00368", False),
        ("Nov. 2023", "https://arxiv.org/abs/2401.00368", True),
        ("2012-04-30", "https://arxiv.org/abs/1205.1499", False),
        ("2012-04-30", "https://arxiv.org/abs/1205.1500", True),
        ("Dec 1998", "https://arxiv.org/abs/hep-th/9901149", False),
        ("Dec 1998", "https://arxiv.org/abs/hep-th/9901150", True),
    ],
    ids=[
        "early-number",
        "late-number",
        "new-year",
        "new-year-by-year",
        "two-months-before",
        "four-digit-early",
        "four-digit-late",
        "old-style-early",
        "old-style-late",
    ],
)
def test_papers_numbered_early_in_a_month_may_come_from_the_month_before(date: str, link: str, expected: bool) -> None:
    assert fires(date, link) is expected


def test_an_early_number_is_named_with_the_month_before() -> None:
    (finding,) = lint(table("Jan. 2024", "https://arxiv.org/abs/2405.04434"))
    assert finding.message == (
        "dated January 2024, but arXiv 2405.04434 was submitted in May 2024 (or at the end of April 2024)"
    )


def test_a_date_that_reads_two_ways_is_read_the_later_way() -> None:
    assert not fires("03/04/2023", "https://arxiv.org/abs/2304.05234")  # 3 April 2023 fits
    assert fires("03/02/2023", "https://arxiv.org/abs/2304.05234")  # 2 March or 3 February: both early


def test_an_entry_with_several_papers_is_compared_with_the_earliest() -> None:
    markdown = table("Oct 2021", "https://arxiv.org/abs/2106.09685) [v2](https://arxiv.org/abs/2205.05638")
    assert lint(markdown) == []
    markdown = table("Oct 2021", "https://arxiv.org/abs/2205.05638) [v2](https://arxiv.org/abs/2301.00001")
    assert [f.message for f in lint(markdown)] == ["dated October 2021, but arXiv 2205.05638 was submitted in May 2022"]


def test_an_entry_with_several_dates_is_compared_by_its_latest() -> None:
    assert lint(table("Oct 2021 (workshop), May 2022", "https://arxiv.org/abs/2205.05638")) == []
    (finding,) = lint(table("Oct 2021, Jan 2022", "https://arxiv.org/abs/2205.05638"))
    assert finding.message.startswith("dated January 2022,")


def test_columns_that_do_not_date_the_paper_are_left_out() -> None:
    link = "https://arxiv.org/abs/2310.06825"
    assert not fires("Sep 2023", link, header="Release")
    assert not fires("2020-01-01", link, header="Date added")
    assert not fires("Sep 2023", link, header="Notes")
    assert fires("Sep 2023", link, header="**Date**")


def test_the_columns_option_replaces_the_default() -> None:
    markdown = table("Sep 2023", "https://arxiv.org/abs/2310.06825", header="Release")
    assert len(lint(markdown, columns=["Release"])) == 1
    assert lint(table("Sep 2023", "https://arxiv.org/abs/2310.06825"), columns=["Release"]) == []


def test_rows_without_an_arxiv_paper_or_a_date_are_left_alone() -> None:
    assert not fires("Jan 2020", "https://example.org/2310.06825")
    assert not fires("TBD", "https://arxiv.org/abs/2310.06825")
    assert not fires("", "https://arxiv.org/abs/2310.06825")
    assert not fires("Jan 2020", "https://arxiv.org/list/cs.CL/2310")


def test_list_items_dates_set_off_as_fields() -> None:
    markdown = (
        "- **Chinchilla** (Mar 2021) [paper](https://arxiv.org/abs/2203.15556)\n"
        "- [Mistral 7B](https://arxiv.org/abs/2310.06825) - **2023-09-27**\n"
        "- [Mixtral](https://arxiv.org/abs/2401.04088) - Published: Nov. 2023\n"
    )
    assert [(f.line, f.column) for f in lint(markdown)] == [(1, 19), (2, 54), (3, 60)]


def test_list_items_dates_in_sentences_are_not_the_entrys() -> None:
    markdown = (
        "- **Scaling Laws.** Builds on GPT-2, released in February 2019. [paper](https://arxiv.org/abs/2001.08361)\n"
        "- **Scaling Laws.** An update of the results from October 2019 [paper](https://arxiv.org/abs/2001.08361)\n"
    )
    assert lint(markdown) == []


def test_a_venue_year_is_not_a_date_but_an_arxiv_year_is() -> None:
    markdown = (
        "- **RMSNorm.** NeurIPS 2019. [paper](https://arxiv.org/abs/1910.07467)\n"
        "- **Old venue.** ICML 2017. [paper](https://arxiv.org/abs/1910.07467)\n"
        "- **LaMDA.** *Romal Thoppilan et al.* arXiv 2021. [[Paper](https://arxiv.org/abs/2201.08239)]\n"
        "- **An identifier.** arXiv 2012.01234 [code](https://github.com/example/code)\n"
    )
    findings = lint(markdown)
    assert [(f.line, f.message) for f in findings] == [
        (3, "dated 2021, but arXiv 2201.08239 was submitted in January 2022")
    ]


def test_arxiv_citations_in_text_count_as_papers() -> None:
    (finding,) = lint("- Low-rank adapters (Oct 2021), arXiv:2205.05638\n")
    assert "arXiv 2205.05638" in finding.message


def test_a_nested_items_paper_is_not_its_parents() -> None:
    markdown = "- **A survey** (Oct 2020)\n  - [An older paper it builds on](https://arxiv.org/abs/2106.09685)\n"
    assert lint(markdown) == []
