"""Generated lists: parsing never fails, and every link's span is exactly where its target is written."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesomelint.document import LinkKind
from awesomelint.runner import parse_source
from awesomelint.source import decode

words = st.text(alphabet="abcdefgh XYZ.-_*`\\|[]()<>!#:/é😀\t", min_size=0, max_size=12)
urls = st.sampled_from(
    [
        "https://arxiv.org/abs/2205.05638",
        "https://a.example/x_(y)",
        "arxiv.org/abs/2310.12036",
        "#section",
        "docs/file.md",
        "",
        "https://a.example/q?x=1&y=2",
        "http://www.example.com/\\_escaped",
    ]
)


@st.composite
def inline(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 6))
    text, url = draw(words), draw(urls)
    return [
        f"[{text}]({url})",
        f"![{text}]({url})",
        f"<{url}>" if url.startswith("http") else url,
        f"`{text}`",
        f"**{text}**",
        f'<a href="{url}">{text}</a>',
        f"{text} {url} {text}",
    ][kind]


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    spans = " ".join(draw(st.lists(inline(), min_size=1, max_size=4)))
    if kind == 0:
        return f"- {spans}"
    if kind == 1:
        return f"  - {spans}"
    if kind == 2:
        return f"| {spans} | {draw(words)} |"
    if kind == 3:
        return f"## {draw(words)}"
    if kind == 4:
        return f"> {spans}"
    return spans


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(block(), min_size=1, max_size=12))
    if draw(st.booleans()):
        lines.insert(0, "| A | B |\n|---|---|")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + newline


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_links_are_found_where_they_are_written(text: str) -> None:
    document = parse_source(decode(text.encode(), "gen.md"), None)
    lines = document.source.lines
    for link in document.links:
        span = link.span
        assert 1 <= span.line <= span.end_line <= len(lines)
        assert 1 <= span.column <= len(lines[span.line - 1]) + 1
        if link.kind is not LinkKind.REFERENCE and span.line == span.end_line:
            written = lines[span.line - 1][span.column - 1 : span.end_column - 1]
            assert written == link.target
    for entry in document.entries:
        assert 1 <= entry.line <= entry.end_line <= len(lines)
        for cell in entry.cells:
            assert lines[cell.span.line - 1][cell.span.column - 1 : cell.span.end_column - 1] == cell.text
