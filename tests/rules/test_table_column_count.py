from __future__ import annotations

import pytest

from awesomelint.finding import Finding
from awesomelint.runner import lint_text

RULE = "table-column-count"


def lint(markdown: str, **options: object) -> list[Finding]:
    return lint_text(markdown, select=[RULE], options={RULE: options} if options else None)


def where(findings: list[Finding]) -> list[tuple[int, int]]:
    return [(finding.line, finding.column) for finding in findings]


def test_matching_rows_are_quiet() -> None:
    assert lint("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | |\n") == []


def test_extra_cell_quotes_the_text_github_drops() -> None:
    [finding] = lint("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 | five |\n")
    assert (finding.line, finding.column, finding.end_column) == (4, 11, 15)
    assert finding.message == "row has 3 cells where the header has 2 columns: GitHub does not show 'five'"


def test_missing_cells_name_the_empty_columns() -> None:
    [finding] = lint("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n| 4 |\n| 5 | 6 | 7 |\n")
    assert finding.line == 4
    assert finding.message == "row has 1 cell where the header has 3 columns: 'b' and 'c' are left empty"


def test_a_column_no_row_fills_is_reported_once_at_the_header() -> None:
    rows = "".join(f"| paper {n} | 2023 |\n" for n in range(90))
    findings = lint("| Paper | Year | Desc. |\n|---|---|---|\n" + rows)
    assert where(findings) == [(1, 18)]
    assert findings[0].message == (
        "header column 'Desc.' is left empty by every row: the header has 3 columns but every row has 2 cells"
    )


def test_a_row_that_differs_from_its_siblings_is_still_reported() -> None:
    header = "| Paper | Year | # | Desc. |\n|---|---|---|---|\n"
    markdown = header + "| a | 1 | x |\n| b | 2 | y |\n| c |\n| d | 4 | z | ok |\n| e | 5 | w |\n"
    findings = lint(markdown)
    assert where(findings) == [(1, 22), (5, 3)]
    column, row = (finding.message.split(": ") for finding in findings)
    assert column == [
        "header column 'Desc.' is left empty by 4 of 5 rows",
        "the header has 4 columns but 3 of 5 rows have 3 cells",
    ]
    assert row == [
        "row has 1 cell where the header has 4 columns and most rows 3",
        "'Year', '#' and 'Desc.' are left empty",
    ]


def test_rows_that_all_have_a_column_the_header_lacks() -> None:
    markdown = "| Tool | Stars |\n|---|---|\n| a | 1 | MIT |\n| b | 2 | BSD |\n"
    [finding] = lint(markdown)
    assert (finding.line, finding.column) == (1, 3)
    assert finding.message.split(": ") == [
        "every row has 3 cells but the header has 2 columns",
        "GitHub drops cell 3 of each row, such as 'MIT' on line 3",
    ]


def test_a_single_row_is_reported_as_a_row() -> None:
    [finding] = lint("| a | b | c |\n|---|---|---|\n| 1 | 2 |\n")
    assert finding.line == 3


def test_rows_that_vary_a_lot_are_each_compared_with_the_header() -> None:
    markdown = "| a | b | c |\n|---|---|---|\n| 1 |\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |\n| 1 | 2 | 3 |\n"
    assert [finding.line for finding in lint(markdown)] == [3, 4, 5]


@pytest.mark.parametrize(
    ("delimiter", "cells"),
    [("|---|---|---|", 3), ("|---|", 1)],
    ids=["delimiter-longer", "delimiter-shorter"],
)
def test_header_and_delimiter_rows_must_agree(delimiter: str, cells: int) -> None:
    [finding] = lint(f"| a | b |\n{delimiter}\n| 1 | 2 | 3 | 4 |\n")
    assert finding.line == 2
    assert finding.message == (
        f"the header row has 2 cells but the delimiter row under it has {cells}: "
        "GitHub does not render these lines as a table"
    )


def test_hidden_cells_are_not_counted_unless_asked() -> None:
    rows = ["| 1 | 2 | |", "| 3 | 4 | [//]: #Recommend |", "| 5 | 6 | <!-- note --> |", "| 7 | 8 |"]
    markdown = "| a | b |\n|---|---|\n" + "\n".join(rows) + "\n"
    assert lint(markdown) == []
    findings = lint(markdown, **{"ignore-hidden-cells": False})
    assert [finding.line for finding in findings] == [1]
    assert (
        findings[0].message
        == "3 of 4 rows have 3 cells but the header has 2 columns: GitHub drops cell 3 of those rows"
    )


def test_escaped_pipes_do_not_split_but_pipes_in_code_do() -> None:
    assert lint("| a | b |\n|---|---|\n| `x\\|y` | 2 |\n") == []
    [finding] = lint("| a | b |\n|---|---|\n| `x|y` | 2 |\n")
    assert finding.message.endswith("(the '|' in `x|y` splits the cell: write it as '\\|')")


def test_tables_in_quotes_and_code() -> None:
    assert where(lint("> | a | b |\n> |---|---|\n> | 1 | 2 | 3 |\n")) == [(3, 13)]
    assert lint("```\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n```\n") == []


def test_many_well_formed_rows_give_no_findings() -> None:
    rows = "".join(
        f"| [Tool {n}](https://example.com/{n}) | Description {n} | `apiKey` | Yes |\n" for n in range(20_000)
    )
    markdown = "| API | Description | Auth | HTTPS |\n|---|---|---|---|\n" + rows
    from awesomelint.document.parse import parse
    from awesomelint.rule import RuleContext
    from awesomelint.rules.table_column_count import check
    from awesomelint.source import SourceText

    document = parse(SourceText(path="big.md", text=markdown))
    context = RuleContext(rule=RULE, severity=check.severity, options=check.defaults(), path="big.md")
    assert list(check.check(document, context)) == []
