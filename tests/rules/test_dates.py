from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesomelint.dates import (
    DateFamily,
    ParsedDate,
    Precision,
    date_problem,
    find_dates,
    format_date,
    is_date_header,
    is_placeholder,
    read_date,
)


def families(text: str) -> set[str]:
    match = read_date(text)
    assert match is not None, text
    return {family.template for family in match.families}


@pytest.mark.parametrize(
    ("text", "template", "value"),
    [
        ("Oct. 2023", "{Mon}. {YYYY}", ParsedDate(2023, 10)),
        ("Oct 2023", "{Mon} {YYYY}", ParsedDate(2023, 10)),
        ("October 2023", "{Month} {YYYY}", ParsedDate(2023, 10)),
        ("October. 2023", "{Month}. {YYYY}", ParsedDate(2023, 10)),
        ("Oct.2023", "{Mon}.{YYYY}", ParsedDate(2023, 10)),
        ("Oct, 2023", "{Mon}, {YYYY}", ParsedDate(2023, 10)),
        ("2023-10", "{YYYY}-{MM}", ParsedDate(2023, 10)),
        ("2023-10-12", "{YYYY}-{MM}-{DD}", ParsedDate(2023, 10, 12)),
        ("2023/10/12", "{YYYY}/{MM}/{DD}", ParsedDate(2023, 10, 12)),
        ("2023/10", "{YYYY}/{MM}", ParsedDate(2023, 10)),
        ("2023.10.12", "{YYYY}.{MM}.{DD}", ParsedDate(2023, 10, 12)),
        ("12 Oct 2023", "{DD} {Mon} {YYYY}", ParsedDate(2023, 10, 12)),
        ("12-Oct-2023", "{D}-{Mon}-{YYYY}", ParsedDate(2023, 10, 12)),
        ("Oct 12, 2023", "{Mon} {D}, {YYYY}", ParsedDate(2023, 10, 12)),
        ("October 12th, 2023", "{Month} {D}{th}, {YYYY}", ParsedDate(2023, 10, 12)),
        ("10/2023", "{MM}/{YYYY}", ParsedDate(2023, 10)),
        ("2023", "{YYYY}", ParsedDate(2023)),
        ("2023-1-5", "{YYYY}-{M}-{D}", ParsedDate(2023, 1, 5)),
        ("13/04/2023", "{DD}/{MM}/{YYYY}", ParsedDate(2023, 4, 13)),
    ],
)
def test_each_form_has_its_family_and_value(text: str, template: str, value: ParsedDate) -> None:
    match = read_date(text)
    assert match is not None
    assert template in families(text)
    assert match.value == value
    assert match.other_reading is None


def test_may_is_abbreviated_and_full_at_once() -> None:
    assert families("May. 2023") == {"{Mon}. {YYYY}", "{Month}. {YYYY}"}
    # Undotted, May also fits the dotted abbreviations: it abbreviates nothing.
    assert families("May 2023") == {"{Mon} {YYYY}", "{Month} {YYYY}", "{Mon}. {YYYY}"}


def test_june_and_july_are_full_names_and_sept_an_abbreviation() -> None:
    assert families("June. 2023") == {"{Month}. {YYYY}"}
    assert families("Jun. 2023") == {"{Mon}. {YYYY}"}
    assert families("July 2023") == {"{Month} {YYYY}"}
    assert families("Sept. 2023") == families("Sep. 2023") == {"{Mon}. {YYYY}"}
    assert families("September 2023") == {"{Month} {YYYY}"}


def test_numbers_that_need_no_padding_fit_both_paddings() -> None:
    assert families("2023-10-12") == {"{YYYY}-{MM}-{DD}", "{YYYY}-{M}-{DD}", "{YYYY}-{MM}-{D}", "{YYYY}-{M}-{D}"}
    assert families("2023-01-05") == {"{YYYY}-{MM}-{DD}"}


def test_a_numeric_date_can_read_two_ways() -> None:
    match = read_date("03/04/2023")
    assert match is not None
    assert {f.template for f in match.families} == {"{MM}/{DD}/{YYYY}", "{DD}/{MM}/{YYYY}"}
    assert match.value == ParsedDate(2023, 3, 4)  # slashes: month first, the usual reading
    assert match.other_reading == ParsedDate(2023, 4, 3)
    assert match.reading(DateFamily("{DD}/{MM}/{YYYY}")) == ParsedDate(2023, 4, 3)
    assert match.render(DateFamily("{YYYY}-{MM}-{DD}")) is None
    assert match.render(DateFamily("{YYYY}")) == "2023"
    dotted = read_date("03.04.2023")
    assert dotted is not None and dotted.value == ParsedDate(2023, 4, 3)  # dots: day first


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{Mon}. {YYYY}", "Sep. 2023"),
        ("{Month}. {YYYY}", "September. 2023"),
        ("{Mon}.{YYYY}", "Sep.2023"),
        ("{YYYY}-{MM}-{DD}", "2023-09-05"),
        ("{YYYY}/{M}/{D}", "2023/9/5"),
        ("{D} {Mon} {YYYY}", "5 Sep 2023"),
        ("{Month} {D}{th}, {YYYY}", "September 5th, 2023"),
        ("{MM}/{YYYY}", "09/2023"),
        ("{YYYY}", "2023"),
    ],
)
def test_format_date(template: str, expected: str) -> None:
    assert format_date(ParsedDate(2023, 9, 5), DateFamily(template)) == expected


def test_format_date_needs_the_parts_the_family_writes() -> None:
    assert format_date(ParsedDate(2023, 10), DateFamily("{YYYY}-{MM}-{DD}")) is None
    assert format_date(ParsedDate(2023), DateFamily("{Mon}. {YYYY}")) is None
    assert format_date(ParsedDate(2023, 10, 12), DateFamily("{Mon}. {YYYY}")) == "Oct. 2023"


def test_labels_show_the_family_by_example() -> None:
    assert DateFamily("{Mon}. {YYYY}").label == "Oct. 2023"
    assert DateFamily("{YYYY}-{MM}-{DD}").label == "2023-10-12"
    assert DateFamily("{YYYY}-{M}-{D}").label == "2023-1-5"
    assert DateFamily("{Mon} {DD}, {YYYY}").label == "Oct 05, 2023"
    assert DateFamily("{YYYY}").precision is Precision.YEAR


TEMPLATES = [
    "{Mon}. {YYYY}",
    "{Mon} {YYYY}",
    "{Month} {YYYY}",
    "{Month}. {YYYY}",
    "{Mon}.{YYYY}",
    "{YYYY}-{MM}",
    "{YYYY}-{MM}-{DD}",
    "{YYYY}/{MM}/{DD}",
    "{YYYY}/{M}/{D}",
    "{YYYY}.{MM}.{DD}",
    "{D} {Mon} {YYYY}",
    "{DD} {Month} {YYYY}",
    "{Mon} {D}, {YYYY}",
    "{Month} {D}{th}, {YYYY}",
    "{MM}/{YYYY}",
    "{DD}/{MM}/{YYYY}",
]


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(TEMPLATES),
)
def test_a_rendered_date_reads_back_in_its_family(day: date, template: str) -> None:
    family = DateFamily(template)
    parsed = ParsedDate(day.year, day.month, day.day)
    rendered = format_date(parsed, family)
    assert rendered is not None
    match = read_date(rendered)
    assert match is not None, rendered
    assert family in match.families
    assert match.reading(family) == ParsedDate(
        day.year, day.month, day.day if family.precision is Precision.DAY else None
    )


def test_find_dates_positions_and_prose_rules() -> None:
    text = "Released Oct. 2023 (see 2023-10-12); arxiv 2023, NeurIPS 2022."
    found = find_dates(text)
    assert [(m.text, text[m.start : m.end]) for m in found] == [("Oct. 2023", "Oct. 2023"), ("2023-10-12",) * 2]


@pytest.mark.parametrize(
    "text",
    [
        "crfm.stanford.edu/2023/03/13/alpaca.html",
        "https://lmsys.org/blog/2023-03-30-vicuna/",
        "https://www.biorxiv.org/content/10.1101/2023.04.30.538439v1",
        "arxiv 2023",
        "you may 2023 times",
        "the 2009/10 season",
        "from 2010-12 on",
        "Unity 2022.3",
        "issue 3/2023",
        "Top ML Papers of the Week (June 23 - June 29)",
        "v2023.10",
        "2023.10.0",
    ],
)
def test_text_that_is_not_a_date(text: str) -> None:
    assert find_dates(text) == []


def test_date_columns_read_more_than_prose() -> None:
    assert [m.text for m in find_dates("may 2023", prose=False)] == ["may 2023"]
    assert [m.text for m in find_dates("2009/10", prose=False)] == ["2009/10"]


def test_read_date_wants_the_whole_string() -> None:
    assert read_date("  Oct. 2023 ") is not None
    assert read_date("Oct. 2023 (v2)") is None
    assert read_date("NeurIPS 2023") is None


def test_is_after_compares_at_the_dates_precision() -> None:
    today = date(2026, 1, 15)
    assert not ParsedDate(2026, 1).is_after(today)
    assert ParsedDate(2026, 2).is_after(today)
    assert not ParsedDate(2026).is_after(today)
    assert ParsedDate(2027).is_after(today)
    assert ParsedDate(2026, 1, 16).is_after(today)
    assert not ParsedDate(2026, 1, 15).is_after(today)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Feb 30, 2023", "February 2023 has no day 30"),
        ("2023-13", "there is no month 13"),
        ("Octobr 2023", "'Octobr' is not a month name (did you mean 'October'?)"),
        ("Oct 12st, 2023", "'12st' should be '12th'"),
        ("Q3 2023", None),
        ("Fall 2023", None),
        ("Oct. 2023", None),
    ],
)
def test_date_problem(text: str, problem: str | None) -> None:
    assert date_problem(text) == problem


@pytest.mark.parametrize("text", ["", " ", "-", "—", "N/A", "n/a", "TBD", "?", "**TBA**", "(TBD)", "unknown", "..."])
def test_placeholders(text: str) -> None:
    assert is_placeholder(text)


def test_a_date_is_no_placeholder() -> None:
    assert not is_placeholder("Oct. 2023")


def test_date_headers() -> None:
    assert is_date_header("Published date")
    assert is_date_header("**Published Date:**")
    assert is_date_header("YEAR")
    assert not is_date_header("Paper")
    assert is_date_header("When", headers=("when",))
    assert not is_date_header("Date", headers=("When",))
