"""missing-local-file: a relative link to a file or folder that is not there."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from awesomelint.document import Document, LinkKind
from awesomelint.finding import Finding
from awesomelint.link_syntax import looks_like_web_address, scheme_of
from awesomelint.rule import RuleContext, rule


@cache
def _repository_root(folder: Path) -> Path | None:
    """The nearest folder holding `.git`: where GitHub resolves links that start with `/`."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@cache
def _exists(path: Path) -> bool:
    return path.exists()


def local_path(target: str) -> str | None:
    """The file path a relative link names, without fragment or query, or None if it names no file."""
    if not target or target.startswith(("#", "//", "?")) or scheme_of(target) is not None:
        return None
    if looks_like_web_address(target):
        return None  # missing-scheme reports these
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return path or None


@rule(name="missing-local-file", summary="A relative link points to a file or folder that does not exist")
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Paths resolve like on GitHub: from the Markdown file's folder, `/` from the repository root."""
    if document.file is None:
        return
    folder = document.file.resolve().parent
    for link in document.links:
        if link.kind is LinkKind.BARE:
            continue
        path = local_path(link.destination)
        if path is None:
            continue
        if path.startswith("/"):
            base = _repository_root(folder) or folder
            resolved = base / path.lstrip("/")
        else:
            resolved = folder / path
        if _exists(resolved):
            continue
        try:
            shown = resolved.relative_to(folder).as_posix()
        except ValueError:
            shown = str(resolved)
        yield context.finding(
            link.span,
            f"'{link.target}' does not exist (looked for {shown} next to {document.file.name})",
        )
