"""GitHub repositories checked in batches through the GraphQL API, when a token is available.

Lists link github.com more than any other host, and one host is where politeness bites:
2,000 repository links take about 20 API requests instead of 2,000 polite page loads. The
token goes to the configured API endpoint and nowhere else: that client never follows
redirects, and no other request carries an Authorization header.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from awesomelint.linkcheck.status import LinkResult, LinkStatus

if TYPE_CHECKING:
    import httpx

DEFAULT_API = "https://api.github.com/graphql"
BATCH = 100
_REPOSITORY = re.compile(
    r"^https?://(?:www\.)?github\.com/(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/"
    r"(?P<name>[A-Za-z0-9._-]+?)(?:\.git)?/?(?:#[^/]*)?$"
)
# Paths under github.com that are not owners.
_RESERVED_OWNERS = frozenset(
    {"about", "apps", "collections", "features", "marketplace", "orgs", "pricing", "sponsors", "topics", "users"}
)


def repository_of(url: str) -> tuple[str, str] | None:
    """(owner, name) when a URL is a repository's front page on github.com."""
    match = _REPOSITORY.match(url)
    if match is None or match.group("owner").lower() in _RESERVED_OWNERS:
        return None
    return match.group("owner"), match.group("name")


def _query(batch: Sequence[tuple[str, str]]) -> str:
    parts = [
        f"r{number}: repository(owner: {json.dumps(owner)}, name: {json.dumps(name)}) {{ nameWithOwner isArchived }}"
        for number, (owner, name) in enumerate(batch)
    ]
    return "query {\n" + "\n".join(parts) + "\n}"


async def check_repositories(
    urls: Iterable[str], *, token: str, api_url: str, client: httpx.AsyncClient
) -> dict[str, LinkResult]:
    """Results for the repository URLs the API could answer; the rest are left to plain HTTP."""
    by_repository: dict[tuple[str, str], list[str]] = {}
    for url in urls:
        repository = repository_of(url)
        if repository is not None:
            by_repository.setdefault((repository[0].lower(), repository[1].lower()), []).append(url)
    repositories = list(by_repository)
    results: dict[str, LinkResult] = {}
    for start in range(0, len(repositories), BATCH):
        batch = repositories[start : start + BATCH]
        try:
            response = await client.post(
                api_url,
                json={"query": _query(batch)},
                headers={"Authorization": f"bearer {token}"},
                follow_redirects=False,
            )
        except Exception:
            return results  # the API is unreachable: plain HTTP checks take over
        if response.status_code != 200:
            return results
        payload = response.json()
        data = payload.get("data") or {}
        missing = {
            str(error["path"][0])
            for error in payload.get("errors") or ()
            if error.get("type") == "NOT_FOUND" and error.get("path")
        }
        for number, (owner, name) in enumerate(batch):
            alias = f"r{number}"
            found = data.get(alias)
            if found is None and alias not in missing:
                continue  # forbidden, or the API had trouble: plain HTTP decides
            for url in by_repository[(owner, name)]:
                if found is None:
                    results[url] = LinkResult(url, LinkStatus.BROKEN, "repository does not exist (GitHub API)", 404)
                    continue
                archived = bool(found.get("isArchived"))
                actual = str(found.get("nameWithOwner", ""))
                if actual.lower() != f"{owner}/{name}":
                    moved = f"https://github.com/{actual}"
                    results[url] = LinkResult(
                        url, LinkStatus.REDIRECTED, f"repository moved to {moved}", 301, moved, archived
                    )
                else:
                    results[url] = LinkResult(url, LinkStatus.OK, "repository exists (GitHub API)", 200, None, archived)
    return results
