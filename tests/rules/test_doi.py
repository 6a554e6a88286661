from __future__ import annotations

import pytest

from awesomelint.doi import Doi, find_in_text, from_url, parse_doi

PARROTS = "10.1145/3442188.3445922"


@pytest.mark.parametrize(
    "url",
    [
        "https://doi.org/10.1145/3442188.3445922",
        "http://doi.org/10.1145/3442188.3445922",
        "http://dx.doi.org/10.1145/3442188.3445922",
        "https://www.doi.org/10.1145/3442188.3445922",
        "HTTPS://DOI.ORG/10.1145/3442188.3445922",
        "doi.org/10.1145/3442188.3445922",
        "https://doi.org/10.1145%2F3442188.3445922",
        "https://doi.org/10.1145/3442188.3445922/",
        "https://doi.org/10.1145/3442188.3445922?download=true",
        "https://doi.org/10.1145/3442188.3445922#citation",
        "https://doi.org/doi:10.1145/3442188.3445922",
        "http://doi.acm.org/10.1145/3442188.3445922",
        "https://dl.acm.org/doi/10.1145/3442188.3445922",
        "https://dl.acm.org/doi/abs/10.1145/3442188.3445922",
        "https://dl.acm.org/doi/pdf/10.1145/3442188.3445922",
        "https://dl.acm.org/doi/pdf/10.1145/3442188.3445922?download=true",
        "https://dl.acm.org/doi/full/10.1145/3442188.3445922",
        "https://dl.acm.org/doi/fullHtml/10.1145/3442188.3445922",
        "dl.acm.org/doi/10.1145/3442188.3445922",
        "doi:10.1145/3442188.3445922",
        "DOI:10.1145/3442188.3445922",
        " doi:10.1145/3442188.3445922",
    ],
)
def test_every_spelling_of_a_doi_url_is_one_identity(url: str) -> None:
    doi = from_url(url)
    assert doi is not None
    assert doi.identifier == PARROTS


@pytest.mark.parametrize(
    ("url", "identifier"),
    [
        ("https://onlinelibrary.wiley.com/doi/10.1002/anie.201107003", "10.1002/anie.201107003"),
        ("https://onlinelibrary.wiley.com/doi/epdf/10.1002/anie.201107003", "10.1002/anie.201107003"),
        ("https://onlinelibrary.wiley.com/doi/full/10.1002/anie.201107003", "10.1002/anie.201107003"),
        ("http://onlinelibrary.wiley.com/doi/10.1002/anie.201107003/full", "10.1002/anie.201107003"),
        ("http://onlinelibrary.wiley.com/doi/10.1002/anie.201107003/abstract", "10.1002/anie.201107003"),
        ("https://link.springer.com/article/10.1007/s10994-021-05946-3", "10.1007/s10994-021-05946-3"),
        ("https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13", "10.1007/978-3-030-58452-8_13"),
        ("https://link.springer.com/content/pdf/10.1007/978-3-030-58452-8_13.pdf", "10.1007/978-3-030-58452-8_13"),
        ("https://www.science.org/doi/10.1126/science.ado9336", "10.1126/science.ado9336"),
        ("https://www.science.org/doi/pdf/10.1126/sciadv.adk4489", "10.1126/sciadv.adk4489"),
        ("https://www.tandfonline.com/doi/full/10.1080/01621459.2017.1285773", "10.1080/01621459.2017.1285773"),
        ("https://www.biorxiv.org/content/10.1101/2020.03.22.002386v1", "10.1101/2020.03.22.002386"),
        ("https://www.biorxiv.org/content/10.1101/2020.03.22.002386v2.full.pdf", "10.1101/2020.03.22.002386"),
        ("https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v1.full", "10.1101/2020.04.14.20062463"),
        (
            "https://www.frontiersin.org/journals/neuroscience/articles/10.3389/fnins.2020.00001/full",
            "10.3389/fnins.2020.00001",
        ),
        ("https://bmcbioinformatics.biomedcentral.com/articles/10.1186/s12859-019-2812-0", "10.1186/s12859-019-2812-0"),
        ("https://doi.org/10.48550/arXiv.2205.05638", "10.48550/arxiv.2205.05638"),
        (
            "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O",
            "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-o",
        ),
    ],
)
def test_publisher_pages_that_carry_the_doi_in_their_path(url: str, identifier: str) -> None:
    doi = from_url(url)
    assert doi is not None
    assert doi.identifier == identifier


def test_case_is_kept_as_written_but_not_in_the_identity() -> None:
    doi = from_url("https://onlinelibrary.wiley.com/doi/epdf/10.1002/ANIE.201107003")
    assert doi == Doi("10.1002/ANIE.201107003")
    assert (str(doi), doi.identifier) == ("10.1002/ANIE.201107003", "10.1002/anie.201107003")


@pytest.mark.parametrize(
    "url",
    [
        "https://doi.org/10.1145",  # a registrant code without a suffix
        "https://doi.org/10.1145/",
        "https://doi.org/10.12/abc",  # registrant codes have four digits or more
        "https://doi.org/",
        "https://doi.org/help",
        "ftp://doi.org/10.1145/3442188.3445922",
        "https://github.com/example/tool/releases/tag/v2.10.1145/notes",  # a version number
        "https://example.com/2021.10.11/10.1145/x",  # a date, then a folder that is no DOI
        "https://example.com/files/10.1145/paper.pdf",  # not a publisher's DOI path
        "https://example.com/doi/v10.1145/x",
        "https://dl.acm.org/citation.cfm?id=3442188",
        "https://dl.acm.org/doi/proceedings/10.1145/3442188",  # the volume, shared by its papers
        "https://link.springer.com/journal/10994",
        "https://www.biorxiv.org/content/early/2020/03/24/2020.03.22.002386",
        "https://www.nature.com/articles/s41586-021-03819-2",
        "https://arxiv.org/abs/2205.05638",
        "https://pypi.org/project/tool/10.1145.2/",
        "mailto:someone@doi.org",
    ],
)
def test_near_misses_are_not_dois(url: str) -> None:
    assert from_url(url) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1145/3442188.3445922", PARROTS),
        (" doi:10.1145/3442188.3445922 ", PARROTS),
        ("DOI: 10.1145/3442188.3445922.", PARROTS),
        ("DOI 10.1145/3442188.3445922", PARROTS),
        ("10.1016/0021-9991(76)90012-7", "10.1016/0021-9991(76)90012-7"),
        ("10.1016/0021-9991(76)90012-7)", "10.1016/0021-9991(76)90012-7"),
        ("10.1145", None),
        ("doi:", None),
        ("2021.10.11", None),
        ("v10.1145/2", None),
    ],
)
def test_parse_a_doi_written_on_its_own(text: str, expected: str | None) -> None:
    doi = parse_doi(text)
    assert (doi.identifier if doi else None) == expected


def test_text_citations_are_found_with_their_offsets() -> None:
    text = "See doi:10.1145/3442188.3445922, and (DOI: 10.1016/0021-9991(76)90012-7). Also doi 10.1000/182."
    mentions = find_in_text(text)
    assert [(m.doi.text, text[m.start : m.end]) for m in mentions] == [
        (PARROTS, "doi:10.1145/3442188.3445922"),
        ("10.1016/0021-9991(76)90012-7", "DOI: 10.1016/0021-9991(76)90012-7"),
        ("10.1000/182", "doi 10.1000/182"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "doi list, version 10.1145/2 of the tool",  # `doi` not right before it
        "doi: released 2021.10.1145/3",  # a date
        "pseudoi:10.1145/3442188",  # `doi` inside a word
        "doi 10.1145",  # no suffix
        "doi:10.12/abc",  # a registrant code of two digits
        "the DOI is missing",
        "https://doi.org/10.1145/3442188.3445922",  # a URL is a link, found through from_url
        "https://dl.acm.org/doi/10.1145/3442188.3445922",
    ],
)
def test_text_near_misses(text: str) -> None:
    assert find_in_text(text) == []
