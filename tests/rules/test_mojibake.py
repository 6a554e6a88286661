from __future__ import annotations

from pathlib import Path

import pytest

from awesomelint.finding import Finding
from awesomelint.fixing import fixed_text
from awesomelint.mojibake_text import find_mojibake
from awesomelint.runner import lint_text
from awesomelint.source import decode
from conftest import FIXTURES
from preservation import only_spans_changed

RULE = "mojibake"


def lint(markdown: str) -> list[Finding]:
    return lint_text(markdown, select=[RULE])


def fixed(markdown: str, findings: list[Finding]) -> str:
    return fixed_text(decode(markdown.encode(), "README.md"), findings).text


def test_message_quotes_the_word_and_the_fix_replaces_only_the_garbled_characters() -> None:
    [finding] = lint("| Title | Short |\n| --- | --- |\n| [Paper](https://example.com) | Œ®PO |\n")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 34, 3, 36)
    assert finding.message == '"Œ®PO" is mojibake for "ΨPO" (UTF-8 read as Mac Roman)'
    assert finding.fix is not None
    [edit] = finding.fix.edits
    assert (edit.line, edit.column, edit.end_line, edit.end_column, edit.replacement) == (3, 34, 3, 36, "Ψ")


def test_the_four_mac_roman_defects_of_the_seed_are_found() -> None:
    markdown = (FIXTURES / "awesome-llm-papers.md").read_text(encoding="utf-8")
    found = {(f.line, f.column): f for f in lint(markdown)}
    korean = found[(2, 1)]
    assert korean.message.startswith('"Ï§ëÏöîÌïú LLM Í¥ÄÎ†® ')
    assert '"중요한 LLM 관련 논문들을 팔로잉하고 있습니다🤗"' in korean.message
    assert found[(60, 137)].message == '"ALiBi¬†" is mojibake for "ALiBi\\u00a0" (UTF-8 read as Mac Roman)'
    assert found[(62, 29)].message == '"Hard‚Ä¶but" is mojibake for "Hard…but" (UTF-8 read as Mac Roman)'
    assert [key for key in found if key[0] == 76] == [(76, 108), (76, 164)]
    # The fixes replace exactly the garbled runs, and after them the rule is quiet.
    findings = list(found.values())
    once = fixed(markdown, findings)
    source = decode(markdown.encode(), "README.md")
    spans = [
        (source.offset(edit.line, edit.column), source.offset(edit.end_line, edit.end_column))
        for finding in findings
        if finding.fix is not None
        for edit in finding.fix.edits
    ]
    assert only_spans_changed(markdown, once, spans)
    assert "ALiBi\u00a0|" in once and "Hard…but" in once and once.count("ΨPO") == 2
    assert lint(once) == []


def test_windows_1252_and_latin_1_cases_are_left_to_ftfy() -> None:
    findings = lint("- [CafÃ© list](https://example.com) - what we donâ€™t know.\n")
    assert [f.message for f in findings] == [
        '"CafÃ©" is mojibake for "Café" (UTF-8 read as Windows-1252 or Latin-1)',
        '"donâ€™t" is mojibake for "don’t" (UTF-8 read as Windows-1252)',
    ]
    assert fixed("- [CafÃ© list](https://example.com) - what we donâ€™t know.\n", findings) == (
        "- [Café list](https://example.com) - what we don’t know.\n"
    )


def test_text_garbled_twice_is_repaired_in_one_fix() -> None:
    markdown = "- ÃƒÂ©tÃƒÂ©\n"
    [finding] = lint(markdown)
    assert finding.message == '"ÃƒÂ©tÃƒÂ©" is mojibake for "été" (UTF-8 read as Windows-1252)'
    assert fixed(markdown, [finding]) == "- été\n"


def test_an_emoji_that_lost_its_first_byte_is_reported_without_a_fix() -> None:
    [finding] = lint("Following the newest papersü§ó\n")
    assert finding.message == (
        '"papersü§ó" is mojibake, probably for "papers🤗" (UTF-8 read as Mac Roman, with a byte lost)'
    )
    assert finding.fix is None
    # With the Apple logo that Mac Roman reads the lost byte as, the emoji is whole again.
    [whole] = lint("Following the newest papers\uf8ffü§ó\n")
    assert whole.fix is not None and whole.fix.edits[0].replacement == "🤗"


def test_code_pages_that_disagree_give_no_fix() -> None:
    [finding] = lint("- ÄŒ©\n")
    assert finding.message == '"ÄŒ©" is mojibake for "ÄΩ" or "Č©" (UTF-8 read as Mac Roman or Windows-1252)'
    assert finding.fix is None


def test_headings_link_texts_and_cells_are_text_but_code_and_targets_are_not() -> None:
    markdown = (
        "## Caf√© papers\n"
        "\n"
        "- [Fran√ßois](https://example.com/Fran√ßois) `Fran√ßois`\n"
        "\n"
        "```\n"
        "Fran√ßois\n"
        "```\n"
        "\n"
        "| Name |\n"
        "| --- |\n"
        "| Wroc≈Çaw |\n"
    )
    findings = lint(markdown)
    assert [(f.line, f.column, f.end_column) for f in findings] == [(1, 7, 9), (3, 8, 10), (11, 7, 9)]


def test_columns_count_code_points() -> None:
    [finding] = lint("- 🤗 藤井 Œ®PO\n")
    assert (finding.column, finding.end_column) == (8, 10)


@pytest.mark.parametrize(
    "text",
    [
        "Timothée Lacroix, Ekin Akyürek, Ali Köksal, Baptiste Rozière, Ré Kim, Hervé Jégou",
        "Agréées, Fundação, Informações, Ærø, Ørsted, Þórður, Hämäläinen, Dvořák, Łódź, Bucureşti",
        "ΨPO, α-tuning, λ, Σ, Иван Петров, 藤井, 중요한 LLM 관련 논문들, 王小明",
        "papers🤗, 🚀, ❤️, 👍🏽",
        "√π, x ≈ π, ∆µ, ≤ 5, ≥ 3, 2×3, ±2, 25 °C, ½, ∞, © 2024, ®, ™, §3, €5",
        "“élan”, l’école, d’été, qu’à, »Über«, „Übung“, ”Även”, « élan », CAFÉ”, München–Köln",
        "ALiBi\u00a0| «\u00a0élan\u00a0» | 10\u00a0€",
    ],
    ids=["names", "more-names", "scripts", "emoji", "math", "quotes", "no-break-spaces"],
)
def test_correct_text_is_quiet(text: str) -> None:
    assert lint(f"- {text}\n") == []


def test_find_mojibake_gives_offsets_into_the_text() -> None:
    [garbled] = find_mojibake("DR¬µGS")
    assert (garbled.start, garbled.end, garbled.readings, garbled.repair) == (2, 4, ("µ",), "µ")


def test_the_rule_is_quiet_on_the_real_lists() -> None:
    for path in sorted((FIXTURES / "corpus").glob("*.md")):
        assert lint(path.read_text(encoding="utf-8")) == [], path.name


def test_a_large_list_reports_exactly_its_garbled_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).parents[2] / "bench"))
    from lint_speed import generate

    markdown = generate(10_000).replace("Contents", "Contents 🤗 «élan» Agréées")
    garbled = "".join(f"- [Paper {n}](https://example.com/{n}) - Œ®PO, Sch√§fer, Agréées\n" for n in range(2_000))
    assert lint(markdown) == []
    assert len(lint(garbled)) == 4_000
