"""The parts that paper lists write in every list item, found in one item's own text.

    - **LLaMA: Open and Efficient Foundation Language Models.** arxiv 2023. [paper](...). [code](...)<br />
    *Hugo Touvron, Thibaut Lavril, Gautier Izacard*

has a bold title, a venue and year, a paper link, a code link and authors in italics. Classic
awesome lists (`- [Name](url) - Description.`) have none of these parts, so a rule comparing
entries by their parts has nothing to say about them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from awesomelint.dates import MONTH_ABBREVIATIONS, MONTHS

BOLD_TITLE = "bold title"
VENUE_AND_YEAR = "venue and year"
PAPER_LINK = "paper link"
CODE_LINK = "code link"
AUTHORS = "authors"
PARTS = (BOLD_TITLE, VENUE_AND_YEAR, PAPER_LINK, CODE_LINK, AUTHORS)

# The list marker, then a task box or the bracket of a link around the title may come first.
_BOLD_START = re.compile(
    r"[ \t>]*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?\[?(?:\*\*|__|<b>|<strong>)", re.IGNORECASE
)
# `NeurIPS 2022`, `ICLR'24`, `arxiv 2023`, `medRxiv 2022`, `Science 2022`, `Nat Mach Intell 2023`,
# `ACL, 2023`: a capitalised word or a preprint server, then a year. `2012.01234` after arXiv is an
# identifier, not a year.
_VENUE_AND_YEAR = re.compile(
    r"(?<![\w/.-])(?P<venue>[A-Z][\w&-]*|(?i:\w*rxiv|preprint))[ \t]*,?[ \t]*(?:(?:19|20)\d\d|['’]\d\d)(?![\w/]|\.\d)"
)
# Capitalised words before a year that make it a date, not a venue: `October 2023`, `Since 2020`.
_NOT_VENUES = frozenset(
    name.casefold()
    for name in (*MONTHS, *MONTH_ABBREVIATIONS, "Sept", "In", "Since", "From", "Until", "Before", "After", "Circa")
)
# Single `*` or `_` emphasis as GitHub renders it: not `**`, no space inside the delimiters, and
# `*` (unlike `_`) also inside a word (`S*ang Michael Xie et al*`).
_SINGLE_EMPHASIS = re.compile(
    r"(?<!\*)\*(?![*\s])([^*]+)(?<![\s*])\*(?!\*)|(?<![_\w])_(?![_\s])([^_]+)(?<!\s)_(?![_\w])"
)
_LINK_DECORATION = "[]()*_`: "
_PAPER_WORDS = frozenset({"paper", "pdf", "arxiv", "preprint", "abs", "abstract"})
_CODE_WORDS = frozenset({"code", "github", "repo", "repository", "source", "source code", "implementation"})


def _label(text: str) -> str:
    return " ".join(text.strip(_LINK_DECORATION).casefold().split())


def _has_venue_and_year(plain: str) -> bool:
    return any(match.group("venue").casefold() not in _NOT_VENUES for match in _VENUE_AND_YEAR.finditer(plain))


def _has_authors(lines: Sequence[str]) -> bool:
    """Text in italics, which paper lists keep for authors (`*Noam Shazeer*`, `*Wei Zeng et al.*`)."""
    for line in lines:
        if "*" not in line and "_" not in line:
            continue
        for match in _SINGLE_EMPHASIS.finditer(line):
            if any(char.isalpha() for char in match.group(1) or match.group(2)):
                return True
    return False


def item_parts(lines: Sequence[str], plain: str, link_texts: Iterable[str]) -> frozenset[str]:
    """The parts of a list item, from its own source lines (nested items left out), plain text and link texts.

    The first line must start with the item's list marker.
    """
    labels = {_label(text) for text in link_texts}
    found: set[str] = set()
    if lines and _BOLD_START.match(lines[0]):
        found.add(BOLD_TITLE)
    if _has_venue_and_year(plain):
        found.add(VENUE_AND_YEAR)
    if labels & _PAPER_WORDS:
        found.add(PAPER_LINK)
    if labels & _CODE_WORDS:
        found.add(CODE_LINK)
    if _has_authors(lines):
        found.add(AUTHORS)
    return frozenset(found)
