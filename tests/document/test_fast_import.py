from __future__ import annotations

import subprocess
import sys
import unicodedata

from awesomelint.document.fast_import import ASTRAL_PUNCTUATION, astral_punctuation


def test_the_astral_table_matches_this_pythons_unicode_database() -> None:
    live = {chr(code) for code in range(0x10000, sys.maxunicode + 1) if unicodedata.category(chr(code)).startswith("P")}
    assert unicodedata.unidata_version in ASTRAL_PUNCTUATION
    assert astral_punctuation() == live


def test_mistletoe_gets_the_same_punctuation_set_it_would_build_itself() -> None:
    # A fresh interpreter, so mistletoe is imported through the fast path and nothing else.
    script = (
        "import sys, unicodedata\n"
        "from awesomelint.document.fast_import import import_mistletoe\n"
        "import_mistletoe()\n"
        "from mistletoe import core_tokens\n"
        "full = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)).startswith('P')}\n"
        "assert full <= core_tokens.punctuation, 'punctuation missing'\n"
        "assert sys.maxunicode == 0x10FFFF\n"
        "print(len(core_tokens.punctuation))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 800
