"""arXiv identifiers: found in URLs and in text, normalised to one identity per paper.

`https://arxiv.org/abs/2205.05638`, `http://www.arxiv.org/pdf/2205.05638v2.pdf`,
`https://export.arxiv.org/abs/arXiv:2205.05638`, `arXiv:2205.05638` and `arXiv 2205.05638`
all name one paper, whose identity is `ArxivId.identifier == "2205.05638"`.

Public API:

- `ArxivId`: a paper's identity (`identifier`), the version a reference named (`version`),
  and the year and month of its first submission, decoded from the identifier.
- `parse_identifier(text)`: one identifier written on its own (`2205.05638v2`, `arXiv:hep-th/9901001`).
- `from_url(url)`: the paper an arXiv URL points at.
- `find_in_text(text)`: every `arXiv:ID` citation in running text, with its offsets.
- `is_arxiv_host(host)`: whether a host name is arXiv's.

Everything returns None (or nothing) for input that is not an arXiv paper: other sites,
arXiv listing and author pages, and identifiers arXiv never issued, such as month 13.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

# Archives that issued old-style identifiers (archive/YYMMNNN) until March 2007, including
# those later merged into others: `alg-geom/9701001` still resolves.
_OLD_ARCHIVES = frozenset(
    {
        "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an", "chao-dyn",
        "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an", "gr-qc", "hep-ex",
        "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th",
        "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph", "solv-int", "supr-con",
    }
)  # fmt: skip
# The moment the identifier scheme changed; five-digit numbers started in January 2015.
_NEW_STYLE_START = (2007, 4)
_FIVE_DIGITS_START = (2015, 1)
_OLD_STYLE_START = (1991, 1)

# New style: YYMM.NNNN (April 2007 to 2014) or YYMM.NNNNN (from 2015).
_NEW = r"(?P<yymm>\d{4})\.(?P<number>\d{4,5})"
# Old style: archive[.SUBJECT-CLASS]/YYMMNNN. The subject class (`math.GT`, `cond-mat.str-el`)
# is a display convention, not part of the identity.
_OLD = r"(?P<archive>[a-z]+(?:-[a-z]+)?)(?:\.[a-z]+(?:-[a-z]+)?)?/(?P<old_yymm>\d{4})(?P<old_number>\d{3})"
_ID = rf"(?:{_NEW}|{_OLD})(?:v(?P<version>\d+))?"
_STANDALONE = re.compile(rf"(?:arxiv\s*:?\s*)?{_ID}", re.IGNORECASE)
# In running text an identifier counts only behind the word arXiv: a bare `2205.05638`
# could be anything. Letters, digits or a slash right after it mean it is something longer.
_IN_TEXT = re.compile(rf"(?<![\w.])arxiv\s*:?\s*(?P<id>{_ID})(?![\w/])", re.IGNORECASE)
# The pages of one paper: abstract, PDF, HTML rendering, PostScript and format choices.
_PAPER_PATH = re.compile(r"/+(?P<page>abs|pdf|html|ps|format)/+(?P<id>[^?#]+?)(?:\.pdf)?/*", re.IGNORECASE)
_LEGACY_HOSTS = frozenset({"xxx.lanl.gov"})


@dataclass(frozen=True, slots=True)
class ArxivId:
    """One arXiv paper.

    `identifier` is the paper's identity, without version or subject class: `2205.05638`,
    `hep-th/9901001`, `math/0309136`. `version` is the version a reference named (`v2` → 2),
    None when it named none. `year` and `month` are those of the first submission, as
    encoded in the identifier: `2205.05638` → May 2022, `hep-th/9901001` → January 1999.
    """

    identifier: str
    version: int | None
    year: int
    month: int

    @property
    def is_old_style(self) -> bool:
        """Whether this is a pre-2007 `archive/YYMMNNN` identifier."""
        return "/" in self.identifier

    @property
    def number(self) -> int:
        """The paper's number within its month: 5638 in 2205.05638, 1 in hep-th/9901001."""
        return int(self.identifier[-3:] if self.is_old_style else self.identifier.split(".")[1])

    @property
    def versioned(self) -> str:
        """The identifier with the version that was named, if any: `2205.05638v2`."""
        return self.identifier if self.version is None else f"{self.identifier}v{self.version}"

    def abs_url(self, *, with_version: bool = False) -> str:
        """The paper's canonical abstract page."""
        return f"https://arxiv.org/abs/{self.versioned if with_version else self.identifier}"

    def __str__(self) -> str:
        return self.identifier


@dataclass(frozen=True, slots=True)
class ArxivMention:
    """A citation of a paper in text; `start` and `end` are offsets into that text (end exclusive)."""

    paper: ArxivId
    start: int
    end: int


def _from_match(match: re.Match[str]) -> ArxivId | None:
    version_text = match.group("version")
    version = int(version_text) if version_text is not None else None
    if version == 0:
        return None  # versions start at v1
    if match.group("yymm") is not None:
        yymm, number = match.group("yymm"), match.group("number")
        year, month = 2000 + int(yymm[:2]), int(yymm[2:])
        five_digits = (year, month) >= _FIVE_DIGITS_START
        if (
            not 1 <= month <= 12
            or (year, month) < _NEW_STYLE_START
            or (len(number) == 5) != five_digits
            or int(number) == 0
        ):
            return None
        return ArxivId(f"{yymm}.{number}", version, year, month)
    archive = match.group("archive").lower()
    yymm, number = match.group("old_yymm"), match.group("old_number")
    two_digits, month = int(yymm[:2]), int(yymm[2:])
    year = 1900 + two_digits if two_digits >= 91 else 2000 + two_digits
    if (
        archive not in _OLD_ARCHIVES
        or not 1 <= month <= 12
        or not _OLD_STYLE_START <= (year, month) < _NEW_STYLE_START
        or int(number) == 0
    ):
        return None
    return ArxivId(f"{archive}/{yymm}{number}", version, year, month)


def parse_identifier(text: str) -> ArxivId | None:
    """An identifier written on its own, or None if `text` is anything more or less.

    Accepts `2205.05638`, `2205.05638v2`, `arXiv:2205.05638`, `arXiv 2205.05638`,
    `hep-th/9901001` and `math.GT/0309136v1` (identity `math/0309136`).
    """
    match = _STANDALONE.fullmatch(text.strip())
    return None if match is None else _from_match(match)


def is_arxiv_host(host: str) -> bool:
    """arxiv.org and its subdomains (www, export, browse, mirrors), and the original lanl.gov host."""
    host = host.lower().rstrip(".")
    return host == "arxiv.org" or host.endswith(".arxiv.org") or host in _LEGACY_HOSTS


@dataclass(frozen=True, slots=True)
class ArxivPage:
    """Which page of a paper a URL opens: `abs`, `pdf`, `html`, `ps` or `format`."""

    paper: ArxivId
    page: str
    located: bool  # a query or fragment, as in `pdf/X#page=5`, points at one place in the page


@lru_cache(maxsize=65536)  # several rules ask about the same links
def page_from_url(url: str) -> ArxivPage | None:
    """The paper an arXiv URL points at and which of its pages, or None for any other URL.

    Abstract, PDF (with or without `.pdf`), HTML, PostScript and format pages of any version,
    over http or https, on arxiv.org, www., export. or a mirror, count; so does a URL written
    without its scheme (`arxiv.org/abs/2205.05638`). Listing pages (`/list/cs.CL/recent`),
    author pages (`/a/name`), search and help pages, and figures inside an HTML paper
    (`/html/2410.15352v1/x1.png`) are not papers.
    """
    lowered = url.lower()
    if "arxiv" not in lowered and "lanl" not in lowered:
        return None  # most URLs in a list: skip the parsing
    candidate = url.strip()
    if "://" not in candidate:
        candidate = "https://" + candidate.lstrip("/")
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not is_arxiv_host(parts.hostname or ""):
        return None
    match = _PAPER_PATH.fullmatch(unquote(parts.path))
    paper = None if match is None else parse_identifier(match.group("id"))
    if match is None or paper is None:
        return None
    # Even an empty `?` or `#` says the writer meant this exact address.
    return ArxivPage(paper, match.group("page").lower(), "?" in candidate or "#" in candidate)


def from_url(url: str) -> ArxivId | None:
    """The paper an arXiv URL points at, or None for any other URL (see page_from_url)."""
    page = page_from_url(url)
    return None if page is None else page.paper


def find_in_text(text: str) -> list[ArxivMention]:
    """Every `arXiv:ID` or `arXiv ID` citation in running text, in order.

    Only identifiers behind the word arXiv count: a bare `2205.05638` may be a version
    number, a DOI fragment or a date. `arXiv 2022` and other non-identifiers are skipped.
    """
    if "arxiv" not in text.lower():
        return []
    mentions: list[ArxivMention] = []
    for match in _IN_TEXT.finditer(text):
        paper = _from_match(match)
        if paper is not None:
            mentions.append(ArxivMention(paper, match.start(), match.end()))
    return mentions
