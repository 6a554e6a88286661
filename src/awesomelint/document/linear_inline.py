"""mistletoe's search for links and emphasis in a paragraph, in linear time.

mistletoe 1.4 to 1.6 take time quadratic in a paragraph's length: at every `]` they search
the rest of the paragraph again for a code span, they copy the rest of the paragraph
(`string[offset:]`) several times for every link, and every link marks each earlier `[`
inactive again. A 100 KB line of links took 19 s, a 10 MB line would take days. The
functions below run the same algorithm without the repeated work, and find the same matches
but for the last point below (tests/test_fuzz.py compares them with mistletoe's own):

- a code span found by a search from an earlier position is still the first one after a
  later position, as long as it starts at or after it (lookbehind sees the whole string), so
  it is searched for again only when passed;
- loops index into the paragraph instead of slicing it;
- the link and image openers are kept on a stack of indices, and `[` openers before the last
  link are inactive by position (mistletoe marks them one by one after each link);
- delimiters are deleted by index or popped from a stack, not looked up with `list.remove`;
- like cmark, a link destination may nest parentheses 32 deep, not without limit.

They replace mistletoe's functions only for the versions whose code they were checked
against; any other version parses correctly, just slowly on very long paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

CHECKED_VERSIONS = ("1.4.", "1.5.", "1.6.")
_REPLACED = (
    "find_core_tokens",
    "process_emphasis",
    "shift_whitespace",
    "match_link_dest",
    "match_link_title",
    "match_link_label",
)
# cmark, which GitHub renders with, gives up on a destination nested deeper than this (the
# CommonMark spec allows the limit): without it a line of `[a](` costs quadratic time.
_MAX_PARENTHESES = 32
_originals: dict[str, Callable[..., Any]] = {}


def install() -> bool:
    """Put the linear functions into mistletoe's core_tokens; False for an unchecked version."""
    import mistletoe
    from mistletoe import core_tokens

    if not mistletoe.__version__.startswith(CHECKED_VERSIONS):
        return False
    if not _originals:
        _originals.update({name: getattr(core_tokens, name) for name in _REPLACED})
    for name in _REPLACED:
        setattr(core_tokens, name, globals()[name])
    return True


def uninstall() -> None:
    """Restore mistletoe's own functions (tests compare the two)."""
    from mistletoe import core_tokens

    for name, function in _originals.items():
        setattr(core_tokens, name, function)


def _core() -> Any:
    from mistletoe import core_tokens

    return core_tokens


def find_core_tokens(string: str, root: Any) -> list[Any]:
    core = _core()
    delimiter_type = core.Delimiter
    code_pattern: re.Pattern[str] = core.code_pattern
    delimiters: list[Any] = []
    openers: list[int] = []  # indices into `delimiters` of the `[` and `![` delimiters
    link_start = -1  # where the last link opened: a `[` before it can no longer open a link
    matches: list[Any] = []
    escaped = False
    in_delimiter_run: str | None = None
    in_image = False
    start = 0
    i = 0
    code_match = code_pattern.search(string)
    while i < len(string):
        if code_match is not None and i == code_match.start():
            if in_delimiter_run is not None:
                delimiters.append(delimiter_type(start, i if not escaped else i - 1, string))
                in_delimiter_run = None
                escaped = False
            core._code_matches.append(code_match)
            i = code_match.end()
            code_match = code_pattern.search(string, i)
            continue
        c = string[i]
        if c == "\\" and not escaped:
            escaped = True
            i += 1
            continue
        if in_delimiter_run is not None and (c != in_delimiter_run or escaped):
            delimiters.append(delimiter_type(start, i if not escaped else i - 1, string))
            in_delimiter_run = None
        if in_delimiter_run is None and (c == "*" or c == "_") and not escaped:
            in_delimiter_run = c
            start = i
        if not escaped:
            if c == "[":
                # mistletoe takes the character before as part of an image opener even when it
                # is not `!` (as in "!][", where `]` did not end the image): no opener then.
                delimiter = delimiter_type(i - 1 if in_image else i, i + 1, string)
                if delimiter.type in ("[", "!["):
                    openers.append(len(delimiters))
                delimiters.append(delimiter)
                in_image = False
            elif c == "!":
                in_image = True
            elif c == "]":
                i, link_start = _find_link_image(string, i, delimiters, openers, matches, root, link_start)
                if code_match is not None and code_match.start() < i:
                    code_match = code_pattern.search(string, i)
            elif in_image:
                in_image = False
        else:
            escaped = False
        i += 1
    if in_delimiter_run:
        delimiters.append(delimiter_type(start, i, string))
    process_emphasis(string, None, delimiters, matches)
    return matches


def _find_link_image(
    string: str, offset: int, delimiters: list[Any], openers: list[int], matches: list[Any], root: Any, link_start: int
) -> tuple[int, int]:
    """At a `]`: the offset to go on from, and where the last link opened."""
    if not openers:
        return offset, link_start
    index = openers.pop()
    delimiter = delimiters[index]
    if not delimiter.active or (delimiter.type == "[" and delimiter.start < link_start):
        del delimiters[index]
        return offset, link_start
    match = _core().match_link_image(string, offset, delimiter, root)
    if not match:
        del delimiters[index]
        return offset, link_start
    process_emphasis(string, index, delimiters, matches)
    matches.append(match)
    if delimiter.type == "[":
        link_start = delimiter.start
    return match.end() - 1, link_start


def process_emphasis(string: str, stack_bottom: int | None, delimiters: list[Any], matches: list[Any]) -> None:
    """mistletoe's emphasis matching over `delimiters[stack_bottom:]`, which it then deletes.

    The delimiters are split at the current one into `done`, those before it, and `pending`,
    it and those after it in reverse order: dropping the current delimiter is then a `pop`,
    where mistletoe's `list.remove` moved every later one. Positions are as in mistletoe's
    one list: `base + len(done)` is its `curr_pos`.
    """
    match_type = _core().MatchObj
    base = stack_bottom or 0
    pending = delimiters[base:]
    pending.reverse()
    del delimiters[base:]
    done: list[Any] = []
    star_bottom = underscore_bottom = stack_bottom
    while _next_closer(done, pending):
        closer = pending[-1]
        curr_pos = base + len(done)
        bottom = star_bottom if closer.type[0] == "*" else underscore_bottom
        open_at = _matching_opener(done, closer, 0 if bottom is None else bottom + 1 - base)
        if open_at is None:
            bottom = curr_pos - 1 if curr_pos > 1 else None
            if closer.type[0] == "*":
                star_bottom = bottom
            else:
                underscore_bottom = bottom
            if closer.open:
                done.append(pending.pop())
            else:
                pending.pop()
            continue
        opener = done[open_at]
        n = 2 if closer.number >= 2 and opener.number >= 2 else 1
        start = opener.end - n
        end = closer.start + n
        match = match_type(start, end, (start + n, end - n, string[start + n : end - n]))
        match.type = "Strong" if n == 2 else "Emphasis"
        match.delimiter = string[start]
        matches.append(match)
        del done[open_at + 1 :]
        if not opener.remove(n, left=False):
            done.pop()
        if not closer.remove(n, left=True):
            pending.pop()
            if done:  # mistletoe steps back one delimiter, but not before the first
                pending.append(done.pop())


def _next_closer(done: list[Any], pending: list[Any]) -> bool:
    """Move delimiters from `pending` to `done` until the next one can close; False if none can."""
    while pending:
        if getattr(pending[-1], "close", False):
            return True
        done.append(pending.pop())
    return False


def _matching_opener(done: list[Any], closer: Any, lowest: int) -> int | None:
    for index in range(len(done) - 1, max(lowest, 0) - 1, -1):
        delimiter = done[index]
        if getattr(delimiter, "open", False) and delimiter.closed_by(closer):
            return index
    return None


def shift_whitespace(string: str, index: int) -> int:
    whitespace = _core().whitespace
    length = len(string)
    while index < length and string[index] in whitespace:
        index += 1
    return min(index, length)


def match_link_dest(string: str, offset: int) -> tuple[int, int, str] | None:
    offset = shift_whitespace(string, offset + 1)
    if offset == len(string):
        return None
    if string[offset] == "<":
        return _angle_destination(string, offset)
    core = _core()
    whitespace = core.whitespace
    escaped = False
    count = 1
    for i in range(offset, len(string)):
        c = string[i]
        if c == "\\" and not escaped:
            escaped = True
        elif c in whitespace:
            return offset, i, string[offset:i]
        elif not escaped:
            if c == "(":
                count += 1
                if count > _MAX_PARENTHESES + 1:
                    return None
            elif c == ")":
                count -= 1
        elif core.is_control_char(c):
            return None
        elif escaped:
            escaped = False
        if count == 0:
            return offset, i, string[offset:i]
    return None


def _angle_destination(string: str, offset: int) -> tuple[int, int, str] | None:
    escaped = False
    for i in range(offset + 1, len(string)):
        c = string[i]
        if c == "\\" and not escaped:
            escaped = True
        elif c == "\n" or (c == "<" and not escaped):
            return None
        elif c == ">" and not escaped:
            return offset, i + 1, string[offset + 1 : i]
        elif escaped:
            escaped = False
    return None


def match_link_title(string: str, offset: int) -> tuple[int, int, str] | None:
    offset = shift_whitespace(string, offset)
    if offset == len(string):
        return None
    if string[offset] == ")":
        return offset, offset, ""
    closing = {'"': '"', "'": "'", "(": ")"}.get(string[offset])
    if closing is None:
        return None
    escaped = False
    for i in range(offset + 1, len(string)):
        c = string[i]
        if c == "\\" and not escaped:
            escaped = True
        elif c == closing and not escaped:
            return offset, i + 1, string[offset + 1 : i]
        elif escaped:
            escaped = False
    return None


def match_link_label(string: str, offset: int, root: Any = None) -> tuple[Any, Any] | None:
    start = -1
    escaped = False
    for i in range(offset, len(string)):
        c = string[i]
        if c == "\\" and not escaped:
            escaped = True
        elif c == "[" and not escaped:
            if start != -1:
                return None
            start = i
        elif c == "]" and not escaped:
            label = string[start + 1 : i]
            if label.strip() == "":
                return None
            reference = root.footnotes.get(_core().normalize_label(label), None)
            return None if reference is None else ((start, i + 1, label), reference)
        elif escaped:
            escaped = False
    return None
