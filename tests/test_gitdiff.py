from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.gitdiff import added_lines

OLD = (
    "# Papers\n"
    "\n"
    "- [LoRA](https://arxiv.org/abs/2106.09685) - low-rank adapters.\n"
    "- [Old tool](www.example.com/old) - an old mistake nobody touched.\n"
    "- [QLoRA](https://arxiv.org/abs/2305.14314) - quantised LoRA.\n"
)


def git(folder: Path, *arguments: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "README.md").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-q", "-m", "list")
    return tmp_path


def rules_and_lines(out: str) -> list[tuple[int, str]]:
    return [(int(line.split(":")[1]), line.split(" ")[2]) for line in out.splitlines() if line.count(":") >= 3]


def test_hunk_headers_give_the_added_lines() -> None:
    diff = "@@ -3,0 +4,2 @@\n+a\n+b\n@@ -10 +12 @@\n-x\n+y\n@@ -20,3 +21,0 @@\n-gone\n"
    assert added_lines(diff) == frozenset({4, 5, 12})


def test_only_findings_on_changed_lines_are_reported(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = repository / "README.md"
    git(repository, "checkout", "-q", "-b", "contribution")
    readme.write_text(
        OLD + "- [New tool](github.com/someone/tool) - added by a contributor.\n"
        "- [LoRA again](https://arxiv.org/pdf/2106.09685v2.pdf) - the same paper.\n",
        encoding="utf-8",
    )
    assert main([str(readme), "--offline", "--no-color"]) == 1
    everything = rules_and_lines(capsys.readouterr().out)
    assert (4, "missing-scheme") in everything  # the old mistake is still there
    assert main([str(readme), "--offline", "--no-color", "--diff-base", "main"]) == 1
    # The duplicate is reported on the new entry, which is what the contributor wrote.
    assert rules_and_lines(capsys.readouterr().out) == [(6, "missing-scheme"), (7, "duplicate-arxiv-id")]


def test_a_new_entry_above_the_one_it_duplicates_is_reported(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = repository / "README.md"
    lines = OLD.splitlines(keepends=True)
    lines.insert(2, "- [QLoRA twin](https://arxiv.org/abs/2305.14314v2) - listed again, near the top.\n")
    readme.write_text("".join(lines), encoding="utf-8")
    assert main([str(readme), "--offline", "--no-color", "--select", "duplicate-arxiv-id", "--diff-base", "main"]) == 1
    out = capsys.readouterr().out
    assert rules_and_lines(out) == [(3, "duplicate-arxiv-id")]
    assert "line 6" in out


def test_base_is_the_merge_base_so_base_branch_changes_are_not_the_contributors(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = repository / "README.md"
    git(repository, "checkout", "-q", "-b", "contribution")
    readme.write_text(OLD + "- [Mine](www.example.com/mine) - mine.\n", encoding="utf-8")
    git(repository, "commit", "-q", "-am", "mine")
    git(repository, "checkout", "-q", "main")
    (repository / "OTHER.md").write_text("- [x](www.example.com/x)\n", encoding="utf-8")
    git(repository, "add", "OTHER.md")
    git(repository, "commit", "-q", "-m", "on main meanwhile")
    git(repository, "checkout", "-q", "contribution")
    assert main([str(readme), "--offline", "--no-color", "--diff-base", "main"]) == 1
    assert rules_and_lines(capsys.readouterr().out) == [(6, "missing-scheme")]


def test_a_file_new_since_the_base_is_new_in_every_line(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = repository / "NEW.md"
    new.write_text("- [x](www.example.com/x)\n", encoding="utf-8")
    assert main([str(new), "--offline", "--no-color", "--diff-base", "main"]) == 1
    assert rules_and_lines(capsys.readouterr().out) == [(1, "missing-scheme")]


def test_unknown_revision_and_no_repository_are_one_line_errors(
    repository: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(repository / "README.md"), "--offline", "--diff-base", "no-such-branch"]) == 2
    assert capsys.readouterr().err == "awesomelint: --diff-base no-such-branch: no such commit, branch or tag\n"
    outside = tmp_path_factory.mktemp("plain") / "README.md"
    outside.write_text(OLD, encoding="utf-8")
    assert main([str(outside), "--offline", "--diff-base", "main"]) == 2
    assert "is not inside a git repository" in capsys.readouterr().err
