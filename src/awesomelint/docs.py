"""Rule documentation: `rules/<rule-name>.md`, shipped inside the package for --explain."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from awesomelint.rule import Rule

SECTIONS = ("What it checks", "Why it matters", "Example", "Use instead", "Options", "Fix")
_CODE_BLOCK = re.compile(r"^```markdown[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


def rule_doc(rule: Rule) -> str | None:
    """The rule's Markdown doc: its own text for plugins, else the packaged or checked-out file."""
    if rule.documentation is not None:
        return rule.documentation
    name = f"{rule.name}.md"
    packaged = resources.files("awesomelint") / "rule_docs" / name
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "rules" / name
    if checkout.is_file():
        return checkout.read_text(encoding="utf-8")
    return None


def sections(doc: str) -> dict[str, str]:
    """The doc's `## ` sections by heading (headings inside code blocks do not count)."""
    found: dict[str, str] = {}
    heading: str | None = None
    body: list[str] = []
    fenced = False
    for line in doc.splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            if heading is not None:
                found[heading] = "".join(body)
            heading, body = line[3:].strip(), []
            continue
        body.append(line)
    if heading is not None:
        found[heading] = "".join(body)
    return found


def examples(section: str) -> list[str]:
    """The ```markdown blocks of a section: the lists a doc's examples lint."""
    return [match.group(1) for match in _CODE_BLOCK.finditer(section)]
