"""arxiv-title-mismatch: an entry whose arXiv link leads to another paper than its title names."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from awesomelint.arxiv import from_url
from awesomelint.document import Document, Entry, Link
from awesomelint.finding import Finding, Severity
from awesomelint.rule import Option, RuleContext, rule
from awesomelint.titles import normalise_title

_SUBTITLE = re.compile(r"\s*[:\u2013\u2014]\s+|\s+-\s+")
# Link texts that name the kind of link, not the paper: such an entry has no title to compare.
_GENERIC = frozenset({"paper", "arxiv", "pdf", "link", "abs", "code", "project", "here", "preprint"})


def _parts(title: str) -> list[str]:
    """The name and the subtitle of `Name: Subtitle`, for lists that give only one of them."""
    return [normalise_title(part) for part in _SUBTITLE.split(title, maxsplit=1) if part.strip()]


def titles_match(listed: str, actual: str, threshold: float) -> bool:
    """Whether a list's title plausibly names arXiv's paper.

    Lists shorten titles ("LoRA" for "LoRA: Low-Rank Adaptation of Large Language Models"),
    change case and punctuation, drop LaTeX, and fix typos; a wrong paper shares almost no
    words with the title. So: equal after normalising, or equal to one side of a
    `Name: Subtitle`, or all its words found in arXiv's title, or similar enough by
    character ratio.
    """
    mine, theirs = normalise_title(listed), normalise_title(actual)
    if not mine or not theirs or mine == theirs:
        return True
    if mine in _parts(actual) or theirs in _parts(listed):
        return True
    my_words = mine.split()
    if set(my_words) <= set(theirs.split()):
        return True
    return SequenceMatcher(None, mine, theirs, autojunk=False).ratio() >= threshold


def _papers_of(entry: Entry) -> dict[str, Link]:
    """Each arXiv paper an entry links, with the first link to it."""
    papers: dict[str, Link] = {}
    for link in entry.links:
        paper = from_url(link.destination)
        if paper is not None:
            papers.setdefault(paper.identifier, link)
    return papers


def _has_title(entry: Entry) -> bool:
    return bool(entry.title) and normalise_title(entry.title) not in _GENERIC


@rule(
    name="arxiv-title-mismatch",
    summary="An entry's arXiv link leads to another paper than its title names, or to no paper at all",
    network=True,
    options=(
        Option(
            "threshold",
            0.75,
            "how similar (0 to 1, by character) a title must be to arXiv's when their words differ",
        ),
    ),
)
async def check(document: Document, context: RuleContext) -> list[Finding]:
    """Titles are compared with arXiv's, fetched in batches from the arXiv API and cached."""
    network = context.network
    if network is None:
        return []
    threshold = context.options["threshold"]
    assert isinstance(threshold, float)
    linked = [(entry, _papers_of(entry)) for entry in document.entries]
    linked = [(entry, papers) for entry, papers in linked if papers]
    records = await network.arxiv_papers(identifier for _, papers in linked for identifier in papers)
    findings: list[Finding] = []
    for entry, papers in linked:
        known: dict[str, tuple[Link, str]] = {}
        for identifier, link in papers.items():
            record = records.get(identifier)
            if record is None:
                continue  # the API could not be asked: said once in the run's summary
            if record.title is None:
                findings.append(context.finding(link.span, f"arXiv {identifier} does not exist: the link is wrong"))
            elif record.withdrawn:
                message = f'arXiv {identifier} ("{record.title}") was withdrawn by its authors'
                findings.append(context.finding(link.span, message, severity=Severity.WARNING))
            else:
                known[identifier] = (link, record.title)
        if not known or not _has_title(entry):
            continue
        # An entry may also link a follow-up or a companion paper: it is right if any matches.
        if any(titles_match(entry.title, title, threshold) for _, title in known.values()):
            continue
        identifier, (link, title) = next(iter(known.items()))
        message = f'"{entry.title}" links arXiv {identifier}, which is "{title}"'
        findings.append(context.finding(link.span, message))
    return findings
