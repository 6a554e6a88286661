"""Parsing hostile input: refuse what nests too deeply, and never let recursion crash the process.

mistletoe and the document builder recurse once per level of nested lists, block quotes
and images. Python turns runaway recursion into a RecursionError only while the C stack
lasts: with the recursion limit raised far enough to parse a few thousand levels, a caller
on a thread with a small stack (measured: 4 MB is too small; macOS gives threads 512 KB)
crashes the whole process. So the parse runs on a thread of its own with a stack sized for
the limit, and whatever still nests too deeply is refused with a message, like any other
file that cannot be linted. Two cheap checks refuse the obvious cases before they cost
seconds of parsing.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from awesomelint.document.model import Document
from awesomelint.document.parse import parse
from awesomelint.errors import InputError
from awesomelint.source import SourceText

# Real lists nest a handful of levels (markdown-it gives up at 100), but a deeper list that
# parses is linted. mistletoe spends about 6 frames a level on a `- - - x` line: 3,000 levels
# fit in the recursion limit below in half a second; deeper lines are refused at once rather
# than after seconds of parsing.
MAX_NESTING = 3_000
# mistletoe re-reads nested list items once per level: 500 levels of indentation take half a
# second, 3,000 take a minute.
MAX_INDENT = 1_000
_RECURSION_LIMIT = 25_000
# 20,000 frames measured under 8 MB; the stack is reserved, and only the pages used are taken.
_STACK_SIZE = 64 * 2**20

# One container marker opening a line or following another: `>`, or a bullet or number with a space.
_MARKER = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")


def parse_safely(source: SourceText, file: Path | None) -> Document:
    """Parse a file, or raise InputError if it nests too deeply to be a list."""
    check_nesting(source)
    outcome: list[Document] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(parse(source, file))
        except BaseException as error:  # handed to the calling thread, which re-raises it
            failure.append(error)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        _run_on_big_stack(run)
    finally:
        sys.setrecursionlimit(limit)
    if failure:
        if isinstance(failure[0], RecursionError):
            raise InputError(source.path, "is nested too deeply to lint") from None
        raise failure[0]
    return outcome[0]


def check_nesting(source: SourceText) -> None:
    """Refuse a line that opens more than MAX_NESTING lists and quotes, or is indented past MAX_INDENT."""
    for number, line in enumerate(source.lines, start=1):
        if len(line) > MAX_INDENT and line[:MAX_INDENT].isspace():
            raise InputError(source.path, f"line {number} is indented over {MAX_INDENT} columns: nested too deeply")
        if _opens_too_many(line):
            raise InputError(
                source.path, f"line {number} opens over {MAX_NESTING} nested lists and quotes: nested too deeply"
            )


def _opens_too_many(line: str) -> bool:
    depth = position = 0
    while depth <= MAX_NESTING:
        match = _MARKER.match(line, position)
        if match is None:
            return False
        depth += 1
        position = match.end()
    return _THEMATIC_BREAK.fullmatch(line) is None  # `- - - -` is a rule, however long


def _run_on_big_stack(function: Callable[[], None]) -> None:
    try:
        previous = threading.stack_size(_STACK_SIZE)
    except (ValueError, RuntimeError):  # a platform that cannot size thread stacks
        function()
        return
    try:
        # A daemon: an interrupted run exits without waiting for the parse to finish.
        thread = threading.Thread(target=function, name="awesomelint-parse", daemon=True)
        thread.start()
    finally:
        threading.stack_size(previous)
    thread.join()
