"""One mistletoe parse turned into a Document: entries, tables, headings and located links."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from awesomelint.document.fast_import import import_mistletoe
from awesomelint.document.inline import (
    BARE_URL,
    HTML_ATTRIBUTE,
    Cursor,
    plain_text,
    trim_bare_url,
)
from awesomelint.document.model import (
    Cell,
    Comment,
    Document,
    Entry,
    EntryKind,
    Heading,
    Link,
    LinkKind,
    Span,
    Table,
    TextRun,
)
from awesomelint.document.slugs import Slugger, slug_candidates
from awesomelint.document.tables import split_row
from awesomelint.source import SourceText

# mistletoe keeps its token registry and the document being parsed in module globals.
_PARSE_LOCK = threading.Lock()
_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^>\n]*>|\S+)")
_QUOTE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_TITLE_LIMIT = 100
_TITLE_HEADER = re.compile(r"(?:paper|papers|title|paper title|name|project|repository|repo|tool|library|api)s?")
_NUMBERING = re.compile(r"^\s*\d+[.)][ \t]+")
_TITLE_END = re.compile(r"[ \t]+[-–—][ \t]+|[ \t]{2,}")
# Numbering (`1.`, `2)`) and emoji shortcodes (`:star:` for a recommended paper) before a title.
_DECORATION_TEXT = re.compile(r"\s*(?:\d+[.)]\s*)?(?::[a-z0-9_+-]+:\s*)*")
_QUOTES = {'"': '"', "“": "”", "'": "'"}
_LABEL_LIMIT = 40  # `Flan-PaLM && Flan-U-PaLM:` is a label; a sentence ending in a colon is not
_SLACK_LINES = 4


def _mistletoe_document(lines: Sequence[str]) -> Any:
    import_mistletoe()
    from mistletoe import block_token, span_token

    with _PARSE_LOCK:
        if block_token.HtmlBlock not in block_token._token_types:
            block_token.add_token(block_token.HtmlBlock)  # type: ignore[no-untyped-call]
        if span_token.HtmlSpan not in span_token._token_types:
            span_token.add_token(span_token.HtmlSpan)  # type: ignore[no-untyped-call]
        return block_token.Document([line + "\n" for line in lines])


def _tokenize_inline(root: Any, text: str) -> Any:
    """Span tokens for text outside mistletoe's parse: `[a][b]` looks `b` up in the document being parsed."""
    from mistletoe import span_token, token

    with _PARSE_LOCK:
        token._root_node = root
        try:
            return span_token.tokenize_inner(text)  # type: ignore[no-untyped-call]
        finally:
            token._root_node = None


def _normalise_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def parse(source: SourceText, file: Path | None = None) -> Document:
    """Parse a decoded file once and build the document rules read."""
    root = _mistletoe_document(source.lines)
    builder = _Builder(source, root)
    builder.read_definitions(root.footnotes)
    builder.blocks(root.children, len(source.lines), parent=None, in_quote=False)
    return builder.finish(file)


def _is_blank(line: str) -> bool:
    return not line.strip()


class _Builder:
    def __init__(self, source: SourceText, root: Any) -> None:
        self.source = source
        self.root = root  # mistletoe's document, which holds the link reference definitions
        self.lines = source.lines
        self.headings: list[Heading] = []
        self.heading_stack: list[tuple[int, str]] = []
        self.slugger = Slugger()
        self.anchors: set[str] = set()
        self.entries: list[Entry | None] = []
        self.entry_links: list[list[Link]] = []
        self.tables: list[Table] = []
        self.links: list[Link] = []
        self.texts: list[TextRun] = []
        self.code_lines: set[int] = set()
        self.definitions: dict[str, tuple[str, Span]] = {}
        self.plain_texts: dict[int, str] = {}  # by token id: images nest in images
        self.labels_by_target: dict[str, str] = {}  # the first definition of each destination

    # -- blocks ---------------------------------------------------------------

    def _ends(self, children: Sequence[Any], limit: int) -> list[int]:
        """The last line of each block: just before the next one starts, less blank lines."""
        ends: list[int] = []
        for number, child in enumerate(children):
            start = child.line_number
            end = limit
            for following in range(number + 1, len(children)):
                if children[following].line_number > start:
                    end = children[following].line_number - 1
                    break
            end = max(min(end, limit), start)
            while end > start and _is_blank(self.lines[end - 1]):
                end -= 1
            ends.append(end)
        return ends

    def blocks(self, children: Sequence[Any], limit: int, parent: int | None, in_quote: bool) -> None:
        children = [child for child in children if getattr(child, "line_number", None) is not None]
        for child, end in zip(children, self._ends(children, limit), strict=True):
            self.block(child, end, parent, in_quote)

    def block(self, token: Any, end: int, parent: int | None, in_quote: bool) -> None:
        name = type(token).__name__
        start: int = token.line_number
        if name in ("Heading", "SetextHeading"):
            self.heading(token, start, end, parent)
        elif name == "Paragraph":
            self.spans(token.children, start, end, parent)
        elif name == "List":
            self.blocks(token.children, end, parent, in_quote)
        elif name == "ListItem":
            self.list_item(token, start, end, parent, in_quote)
        elif name == "Quote":
            self.blocks(token.children, end, parent, in_quote=True)
        elif name == "Table":
            self.table(token, start, parent, in_quote)
        elif name in ("CodeFence", "BlockCode"):
            self.code_lines.update(range(start, end + 1))
        elif name == "HtmlBlock":
            self.html(self._offset(start, 1), self._offset(end + 1, 1), parent)

    def heading(self, token: Any, start: int, end: int, parent: int | None) -> None:
        text = " ".join(plain_text(token).split())
        candidates = slug_candidates(_slug_source(token, text))
        slug = self.slugger.slug(candidates[0])
        self.anchors.add(slug)
        for candidate in candidates[1:]:
            self.anchors.add(candidate)
        level: int = token.level
        self.headings.append(Heading(level=level, text=text, slug=slug, line=start))
        while self.heading_stack and self.heading_stack[-1][0] >= level:
            self.heading_stack.pop()
        self.heading_stack.append((level, text))
        self.spans(token.children, start, end, parent)

    def _section(self) -> tuple[str, ...]:
        return tuple(text for _, text in self.heading_stack)

    def _new_entry(self) -> int:
        self.entries.append(None)
        self.entry_links.append([])
        return len(self.entries) - 1

    def list_item(self, token: Any, start: int, end: int, parent: int | None, in_quote: bool) -> None:
        index = self._new_entry()
        section = self._section()
        self.blocks(token.children, end, index, in_quote)
        title = ""
        first = token.children[0] if token.children else None
        if first is not None and type(first).__name__ == "Paragraph":
            title = _entry_title(first.children)
        self.entries[index] = Entry(
            index=index,
            kind=EntryKind.LIST_ITEM,
            line=start,
            end_line=end,
            section=section,
            title=title,
            text="\n".join(self.lines[start - 1 : end]),
            links=tuple(self.entry_links[index]),
            parent=parent,
        )

    def table(self, token: Any, start: int, parent: int | None, in_quote: bool) -> None:
        section = self._section()
        header_cells = self._cells(start, None, in_quote)
        header = tuple(
            Cell(text=cell.text, header=" ".join(_cell_plain(cell.text).split()), span=cell.span)
            for cell in header_cells
        )
        headers = [cell.header or "" for cell in header]
        self._cell_spans(token.header.children, header_cells, start, parent)
        table_index = len(self.tables)
        rows: list[int] = []
        title_column = _title_column(headers)
        for row in token.children:
            line: int = row.line_number
            cells = self._cells(line, headers, in_quote)
            index = self._new_entry()
            rows.append(index)
            self._cell_spans(row.children, cells, line, index)
            title_cell = row.children[title_column] if title_column < len(row.children) else None
            first_tokens = title_cell.children if title_cell is not None else []
            self.entries[index] = Entry(
                index=index,
                kind=EntryKind.TABLE_ROW,
                line=line,
                end_line=line,
                section=section,
                title=_entry_title(first_tokens),
                text=self.lines[line - 1],
                links=tuple(self.entry_links[index]),
                parent=parent,
                table=table_index,
                cells=tuple(cells),
            )
        end_line = start + 1 + len(token.children)
        self.tables.append(
            Table(
                index=table_index,
                line=start,
                end_line=end_line,
                header=header,
                section=section,
                rows=tuple(rows),
            )
        )

    def _cells(self, line: int, headers: Sequence[str] | None, in_quote: bool) -> list[Cell]:
        text = self.lines[line - 1]
        prefix = 0
        if in_quote:
            match = _QUOTE_PREFIX.match(text)
            prefix = match.end() if match else 0
        cells: list[Cell] = []
        for number, raw in enumerate(split_row(text[prefix:])):
            name = headers[number] if headers is not None and number < len(headers) else None
            if headers is None:
                name = None
            span = Span(line, prefix + raw.start + 1, line, prefix + raw.end + 1)
            cells.append(Cell(text=raw.text, header=name, span=span))
        return cells

    def _cell_spans(self, tokens: Sequence[Any], cells: Sequence[Cell], line: int, entry: int | None) -> None:
        for number, cell in enumerate(cells):
            if number < len(tokens) and len(tokens) >= len(cells):
                children = tokens[number].children
            else:
                # mistletoe drops empty cells between pipes; tokenize this one ourselves.
                children = _tokenize_inline(self.root, cell.text.replace("\\|", "|"))
            start = self._offset(line, cell.span.column)
            stop = self._offset(line, cell.span.end_column)
            self._walk(children, Cursor(self.source.text, start, stop), entry)

    # -- spans ----------------------------------------------------------------

    def _offset(self, line: int, column: int) -> int:
        if line > len(self.lines):
            return len(self.source.text)
        return self.source.offset(line, column)

    def _span(self, start: int, end: int) -> Span:
        line, column = self.source.position(start)
        end_line, end_column = self.source.position(end)
        return Span(line, column, end_line, end_column)

    def spans(self, tokens: Sequence[Any], start: int, end: int, entry: int | None) -> None:
        links, texts = len(self.links), len(self.texts)
        cursor = Cursor(self.source.text, self._offset(start, 1), self._offset(end + 1, 1))
        self._walk(tokens, cursor, entry)
        if cursor.missed:
            # mistletoe numbers some blocks a line early (a list item that opens with a blank
            # line): forget this walk and look again with a few more lines.
            for link in self.links[links:]:
                if link.entry is not None:
                    self.entry_links[link.entry].pop()
            del self.links[links:], self.texts[texts:]
            cursor = Cursor(self.source.text, self._offset(start, 1), self._offset(end + _SLACK_LINES, 1))
            self._walk(tokens, cursor, entry)

    def _add_link(self, link: Link) -> None:
        self.links.append(link)
        if link.entry is not None:
            self.entry_links[link.entry].append(link)

    def _walk(self, tokens: Sequence[Any], cursor: Cursor, entry: int | None, *, in_link: bool = False) -> None:
        """`in_link`: inside a link's text or an image's alt, where GitHub links no bare URL."""
        for token in tokens:
            name = type(token).__name__
            if name == "RawText":
                self._raw_text(token.content, cursor, entry, bare_links=not in_link)
            elif name in ("Link", "Image"):
                self._walk(token.children, cursor, entry, in_link=True)
                self._link(token, name == "Image", cursor, entry)
            elif name == "AutoLink":
                self._autolink(token, cursor, entry)
            elif name == "InlineCode":
                cursor.skip_code_span()
            elif name == "HtmlSpan":
                at = cursor.find(token.content)
                if at >= 0:
                    self.html(at, at + len(token.content), entry)
                    cursor.position = at + len(token.content)
            elif name != "EscapeSequence":
                children = getattr(token, "children", None)
                if children:
                    self._walk(children, cursor, entry, in_link=in_link)

    def _raw_text(self, content: str, cursor: Cursor, entry: int | None, *, bare_links: bool = True) -> None:
        at = cursor.find(content)
        if at < 0:
            return
        cursor.position = at + len(content)
        line, column = self.source.position(at)
        self.texts.append(TextRun(content, line, column, entry))
        if not bare_links or ("www." not in content and "://" not in content):
            return
        for match in BARE_URL.finditer(content):
            url = trim_bare_url(match.group())
            if "." not in url.split("//")[-1]:
                continue
            begin = at + match.start()
            self._add_link(
                Link(
                    target=url,
                    destination=url,
                    text=url,
                    kind=LinkKind.BARE,
                    is_image=False,
                    span=self._span(begin, begin + len(url)),
                    entry=entry,
                )
            )

    def _link(self, token: Any, is_image: bool, cursor: Cursor, entry: int | None) -> None:
        destination: str = token.src if is_image else token.target
        text = " ".join(plain_text(token, memo=self.plain_texts).split())
        label: str | None = token.label
        if label is None and getattr(token, "dest_type", None) in ("shortcut", "collapsed"):
            # `[text]` and `[text][]`: mistletoe resolves the label but keeps it only for `[text][label]`.
            label = self.labels_by_target.get(destination)
        if label is not None:
            definition = self.definitions.get(_normalise_label(label))
            if definition is None:
                return
            target, span = definition
            kind = LinkKind.REFERENCE
            usage = cursor.find("]")
            if usage >= 0:
                cursor.position = usage + 1
        else:
            kind = LinkKind.INLINE
            found = cursor.find_destination(destination)
            if found is None:
                cursor.missed = True
                fallback = min(cursor.position, len(self.source.text))
                span = self._span(fallback, fallback)
                target = destination
            else:
                begin, finish = found
                span = self._span(begin, finish)
                target = self.source.text[begin:finish]
                cursor.position = finish
        self._add_link(
            Link(
                target=target,
                destination=destination,
                text=text,
                kind=kind,
                is_image=is_image,
                span=span,
                entry=entry,
                label=label,
                contains_image=_contains_image(token),
            )
        )

    def _autolink(self, token: Any, cursor: Cursor, entry: int | None) -> None:
        target: str = token.target
        at = cursor.find("<" + target + ">")
        if at < 0:
            cursor.missed = True
            return
        begin = at + 1
        cursor.position = begin + len(target) + 1
        destination = "mailto:" + target if token.mailto else target
        self._add_link(
            Link(
                target=target,
                destination=destination,
                text=target,
                kind=LinkKind.AUTOLINK,
                is_image=False,
                span=self._span(begin, begin + len(target)),
                entry=entry,
            )
        )

    def html(self, start: int, end: int, entry: int | None) -> None:
        """Links and anchors in raw HTML between two offsets, skipping comments."""
        text = self.source.text
        chunk = text[start:end]
        if "=" not in chunk:
            return
        chunk = _blank_comments(chunk)
        for tag in re.finditer(r"<[A-Za-z][^<>]*>", chunk):
            tag_name = tag.group()[1:].split(None, 1)[0].rstrip("/>").lower()
            for attribute in HTML_ATTRIBUTE.finditer(tag.group()):
                name = attribute.group(1).lower()
                group = next(g for g in (2, 3, 4) if attribute.group(g) is not None)
                value = attribute.group(group)
                if name in ("id", "name"):
                    self.anchors.add(value)
                    continue
                if name == "src" and tag_name not in ("img", "source", "video", "audio"):
                    continue
                if name == "href" and tag_name not in ("a", "area", "link"):
                    continue
                begin = start + tag.start() + attribute.start(group)
                self._add_link(
                    Link(
                        target=value,
                        destination=html.unescape(value),
                        text="",
                        kind=LinkKind.HTML,
                        is_image=name == "src",
                        span=self._span(begin, begin + len(value)),
                        entry=entry,
                    )
                )

    # -- whole document -------------------------------------------------------

    def read_definitions(self, footnotes: dict[str, tuple[str, str]]) -> None:
        """Locate the link reference definitions mistletoe accepted (it keeps no positions)."""
        if not footnotes:
            return
        from mistletoe.span_token import EscapeSequence

        for label, (destination, _title) in footnotes.items():
            self.labels_by_target.setdefault(destination, label)
        for number, line in enumerate(self.lines, start=1):
            if "]:" not in line:
                continue
            match = _DEFINITION.match(line)
            if match is None:
                continue
            label = _normalise_label(match.group(1))
            if label not in footnotes or label in self.definitions:
                continue
            target = match.group(2)
            column = match.start(2) + 1
            if target.startswith("<"):
                target, column = target[1:-1], column + 1
            # The same label can stand in a line that is no definition (a table row, a quote's
            # lazy line): only the line that gives mistletoe's destination is the definition.
            if EscapeSequence.strip(target.strip()) == footnotes[label][0]:  # type: ignore[no-untyped-call]
                self.definitions[label] = (target, Span(number, column, number, column + len(target)))

    def finish(self, file: Path | None) -> Document:
        text = self.source.text
        comments = tuple(
            Comment(text[begin + 4 : finish - 3], *self._lines_of(begin, finish))
            for begin, finish in _comments(text)
            if self.source.position(begin)[0] not in self.code_lines
        )
        entries = tuple(entry for entry in self.entries if entry is not None)
        return Document(
            path=self.source.path,
            file=file,
            source=self.source,
            headings=tuple(self.headings),
            entries=entries,
            tables=tuple(self.tables),
            links=tuple(self.links),
            texts=tuple(self.texts),
            comments=comments,
            anchors=frozenset(self.anchors),
            code_lines=frozenset(self.code_lines),
        )

    def _lines_of(self, start: int, end: int) -> tuple[int, int]:
        return self.source.position(start)[0], self.source.position(end)[0]


def _comments(text: str) -> Iterator[tuple[int, int]]:
    """Where each `<!-- ... -->` starts and ends.

    The regular expression `<!--(.*?)-->` would search to the end of the text again from
    every `<!--` that is never closed: quadratic time on a long line of them.
    """
    begin = text.find("<!--")
    while begin >= 0:
        finish = text.find("-->", begin + 4)
        if finish < 0:
            return  # no later comment can close either
        yield begin, finish + 3
        begin = text.find("<!--", finish + 3)


def _blank_comments(text: str) -> str:
    """The text with each comment replaced by as many spaces, so offsets still match."""
    pieces: list[str] = []
    kept = 0
    for begin, finish in _comments(text):
        pieces += [text[kept:begin], " " * (finish - begin)]
        kept = finish
    return "".join(pieces) + text[kept:]


def _contains_image(token: Any) -> bool:
    """Whether a link wraps an image: Markdown `![..](..)` or an HTML `<img>`, `<picture>`, `<svg>`."""
    for child in getattr(token, "children", None) or ():
        name = type(child).__name__
        if name == "Image" or (name == "HtmlSpan" and re.match(r"<\s*(?:img|picture|svg)\b", child.content, re.I)):
            return True
        if _contains_image(child):
            return True
    return False


def _slug_source(heading: Any, text: str) -> str:
    """The text GitHub slugs a heading from: an image gives no alt text but keeps the spaces around it.

    So `# Awesome-LLM [![Awesome](badge.svg)](https://awesome.re)` is `#awesome-llm-` on GitHub.
    """
    return plain_text(heading, images=False) if _contains_image(heading) else text


def _cell_plain(text: str) -> str:
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\\(.)", r"\1", text).replace("*", "").replace("`", "")


def _is_decoration(token: Any) -> bool:
    """Badges, line breaks, tags and list numbering that stand before an entry's title."""
    name = type(token).__name__
    if name == "RawText":
        return _DECORATION_TEXT.fullmatch(token.content) is not None
    if name == "Link":
        return _contains_image(token)
    return name in ("Image", "HtmlSpan", "LineBreak")


def _title_column(headers: Sequence[str]) -> int:
    """The column naming each row's subject: one headed like `Paper` or `Name`, else the first.

    Tables often lead with a date or a category (`| 2017-06 | Transformers | Google | [Paper](…) |`),
    and a title of "2017-06" would name nothing in a message.
    """
    for position, header in enumerate(headers):
        if _TITLE_HEADER.fullmatch(" ".join(header.casefold().split())):
            return position
    return 0


def _after_label(tokens: Sequence[Any]) -> int:
    """Where a bold title starts after a short label and a colon, as in `<u>GPT-3</u>: **"Title"**`; else 0.

    The label names the model, the bold text the paper, which is what a paper's title must match.
    """
    label = ""
    for position, token in enumerate(tokens):
        name = type(token).__name__
        if name == "Strong":
            label = " ".join(label.split())
            return position if label.endswith(":") and len(label) <= _LABEL_LIMIT else 0
        if name not in ("RawText", "HtmlSpan"):
            return 0
        label += plain_text(token)
    return 0


def _entry_title(tokens: Sequence[Any]) -> str:
    """The bold or link text an entry starts with (after badges, numbering and a `Label:`), else its first words."""
    tokens = list(tokens)
    while tokens and _is_decoration(tokens[0]):
        tokens.pop(0)
    if not tokens:
        return ""
    tokens = tokens[_after_label(tokens) :]
    if type(tokens[0]).__name__ in ("Strong", "Link", "Emphasis"):
        title = " ".join(plain_text(tokens[0]).split())
    else:
        written = _NUMBERING.sub("", "".join(plain_text(token) for token in tokens))
        # A dash, or a wide gap on one line (`1) MEM1  This work introduces…`), ends a plain title.
        title = " ".join(_TITLE_END.split(written, maxsplit=1)[0].split())
    title = title.rstrip(" .:")
    if len(title) > 2 and title[0] in _QUOTES and title[-1] == _QUOTES[title[0]]:
        title = title[1:-1]  # `**"Title"**`: the quotes are the list's typography, not the title's
    return title if len(title) <= _TITLE_LIMIT else title[: _TITLE_LIMIT - 1] + "…"
