"""What network rules share in one run: the checker, the cache, the GitHub API and the tallies.

Every URL is keyed without its fragment (fragments are never sent) and with its scheme and
host lower-cased, so each page is requested once however many entries and files link it.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from awesomelint.linkcheck.arxiv_api import (
    BATCH_SIZE,
    DEFAULT_ARXIV_API,
    REQUEST_INTERVAL,
    ArxivApi,
    ArxivApiError,
    ArxivPaper,
)
from awesomelint.linkcheck.cache import LinkCache
from awesomelint.linkcheck.github import DEFAULT_API, repository_of
from awesomelint.linkcheck.progress import Progress
from awesomelint.linkcheck.settings import CheckerSettings, is_excluded
from awesomelint.linkcheck.status import LinkResult, LinkStatus

if TYPE_CHECKING:
    import httpx

    from awesomelint.linkcheck.checker import LinkChecker

_NETWORK_FAILURES = ("host name does not exist", "DNS lookup failed", "connection failed", "connection refused")


@lru_cache(maxsize=65536)
def request_key(url: str) -> str | None:
    """The URL as it is requested: no fragment, lower-case scheme and host; None if not http(s)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


@dataclass(frozen=True)
class NetworkOptions:
    checker: CheckerSettings = field(default_factory=CheckerSettings)
    cache_path: Path | None = None  # None: no cache
    github_token: str | None = None
    github_api: str = DEFAULT_API
    arxiv_api: str = DEFAULT_ARXIV_API
    arxiv_batch_size: int = BATCH_SIZE
    arxiv_interval: float = REQUEST_INTERVAL  # smaller only in tests against a local server
    progress: bool = False
    ssl_context: ssl.SSLContext | None = None
    # Another transport for every request, API included: for embedding and unit-level tests.
    transport: httpx.AsyncBaseTransport | None = None


class NetworkServices:
    """Opened once per run (`async with NetworkServices(options) as network:`)."""

    def __init__(self, options: NetworkOptions) -> None:
        self.options = options
        self.progress = Progress(enabled=options.progress)
        # The HTTP stack (httpx, aiohttp: a third of a second to import) is loaded only when
        # something must be requested: a run served from the cache never pays for it.
        self._client: httpx.AsyncClient | None = None
        self._checker: LinkChecker | None = None
        self.cache = LinkCache(options.cache_path) if options.cache_path is not None else None
        self._futures: dict[str, asyncio.Future[LinkResult]] = {}
        self._fresh: list[LinkResult] = []
        self.tally: Counter[str] = Counter()
        self.from_cache = 0
        self.api_results = 0
        self._papers: dict[str, asyncio.Future[ArxivPaper | None]] = {}
        self._fresh_papers: list[ArxivPaper] = []
        self._arxiv: ArxivApi | None = None
        self.arxiv_error: str | None = None  # why papers could not be looked up, if they could not

    async def __aenter__(self) -> NetworkServices:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.progress.stop()
        if self.cache is not None:
            self.cache.put_many(self._fresh)
            self.cache.put_papers(self._fresh_papers)
            self.cache.close()
        if self._client is not None:
            await self._client.aclose()

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            import httpx

            from awesomelint.linkcheck.client import make_client

            options = self.options
            self._client = (
                httpx.AsyncClient(transport=options.transport, timeout=options.checker.timeout)
                if options.transport is not None
                else make_client(options.checker, ssl_context=options.ssl_context)
            )
        return self._client

    @property
    def checker(self) -> LinkChecker:
        if self._checker is None:
            from awesomelint.linkcheck.checker import LinkChecker

            self._checker = LinkChecker(self.options.checker, self._http(), on_result=self._on_result)
        return self._checker

    def _on_result(self, result: LinkResult) -> None:
        self.progress.advance(self.checker.waiting_hosts())

    @property
    def network_down(self) -> bool:
        """Nothing answered at all and something failed to connect: the machine is offline."""
        answered = any(
            future.done() and (future.result().code is not None or future.result().from_cache)
            for future in self._futures.values()
        )
        failed = any(
            future.done() and future.result().detail.startswith(_NETWORK_FAILURES) for future in self._futures.values()
        )
        return failed and not answered

    async def check_urls(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        """Results for http(s) URLs (others are left out), each page requested at most once per run."""
        keys: dict[str, str] = {}
        for url in urls:
            key = request_key(url)
            if key is not None:
                keys[url] = key
        new = [key for key in dict.fromkeys(keys.values()) if key not in self._futures]
        loop = asyncio.get_running_loop()
        for key in new:
            self._futures[key] = loop.create_future()
        if new:
            self.progress.add(len(new))
            await self._resolve(new)
        results = await asyncio.gather(*(self._futures[key] for key in keys.values()))
        by_key = dict(zip(keys.values(), results, strict=True))
        return {url: by_key[key] for url, key in keys.items()}

    def _settle(self, result: LinkResult) -> None:
        future = self._futures[result.url]
        if not future.done():
            future.set_result(result)
            self.tally[result.status.value] += 1

    async def _resolve(self, keys: list[str]) -> None:
        """Cache first, then the GitHub API for repositories, then HTTP for whatever is left."""
        remaining = keys
        if self.cache is not None:
            cached = self.cache.get_many(remaining)
            for result in cached.values():
                self.from_cache += 1
                self._settle(result)
                self.progress.advance(0)
            remaining = [key for key in remaining if key not in cached]
        token = self.options.github_token
        repositories = [
            key for key in remaining if repository_of(key) is not None and not is_excluded(self.options.checker, key)
        ]
        if token and repositories:
            import httpx

            from awesomelint.linkcheck.github import check_repositories

            async with httpx.AsyncClient(
                transport=self.options.transport, timeout=self.options.checker.timeout, follow_redirects=False
            ) as api:
                answered = await check_repositories(
                    repositories, token=token, api_url=self.options.github_api, client=api
                )
            for result in answered.values():
                self.api_results += 1
                self._fresh.append(result)
                self._settle(result)
                self.progress.advance(0)
            remaining = [key for key in remaining if key not in answered]

        async def one(key: str) -> None:
            result = await self.checker.check(key)
            self._fresh.append(result)
            self._settle(result)

        if remaining:
            await asyncio.gather(*(one(key) for key in remaining))

    @property
    def arxiv_requests(self) -> int:
        return self._arxiv.requests if self._arxiv is not None else 0

    async def arxiv_papers(self, identifiers: Iterable[str]) -> dict[str, ArxivPaper]:
        """arXiv's record of each paper (title None: no such paper); left out when the API failed.

        Each identifier is looked up once per run, from the cache when it is fresh there.
        """
        wanted = list(dict.fromkeys(identifiers))
        new = [identifier for identifier in wanted if identifier not in self._papers]
        loop = asyncio.get_running_loop()
        for identifier in new:
            self._papers[identifier] = loop.create_future()
        if new:
            await self._look_up_papers(new)
        results = await asyncio.gather(*(self._papers[identifier] for identifier in wanted))
        return {identifier: paper for identifier, paper in zip(wanted, results, strict=True) if paper is not None}

    async def _look_up_papers(self, identifiers: list[str]) -> None:
        found: dict[str, ArxivPaper] = self.cache.get_papers(identifiers) if self.cache is not None else {}
        remaining = [identifier for identifier in identifiers if identifier not in found]
        if remaining:
            if self._arxiv is None:
                options = self.options
                self._arxiv = ArxivApi(
                    self._http(),
                    api_url=options.arxiv_api,
                    batch_size=options.arxiv_batch_size,
                    interval=options.arxiv_interval,
                    retries=options.checker.retries,
                    retry_after_cap=options.checker.retry_after_cap,
                    allow_private=options.checker.allow_private,
                )
            try:
                answered = await self._arxiv.papers(remaining)
            except ArxivApiError as error:
                self.arxiv_error = str(error)
                answered = {}
            self._fresh_papers.extend(answered.values())
            found.update(answered)
        for identifier in identifiers:
            self._papers[identifier].set_result(found.get(identifier))

    def summary(self) -> str:
        """One line for the end of the run: counts per status, cache hits, the slowest hosts."""
        total = sum(self.tally.values())
        parts = [f"{self.tally.get(status.value, 0)} {status.value}" for status in LinkStatus]
        requests = self._checker.stats.requests if self._checker is not None else 0
        line = (
            f"links: {total} unique URLs, {requests} requests, "
            f"{self.from_cache} from cache, {self.api_results} from the GitHub API; " + ", ".join(parts)
        )
        seconds = self._checker.stats.host_seconds if self._checker is not None else {}
        slowest = sorted(seconds.items(), key=lambda item: -item[1])[:3]
        if slowest:
            line += "; slowest hosts: " + ", ".join(f"{host} {seconds:.1f} s" for host, seconds in slowest)
        if self._papers:
            cached = len(self._papers) - len(self._fresh_papers)
            line += f"; arXiv: {len(self._papers)} papers, {self.arxiv_requests} API requests, {cached} from cache"
        if self.arxiv_error:
            line += f" ({self.arxiv_error})"
        return line
