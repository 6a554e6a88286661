"""What a link target is, judged from its text alone: scheme, web address, relative path."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")

# Top-level domains common in curated lists. Two-letter country codes are added below.
_GENERIC_TLDS = frozenset(
    """com org net edu gov mil int io ai dev app co me info biz xyz tech site online cloud page
    blog news wiki pro name mobi tv fm ly gg sh so to ws cc vc la im is it us uk de fr jp cn kr in
    ru ca au nl eu ch se es br mx pl cz at be dk fi no nz sg hk tw ie il pt gr tr ua id th vn my
    ph za ar cl pe ro hu bg hr rs si sk lt lv ee by kz ir pk bd lk np eg ng ke ma tn qa ae sa
    academy agency art studio design digital network systems software solutions tools guide
    space works world zone club live today group media network codes science tech email""".split()
)
# Country codes that are also everyday file extensions: `README.md` is a file, not Moldova.
_FILE_EXTENSIONS = frozenset(
    """md py sh pl rs so ps cc in ai js ts go rb cs kt sc hs ml mk am as ac ad al bz cr do er et
    gl gs lu mm mp mu mw nu pm pr re sb sr st sv tc td tk tm tt uz vu wf yt""".split()
)


def scheme_of(target: str) -> str | None:
    """The RFC 3986 scheme of a target, lower-cased, or None when it has none."""
    match = _SCHEME.match(target)
    return match.group(1).lower() if match else None


def _is_host(candidate: str, *, has_path: bool) -> bool:
    host = candidate.rsplit("@", 1)[-1]
    host, _, port = host.partition(":")
    if port and not port.isdigit():
        return False
    labels = host.lower().split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels):
        return False
    tld = labels[-1]
    if labels[0] == "www":
        return True
    if tld in _FILE_EXTENSIONS:
        # `notes.md/x` is nonsense as a path; `github.io`-style hosts with a path are rarer than files.
        return has_path and len(labels) > 2
    if len(tld) == 2:
        return tld.isalpha()
    return tld in _GENERIC_TLDS


def looks_like_web_address(target: str) -> bool:
    """Whether a scheme-less target starts with a host name, like `arxiv.org/abs/1` or `www.x.com`.

    Relative paths (`docs/setup.md`, `README.md`, `./a.com`, `../x`, `/abs`), fragments and
    queries are not web addresses, and neither is anything with a scheme.
    """
    if not target or scheme_of(target) is not None or target[0] in "/.#?":
        return False
    head = re.split(r"[/?#]", target, maxsplit=1)[0]
    return _is_host(head, has_path=len(head) < len(target))
