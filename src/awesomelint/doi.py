"""DOIs: found in URLs and in text, normalised to one identity per work.

`https://doi.org/10.1145/3442188.3445922`, `http://dx.doi.org/10.1145/3442188.3445922`,
`https://dl.acm.org/doi/pdf/10.1145/3442188.3445922`, `doi:10.1145/3442188.3445922` and
`DOI: 10.1145/3442188.3445922.` all name one work, whose identity is
`Doi.identifier == "10.1145/3442188.3445922"`.

Public API:

- `Doi`: a DOI as written (`text`, cleaned of what surrounds it) and its identity (`identifier`).
- `parse_doi(text)`: one DOI written on its own (`10.1145/3442188.3445922`, `doi:10.1145/…`).
- `from_url(url)`: the DOI a resolver or publisher URL carries in its path.
- `find_in_text(text)`: every `doi:10.…` citation in running text, with its offsets.

A DOI is `10.` and a registrant code of four to nine digits (with optional `.`-separated
subdivisions), a slash, and a suffix. DOIs are case-insensitive, so identities are casefolded;
sentence punctuation after a DOI (`.`, `,`, an unbalanced `)`) is not part of it, and neither
is a URL's query or fragment. Everything returns None (or nothing) for input that holds no DOI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/\S+")
# In running text a DOI counts only behind the word doi, and its suffix uses the characters
# Crossref finds in nearly all DOIs (plus the angle brackets of old SICI suffixes): a bare
# `10.1145/2` could be a version or a date, and a comma or quote ends a citation.
_IN_TEXT = re.compile(r"(?<![\w.\-/])doi\s*:?\s*(?P<doi>10\.\d{4,9}(?:\.\d+)*/[-._;()/:<>+\w]+)", re.IGNORECASE)
_STANDALONE_PREFIX = re.compile(r"doi\s*:?\s*", re.IGNORECASE)
# Sentence punctuation around a DOI is never its last character in practice.
_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "(", "]": "[", ">": "<"}
# Resolvers: doi.org (also dx. and www.) and publishers' own (doi.acm.org, doi.wiley.com).
_RESOLVER_PATH = re.compile(r"/+(?:doi:)?(?P<doi>10\..+)", re.IGNORECASE)
# Publisher pages: a `doi` segment, optionally a view of the work, then the DOI: ACM, Wiley,
# Science, Taylor & Francis, SAGE, PNAS. Other words there name something else: ACM's
# `/doi/proceedings/10.1145/…` is the volume a paper appeared in, which many entries share.
_VIEWS = "abs|abstract|full|fulltext|fullhtml|pdf|epdf|pdfdirect|pdfplus|epub|reader|book"
_DOI_SEGMENT = re.compile(rf"(?:.*/)?doi/+(?:(?:{_VIEWS})/+)?(?P<doi>10\..+)", re.IGNORECASE)
# Publishers that carry the DOI behind a segment of their own, by host suffix. Frontiers
# puts a journal before it (`/journals/neuroscience/articles/10.3389/…`).
_ARTICLES = re.compile(r"(?:.*/)?articles/+(?P<doi>10\..+)", re.IGNORECASE)
_PREPRINT_CONTENT = re.compile(r"/+content/+(?P<doi>10\.1101/.+)", re.IGNORECASE)
_PUBLISHER_PATHS: dict[str, re.Pattern[str]] = {
    "link.springer.com": re.compile(
        r"/+(?:article|chapter|book|referenceworkentry|rwe|protocol|content/pdf)/+(?P<doi>10\..+)", re.IGNORECASE
    ),
    "biorxiv.org": _PREPRINT_CONTENT,
    "medrxiv.org": _PREPRINT_CONTENT,
    "frontiersin.org": _ARTICLES,
    "biomedcentral.com": _ARTICLES,
    "springeropen.com": _ARTICLES,
}
# What publisher pages append to the DOI: a view (`/full`, `/abstract`, Wiley's older form),
# a file type, and on bioRxiv a version with its view (`v2.full.pdf`).
_PUBLISHER_VIEW = re.compile(r"(?:/(?:full|abstract|abs|pdf|epdf|summary|references|citedby|meta))+$", re.IGNORECASE)
_PDF_EXTENSION = re.compile(r"\.pdf$", re.IGNORECASE)
_PREPRINT_VERSION = re.compile(r"v\d+(?:\.[a-z-]+)*$|\.(?:full|abstract)(?:\.[a-z-]+)*$", re.IGNORECASE)
_PREPRINT_HOSTS = frozenset({"biorxiv.org", "medrxiv.org"})


@dataclass(frozen=True, slots=True)
class Doi:
    """One DOI: `text` as written, without the punctuation around it; `identifier` is its identity."""

    text: str

    @property
    def identifier(self) -> str:
        """The DOI casefolded: `10.1007/S10994-021-05946-3` and `10.1007/s10994-021-05946-3` are one."""
        return self.text.casefold()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class DoiMention:
    """A citation of a DOI in text; `start` and `end` are offsets into that text (end exclusive)."""

    doi: Doi
    start: int
    end: int


def _strip_trailing(text: str) -> str:
    """The text without sentence punctuation or an unbalanced closing bracket at its end."""
    while text:
        last = text[-1]
        unbalanced = last in _CLOSERS and text.count(last) > text.count(_CLOSERS[last])
        if last not in _TRAILING and not unbalanced:
            break
        text = text[:-1]
    return text


def _clean(text: str) -> Doi | None:
    text = _strip_trailing(text.strip())
    return Doi(text) if _DOI.fullmatch(text) else None


def parse_doi(text: str) -> Doi | None:
    """A DOI written on its own, with or without a `doi:` prefix, or None if `text` is anything else."""
    text = text.strip()
    prefix = _STANDALONE_PREFIX.match(text)
    return _clean(text[prefix.end() :] if prefix else text)


def _host_key(host: str, table: dict[str, re.Pattern[str]]) -> str | None:
    """The table's key that is the host or a domain above it: `www.frontiersin.org` → `frontiersin.org`."""
    labels = host.split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in table:
            return candidate
    return None


def _is_resolver(host: str) -> bool:
    return host == "doi.org" or host.endswith(".doi.org") or (host.startswith("doi.") and host.count(".") >= 2)


def _from_publisher_path(host: str, path: str) -> Doi | None:
    publisher = _host_key(host, _PUBLISHER_PATHS)
    match = _PUBLISHER_PATHS[publisher].fullmatch(path) if publisher else None
    if match is None:
        match = _DOI_SEGMENT.fullmatch(path)
    if match is None:
        return None
    found = _PUBLISHER_VIEW.sub("", match.group("doi"))
    found = _PDF_EXTENSION.sub("", found)
    if publisher in _PREPRINT_HOSTS:
        found = _PREPRINT_VERSION.sub("", found)
    return _clean(found)


@lru_cache(maxsize=65536)  # several rules ask about the same links
def from_url(url: str) -> Doi | None:
    """The DOI a URL names, or None for any other URL.

    Resolver URLs (`doi.org`, `dx.doi.org`, `www.doi.org`, `doi.acm.org`, over http or https,
    percent-encoded or not), `doi:` targets, and publisher pages that carry the DOI in their
    path count: a `/doi/` segment with an optional view (`dl.acm.org/doi/abs/10.1145/…`,
    `onlinelibrary.wiley.com/doi/full/10.1002/…`, `science.org/doi/10.1126/…`), and
    `link.springer.com/article/10.1007/…`, bioRxiv, medRxiv, Frontiers, BMC and SpringerOpen
    pages. A URL written without its scheme counts too. The query and fragment are ignored.
    """
    if "10." not in url:
        return None  # most URLs in a list: skip the parsing
    candidate = url.strip()
    if candidate[:4].lower() == "doi:":
        return parse_doi(candidate)
    if "://" not in candidate:
        candidate = "https://" + candidate.lstrip("/")
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    host = (parts.hostname or "").rstrip(".")
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    path = unquote(parts.path).rstrip("/")
    if _is_resolver(host):
        match = _RESOLVER_PATH.fullmatch(path)
        return _clean(match.group("doi")) if match else None
    return _from_publisher_path(host, path)


def find_in_text(text: str) -> list[DoiMention]:
    """Every `doi:10.…`, `DOI: 10.…` or `doi 10.…` citation in running text, in order.

    Only DOIs behind the word doi count: a bare `10.1145/2` may be a version or a date.
    The end offset leaves out sentence punctuation after the DOI.
    """
    if "doi" not in text.lower():
        return []
    mentions: list[DoiMention] = []
    for match in _IN_TEXT.finditer(text):
        doi = _clean(match.group("doi"))
        if doi is not None:
            mentions.append(DoiMention(doi, match.start(), match.start("doi") + len(doi.text)))
    return mentions
