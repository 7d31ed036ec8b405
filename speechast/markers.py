"""What a marker means: its number, and how families group into sequences.

The marker *shapes* are the grammar's terminals (grammar/outline.lark); this
module reads numbers out of matched markers; what each family means is in
speechast.registry.
"""

from __future__ import annotations

import re

from speechast import registry
from speechast.nodes import Marker

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100}
_NUMERAL = re.compile(r"\d+|[〇零一二两三四五六七八九十百]+|[①-⑳]|[⑴-⒇]")

# Words that number a sequence without a numeral.
_WORD_ORDINALS = {"首先": 1, "其次": 2, "再次": 3}


def chinese_number(numeral: str) -> int:
    """一 → 1, 十一 → 11, 二十 → 20, 九十九 → 99, 一百零一 → 101."""
    total = 0
    current = 0
    for ch in numeral:
        if ch in _CN_DIGITS:
            current = current * 10 + _CN_DIGITS[ch] if current and ch in "〇零" else _CN_DIGITS[ch]
        else:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
    return total + current


def ordinal_of(family: str, text: str) -> int | None:
    """The number a marker carries, or None for unnumbered and closing markers."""
    if family in registry.UNNUMBERED:
        return None
    if family in registry.WORD_ORDINALS:
        for word, value in _WORD_ORDINALS.items():
            if text.startswith(word):
                return value
        return None
    m = _NUMERAL.search(text)
    if m is None:
        return None
    numeral = m.group()
    first = numeral[0]
    if "①" <= first <= "⑳":
        return ord(first) - ord("①") + 1
    if "⑴" <= first <= "⒇":
        return ord(first) - ord("⑴") + 1
    if first in _CN_DIGITS or first in _CN_UNITS:
        return chinese_number(numeral)
    return int(numeral)


def make_marker(family: str, text: str) -> Marker:
    text = registry.strip_blank(text)
    return Marker(text=text, family=family, ordinal=ordinal_of(family, text))
