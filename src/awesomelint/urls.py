"""One spelling per web page, so the same page is recognised (and requested) once."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str | None:
    """A canonical form of an http(s) URL, or None for anything else.

    Scheme and host are lower-cased, `http` and `https` are one, `www.`, default ports,
    trailing slashes and empty `?` or `#` are dropped. Path and query keep their case and
    order: two URLs that normalise equal really are the same page.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if host.startswith("www."):
        host = host[4:]
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = parts.path.rstrip("/")
    return urlunsplit(("https", netloc, path, parts.query, parts.fragment))
