from __future__ import annotations

import pytest

from awesomelint.arxiv import ArxivId, find_in_text, from_url, is_arxiv_host, page_from_url, parse_identifier


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/abs/2205.05638",
        "http://arxiv.org/abs/2205.05638",
        "https://www.arxiv.org/abs/2205.05638",
        "https://export.arxiv.org/abs/2205.05638",
        "https://arxiv.org/abs/2205.05638v2",
        "https://arxiv.org/pdf/2205.05638",
        "https://arxiv.org/pdf/2205.05638.pdf",
        "https://arxiv.org/pdf/2205.05638v1.pdf",
        "https://arxiv.org/html/2205.05638v3",
        "https://arxiv.org/html/2205.05638v3/",
        "https://arxiv.org/abs/arXiv:2205.05638",
        "https://arxiv.org/abs/2205.05638?context=cs.CL",
        "https://arxiv.org/pdf/2205.05638.pdf#page=3",
        "HTTPS://ArXiv.org/abs/2205.05638",
        "arxiv.org/abs/2205.05638",
        "www.arxiv.org/pdf/2205.05638v2.pdf",
    ],
)
def test_every_spelling_of_a_paper_url_is_one_identity(url: str) -> None:
    paper = from_url(url)
    assert paper is not None
    assert paper.identifier == "2205.05638"
    assert (paper.year, paper.month) == (2022, 5)


def test_the_version_is_kept_apart_from_the_identity() -> None:
    assert from_url("https://arxiv.org/pdf/2205.05638v2.pdf") == ArxivId("2205.05638", 2, 2022, 5)
    assert from_url("https://arxiv.org/abs/2205.05638") == ArxivId("2205.05638", None, 2022, 5)
    paper = parse_identifier("2205.05638v12")
    assert paper is not None
    assert (paper.version, paper.versioned, str(paper)) == (12, "2205.05638v12", "2205.05638")


@pytest.mark.parametrize(
    ("url", "identifier", "year", "month"),
    [
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", 1999, 1),
        ("https://arxiv.org/pdf/hep-th/9901001v2.pdf", "hep-th/9901001", 1999, 1),
        ("https://arxiv.org/abs/cs/0112017", "cs/0112017", 2001, 12),
        ("https://arxiv.org/abs/math.GT/0309136", "math/0309136", 2003, 9),
        ("https://arxiv.org/abs/cond-mat.str-el/0101001", "cond-mat/0101001", 2001, 1),
        ("https://arxiv.org/abs/0704.0001", "0704.0001", 2007, 4),
        ("https://arxiv.org/abs/1412.8765", "1412.8765", 2014, 12),
        ("https://arxiv.org/abs/1501.00001", "1501.00001", 2015, 1),
    ],
)
def test_old_style_and_four_digit_identifiers(url: str, identifier: str, year: int, month: int) -> None:
    paper = from_url(url)
    assert paper is not None
    assert (paper.identifier, paper.year, paper.month) == (identifier, year, month)
    assert paper.is_old_style == ("/" in identifier)


@pytest.mark.parametrize(
    "url",
    [
        "https://arxiv.org/list/cs.CL/recent",
        "https://arxiv.org/a/hu_e_1",
        "https://arxiv.org/search/?query=lora",
        "https://arxiv.org/help/api/user-manual",
        "https://arxiv.org/abs/2213.00001",  # month 13
        "https://arxiv.org/abs/2200.00001",  # month 0
        "https://arxiv.org/abs/0703.0001",  # new style began in April 2007
        "https://arxiv.org/abs/1409.12345",  # five digits only from 2015
        "https://arxiv.org/abs/1501.0001",  # four digits only until 2014
        "https://arxiv.org/abs/2205.00000",
        "https://arxiv.org/abs/2205.05638v0",
        "https://arxiv.org/abs/foo/9901001",  # no such archive
        "https://arxiv.org/abs/hep-th/0801001",  # old style ended in March 2007
        "https://arxiv.org/html/2410.15352v1/x1.png",  # a figure, not the paper
        "https://notarxiv.org/abs/2205.05638",
        "https://github.com/arxiv/arxiv-browse",
        "ftp://arxiv.org/abs/2205.05638",
        "https://arxiv.org/abs/2205.05638extra",
        "",
    ],
)
def test_what_is_not_a_paper(url: str) -> None:
    assert from_url(url) is None


@pytest.mark.parametrize(
    ("text", "identifier"),
    [
        ("2205.05638", "2205.05638"),
        ("arXiv:2205.05638", "2205.05638"),
        ("arXiv 2205.05638", "2205.05638"),
        ("  arXiv: 2205.05638v2 ", "2205.05638"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("math.GT/0309136v1", "math/0309136"),
        ("HEP-TH/9901001", "hep-th/9901001"),
    ],
)
def test_parse_identifier(text: str, identifier: str) -> None:
    paper = parse_identifier(text)
    assert paper is not None
    assert paper.identifier == identifier


@pytest.mark.parametrize("text", ["", "arXiv", "2205.05638 and more", "2205.5638", "paper 2205.05638"])
def test_parse_identifier_rejects(text: str) -> None:
    assert parse_identifier(text) is None


def test_find_in_text_gives_offsets() -> None:
    text = "LoRA, arXiv:2106.09685v2, builds on arXiv 1902.00751 and arXiv: hep-th/9901001."
    mentions = find_in_text(text)
    assert [m.paper.identifier for m in mentions] == ["2106.09685", "1902.00751", "hep-th/9901001"]
    assert [text[m.start : m.end] for m in mentions] == [
        "arXiv:2106.09685v2",
        "arXiv 1902.00751",
        "arXiv: hep-th/9901001",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "arxiv 2022. [paper](x)",  # a year
        "arXiv 2106.",
        "arXiv:2106.096851",  # six digits
        "see 2106.09685",  # no arXiv before it
        "myarxiv:2106.09685",
        "arxiv.org/abs/2106.09685",  # a URL, which from_url reads
        "arXiv:2213.00001",
    ],
)
def test_find_in_text_skips(text: str) -> None:
    assert find_in_text(text) == []


def test_hosts_and_canonical_url() -> None:
    assert all(is_arxiv_host(h) for h in ("arxiv.org", "www.arxiv.org", "export.arxiv.org", "ARXIV.ORG."))
    assert not any(is_arxiv_host(h) for h in ("notarxiv.org", "arxiv.org.evil.com", ""))
    paper = from_url("http://www.arxiv.org/pdf/2205.05638v2.pdf")
    assert paper is not None
    assert paper.abs_url() == "https://arxiv.org/abs/2205.05638"
    assert paper.abs_url(with_version=True) == "https://arxiv.org/abs/2205.05638v2"


@pytest.mark.parametrize(
    ("url", "page", "located"),
    [
        ("https://arxiv.org/abs/2205.05638", "abs", False),
        ("arxiv.org/PDF/2205.05638v2.pdf", "pdf", False),
        ("https://export.arxiv.org/html/2205.05638v1", "html", False),
        ("https://arxiv.org/pdf/2205.05638#page=5", "pdf", True),
        ("https://arxiv.org/abs/2205.05638?context=cs", "abs", True),
    ],
)
def test_page_from_url_names_the_page_a_link_opens(url: str, page: str, located: bool) -> None:
    found = page_from_url(url)
    assert found is not None
    assert (found.paper.identifier, found.page, found.located) == ("2205.05638", page, located)


def test_a_papers_number_is_its_place_in_its_month() -> None:
    papers = [parse_identifier(text) for text in ("2205.05638", "0704.0001", "hep-th/9901001")]
    assert [paper.number if paper is not None else None for paper in papers] == [5638, 1, 1]
