"""missing-local-file: a relative link to a file or folder that is not in the repository."""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from awesomelint.document import Document, Link, LinkKind
from awesomelint.finding import Finding
from awesomelint.link_syntax import local_path
from awesomelint.rule import RuleContext, rule


@dataclass(frozen=True, slots=True)
class _Listing:
    names: frozenset[str]
    folded: dict[str, str]  # case-folded name -> a name as it is on disk


@dataclass(frozen=True, slots=True)
class Lookup:
    """Where a link's path leads on disk. Paths are absolute and lexically normalised strings."""

    exists: bool
    path: str
    other_case: str | None = None  # an existing path that differs from the link's only in case


def _repository_root(folder: Path) -> Path | None:
    """The nearest folder holding `.git` (a folder, or a file in worktrees and submodules)."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / ".git"):
            return candidate
    return None


class LocalFiles:
    """The files a Markdown file's relative links can reach, resolved the way GitHub does.

    Relative paths start from the Markdown file's folder; paths starting with `/` from the
    repository root (the nearest folder holding `.git`, else the file's own folder). Names
    match case-sensitively, as on GitHub, even where the local file system ignores case.
    Each folder is listed once: lists link the same few folders thousands of times, and a
    listing never passes the link's own text to the operating system (no errors for
    over-long names or NUL bytes). Paths are plain strings: pathlib costs more than the
    lookups themselves on lists of 100,000 links.
    """

    def __init__(self, markdown: Path) -> None:
        # Not resolve(): GitHub does not follow symbolic links when it resolves `..`.
        folder = Path(os.path.normpath(markdown.absolute())).parent
        self.folder = str(folder)
        self.root = str(_repository_root(folder) or folder)
        self._inside = self.root.rstrip(os.sep) + os.sep
        self._listings: dict[str, _Listing | None] = {}

    def resolve(self, path: str) -> str | None:
        """The absolute path a link's path names, or None when it climbs out of the repository.

        Outside the repository there is nothing to check: GitHub turns such links into its own
        pages (`../../issues` from the root README opens the repository's issues).
        """
        base = self.root if path.startswith("/") else self.folder
        resolved = os.path.normpath(base + os.sep + path.lstrip("/"))
        if resolved != self.root and not resolved.startswith(self._inside):
            return None
        return resolved

    def lookup(self, resolved: str) -> Lookup:
        """Whether a resolved path exists with exactly this spelling."""
        # Start at the deepest folder the link and the Markdown file share: that folder
        # exists, and only the link's own names must match in case.
        current = os.path.commonpath((self.folder, resolved))
        rest = resolved[len(current) :].lstrip(os.sep)
        exact = True
        for part in rest.split(os.sep) if rest else ():  # noqa: PTH206 - strings for speed, as above
            listing = self._listing(current)
            if listing is None:
                return Lookup(exists=False, path=resolved)
            if part not in listing.names:
                other = listing.folded.get(part.casefold())
                if other is None:
                    return Lookup(exists=False, path=resolved)
                exact, part = False, other
            current = current.rstrip(os.sep) + os.sep + part
        if exact:
            return Lookup(exists=True, path=resolved)
        return Lookup(exists=False, path=resolved, other_case=current)

    def shown(self, path: str) -> str:
        """A path as the message shows it: relative to the Markdown file, with `/`."""
        return os.path.relpath(path, self.folder).replace(os.sep, "/")

    def _listing(self, folder: str) -> _Listing | None:
        if folder in self._listings:
            return self._listings[folder]
        try:
            with os.scandir(folder) as entries:
                names = frozenset(entry.name for entry in entries)
        except OSError:
            listing = None  # not a folder, or not readable
        else:
            listing = _Listing(names, {name.casefold(): name for name in sorted(names)})
        self._listings[folder] = listing
        return listing


def written_links(document: Document) -> Iterator[Link]:
    """Links with a target written by hand (GFM autolinks are not), once per place it is written."""
    seen: set[tuple[int, int]] = set()
    for link in document.links:
        if link.kind in (LinkKind.BARE, LinkKind.AUTOLINK):
            continue  # GFM autolinks always carry a scheme or `www.`
        start = (link.span.line, link.span.column)
        if link.kind is LinkKind.REFERENCE:
            if start in seen:
                continue  # one definition used many times: one finding, at the definition
            seen.add(start)
        yield link


def browser_destination(link: Link) -> str:
    """A link's destination as the browser reads it.

    Markdown destinations come decoded from the parser; HTML attribute values come as
    written, so their character references are resolved and surrounding spaces dropped here.
    """
    return html.unescape(link.destination).strip() if link.kind is LinkKind.HTML else link.destination


@rule(name="missing-local-file", summary="A relative link points to a file or folder that does not exist")
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Targets that look like web addresses are missing-scheme's, never this rule's."""
    if document.file is None:
        return  # standard input: there is no folder to look in
    files = LocalFiles(document.file)
    name = document.file.name
    for link in written_links(document):
        path = local_path(browser_destination(link))
        if path is None:
            continue
        resolved = files.resolve(path)
        if resolved is None:
            continue
        found = files.lookup(resolved)
        if found.exists:
            continue
        looked = files.shown(resolved) + ("/" if path.endswith("/") else "")
        message = f"'{link.target}' does not exist (looked for {looked} next to {name}"
        if found.other_case is not None:
            other = files.shown(found.other_case)
            message += f"; found {other}, but GitHub matches file names case-sensitively"
        yield context.finding(link.span, message + ")")
