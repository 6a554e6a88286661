"""Finding mojibake: UTF-8 text that some tool decoded with a single-byte code page.

Each code page turns each byte 0x80-0xFF into one character, so garbled text maps back to
its bytes character by character, and a stretch whose bytes form valid UTF-8 can be read
again. Most stretches of correct text do not form valid UTF-8, and the few that do (`l’é`
read as Mac Roman is the Armenian `Վ`) are weighed before anything is reported: by ftfy's
badness heuristic, which knows Windows-1252 and Latin-1 mojibake well, and for Mac Roman,
which ftfy mostly misses, by the shapes that correct text never takes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

# Categories no repaired character may have: controls, unassigned, private use, surrogates.
_IMPOSSIBLE = frozenset({"Cc", "Cn", "Co", "Cs"})
_MARKS = frozenset({"Mn", "Mc", "Me"})
# Each UTF-8 lead byte and the length of the sequence it opens.
_SEQUENCE_LENGTH = {**dict.fromkeys(range(0xC2, 0xE0), 2), **dict.fromkeys(range(0xE0, 0xF0), 3)}
_SEQUENCE_LENGTH.update(dict.fromkeys(range(0xF0, 0xF5), 4))
# The Mac Roman math signs that lead the bytes of Latin letters with accents (U+0080-U+01BF).
# Correct text writes them before a number or a math sign (`√π`, `≈±`), not before a letter
# or `§`, `£`, `®`: `Sch√§fer` and `Fran√ßois` are names read as Mac Roman.
_MAC_SIGN_LEADS = frozenset("¬√ƒ≈∆")
_MATH_FOLLOWERS = frozenset("π∑∏∂∫µΩ∞±≠≤≥")
# `∆` and `¬` also stand alone as an increment or a negation: only beside a word are they part of one.
_MAC_SYMBOL_LEADS = frozenset("∆¬")
# Windows-1252 and Latin-1 read the lead bytes of `À`-`ÿ` and of U+0080-U+00BF as `Ã` and
# `Â`, which no correct text puts before a quote or a dash.
_LATIN_1_LEADS = frozenset("ÂÃ")
_APOSTROPHES = frozenset("’‘")
# What one character read from two alone may be: a Latin letter with an accent, a sign of
# Latin-1, Greek (less the Coptic letters), or basic Cyrillic. Hebrew, Arabic, Syriac or NKo
# letters stand in words, so their mojibake comes as several characters in a row; alone,
# they are a coincidence of correct text (`Ü•` in `T•Ø•R•Ü•S` is Syriac in Windows-1252).
_LONE_CHARACTERS = ((0x00A0, 0x024F), (0x0370, 0x03E1), (0x03F0, 0x03FF), (0x0400, 0x045F))
# Text mangled by a Mac loses the Apple logo (byte 0xF0, private use U+F8FF) first: an
# emoji's lead byte, so `🤗` arrives as `ü§ó`.
_APPLE_LOGO_BYTE = 0xF0
_EMOJI_SECOND_BYTE = 0x9F
# Garbled stretches this close, with only ASCII between them, are one finding (see `_merged`).
_MAX_ASCII_GAP = 12
_MAX_ROUNDS = 3  # text garbled up to three times (`ÃƒÂ©` is twice) is read back as often


@dataclass(frozen=True)
class CodePage:
    """A single-byte code page, as the characters its bytes 0x80-0xFF decode to."""

    name: str
    byte_of: dict[str, int]
    pairs: re.Pattern[str]  # a lead byte's character followed by a continuation byte's


def _characters_class(decode: Callable[[int], str], low: int, high: int) -> str:
    return "[" + re.escape("".join(decode(byte) for byte in range(low, high + 1))) + "]"


def _code_page(name: str, decode: Callable[[int], str]) -> CodePage:
    pairs = _characters_class(decode, 0xC2, 0xF4) + _characters_class(decode, 0x80, 0xBF)
    return CodePage(name, {decode(byte): byte for byte in range(0x80, 0x100)}, re.compile(pairs))


def _windows_1252(byte: int) -> str:
    # ftfy's "sloppy" Windows-1252: the five undefined bytes pass through as C1 controls,
    # which is what browsers and most tools do with them.
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _mac_roman(byte: int) -> str:
    return bytes([byte]).decode("mac_roman")


MAC_ROMAN = _code_page("Mac Roman", _mac_roman)
WINDOWS_1252 = _code_page("Windows-1252", _windows_1252)
LATIN_1 = _code_page("Latin-1", chr)
CODE_PAGES = (MAC_ROMAN, WINDOWS_1252, LATIN_1)

_HIGH = "".join(sorted({character for page in CODE_PAGES for character in page.byte_of}))
_CLUSTER = re.compile("[" + re.escape(_HIGH) + "]{2,}")
_MAC_CONTINUATION = _characters_class(_mac_roman, 0x80, 0xBF)
# Every non-ASCII UTF-8 character is a lead byte and continuation bytes, so mojibake holds a
# character of a lead byte followed by one of a continuation byte in some code page (or
# an emoji that lost its lead, `ü§ó`). Accented text rarely does (`éé`, `çã` do not): this
# is the cheap test a text must pass before anything else.
SUSPECT = re.compile(
    "|".join(page.pairs.pattern for page in CODE_PAGES)
    + "|"
    + re.escape(_mac_roman(_EMOJI_SECOND_BYTE))
    + _MAC_CONTINUATION
    + "{2}"
)


@dataclass(frozen=True, slots=True)
class Garbled:
    """A garbled stretch of a text (offsets into it) and what it was before it was garbled."""

    start: int
    end: int
    readings: tuple[str, ...]  # one per code page that reads it differently; most have one
    pages: tuple[str, ...]  # the code pages it was read with
    complete: bool = True  # False when a byte was lost on the way and the reading is a guess

    @property
    def repair(self) -> str | None:
        """The text to write instead, when there is exactly one and nothing is guessed."""
        return self.readings[0] if self.complete and len(self.readings) == 1 else None


@dataclass(frozen=True, slots=True)
class _Piece:
    """One UTF-8 character found in a cluster: characters `start` to `end` of the text."""

    start: int
    end: int
    character: str


def _characters(text: str, start: int, end: int, page: CodePage) -> list[_Piece]:
    """The UTF-8 characters that the cluster `text[start:end]` spells in a code page."""
    codes = [page.byte_of.get(character) for character in text[start:end]]
    pieces: list[_Piece] = []
    at = 0
    while at < len(codes):
        lead = codes[at]
        length = _SEQUENCE_LENGTH.get(lead, 0) if lead is not None else 0
        sequence = codes[at : at + length]
        if length and len(sequence) == length and None not in sequence:
            try:
                character = bytes(code for code in sequence if code is not None).decode("utf-8")
            except UnicodeDecodeError:
                pass
            else:
                pieces.append(_Piece(start + at, start + at + length, character))
                at += length
                continue
        at += 1
    return pieces


def _runs(pieces: Sequence[_Piece]) -> list[list[_Piece]]:
    """Pieces grouped into runs that touch each other."""
    runs: list[list[_Piece]] = []
    for piece in pieces:
        if runs and runs[-1][-1].end == piece.start:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    return runs


def _plausible(repaired: str) -> bool:
    categories = [unicodedata.category(character) for character in repaired]
    return categories[0] not in _MARKS and not _IMPOSSIBLE.intersection(categories) and "\ufffd" not in repaired


@cache
def _badness() -> Callable[[str], int]:
    # ftfy takes a twentieth of a second to import: only lists with suspects pay it.
    from ftfy.badness import badness

    return badness


def _better(text: str, start: int, end: int, repaired: str) -> bool:
    """Whether ftfy finds the text around the stretch less odd with the stretch repaired."""
    before, after = text[max(start - 1, 0) : start], text[end : end + 1]
    badness = _badness()
    garbled = badness(before + text[start:end] + after)
    if badness(before + repaired + after) < garbled:
        return True
    # Text garbled twice is still garbled when read back once (`Ã¢â‚¬Å“` is `â€œ`, then `“`).
    return len(repaired) > 1 and badness(before + _read_fully(repaired) + after) < garbled


def _mac_shape(text: str, run: Sequence[_Piece]) -> bool:
    """Shapes of Mac Roman mojibake that correct text does not take, though ftfy sees nothing odd."""
    start, end = run[0].start, run[-1].end
    if len(run) > 1 or end - start > 2:
        # Two characters' worth of lead and continuation bytes in a row (`–ø—Ä–∏`), or a lead
        # byte with two or three continuations (`‚â§`, `„ÄÇ`).
        return True
    lead, follower = text[start], text[start + 1]
    if lead not in _MAC_SIGN_LEADS:
        return False
    letter_before, letter_after = text[start - 1 : start].isalpha(), text[end : end + 1].isalpha()
    if lead in _MAC_SYMBOL_LEADS and not (letter_before or letter_after):
        return False  # `∆°`, or the face `¬´`
    # Inside a word (`Jes√∫s`) even a math sign after `√` is a letter read wrong.
    return follower not in _MATH_FOLLOWERS or (letter_before and letter_after)


def _word_boundary(text: str, start: int) -> bool:
    """Whether two characters read as one could be correct text: a quote, dash or space beside a word.

    `»Über«`, `l’école`, `« élan »` and `CAFÉ”` hold two characters that some code page makes
    one UTF-8 character of. Such a pair is taken for mojibake only inside a word (`Bucure»ôti`),
    where no quote or dash stands, and never at an apostrophe, which does.
    """
    lead, follower = text[start], text[start + 1]
    before, after = text[start - 1 : start], text[start + 2 : start + 3]
    if lead in _LATIN_1_LEADS:
        return False
    if _is_gap(lead) and follower.isalpha():
        return lead in _APOSTROPHES or not before.isalpha()
    if lead.isalpha() and _is_gap(follower):
        return follower in _APOSTROPHES or not after.isalpha()
    return False


def _is_gap(character: str) -> bool:
    return unicodedata.category(character)[0] == "P" or character.isspace()


def _convincing(text: str, run: Sequence[_Piece], page: CodePage) -> bool:
    repaired = "".join(piece.character for piece in run)
    if not _plausible(repaired) or not _lone_character_fits(run):
        return False
    if page is MAC_ROMAN and _mac_shape(text, run):
        return True
    start, end = run[0].start, run[-1].end
    if end - start == 2 and _word_boundary(text, start):
        return False
    return _better(text, start, end, repaired)


def _lone_character_fits(run: Sequence[_Piece]) -> bool:
    if len(run) > 1 or run[0].end - run[0].start > 2:
        return True
    code = ord(run[0].character)
    return any(low <= code <= high for low, high in _LONE_CHARACTERS)


def _lost_emoji(text: str, start: int, end: int, found: Sequence[_Piece]) -> Iterator[Garbled]:
    """Emoji whose first byte, the Apple logo in Mac Roman, was dropped: `ü§ó` for `🤗`."""
    if _mac_roman(_EMOJI_SECOND_BYTE) not in text[start:end]:
        return
    taken = {offset for piece in found for offset in range(piece.start, piece.end)}
    at = start
    while at + 3 <= end:
        stretch = text[at : at + 3]
        codes = [MAC_ROMAN.byte_of.get(character, 0) for character in stretch]
        if any(offset in taken for offset in range(at, at + 3)) or codes[0] != _EMOJI_SECOND_BYTE:
            at += 1
            continue
        try:
            emoji = bytes([_APPLE_LOGO_BYTE, *codes]).decode("utf-8")
        except UnicodeDecodeError:
            at += 1
            continue
        # `ü` and two letters could be a word; a sign among them (`§`, `•`, `®`) cannot.
        if unicodedata.category(emoji) == "So" and not stretch.isalpha():
            yield Garbled(at, at + 3, (emoji,), (MAC_ROMAN.name,), complete=False)
            at += 3
        else:
            at += 1


def _found_in_cluster(text: str, start: int, end: int) -> list[Garbled]:
    """The garbled stretches of one cluster, each with its readings in every code page that explains it."""
    by_page: list[tuple[CodePage, list[tuple[int, int, str]]]] = []
    mac_pieces: list[_Piece] = []
    for page in CODE_PAGES:
        if not page.pairs.search(text, start, end):
            continue
        # A page may explain part of a cluster: the rest can be correct text beside the mojibake.
        runs = [run for run in _runs(_characters(text, start, end, page)) if _convincing(text, run, page)]
        by_page.append((page, [(run[0].start, run[-1].end, "".join(piece.character for piece in run)) for run in runs]))
        if page is MAC_ROMAN:
            mac_pieces = [piece for run in runs for piece in run]
    found = _agreed(text, by_page)
    taken = {offset for garbled in found for offset in range(garbled.start, garbled.end)}
    for garbled in _lost_emoji(text, start, end, mac_pieces):
        if not taken.intersection(range(garbled.start, garbled.end)):
            found.append(garbled)
    return sorted(found, key=lambda garbled: garbled.start)


def _agreed(text: str, by_page: Sequence[tuple[CodePage, Sequence[tuple[int, int, str]]]]) -> list[Garbled]:
    """Overlapping repairs of several code pages joined.

    The code page that explains most of a stretch is the one it was read with (a Windows-1252
    reading of a character or two inside Mac Roman Korean is chance); where pages explain as
    much and read it differently, every reading is kept.
    """
    spans = sorted((start, end) for _, repairs in by_page for start, end, _ in repairs)
    groups: list[list[int]] = []
    for start, end in spans:
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
        else:
            groups.append([start, end])
    found: list[Garbled] = []
    for start, end in groups:
        explained: list[tuple[int, str, str]] = []
        for page, repairs in by_page:
            inside = [repair for repair in repairs if start <= repair[0] and repair[1] <= end]
            if inside:
                covered = sum(repair_end - repair_start for repair_start, repair_end, _ in inside)
                explained.append((covered, _replaced(text, start, end, inside), page.name))
        most = max(covered for covered, _, _ in explained)
        best = [(reading, page) for covered, reading, page in explained if covered == most]
        readings = tuple(dict.fromkeys(reading for reading, _ in best))
        found.append(Garbled(start, end, readings, tuple(page for _, page in best)))
    return found


def _replaced(text: str, start: int, end: int, repairs: Iterable[tuple[int, int, str]]) -> str:
    parts: list[str] = []
    at = start
    for repair_start, repair_end, repaired in sorted(repairs):
        parts += [text[at:repair_start], repaired]
        at = repair_end
    return "".join(parts) + text[at:end]


def _read_again(garbled: Garbled) -> Garbled:
    """Text garbled more than once (`ÃƒÂ©`) is read back until nothing garbled is left."""
    if garbled.repair is None:
        return garbled
    return Garbled(garbled.start, garbled.end, (_read_fully(garbled.repair),), garbled.pages)


def _read_fully(reading: str) -> str:
    for _ in range(_MAX_ROUNDS - 1):
        inner = [found for found in find_mojibake(reading, rounds=False) if found.repair is not None]
        if not inner:
            break
        reading = _replaced(reading, 0, len(reading), ((f.start, f.end, f.repair or "") for f in inner))
    return reading


def _merged(text: str, found: Sequence[Garbled]) -> list[Garbled]:
    """Neighbours with one repair each become one stretch: in one word (`ÃƒÂ©tÃƒÂ©`), or whole
    words with only a few ASCII words between them (a Korean sentence and the `LLM` in it)."""
    merged: list[Garbled] = []
    for garbled in found:
        previous = merged[-1] if merged else None
        if previous is not None and previous.repair is not None and garbled.repair is not None:
            gap = text[previous.end : garbled.start]
            one_word = not any(character.isspace() for character in gap)
            whole_words = gap[:1].isspace() and gap[-1:].isspace()
            if (one_word or whole_words) and len(gap) <= _MAX_ASCII_GAP and gap.isascii() and "\n" not in gap:
                pages = tuple(dict.fromkeys(previous.pages + garbled.pages))
                merged[-1] = Garbled(previous.start, garbled.end, (previous.repair + gap + garbled.repair,), pages)
                continue
        merged.append(garbled)
    return merged


def find_mojibake(text: str, *, rounds: bool = True) -> list[Garbled]:
    """The garbled stretches of a text, in order."""
    found: list[Garbled] = []
    for cluster in _CLUSTER.finditer(text):
        if SUSPECT.search(text, cluster.start(), cluster.end()):
            found += _found_in_cluster(text, cluster.start(), cluster.end())
    if rounds:
        found = [_read_again(garbled) for garbled in found]
    return _merged(text, found)
