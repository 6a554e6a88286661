from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.cli import main
from awesomelint.config import RawConfig, find_config_file, parse_config, read_config_file, resolve
from awesomelint.errors import FatalError
from awesomelint.finding import Severity
from awesomelint.registry import all_rules

BROKEN = "# List\n\n- [Tools](#tols)\n\n## Tools\n"


def test_pyproject_section_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.awesomelint]\nignore = ["broken-anchor"]\n')
    nested = tmp_path / "docs" / "lists"
    nested.mkdir(parents=True)
    assert find_config_file(nested) == tmp_path / "pyproject.toml"
    (nested / "README.md").write_text(BROKEN)
    assert main([str(nested / "README.md")]) == 0


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / ".awesomelint.toml").write_text("select = []\n")
    assert find_config_file(tmp_path / "inner") == tmp_path / "inner" / ".awesomelint.toml"
    assert find_config_file(tmp_path) is None or find_config_file(tmp_path) != tmp_path / "pyproject.toml"


def test_dot_file_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.awesomelint]\n")
    (tmp_path / ".awesomelint.toml").write_text("")
    assert find_config_file(tmp_path) == tmp_path / ".awesomelint.toml"


def test_rule_table_sets_severity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".awesomelint.toml").write_text('[rules.broken-anchor]\nseverity = "warning"\n')
    (tmp_path / "README.md").write_text(BROKEN)
    assert main([str(tmp_path / "README.md"), "--no-color"]) == 0
    assert "warning broken-anchor" in capsys.readouterr().out


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    (tmp_path / ".awesomelint.toml").write_text('[rules.broken-anchor]\nseverity = "warning"\n')
    (tmp_path / "README.md").write_text(BROKEN)
    assert main([str(tmp_path / "README.md"), "--severity", "broken-anchor=error", "-q"]) == 1


def test_explicit_config_replaces_discovery(tmp_path: Path) -> None:
    (tmp_path / ".awesomelint.toml").write_text('ignore = ["broken-anchor"]\n')
    other = tmp_path / "strict.toml"
    other.write_text("")
    (tmp_path / "README.md").write_text(BROKEN)
    assert main([str(tmp_path / "README.md")]) == 0
    assert main([str(tmp_path / "README.md"), "--config", str(other), "-q"]) == 1


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("selct = []", "unknown key 'selct'"),
        ('select = ["nope"]', "'select': unknown rule 'nope'"),
        ("ignore = 3", "'ignore': expected a list of rule names"),
        ("[rules.nope]\nx = 1", "[rules.nope]: unknown rule 'nope'"),
        ("[rules.broken-anchor]\nseverity = 'fatal'", "severity must be 'error' or 'warning', not 'fatal'"),
        ("[rules.broken-anchor]\nlimit = 3", "unknown option 'limit' (known: severity)"),
        ("allow-private = 'yes'", "'allow-private' must be true or false"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, message: str
) -> None:
    config = tmp_path / ".awesomelint.toml"
    config.write_text(toml + "\n")
    (tmp_path / "README.md").write_text(BROKEN)
    assert main([str(tmp_path / "README.md")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"awesomelint: {config}")
    assert message in err
    assert err.count("\n") == 1


def test_pyproject_errors_name_the_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.awesomelint]\nbogus = 1\n")
    with pytest.raises(FatalError, match=r"pyproject.toml \[tool.awesomelint\]: unknown key 'bogus'"):
        read_config_file(tmp_path / "pyproject.toml")


def test_select_replaces_and_ignore_adds_up() -> None:
    known = all_rules()
    first = parse_config({"select": ["broken-anchor"], "ignore": []}, "a")
    second = RawConfig(origin="b", ignore=("broken-anchor",))
    assert resolve([first], known).names == {"broken-anchor"}
    assert resolve([first, second], known).names == frozenset()
    everything = resolve([RawConfig(origin="c")], known)
    assert everything.names == frozenset(known)
    assert all(active.severity is active.rule.severity for active in everything.rules)


def test_severity_default_and_override() -> None:
    settings = resolve([parse_config({"rules": {"broken-anchor": {"severity": "warning"}}}, "x")], all_rules())
    active = next(a for a in settings.rules if a.rule.name == "broken-anchor")
    assert active.severity is Severity.WARNING
