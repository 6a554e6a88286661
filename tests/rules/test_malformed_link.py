from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesomelint.document.model import LinkKind
from awesomelint.document.parse import parse
from awesomelint.finding import Finding
from awesomelint.rule import RuleContext
from awesomelint.rules import malformed_link
from awesomelint.rules.malformed_link import check
from awesomelint.runner import lint_text
from awesomelint.source import SourceText

RULE = "malformed-link"


def lint(markdown: str) -> list[Finding]:
    return lint_text(markdown, select=[RULE])


def messages(markdown: str) -> list[str]:
    return [finding.message for finding in lint(markdown)]


def apply_fixes(markdown: str, findings: list[Finding]) -> str:
    source = SourceText(path="x.md", text=markdown)
    edits = sorted(
        (edit for finding in findings if finding.fix for edit in finding.fix.edits),
        key=lambda edit: (edit.line, edit.column),
        reverse=True,
    )
    text = markdown
    for edit in edits:
        start = source.offset(edit.line, edit.column)
        end = source.offset(edit.end_line, edit.end_column)
        text = text[:start] + edit.replacement + text[end:]
    return text


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("[code]()", "link 'code' has an empty target: it leads back to this page"),
        ("[x](<>)", "link 'x' has an empty target: it leads back to this page"),
        (
            "[![Publish](https://img.shields.io/badge/a-b-blue)]()",
            "link around the image 'Publish' has an empty target",
        ),
        ("![Diagram]()", "image 'Diagram' has an empty source: nothing is shown"),
        ('<a href="">x</a>', 'empty href="" in an HTML link: it leads back to this page'),
        ("[x](<https://example.com/a b>)", "'https://example.com/a b' contains a space (write it as '%20')"),
        ('<a href="https://exa mple.com">x</a>', "'https://exa mple.com' contains a space"),
        ("[x](https://exa_mple..com)", "it has an empty label"),
        ("[x](https:///x)", "'https:///x' is not a valid URL: it has no host"),
        ("[x](http://-bad.com)", "the label '-bad' starts or ends with a hyphen"),
        ("[x](https://" + "a" * 64 + ".com)", "is 64 characters long (at most 63)"),
        ("[x](https://example.com:8o80/)", "'8o80' is not a port number"),
        ("[x](https://example.com/a%zz)", "has the bad percent-encoding '%zz'"),
        ("[x](https://example.com/a%4)", "has the bad percent-encoding '%4'"),
        ("[x](javascript:alert(1))", "uses the 'javascript:' scheme, which GitHub removes from links"),
        ("[x](vbscript:msgbox)", "uses the 'vbscript:' scheme"),
        ("[x](data:text/html,hi)", "is a 'data:' URL, which GitHub only shows in images"),
        ("[x](file:///etc/passwd)", "is a 'file:' URL, which points at the author's own disk"),
        ("[x](htps://example.com)", "has the scheme 'htps:'; did you mean 'https:'?"),
        ("[x](htpt://example.com)", "has the scheme 'htpt:'; did you mean 'http:'?"),
        ("[x](http//example.com)", "is missing the ':' after 'http', so it is a relative path"),
        ("[x]([https://example.com/a)", "starts with '[' before the address, so it is a relative path"),
        ("[x](\\(https://example.com/a\\))", "starts with '(' before the address, so it is a relative path"),
        ("[x](https:/example.com)", "'https:' must be followed by '//'"),
        ("[](https://a.example)", "the link to 'https://a.example' has no text: readers cannot see it"),
        ("[paper] (https://a.example)", "'[paper] (https://a.example)' is not a link: remove the space"),
        ("[paper](https://a.example", "'[paper](https://a.example' is not a link: the '(' is never closed"),
        ("[a](https://a.example/a b)", "'[a](https://a.example/a b)' is not a link: its URL contains a"),
        ("[Tool][tool]", "'[Tool][tool]' is not a link: no definition '[tool]: ...' in this file"),
        ("[Tool][]", "'[Tool][]' is not a link: no definition '[Tool]: ...' in this file"),
    ],
)
def test_defects(markdown: str, message: str) -> None:
    [found] = messages(markdown)
    assert message in found


@pytest.mark.parametrize(
    "markdown",
    [
        "- [x] done (https://example.com)\n- [ ] todo",
        "- [x] (https://example.com/done)",
        "See [1] (https://arxiv.org/abs/1) and [1][2] and [2, 3].",
        "[WIP] (work in progress), [sic] (#4) and [Note] (see below).",
        "Index a[i][j] and `[code] (https://example.com)` and \\[escaped\\] (https://example.com).",
        "A footnote[^1] and [see][^1].\n\n[^1]: Note.",
        "[![Badge](https://img.shields.io/badge/a-b-blue)](https://example.com)",
        "![](https://example.com/decorative.png)",
        '[<img src="https://example.com/logo.png">](https://example.com)',
        "[Local](<my notes.md>) and [up](../README.md) and [anchor](#top)",
        "[IDN](https://bücher.example/) [IPv4](http://127.0.0.1:8080) [IPv6](http://[::1]/)",
        "[host](http://localhost) [Sub](https://my_bucket.s3.amazonaws.com/) [FQDN](https://a.example./)",
        "[Enc](https://a.example/a%20b) [mail](mailto:a@a.example) [ftp](ftp://ftp.a.example)",
        "[tel](tel:+1555) [irc](irc://irc.libera.chat)",
        "![inline](data:image/png;base64,iVBORw0KGgo=)",
        "[Rust](https://en.wikipedia.org/wiki/Rust_(programming_language))",
        "[Defined][ref] and [collapsed][] and [shortcut] (https://example.com/x)\n\n"
        "[ref]: https://example.com/1\n[collapsed]: https://example.com/2\n[shortcut]: https://example.com/3",
        "[Wrapped\ntext](https://example.com) and [next line](\nhttps://example.com)",
        "```\n[code]() [x] (https://example.com)\n```",
    ],
)
def test_near_misses(markdown: str) -> None:
    assert lint(markdown) == []


def test_one_finding_per_shared_definition() -> None:
    markdown = "[a][bad] and [b][bad]\n\n[bad]: htps://example.com\n"
    findings = lint(markdown)
    assert [(finding.line, finding.column) for finding in findings] == [(3, 8)]


def test_empty_target_points_at_the_parentheses() -> None:
    [finding] = lint("- [code]() <br />\n")
    assert (finding.line, finding.column, finding.end_column) == (1, 9, 11)


def test_space_fix_removes_only_the_space() -> None:
    markdown = "- **LoRA** [paper] (https://arxiv.org/abs/1) and [**code**]\t(https://github.com/x/y).\n"
    findings = lint(markdown)
    assert len(findings) == 2
    fixed = apply_fixes(markdown, findings)
    assert fixed == "- **LoRA** [paper](https://arxiv.org/abs/1) and [**code**](https://github.com/x/y).\n"
    assert lint(fixed) == []
    document = parse(SourceText(path="x.md", text=fixed))
    assert [(link.kind, link.target) for link in document.links] == [
        (LinkKind.INLINE, "https://arxiv.org/abs/1"),
        (LinkKind.INLINE, "https://github.com/x/y"),
    ]


def test_only_the_space_case_has_a_fix() -> None:
    findings = lint("[code]() [x](htps://example.com) [a](https://example.com/a b) [T][t]\n")
    assert len(findings) == 4
    assert all(finding.fix is None for finding in findings)


def test_many_entries_with_brackets_give_no_false_findings() -> None:
    lines = [
        f"- [Paper {n}](https://arxiv.org/abs/2401.{n:05d}) [code](https://github.com/{n}) [1] (see) a[i][j]"
        for n in range(20_000)
    ]
    document = parse(SourceText(path="big.md", text="\n".join(lines) + "\n"))
    context = RuleContext(rule=RULE, severity=check.severity, options=check.defaults(), path="big.md")
    assert list(check.check(document, context)) == []


@settings(max_examples=300, deadline=None)
@given(st.from_regex(malformed_link._PLAINLY_VALID, fullmatch=True))
def test_the_fast_path_only_skips_urls_that_every_check_passes(url: str) -> None:
    assert malformed_link._target_problem(url, url, is_image=False) is None
