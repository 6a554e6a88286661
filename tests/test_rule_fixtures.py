"""Every fixture under tests/fixtures/rules/<rule>/ is linted with that rule alone and compared exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from fixture_harness import expected, lint_fixture, render

CASES = sorted((FIXTURES / "rules").glob("*/*.md"))


@pytest.mark.parametrize("markdown", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_rule_fixture(markdown: Path) -> None:
    assert render(lint_fixture(markdown, [markdown.parent.name])) == expected(markdown)


def test_every_rule_has_fixtures_that_fire_and_that_do_not() -> None:
    from awesomelint.registry import all_rules

    for name in all_rules():
        cases = list((FIXTURES / "rules" / name).glob("*.md"))
        firing = [case for case in cases if expected(case)]
        quiet = [case for case in cases if not expected(case)]
        assert firing, f"{name} has no fixture where it fires"
        assert quiet, f"{name} has no near-miss fixture where it must stay quiet"
