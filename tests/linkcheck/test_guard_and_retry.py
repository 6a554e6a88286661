from __future__ import annotations

import asyncio
import socket
from datetime import datetime, timezone
from typing import Any

import pytest

from awesomelint.linkcheck.guard import BlockedAddressError, GuardedResolver, ip_literal, is_public
from awesomelint.linkcheck.retry import backoff_seconds, retry_after_seconds


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("224.0.0.1", False),
        ("0.0.0.0", False),
        ("::1", False),
        ("fe80::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("not an address", False),
    ],
)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(address) is public


def test_ip_literal() -> None:
    assert ip_literal("127.0.0.1") == "127.0.0.1"
    assert ip_literal("[::1]") == "::1"
    assert ip_literal("example.com") is None


class _FakeResolver:
    def __init__(self, addresses: list[str]) -> None:
        self.addresses = addresses

    async def resolve(self, host: str, port: int = 0, family: Any = socket.AF_INET) -> list[dict[str, Any]]:
        return [{"hostname": host, "host": address, "port": port, "family": family} for address in self.addresses]

    async def close(self) -> None:
        return None


def resolve_with(addresses: list[str], allow_private: bool) -> list[str]:
    resolver = GuardedResolver(allow_private, inner=_FakeResolver(addresses))  # type: ignore[arg-type]
    return [result["host"] for result in asyncio.run(resolver.resolve("example.test", 80))]


def test_resolver_refuses_names_that_resolve_to_private_addresses() -> None:
    with pytest.raises(
        BlockedAddressError, match=r"example.test resolves to a private or reserved address \(10.0.0.5\)"
    ):
        resolve_with(["10.0.0.5"], allow_private=False)


def test_resolver_keeps_only_public_addresses() -> None:
    assert resolve_with(["10.0.0.5", "93.184.216.34"], allow_private=False) == ["93.184.216.34"]


def test_resolver_allows_private_when_asked() -> None:
    assert resolve_with(["10.0.0.5"], allow_private=True) == ["10.0.0.5"]


def test_retry_after_seconds_and_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("120", now=now) == 120.0
    assert retry_after_seconds("Thu, 01 Jan 2026 12:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Thu, 01 Jan 2026 11:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon", now=now) is None
    assert retry_after_seconds(None) is None


def test_backoff_grows_and_is_capped() -> None:
    import random

    rng = random.Random(1)
    first = [backoff_seconds(0, rng=rng) for _ in range(50)]
    late = [backoff_seconds(10, rng=rng) for _ in range(50)]
    assert all(0.25 <= value <= 0.5 for value in first)
    assert all(4.0 <= value <= 8.0 for value in late)
    assert len(set(first)) > 40  # jitter
