"""`--diff-base REF`: the lines of a file that were added or changed since a git revision.

The comparison is with the merge base of REF and HEAD, as a pull request shows it: lines
that changed on the base branch since the branch point are not the contributor's. Staged
and unstaged edits count as changed. A file that did not exist at the base is new in
every line.
"""

from __future__ import annotations

import re
import subprocess
from functools import lru_cache
from pathlib import Path

from awesomelint.errors import FatalError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def _git(arguments: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-c", "core.quotepath=off", *arguments],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise FatalError("--diff-base needs git, and git is not installed") from None


@lru_cache(maxsize=64)
def _base_commit(base: str, cwd: Path) -> str:
    verified = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd)
    if verified.returncode != 0:
        inside = _git(["rev-parse", "--is-inside-work-tree"], cwd)
        if inside.returncode != 0:
            raise FatalError(f"--diff-base {base}: {cwd} is not inside a git repository")
        raise FatalError(f"--diff-base {base}: no such commit, branch or tag")
    commit = verified.stdout.strip()
    merge_base = _git(["merge-base", commit, "HEAD"], cwd)
    return merge_base.stdout.strip() if merge_base.returncode == 0 else commit


def added_lines(diff: str) -> frozenset[int]:
    """Line numbers, in the new file, of every line a unified diff with no context adds."""
    lines: set[int] = set()
    for match in _HUNK.finditer(diff):
        start, count = int(match.group(1)), int(match.group(2) or 1)
        lines.update(range(start, start + count))
    return frozenset(lines)


def changed_lines(path: str, base: str) -> frozenset[int] | None:
    """Lines of `path` changed since `base`; None when the whole file is new."""
    file = Path(path).resolve()
    cwd = file.parent
    commit = _base_commit(base, cwd)
    existed = _git(["cat-file", "-e", f"{commit}:./{file.name}"], cwd)
    if existed.returncode != 0:
        return None
    diff = _git(["diff", "--no-color", "--no-ext-diff", "--unified=0", commit, "--", file.name], cwd)
    if diff.returncode != 0:
        raise FatalError(f"--diff-base {base}: git diff failed for {path}: {diff.stderr.strip()}")
    return added_lines(diff.stdout)
