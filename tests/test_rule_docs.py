"""Each rule's doc exists, has the house headings, and its examples do what they say."""

from __future__ import annotations

import pytest

from awesomelint.docs import SECTIONS, examples, rule_doc, sections
from awesomelint.registry import all_rules
from awesomelint.runner import lint_text
from conftest import FIXTURE_TODAY

RULES = sorted(all_rules())


@pytest.mark.parametrize("name", RULES)
def test_doc_has_every_section_in_order(name: str) -> None:
    doc = rule_doc(all_rules()[name])
    assert doc is not None, f"rules/{name}.md is missing"
    assert doc.startswith(f"# {name}\n")
    assert list(sections(doc)) == list(SECTIONS)


@pytest.mark.parametrize("name", RULES)
def test_doc_example_fires_and_use_instead_does_not(name: str) -> None:
    doc = rule_doc(all_rules()[name])
    assert doc is not None
    parts = sections(doc)
    bad, good = examples(parts["Example"]), examples(parts["Use instead"])
    assert bad and good, "Example and Use instead each need a ```markdown block"
    for snippet in bad:
        findings = lint_text(snippet, select=[name], today=FIXTURE_TODAY)
        assert any(f.rule == name for f in findings), f"Example does not trigger {name}:\n{snippet}"
    for snippet in good:
        findings = lint_text(snippet, select=[name], today=FIXTURE_TODAY)
        assert findings == [], f"Use instead triggers {name}: {findings}"
