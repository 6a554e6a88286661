"""The link checker's settings: importing them costs nothing (no HTTP library is loaded)."""

from __future__ import annotations

import re
from dataclasses import dataclass

USER_AGENT = "awesomelint/{version} (+https://github.com/awesomelint/awesomelint; link checker)"


@dataclass(frozen=True)
class CheckerSettings:
    timeout: float = 10.0
    max_concurrency: int = 64
    max_per_host: int = 8
    retries: int = 2
    max_redirects: int = 10
    retry_after_cap: float = 30.0
    deadline: float | None = None  # seconds for the whole run; URLs not done by then are skipped
    accept: frozenset[int] = frozenset()  # status codes counted as ok besides 2xx
    exclude: tuple[re.Pattern[str], ...] = ()
    include: tuple[re.Pattern[str], ...] = ()
    user_agent: str = USER_AGENT
    allow_private: bool = False


def is_excluded(settings: CheckerSettings, url: str) -> bool:
    """Whether --exclude or --include keep a URL from being checked."""
    if any(pattern.search(url) for pattern in settings.exclude):
        return True
    return bool(settings.include) and not any(pattern.search(url) for pattern in settings.include)
