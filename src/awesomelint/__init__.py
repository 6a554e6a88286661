"""awesomelint: a linter for curated Markdown lists."""

from __future__ import annotations

__version__ = "0.1.0"
