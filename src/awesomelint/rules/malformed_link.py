"""malformed-link: a link GitHub cannot follow, or link syntax that never became a link."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterator

from awesomelint.document import Document, Link, LinkKind, Span, TextRun
from awesomelint.finding import Edit, Finding, Fix
from awesomelint.rule import RuleContext, rule

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_MISSING_COLON = re.compile(r"^(https?)//", re.IGNORECASE)
# `[LLM]([https://github.com/simonw/llm)`: a bracket or quote typed before the address.
_BURIED_URL = re.compile(r"^([\[(<{'\"`]+)(?:https?://|www\.)", re.IGNORECASE)
_HTTP_TYPO = re.compile(r"^h*t+p+s*$")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Nearly every link of a real list is a plain web address that every check below passes:
# ASCII host labels of at most 63 characters, no percent sign, space, control or '@'.
_PLAINLY_VALID = re.compile(
    r"https?://(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?"
    r"(?::[0-9]{1,4})?(?:[/?#][^\s%@\x00-\x1f\x7f]*)?",
    re.IGNORECASE,
)
_SHOWN_LIMIT = 80
_LABEL_LIMIT = 63
# Schemes GitHub strips from links because they run code; `data:` is only kept for images.
_SCRIPT_SCHEMES = frozenset({"javascript", "vbscript"})

# What follows a `]` in plain text: link syntax that mistletoe (like GitHub) did not accept.
_AFTER_BRACKET = re.compile(r"\]([ \t]+\(|\(|\[)")
# A `(...)` that can only be a link target: an absolute URL, `www.`, a relative path or a fragment.
_SPACED_TARGET = re.compile(r"\((?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:|\.{1,2}/|#[A-Za-z])[^\s()]*\)")
_URL_START = re.compile(r"\((?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)")
_LABEL = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]")
_DEFINITION = re.compile(r"^[ \t]*(?:>[ \t]*)*\[((?:[^\]\\]|\\.)+)\]:")
# Bracketed text that is not meant as a link: task boxes and citation numbers like [1] or [2, 3].
_NOT_LINK_TEXT = re.compile(r"[ xX]?|[\d\s,–-]+|\^.*", re.DOTALL)


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_LIMIT else text[: _SHOWN_LIMIT - 1] + "…"


def _character_name(character: str) -> str:
    if character == " ":
        return "a space"
    if character == "\t":
        return "a tab"
    if character in "\r\n":
        return "a line break"
    name = unicodedata.name(character, "control character")
    return f"{name.lower()} (U+{ord(character):04X})"


def _shown(written: str) -> str:
    """Source text quoted for a message, shortened, with tabs and control characters made visible."""
    visible = "".join(
        character if character.isprintable() or character == " " else f"\\u{ord(character):04x}"
        for character in written
    )
    return f"'{_shorten(visible)}'"


def _near_http(scheme: str) -> bool:
    """Whether a scheme is one slip (a dropped, doubled, swapped or wrong letter) from http(s)."""
    if _HTTP_TYPO.match(scheme):
        return True
    for wanted in ("http", "https"):
        if abs(len(scheme) - len(wanted)) > 1:
            continue
        if len(scheme) == len(wanted):
            differ = [number for number in range(len(wanted)) if scheme[number] != wanted[number]]
            swapped = (
                len(differ) == 2
                and differ[1] == differ[0] + 1
                and scheme[differ[0]] == wanted[differ[1]]
                and scheme[differ[1]] == wanted[differ[0]]
            )
            if len(differ) == 1 or swapped:
                return True
        else:
            longer, shorter = (scheme, wanted) if len(scheme) > len(wanted) else (wanted, scheme)
            if any(longer[:number] + longer[number + 1 :] == shorter for number in range(len(longer))):
                return True
    return False


def _is_local_or_web(scheme: str | None) -> bool:
    return scheme is None or scheme in ("http", "https")


def _host_problem(host: str) -> str | None:
    """Why a host name of an http(s) URL cannot resolve, or None when it is well formed."""
    if host.startswith("["):
        literal = host[1 : host.index("]")] if "]" in host else host[1:]
        try:
            ipaddress.IPv6Address(literal.split("%", 1)[0])
        except ValueError:
            return f"'{host}' is not a valid IPv6 address"
        return None
    if host.endswith("."):
        host = host[:-1]  # a fully qualified name: `example.com.` is the same host
    labels = host.split(".")
    if any(not label for label in labels):
        return "it has an empty label ('..' or a dot at an end)" if host else "it has no host"
    if all(label.isdigit() for label in labels):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return f"'{host}' is not a valid IPv4 address"
        return None
    if labels[-1].isdigit():
        return f"it ends in the number '{labels[-1]}' but is not an IP address"
    for position, label in enumerate(labels):
        for character in label:
            if character != "-" and character != "_" and not character.isalnum():
                return f"{_character_name(character)} is not allowed in a host name"
        if label.startswith("-") or label.endswith("-"):
            return f"the label '{label}' starts or ends with a hyphen"
        if "_" in label and position >= len(labels) - 2:
            # Subdomains may carry an underscore; registered domains and top-level domains cannot.
            return f"the label '{label}' contains an underscore"
        length = len(label) if label.isascii() else len(_punycode(label))
        if length > _LABEL_LIMIT:
            return f"the label '{_shorten(label)}' is {length} characters long (at most {_LABEL_LIMIT})"
    return None


def _punycode(label: str) -> str:
    return "xn--" + label.encode("punycode").decode("ascii")


def _authority_problem(destination: str, scheme: str) -> str | None:
    rest = destination[len(scheme) + 1 :]
    if not rest.startswith("//"):
        return f"'{scheme}:' must be followed by '//'"
    authority = re.split(r"[/?#\\]", rest[2:], maxsplit=1)[0]
    host_port = authority.rsplit("@", 1)[-1]
    if host_port.startswith("["):
        host, _, port = host_port.partition("]")
        host += "]"
        port = port.removeprefix(":")
    else:
        host, _, port = host_port.partition(":")
    if not host:
        return "it has no host"
    if port and (not port.isdigit() or int(port) > 65535):
        return f"'{port}' is not a port number"
    return _host_problem(host)


def _url_problem(link: Link) -> str | None:
    """What is wrong with a link's target as a URL, or None."""
    target = link.target.strip() if link.kind is LinkKind.HTML else link.target
    destination = link.destination.strip() if link.kind is LinkKind.HTML else link.destination
    if target == destination and _PLAINLY_VALID.fullmatch(destination):
        return None
    return _target_problem(target, destination, is_image=link.is_image)


def _target_problem(target: str, destination: str, *, is_image: bool) -> str | None:
    shown = _shown(target)
    for character in target:
        if ord(character) < 0x20 or ord(character) == 0x7F:
            return f"{shown} contains {_character_name(character)}"
    scheme_match = _SCHEME.match(destination)
    scheme = scheme_match.group(1).lower() if scheme_match else None
    is_url = scheme is not None or destination.startswith(("//", "www."))
    if is_url:
        # Relative paths may hold spaces (`<my notes.md>`); URLs may not.
        space = next((character for character in destination if character.isspace()), None)
        if space is not None:
            hint = " (write it as '%20')" if space == " " else ""
            return f"{shown} contains {_character_name(space)}{hint}"
    if scheme is None:
        missing = _MISSING_COLON.match(destination)
        if missing:
            return f"{shown} is missing the ':' after '{missing.group(1)}', so it is a relative path"
        buried = _BURIED_URL.match(destination)
        if buried:
            return f"{shown} starts with '{buried.group(1)}' before the address, so it is a relative path"
    elif scheme in _SCRIPT_SCHEMES:
        return f"{shown} uses the '{scheme}:' scheme, which GitHub removes from links"
    elif scheme == "data" and not is_image:
        return f"{shown} is a 'data:' URL, which GitHub only shows in images"
    elif scheme == "file":
        return f"{shown} is a 'file:' URL, which points at the author's own disk"
    elif len(scheme) == 1 and destination[2:3] in ("/", "\\"):
        return f"{shown} is a path on the author's own disk"
    elif scheme not in ("http", "https") and _near_http(scheme):
        suggestion = "https" if "s" in scheme else "http"
        return f"{shown} has the scheme '{scheme}:'; did you mean '{suggestion}:'?"
    elif scheme in ("http", "https"):
        problem = _authority_problem(destination, scheme)
        if problem is not None:
            return f"{shown} is not a valid URL: {problem}"
    if _is_local_or_web(scheme):
        bad = _BAD_PERCENT.search(destination)
        if bad is not None:
            escape = destination[bad.start() : bad.start() + 3]
            return f"{shown} has the bad percent-encoding '{escape}': '%' must be followed by two hex digits"
    return None


_OPENERS = {"(": ")", "<": ">", '"': '"', "'": "'"}


def _empty_span(document: Document, span: Span) -> Span:
    """The `()`, `<>` or `""` around an empty target, so the finding has something to point at."""
    text = document.source.text
    at = document.source.offset(span.line, span.column)
    line_start = document.source.line_starts[span.line - 1]
    for opening in range(at - 1, max(line_start, at - 3) - 1, -1):
        closer = _OPENERS.get(text[opening])
        if closer is None:
            if text[opening] in " \t":
                continue
            return span
        closing = text.find(closer, at, at + 3)
        if closing < 0 or text[opening + 1 : closing].strip():
            return span
        line, column = document.source.position(opening)
        end_line, end_column = document.source.position(closing + 1)
        return Span(line, column, end_line, end_column)
    return span


def _empty_target(document: Document, link: Link, context: RuleContext) -> Finding:
    span = _empty_span(document, link.span)
    if link.kind is LinkKind.HTML:
        if link.is_image:
            return context.finding(span, 'empty src="" in an HTML image: nothing is shown')
        return context.finding(span, 'empty href="" in an HTML link: it leads back to this page')
    if link.is_image:
        what = f"image '{link.text}'" if link.text else "image"
        return context.finding(span, f"{what} has an empty source: nothing is shown")
    what = "link around the image" if link.contains_image else "link"
    named = f"{what} '{link.text}'" if link.text else what
    return context.finding(span, f"{named} has an empty target: it leads back to this page")


def _link_findings(document: Document, context: RuleContext) -> Iterator[Finding]:
    reported: set[tuple[int, int]] = set()
    for link in document.links:
        # An image with no alt text is only decoration; a link with no text is invisible.
        if link.kind is LinkKind.INLINE and not link.is_image and not link.contains_image and not link.text:
            message = f"the link to {_shown(link.target)} has no text: readers cannot see it"
            yield context.finding(link.span, message)
        start = (link.span.line, link.span.column)
        if start in reported:
            continue  # reference links that share one definition: one finding, at the definition
        if not link.target.strip():
            reported.add(start)
            yield _empty_target(document, link, context)
            continue
        problem = _url_problem(link)
        if problem is not None:
            reported.add(start)
            yield context.finding(link.span, problem)


# -- link syntax left as text -------------------------------------------------


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    while at - backslashes - 1 >= 0 and text[at - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _bracket_pairs(line: str) -> dict[int, int]:
    """For each `]` of a line that closes a `[`, where that `[` is: one pass, so long lines stay cheap."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    position = 0
    while position < len(line):
        character = line[position]
        if character == "\\":
            position += 2
            continue
        if character == "[":
            open_at.append(position)
        elif character == "]" and open_at:
            pairs[position] = open_at.pop()
        position += 1
    return pairs


def _normalise(label: str) -> str:
    return " ".join(label.split()).casefold()


def _definitions(document: Document) -> frozenset[str]:
    labels = set()
    for number, line in enumerate(document.source.lines, start=1):
        if "]:" in line and number not in document.code_lines:
            match = _DEFINITION.match(line)
            if match:
                labels.add(_normalise(match.group(1)))
    return frozenset(labels)


class _TextChecker:
    def __init__(self, document: Document, context: RuleContext) -> None:
        self.document = document
        self.context = context
        self.text = document.source.text
        self.labels: frozenset[str] | None = None
        self.seen: set[int] = set()
        self.pairs: dict[int, dict[int, int]] = {}

    def opening(self, closing: int) -> int | None:
        """The `[` matching the `]` at an offset, on the same line."""
        line, column = self.document.source.position(closing)
        pairs = self.pairs.get(line)
        if pairs is None:
            pairs = self.pairs[line] = _bracket_pairs(self.document.source.lines[line - 1])
        opening = pairs.get(column - 1)
        return None if opening is None else closing - (column - 1) + opening

    def defined(self, label: str) -> bool:
        if self.labels is None:
            self.labels = _definitions(self.document)
        return _normalise(label) in self.labels

    def run(self, run: TextRun) -> Iterator[Finding]:
        base = self.document.source.offset(run.line, run.column)
        for match in _AFTER_BRACKET.finditer(run.text):
            closing = base + match.start()
            if self.text[closing : closing + 1] != "]" or closing in self.seen:
                continue
            self.seen.add(closing)
            opening = self.opening(closing)
            if opening is None:
                continue
            bracketed = self.text[opening + 1 : closing]
            if _NOT_LINK_TEXT.fullmatch(bracketed) or "](" in bracketed:
                continue
            if opening > 0 and self.text[opening - 1] == "!":
                opening -= 1
            after = closing + 1
            found = self.finding(opening, after, match.group(1))
            if found is not None:
                yield found

    def finding(self, opening: int, after: int, follower: str) -> Finding | None:
        text = self.text
        line_end = text.find("\n", after)
        line_end = len(text) if line_end < 0 else line_end
        if follower == "[":
            return self.undefined_label(opening, after, line_end)
        target_at = after + len(follower) - 1
        if follower != "(":
            target = _SPACED_TARGET.match(text, target_at, line_end)
            if target is None:
                return None
            return self.spaced(opening, after, target_at, target.end())
        if _URL_START.match(text, target_at, line_end) is None:
            return None
        # The target ends at the `)` that balances its `(`; a `[` first means a new link began.
        stop = text.find("[", target_at, line_end)
        stop = line_end if stop < 0 else stop
        depth, end = 0, -1
        for position in range(target_at, stop):
            character = text[position]
            if character in "()" and not _escaped(text, position):
                depth += 1 if character == "(" else -1
                if depth == 0:
                    end = position + 1
                    break
        if end < 0:
            written = text[opening:stop].rstrip()
            reason = "the '(' is never closed"
        elif any(character.isspace() for character in text[target_at:end]):
            written = text[opening:end]
            reason = "its URL contains a space (write it as '%20')"
        else:
            return None  # a well-formed target: whatever kept it from linking is not a URL problem
        return self.context.finding(
            self.span(opening, opening + len(written)), f"{_shown(written)} is not a link: {reason}"
        )

    def spaced(self, opening: int, after: int, target_at: int, end: int) -> Finding:
        written = self.text[opening:end]
        gap = self.span(after, target_at)
        fix = Fix(
            description="remove the space between ']' and '('",
            edits=(Edit(gap.line, gap.column, gap.end_line, gap.end_column, ""),),
        )
        return self.context.finding(
            self.span(opening, end),
            f"{_shown(written)} is not a link: remove the space between ']' and '('",
            fix,
        )

    def undefined_label(self, opening: int, after: int, line_end: int) -> Finding | None:
        text = self.text
        label = _LABEL.match(text, after, line_end)
        if label is None:
            return None
        start = opening + 1 if text[opening] == "[" else opening + 2
        bracketed = text[start : after - 1]
        name = label.group(1) or bracketed
        if opening > 0 and (text[opening - 1].isalnum() or text[opening - 1] == "_"):
            return None  # an index such as `a[i][j]`, not link text
        if not name.strip() or name.startswith("^") or self.defined(name):
            return None  # `[^1]` is a footnote, which GitHub resolves on its own
        written = text[opening : label.end()]
        return self.context.finding(
            self.span(opening, label.end()),
            f"{_shown(written)} is not a link: no definition '[{name}]: ...' in this file",
        )

    def span(self, start: int, end: int) -> Span:
        line, column = self.document.source.position(start)
        end_line, end_column = self.document.source.position(end)
        return Span(line, column, end_line, end_column)


def _text_findings(document: Document, context: RuleContext) -> Iterator[Finding]:
    checker = _TextChecker(document, context)
    for run in document.texts:
        if "]" in run.text:
            yield from checker.run(run)


@rule(
    name="malformed-link",
    summary="A link GitHub cannot follow (empty or malformed target, unsafe scheme, no text), "
    "or link syntax that did not become a link",
    fixable=True,
)
def check(document: Document, context: RuleContext) -> Iterator[Finding]:
    """Judged from the text alone: nothing is fetched."""
    yield from _link_findings(document, context)
    yield from _text_findings(document, context)
