"""Fixtures that state what they expect: `case.md` beside `case.expected` (and optional `case.toml`).

`case.expected` holds one finding a line, as the text report prints it without the path:
`LINE:COLUMN: severity rule-name message`. An empty file means the case must not fire.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from awesomelint.config import RawConfig, read_config_file, resolve
from awesomelint.finding import Finding
from awesomelint.registry import all_rules
from awesomelint.runner import check_document, lint_paths, parse_source, read_source
from awesomelint.source import SourceText

sys.path.insert(0, str(Path(__file__).parent))
from conftest import FIXTURE_TODAY


def render(findings: Sequence[Finding]) -> list[str]:
    return [f"{f.line}:{f.column}: {f.severity.value} {f.rule} {f.message}" for f in findings]


def lint_fixture(markdown: Path, select: Sequence[str] | None, *, offline: bool = False) -> list[Finding]:
    """Lint a fixture; network rules run against the stand-in web of tests/network_mock.py."""
    layers = [RawConfig(origin="fixture", select=tuple(select) if select is not None else None)]
    options = markdown.with_suffix(".toml")
    if options.exists():
        layers.append(read_config_file(options))
    settings = resolve(layers, all_rules())
    if offline:
        settings = replace(settings, rules=tuple(active for active in settings.rules if not active.rule.network))
    if any(active.rule.network for active in settings.rules):
        from network_mock import mock_network

        (result,) = lint_paths([str(markdown)], lambda _: settings, network=mock_network(), today=FIXTURE_TODAY).files
        return [replace(finding, path=markdown.name) for finding in result.findings]
    source, file = read_source(str(markdown))
    # Report paths relative to the fixture so expectations do not depend on where tests run.
    document = parse_source(SourceText(path=markdown.name, text=source.text, bom=source.bom), file)
    findings, _ = check_document(document, settings.rules, today=FIXTURE_TODAY)
    return findings


def expected(markdown: Path) -> list[str]:
    text = markdown.with_suffix(".expected").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def update(paths: Sequence[str]) -> None:
    """Rewrite .expected files from what awesomelint reports now: review the diff before committing."""
    for name in paths:
        markdown = Path(name)
        is_rule_case = markdown.parent.parent.name == "rules"
        select = [markdown.parent.name] if is_rule_case else None
        lines = render(lint_fixture(markdown, select, offline=not is_rule_case))
        markdown.with_suffix(".expected").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


if __name__ == "__main__":
    update(sys.argv[1:])
