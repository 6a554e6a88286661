"""`--fix` and `--diff`: lint, fix, lint again until nothing more changes, then write or show.

Fixed text stays in memory between passes; files are written only at the end, and only
those that changed. The last pass is the report: exit status reflects what remains.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from awesomelint.config import Settings
from awesomelint.errors import InputError
from awesomelint.fixing import encode, fixed_text, write_atomically
from awesomelint.runner import STDIN, RunResult, lint_paths, read_source
from awesomelint.source import SourceText

if TYPE_CHECKING:
    from awesomelint.linkcheck.service import NetworkOptions

MAX_PASSES = 10  # fixes rarely need more than two; a bound keeps two rules that undo each other finite


@dataclass
class FixRun:
    run: RunResult  # the findings that remain after fixing
    originals: dict[str, SourceText] = field(default_factory=dict)
    fixed: dict[str, SourceText] = field(default_factory=dict)  # only files whose text changed
    applied: dict[str, int] = field(default_factory=dict)
    write_errors: dict[str, str] = field(default_factory=dict)

    def diff(self, path: str) -> str:
        before, after = self.originals[path], self.fixed[path]
        return "".join(
            difflib.unified_diff(
                before.text.splitlines(keepends=True),
                after.text.splitlines(keepends=True),
                fromfile=f"a/{path}",
                tofile=f"b/{path}",
            )
        )


def fix_paths(
    paths: Sequence[str],
    settings_for: Callable[[str], Settings],
    *,
    write: bool,
    network: NetworkOptions | None = None,
    today: date | None = None,
    changed_lines: Callable[[str], frozenset[int] | None] | None = None,
    read_file: Callable[[str], tuple[SourceText, Path | None]] = read_source,
) -> FixRun:
    current: dict[str, tuple[SourceText, Path | None]] = {}

    def read(path: str) -> tuple[SourceText, Path | None]:
        if path not in current:
            current[path] = read_file(path)
        return current[path]

    outcome = FixRun(run=RunResult([]))
    for _ in range(MAX_PASSES):
        run = lint_paths(paths, settings_for, network=network, today=today, read=read, changed_lines=changed_lines)
        outcome.run = run
        changed = False
        for result in run.files:
            if result.source is None or result.path not in current:
                continue
            result_fix = fixed_text(result.source, result.findings)
            if result_fix.applied and result_fix.text != result.source.text:
                source, file = current[result.path]
                outcome.originals.setdefault(result.path, source)
                new = SourceText(path=source.path, text=result_fix.text, bom=source.bom)
                current[result.path] = (new, file)
                outcome.fixed[result.path] = new
                outcome.applied[result.path] = outcome.applied.get(result.path, 0) + result_fix.applied
                changed = True
        if not changed:
            break
    for path, fixed in list(outcome.fixed.items()):
        if fixed.text == outcome.originals[path].text:
            del outcome.fixed[path]  # fixes that undid each other
    if write:
        _write(outcome, current)
    return outcome


def _write(outcome: FixRun, current: dict[str, tuple[SourceText, Path | None]]) -> None:
    for path, fixed in outcome.fixed.items():
        file = current[path][1]
        if path == STDIN or file is None:
            raise InputError(path, "standard input cannot be fixed in place; use --diff")
        try:
            write_atomically(file, encode(fixed.text, bom=fixed.bom))
        except OSError as error:
            outcome.write_errors[path] = f"{path}: cannot write the fixed file: {error.strerror or error}"
