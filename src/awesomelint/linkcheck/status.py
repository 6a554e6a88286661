"""The link checker's vocabulary: what became of each URL."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class LinkStatus(str, Enum):
    OK = "ok"
    REDIRECTED = "redirected"  # a permanent redirect: the list should link the new location
    BROKEN = "broken"  # 404, 410, no such host, refused, bad certificate: a person would agree
    UNKNOWN = "unknown"  # timeouts, 401/403/429/5xx after retries, bot walls: not the link's fault
    EXCLUDED = "excluded"  # by --exclude/--include, or a private address without --allow-private
    SKIPPED = "skipped"  # offline, past the deadline, or the network is unreachable


@dataclass(frozen=True, slots=True)
class LinkResult:
    url: str
    status: LinkStatus
    detail: str  # for people: "404 Not Found", "timed out after 10 s"
    code: int | None = None
    location: str | None = None  # where a permanent redirect leads
    archived: bool = False  # a GitHub repository that is archived
    from_cache: bool = False
    elapsed: float = 0.0
