from __future__ import annotations

import pytest

from awesomelint.urls import normalise_url


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://example.com/docs", "http://example.com/docs"),
        ("https://example.com/docs", "https://www.example.com/docs"),
        ("https://example.com/docs", "HTTPS://EXAMPLE.COM/docs"),
        ("https://example.com/docs", "https://example.com:443/docs"),
        ("http://example.com/docs", "http://example.com:80/docs"),
        ("https://example.com/docs", "https://example.com/docs/"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/docs", "https://example.com/docs?"),
        ("https://example.com/docs", "https://example.com/docs#"),
        ("https://example.com/?q=1", "https://example.com?q=1"),
        ("https://example.com/~me", "https://example.com/%7Eme"),
        ("https://example.com/a%2Fb", "https://example.com/a%2fb"),
        ("https://example.com./docs", "https://example.com/docs"),
        ("  https://example.com/docs ", "https://example.com/docs"),
    ],
)
def test_spellings_of_one_page_normalise_equal(first: str, second: str) -> None:
    assert normalise_url(first) is not None
    assert normalise_url(first) == normalise_url(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://example.com/Docs", "https://example.com/docs"),  # paths are case-sensitive
        ("https://example.com/list?page=1", "https://example.com/list?page=2"),
        ("https://example.com/list?a=1&b=2", "https://example.com/list?b=2&a=1"),
        ("https://example.com/guide#install", "https://example.com/guide#usage"),
        ("https://example.com:8443/", "https://example.com/"),
        ("https://docs.example.com/", "https://example.com/"),
        ("https://example.com/a%2Fb", "https://example.com/a/b"),  # an escaped slash is not a slash
        ("https://user@example.com/", "https://example.com/"),
    ],
)
def test_different_pages_stay_different(first: str, second: str) -> None:
    assert normalise_url(first) != normalise_url(second)


def test_canonical_form() -> None:
    assert normalise_url("HTTP://WWW.Example.COM:80/Docs/?") == "https://example.com/Docs"
    assert normalise_url("http://[::1]:8080/x") == "https://[::1]:8080/x"


@pytest.mark.parametrize(
    "url",
    ["", "mailto:team@example.com", "ftp://example.com/", "docs/guide.md", "#anchor", "https://",
     "//example.com/x", "http://[::1", "http://example.com:port/", "javascript:alert(1)"],
)  # fmt: skip
def test_not_http_or_unparseable(url: str) -> None:
    assert normalise_url(url) is None
