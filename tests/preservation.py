"""Checks that a rewrite changed nothing outside the spans it was allowed to edit."""

from __future__ import annotations

import re
from collections.abc import Iterable


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def only_spans_changed(before: str, after: str, spans: Iterable[tuple[int, int]]) -> bool:
    """True when `after` is `before` with only the text inside `spans` replaced.

    A character diff cannot decide this: when the same text repeats, it may
    align an insertion one copy away from where it was made. Instead every
    untouched gap between spans must reappear, in order, with only replacement
    text in between.
    """
    gaps: list[str] = []
    position = 0
    for start, end in merged(spans):
        gaps.append(before[position:start])
        position = end
    gaps.append(before[position:])
    pattern = "(?:.|\n)*?".join(re.escape(gap) for gap in gaps)
    return re.fullmatch(pattern, after, flags=re.DOTALL) is not None
