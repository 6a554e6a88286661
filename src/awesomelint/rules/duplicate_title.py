"""duplicate-title: one paper or project listed twice, under different links or a slightly different title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from awesomelint.arxiv import find_in_text, from_url
from awesomelint.document import Document, Entry, EntryKind, Span
from awesomelint.finding import Finding, Severity
from awesomelint.repeats import within_listing
from awesomelint.rule import Option, RuleContext, rule
from awesomelint.titles import title_words
from awesomelint.urls import normalise_url

# Titles shorter than this, or with fewer content words, are names that different things
# share ("Open Government, Mexico", "Transport for The Netherlands"), not titles of one work.
_MIN_WORDS = 4
_MIN_CONTENT_WORDS = 3
# Earlier titles kept per bucket; real lists share a bucket a handful of times, and the cap
# keeps a hostile list (thousands of "Paper N about X") linear.
_MAX_KEPT = 32
# Words a title may gain or lose and still be the same title: `The Power of Scale` / `Power of Scale`.
_ARTICLES = frozenset({"a", "an", "the"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say little about which work a title names; a title needs enough of the others.
_FUNCTION_WORDS = _ARTICLES | _words(
    "about above across after against along among and around as at before behind below beneath beside between"
    " beyond but by despite down during for from in inside into is are be near nor of off on onto or out outside"
    " over per since than through to toward towards under until up upon via vs with within without"
)
_ROMAN_NUMERALS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})
_DIGITS = re.compile(r"\d+")
# Notes that an entry is another version of a paper listed elsewhere, on purpose.
_VERSION_NOTE = re.compile(
    r"\b(?:extended|journal|conference|workshop|full|long|short)[ -](?:version|edition|abstract)\b"
    r"|\bjournal extension\b|\(extended\)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Titled:
    entry: Entry
    words: tuple[str, ...]  # normalised, hyphenated words joined
    key: str  # the words run together: the title without case, spaces or punctuation


def _is_navigation(entry: Entry) -> bool:
    """A table of contents item: its title links to a heading of the page, not to a work."""
    first = next((link for link in entry.links if not link.is_image and not link.contains_image), None)
    return first is not None and first.destination.removeprefix("./").startswith("#")


def _titled(entry: Entry) -> _Titled | None:
    """The entry's title for comparing, or None when it is too short or generic to name one work.

    A hyphenated word counts as its parts: `Self-Rewarding Language Models` has four words.
    """
    title = entry.title
    hyphens = title.count("-")
    if title.count(" ") + hyphens + 1 < _MIN_WORDS:
        return None  # most entries of a classic list, decided without normalising
    words = title_words(title)
    content = len(words) - sum(map(_FUNCTION_WORDS.__contains__, words)) + hyphens
    if len(words) + hyphens < _MIN_WORDS or content < _MIN_CONTENT_WORDS or _is_navigation(entry):
        return None
    return _Titled(entry, words, "".join(words))


def _keys(titled: _Titled) -> list[str]:
    """Bucket keys that two titles one word edit apart always share: the title, and it less each word."""
    words = titled.words
    keys = ["=" + titled.key, " ".join(words)]
    if len(words) > 1:
        keys += [" ".join(words[:at] + words[at + 1 :]) for at in range(len(words))]
    return list(dict.fromkeys(keys))  # `a a b c` less either `a` is one key


def _numbers(words: tuple[str, ...]) -> tuple[str, ...]:
    """Version numbers and other figures, which tell apart `GPT-3` and `GPT-4`, `Part I` and `Part II`."""
    figures = [number for word in words if not word.isalpha() for number in _DIGITS.findall(word)]
    return (*figures, *(word for word in words if word in _ROMAN_NUMERALS))


def _typo(one: str, other: str) -> bool:
    """Whether two words are one typo apart: a letter added, dropped, changed, or two swapped.

    Short words one letter apart are usually different words (`text` and `test`, `LLMs` and
    `LVLMs`), and a changed first letter usually makes one (`supervised` and `unsupervised`,
    `encoder` and `decoder`); only a plural `s` is allowed on them.
    """
    shorter, longer = sorted((one, other), key=len)
    if longer == shorter + "s" and len(shorter) >= 3:
        return True
    if len(shorter) < 5 or one[0] != other[0] or len(longer) - len(shorter) > 1:
        return False
    if len(one) == len(other):
        differ = [at for at in range(len(one)) if one[at] != other[at]]
        if len(differ) == 1:
            return True
        first, second = differ[0], differ[-1]
        return len(differ) == 2 and second == first + 1 and one[first] == other[second] and one[second] == other[first]
    at = next((at for at in range(len(shorter)) if shorter[at] != longer[at]), len(shorter))
    return shorter[at:] == longer[at + 1 :]


def _one_word_apart(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether the titles differ by a typo in one word, or by an article one of them drops."""
    if len(one) == len(other):
        differ = [at for at in range(len(one)) if one[at] != other[at]]
        return len(differ) == 1 and _typo(one[differ[0]], other[differ[0]])
    shorter, longer = sorted((one, other), key=len)
    if len(longer) - len(shorter) != 1:
        return False
    at = next((at for at in range(len(shorter)) if shorter[at] != longer[at]), len(shorter))
    return longer[at] in _ARTICLES and shorter[at:] == longer[at + 1 :]


def _same_title(one: _Titled, other: _Titled, threshold: float) -> bool:
    if one.key == other.key:
        return True
    if not _one_word_apart(one.words, other.words) or _numbers(one.words) != _numbers(other.words):
        return False
    matcher = SequenceMatcher(None, " ".join(one.words), " ".join(other.words), autojunk=False)
    return matcher.ratio() >= threshold


def _version_notes(entry: Entry) -> set[str]:
    return {" ".join(note.casefold().split()) for note in _VERSION_NOTE.findall(entry.text)}


def _listing(document: Document, entry: Entry) -> Iterator[Entry]:
    """An entry and the items nested under it."""
    yield entry
    if entry.kind is EntryKind.LIST_ITEM:
        for index in range(entry.index + 1, len(document.entries)):
            other = document.entries[index]
            if other.line > entry.end_line:
                break
            yield other


@dataclass(frozen=True, slots=True)
class _Cited:
    """What an entry and its nested items point at, as duplicate-arxiv-id and duplicate-url compare it."""

    papers: frozenset[str]  # arXiv identifiers, linked or cited in text
    pages: frozenset[str]  # each item's first link, normalised


def _cited(document: Document, entry: Entry) -> _Cited:
    papers = {mention.paper.identifier for mention in find_in_text(entry.text)}
    pages: set[str] = set()
    for item in _listing(document, entry):
        links = [link for link in item.links if not link.is_image and not link.destination.startswith("#")]
        papers.update(paper.identifier for paper in map(from_url, (link.destination for link in links)) if paper)
        primary = next((link for link in links if not link.contains_image), None)
        page = normalise_url(primary.destination) if primary is not None else None
        if page is not None:
            pages.add(page)
    return _Cited(frozenset(papers), frozenset(pages))


class _Works:
    """Tells whether two entries with near-equal titles list one work, remembering what each entry cites."""

    def __init__(self, document: Document, threshold: float, cross_listing: bool) -> None:
        self.document = document
        self.threshold = threshold
        self.cross_listing = cross_listing
        self._cited: dict[int, _Cited] = {}
        self._notes: dict[int, set[str]] = {}

    def cited(self, entry: Entry) -> _Cited:
        if entry.index not in self._cited:
            self._cited[entry.index] = _cited(self.document, entry)
        return self._cited[entry.index]

    def notes(self, entry: Entry) -> set[str]:
        if entry.index not in self._notes:
            self._notes[entry.index] = _version_notes(entry)
        return self._notes[entry.index]

    def listed_alike(self, titled: _Titled, earlier: _Titled) -> bool:
        """Same title, and not a sub-item, a cross-listing, or another version of the work."""
        entry, other = titled.entry, earlier.entry
        if not _same_title(titled, earlier, self.threshold) or within_listing(self.document, entry, {other.index}):
            return False
        if self.cross_listing and titled.key == earlier.key and entry.section != other.section:
            return False  # one work filed under two topics on purpose
        return self.notes(entry) == self.notes(other)

    def first_listing(self, titled: _Titled, candidates: list[_Titled]) -> Entry | None:
        """The earliest entry listing the same work, unless another rule reports the pair."""
        same = [earlier.entry for earlier in candidates if self.listed_alike(titled, earlier)]
        if not same:
            return None
        mine = self.cited(titled.entry)
        if any(mine.papers & self.cited(other).papers or mine.pages & self.cited(other).pages for other in same):
            return None  # the same paper or page: duplicate-arxiv-id or duplicate-url reports it
        # Two arXiv papers under one title are two papers that a list shortened alike
        # ("Geometry of Concepts in LLMs"); a wrong link is arxiv-title-mismatch's to find.
        return next((other for other in same if not (mine.papers and self.cited(other).papers)), None)


def _title_span(document: Document, entry: Entry) -> Span:
    """Where the entry's title is written; failing that, its cell or its first line.

    The title may be written otherwise than the parser gives it (`\\*Alpaca`, a line break).
    """
    line = document.source.lines[entry.line - 1]
    title = entry.title.removesuffix("…")
    at = line.find(title)
    if at >= 0:
        return Span(entry.line, at + 1, entry.line, at + 1 + len(title))
    first_word = title.split()[0]
    cell = next((cell for cell in entry.cells if first_word in cell.text), None)
    if cell is not None:
        return cell.span
    start = len(line) - len(line.lstrip())
    return Span(entry.line, start + 1, entry.line, len(line) + 1)


@rule(
    name="duplicate-title",
    summary="The same paper or project is listed twice under (nearly) the same title",
    severity=Severity.WARNING,
    options=(
        Option(
            "threshold",
            0.94,
            "how similar (0 to 1, by character) two titles one word apart must be to name one work",
        ),
        Option(
            "allow-cross-listing",
            True,
            "a work may appear under the same title in different sections",
        ),
    ),
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Titles are bucketed by keys that titles one word edit apart share, and compared only within buckets."""
    threshold = context.options["threshold"]
    assert isinstance(threshold, float)
    works = _Works(document, threshold, bool(context.options["allow-cross-listing"]))
    buckets: dict[str, list[_Titled]] = {}
    for entry in document.entries:
        titled = _titled(entry)
        if titled is None:
            continue
        candidates: list[_Titled] = []
        for key in _keys(titled):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [titled]
                continue
            candidates += bucket
            if len(bucket) < _MAX_KEPT:
                bucket.append(titled)
        if not candidates:
            continue
        unique = {earlier.entry.index: earlier for earlier in candidates}
        first = works.first_listing(titled, [unique[index] for index in sorted(unique)])
        if first is not None:
            later_span, earlier_span = _title_span(document, entry), _title_span(document, first)
            at, other_span = context.duplicate_at(later_span, earlier_span)
            named = first if other_span is earlier_span else entry
            yield context.finding(at, f'title already listed at line {named.line} ("{named.title}")')
