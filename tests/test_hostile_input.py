"""Hostile and broken input: each bad file is one line on stderr and exit 2, and the run goes on.

What a maintainer can expect for each kind of bad file:

- binary data (a NUL byte), invalid UTF-8, UTF-16 or UTF-32: refused, naming the offset or the
  encoding. git shows no diff of a UTF-16 file, and `--fix` would have to write UTF-16 back.
- an empty file, or one holding only a byte order mark: a valid list with no entries.
- a file over 10 MB (real lists reach about 1 MB): refused before it is read; `--max-file-size`
  raises the limit. A device or pipe that never ends is refused once that much was read.
- a single 10 MB line under the limit: linted, in seconds (the parser's quadratic paths are
  replaced, see awesomelint.document.linear_inline).
- 10,000-deep lists or block quotes: refused at once; 3,000 levels still parse.
- a directory, a missing file, a file that cannot be read: refused, naming why.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.runner import lint_text, parse_source
from awesomelint.source import SourceText

GOOD = "# List\n\n- [Tools](#tols)\n\n## Tools\n"  # one broken-anchor finding
GOOD_FINDING = ":3:11: error broken-anchor no heading or anchor for '#tols' in this file; did you mean '#tools'?"
TEN_MB = 10_000_000  # under the 10 MiB limit
LIMIT = "the 10 MB limit for one file (see --max-file-size)"


@dataclass(frozen=True)
class BadFile:
    name: str
    make: Callable[[Path, pytest.MonkeyPatch], str]  # creates the file, returns the path to pass
    problem: str | None  # the message after "path: "; None when the file lints cleanly

    def __str__(self) -> str:
        return self.name


def _bytes(data: bytes) -> Callable[[Path, pytest.MonkeyPatch], str]:
    def make(folder: Path, _: pytest.MonkeyPatch) -> str:
        path = folder / "bad.md"
        path.write_bytes(data)
        return str(path)

    return make


def _sparse(size: int) -> Callable[[Path, pytest.MonkeyPatch], str]:
    def make(folder: Path, _: pytest.MonkeyPatch) -> str:
        path = folder / "huge.md"
        with path.open("wb") as stream:
            stream.truncate(size)  # no disk used: it is refused by its size before a byte is read
        return str(path)

    return make


def _directory(folder: Path, _: pytest.MonkeyPatch) -> str:
    (folder / "notes.md").mkdir()
    return str(folder / "notes.md")


def _missing(folder: Path, _: pytest.MonkeyPatch) -> str:
    return str(folder / "missing.md")


def _unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = folder / "locked.md"
    path.write_text(GOOD, encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        # Permissions cannot stop root, who runs CI here, so the failure is injected.
        if self.name == "locked.md":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    return str(path)


def _symlink_loop(folder: Path, _: pytest.MonkeyPatch) -> str:
    (folder / "loop.md").symlink_to(folder / "loop.md")
    return str(folder / "loop.md")


def _endless_device(_: Path, __: pytest.MonkeyPatch) -> str:
    return "/dev/zero"


UTF16 = "is UTF-16 encoded; awesomelint reads UTF-8 only"
DEEP = "line 1 opens over 3000 nested lists and quotes: nested too deeply"
BAD_FILES = [
    BadFile("binary", _bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "looks binary (NUL byte at offset 8)"),
    BadFile("invalid-utf8", _bytes(b"- [Caf\xc3](x)\n"), "is not valid UTF-8 (byte 0xc3 at offset 6)"),
    BadFile("utf8-surrogate", _bytes(b"- \xed\xa0\x80\n"), "is not valid UTF-8 (byte 0xed at offset 2)"),
    BadFile("utf16-le", _bytes(b"\xff\xfe" + "# List\n".encode("utf-16-le")), UTF16),
    BadFile("utf16-be", _bytes(b"\xfe\xff" + "# List\n".encode("utf-16-be")), UTF16),
    BadFile("utf32", _bytes("# List\n".encode("utf-32")), "is UTF-32 encoded; awesomelint reads UTF-8 only"),
    BadFile("empty", _bytes(b""), None),
    BadFile("only-a-bom", _bytes(b"\xef\xbb\xbf"), None),
    BadFile("50-mb", _sparse(50 * 2**20), f"is 50 MB, over {LIMIT}"),
    BadFile("one-10-mb-line", _bytes(b"word [x] " * (TEN_MB // 9)), None),
    BadFile("10000-deep-list", _bytes(b"- " * 10_000 + b"x\n"), DEEP),
    BadFile("10000-deep-quote", _bytes(b"> " * 10_000 + b"x\n"), DEEP),
    BadFile("10000-deep-mixed", _bytes(b"1. > * " * 3_400 + b"x\n"), DEEP),
    BadFile("directory", _directory, "is a directory, not a Markdown file"),
    BadFile("missing", _missing, "no such file"),
    BadFile("no-read-permission", _unreadable, "permission denied"),
    BadFile("symlink-loop", _symlink_loop, "cannot be read: Too many levels of symbolic links"),
]
if Path("/dev/zero").exists():
    BAD_FILES.append(BadFile("endless-device", _endless_device, f"is over {LIMIT}"))


@pytest.mark.parametrize("case", BAD_FILES, ids=str)
def test_each_bad_file_is_one_line_and_the_other_files_are_still_linted(
    case: BadFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.md"
    first.write_text(GOOD, encoding="utf-8")
    last = tmp_path / "last.md"
    last.write_text(GOOD, encoding="utf-8")
    bad = case.make(tmp_path, monkeypatch)

    status = main([str(first), bad, str(last), "--offline", "--no-color"])

    captured = capsys.readouterr()
    if case.problem is None:
        assert (status, captured.err) == (1, "")  # 1: the good files' finding
    else:
        assert (status, captured.err) == (2, f"awesomelint: {bad}: {case.problem}\n")
    *findings, summary = captured.out.splitlines()
    assert findings == [f"{first}{GOOD_FINDING}", f"{last}{GOOD_FINDING}"]
    linted = "3 files." if case.problem is None else "2 files; 1 file could not be linted."
    assert summary == f"2 errors and 0 warnings in {linted}"


def test_a_bad_file_is_an_error_entry_in_the_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"- \xff\n")
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    assert main([str(bad), str(good), "--offline", "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0] == {
        "path": str(bad),
        "findings": [],
        "error": f"{bad}: is not valid UTF-8 (byte 0xff at offset 2)",
    }
    assert [finding["rule"] for finding in report["files"][1]["findings"]] == ["broken-anchor"]
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 0}


def test_max_file_size_lowers_and_raises_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(b"word " * 120_000)
    options = ["--offline", "-q", "--select", "table-column-count"]
    assert main([str(path), *options, "--max-file-size", "0.5"]) == 2
    assert capsys.readouterr().err == (
        f"awesomelint: {path}: is 586 KB, over the 512 KB limit for one file (see --max-file-size)\n"
    )
    assert main([str(path), *options, "--max-file-size", "1"]) == 0
    assert main([str(path), *options, "--max-file-size", "0"]) == 0  # no limit
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("mode", ["--fix", "--diff"])
def test_fixing_keeps_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: str) -> None:
    path = tmp_path / "README.md"
    original = b"- [a](www.example.com/a) " * 30_000
    path.write_bytes(original)
    assert main([str(path), "--offline", "-q", mode, "--max-file-size", "0.5"]) == 2
    assert "over the 512 KB limit for one file" in capsys.readouterr().err
    assert path.read_bytes() == original


def test_standard_input_over_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"- item\n" * 1000)))
    assert main(["-", "--offline", "--max-file-size", "0.001"]) == 2
    assert (
        capsys.readouterr().err
        == "awesomelint: <stdin>: is over the 1.02 KB limit for one file (see --max-file-size)\n"
    )


def test_three_thousand_levels_still_parse() -> None:
    # The parse thread's stack and recursion limit leave room for what the depth check lets through.
    text = "- " * 3000 + "[a](www.example.com)\n\n" + "> " * 3000 + "[b](www.example.org)\n"
    findings = lint_text(text, select=["missing-scheme"])
    assert [(finding.line, finding.column) for finding in findings] == [(1, 6005), (3, 6005)]


def test_deep_nesting_does_not_crash_a_caller_with_a_small_stack() -> None:
    # A thread's stack can be 1 MB (Windows) or less; parsing 3,000 levels needs about 8 MB.
    # Without the parser's own big-stack thread this crashes the interpreter.
    script = (
        "import threading\n"
        "from awesomelint.runner import lint_text\n"
        "threading.stack_size(512 * 1024)\n"
        "found = []\n"
        "text = '- ' * 3000 + 'x\\n\\n' + '![' * 2000 + 'a' + '](u)' * 2000 + '\\n'\n"
        "thread = threading.Thread(target=lambda: found.append(len(lint_text(text))))\n"
        "thread.start()\n"
        "thread.join()\n"
        "print(found)\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert (completed.returncode, completed.stdout) == (0, "[0]\n"), completed.stderr[-2000:]


def test_a_megabyte_line_of_every_formerly_quadratic_construct_is_linted() -> None:
    # Each piece took time quadratic in the line's length: a `]` with no code span after it,
    # links, `[a](` that never closes, entities, unclosed comments, escaped destinations,
    # closers with no opener. 400 KB took 19 s before, so 1 MB took minutes and 10 MB hours
    # (bench/lint_speed.py --long-line measures it); here the result must still be exact.
    piece = "[a](https://x.example/p) [x] [a]( &eacute; `c` *d* e_ f* <!-- [e](u\\_v) https://x.example/q)) "
    copies = 2**20 // len(piece)
    text = "Text " + piece * copies + "\n"
    document = parse_source(SourceText(path="long.md", text=text), None)
    # Each piece holds three links (the inline one, the one after the comment, the bare URL).
    assert Counter(link.destination for link in document.links) == {
        "https://x.example/p": copies,
        "u_v": copies,
        "https://x.example/q": copies,
    }
    starts = [text.index("https://x.example/p", 5 + len(piece) * n) + 1 for n in (0, copies - 1)]
    inline = [link for link in document.links if link.destination == "https://x.example/p"]
    assert [inline[0].span.column, inline[-1].span.column] == starts


@pytest.mark.parametrize(
    ("arguments", "config", "message"),
    [
        (["--ignore", "no-such-rule"], None, "command line: 'ignore': unknown rule 'no-such-rule' (see --list-rules)"),
        (["--select", ","], None, "--select ',' names no rules (awesomelint --list-rules lists them)"),
        (
            ["--rule-option", "inconsistent-date-format.min-share=most"],
            None,
            "command line: [rules.inconsistent-date-format]: min-share = 'most': expected a number",
        ),
        (["--timeout", "soon"], None, "command line: timeout must be a number of seconds, not 'soon'"),
        (["--max-concurrency", "0"], None, "command line: max-concurrency must be a whole number of 1 or more"),
        (["--accept", "2xx"], None, "command line: accept: '2xx' is not a status code or a range like 200-299"),
        (
            ["--max-file-size", "ten"],
            None,
            "--max-file-size 'ten': expected a number of megabytes, like 10 or 0.5 (0: no limit)",
        ),
        (
            ["--max-file-size", "-1"],
            None,
            "--max-file-size '-1': expected a number of megabytes, like 10 or 0.5 (0: no limit)",
        ),
        (
            ["--fix", "--diff"],
            None,
            "--fix and --diff cannot be used together: --diff shows the fixes without writing them",
        ),
        (["--output", "{file}"], None, "--output {file}: is also a file to lint; the report would overwrite it"),
        (
            [],
            "[rules.duplicate-url]\nallow = 3\n",
            "{config}: [rules.duplicate-url]: allow = 3: expected a list of strings",
        ),
        (
            [],
            "[rules.inconsistent-date-format]\nmin-share = true\n",
            "{config}: [rules.inconsistent-date-format]: min-share = True: expected a number",
        ),
        ([], "[links]\ntimeout = 'soon'\n", "{config}: [links]: timeout must be a number of seconds, not 'soon'"),
        ([], "links = 3\n", "{config}: 'links' must be a table, like [links]"),
        ([], "select = [1, 2]\n", "{config}: 'select': expected a list of rule names"),
        ([], b"select = ['caf\xe9']\n", "{config}: invalid TOML: the file is not UTF-8"),
    ],
)
def test_config_and_command_line_misuse_is_one_line_naming_the_problem(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    config: str | bytes | None,
    message: str,
) -> None:
    path = tmp_path / "README.md"
    path.write_text(GOOD, encoding="utf-8")
    config_path = tmp_path / ".awesomelint.toml"
    if config is not None:
        config_path.write_bytes(config.encode() if isinstance(config, str) else config)
    arguments = [argument.format(file=path) for argument in arguments]
    assert main([str(path), "--offline", *arguments]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"awesomelint: {message.format(file=path, config=config_path)}")
    assert captured.err.count("\n") == 1
    assert captured.out == ""
    assert path.read_text(encoding="utf-8") == GOOD  # neither fixed nor overwritten by a report


def test_an_unknown_format_is_refused_by_the_argument_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["README.md", "--format", "yaml"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith("awesomelint: error: argument --format: invalid choice")


def test_output_that_cannot_encode_a_finding_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("- [x](#😀-smile)\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONIOENCODING": "ascii"}  # as a Windows console redirected to a file
    command = [sys.executable, "-m", "awesomelint", str(path), "--offline", "--select", "broken-anchor"]
    text = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60)
    assert text.returncode == 1, text.stderr
    assert "'#\\U0001f600-smile'" in text.stdout
    report = subprocess.run([*command, "--format", "json"], capture_output=True, env=environment, timeout=60)
    assert report.returncode == 1, report.stderr
    assert report.stdout.isascii()
    assert "'#😀-smile'" in json.loads(report.stdout)["files"][0]["findings"][0]["message"]
