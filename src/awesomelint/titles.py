"""Paper and project titles in one normal form, so that two ways of writing a title compare equal.

Lists write one title many ways: `Efficient Streaming Language Models with Attention Sinks`,
`Efficient streaming language models with attention sinks.`, with LaTeX (`$\\mathcal{O}(n)$`),
with full-width characters, or with `Pre-training` for `Pretraining`.
"""

from __future__ import annotations

import re
import unicodedata

_MATH = re.compile(r"\$([^$]*)\$")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?")
_NOT_WORD = re.compile(r"[^\w\s]+")
# A hyphen inside a word, which lists write or leave out at will: `Pre-training`, `Few-Shot`.
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011](?=[^\W\d_])")


def normalise_title(title: str) -> str:
    """The title's words, lower-cased and space-separated, without punctuation, math or LaTeX."""
    text = unicodedata.normalize("NFKC", title)
    if "$" in text:
        text = _MATH.sub(r"\1", text)
    if "\\" in text or "{" in text or "}" in text:
        text = _LATEX_COMMAND.sub(" ", text).replace("{", "").replace("}", "")
    text = _NOT_WORD.sub(" ", text.casefold().replace("'", ""))
    return " ".join(text.split())


def title_words(title: str) -> tuple[str, ...]:
    """The words of a normalised title, with hyphenated words joined: `Pre-training` is `pretraining`."""
    if "-" in title or "\u2010" in title or "\u2011" in title:
        title = _INNER_HYPHEN.sub("", title)
    return tuple(normalise_title(title).split())
