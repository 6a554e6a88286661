from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesomelint import rule as rule_module
from awesomelint.cli import main
from awesomelint.registry import all_rules


@pytest.fixture
def plugin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path where tests install tiny third-party distributions."""
    monkeypatch.syspath_prepend(str(tmp_path))
    before = dict(rule_module._registered)
    all_rules.cache_clear()
    yield tmp_path
    rule_module._registered.clear()
    rule_module._registered.update(before)
    all_rules.cache_clear()
    for name in [module for module in sys.modules if module.startswith("thirdparty_")]:
        del sys.modules[name]


def install(folder: Path, module: str, code: str) -> None:
    (folder / f"{module}.py").write_text(textwrap.dedent(code))
    dist = folder / f"{module}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[awesomelint.rules]\n{module} = {module}\n")


def test_third_party_rule_loads_through_entry_point(plugin_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install(
        plugin_dir,
        "thirdparty_todo",
        """
        from __future__ import annotations
        from awesomelint.rule import rule
        from awesomelint.document import Span

        @rule(name="todo-entry", summary="An entry still says TODO", documentation="# todo-entry\\n")
        def check(document, context):
            for entry in document.entries:
                if "TODO" in entry.text:
                    yield context.finding(Span(entry.line, 1, entry.line, 2), "entry says TODO")
        """,
    )
    assert "todo-entry" in all_rules()
    markdown = plugin_dir / "README.md"
    markdown.write_text("- TODO\n- done\n")
    assert main([str(markdown), "--select", "todo-entry", "-q", "--no-color"]) == 1
    assert capsys.readouterr().out == f"{markdown}:1:1: error todo-entry entry says TODO\n"
    assert main(["--explain", "todo-entry"]) == 0
    assert capsys.readouterr().out == "# todo-entry\n"


def test_broken_plugin_is_a_clear_error(plugin_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install(plugin_dir, "thirdparty_broken", "raise ImportError('needs foo')\n")
    assert main(["--list-rules"]) == 2
    assert capsys.readouterr().err == (
        "awesomelint: rule plugin entry point 'thirdparty_broken' (thirdparty_broken) failed to load: "
        "ImportError: needs foo\n"
    )


def test_plugin_reusing_a_builtin_name_is_refused(plugin_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install(
        plugin_dir,
        "thirdparty_clash",
        """
        from awesomelint.rule import rule

        @rule(name="broken-anchor", summary="clash")
        def check(document, context):
            return []
        """,
    )
    assert main(["--list-rules"]) == 2
    assert "two rules are named 'broken-anchor'" in capsys.readouterr().err


def test_rules_are_sorted_by_name() -> None:
    names = list(all_rules())
    assert names == sorted(names)
