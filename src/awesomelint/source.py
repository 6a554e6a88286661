"""Decoding a Markdown file's bytes into text, and mapping between offsets and positions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from awesomelint.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
# UTF-32's byte order marks, checked first: the little-endian one starts like UTF-16's.
_WIDE_BOMS = (("UTF-32", (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")), ("UTF-16", (b"\xff\xfe", b"\xfe\xff")))
# Markdown ends lines at LF, CRLF or a lone CR, and nowhere else: str.splitlines()
# would also split at form feeds and U+2028, putting our line numbers out of step.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class SourceText:
    """A decoded file: the text exactly as written (minus a UTF-8 BOM) and its lines."""

    path: str
    text: str
    bom: bool = False
    lines: tuple[str, ...] = field(init=False)
    line_starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        lines: list[str] = []
        starts: list[int] = []
        position = 0
        for match in _LINE_BREAK.finditer(self.text):
            starts.append(position)
            lines.append(self.text[position : match.start()])
            position = match.end()
        if position < len(self.text) or not lines:
            starts.append(position)
            lines.append(self.text[position:])
        object.__setattr__(self, "lines", tuple(lines))
        object.__setattr__(self, "line_starts", tuple(starts))

    @property
    def newline(self) -> str:
        """The line ending the file mostly uses, for text that a fix inserts."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.text.count("\n") else "\n"

    def offset(self, line: int, column: int) -> int:
        """The offset into `text` of a 1-based line and column (columns count code points)."""
        line = min(max(line, 1), len(self.lines))
        width = len(self.lines[line - 1])
        return self.line_starts[line - 1] + min(max(column, 1), width + 1) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset into `text`."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        index = max(index, 0)
        column = offset - self.line_starts[index] + 1
        return index + 1, min(column, len(self.lines[index]) + 1)


def decode(data: bytes, path: str) -> SourceText:
    """Decode a Markdown file, refusing what is not UTF-8 text with a message naming why.

    An empty file is a valid, empty list. UTF-16 and UTF-32 are refused rather than decoded:
    git takes such a file for binary (it is full of NUL bytes) and shows no diff of it, which
    is worth reporting, and `--fix` would have to write that encoding back.
    """
    for encoding, boms in _WIDE_BOMS:
        if data.startswith(boms):
            raise InputError(path, f"is {encoding} encoded; awesomelint reads UTF-8 only")
    bom = data.startswith(UTF8_BOM)
    if bom:
        data = data[len(UTF8_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"looks binary (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise InputError(path, f"is not valid UTF-8 (byte 0x{bad} at offset {error.start})") from None
    return SourceText(path=path, text=text, bom=bom)
