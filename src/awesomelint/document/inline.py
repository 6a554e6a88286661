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


def trim_bare_url(url: str) -> str:
    """GFM's extended autolink path validation: trailing punctuation and unbalanced `)` are not part of it."""
    while url:
        last = url[-1]
        if last in _TRAILING_PUNCTUATION or (last == ")" and url.count(")") > url.count("(")):
            url = url[:-1]
        elif last == ";" and re.search(r"&[A-Za-z0-9]+;$", url):
            url = url[: url.rindex("&")]
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
    return re.compile(r"\]\([ \t]*(?:\n[ \t]*)?(<?)(" + "".join(parts) + ")")


@dataclass
class Cursor:
    """A forward-only position inside one block's source text."""

    text: str
    position: int
    end: int
    missed: bool = False  # a link target was not found where mistletoe said its block is

    def find(self, needle: str) -> int:
        """Offset of `needle` at or after the cursor within the block, or -1."""
        if not needle:
            return -1
        return self.text.find(needle, self.position, self.end)

    def find_destination(self, destination: str) -> tuple[int, int] | None:
        """Offsets of an inline link's destination, found after its `](`."""
        text = self.text
        at = self.find(destination)
        while at >= 0:
            # Most destinations are written as they are: a plain search is much cheaper
            # than compiling a pattern per destination.
            opening = at
            while opening > self.position and text[opening - 1] in " \t\n<":
                opening -= 1
            if text.startswith("](", opening - 2):
                return at, at + len(destination)
            at = text.find(destination, at + 1, self.end)
        match = _written_form(destination).search(self.text, self.position, self.end)
        if match is None:
            return None
        return match.start(2), match.end(2)

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


def plain_text(token: Any, *, images: bool = True) -> str:
    """The text a reader sees for a span token and its children: no markup, no link targets.

    With `images=False` an image gives no text at all, as in the text content GitHub slugs
    a heading from, rather than its alt text.
    """
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
    return "".join(plain_text(child, images=images) for child in children)
