"""What a link target is, judged from its text alone: scheme, web or email address, local path.

GitHub hands a link's target to the browser as written. A target with a scheme (`https:`,
`mailto:`) goes where it says; a target without one is a path inside the repository, so
`arxiv.org/abs/1` in a README opens `github.com/<owner>/<repo>/blob/<branch>/arxiv.org/abs/1`.
These helpers tell the two apart without touching the disk:

- `scheme_of(target)`: the RFC 3986 scheme, if any.
- `looks_like_web_address(target)`: a scheme-less target that starts with a host name.
- `looks_like_email_address(target)`: a scheme-less `name@example.com`.
- `scheme_needed(target)`: the scheme such a target is missing (`https`, `http` or `mailto`).
- `path_part(target)`: the path a target names, without query or fragment, percent-decoded.
- `local_path(target)`: that path, for targets that name a file of the repository.

Whether a name is a host or a file is a guess: many file extensions are also top-level
domains (`README.md` could be a website in Moldova). The guess leans towards files, and
rules that can look at the disk should prefer what is there.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*(?=:)")
# Letters, digits and inner hyphens: a DNS label as RFC 1123 allows it. Underscores are
# left out on purpose: they are common in file names and never in web host names.
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_PORT = re.compile(r"[0-9]{1,5}")
# `https//example.com`: a URL that lost its colon, not a folder called `https`.
_COLONLESS_HTTP = re.compile(r"https?//", re.IGNORECASE)
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9.!#$%&'*+=^_`{|}~-]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Generic top-level domains seen in curated lists. A closed list rather than "any word":
# `setup.cfg`, `index.html` and `data.json` must stay files, and new gTLDs that are file
# extensions (`.zip`, `.mov`) are left out for the same reason.
_GENERIC_TLDS = _words(
    """
    com org net edu gov mil int info biz name pro mobi asia tel travel museum coop aero jobs
    app dev page blog cloud online site website space tech store shop news wiki tools studio
    design digital network systems software solutions academy agency works world zone club
    live today media group email codes science xyz top icu fun ninja rocks guru lol land
    foundation institute school university education social community global one
    """
)
# Every delegated two-letter country code (IANA root zone, plus `uk`, `eu`, `ac`, `su`).
_COUNTRY_TLDS = _words(
    """
    ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo
    bq br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk
    dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq
    gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh
    ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn
    mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg
    ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so
    sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy
    uz va vc ve vg vi vn vu wf ws ye yt za zm zw
    """
)
_TLDS = _GENERIC_TLDS | _COUNTRY_TLDS
# Top-level domains that are also extensions of files repositories link to: Markdown,
# Python, Perl, Rust, shell, shared objects, C++, CUDA, Objective-C++, OCaml, Reason, Lisp,
# Scala, PostScript, `MANIFEST.in`, autotools, make, GN, Terraform, GDScript, Nushell,
# SystemVerilog, TableGen, Tcl/Tk, Crystal, Apps Script, Mathematica, gettext, PyTorch
# checkpoints, NetCDF data, bzip, Mobipocket and Emacs Org. A lone `name.md` is such a
# file; followed by a path (`docs.rs/serde`, `bun.sh/docs`) it is a host, since no one
# names a folder `docs.rs`. `.ai` is left out on purpose: in curated lists `name.ai` is a
# company far more often than an Illustrator file.
_FILE_EXTENSIONS = _words(
    """
    md py pl pm rs sh so cc cu mm ml re cl sc ps in am ac mk gn tf gd nu sv td tk cr gs ma
    mo pt nc bz mobi org
    """
)
_LOCALHOST = "localhost"


def scheme_of(target: str) -> str | None:
    """The RFC 3986 scheme of a target, lower-cased, or None when it has none.

    Strictly by the RFC: `localhost:8000/x` has the scheme `localhost`, as browsers read it.
    """
    match = _SCHEME.match(target)
    return match.group().lower() if match else None


def _split_authority(target: str) -> tuple[str, bool]:
    """The first path segment, and whether a `/` follows it (a query or fragment does not count)."""
    end = len(target)
    for stop in "/?#":
        at = target.find(stop)
        if 0 <= at < end:
            end = at
    return target[:end], target.startswith("/", end)


def _is_ipv4(host: str) -> bool:
    parts = host.split(".")
    return len(parts) == 4 and all(
        part.isascii() and part.isdigit() and len(part) <= 3 and int(part) <= 255 for part in parts
    )


def _is_domain(host: str) -> bool:
    """Dot-separated DNS labels ending in a known, alphabetic top-level domain."""
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return False
    return labels[-1].lower() in _TLDS


def _is_host(host: str, *, has_path: bool, has_port: bool) -> bool:
    if host.lower() == _LOCALHOST:
        # A folder could be called `localhost`; with a port it can only be the machine.
        return has_port
    if _is_ipv4(host):
        # Version folders have three parts (`1.2.3/`); four numbers up to 255 are an address.
        return True
    labels = host.lower().split(".")
    if labels[0] == "www" and len(labels) > 2 and all(_LABEL.fullmatch(label) for label in labels):
        # No file is called `www.something.ext`; and new top-level domains keep coming.
        return labels[-1].isalpha()
    if not _is_domain(host):
        return False
    if labels[-1] in _FILE_EXTENSIONS:
        # `CONTRIBUTING.md` and `install.sh` are files; with a path after them or a port
        # (`docs.rs/serde`, `bun.sh:443`) they are hosts, as no one names folders that way.
        return has_path or has_port
    return True


def _web_host(target: str) -> str | None:
    """The host a scheme-less web address starts with, or None when the target is not one."""
    if not target or target[0] in "/.#?\\":
        return None  # explicit paths, fragments and queries
    authority, has_path = _split_authority(target)
    if "@" in authority:
        return None  # user names and email addresses
    host, colon, port = authority.partition(":")
    if colon and not _PORT.fullmatch(port):
        return None  # a real scheme, such as `mailto:` or `doi:`
    return host if _is_host(host, has_path=has_path, has_port=bool(colon)) else None


def looks_like_web_address(target: str) -> bool:
    """Whether a target is a web address written without its scheme.

    True for `arxiv.org/abs/2310.12036`, `www.example.com`, `github.com/a/b`,
    `example.com`, `docs.python.org/3/`, `docs.rs/serde` and `localhost:8000/x`.
    False for relative paths (`docs/setup.md`, `README.md`, `install.sh`, `./a.com/x`,
    `../x`, `/abs/path`), fragments (`#anchor`), queries (`?q`), targets with a real scheme,
    and protocol-relative `//example.com/x`, which browsers open on the page's own scheme.

    `host:port` counts although RFC 3986 reads `localhost:` as a scheme: no one means one.
    """
    return _web_host(target) is not None


def looks_like_email_address(target: str) -> bool:
    """Whether a target is an email address without `mailto:`, like `someone@example.com`."""
    address = target.split("?", 1)[0]
    local, at, domain = address.partition("@")
    if not at or "/" in domain or "#" in domain:
        return False
    # Any known top-level domain: after an `@`, `name@example.sh` cannot be a file.
    return bool(_EMAIL_LOCAL.fullmatch(local)) and _is_domain(domain)


def scheme_needed(target: str) -> str | None:
    """The scheme a scheme-less web or email address is missing, or None if it is neither.

    `mailto` for email addresses, `http` for `localhost` and IP addresses (which rarely
    serve HTTPS), `https` for every other host.
    """
    if looks_like_email_address(target):
        return "mailto"
    host = _web_host(target)
    if host is None:
        return None
    return "http" if host.lower() == _LOCALHOST or _is_ipv4(host) else "https"


def path_part(target: str) -> str:
    """The path a target names: the text before any `?query` or `#fragment`, percent-decoded."""
    for stop in "?#":
        target = target.split(stop, 1)[0]
    return unquote(target)


def local_path(target: str) -> str | None:
    """The repository path a relative link names, or None when it names no file of the repository.

    None for empty targets, fragments (`#x`), queries (`?x`), targets with a scheme,
    protocol-relative `//host/x`, `http//` and `https//` URLs that lost their colon, and
    targets that look like web or email addresses (those are missing a scheme, not a file).
    Otherwise `path_part(target)`; a leading `/` is kept, meaning the repository root.
    """
    if not target or target.startswith(("#", "?", "//")) or scheme_of(target) is not None:
        return None
    if _COLONLESS_HTTP.match(target) or looks_like_web_address(target) or looks_like_email_address(target):
        return None
    return path_part(target) or None
