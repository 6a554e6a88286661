"""Finding where mistletoe's span tokens stand in the source.

mistletoe gives span tokens no positions, so each token is looked up in the source
text of its block, in order, from a cursor that only moves forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# GFM extended autolinks: http(s):// or www. followed by a domain and a path.
BARE_URL = re.compile(r"(?<![\w/@.:-])(?:https?://|www\.)[^\s<>]*", re.IGNORECASE)
_TRAILING_PUNCTUATION = "?!.,:*_~'\""
HTML_ATTRIBUTE = re.compile(r"""\s(href|src|id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
HTML_TAG_NAME = re.compile(r"<\s*([A-Za-z][A-Za-z0-9-]*)")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# A token is looked for near the cursor first: within a few nested prefixes, plus its text
# written at its longest (an entity such as `&#x1F600;` for one character). Only then to the
# end of the block, and only until a few such searches have failed: a text that mistletoe
# gives decoded (`&eacute;` as `é`) is found nowhere, and searching the rest of a long
# paragraph again for each one takes quadratic time.
_NEAR = 2048
_WRITTEN_WIDTH = 40
_FAR_MISSES = 8
_ENTITY_AT_END = re.compile(r"&[A-Za-z0-9]+;")


def trim_bare_url(url: str) -> str:
    """GFM's extended autolink path validation: trailing punctuation and unbalanced `)` are not part of it."""
    # Counted once and kept up to date: counting at each step is quadratic in a run of `)`.
    unbalanced = url.count(")") - url.count("(")
    while url:
        last = url[-1]
        if last in _TRAILING_PUNCTUATION or (last == ")" and unbalanced > 0):
            if last == ")":
                unbalanced -= 1
            url = url[:-1]
            continue
        head, ampersand, entity = url.rpartition("&")
        if last == ";" and ampersand and _ENTITY_AT_END.fullmatch(ampersand + entity):
            url = head  # an entity holds no parentheses
        else:
            break
    return url


def _written_character(character: str) -> str:
    """How a character of a destination may be written: escaped, or as an entity for `&`."""
    if character == "&":
        return r"(?:&amp;|&#0*38;|&#x0*26;|\\?&)"
    if character in _ASCII_PUNCTUATION:
        return "\\\\?" + re.escape(character)
    return re.escape(character)


@lru_cache(maxsize=4096)
def _written_form(destination: str) -> re.Pattern[str]:
    """A pattern for a destination as it may be written: any punctuation may carry a backslash."""
    parts = [_written_character(c) for c in destination]
    # mistletoe strips the destination as Python does: any Unicode space may stand before it.
    return re.compile(r"\]\(\s*(<?)(" + "".join(parts) + ")")


@dataclass
class Cursor:
    """A forward-only position inside one block's source text."""

    text: str
    position: int
    end: int
    missed: bool = False  # a link target was not found where mistletoe said its block is
    far_misses: int = 0  # searches to the end of the block that found nothing

    def _near(self, needle: str) -> int:
        return min(self.end, self.position + _NEAR + _WRITTEN_WIDTH * len(needle))

    def _may_search_far(self, near: int) -> bool:
        return near < self.end and self.far_misses < _FAR_MISSES

    def find(self, needle: str) -> int:
        """Offset of `needle` at or after the cursor within the block, or -1."""
        if not needle:
            return -1
        near = self._near(needle)
        at = self.text.find(needle, self.position, near)
        if at < 0 and self._may_search_far(near):
            at = self.text.find(needle, self.position, self.end)
            if at < 0:
                self.far_misses += 1
        return at

    def find_destination(self, destination: str) -> tuple[int, int] | None:
        """Offsets of an inline link's destination, found after its `](`."""
        near = self._near(destination)
        for search in (self._as_written, self._as_pattern):
            found = search(destination, near)
            if found is None and self._may_search_far(near):
                found = search(destination, self.end)
                if found is None:
                    self.far_misses += 1
            if found is not None:
                return found
        return None

    def _as_written(self, destination: str, end: int) -> tuple[int, int] | None:
        # Most destinations are written as they are: a plain search is much cheaper than
        # compiling a pattern per destination.
        text = self.text
        at = text.find(destination, self.position, end) if destination else -1
        while at >= 0:
            opening = at
            while opening > self.position and (text[opening - 1].isspace() or text[opening - 1] == "<"):
                opening -= 1
            if text.startswith("](", opening - 2):
                return at, at + len(destination)
            at = text.find(destination, at + 1, end)
        return None

    def _as_pattern(self, destination: str, end: int) -> tuple[int, int] | None:
        match = _written_form(destination).search(self.text, self.position, end)
        return None if match is None else (match.start(2), match.end(2))

    def skip_code_span(self) -> None:
        opening = self.text.find("`", self.position, self.end)
        if opening < 0:
            return
        run = opening
        while run < self.end and self.text[run] == "`":
            run += 1
        fence = self.text[opening:run]
        search = run
        while True:
            closing = self.text.find(fence, search, self.end)
            if closing < 0:
                return
            after = closing + len(fence)
            if after < self.end and self.text[after] == "`":
                search = after
                while search < self.end and self.text[search] == "`":
                    search += 1
                continue
            self.position = after
            return


def plain_text(token: Any, *, images: bool = True, memo: dict[int, str] | None = None) -> str:
    """The text a reader sees for a span token and its children: no markup, no link targets.

    With `images=False` an image gives no text at all, as in the text content GitHub slugs
    a heading from, rather than its alt text. A `memo` (by token id, for one parse, with
    images) keeps images nested inside images from taking quadratic time.
    """
    if memo is None or not images:
        return _plain_text(token, images, None)
    known = memo.get(id(token))
    if known is None:
        known = memo[id(token)] = _plain_text(token, True, memo)
    return known


def _plain_text(token: Any, images: bool, memo: dict[int, str] | None) -> str:
    name = type(token).__name__
    if name == "Image" and not images:
        return ""
    if name == "RawText":
        return str(token.content)
    if name == "InlineCode":
        return str(token.children[0].content) if token.children else ""
    if name == "LineBreak":
        return " "
    if name == "HtmlSpan":
        return " " if re.match(r"<\s*br\b", token.content, re.IGNORECASE) else ""
    children = getattr(token, "children", None)
    if not children:
        return ""
    return "".join(plain_text(child, images=images, memo=memo) for child in children)
