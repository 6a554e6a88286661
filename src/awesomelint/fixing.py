"""Applying fixes: choosing edits that do not collide, and writing files without losing a byte.

A fix is all or nothing: when two fixes touch the same text, the one that starts first
(then by rule name) wins and the other waits for the next pass, when it is recomputed on
the fixed text. Every byte outside the chosen edits is kept: encoding, BOM, line endings and
the final newline are those of the file, because edits are applied to the text as read.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from awesomelint.finding import Finding, Fix
from awesomelint.source import UTF8_BOM, SourceText


@dataclass(frozen=True)
class FixedText:
    text: str
    applied: int  # fixes applied
    deferred: int  # fixes left for a later pass because they collided with one applied


def _ranges(source: SourceText, fix: Fix) -> list[tuple[int, int, str]]:
    return sorted(
        (
            source.offset(edit.line, edit.column),
            source.offset(edit.end_line, edit.end_column),
            edit.replacement,
        )
        for edit in fix.edits
    )


def _collides(first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    (start, end, _), (other_start, other_end, _) = first, second
    if start == end and other_start == other_end:
        return start == other_start  # two insertions at one point: their order would be a guess
    if start == end:
        return other_start < start < other_end
    if other_start == other_end:
        return start < other_start < end
    return start < other_end and other_start < end


def fixed_text(source: SourceText, findings: Iterable[Finding]) -> FixedText:
    """The source with every fix that does not collide with an earlier one applied."""
    candidates = sorted(
        ((_ranges(source, finding.fix), finding.rule) for finding in findings if finding.fix is not None),
        key=lambda item: (item[0][0][:2] if item[0] else (0, 0), item[1], item[0]),
    )
    chosen: list[tuple[int, int, str]] = []
    applied = deferred = 0
    for edits, _rule in candidates:
        if not edits:
            continue
        if all(edit in chosen for edit in edits):
            continue  # the same edit from another rule or a repeated finding: already done
        if any(_collides(edit, taken) for edit in edits for taken in chosen):
            deferred += 1
            continue
        chosen.extend(edits)
        applied += 1
    text = source.text
    for start, end, replacement in sorted(chosen, reverse=True):
        text = text[:start] + replacement + text[end:]
    return FixedText(text, applied, deferred)


def encode(text: str, *, bom: bool) -> bytes:
    return (UTF8_BOM if bom else b"") + text.encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file's contents all at once: a crash leaves the old file or the new, never half.

    The new contents go to a temporary file beside the target (same file system, so the
    rename is atomic), keep the target's permission bits, and replace it by rename. A
    symbolic link is followed, so the link stays a link.
    """
    target = path.resolve()
    mode = stat.S_IMODE(target.stat().st_mode)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".awesomelint", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
