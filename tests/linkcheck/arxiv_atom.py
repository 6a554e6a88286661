"""Atom answers in the arXiv API's format (export.arxiv.org/api/query?id_list=...).

The layout, namespaces, the line-wrapped titles and the error entry for a malformed ID
follow what the API returns; only the papers are chosen by the tests.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?search_query%3D%26id_list%3D{ids}%26start%3D0%26max_results%3D{count}" \
rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list={ids}&amp;start=0&amp;max_results={count}</title>
  <id>http://arxiv.org/api/4SOFGr6nZqYqHJW/FLcqhYbBTwg</id>
  <updated>2026-01-01T00:00:00-05:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{found}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{count}</opensearch:itemsPerPage>
"""
_ENTRY = """  <entry>
    <id>http://arxiv.org/abs/{identifier}v2</id>
    <updated>2021-10-16T21:37:24Z</updated>
    <published>2021-06-17T17:37:18Z</published>
    <title>{title}</title>
    <summary>  {summary}
</summary>
    <author>
      <name>Edward J. Hu</name>
    </author>
    <author>
      <name>Yelong Shen</name>
    </author>
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">{comment}</arxiv:comment>
    <link href="http://arxiv.org/abs/{identifier}v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/{identifier}v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
"""
_ERROR = """  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_{identifier}</id>
    <title>Error</title>
    <summary>incorrect id format for {identifier}</summary>
    <updated>2026-01-01T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_{identifier}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
"""


def wrap(title: str, width: int = 60) -> str:
    """The API breaks long titles over lines with two-space indents."""
    words, lines, line = title.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n  ".join(lines)


def feed(ids: list[str], papers: dict[str, tuple[str, str]], malformed: frozenset[str] = frozenset()) -> str:
    """An answer for `ids`: papers[id] = (title, comment); an ID in neither is left out, as arXiv does."""
    entries = []
    for identifier in ids:
        if identifier in malformed:
            entries.append(_ERROR.format(identifier=escape(identifier)))
        elif identifier in papers:
            title, comment = papers[identifier]
            summary = "This paper has been withdrawn by the authors." if "withdrawn" in comment else "An abstract."
            entries.append(
                _ENTRY.format(
                    identifier=identifier, title=escape(wrap(title)), summary=summary, comment=escape(comment)
                )
            )
    head = _HEAD.format(ids=",".join(ids), count=len(ids), found=len(entries))
    return head + "".join(entries) + "</feed>\n"
