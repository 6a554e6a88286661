from __future__ import annotations

import pytest

from awesomelint.link_syntax import (
    local_path,
    looks_like_email_address,
    looks_like_web_address,
    path_part,
    scheme_needed,
    scheme_of,
)


@pytest.mark.parametrize(
    ("target", "scheme"),
    [
        ("https://example.com", "https"),
        ("HTTP://example.com", "http"),
        ("mailto:team@example.com", "mailto"),
        ("git+ssh://host/x", "git+ssh"),
        ("doi:10.1000/182", "doi"),
        ("localhost:8000/x", "localhost"),  # as RFC 3986 and browsers read it
        ("arxiv.org/abs/1", None),
        ("docs/a:b.md", None),  # a colon after the first `/` is no scheme
        ("team@example.com", None),
        ("1password:x", None),  # schemes start with a letter
        ("#a:b", None),
        ("", None),
    ],
)
def test_scheme_of(target: str, scheme: str | None) -> None:
    assert scheme_of(target) == scheme


WEB_ADDRESSES = [
    "arxiv.org/abs/2310.12036",
    "www.example.com/x",
    "www.example.community",  # `www.` and two more labels: any top-level domain
    "github.com/a/b",
    "GitHub.com/a/b",
    "example.com",
    "example.com?utm=1",
    "example.com#top",
    "docs.python.org/3/",
    "huggingface.co/models",
    "perplexity.ai",  # `.ai` is a company far more often than an Illustrator file
    "nptel.ac.in/courses",
    "docs.rs/serde",  # a file extension, but followed by a path
    "bun.sh/docs",
    "python.org/downloads",
    "localhost:8000/x",
    "example.com:8080",
    "192.168.0.1/admin",
    "10.0.0.1:3000",
]

FILES_AND_OTHERS = [
    "docs/setup.md",
    "README.md",
    "README.MD",
    "CONTRIBUTING.md",
    "CONTRIBUTING.md#how-to",
    "README.zh-CN.md",
    "image.png",
    "index.html",
    "setup.cfg",
    "script.py",
    "install.sh",
    "MANIFEST.in",
    "kernel.cu",
    "notes.org",  # Emacs Org; `python.org` alone is reported as a missing file instead
    "bun.sh",
    "archive.zip",  # a generic top-level domain, and a file
    "./a.com/x",
    "../x",
    "/abs/path",
    "#anchor",
    "?q",
    "//example.com/x",  # protocol-relative: a working link
    "https://example.com",
    "mailto:team@example.com",
    "team@example.com",
    "git@github.com:a/b.git",
    "localhost/x",  # a folder could be called that; only a port makes it the machine
    "2310.12036",
    "v1.2.3/",
    "1.2.3/x",
    "my_site.com",  # underscores are for file names
    "-bad.com/x",
    "exa..com/x",
    "example.com:http/x",
    "www.example",
    "www.md",
    "bücher.de/x",
    "1.2.3.²/x",  # Unicode digits are no address
    "",
]


@pytest.mark.parametrize("target", WEB_ADDRESSES)
def test_web_addresses(target: str) -> None:
    assert looks_like_web_address(target)
    assert local_path(target) is None


@pytest.mark.parametrize("target", FILES_AND_OTHERS)
def test_not_web_addresses(target: str) -> None:
    assert not looks_like_web_address(target)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("team@example.com", True),
        ("first.last+tag@mail.example.co.uk", True),
        ("team@example.sh", True),  # after an `@` it cannot be a file
        ("team@example.com?subject=Hi", True),
        ("mailto:team@example.com", False),
        ("team@localhost", False),
        ("@example.com", False),
        ("team@", False),
        ("git@github.com:a/b.git", False),
        ("docs/team@example.com", False),
        ("example.com", False),
    ],
)
def test_email_addresses(target: str, expected: bool) -> None:
    assert looks_like_email_address(target) is expected


@pytest.mark.parametrize(
    ("target", "scheme"),
    [
        ("arxiv.org/abs/1", "https"),
        ("www.example.com", "https"),
        ("localhost:8000/x", "http"),
        ("LOCALHOST:8000", "http"),
        ("192.168.0.1/admin", "http"),
        ("team@example.com", "mailto"),
        ("README.md", None),
        ("https://example.com", None),
        ("//example.com", None),
    ],
)
def test_scheme_needed(target: str, scheme: str | None) -> None:
    assert scheme_needed(target) == scheme


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("docs/setup.md", "docs/setup.md"),
        ("docs/setup.md#install", "docs/setup.md"),
        ("docs/setup.md?plain=1#x", "docs/setup.md"),
        ("my%20notes.md", "my notes.md"),
        ("a+b.md", "a+b.md"),  # `+` is a plus in paths, not a space
        ("", ""),
    ],
)
def test_path_part(target: str, path: str) -> None:
    assert path_part(target) == path


@pytest.mark.parametrize(
    ("target", "path"),
    [
        ("CONTRIBUTING.md", "CONTRIBUTING.md"),
        ("./docs/", "./docs/"),
        ("../x.md#y", "../x.md"),
        ("/docs/x.md", "/docs/x.md"),
        ("figures/a%20b.png", "figures/a b.png"),
        ("./#top", "./"),
        ("notes.org", "notes.org"),
        ("#top", None),
        ("?tab=readme", None),
        ("", None),
        ("https://example.com/x.md", None),
        ("mailto:team@example.com", None),
        ("C:/Users/me/list.md", None),
        ("//example.com/x", None),
        ("https//github.com/a/b", None),  # a URL that lost its colon, not a folder
        ("arxiv.org/abs/1", None),
        ("team@example.com", None),
        ("localhost:8000/x", None),
    ],
)
def test_local_path(target: str, path: str | None) -> None:
    assert local_path(target) == path
