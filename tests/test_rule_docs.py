"""Each rule's doc exists, has the house headings, and its examples do what they say."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.config import RawConfig, resolve
from awesomelint.docs import SECTIONS, examples, rule_doc, sections
from awesomelint.finding import Finding
from awesomelint.registry import all_rules
from awesomelint.runner import lint_paths, lint_text
from conftest import FIXTURE_TODAY
from network_mock import mock_network

RULES = sorted(all_rules())


@pytest.mark.parametrize("name", RULES)
def test_doc_has_every_section_in_order(name: str) -> None:
    doc = rule_doc(all_rules()[name])
    assert doc is not None, f"rules/{name}.md is missing"
    assert doc.startswith(f"# {name}\n")
    assert list(sections(doc)) == list(SECTIONS)


@pytest.mark.parametrize("name", RULES)
def test_doc_example_fires_and_use_instead_does_not(name: str, tmp_path: Path) -> None:
    """Each snippet is linted as the README of an empty folder, as a list on disk would be."""
    doc = rule_doc(all_rules()[name])
    assert doc is not None
    parts = sections(doc)
    bad, good = examples(parts["Example"]), examples(parts["Use instead"])
    assert bad and good, "Example and Use instead each need a ```markdown block"
    readme = tmp_path / "README.md"
    for snippet in bad:
        readme.write_text(snippet, encoding="utf-8")
        findings = lint_snippet(name, snippet, readme)
        assert any(f.rule == name for f in findings), f"Example does not trigger {name}:\n{snippet}"
    for snippet in good:
        readme.write_text(snippet, encoding="utf-8")
        findings = lint_snippet(name, snippet, readme)
        assert findings == [], f"Use instead triggers {name}: {findings}"


def lint_snippet(name: str, snippet: str, readme: Path) -> list[Finding]:
    """Network rules' examples run against the stand-in web of tests/network_mock.py."""
    rule = all_rules()[name]
    if not rule.network:
        return lint_text(snippet, select=[name], today=FIXTURE_TODAY, file=readme)
    settings = resolve([RawConfig(origin="doc", select=(name,))], all_rules())
    run = lint_paths([str(readme)], lambda _: settings, network=mock_network(), today=FIXTURE_TODAY)
    return list(run.files[0].findings)
