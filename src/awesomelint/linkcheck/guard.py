"""Keeping requests away from private networks, so a pull request cannot make CI probe them.

Host names are checked where they are resolved (every hop of a redirect goes through the
resolver), and IP literals before any request, because aiohttp does not resolve those.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver


class BlockedAddressError(OSError):
    """A host that resolves only to loopback, private, link-local, multicast or reserved addresses."""


def is_public(address: str) -> bool:
    """Whether an IP address is globally routable (IPv4-mapped IPv6 judged as its IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def ip_literal(host: str) -> str | None:
    """The address if a URL's host is an IP literal (`127.0.0.1`, `[::1]`), else None."""
    candidate = host.strip("[]")
    try:
        ipaddress.ip_address(candidate.split("%", 1)[0])
    except ValueError:
        return None
    return candidate


class GuardedResolver(AbstractResolver):
    """Resolves like aiohttp's default, then drops every address that is not public."""

    def __init__(self, allow_private: bool = False, inner: AbstractResolver | None = None) -> None:
        self._resolver = inner
        self._allow_private = allow_private

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        if self._resolver is None:
            self._resolver = ThreadedResolver()  # needs the running loop, so made here
        results = await self._resolver.resolve(host, port, family)
        if self._allow_private:
            return results
        public = [result for result in results if is_public(result["host"])]
        if not public:
            addresses = ", ".join(sorted({result["host"] for result in results}))
            raise BlockedAddressError(f"{host} resolves to a private or reserved address ({addresses})")
        return public

    async def close(self) -> None:
        if self._resolver is not None:
            await self._resolver.close()


def causes(error: BaseException) -> list[BaseException]:
    """The exception and everything behind it, through httpx's and aiohttp's wrappers."""
    chain: list[BaseException] = []
    current: Any = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = getattr(current, "os_error", None) or current.__cause__ or current.__context__
    return chain
