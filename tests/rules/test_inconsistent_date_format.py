from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from awesomelint.finding import Finding
from awesomelint.runner import lint_text
from conftest import FIXTURE_TODAY, FIXTURES

RULE = "inconsistent-date-format"


def lint(markdown: str, today: date = FIXTURE_TODAY, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None, today=today)


def table(*dates: str, header: str = "Published date") -> str:
    rows = "".join(f"| [Paper {n}](https://arxiv.org/abs/2310.{n:05d}) | {when} |\n" for n, when in enumerate(dates))
    return f"## Papers\n\n| Paper | {header} |\n|---|---|\n{rows}"


def written(markdown: str, finding: Finding) -> str:
    return markdown.splitlines()[finding.line - 1][finding.column - 1 : finding.end_column - 1]


def apply_fixes(markdown: str, findings: Sequence[Finding]) -> str:
    lines = markdown.splitlines(keepends=True)
    edits = sorted((edit for f in findings if f.fix for edit in f.fix.edits), key=lambda e: (e.line, -e.column))
    for edit in edits:
        line = lines[edit.line - 1]
        lines[edit.line - 1] = line[: edit.column - 1] + edit.replacement + line[edit.end_column - 1 :]
    return "".join(lines)


def test_reports_the_outlier_with_the_form_and_the_rewrite() -> None:
    markdown = table("Oct. 2023", "Sep. 2023", "Oct.2023", "Jan. 2024")
    [finding] = lint(markdown)
    assert written(markdown, finding) == "Oct.2023"
    assert finding.message == (
        "'Oct.2023' is written differently from the 3 other dates in the 'Published date' column, "
        "which use the form 'Oct. 2023': write 'Oct. 2023'"
    )
    assert finding.severity.value == "warning"
    assert finding.fix is not None and finding.fix.edits[0].replacement == "Oct. 2023"


def test_the_seed_list_is_reported_once_per_odd_date_and_fixes_cleanly() -> None:
    markdown = (FIXTURES / "awesome-llm-papers.md").read_text(encoding="utf-8")
    findings = lint(markdown)
    odd = sorted({written(markdown, f) for f in findings})
    assert odd == [
        "April. 2022",
        "April. 2023",
        "August. 2022",
        "August. 2023",
        "December. 2022",
        "February. 2023",
        "July. 2023",
        "June. 2023",
        "March. 2021",
        "March. 2022",
        "March. 2023",
        "Nov.2023",
        "Oct.2023",
        "October. 2021",
    ]
    assert len(findings) == 22
    assert all("which use the form 'Oct. 2023'" in f.message and f.fix for f in findings)
    assert lint(apply_fixes(markdown, findings)) == []


def test_tables_of_one_column_name_are_pooled_across_the_file() -> None:
    # The second table alone leans to full names; the file as a whole does not.
    first = table("Oct. 2023", "Sep. 2023", "Nov. 2023", "Jan. 2024", "Dec. 2023")
    second = table("August. 2022", "April. 2022", "Jun. 2023")
    findings = lint(first + "\n" + second)
    assert [f.message.split("'")[1] for f in findings] == ["August. 2022", "April. 2022"]
    assert "in the 'Published date' column of this file's tables" in findings[0].message


def test_without_a_file_wide_form_each_table_is_judged_alone() -> None:
    first = table("Oct 2023", "Nov 2023", "Dec 2023", "October 2023")
    second = table("2023-10", "2023-11", "2023-12")
    third = table("2023/10", "2023/11", "2023/12", "2023/01")
    findings = lint(first + "\n" + second + "\n" + third)
    assert [f.message.split("'")[1] for f in findings] == ["October 2023"]
    assert "in this table's 'Published date' column" in findings[0].message


def test_a_table_of_other_precision_keeps_its_own_form() -> None:
    papers = table("2023-10", "2023-11", "2023-12", "2024-01", "2024-02", header="Date")
    events = table("Oct 12, 2023", "Nov 2, 2023", "Dec 7, 2023", "2024-01-15", header="Date")
    findings = lint(papers + "\n" + events)
    assert [written(papers + "\n" + events, f) for f in findings] == ["2024-01-15"]
    assert "in this table's 'Date' column, which use the form 'Oct 12, 2023'" in findings[0].message


def test_no_report_without_a_clear_majority() -> None:
    assert lint(table("Oct 2023", "October 2023", "Nov 2023", "November 2023")) == []
    assert lint(table("Oct 2023", "Nov 2023", "Dec 2023", "October 2023", "November 2023")) != []
    assert lint(table("Oct 2023", "Nov 2023", "Dec 2023", "October 2023", "November 2023"), **{"min-share": 0.7}) == []
    assert lint(table("Oct 2023", "October 2023")) == []


def test_may_and_sept_fit_the_dotted_abbreviations() -> None:
    assert lint(table("Oct. 2023", "May 2023", "May. 2022", "Sept. 2023", "Sep. 2022")) == []
    findings = lint(table("Jun. 2023", "Jul. 2023", "June. 2023", "Aug. 2023"))
    assert [f.fix.edits[0].replacement for f in findings if f.fix] == ["Jun. 2023"]


def test_a_year_among_months_asks_for_the_month() -> None:
    [finding] = lint(table("Oct. 2023", "Nov. 2023", "2022"))
    assert finding.message.endswith("which use the form 'Oct. 2023': add the month")
    assert finding.fix is None


def test_a_year_column() -> None:
    assert lint(table("2023", "2022", "**2021**", header="Year")) == []
    [finding] = lint(table("2023", "2022", "2027", header="Year"))
    assert finding.message == "'2027' is in the future (today is 2026-01-01)"


def test_unreadable_cells_but_not_placeholders() -> None:
    markdown = table(
        "Oct. 2023", "Nov. 2023", "Dec. 2023", "soon-ish", "Oct. 12", "TBD", "-", "N/A", "?", "", "Q3 2023"
    )
    assert [f.message for f in lint(markdown)] == [
        "'soon-ish' in the 'Published date' column is not a date",
        "'Oct. 12' in the 'Published date' column has no year",
    ]


def test_headers_that_name_other_things_are_left_alone() -> None:
    assert lint(table("v1.2.3", "[latest](https://example.org/releases)", "2023 edition", header="Release")) == []
    assert lint(table("2h", "10 min", "1 day", header="Time")) == []


def test_future_dates_in_date_columns() -> None:
    findings = lint(table("Dec. 2025", "Jan. 2026", "Feb. 2026"))
    assert [f.message for f in findings] == ["'Feb. 2026' is in the future (today is 2026-01-01)"]
    assert lint(table("Dec. 2025", "Jan. 2026", "Feb. 2026"), future=False) == []


def test_columns_option() -> None:
    markdown = table("2023-10-12", "2023-11-02", "Dec 7, 2023", header="When")
    assert lint(markdown) == []
    [finding] = lint(markdown, columns=["When"])
    assert finding.fix is not None and finding.fix.edits[0].replacement == "2023-12-07"


def test_dates_in_list_items_are_compared_per_section() -> None:
    markdown = (
        "## Releases\n\n"
        "- [v3](https://example.org/v3) - 2023-10-12\n"
        "- [v2](https://example.org/v2) - 2023-06-01, since Jan 2023\n"
        "- [v1](https://example.org/v1) - Mar 3, 2023\n"
        "- [v0](https://example.org/v0) - 2022-11-30\n\n"
        "## Papers\n\n"
        "- [A](https://arxiv.org/abs/2310.00001) - Oct 2023\n"
        "- [B](https://arxiv.org/abs/2310.00002) - October 2023\n"
    )
    [finding] = lint(markdown)
    assert written(markdown, finding) == "Mar 3, 2023"
    assert finding.message == (
        "'Mar 3, 2023' is written differently from the 3 other dates in the section 'Releases', "
        "which use the form '2023-10-12': write '2023-03-03'"
    )


def test_venue_years_urls_and_future_dates_in_text_are_not_reported() -> None:
    markdown = (
        "## Papers\n\n"
        "- **LLaMA.** arxiv 2023. [paper](https://arxiv.org/abs/2302.13971)\n"
        "- **Chinchilla.** NeurIPS 2022. [paper](https://arxiv.org/abs/2203.15556)\n"
        "- **Alpaca.** crfm.stanford.edu/2023/03/13/alpaca.html, https://lmsys.org/blog/2023-03-30-vicuna/\n"
        "- **Vicuna.** Mar. 2023\n\n"
        "## Events\n\n"
        "- [A](https://example.org/a) - Oct 12, 2027\n"
        "- [B](https://example.org/b) - Nov 2, 2027\n"
        "- [C](https://example.org/c) - Dec 7, 2027\n"
    )
    assert lint(markdown) == []


def test_an_ambiguous_numeric_date_is_reported_without_a_fix() -> None:
    [finding] = lint(table("2023-10-12", "2023-11-02", "2023-12-07", "03/04/2023"))
    assert finding.message.endswith("(is it 4 March 2023 or 3 April 2023?)")
    assert finding.fix is None


def test_formatted_dates_are_edited_inside_their_markup() -> None:
    markdown = table("Oct. 2023", "Nov. 2023", "Jan. 2024", "**Oct.2023**", "[December 2023](https://example.org)")
    findings = lint(markdown)
    assert [written(markdown, f) for f in findings] == ["Oct.2023", "December 2023"]
    fixed = apply_fixes(markdown, findings)
    assert "**Oct. 2023**" in fixed and "[Dec. 2023](https://example.org)" in fixed
