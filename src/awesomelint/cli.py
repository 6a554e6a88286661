"""The command line: `awesomelint [FILES...]`.

Only the standard library is imported at module level: `awesomelint --version` runs on
every commit as a pre-commit hook, and mistletoe alone takes a tenth of a second to import.
"""

from __future__ import annotations

import argparse
import codecs
import functools
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from awesomelint import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from awesomelint.autofix import FixRun
    from awesomelint.config import RawConfig, Settings
    from awesomelint.linkcheck.service import NetworkOptions
    from awesomelint.rule import Rule
    from awesomelint.runner import FileResult, RunResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Kept here rather than imported from reporters, which would load the whole linter at start-up;
# tests/test_cli.py checks that the two agree.
FORMAT_NAMES = ("text", "json", "github", "sarif", "markdown")
_JSON_ESCAPE = "awesomelint-json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="awesomelint",
        description="Lint curated Markdown lists: duplicates, broken links, dates, tables.",
        epilog="Exit status: 0 no error findings, 1 error findings, 2 usage, configuration or input error.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="Markdown files ('-' reads stdin; default README.md)")
    parser.add_argument("--format", choices=FORMAT_NAMES, default="text", help="report format (default: text)")
    parser.add_argument("--select", metavar="RULES", help="comma-separated rules to run (replaces the config's select)")
    parser.add_argument("--ignore", metavar="RULES", help="comma-separated rules not to run (added to the config's)")
    parser.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="RULE=LEVEL",
        help="override a rule's severity: error or warning (repeatable)",
    )
    parser.add_argument(
        "--rule-option",
        action="append",
        default=[],
        metavar="RULE.KEY=VALUE",
        help="set a rule option, e.g. duplicate-url.allow=https://example.com/ (repeatable)",
    )
    parser.add_argument("--config", metavar="PATH", help="use this configuration file instead of searching for one")
    parser.add_argument(
        "--max-file-size",
        metavar="MB",
        help="refuse larger files, in megabytes (default 10; 0 for no limit)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write the --format report to FILE; the text report still goes to the terminal",
    )
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply every safe fix in place, then report what remains")
    fixing.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; change no file")
    parser.add_argument(
        "--diff-base",
        metavar="REF",
        help="report only findings on lines added or changed since the git revision REF",
    )
    links = parser.add_argument_group("link checking (the network rules broken-url and archived-repo)")
    links.add_argument("--offline", action="store_true", help="skip the network rules")
    links.add_argument("--timeout", metavar="SECONDS", help="per request (default 10)")
    links.add_argument("--max-concurrency", metavar="N", help="requests in flight at once (default 64)")
    links.add_argument("--max-per-host", metavar="N", help="requests in flight to one host (default 8)")
    links.add_argument("--retries", metavar="N", help="retries after 429, 503, resets and timeouts (default 2)")
    links.add_argument("--deadline", metavar="SECONDS", help="stop checking after this long; the rest is skipped")
    links.add_argument("--accept", metavar="CODES", help="status codes counted as ok besides 2xx, e.g. 403,429")
    links.add_argument("--exclude", action="append", default=[], metavar="REGEX", help="URLs not to check")
    links.add_argument("--include", action="append", default=[], metavar="REGEX", help="check only these URLs")
    links.add_argument("--user-agent", metavar="TEXT", help="the User-Agent header sent")
    links.add_argument("--cache", metavar="PATH", help="the link cache database (default: user cache directory)")
    links.add_argument("--no-cache", action="store_true", help="neither read nor write the link cache")
    links.add_argument(
        "--allow-private",
        action="store_true",
        default=None,
        help="allow requests to loopback and private addresses (refused by default)",
    )
    links.add_argument("--github-api", metavar="URL", help="GitHub GraphQL endpoint used with GITHUB_TOKEN")
    links.add_argument("--arxiv-api", metavar="URL", help="arXiv API endpoint for arxiv-title-mismatch")
    parser.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    parser.add_argument("--explain", metavar="RULE", help="print a rule's documentation and exit")
    parser.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    parser.add_argument("--no-color", action="store_true", help="never colour the output")
    parser.add_argument("--version", action="version", version=f"awesomelint {__version__}")
    return parser


def _use_color(no_color: bool) -> bool:
    if no_color or "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _command_line_layer(args: argparse.Namespace) -> RawConfig:
    from awesomelint.config import RawConfig
    from awesomelint.errors import FatalError

    rules: dict[str, dict[str, object]] = {}
    for item in args.severity:
        name, separator, level = item.partition("=")
        if not separator:
            raise FatalError(f"--severity {item!r}: expected RULE=error or RULE=warning")
        rules.setdefault(name.strip(), {})["severity"] = level.strip()
    for item in args.rule_option:
        key, separator, value = item.partition("=")
        name, dot, option = key.partition(".")
        if not separator or not dot:
            raise FatalError(f"--rule-option {item!r}: expected RULE.KEY=VALUE")
        rules.setdefault(name.strip(), {})[option.strip()] = value
    from awesomelint.config import parse_links

    flags = {
        "timeout": args.timeout,
        "max-concurrency": args.max_concurrency,
        "max-per-host": args.max_per_host,
        "retries": args.retries,
        "deadline": args.deadline,
        "accept": args.accept,
        "exclude": args.exclude or None,
        "include": args.include or None,
        "user-agent": args.user_agent,
        "cache": args.cache,
        "no-cache": True if args.no_cache else None,
        "github-api": args.github_api,
        "arxiv-api": args.arxiv_api,
    }
    return RawConfig(
        origin="command line",
        select=_selected(args.select) if args.select is not None else None,
        ignore=_split_names(args.ignore) if args.ignore else (),
        rules=rules,
        allow_private=args.allow_private,
        links=parse_links({key: value for key, value in flags.items() if value is not None}, "command line"),
    )


def _selected(text: str) -> tuple[str, ...]:
    """`--select` as rule names; naming none would quietly run nothing, which no one means."""
    from awesomelint.errors import FatalError

    names = _split_names(text)
    if not names:
        raise FatalError(f"--select {text!r} names no rules (awesomelint --list-rules lists them)")
    return names


def _split_names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _list_rules(rules: dict[str, Rule]) -> None:
    width = max(len(name) for name in rules)
    for name, rule in rules.items():
        flags = ("fix " if rule.fixable else "    ") + ("net" if rule.network else "   ")
        sys.stdout.write(f"{name:<{width}}  {rule.severity.value:<7}  {flags}  {rule.summary}\n")


def _explain(name: str, rules: dict[str, Rule]) -> int:
    from awesomelint.docs import rule_doc

    rule = rules.get(name)
    if rule is None:
        sys.stderr.write(f"awesomelint: unknown rule {name!r} (see --list-rules)\n")
        return EXIT_ERROR
    sys.stdout.write(rule_doc(rule) or f"# {rule.name}\n\n{rule.summary}\n")
    return EXIT_OK


class _SettingsForFiles:
    """Settings per file: from --config, or the nearest config file above it, then the command line."""

    def __init__(self, args: argparse.Namespace, rules: dict[str, Rule]) -> None:
        from pathlib import Path

        from awesomelint.config import read_config_file

        self.rules = rules
        self.command_line = _command_line_layer(args)
        self.fixed_file = read_config_file(Path(args.config)) if args.config else None
        self.cache: dict[object, Settings] = {}

    def for_file(self, path: str) -> Settings:
        from pathlib import Path

        from awesomelint.config import find_config_file, read_config_file, resolve

        if self.fixed_file is not None:
            config_path: Path | None = None
            layers = [self.fixed_file, self.command_line]
        else:
            start = Path.cwd() if path == "-" else Path(path).parent
            config_path = find_config_file(start)
            layers = [read_config_file(config_path), self.command_line] if config_path else [self.command_line]
        key = config_path
        if key not in self.cache:
            self.cache[key] = resolve(layers, self.rules)
        return self.cache[key]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from awesomelint.errors import FatalError

    _tolerate_unencodable_output(json=args.format in ("json", "sarif") and not args.output)
    try:
        return _run(args)
    except FatalError as error:
        sys.stderr.write(f"awesomelint: {error}\n")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (`awesomelint | head`): stop quietly, and keep Python from
        # failing again when it flushes standard output at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


def _tolerate_unencodable_output(*, json: bool) -> None:
    """Never crash on a character standard output cannot encode.

    Findings quote the file, so any character can be printed, and standard output is not
    always UTF-8: a Windows console redirected to a file, PYTHONIOENCODING=ascii, or a file
    name that is not UTF-8 (its bytes arrive as lone surrogates). Text gets a backslash
    escape; JSON a `\\uXXXX` escape, which keeps it valid, since JSON holds non-ASCII
    characters only inside strings.
    """
    if not isinstance(sys.stdout, io.TextIOWrapper):
        return
    if json:
        codecs.register_error(_JSON_ESCAPE, _json_escape)
    sys.stdout.reconfigure(errors=_JSON_ESCAPE if json else "backslashreplace")


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for character in error.object[error.start : error.end]:
        code = ord(character)
        if code > 0xFFFF:  # a surrogate pair, as JSON writes characters beyond the BMP
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


def _run(args: argparse.Namespace) -> int:
    from awesomelint.registry import all_rules

    rules = all_rules()
    if args.list_rules:
        _list_rules(rules)
        return EXIT_OK
    if args.explain:
        return _explain(args.explain, rules)

    run, fix_run = lint_for(args, rules)
    results = run.files
    if fix_run is not None and args.diff:
        for path in fix_run.fixed:
            sys.stdout.write(fix_run.diff(path))
        count = sum(fix_run.applied[path] for path in fix_run.fixed)
        files = len(fix_run.fixed)
        sys.stderr.write(f"awesomelint: {count} fixes would change {files} file{'' if files == 1 else 's'}\n")
        if any(result.error is not None for result in results):
            return EXIT_ERROR  # a file that could not be read has no diff, which is not "nothing to fix"
        return EXIT_FINDINGS if fix_run.fixed else EXIT_OK
    if fix_run is not None:
        for message in fix_run.write_errors.values():
            sys.stderr.write(f"awesomelint: {message}\n")
        if not args.quiet:
            for path in fix_run.fixed:
                sys.stderr.write(f"awesomelint: {path}: applied {fix_run.applied[path]} fixes\n")

    _report(args, results)
    if any(result.error is not None for result in results) or (fix_run is not None and fix_run.write_errors):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(result.errors for result in results) else EXIT_OK


def lint_for(args: argparse.Namespace, rules: dict[str, Rule]) -> tuple[RunResult, FixRun | None]:
    """Lint (and with --fix or --diff, fix) the files the arguments name; notes go to stderr.

    The GitHub Action shares this with the command line, then writes its several reports.
    """
    from awesomelint.runner import lint_paths, read_source

    paths = args.files or ["README.md"]
    _check_conflicts(args, paths)
    read = functools.partial(read_source, max_size=_max_file_size(args.max_file_size))
    settings = _SettingsForFiles(args, rules)
    first = settings.for_file(paths[0])  # bad settings fail before any output
    network = None if args.offline else _network_options(first, quiet=args.quiet)
    changed_lines = _changed_lines(args.diff_base) if args.diff_base else None
    fix_run = None
    if args.fix or args.diff:
        from awesomelint.autofix import fix_paths

        fix_run = fix_paths(
            paths, settings.for_file, write=args.fix, network=network, changed_lines=changed_lines, read_file=read
        )
        run = fix_run.run
    else:
        run = lint_paths(paths, settings.for_file, network=network, changed_lines=changed_lines, read=read)
    for result in run.files:
        if result.error is not None:
            sys.stderr.write(f"awesomelint: {result.error}\n")
        for note in result.notes:
            sys.stderr.write(f"awesomelint: warning: {note}\n")
    if run.network is not None:
        if run.network.network_down:
            sys.stderr.write("awesomelint: the network is unreachable (no host answered); link checks were skipped\n")
        elif not args.quiet:
            sys.stderr.write(f"awesomelint: {run.network.summary()}\n")
    return run, fix_run


def _check_conflicts(args: argparse.Namespace, paths: Sequence[str]) -> None:
    """Options that cannot be honoured together, refused before any file is read or written."""
    from pathlib import Path

    from awesomelint.errors import FatalError
    from awesomelint.runner import STDIN

    if args.fix and args.diff:
        raise FatalError("--fix and --diff cannot be used together: --diff shows the fixes without writing them")
    if args.fix and STDIN in paths:
        raise FatalError("--fix cannot rewrite standard input; use --diff to see the fixes")
    if args.output:
        report = Path(args.output)
        for path in paths:
            if path != STDIN and (report == Path(path) or (report.exists() and _same_file(report, Path(path)))):
                raise FatalError(f"--output {args.output}: is also a file to lint; the report would overwrite it")


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False


def _max_file_size(text: str | None) -> int | None:
    """`--max-file-size` in bytes: None for no limit."""
    from awesomelint.errors import FatalError
    from awesomelint.runner import DEFAULT_MAX_FILE_SIZE

    if text is None:
        return DEFAULT_MAX_FILE_SIZE
    try:
        megabytes = float(text)
    except ValueError:
        megabytes = -1.0
    if not 0 <= megabytes < float("inf"):
        raise FatalError(f"--max-file-size {text!r}: expected a number of megabytes, like 10 or 0.5 (0: no limit)")
    return None if megabytes == 0 else int(megabytes * 2**20)


def _report(args: argparse.Namespace, results: Sequence[FileResult]) -> None:
    """The report in --format on stdout, or in --output with the text report on the terminal."""
    from awesomelint.reporters import reporter

    color = _use_color(args.no_color)
    if args.output:
        from pathlib import Path

        from awesomelint.errors import FatalError

        try:
            with Path(args.output).open("w", encoding="utf-8", newline="\n") as stream:
                reporter(args.format)(results, stream, color=False)
        except OSError as error:
            raise FatalError(f"--output {args.output}: cannot write the report: {error.strerror or error}") from None
        if args.format == "text":
            return
        format_name = "text"
    else:
        format_name = args.format
    if args.quiet and format_name == "text":
        from awesomelint.reporters.text import format_finding

        for result in results:
            for finding in result.findings:
                sys.stdout.write(format_finding(finding, color=color) + "\n")
    else:
        reporter(format_name)(results, sys.stdout, color=color)


def _changed_lines(base: str) -> Callable[[str], frozenset[int] | None]:
    from awesomelint.gitdiff import changed_lines

    def lines_of(path: str) -> frozenset[int] | None:
        if path == "-":  # standard input has no history
            return None
        return changed_lines(path, base)

    return lines_of


def _network_options(settings: Settings, *, quiet: bool) -> NetworkOptions:
    """The link checker's settings for the run, from the first file's configuration and the flags."""
    import re
    from pathlib import Path

    from awesomelint.linkcheck.cache import default_cache_path
    from awesomelint.linkcheck.service import NetworkOptions
    from awesomelint.linkcheck.settings import USER_AGENT, CheckerSettings

    links = settings.links
    checker = CheckerSettings(
        timeout=links.timeout,
        max_concurrency=links.max_concurrency,
        max_per_host=links.max_per_host,
        retries=links.retries,
        deadline=links.deadline,
        accept=links.accept,
        exclude=tuple(re.compile(pattern) for pattern in links.exclude),
        include=tuple(re.compile(pattern) for pattern in links.include),
        user_agent=links.user_agent or USER_AGENT.format(version=__version__),
        allow_private=settings.allow_private,
    )
    cache = None if links.no_cache else Path(links.cache) if links.cache else default_cache_path()
    return NetworkOptions(
        checker=checker,
        cache_path=cache,
        github_token=os.environ.get("GITHUB_TOKEN") or None,
        github_api=links.github_api,
        arxiv_api=links.arxiv_api,
        progress=sys.stderr.isatty() and not quiet,
    )
