"""One spelling per web page, so the same page is recognised (and requested) once.

Public API: `normalise_url(url)`, the canonical form of an http(s) URL or None.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_SPACE = re.compile(r"\s")
# RFC 3986 2.3: escaping these characters never changes what a URL means.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _escape(match: re.Match[str]) -> str:
    character = chr(int(match.group(1), 16))
    return character if character in _UNRESERVED else match.group(0).upper()


@lru_cache(maxsize=65536)  # several rules ask about the same links
def normalise_url(url: str) -> str | None:
    """A canonical form of an http(s) URL, or None for anything else.

    `http` and `https` become one scheme; the host is lower-cased and loses `www.` and a
    trailing dot; default ports, a trailing slash on the path, and an empty `?` or `#` are
    dropped; escapes of unreserved characters (`%7E`) are decoded and the rest upper-cased.
    Path, query and fragment otherwise keep their case and order, since servers may tell
    them apart: two URLs that normalise equal really are the same page.

    >>> normalise_url("HTTP://WWW.Example.com:80/Docs/?")
    'https://example.com/Docs'
    """
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:
        return None  # an unclosed IPv6 bracket, a port that is not a number
    if scheme not in _DEFAULT_PORTS or not host or _SPACE.search(host):
        return None
    if host.startswith("www.") and len(host) > 4:
        host = host[4:]
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    userinfo, at, _ = parts.netloc.rpartition("@")
    netloc = f"{userinfo}{at}{host}"
    path, query, fragment = parts.path.rstrip("/"), parts.query, parts.fragment
    if "%" in url:
        path, query, fragment = (_ESCAPE.sub(_escape, part) for part in (path, query, fragment))
    return urlunsplit(("https", netloc, path, query, fragment))
