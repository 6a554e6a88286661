from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from awesomelint import __version__
from awesomelint.cli import main
from conftest import FIXTURES

BROKEN = "# List\n\n- [Tools](#tols)\n\n## Tools\n"
CLEAN = "# List\n\n- [Tools](#tools)\n\n## Tools\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_report_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path, "broken.md", BROKEN)
    clean = write(tmp_path, "clean.md", CLEAN)
    assert main([str(broken), str(clean), "--select", "broken-anchor", "--no-color"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0]
        == f"{broken}:3:11: error broken-anchor no heading or anchor for '#tols' in this file; did you mean '#tools'?"
    )
    assert out[-1] == "1 error and 0 warnings in 2 files."
    assert main([str(clean), "--select", "broken-anchor"]) == 0


def test_defaults_to_readme_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "README.md", BROKEN)
    monkeypatch.chdir(tmp_path)
    assert main(["--select", "broken-anchor", "-q"]) == 1
    assert capsys.readouterr().out.startswith("README.md:3:11: error broken-anchor")


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BROKEN.encode())))
    assert main(["-", "--select", "broken-anchor", "--quiet"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:3:11: error broken-anchor")


def test_json_report_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = write(tmp_path, "broken.md", BROKEN)
    missing = tmp_path / "missing.md"
    assert main([str(broken), str(missing), "--format", "json", "--select", "broken-anchor"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 1
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 0}
    first, second = report["files"]
    assert first["path"] == str(broken)
    assert first["findings"] == [
        {
            "rule": "broken-anchor",
            "severity": "error",
            "line": 3,
            "column": 11,
            "end_line": 3,
            "end_column": 16,
            "message": "no heading or anchor for '#tols' in this file; did you mean '#tools'?",
            "fixable": False,
        }
    ]
    assert second == {"path": str(missing), "findings": [], "error": f"{missing}: no such file"}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "looks binary (NUL byte at offset 8)"),
        (b"caf\xe9\n", "is not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("# UTF-16\n".encode("utf-16"), "is UTF-16 encoded; awesomelint reads UTF-8 only"),
    ],
)
def test_bad_input_is_one_line_and_others_are_still_linted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, problem: str
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(data)
    broken = write(tmp_path, "broken.md", BROKEN)
    assert main([str(bad), str(broken), "--select", "broken-anchor", "--no-color"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"awesomelint: {bad}: {problem}\n"
    assert f"{broken}:3:11: error broken-anchor" in captured.out
    assert "1 file could not be linted" in captured.out


def test_directory_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path), str(tmp_path / "nope.md")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"awesomelint: {tmp_path}: is a directory, not a Markdown file",
        f"awesomelint: {tmp_path / 'nope.md'}: no such file",
    ]


def test_empty_file_is_fine(tmp_path: Path) -> None:
    assert main([str(write(tmp_path, "empty.md", ""))]) == 0


def test_unknown_rule_on_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(write(tmp_path, "a.md", CLEAN)), "--select", "no-such-rule"]) == 2
    assert (
        capsys.readouterr().err
        == "awesomelint: command line: 'select': unknown rule 'no-such-rule' (see --list-rules)\n"
    )


def test_bad_severity_and_option_syntax(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write(tmp_path, "a.md", CLEAN))
    assert main([path, "--severity", "broken-anchor=fatal"]) == 2
    assert "severity must be 'error' or 'warning', not 'fatal'" in capsys.readouterr().err
    assert main([path, "--rule-option", "broken-anchor"]) == 2
    assert "expected RULE.KEY=VALUE" in capsys.readouterr().err
    assert main([path, "--rule-option", "broken-anchor.nope=1"]) == 2
    assert "unknown option 'nope' (known: severity)" in capsys.readouterr().err


def test_severity_override_turns_error_into_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(write(tmp_path, "a.md", BROKEN))
    assert main([path, "--select", "broken-anchor", "--severity", "broken-anchor=warning", "--no-color"]) == 0
    assert "warning broken-anchor" in capsys.readouterr().out


def test_list_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-rules"]) == 0
    assert any(line.startswith("broken-anchor ") for line in capsys.readouterr().out.splitlines())
    assert main(["--explain", "broken-anchor"]) == 0
    assert capsys.readouterr().out.startswith("# broken-anchor\n")
    assert main(["--explain", "nope"]) == 2
    assert capsys.readouterr().err == "awesomelint: unknown rule 'nope' (see --list-rules)\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"awesomelint {__version__}\n"


def test_version_does_not_import_the_parser() -> None:
    code = "import sys; from awesomelint.cli import main\ntry: main(['--version'])\nexcept SystemExit: pass\n"
    code += "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mistletoe', 'httpx', 'dateutil')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


def test_python_dash_m(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", BROKEN)
    completed = subprocess.run(
        [sys.executable, "-m", "awesomelint", str(path), "--select", "broken-anchor", "--no-color"],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 1
    assert f"{path}:3:11: error broken-anchor" in completed.stdout


def test_color_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(write(tmp_path, "a.md", BROKEN))
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    main([path, "--select", "broken-anchor"])
    assert "\033[31merror\033[0m" in capsys.readouterr().out
    main([path, "--select", "broken-anchor", "--no-color"])
    assert "\033[" not in capsys.readouterr().out


def test_seed_lists_lint_without_crashing(capsys: pytest.CaptureFixture[str]) -> None:
    seeds = [str(FIXTURES / "awesome-llm-papers.md"), str(FIXTURES / "llama-paper-list.md")]
    assert main([*seeds, "--format", "json", "--offline"]) in (0, 1)
    assert json.loads(capsys.readouterr().out)["summary"]["files"] == 2


def test_format_choices_are_the_registered_reporters() -> None:
    from awesomelint.cli import FORMAT_NAMES
    from awesomelint.reporters import FORMATS

    assert set(FORMAT_NAMES) == set(FORMATS)


def test_output_writes_the_report_to_a_file_and_text_to_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write(tmp_path, "broken.md", BROKEN)
    report = tmp_path / "report.json"
    assert main([str(broken), "--select", "broken-anchor", "--format", "json", "--output", str(report)]) == 1
    assert json.loads(report.read_text(encoding="utf-8"))["summary"] == {"files": 1, "errors": 1, "warnings": 0}
    out = capsys.readouterr().out
    assert out.startswith(f"{broken}:3:11: error broken-anchor ")
    assert main([str(broken), "--output", str(tmp_path / "missing" / "r.json"), "--format", "json"]) == 2
    assert "cannot write the report" in capsys.readouterr().err
