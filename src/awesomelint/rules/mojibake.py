"""mojibake: UTF-8 text that was decoded with the wrong code page somewhere on its way into the list."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from awesomelint.document import Document, Span, TextRun
from awesomelint.finding import Edit, Finding, Fix
from awesomelint.mojibake_text import SUSPECT, Garbled, find_mojibake
from awesomelint.rule import RuleContext, rule

# A quote reaches this far into the word around a garbled stretch, so it reads like the list.
_WORD_REACH = 30
_WORD_END = frozenset(' \t\n,;()[]{}<>|*"`')
_CLAUSE_END = frozenset(".:!?")


def _shown(text: str) -> str:
    """Text for a message, with invisible characters (a no-break space, U+F8FF) written as escapes."""
    return "".join(character if character.isprintable() else _escape(character) for character in text)


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch widened to the word around it, within reach, less the punctuation that ends a clause."""
    first, last = start, end
    while first > max(start - _WORD_REACH, 0) and text[first - 1] not in _WORD_END:
        first -= 1
    while last < min(end + _WORD_REACH, len(text)) and text[last] not in _WORD_END:
        last += 1
    while last > end and text[last - 1] in _CLAUSE_END:
        last -= 1
    return first, last


def _span(run: TextRun, start: int, end: int) -> Span:
    # Text runs hold one source line, but stay right if one ever spans more.
    before = run.text.rfind("\n", 0, start)
    line = run.line + run.text.count("\n", 0, start)
    column = run.column + start if before < 0 else start - before
    return Span(line, column, line, column + end - start)


def _message(run: TextRun, garbled: Garbled) -> str:
    text = run.text
    first, last = _word_around(text, garbled.start, garbled.end)
    before, after = text[first : garbled.start], text[garbled.end : last]
    quoted = _shown(text[first:last])
    readings = _either([f'"{_shown(before + reading + after)}"' for reading in garbled.readings])
    pages = _either(garbled.pages)
    if not garbled.complete:
        return f'"{quoted}" is mojibake, probably for {readings} (UTF-8 read as {pages}, with a byte lost)'
    return f'"{quoted}" is mojibake for {readings} (UTF-8 read as {pages})'


def _either(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _fix(document: Document, span: Span, garbled_text: str, repair: str | None) -> Fix | None:
    if repair is None:
        return None
    lines = document.source.lines
    line = lines[span.line - 1] if 1 <= span.line <= len(lines) else ""
    if line[span.column - 1 : span.end_column - 1] != garbled_text:
        return None  # the text is not where the parser placed it: an edit there would corrupt the line
    return Fix(f'write "{_shown(repair)}"', (Edit(span.line, span.column, span.line, span.end_column, repair),))


@rule(
    name="mojibake",
    summary="Text is UTF-8 that was decoded as Mac Roman, Windows-1252 or Latin-1 (mojibake)",
    fixable=True,
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Plain text, link texts, headings and table cells are read; code is not text and is left alone."""
    if document.source.text.isascii():
        return
    for run in document.texts:
        # The cheap tests first: most text is ASCII, and most of the rest holds no pair of
        # characters that mojibake is made of.
        if run.text.isascii() or not SUSPECT.search(run.text):
            continue
        for garbled in find_mojibake(run.text):
            span = _span(run, garbled.start, garbled.end)
            fix = _fix(document, span, run.text[garbled.start : garbled.end], garbled.repair)
            yield context.finding(span, _message(run, garbled), fix)
