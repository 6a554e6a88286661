from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
# Fixtures are checked as of a fixed day, so "a date in the future" means the same thing every year.
FIXTURE_TODAY = date(2026, 1, 1)


@pytest.fixture(autouse=True)
def _private_cache_directory(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The link cache must never land in the real user cache directory during tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
