"""The seed lists and the real-world corpus, linted with every offline rule at default settings.

Their links are real addresses and tests never touch the internet, so the network rules are
tested against local servers instead (tests/linkcheck/).

Each list has a `.expected` file beside it holding every finding, reviewed by hand: for the
seeds, every defect class in them must be found; for the corpus, every finding must be real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from fixture_harness import expected, lint_fixture, render

LISTS = sorted(FIXTURES.glob("*.md")) + sorted((FIXTURES / "corpus").glob("*__*.md"))


@pytest.mark.parametrize("markdown", LISTS, ids=[path.name for path in LISTS])
def test_real_list_matches_its_reviewed_findings(markdown: Path) -> None:
    assert render(lint_fixture(markdown, None, offline=True)) == expected(markdown)


def test_seeds_are_byte_for_byte_the_shared_seeds() -> None:
    shared = FIXTURES.parent.parent.parent / "shared" / "seeds"
    for seed in ("awesome-llm-papers.md", "llama-paper-list.md"):
        mine = (FIXTURES / seed).read_bytes()
        assert len(mine) > 5000
        if shared.exists():  # beside the project on developer machines and in CI
            assert mine == (shared / seed).read_bytes()
