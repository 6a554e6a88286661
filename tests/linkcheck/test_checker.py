"""The link checker against real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import Iterator

import pytest
import trustme

from awesomelint.linkcheck.checker import LinkChecker
from awesomelint.linkcheck.client import make_client
from awesomelint.linkcheck.settings import CheckerSettings
from awesomelint.linkcheck.status import LinkResult, LinkStatus

from .server import LocalServer, running


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with running() as local:
        yield local


def check(urls: list[str], **overrides: object) -> tuple[dict[str, LinkResult], LinkChecker]:
    settings = CheckerSettings(**{"timeout": 1.0, "allow_private": True, **overrides})  # type: ignore[arg-type]

    async def run() -> tuple[dict[str, LinkResult], LinkChecker]:
        async with make_client(settings) as client:
            checker = LinkChecker(settings, client)
            return await checker.check_all(urls), checker

    return asyncio.run(run())


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/ok", LinkStatus.OK, 200),
        ("/missing", LinkStatus.BROKEN, 404),
        ("/gone", LinkStatus.BROKEN, 410),
        ("/forbidden", LinkStatus.UNKNOWN, 403),
        ("/always503", LinkStatus.UNKNOWN, 503),
        ("/temporary", LinkStatus.OK, 200),
    ],
)
def test_status_vocabulary(server: LocalServer, path: str, status: LinkStatus, code: int) -> None:
    results, _ = check([server.url(path)], retries=0)
    result = results[server.url(path)]
    assert (result.status, result.code) == (status, code)


def test_head_then_get_when_head_is_rejected(server: LocalServer) -> None:
    url = server.url("/head405/a")
    results, _ = check([url])
    assert results[url].status is LinkStatus.OK
    assert server.requests[("HEAD", "/head405/a")] == 1
    assert server.requests[("GET", "/head405/a")] == 1


def test_permanent_redirect_chain_reports_the_new_location(server: LocalServer) -> None:
    url = server.url("/chain/x")
    results, _ = check([url])
    assert results[url].status is LinkStatus.REDIRECTED
    assert results[url].location == server.url("/ok-after-move")


def test_redirect_loop_is_broken_and_named(server: LocalServer) -> None:
    url = server.url("/loop-a")
    results, _ = check([url])
    assert results[url].status is LinkStatus.BROKEN
    assert results[url].detail.startswith("redirect loop: ")
    assert "/loop-b" in results[url].detail


def test_retry_after_is_honoured_then_ok(server: LocalServer) -> None:
    url = server.url("/ratelimited/retry-after")
    started = time.monotonic()
    results, _ = check([url])
    assert results[url].status is LinkStatus.OK
    assert server.count("/ratelimited/retry-after") == 2
    assert time.monotonic() - started >= 1.0


def test_503_then_ok_is_retried_not_broken(server: LocalServer) -> None:
    url = server.url("/flaky/once")
    results, _ = check([url])
    assert results[url].status is LinkStatus.OK
    assert server.count("/flaky/once") == 2


def test_hanging_server_costs_one_timeout_and_one_retry(server: LocalServer) -> None:
    url = server.url("/hang/1")
    started = time.monotonic()
    results, _ = check([url], timeout=0.5, retries=5)
    elapsed = time.monotonic() - started
    assert results[url].status is LinkStatus.UNKNOWN
    assert results[url].detail == "timed out after 0.5 s"
    assert server.count("/hang/1") == 2
    assert elapsed < 0.5 * 2 + 8.0 + 1.0  # two timeouts and at most one capped back-off


def test_connection_reset_is_unknown(server: LocalServer) -> None:
    url = server.url("/reset/1")
    results, _ = check([url], retries=1)
    assert results[url].status is LinkStatus.UNKNOWN


def test_huge_body_is_not_downloaded(server: LocalServer) -> None:
    url = server.url("/huge-get-only")
    started = time.monotonic()
    results, _ = check([url])
    assert results[url].status is LinkStatus.OK
    assert server.body_bytes_sent < 64 * 1024 * 1024  # of the 1 GiB the server would send
    assert time.monotonic() - started < 5


def test_unresolvable_host_is_broken() -> None:
    results, _ = check(["http://no-such-host.invalid/page"])
    assert results["http://no-such-host.invalid/page"].status is LinkStatus.BROKEN
    assert results["http://no-such-host.invalid/page"].detail == "host name does not exist (DNS)"


def test_refused_connection_is_broken() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    results, _ = check([url])
    assert results[url].status is LinkStatus.BROKEN
    assert results[url].detail == "connection refused"


def test_each_url_is_requested_once_however_often_it_is_asked(server: LocalServer) -> None:
    url = server.url("/ok/dedupe")
    results, _ = check([url] * 20)
    assert results[url].status is LinkStatus.OK
    assert server.count("/ok/dedupe") == 1


def test_private_addresses_are_refused_by_default(server: LocalServer) -> None:
    urls = [server.url("/ok/private"), f"http://localhost:{server.port}/ok/private-name", "http://[::1]:1/"]
    results, _ = check(urls, allow_private=False)
    assert {result.status for result in results.values()} == {LinkStatus.EXCLUDED}
    assert "use --allow-private" in results[urls[1]].detail
    assert server.count("/ok/private") == 0 and server.count("/ok/private-name") == 0


def test_exclude_and_include_patterns(server: LocalServer) -> None:
    import re

    kept, skipped = server.url("/ok/kept"), server.url("/ok/skipped")
    results, _ = check([kept, skipped], exclude=(re.compile("skipped"),))
    assert results[skipped].status is LinkStatus.EXCLUDED
    assert results[kept].status is LinkStatus.OK
    assert server.count("/ok/skipped") == 0


def test_accepted_codes_count_as_ok(server: LocalServer) -> None:
    url = server.url("/forbidden/accepted")
    results, _ = check([url], accept=frozenset({403}))
    assert results[url].status is LinkStatus.OK


def test_deadline_skips_what_is_left(server: LocalServer) -> None:
    urls = [server.url(f"/hang/deadline-{n}") for n in range(3)]
    started = time.monotonic()
    results, _ = check(urls, timeout=0.5, deadline=0.3, retries=3)
    assert time.monotonic() - started < 3
    assert all(result.status in (LinkStatus.SKIPPED, LinkStatus.UNKNOWN) for result in results.values())


def test_untrusted_certificate_is_broken_and_trusted_one_ok() -> None:
    authority = trustme.CA()
    certificate = authority.issue_cert("127.0.0.1", "localhost")
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate.configure_cert(server_context)
    with running(server_context) as tls:
        url = tls.url("/ok")
        results, _ = check([url])
        assert results[url].status is LinkStatus.BROKEN
        assert results[url].detail == "TLS certificate is not valid"

        trusting = ssl.create_default_context()
        authority.configure_trust(trusting)
        settings = CheckerSettings(timeout=1.0, allow_private=True)

        async def run() -> LinkResult:
            async with make_client(settings, ssl_context=trusting) as client:
                return await LinkChecker(settings, client).check(url)

        assert asyncio.run(run()).status is LinkStatus.OK


def test_slow_host_does_not_stall_the_others(server: LocalServer) -> None:
    with running() as other:
        slow = [server.url("/ratelimited/stall")]
        fast = [other.url(f"/ok/fast-{n}") for n in range(20)]
        started = time.monotonic()
        finished: dict[str, float] = {}

        settings = CheckerSettings(timeout=2.0, allow_private=True)

        async def run() -> None:
            async with make_client(settings) as client:
                checker = LinkChecker(
                    settings, client, on_result=lambda r: finished.setdefault(r.url, time.monotonic() - started)
                )
                await checker.check_all(slow + fast)

        # Both servers are 127.0.0.1: the per-host hold is by host name, so use localhost for one.
        fast = [url.replace("127.0.0.1", "localhost") for url in fast]
        asyncio.run(run())
        assert max(finished[url] for url in fast) < 0.9  # while /ratelimited waits its Retry-After: 1
        assert finished[slow[0]] >= 1.0
