"""Inline control: `<!-- awesomelint-disable ... -->` and its relatives."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from awesomelint.document import Document
from awesomelint.finding import Finding

_DIRECTIVE = re.compile(
    r"^\s*awesomelint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$", re.DOTALL
)
ALL = "*"


@dataclass
class Suppressions:
    """Which rules are off on which lines; `*` stands for every rule."""

    whole_file: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)
    ranges: list[tuple[str, int, int]] = field(default_factory=list)  # rule, first, last line
    unknown: list[tuple[int, str]] = field(default_factory=list)

    def covers(self, finding: Finding) -> bool:
        names = (ALL, finding.rule)
        if any(name in self.whole_file for name in names):
            return True
        if any(name in self.lines.get(finding.line, ()) for name in names):
            return True
        return any(name in names and first <= finding.line <= last for name, first, last in self.ranges)


def read_suppressions(document: Document, known_rules: Iterable[str]) -> Suppressions:
    known = set(known_rules)
    result = Suppressions()
    open_since: dict[str, int] = {}
    last_line = len(document.source.lines)
    for comment in document.comments:
        match = _DIRECTIVE.match(comment.text)
        if match is None:
            continue
        kind = match.group(1)
        names = [name for name in re.split(r"[\s,]+", match.group(2).strip()) if name]
        for name in names:
            if name not in known:
                result.unknown.append((comment.line, name))
        targets = [name for name in names if name in known] if names else [ALL]
        if names and not targets:
            continue
        if kind == "disable-file":
            result.whole_file.update(targets)
        elif kind == "disable-next-line":
            result.lines.setdefault(comment.end_line + 1, set()).update(targets)
        elif kind == "disable-line":
            result.lines.setdefault(comment.line, set()).update(targets)
        elif kind == "disable":
            for name in targets:
                open_since.setdefault(name, comment.line)
        else:  # enable
            closing = list(open_since) if targets == [ALL] else targets
            for name in closing:
                start = open_since.pop(name, None)
                if start is not None:
                    result.ranges.append((name, start, comment.line))
    for name, start in open_since.items():
        result.ranges.append((name, start, last_line))
    return result
