"""Splitting a table row into cells at the columns where they stand in the source."""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple


class RawCell(NamedTuple):
    text: str
    start: int  # 0-based index of the first character of `text` in the line
    end: int  # exclusive


def split_row(line: str) -> list[RawCell]:
    """GFM cell splitting: `|` separates cells unless escaped; outer pipes are optional.

    A `|` right after a backslash never separates, even after an escaped backslash: GitHub's
    cmark-gfm reads `\\\\|` as a backslash and an escaped pipe (its cell scanner takes the
    longest match), and so does mistletoe.
    """
    boundaries = [index for index, character in enumerate(line) if character == "|" and line[index - 1 : index] != "\\"]
    length = len(line)
    stripped_start = len(line) - len(line.lstrip())
    stripped_end = len(line.rstrip())
    edges = [-1, *boundaries, length]
    cells: list[RawCell] = []
    for number, (left, right) in enumerate(pairwise(edges)):
        start, end = left + 1, right
        is_first, is_last = number == 0, number == len(edges) - 2
        if is_first and boundaries and boundaries[0] == stripped_start:
            continue  # leading pipe: no cell before it
        if is_last and boundaries and boundaries[-1] == stripped_end - 1:
            continue  # trailing pipe: no cell after it
        raw = line[start:end]
        text = raw.strip()
        offset = start + (len(raw) - len(raw.lstrip()))
        cells.append(RawCell(text, offset, offset + len(text)))
    return cells
