"""arXiv identifiers: found in links and in text, normalised to one identity per paper.

`https://arxiv.org/abs/2205.05638`, `http://www.arxiv.org/pdf/2205.05638v2.pdf`,
`https://export.arxiv.org/abs/2205.05638` and `arXiv:2205.05638` are one paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

_ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org", "xxx.lanl.gov", "browse.arxiv.org"})
# New style since April 2007: YYMM.NNNN (until 2014), YYMM.NNNNN (from 2015).
_NEW_STYLE = r"(?P<new>(?P<yymm>\d{4})\.(?P<number>\d{4,5}))"
# Old style: archive[.SUBJECT-CLASS]/YYMMNNN, e.g. hep-th/9901001, math.GT/0309136.
_OLD_STYLE = r"(?P<old>(?P<archive>[a-z]+(?:-[a-z]+)?)(?:\.[A-Z]{2})?/(?P<oldyymm>\d{4})(?P<oldnumber>\d{3}))"
_IDENTIFIER = re.compile(rf"^(?:arxiv:)?(?:{_NEW_STYLE}|{_OLD_STYLE})(?:v(?P<version>\d+))?$", re.IGNORECASE)
_PATH = re.compile(r"^/+(?:abs|pdf|html|format|ps)/(?P<id>.+?)(?:\.pdf)?/*$", re.IGNORECASE)
# `arXiv:2205.05638`, `arXiv 2205.05638`, `arXiv: hep-th/9901001` in running text.
TEXT_FORM = re.compile(
    r"\barxiv\s*:?\s*((?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ArxivId:
    """A paper's identity (`identifier`, without version) and the version a link named, if any."""

    identifier: str
    version: int | None
    year: int
    month: int

    def __str__(self) -> str:
        return self.identifier


def parse_identifier(text: str) -> ArxivId | None:
    """Parse `2205.05638`, `2205.05638v2`, `arXiv:2205.05638`, `hep-th/9901001`, `math.GT/0309136v1`."""
    match = _IDENTIFIER.match(text.strip())
    if match is None:
        return None
    version = int(match.group("version")) if match.group("version") else None
    if match.group("new"):
        yymm, number = match.group("yymm"), match.group("number")
        year, month = 2000 + int(yymm[:2]), int(yymm[2:])
        # Five-digit numbers started in January 2015; four-digit ones ended in December 2014.
        if not 1 <= month <= 12 or (year, month) < (2007, 4) or (len(number) == 5) != (year >= 2015):
            return None
        return ArxivId(f"{yymm}.{number}", version, year, month)
    yymm = match.group("oldyymm")
    two_digit, month = int(yymm[:2]), int(yymm[2:])
    year = 1900 + two_digit if two_digit >= 91 else 2000 + two_digit
    if not 1 <= month <= 12 or (year, month) > (2007, 3):
        return None
    archive = match.group("archive").lower()
    return ArxivId(f"{archive}/{yymm}{match.group('oldnumber')}", version, year, month)


def from_url(url: str) -> ArxivId | None:
    """The paper an arXiv URL points at (abs, pdf, html, format pages), or None for anything else."""
    if "arxiv" not in url.lower() and "lanl" not in url.lower():
        return None
    parts = urlsplit(url if "://" in url else "https://" + url.lstrip("/"))
    if (parts.hostname or "").lower() not in _ARXIV_HOSTS:
        return None
    match = _PATH.match(unquote(parts.path))
    if match is None:
        return None
    return parse_identifier(match.group("id"))


def from_text(text: str) -> list[tuple[ArxivId, int, int]]:
    """Every `arXiv:ID` citation in plain text, with its start and end offsets."""
    found: list[tuple[ArxivId, int, int]] = []
    if "arxiv" not in text.lower():
        return found
    for match in TEXT_FORM.finditer(text):
        parsed = parse_identifier(match.group(1))
        if parsed is not None:
            found.append((parsed, match.start(), match.end()))
    return found
