"""Running the selected rules over files: read, parse once, check, suppress, sort."""

from __future__ import annotations

import asyncio
import inspect
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

from awesomelint.config import ActiveRule, RawConfig, Settings, resolve
from awesomelint.document import Document
from awesomelint.document.model import Span
from awesomelint.document.safe_parse import parse_safely
from awesomelint.errors import InputError
from awesomelint.finding import Finding, Severity
from awesomelint.registry import all_rules
from awesomelint.rule import RuleContext
from awesomelint.source import SourceText, decode
from awesomelint.suppress import read_suppressions

if TYPE_CHECKING:
    from awesomelint.linkcheck.service import NetworkOptions, NetworkServices

STDIN = "-"
# The largest real lists are about 1 MB and lint in a second; past 10 MB a file is no list,
# and costs a second and 15 to 50 MB of memory for every MB. `--max-file-size` changes it.
DEFAULT_MAX_FILE_SIZE = 10 * 2**20


@dataclass(frozen=True)
class FileResult:
    path: str
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # why the file could not be linted
    notes: tuple[str, ...] = ()  # warnings about the file's awesomelint comments
    source: SourceText | None = None

    @property
    def errors(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for finding in self.findings if finding.severity is Severity.WARNING)


def read_source(path: str, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> tuple[SourceText, Path | None]:
    """Read and decode one file named on the command line (`-` is standard input).

    A file over `max_size` bytes (None: no limit) is refused before it is read, or, when its
    size is not known in advance (a pipe, a device), as soon as it is read that far.
    """
    if path == STDIN:
        if sys.stdin is None:
            raise InputError("<stdin>", "standard input is closed")
        return decode(_read_at_most(sys.stdin.buffer, "<stdin>", max_size), "<stdin>"), None
    file = Path(path)
    try:
        if file.is_dir():
            raise InputError(path, "is a directory, not a Markdown file")
        with file.open("rb") as stream:
            _check_size(os.fstat(stream.fileno()).st_size, path, max_size)
            data = _read_at_most(stream, path, max_size)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    return decode(data, path), file


def _read_at_most(stream: BinaryIO, path: str, max_size: int | None) -> bytes:
    if max_size is None:
        return stream.read()
    data = stream.read(max_size + 1)
    _check_size(len(data), path, max_size, exact=False)
    return data


def _check_size(size: int, path: str, max_size: int | None, *, exact: bool = True) -> None:
    if max_size is not None and size > max_size:
        measured = f"is {_amount(size)}, over" if exact else "is over"
        raise InputError(path, f"{measured} the {_amount(max_size)} limit for one file (see --max-file-size)")


def _amount(size: int) -> str:
    for unit, scale in (("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def parse_source(source: SourceText, file: Path | None) -> Document:
    """Parse a decoded file, or raise InputError if it nests too deeply to lint."""
    return parse_safely(source, file)


def _suppressed(document: Document, findings: Iterable[Finding]) -> tuple[list[Finding], list[str]]:
    """Drop findings that inline comments turn off; sort the rest; note unknown rule names."""
    suppressions = read_suppressions(document, all_rules())
    notes = [
        f"{document.path}:{line}: unknown rule {name!r} in an awesomelint comment"
        for line, name in suppressions.unknown
    ]
    kept = sorted((f for f in findings if not suppressions.covers(f)), key=lambda f: f.sort_key)
    return kept, notes


def _context(
    active: ActiveRule,
    document: Document,
    today: date,
    network: NetworkServices | None,
    changed: frozenset[int] | None = None,
) -> RuleContext:
    return RuleContext(
        rule=active.rule.name,
        severity=active.severity,
        options=active.options,
        path=document.path,
        today=today,
        network=network,
        changed=changed,
    )


def check_document(
    document: Document, rules: Sequence[ActiveRule], *, today: date | None = None
) -> tuple[list[Finding], list[str]]:
    """Run offline rules on a parsed document; findings sorted, suppressed ones dropped."""
    return _suppressed(document, _offline_findings(document, rules, today or date.today()))


def _offline_findings(
    document: Document, rules: Sequence[ActiveRule], day: date, changed: frozenset[int] | None = None
) -> list[Finding]:
    findings: list[Finding] = []
    for active in rules:
        if not active.rule.network:
            found = active.rule.check(document, _context(active, document, day, None, changed))
            findings.extend(cast("Iterable[Finding]", found))
    return findings


@dataclass
class _Linted:
    document: Document
    settings: Settings
    findings: list[Finding]
    notes: list[str]
    changed: frozenset[int] | None = None  # lines to report on; None means every line

    def network_view(self) -> Document:
        """The document as network rules see it: with changed lines given, only their links are checked."""
        if self.changed is None:
            return self.document
        return replace(self.document, links=tuple(link for link in self.document.links if self.is_changed(link.span)))

    def is_changed(self, span: Span | Finding) -> bool:
        if self.changed is None:
            return True
        return any(line in self.changed for line in range(span.line, span.end_line + 1))


async def _run_network_rules(linted: Sequence[_Linted], options: NetworkOptions, day: date) -> NetworkServices:
    """Every network rule over every document at once, sharing one checker: each URL once per run."""
    from awesomelint.linkcheck.service import NetworkServices

    async with NetworkServices(options) as network:

        async def run(item: _Linted, active: ActiveRule) -> None:
            document = item.network_view()
            outcome = active.rule.check(document, _context(active, document, day, network))
            found = await outcome if inspect.isawaitable(outcome) else outcome
            item.findings.extend(found)

        await asyncio.gather(
            *(run(item, active) for item in linted for active in item.settings.rules if active.rule.network)
        )
    return network


@dataclass(frozen=True)
class RunResult:
    files: list[FileResult]
    network: NetworkServices | None = None


def lint_paths(
    paths: Sequence[str],
    settings_for: Callable[[str], Settings],
    *,
    network: NetworkOptions | None = None,
    today: date | None = None,
    read: Callable[[str], tuple[SourceText, Path | None]] = read_source,
    changed_lines: Callable[[str], frozenset[int] | None] | None = None,
) -> RunResult:
    """Lint files: offline rules file by file, then network rules for all files together.

    `read` supplies each file's text (`--fix` passes text it has fixed but not written);
    `changed_lines` limits the report, and the links checked, to the lines a change touched.
    """
    day = today or date.today()
    results: list[FileResult | _Linted] = []
    for path in paths:
        try:
            source, file = read(path)
            document = parse_source(source, file)
            changed = changed_lines(path) if changed_lines is not None else None
        except InputError as error:
            results.append(FileResult(path=path, error=str(error)))
            continue
        settings = settings_for(path)
        findings = _offline_findings(document, settings.rules, day, changed)
        results.append(_Linted(document, settings, findings, [], changed))
    linted = [item for item in results if isinstance(item, _Linted)]
    services = None
    wants_network = any(active.rule.network for item in linted for active in item.settings.rules) and any(
        link.destination.startswith(("http://", "https://", "HTTP://", "HTTPS://"))
        for item in linted
        for link in item.document.links
    )
    if network is not None and wants_network:
        services = asyncio.run(_run_network_rules(linted, network, day))
    files: list[FileResult] = []
    for item in results:
        if isinstance(item, FileResult):
            files.append(item)
            continue
        kept, notes = _suppressed(item.document, [finding for finding in item.findings if item.is_changed(finding)])
        files.append(
            FileResult(path=item.document.path, findings=tuple(kept), notes=tuple(notes), source=item.document.source)
        )
    return RunResult(files, services)


def lint_file(path: str, settings: Settings, *, today: date | None = None) -> FileResult:
    """Lint one file with offline rules."""
    return lint_paths([path], lambda _: settings, today=today).files[0]


def lint_text(
    text: str,
    *,
    path: str = "README.md",
    file: Path | None = None,
    select: Iterable[str] | None = None,
    options: Mapping[str, Mapping[str, object]] | None = None,
    today: date | None = None,
) -> list[Finding]:
    """Lint Markdown text with the named rules: the entry point for tests and embedding."""
    layer = RawConfig(
        origin="lint_text",
        select=tuple(select) if select is not None else None,
        rules={name: dict(values) for name, values in (options or {}).items()},
    )
    settings = resolve([layer], all_rules())
    document = parse_source(SourceText(path=path, text=text), file)
    findings, _ = check_document(document, settings.rules, today=today)
    return findings
