"""The link checker: each unique URL requested once, politely per host, with retries and a deadline.

Scheduling: a global limit on requests in flight and a smaller one per host. A page answered
with 429 or 503 (or a reset, or a timeout) is retried after its Retry-After (capped) or an
exponential back-off with jitter; it waits holding no slot, so one slow or rate-limited host
never stalls the others, and the per-host limit keeps any one host from being hammered.
"""

from __future__ import annotations

import asyncio
import errno
import random
import socket
import ssl
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from awesomelint.linkcheck.guard import BlockedAddressError, causes, ip_literal, is_public
from awesomelint.linkcheck.retry import backoff_seconds, retry_after_seconds
from awesomelint.linkcheck.settings import CheckerSettings, is_excluded
from awesomelint.linkcheck.status import LinkResult, LinkStatus

_PERMANENT_REDIRECTS = frozenset({301, 308})
_TEMPORARY_REDIRECTS = frozenset({302, 303, 307})
# Servers that mishandle HEAD answer these; the same URL is then tried with GET.
_RETRY_WITH_GET = frozenset({400, 403, 405, 406, 409, 500, 501})
_RETRYABLE = frozenset({429, 502, 503, 504})
_GONE = frozenset({404, 410})


@dataclass
class _Host:
    """Politeness state for one host."""

    semaphore: asyncio.Semaphore
    backing_off: int = 0  # requests to this host waiting out a Retry-After or a back-off


@dataclass
class CheckStats:
    requests: int = 0
    from_cache: int = 0
    host_seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))


class _Attempt:
    """What one request (with its redirects) came to; retryable says whether to try again."""

    def __init__(self, result: LinkResult, *, retry_after: float | None = None, retryable: bool = False) -> None:
        self.result = result
        self.retry_after = retry_after
        self.retryable = retryable


class LinkChecker:
    """Checks http(s) URLs; results are shared, so asking twice for one URL requests it once."""

    def __init__(
        self,
        settings: CheckerSettings,
        client: httpx.AsyncClient,
        *,
        on_result: Callable[[LinkResult], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.client = client
        self.stats = CheckStats()
        self._global = asyncio.Semaphore(settings.max_concurrency)
        self._hosts: dict[str, _Host] = {}
        self._results: dict[str, asyncio.Task[LinkResult]] = {}
        self._on_result = on_result
        self._rng = rng or random.Random()
        self._started = time.monotonic()

    # -- public ---------------------------------------------------------------

    def excluded(self, url: str) -> bool:
        return is_excluded(self.settings, url)

    def seed(self, results: Iterable[LinkResult]) -> None:
        """Results known without a request (the cache, the GitHub API)."""
        loop = asyncio.get_running_loop()
        for result in results:
            future: asyncio.Future[LinkResult] = loop.create_future()
            future.set_result(result)
            self._results[result.url] = future  # type: ignore[assignment]

    async def check(self, url: str) -> LinkResult:
        task = self._results.get(url)
        if task is None:
            task = asyncio.ensure_future(self._check(url))
            self._results[url] = task
        return await task

    async def check_all(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        unique = list(dict.fromkeys(urls))
        results = await asyncio.gather(*(self.check(url) for url in unique))
        return dict(zip(unique, results, strict=True))

    def waiting_hosts(self) -> int:
        """Hosts with a request waiting out a Retry-After or a back-off, for the progress bar."""
        return sum(1 for host in self._hosts.values() if host.backing_off)

    # -- one URL --------------------------------------------------------------

    def _remaining(self) -> float | None:
        if self.settings.deadline is None:
            return None
        return self.settings.deadline - (time.monotonic() - self._started)

    async def _check(self, url: str) -> LinkResult:
        started = time.monotonic()
        result = await self._check_with_retries(url)
        result = LinkResult(
            result.url,
            result.status,
            result.detail,
            result.code,
            result.location,
            result.archived,
            elapsed=time.monotonic() - started,
        )
        if self._on_result is not None:
            self._on_result(result)
        return result

    async def _check_with_retries(self, url: str) -> LinkResult:
        if self.excluded(url):
            return LinkResult(url, LinkStatus.EXCLUDED, "excluded by --exclude/--include")
        attempts = self.settings.retries + 1
        timeouts = 0
        attempt: _Attempt | None = None
        for number in range(attempts):
            remaining = self._remaining()
            if remaining is not None and remaining <= 0:
                return LinkResult(url, LinkStatus.SKIPPED, "not checked: the --deadline passed")
            attempt = await self._attempt(url)
            if not attempt.retryable or number == attempts - 1:
                break
            if attempt.result.detail.startswith("timed out"):
                timeouts += 1
                if timeouts > 1:
                    break  # a hanging server costs one timeout and one retry, no more
            delay = attempt.retry_after
            if delay is None:
                delay = backoff_seconds(number, rng=self._rng)
            # Only this page's retry waits, and it waits holding no slot, so the host's other
            # pages and every other host go on; the per-host limit already bounds the load.
            host = self._host(url)
            host.backing_off += 1
            try:
                await asyncio.sleep(min(delay, self.settings.retry_after_cap))
            finally:
                host.backing_off -= 1
        assert attempt is not None
        return attempt.result

    def _host(self, url: str) -> _Host:
        key = (urlsplit(url).hostname or "").lower()
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(asyncio.Semaphore(self.settings.max_per_host))
        return host

    async def _attempt(self, url: str) -> _Attempt:
        """HEAD (then GET if the server mishandles HEAD), following redirects one hop at a time."""
        first_permanent: str | None = None
        visited: list[str] = []
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if current in visited:
                chain = " -> ".join([*visited[visited.index(current) :], current])
                return _Attempt(LinkResult(url, LinkStatus.BROKEN, f"redirect loop: {chain}"))
            visited.append(current)
            blocked = self._blocked(current)
            if blocked is not None:
                return _Attempt(LinkResult(url, LinkStatus.EXCLUDED, blocked))
            outcome = await self._request(current)
            if isinstance(outcome, _Attempt):
                if outcome.result.url != url:
                    outcome.result = _replace_url(outcome.result, url)
                return outcome
            code, location, retry_after = outcome
            if location is not None and (code in _PERMANENT_REDIRECTS or code in _TEMPORARY_REDIRECTS):
                target = urljoin(current, location)
                if code in _PERMANENT_REDIRECTS and first_permanent is None and len(visited) == 1:
                    first_permanent = target
                current = target
                continue
            return self._classify(url, code, retry_after, first_permanent, current)
        return _Attempt(LinkResult(url, LinkStatus.BROKEN, f"more than {self.settings.max_redirects} redirects"))

    def _blocked(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return f"redirects to an unsupported scheme ({parts.scheme}:)"
        literal = ip_literal(parts.hostname or "")
        if literal is not None and not self.settings.allow_private and not is_public(literal):
            return f"private or reserved address {literal} (use --allow-private to check it)"
        return None

    def _classify(self, url: str, code: int, retry_after: float | None, moved_to: str | None, final: str) -> _Attempt:
        reason = _reason(code)
        if 200 <= code < 300 or code in self.settings.accept:
            if moved_to is not None:
                return _Attempt(LinkResult(url, LinkStatus.REDIRECTED, f"moved permanently to {final}", code, final))
            return _Attempt(LinkResult(url, LinkStatus.OK, reason, code))
        if code in _GONE:
            return _Attempt(LinkResult(url, LinkStatus.BROKEN, reason, code))
        if code in _RETRYABLE or code >= 500:
            return _Attempt(
                LinkResult(url, LinkStatus.UNKNOWN, f"{reason} after retries", code),
                retry_after=retry_after,
                retryable=code in _RETRYABLE or code == 500,
            )
        return _Attempt(LinkResult(url, LinkStatus.UNKNOWN, f"{reason} (the server refuses checkers)", code))

    async def _request(self, url: str) -> tuple[int, str | None, float | None] | _Attempt:
        """One HEAD, and one GET if needed, to one URL; redirects are returned, not followed."""
        host = self._host(url)
        async with host.semaphore, self._global:
            started = time.monotonic()
            try:
                response = await self._send("HEAD", url)
                if response[0] in _RETRY_WITH_GET:
                    response = await self._send("GET", url)
                return response
            except (httpx.HTTPError, OSError, asyncio.TimeoutError) as error:
                return self._transport_error(url, error)
            finally:
                hostname = urlsplit(url).hostname or ""
                self.stats.host_seconds[hostname] += time.monotonic() - started

    async def _send(self, method: str, url: str) -> tuple[int, str | None, float | None]:
        self.stats.requests += 1
        request = self.client.build_request(method, url, headers={"User-Agent": self.settings.user_agent})
        # Stream so that a GET reads no body: the connection is closed after the headers.
        response = await self.client.send(request, stream=True, follow_redirects=False)
        try:
            return (
                response.status_code,
                response.headers.get("Location"),
                retry_after_seconds(response.headers.get("Retry-After")),
            )
        finally:
            await response.aclose()

    def _transport_error(self, url: str, error: BaseException) -> _Attempt:
        """Sort a failed request by its real cause: httpx-aiohttp maps most of them to ConnectTimeout."""
        chain = causes(error)

        def found(kind: type[BaseException] | tuple[type[BaseException], ...]) -> BaseException | None:
            return next((cause for cause in chain if isinstance(cause, kind)), None)

        blocked = found(BlockedAddressError)
        if blocked is not None:
            return _Attempt(LinkResult(url, LinkStatus.EXCLUDED, f"{blocked} (use --allow-private to check it)"))
        lookup = found(socket.gaierror)
        if isinstance(lookup, socket.gaierror):
            if lookup.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
                return _Attempt(LinkResult(url, LinkStatus.BROKEN, "host name does not exist (DNS)"))
            return _Attempt(LinkResult(url, LinkStatus.UNKNOWN, f"DNS lookup failed: {lookup}"), retryable=True)
        if found(ssl.SSLCertVerificationError) or any("CERTIFICATE_VERIFY_FAILED" in str(c) for c in chain):
            return _Attempt(LinkResult(url, LinkStatus.BROKEN, "TLS certificate is not valid"))
        if found(ConnectionRefusedError) or any(getattr(c, "errno", None) == errno.ECONNREFUSED for c in chain):
            return _Attempt(LinkResult(url, LinkStatus.BROKEN, "connection refused"))
        if found(ConnectionResetError) or any("reset" in str(c).lower() for c in chain):
            return _Attempt(LinkResult(url, LinkStatus.UNKNOWN, "connection reset"), retryable=True)
        if found((TimeoutError, asyncio.TimeoutError, httpx.ReadTimeout)):
            return _Attempt(
                LinkResult(url, LinkStatus.UNKNOWN, f"timed out after {self.settings.timeout:g} s"),
                retryable=True,
            )
        innermost = chain[-1]
        detail = str(innermost) or type(innermost).__name__
        return _Attempt(LinkResult(url, LinkStatus.UNKNOWN, f"connection failed: {detail}"), retryable=True)


def _replace_url(result: LinkResult, url: str) -> LinkResult:
    return LinkResult(url, result.status, result.detail, result.code, result.location, result.archived)


def _reason(code: int) -> str:
    try:
        from http import HTTPStatus

        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)
