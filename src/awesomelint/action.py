"""The GitHub Action's step: lint once, then annotate the diff, summarise the job and write SARIF.

action.yml passes its inputs as INPUT_* environment variables, as GitHub does for
JavaScript actions; GitHub itself sets GITHUB_WORKSPACE, GITHUB_EVENT_NAME,
GITHUB_BASE_REF, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT. Tests run this module with those
variables set by hand.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from awesomelint.cli import EXIT_ERROR, build_parser, lint_for
from awesomelint.errors import FatalError
from awesomelint.registry import all_rules
from awesomelint.reporters import reporter, summary_counts
from awesomelint.runner import FileResult

_PULL_REQUEST_EVENTS = ("pull_request", "pull_request_target")
_FAIL_ON = ("error", "warning", "never")


def _flag(environ: Mapping[str, str], name: str, default: str) -> str:
    return (environ.get(f"INPUT_{name.upper().replace('-', '_')}") or default).strip()


def _truthy(value: str, name: str) -> bool:
    lowered = value.lower()
    if lowered not in ("true", "false"):
        raise FatalError(f"input {name}: expected true or false, got {value!r}")
    return lowered == "true"


def _diff_base(environ: Mapping[str, str], workspace: Path) -> str | None:
    """The pull request's base branch as this checkout knows it, or None when there is none."""
    base = environ.get("GITHUB_BASE_REF", "")
    if environ.get("GITHUB_EVENT_NAME") not in _PULL_REQUEST_EVENTS or not base:
        return None
    for candidate in (f"origin/{base}", base):
        known = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}"],
            cwd=workspace,
            capture_output=True,
            check=False,
        )
        if known.returncode == 0:
            return candidate
    sys.stderr.write(f"awesomelint: base branch {base!r} is not fetched; linting every line\n")
    return None


def arguments(environ: Mapping[str, str], workspace: Path) -> list[str]:
    """The command line the inputs stand for."""
    files = shlex.split(_flag(environ, "files", "README.md"))
    argv = [*files, *shlex.split(_flag(environ, "args", ""))]
    if _truthy(_flag(environ, "offline", "false"), "offline"):
        argv.append("--offline")
    changed_only = _flag(environ, "changed-only", "auto").lower()
    wanted = changed_only == "auto" or _truthy(changed_only, "changed-only")
    base = _diff_base(environ, workspace) if wanted else None
    if base is not None:
        argv += ["--diff-base", base]
    return argv


def _write_outputs(environ: Mapping[str, str], values: Mapping[str, str]) -> None:
    output = environ.get("GITHUB_OUTPUT")
    if output:
        with Path(output).open("a", encoding="utf-8") as stream:
            stream.writelines(f"{key}={value}\n" for key, value in values.items())


def exit_status(results: Sequence[FileResult], fail_on: str) -> int:
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    _, errors, warnings = summary_counts(results)
    if fail_on == "error":
        return 1 if errors else 0
    if fail_on == "warning":
        return 1 if errors or warnings else 0
    return 0


def run(environ: Mapping[str, str]) -> int:
    workspace = Path(environ.get("GITHUB_WORKSPACE") or Path.cwd())
    fail_on = _flag(environ, "fail-on", "error").lower()
    if fail_on not in _FAIL_ON:
        raise FatalError(f"input fail-on: expected one of {', '.join(_FAIL_ON)}, got {fail_on!r}")
    argv = arguments(environ, workspace)
    sys.stderr.write(f"awesomelint {shlex.join(argv)}\n")
    os.chdir(workspace)  # paths in annotations must be relative to the repository root
    args = build_parser().parse_args(argv)
    run_result, _ = lint_for(args, all_rules())
    results = run_result.files
    reporter("github")(results, sys.stdout, color=False)
    summary = environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with Path(summary).open("a", encoding="utf-8") as stream:
            reporter("markdown")(results, stream, color=False)
    sarif = _flag(environ, "sarif", "")
    if sarif:
        with Path(sarif).open("w", encoding="utf-8") as stream:
            reporter("sarif")(results, stream, color=False)
    _, errors, warnings = summary_counts(results)
    _write_outputs(environ, {"errors": str(errors), "warnings": str(warnings), "sarif": sarif})
    return exit_status(results, fail_on)


def main() -> int:
    try:
        return run(os.environ)
    except FatalError as error:
        sys.stdout.write(f"::error title=awesomelint::{error}\n")
        sys.stderr.write(f"awesomelint: {error}\n")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
