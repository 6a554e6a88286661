"""The hook as users run it: the real pre-commit installs this repository and runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BROKEN = "# Papers\n\n- [LoRA](arxiv.org/abs/2106.09685) - adapters.\n- [Tools](#tols)\n\n## Tools\n"
FIXED = "# Papers\n\n- [LoRA](https://arxiv.org/abs/2106.09685) - adapters.\n- [Tools](#tools)\n\n## Tools\n"


def pre_commit(folder: Path, home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *arguments],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.mark.slow
def test_the_hook_fails_on_defects_and_passes_once_they_are_fixed(tmp_path: Path) -> None:
    # try-repo clones the repository, so it must be one: a copy of the working tree, committed.
    repository = tmp_path / "awesomelint"
    shutil.copytree(
        ROOT, repository, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", "_generated")
    )
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    git(repository, "commit", "-q", "-m", "snapshot")
    project = tmp_path / "my-list"
    project.mkdir()
    git(project, "init", "-q")
    (project / "README.md").write_text(BROKEN, encoding="utf-8")
    (project / "notes.txt").write_text("[x](arxiv.org/abs/1)\n", encoding="utf-8")  # not Markdown: not linted
    git(project, "add", "-A")
    home = tmp_path / "pre-commit-home"

    failed = pre_commit(project, home, "try-repo", str(repository), "awesomelint", "--all-files", "--verbose")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "README.md:3:10: error missing-scheme 'arxiv.org/abs/2106.09685' has no scheme" in failed.stdout
    assert "README.md:4:11: error broken-anchor no heading or anchor for '#tols'" in failed.stdout
    assert "notes.txt" not in failed.stdout

    (project / "README.md").write_text(FIXED, encoding="utf-8")
    git(project, "add", "-A")
    passed = pre_commit(project, home, "try-repo", str(repository), "awesomelint", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "awesomelint" in passed.stdout and "Passed" in passed.stdout


def test_the_hooks_file_offers_an_offline_hook_and_a_link_checking_one() -> None:
    import yaml

    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"awesomelint", "awesomelint-links"}
    assert hooks["awesomelint"]["entry"] == "awesomelint --offline"
    assert "stages" not in hooks["awesomelint"]  # every commit
    assert hooks["awesomelint-links"]["entry"] == "awesomelint"
    assert set(hooks["awesomelint-links"]["stages"]) == {"manual", "pre-push"}
    assert all(hook["types"] == ["markdown"] for hook in hooks.values())
