from __future__ import annotations

from datetime import date
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
# Fixtures are checked as of a fixed day, so "a date in the future" means the same thing every year.
FIXTURE_TODAY = date(2026, 1, 1)
