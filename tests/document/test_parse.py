from __future__ import annotations

import pytest

from awesomelint.document import Document, EntryKind, LinkKind
from awesomelint.errors import InputError
from awesomelint.runner import parse_source
from awesomelint.source import decode
from conftest import FIXTURES


def parse_text(text: str) -> Document:
    return parse_source(decode(text.encode(), "README.md"), None)


def target_at(document: Document, index: int) -> str:
    """The source text at a link's span: must equal the target as written."""
    link = document.links[index]
    line = document.source.lines[link.span.line - 1]
    return line[link.span.column - 1 : link.span.end_column - 1]


def test_table_without_outer_pipes_maps_cells_to_headers() -> None:
    document = parse_text(
        "## Papers\n\n| Paper | Date |\n|---|---|\n[LoRA](https://arxiv.org/abs/2106.09685) | Oct. 2021\n"
    )
    (entry,) = document.entries
    assert entry.kind is EntryKind.TABLE_ROW
    assert entry.section == ("Papers",)
    assert entry.title == "LoRA"
    date = entry.cell("date")
    assert date is not None and date.text == "Oct. 2021"
    assert (date.span.line, date.span.column, date.span.end_column) == (5, 44, 53)
    assert document.links[0].span.column == 8
    assert target_at(document, 0) == "https://arxiv.org/abs/2106.09685"


def test_escaped_pipes_and_br_stay_inside_their_cell() -> None:
    document = parse_text("| A | B |\n|---|---|\n| x \\| y | one<br>two |\n")
    cells = document.entries[0].cells
    assert [cell.text for cell in cells] == ["x \\| y", "one<br>two"]
    assert document.tables[0].header[1].header == "B"


def test_header_with_br_is_read_as_plain_text() -> None:
    document = parse_text("| Paper | HIGHLY<br>RECOMMENDED|\n|---|---|\n| a | b |\n")
    assert [cell.header for cell in document.tables[0].header] == ["Paper", "HIGHLY RECOMMENDED"]


def test_nested_list_items_are_entries_that_know_their_parent() -> None:
    document = parse_text("# L\n\n- [a](https://a.example)\n  - [b](https://b.example)\n- [c](https://c.example)\n")
    outer, inner, last = document.entries
    assert inner.parent == outer.index and outer.parent is None and last.parent is None
    assert [link.target for link in outer.links] == ["https://a.example"]
    assert [link.target for link in inner.links] == ["https://b.example"]
    assert (outer.line, outer.end_line) == (3, 4)


def test_entry_spanning_lines_and_its_title() -> None:
    source = (FIXTURES / "llama-paper-list.md").read_bytes()
    document = parse_source(decode(source, "llama-paper-list.md"), None)
    dr_llama = next(entry for entry in document.entries if entry.title.startswith("Dr. LLaMA"))
    assert dr_llama.title == "Dr. LLaMA: Improving Small Language Models on PubMedQA via Generative Data Augmentation"
    assert dr_llama.end_line == dr_llama.line + 2
    assert [link.destination for link in dr_llama.links] == ["https://arxiv.org/abs/2305.07804"]


@pytest.mark.parametrize(
    ("markdown", "kind", "target"),
    [
        ("See [x](https://a.example/p).", LinkKind.INLINE, "https://a.example/p"),
        ("See <https://a.example/q>.", LinkKind.AUTOLINK, "https://a.example/q"),
        ("See https://a.example/r, or not.", LinkKind.BARE, "https://a.example/r"),
        ("See www.example.com/s.", LinkKind.BARE, "www.example.com/s"),
        ('See <a href="https://a.example/t">t</a>.', LinkKind.HTML, "https://a.example/t"),
        ("See [x][ref].\n\n[ref]: https://a.example/u", LinkKind.REFERENCE, "https://a.example/u"),
        ("See [x](https://a.example/\\_v).", LinkKind.INLINE, "https://a.example/\\_v"),
        ("See [x](<https://a.example/w>).", LinkKind.INLINE, "https://a.example/w"),
    ],
)
def test_every_kind_of_link_is_found_at_its_target(markdown: str, kind: LinkKind, target: str) -> None:
    document = parse_text(markdown + "\n")
    (link,) = document.links
    assert link.kind is kind
    assert link.target == target
    assert target_at(document, 0) == target


def test_reference_link_points_at_its_definition() -> None:
    document = parse_text("- [x][Ref]\n\n[ref]:   https://a.example/u\n")
    (link,) = document.links
    assert (link.span.line, link.span.column) == (3, 10)
    assert link.entry == 0


def test_links_in_code_are_not_links() -> None:
    document = parse_text(
        "`[x](https://a.example)` and ``https://b.example``\n\n```\n[y](https://c.example)\n```\n\n"
        "    https://d.example\n"
    )
    assert document.links == ()
    assert document.code_lines == frozenset({3, 4, 5, 7})


def test_same_target_twice_on_a_line_gets_both_columns() -> None:
    document = parse_text("[a](https://x.example) [b](https://x.example)\n")
    assert [link.span.column for link in document.links] == [5, 28]


def test_badge_inside_link_is_two_links_in_source_order() -> None:
    document = parse_text("[![build](https://img.example/b.svg)](https://ci.example)\n")
    image, link = document.links
    assert image.is_image and image.target == "https://img.example/b.svg"
    assert link.contains_image and link.target == "https://ci.example"
    assert image.span.column < link.span.column


def test_html_block_links_and_anchors() -> None:
    document = parse_text('<p align="center">\n  <img src="logo.png" alt="">\n  <a name="top-anchor"></a>\n</p>\n')
    (link,) = document.links
    assert link.is_image and link.target == "logo.png"
    assert (link.span.line, link.span.column) == (2, 13)
    assert "top-anchor" in document.anchors


def test_github_slugs_with_duplicates_and_punctuation() -> None:
    document = parse_text("# Tools & Libraries\n## FAQ\n## FAQ\n## C++ / C#\n## Café\n")
    assert [heading.slug for heading in document.headings] == [
        "tools--libraries",
        "faq",
        "faq-1",
        "c--c",
        "café",
    ]


def test_heading_images_give_their_slug_no_alt_text() -> None:
    # GitHub slugs a heading's text content: a badge adds nothing, but the space before it stays.
    document = parse_text(
        "# Awesome-LLM [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
        "## ![logo](logo.png) Tools\n"
        "## Plain :tada:\n"
    )
    assert [heading.slug for heading in document.headings] == ["awesome-llm-", "-tools", "plain"]
    assert "awesome-llm-awesome" not in document.anchors
    assert document.headings[0].text == "Awesome-LLM Awesome"


def test_bold_title_after_a_short_label() -> None:
    document = parse_text(
        '1. <u>GPT-3</u>: **"Language Models are Few-Shot Learners"**. *Tom B. Brown et al.* 2020.\n'
        "1. Read the survey of **Zhao et al.** first\n"
        "1. A long sentence that introduces something and then ends with a colon: **bold words**\n"
    )
    assert [entry.title for entry in document.entries] == [
        "Language Models are Few-Shot Learners",
        "Read the survey of Zhao et al. first",
        "A long sentence that introduces something and then ends with a colon: bold words",
    ]


def test_crlf_bom_and_tabs_keep_positions() -> None:
    data = b"\xef\xbb\xbf# T\r\n\r\n-\t[a](https://a.example)\r\n- [b](https://b.example)\r\n"
    document = parse_source(decode(data, "x.md"), None)
    assert document.source.bom
    assert [(link.span.line, link.span.column) for link in document.links] == [(3, 7), (4, 7)]
    assert [entry.line for entry in document.entries] == [3, 4]


def test_section_path_follows_heading_levels() -> None:
    document = parse_text("# A\n## B\n### C\n- x\n## D\n- y\n")
    assert [entry.section for entry in document.entries] == [("A", "B", "C"), ("A", "D")]


def test_comments_outside_code_are_collected() -> None:
    document = parse_text("<!-- one -->\n\n```\n<!-- not this -->\n```\ntext <!-- two\nlines -->\n")
    assert [(comment.text.strip(), comment.line, comment.end_line) for comment in document.comments] == [
        ("one", 1, 1),
        ("two\nlines", 6, 7),
    ]


def test_text_runs_have_positions_and_entries() -> None:
    document = parse_text("- **Title** [paper] (https://x.example)\n")
    runs = [(run.text, run.line, run.column, run.entry) for run in document.texts]
    assert ("Title", 1, 5, 0) in runs
    assert (" [paper] (https://x.example)", 1, 12, 0) in runs


def test_deep_nesting_is_an_input_error_not_a_hang() -> None:
    text = "".join("  " * depth + "- x\n" for depth in range(1000))
    with pytest.raises(InputError, match="line 501 is indented over 1000 columns: nested too deeply"):
        parse_text(text)


def test_deep_quotes_and_inline_nesting_parse() -> None:
    document = parse_text("> " * 3000 + "x\n\n" + "- " * 2000 + "[a](https://a.example)\n")
    assert len(document.entries) == 2000
    assert document.links[0].entry == 1999


def test_a_table_row_is_titled_by_its_paper_column_not_its_leading_date() -> None:
    document = parse_text(
        "| Date | Keywords | Paper |\n|---|---|---|\n"
        "| 2017-06 | Transformers | [Attention Is All You Need](https://arxiv.org/abs/1706.03762) |\n"
    )
    assert [entry.title for entry in document.entries] == ["Attention Is All You Need"]


def test_a_plain_title_ends_at_numbering_a_wide_gap_or_quotes() -> None:
    document = parse_text(
        "| Paper | Links |\n|---|---|\n"
        "| 2) MEM1  This work introduces MEM1, an RL framework | [Paper](https://arxiv.org/abs/2506.15841) |\n\n"
        '- <u>GPT-3</u>: **"Language Models are Few-Shot Learners"**. NeurIPS 2020.\n'
    )
    assert [entry.title for entry in document.entries] == ["MEM1", "Language Models are Few-Shot Learners"]


def test_an_emoji_shortcode_before_a_title_is_decoration() -> None:
    document = parse_text("- :star: [SparseGPT: Massive Language Models](https://github.com/IST-DASLab/sparsegpt)\n")
    assert [entry.title for entry in document.entries] == ["SparseGPT: Massive Language Models"]


def test_a_url_written_as_link_text_or_alt_text_is_not_a_bare_link_of_its_own() -> None:
    document = parse_text(
        "- [https://x.example/a](https://x.example/a) and https://y.example/b\n- ![see https://z.example](i.png)\n"
    )
    assert [(link.kind, link.destination) for link in document.links] == [
        (LinkKind.INLINE, "https://x.example/a"),
        (LinkKind.BARE, "https://y.example/b"),
        (LinkKind.INLINE, "i.png"),
    ]


def test_texts_of_gives_an_entrys_own_text_runs_in_order() -> None:
    document = parse_text("Intro text.\n\n- **Title** one\n  - nested two\n")
    parent, child = document.entries
    assert [run.text for run in document.texts_of(parent)] == ["Title", " one"]
    assert [run.text for run in document.texts_of(child)] == ["nested two"]
