"""GitHub's heading anchors: the algorithm of github-slugger, which github.com uses."""

from __future__ import annotations

import re
import unicodedata

# GitHub turns known :shortcode: emoji into emoji characters, which the slugger then drops.
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


def github_slug(text: str) -> str:
    """Lower-case, drop everything but letters, marks, numbers, `_`, `-` and spaces; spaces become `-`.

    Like GitHub, it does not trim: a space left where an image stood becomes a trailing `-`.
    """
    kept = [
        character for character in text.lower() if character in " -_" or unicodedata.category(character)[0] in "LMN"
    ]
    return "".join(kept).replace(" ", "-")


def slug_candidates(text: str) -> tuple[str, ...]:
    """The slug with shortcodes read as emoji first, and as plain text when they may not be."""
    emoji_read = _SHORTCODE.sub("", text)
    # A shortcode at either end leaves a space, trimmed as it always was: GitHub's slug there is unverified.
    without_shortcodes = github_slug(emoji_read.strip() if emoji_read != text else text)
    plain = github_slug(text)
    return (without_shortcodes,) if plain == without_shortcodes else (without_shortcodes, plain)


class Slugger:
    """Repeated headings get `-1`, `-2`, ... in document order, as on GitHub."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, base: str) -> str:
        slug = base
        count = self._seen.get(base)
        if count is not None:
            while True:
                count += 1
                slug = f"{base}-{count}"
                if slug not in self._seen:
                    break
            self._seen[base] = count
        self._seen.setdefault(slug, 0)
        return slug
