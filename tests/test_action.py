"""The GitHub Action's lint step, run as GitHub runs it: action.yml's own command and environment.

The step's `run` and `env` are read from action.yml, `${{ inputs.* }}` replaced by the
inputs (or their defaults), and executed with bash in a git repository standing in for
the workspace, with the variables GitHub sets.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
OLD = "# Papers\n\n- [LoRA](https://arxiv.org/abs/2106.09685) - adapters.\n- [Old](www.example.com/old) - old.\n"
ADDED = (
    "- [New](github.com/someone/new) - new, and 100% wrong.\n- [LoRA v2](https://arxiv.org/pdf/2106.09685v2) - again.\n"
)


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    (folder / "README.md").write_text(OLD, encoding="utf-8")
    git(folder, "add", "README.md")
    git(folder, "commit", "-q", "-m", "list")
    git(folder, "checkout", "-q", "-b", "contribution")
    (folder / "README.md").write_text(OLD + ADDED, encoding="utf-8")
    git(folder, "commit", "-q", "-am", "add two entries")
    return folder


def run_lint_step(
    workspace: Path, tmp_path: Path, event: str, inputs: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], str, dict[str, str]]:
    step = next(step for step in ACTION["runs"]["steps"] if step.get("id") == "lint")
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()} | (inputs or {})

    def substitute(text: str) -> str:
        text = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda match: values[match.group(1)], text)
        return re.sub(r"\$\{\{\s*github\.token\s*\}\}", "", text)

    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    environment = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("GITHUB_", "INPUT_"))},
        **{key: substitute(str(value)) for key, value in step["env"].items()},
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_EVENT_NAME": event,
        "GITHUB_BASE_REF": "main" if event == "pull_request" else "",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
    }
    completed = subprocess.run(
        ["bash", "-e", "-c", substitute(step["run"])],
        cwd=workspace,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines()) if output.exists() else {}
    return completed, summary.read_text() if summary.exists() else "", outputs


def annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::")]


def test_on_a_pull_request_only_the_contributors_lines_are_annotated(workspace: Path, tmp_path: Path) -> None:
    completed, summary, outputs = run_lint_step(workspace, tmp_path, "pull_request", {"offline": "true"})
    assert completed.returncode == 1, completed.stderr
    assert annotations(completed.stdout) == [
        "::error file=README.md,line=5,col=9,endLine=5,endColumn=31,title=awesomelint (missing-scheme)::"
        "'github.com/someone/new' has no scheme, so GitHub treats it as a relative path; "
        "use 'https://github.com/someone/new'",
        "::error file=README.md,line=6,col=13,endLine=6,endColumn=47,title=awesomelint (duplicate-arxiv-id)::"
        'arXiv 2106.09685 is already listed at line 3 ("LoRA")',
    ]
    assert "--diff-base main" in completed.stderr
    assert summary.startswith("### awesomelint\n")
    assert "2 errors and 0 warnings in 1 file." in summary
    rows = [line for line in summary.splitlines() if line.startswith("| `README.md:")]
    assert [row.split(" | ")[2] for row in rows] == ["missing-scheme", "duplicate-arxiv-id"]
    assert outputs == {"errors": "2", "warnings": "0", "sarif": ""}


def test_on_a_push_every_line_is_linted(workspace: Path, tmp_path: Path) -> None:
    completed, _, outputs = run_lint_step(workspace, tmp_path, "push", {"offline": "true"})
    assert completed.returncode == 1
    assert [line.split(",")[1] for line in annotations(completed.stdout)] == ["line=4", "line=5", "line=6"]
    assert outputs["errors"] == "3"


def test_changed_only_false_lints_every_line_of_a_pull_request(workspace: Path, tmp_path: Path) -> None:
    completed, _, _ = run_lint_step(workspace, tmp_path, "pull_request", {"offline": "true", "changed-only": "false"})
    assert len(annotations(completed.stdout)) == 3


def test_fail_on_decides_the_exit_status(workspace: Path, tmp_path: Path) -> None:
    never, _, _ = run_lint_step(workspace, tmp_path, "push", {"offline": "true", "fail-on": "never"})
    assert never.returncode == 0 and annotations(never.stdout)
    (workspace / "README.md").write_text(OLD.replace("www.example.com/old", "https://example.com/old"))
    only_warnings, _, outputs = run_lint_step(
        workspace,
        tmp_path,
        "push",
        {"offline": "true", "fail-on": "warning", "args": "--severity missing-scheme=warning"},
    )
    assert outputs == {"errors": "0", "warnings": "0", "sarif": ""}
    assert only_warnings.returncode == 0
    (workspace / "README.md").write_text(OLD + ADDED, encoding="utf-8")
    warned, _, _ = run_lint_step(
        workspace,
        tmp_path,
        "push",
        {"offline": "true", "fail-on": "warning", "args": "--select missing-scheme --severity missing-scheme=warning"},
    )
    assert warned.returncode == 1
    assert annotations(warned.stdout)[0].startswith("::warning file=README.md,line=4,")
    errors_only, _, _ = run_lint_step(
        workspace,
        tmp_path,
        "push",
        {"offline": "true", "fail-on": "error", "args": "--select missing-scheme --severity missing-scheme=warning"},
    )
    assert errors_only.returncode == 0


def test_sarif_report_is_written_and_valid(workspace: Path, tmp_path: Path) -> None:
    completed, _, outputs = run_lint_step(workspace, tmp_path, "push", {"offline": "true", "sarif": "lint.sarif"})
    assert completed.returncode == 1
    assert outputs["sarif"] == "lint.sarif"
    report = json.loads((workspace / "lint.sarif").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    assert len(report["runs"][0]["results"]) == 3


def test_bad_input_is_one_annotated_error(workspace: Path, tmp_path: Path) -> None:
    completed, _, _ = run_lint_step(workspace, tmp_path, "push", {"fail-on": "sometimes"})
    assert completed.returncode == 2
    assert annotations(completed.stdout) == [
        "::error title=awesomelint::input fail-on: expected one of error, warning, never, got 'sometimes'"
    ]
