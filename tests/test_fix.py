from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from awesomelint import autofix
from awesomelint.cli import main
from awesomelint.finding import Edit, Finding, Fix, Severity
from awesomelint.fixing import fixed_text, write_atomically
from awesomelint.runner import lint_text
from awesomelint.source import UTF8_BOM, SourceText, decode
from preservation import only_spans_changed

LIST = (
    "# Papers\n"
    "\n"
    "| Paper | Published date |\n"
    "|---|---|\n"
    "| [LoRA](arxiv.org/abs/2106.09685) | Oct. 2021 |\n"
    "| [IA3](https://arxiv.org/abs/2205.05638) | May.2022 |\n"
    "| [QLoRA](https://arxiv.org/abs/2305.14314) | May. 2023 |\n"
    "\n"
    "- [Site](www.example.com/tools) - tools.\n"
)
FIXED = (
    LIST.replace("(arxiv.org", "(https://arxiv.org").replace("May.2022", "May. 2022").replace("(www.", "(https://www.")
)


def finding(edits: tuple[Edit, ...], rule: str = "r") -> Finding:
    return Finding(rule, Severity.ERROR, "x.md", 1, 1, 1, 1, "m", Fix("f", edits))


def test_fix_writes_every_safe_fix_and_reports_what_remains(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(LIST + "- [code]()\n", encoding="utf-8")
    assert main([str(path), "--offline", "--fix", "--no-color"]) == 1  # the empty link has no safe fix
    assert path.read_text(encoding="utf-8") == FIXED + "- [code]()\n"
    captured = capsys.readouterr()
    assert "applied 3 fixes" in captured.err
    assert [line.split(" ")[2] for line in captured.out.splitlines()[:-1]] == ["malformed-link"]


def test_fix_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(LIST, encoding="utf-8")
    assert main([str(path), "--offline", "--fix"]) == 0
    once = path.read_bytes()
    modified = path.stat().st_mtime_ns
    assert main([str(path), "--offline", "--fix"]) == 0
    assert path.read_bytes() == once
    assert path.stat().st_mtime_ns == modified  # an unchanged file is not rewritten


def test_fix_keeps_bom_crlf_and_missing_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    original = UTF8_BOM + LIST.rstrip("\n").replace("\n", "\r\n").encode()
    path.write_bytes(original)
    assert main([str(path), "--offline", "--fix"]) == 0
    assert path.read_bytes() == UTF8_BOM + FIXED.rstrip("\n").replace("\n", "\r\n").encode()


def test_diff_shows_the_fixes_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_text(LIST, encoding="utf-8")
    assert main([str(path), "--offline", "--diff"]) == 1
    assert path.read_text(encoding="utf-8") == LIST
    captured = capsys.readouterr()
    assert f"--- a/{path}\n+++ b/{path}\n" in captured.out
    assert "-| [IA3](https://arxiv.org/abs/2205.05638) | May.2022 |\n" in captured.out
    assert "+| [IA3](https://arxiv.org/abs/2205.05638) | May. 2022 |\n" in captured.out
    assert "3 fixes would change 1 file\n" in captured.err
    path.write_text(FIXED, encoding="utf-8")
    assert main([str(path), "--offline", "--diff"]) == 0


def test_fix_refuses_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-", "--fix"]) == 2
    assert "--fix cannot rewrite standard input" in capsys.readouterr().err


def test_a_file_that_cannot_be_written_is_named_and_the_others_are_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stuck = tmp_path / "stuck.md"
    stuck.write_text(LIST, encoding="utf-8")
    free = tmp_path / "README.md"
    free.write_text(LIST, encoding="utf-8")
    real_write = autofix.write_atomically

    def read_only_file_system(path: Path, data: bytes) -> None:
        # Permissions cannot stop root, who runs CI here, so the failure is injected.
        if path.name == "stuck.md":
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        real_write(path, data)

    monkeypatch.setattr(autofix, "write_atomically", read_only_file_system)
    assert main([str(stuck), str(free), "--offline", "--fix"]) == 2
    assert stuck.read_text(encoding="utf-8") == LIST
    assert free.read_text(encoding="utf-8") == FIXED
    assert f"{stuck}: cannot write the fixed file: Read-only file system" in capsys.readouterr().err


def test_atomic_write_keeps_permissions_and_symbolic_links(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "README.md"
    link.symlink_to(target)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [path.name for path in tmp_path.iterdir()].count("real.md") == 1
    assert len(list(tmp_path.iterdir())) == 2  # no temporary file left behind


def test_colliding_fixes_are_resolved_by_position_then_rule() -> None:
    source = SourceText("x.md", "abcdef\n")
    first = finding((Edit(1, 2, 1, 4, "XY"),), rule="z-rule")
    overlapping = finding((Edit(1, 3, 1, 5, "Q"),), rule="a-rule")
    same_point = finding((Edit(1, 2, 1, 2, "+"),), rule="b-rule")
    result = fixed_text(source, [overlapping, first, same_point])
    # The insertion at column 2 starts first; the replacement of 2-4 touches only its edge.
    assert result.text == "a+XYdef\n"
    assert (result.applied, result.deferred) == (2, 1)
    assert fixed_text(source, [first, same_point, overlapping]).text == result.text


def test_the_same_edit_from_two_findings_is_applied_once() -> None:
    source = SourceText("x.md", "[a](example.com/x)\n")
    edit = Edit(1, 5, 1, 5, "https://")
    result = fixed_text(source, [finding((edit,)), finding((edit,), rule="other")])
    assert result.text == "[a](https://example.com/x)\n"


@st.composite
def paper_lists(draw: st.DrawFn) -> str:
    """Lists mixing fixable links and dates with text that must survive byte for byte."""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    months = ["Jan.", "Feb.", "Oct.", "Nov."]
    rows = []
    for number in range(draw(st.integers(min_value=1, max_value=8))):
        scheme = draw(st.sampled_from(["https://", "", "http://"]))
        month = draw(st.sampled_from(months))
        gap = draw(st.sampled_from([" ", "", " "]))
        note = draw(st.text(alphabet="abc é|*_`\\ ", max_size=12)).replace("|", "\\|")
        rows.append(f"| [Paper {number}]({scheme}arxiv.org/abs/2106.{number:05d}) | {month}{gap}2021 | {note} |")
    bullets = [
        f"- [{word}]({draw(st.sampled_from(['www.', 'https://www.', '']))}{word}.example.com) - {word}."
        for word in draw(st.lists(st.sampled_from(["alpha", "beta", "gamma"]), max_size=4))
    ]
    lines = ["# List", "", "| Paper | Published date | Notes |", "|---|---|---|", *rows, "", *bullets]
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paper_lists())
# A character diff once blamed this insertion on the neighbouring identical line.
@example("- [alpha](www.alpha.example.com) - alpha.\n- [alpha](www.alpha.example.com) - alpha.\n")
def test_fix_is_idempotent_and_changes_only_the_fix_spans(markdown: str) -> None:
    source = decode(markdown.encode(), "README.md")
    findings = lint_text(markdown, select=["missing-scheme", "inconsistent-date-format"])
    once = fixed_text(source, findings)
    spans = [
        (source.offset(edit.line, edit.column), source.offset(edit.end_line, edit.end_column))
        for found in findings
        if found.fix is not None
        for edit in found.fix.edits
    ]
    assert only_spans_changed(markdown, once.text, spans)
    again = lint_text(once.text, select=["missing-scheme", "inconsistent-date-format"])
    assert [found for found in again if found.fix is not None] == []
    assert fixed_text(decode(once.text.encode(), "README.md"), again).text == once.text
