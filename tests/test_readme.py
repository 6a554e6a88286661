"""The README is part of the interface: its set-up commands, rule table and CI command stay true."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from awesomelint.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_set_up_commands() -> None:
    blocks = re.findall(r"^```sh\n(.*?)\n```", README, flags=re.DOTALL | re.MULTILINE)
    install_and_run, install_and_test = blocks[:2]
    assert "pip install ." in install_and_run and "awesomelint examples/" in install_and_run
    assert "pip install -e '.[test]'" in install_and_test and "python -m pytest" in install_and_test
    first_heading = README.index("\n## ")
    assert README.index(install_and_test) < first_heading


def test_ci_runs_the_readme_test_command() -> None:
    awk = "/ci-test-command/ {found=1} found && /^```sh/ {getline; print; exit}"
    extracted = subprocess.run(["awk", awk, "README.md"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert (
        extracted.stdout.strip()
        == "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && python -m pytest"
    )
    assert "ci-test-command" in (ROOT / ".ci" / "run").read_text()


def readme_rule_rows() -> dict[str, list[str]]:
    table = README[README.index("<!-- rules-table") :].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {row.split("`")[1]: [cell.strip() for cell in row.strip("|").split("|")] for row in rows}


def test_the_readme_rule_table_matches_the_rules_it_names() -> None:
    # Adding a rule must not require editing the README, so a missing row is allowed;
    # a wrong or stale one is not.
    rows = readme_rule_rows()
    rules = all_rules()
    assert set(rows) <= set(rules), "the README lists rules that do not exist"
    for name, cells in rows.items():
        assert cells[1] == rules[name].severity.value, name
        assert (cells[2] == "yes") == rules[name].fixable, name


def test_every_rule_doc_belongs_to_a_rule() -> None:
    docs = {path.stem for path in (ROOT / "rules").glob("*.md")}
    assert docs == set(all_rules())
