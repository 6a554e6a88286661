"""The command line: `awesomelint [FILES...]`.

Only the standard library is imported at module level: `awesomelint --version` runs on
every commit as a pre-commit hook, and mistletoe alone takes a tenth of a second to import.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from awesomelint import __version__

if TYPE_CHECKING:
    from awesomelint.config import RawConfig, Settings
    from awesomelint.rule import Rule

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMAT_NAMES = ("text", "json")


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="awesomelint",
        description="Lint curated Markdown lists: duplicates, broken links, dates, tables.",
        epilog="Exit status: 0 no error findings, 1 error findings, 2 usage, configuration or input error.",
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="Markdown files ('-' reads stdin; default README.md)"
    )
    parser.add_argument(
        "--format", choices=FORMAT_NAMES, default="text", help="report format (default: text)"
    )
    parser.add_argument(
        "--select", metavar="RULES", help="comma-separated rules to run (replaces the config's select)"
    )
    parser.add_argument(
        "--ignore", metavar="RULES", help="comma-separated rules not to run (added to the config's)"
    )
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
    parser.add_argument(
        "--config", metavar="PATH", help="use this configuration file instead of searching for one"
    )
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
    return RawConfig(
        origin="command line",
        select=_split_names(args.select) if args.select is not None else None,
        ignore=_split_names(args.ignore) if args.ignore else (),
        rules=rules,
    )


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
            layers = (
                [read_config_file(config_path), self.command_line] if config_path else [self.command_line]
            )
        key = config_path
        if key not in self.cache:
            self.cache[key] = resolve(layers, self.rules)
        return self.cache[key]


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    from awesomelint.errors import FatalError

    try:
        return _run(args)
    except FatalError as error:
        sys.stderr.write(f"awesomelint: {error}\n")
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    from awesomelint.registry import all_rules
    from awesomelint.reporters import reporter
    from awesomelint.runner import lint_file

    rules = all_rules()
    if args.list_rules:
        _list_rules(rules)
        return EXIT_OK
    if args.explain:
        return _explain(args.explain, rules)

    settings = _SettingsForFiles(args, rules)
    settings.for_file(args.files[0] if args.files else "README.md")  # bad settings fail before any output
    results = []
    for path in args.files or ["README.md"]:
        result = lint_file(path, settings.for_file(path))
        results.append(result)
        if result.error is not None:
            sys.stderr.write(f"awesomelint: {result.error}\n")
        for note in result.notes:
            sys.stderr.write(f"awesomelint: warning: {note}\n")

    color = _use_color(args.no_color)
    if args.quiet and args.format == "text":
        from awesomelint.reporters.text import format_finding

        for result in results:
            for finding in result.findings:
                sys.stdout.write(format_finding(finding, color=color) + "\n")
    else:
        reporter(args.format)(results, sys.stdout, color=color)

    if any(result.error is not None for result in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(result.errors for result in results) else EXIT_OK
