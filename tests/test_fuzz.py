"""Generated Markdown lists, as broken as real ones get: the linter never fails on them.

Lists are composed of tables with ragged rows and escaped pipes, nested bullets, links with
odd targets and brackets, HTML, code spans, emphasis across lines, CRLF and lone CR, tabs,
a byte order mark, characters from every Unicode plane, lone combining marks, NULs and
control characters. tests/test_fix.py checks fixes on well-formed paper lists; here every
rule runs on hostile ones.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from awesomelint.autofix import MAX_PASSES
from awesomelint.cli import main
from awesomelint.document import linear_inline
from awesomelint.document.fast_import import import_mistletoe
from awesomelint.finding import Finding
from awesomelint.fixing import fixed_text
from awesomelint.runner import lint_text
from awesomelint.source import UTF8_BOM, SourceText
from conftest import FIXTURE_TODAY
from preservation import only_spans_changed

ODD_CHARACTERS = [
    "\x00",  # NUL, which CommonMark turns into U+FFFD
    "\x01",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\u0301",  # a combining mark, alone
    "\u200b",
    "\u2028",  # a line separator that is no line break in Markdown
    "\ufeff",  # a byte order mark in the middle of the text
    "\ufffd",
    "\u202e",  # right-to-left override
    "é",
    "ß",
    "ǅ",
    "\U0001f600",
    "\U00010348",  # plane 1
    "\U00020000",  # plane 2
    "\U000e0001",  # plane 14
    "\U0010fffd",  # plane 16, private use
]
anything = st.characters(exclude_categories=("Cs",))  # every plane; lone surrogates cannot be in a file
words = st.text(
    alphabet=st.one_of(st.sampled_from(list("abcXYZ019 .,:;-_*`\\|[]()<>!#&/\t'\"~")), st.sampled_from(ODD_CHARACTERS)),
    max_size=12,
)
targets = st.one_of(
    st.sampled_from(
        [
            "https://arxiv.org/abs/2106.09685",
            "arxiv.org/abs/2205.05638",
            "www.example.com/tools",
            "http://[::1]:8080/x",
            "https://a.example/x_(y)",
            "https://a.example/q?x=1&amp;y=2",
            "https://exa mple.com",
            "htps://example.com",
            "javascript:alert(1)",
            "mailto:someone@example.com",
            "someone@example.com",
            "#section",
            "#Section-Two",
            "./docs/file.md",
            "../missing.md",
            "<https://a.example/angle brackets>",
            "https://a.example/\\_escaped",
            "https://a.example/%zz",
            "https://例え.テスト/パス",
            "file:///etc/passwd",
            "https://doi.org/10.1000/xyz123",
            "",
            " ",
            "(",
            ")",
            "https://a.example/(((",
            'https://a.example "a title"',
            "https://arxiv.org/pdf/2106.09685.pdf",
            "www.example.org",
            "example.com/a_(b)",
        ]
    ),
    words,
    st.sampled_from(["www.example.com", "arxiv.org/abs/2310.12036", "https://arxiv.org/abs/2305.14314"]),
)
# Dates in the spellings lists mix, for inconsistent-date-format and its fix.
dates = st.sampled_from(["Oct. 2021", "Oct.2021", "Oct 2021", "October 2021", "2021-10", "2021/10/05", "10/2021"])


@st.composite
def inline(draw: st.DrawFn) -> str:
    text, target, other = draw(words), draw(targets), draw(words)
    return draw(
        st.sampled_from(
            [
                f"[{text}]({target})",
                f"![{text}]({target})",
                f"[![{text}]({target})]({target})",
                f"[{text}] ({target})",
                f"[{text}][{other}]",
                f"[{text}]",
                f"<{target}>",
                target,
                f"`{text}`",
                f"``{text}`",
                f"**{text}**",
                f"*{text}",
                f"_{text}_",
                f"~~{text}~~",
                f'<a href="{target}">{text}</a>',
                f"<img src='{target}'>",
                f"<!-- {text} -->",
                "<!--",
                f"&amp;{text}&eacute;&#x1F600;",
                f"{text} {draw(dates)}",
                f"{text} 2023-10-05 arXiv:2106.09685",
                "CafÃ© â€” naÃ¯ve",  # mojibake
                text,
            ]
        )
    )


def line_of_inlines(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(inline(), min_size=1, max_size=4)))


@st.composite
def block(draw: st.DrawFn) -> list[str]:
    """One block, as its lines."""
    kind = draw(st.integers(0, 10))
    if kind == 0:  # nested bullets, with spaces or tabs
        indent = draw(st.sampled_from(["", "  ", "    ", "\t", " \t", "      "]))
        marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)", "- [ ]"]))
        return [f"{indent}{marker} {line_of_inlines(draw)}"]
    if kind == 1:  # a table with ragged rows and escaped pipes
        columns = draw(st.integers(1, 4))
        rows = [
            "| " + " | ".join(draw(words).replace("|", "\\|") or "x" for _ in range(draw(st.integers(0, 5)))) + " |"
            for _ in range(draw(st.integers(0, 4)))
        ]
        header = "| " + " | ".join(["Paper", "Date", "Code", "Notes"][:columns]) + " |"
        return [header, "|" + "---|" * columns, *rows, f"| {inline_text(draw)} |"]
    if kind == 2:  # emphasis and links across lines
        return [f"*{draw(words)}", f"{draw(words)}* [a", f"b]({draw(targets)})"]
    if kind == 3:
        return [f"{'#' * draw(st.integers(1, 7))} {draw(words)}"]
    if kind == 4:
        return [f"{'> ' * draw(st.integers(1, 3))}{line_of_inlines(draw)}"]
    if kind == 5:
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        return [
            fence + draw(st.sampled_from(["", "markdown"])),
            line_of_inlines(draw),
            draw(st.sampled_from([fence, ""])),
        ]
    if kind == 6:
        return [f"[{draw(words)}]: {draw(targets)}"]
    if kind == 7:
        return ["<details>", f"<summary>{draw(words)}</summary>", line_of_inlines(draw), "</details>"]
    if kind == 8:
        return [draw(st.text(anything, max_size=8)) + line_of_inlines(draw)]
    if kind == 9:  # a paper table, which the paper rules and their fixes read
        rows = [
            f"| [{draw(words)}]({draw(targets)}) | {draw(dates)} | {draw(inline())} |"
            for _ in range(draw(st.integers(1, 5)))
        ]
        return ["| Paper | Published date | Code |", "|---|---|---|", *rows]
    return [""]


def inline_text(draw: st.DrawFn) -> str:
    return draw(inline()).replace("|", "\\|")


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = [line for part in draw(st.lists(block(), min_size=1, max_size=8)) for line in part]
    endings = st.sampled_from(["\n", "\n", "\r\n", "\r"])
    text = "".join(line + draw(endings) for line in lines[:-1]) + lines[-1]
    return text + draw(st.sampled_from(["", "\n", "\r\n"]))


def _source_text(text: str, finding: Finding) -> str:
    source = SourceText("README.md", text)
    return text[source.offset(finding.line, finding.column) : source.offset(finding.end_line, finding.end_column)]


def _visible(text: str) -> str:
    """How malformed-link quotes source text: control characters as escapes."""
    return "".join(
        character if character.isprintable() or character == " " else f"\\u{ord(character):04x}" for character in text
    )


def _quotes(message: str, written: str) -> bool:
    """Whether a message, from its first quote, quotes `written` (or its first characters and `…`)."""
    quoted = message[message.index("'") :] if "'" in message else ""
    for candidate in (written, written.strip()):
        visible = _visible(candidate)
        if quoted.startswith(f"'{visible}'"):
            return True
        cut = quoted.find("…'")
        if cut > 1 and len(visible) >= cut and visible.startswith(quoted[1:cut]):
            return True
    return False


def _check_finding(text: str, finding: Finding) -> None:
    lines = SourceText("README.md", text).lines
    assert 1 <= finding.line <= finding.end_line <= len(lines), finding
    assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
    assert 1 <= finding.end_column <= len(lines[finding.end_line - 1]) + 1, finding
    assert (finding.line, finding.column) <= (finding.end_line, finding.end_column), finding
    written = _source_text(text, finding)
    if finding.rule == "missing-scheme":
        target = re.match(r"'(.*)' has no scheme, ", finding.message, re.DOTALL)
        assert target is not None and target.group(1) == written, (finding, written)
    if finding.rule == "malformed-link" and "empty" not in finding.message:
        assert _quotes(finding.message, written), (finding, written)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
# The target stood after a form feed, which only mistletoe took for a space: the finding pointed nowhere.
@example("| Paper |\n|---|\n| [](\x0c0) |")
@example("- [](\u20280)")  # the same after a line separator, which mistletoe strips as Python does
# `\\|` ends no cell (a backslash, then an escaped pipe), but the cells were split there.
@example("| Paper | Date |\n|---|---|\n| [\\\\|](arxiv.org/abs/2205.05638) |")
# A cell mistletoe had not split off was tokenized outside its parse: `[a][0]` then raised.
@example("| Paper | Code |\n|---|---|\n| [||](u) | [a][0] |")
# A shortcut reference `[0]` was taken for an inline link and placed where its target is not.
@example("[0]\n\n[0]: www.example.com\n")
@example("- [a](\r\nwww.x.com)\r\n- [b](\u0301www.y.com)\r")
@example("\x00[a](<b\x00>)\n| a |\n|---|\n| b \\| c | d |\n")
def test_linting_never_fails_and_every_finding_points_at_what_it_names(text: str) -> None:
    for finding in lint_text(text, today=FIXTURE_TODAY):
        _check_finding(text, finding)


def _fix_spans(text: str, findings: list[Finding]) -> list[tuple[int, int]]:
    source = SourceText("README.md", text)
    return [
        (source.offset(edit.line, edit.column), source.offset(edit.end_line, edit.end_column))
        for finding in findings
        if finding.fix is not None
        for edit in finding.fix.edits
    ]


def _fix_once(text: str) -> str:
    findings = lint_text(text, today=FIXTURE_TODAY)
    fixed = fixed_text(SourceText("README.md", text), findings).text
    assert only_spans_changed(text, fixed, _fix_spans(text, findings))
    return fixed


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
# `[0]:` in a quote's lazy line was taken for the definition after the table, so the fix for
# that one went into the lazy line, again at every pass.
@example(
    "> [](https://arxiv.org/abs/2106.09685)\n[0]: https://arxiv.org/abs/2106.09685\n"
    "- [](https://arxiv.org/abs/2106.09685)\n| Paper |\n|---|\n| [](https://arxiv.org/abs/2106.09685) |\n"
    "[0]: arxiv.org/abs/2205.05638"
)
def test_fixing_keeps_every_other_byte_and_a_second_fix_changes_nothing(text: str) -> None:
    # As `--fix` does: fixes that collided, or that a fix made possible, come in later passes.
    for _ in range(MAX_PASSES):
        fixed = _fix_once(text)
        if fixed == text:
            break
        text = fixed
    else:
        raise AssertionError(f"fixes still change the text after {MAX_PASSES} passes: {text!r}")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.booleans())
@example("\ufeff\x00", False)  # a BOM written as text is a BOM all the same
def test_the_json_report_always_parses(tmp_path_factory: pytest.TempPathFactory, text: str, bom: bool) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzzed.md"
    data = (UTF8_BOM if bom else b"") + text.encode("utf-8")
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([str(path), "--offline", "--format", "json"])
    report = json.loads(out.getvalue())
    (entry,) = report["files"]
    if "\x00" in text:
        nul = data.removeprefix(UTF8_BOM).index(b"\x00")  # counted after the byte order mark
        assert (status, entry["error"]) == (2, f"{path}: looks binary (NUL byte at offset {nul})")
    else:
        assert status in (0, 1) and "error" not in entry, err.getvalue()
        assert report["summary"]["errors"] == sum(finding["severity"] == "error" for finding in entry["findings"])


inline_syntax = st.text(
    alphabet=st.sampled_from(
        ["[", "]", "(", ")", "!", "*", "_", "`", "\\", " ", "\n", "a", "<", ">", '"', "'", "x", "é"]
    ),
    max_size=60,
)


@settings(max_examples=800, deadline=None)
@given(inline_syntax)
@example("!][foo]")  # `[` after `!]` is no opener, though mistletoe joins the two characters
@example("a_ b* [x](y) **z**")
def test_the_linear_inline_search_finds_what_mistletoe_finds(text: str) -> None:
    from mistletoe import core_tokens

    assume(text.count("(") <= 32)  # deeper destinations are refused on purpose, as cmark does

    class Root:
        footnotes: ClassVar[dict[str, tuple[str, str]]] = {"foo": ("/url", ""), "x": ("/x", "t")}

    def matches() -> list[tuple[object, ...]]:
        core_tokens._code_matches = []
        found = core_tokens.find_core_tokens(text, Root())
        codes = [(match.start(), match.end()) for match in core_tokens._code_matches]
        core_tokens._code_matches = []
        return [(m.type, m.start(), m.end(), m.fields, getattr(m, "dest_type", None)) for m in found] + codes

    import_mistletoe()
    linear = matches()
    linear_inline.uninstall()
    try:
        original = matches()
    finally:
        assert linear_inline.install()
    assert linear == original
