"""The marker families and the punctuation classes every rule shares.

A family's *shape* is its terminal in grammar/outline.lark (the lexer compiles
the patterns lark hands it); what a family *means* is here: whether it opens a
heading or an item, whether it carries a number, whether it may stand inside
running text. A test checks this table against the grammar's terminals, and
the characters a marker can start with are derived from the patterns, never
kept by hand.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any, Literal

import attrs

Role = Literal["heading", "item", "article"]


@attrs.frozen
class Family:
    name: str  # the grammar terminal
    role: Role
    examples: tuple[str, ...]  # markers as they are written, each matching the terminal
    numbered: bool = True  # dash bullets carry no number
    inline: bool = True  # may be a member of an enumeration inside running text
    list_entry: bool = False  # a list entry: never the parent of another enumeration
    lone_is_defect: bool = False  # a first member alone is a finding (一是 with no 二是)
    numbers_with: str | None = None  # continues another family's numbering
    word_ordinals: bool = False  # numbered by words (首先 其次), not numerals
    # Items nest from the larger enumeration down (第一、 → 一是), never up: an
    # item does not open under an item of a higher rank.
    rank: int = 0


# In the standard order of GB/T 9704-2012, then laws and rules, then speech
# enumerations: the grammar lists them in the same order.
FAMILIES: tuple[Family, ...] = (
    Family("CN_DUN", "heading", ("一、", "十一、", "二．")),
    Family("CN_PAREN", "heading", ("（一）", "(二)", "（三)")),
    Family("AR_DOT", "heading", ("1.", "2、", "3．")),
    Family("AR_PAREN", "heading", ("（1）", "(2)", "⑶")),
    Family("CIRCLED", "heading", ("①", "⑫")),
    Family("PART", "heading", ("第一部分", "第二个问题：", "第三阶段---"), inline=False),
    Family("CHAPTER", "heading", ("第一章", "第十二章"), inline=False),
    Family("JIE", "heading", ("第二节",), inline=False),
    Family("TIAO", "heading", ("第三条", "第一百零一条"), inline=False),
    Family("ENUM_SHI", "item", ("一是", "二是"), lone_is_defect=True, rank=2),
    Family("ENUM_YAO", "item", ("一要", "三要"), lone_is_defect=True, rank=2),
    Family("ENUM_WEN", "item", ("一问", "十问"), lone_is_defect=True, rank=2),
    Family(
        "ORDINAL",
        "item",
        ("第一，", "第二、", "第三要", "第四是", "第一步，"),
        lone_is_defect=True,
        rank=1,
    ),
    Family(
        "SEQ_WORD", "item", ("首先，", "其次", "最后，"), numbers_with="ORDINAL", word_ordinals=True
    ),
    Family("DASH", "item", ("——",), numbered=False, inline=False, list_entry=True, rank=3),
    Family("ARTICLE", "article", ("第1篇:", "第 12 篇："), inline=False),
)

BY_NAME = {f.name: f for f in FAMILIES}
RANK = {f.name: f.rank for f in FAMILIES}
HEADINGS = frozenset(f.name for f in FAMILIES if f.role == "heading")
ITEMS = frozenset(f.name for f in FAMILIES if f.role == "item")
NOT_INLINE = frozenset(f.name for f in FAMILIES if not f.inline)
LIST_ENTRIES = frozenset(f.name for f in FAMILIES if f.list_entry)
LONE_IS_DEFECT = frozenset(f.name for f in FAMILIES if f.lone_is_defect)
UNNUMBERED = frozenset(f.name for f in FAMILIES if not f.numbered)
WORD_ORDINALS = frozenset(f.name for f in FAMILIES if f.word_ordinals)
# 最后 closes a sequence at whatever number it has reached.
LAST = "最后"


def sequence_group(family: str) -> str:
    """The numbering a family's markers continue: 首先…其次…第三 is one enumeration."""
    known = BY_NAME.get(family)
    return family if known is None or known.numbers_with is None else known.numbers_with


# ------------------------------------------------------------ punctuation
# After one of these a new block may open (a marker, a separating space) and a
# chunk line does not continue the paragraph before it.
SENTENCE_END = "。！？!?；;…"
# What closes a title, a lead or a title line: a sentence end, but not an
# ellipsis, which headings use inside a title (坚持…不动摇).
SENTENCE_STOP = "。！？!?；;"
# An inline enumeration member opens a clause: it follows one of these.
CLAUSE_BREAK = "。！？!?；;：:，,、…”）)"
# Quotes and brackets that close after a sentence end and stay with its sentence.
CLOSERS = "”’」』）)】》"
# A line that opens with one of these goes on a sentence broken before it.
CONTINUING = "。，,、；;：:）)》」』”！？!?"
# What ends a physical line: LF, CR (and CRLF), and the separators Unicode and
# old formats use (vertical tab, form feed, information separators, NEL, LS, PS).
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Horizontal space, half- and full-width, and the zero-width spaces and joiners
# that editors and web pages leave in text (a line holding only U+200B is blank).
SPACE = " \t\u3000\u00a0\u200b\u2060\ufeff"
_BLANK_EDGES = re.compile(r"^[\s\u200b\u2060\ufeff]+|[\s\u200b\u2060\ufeff]+$")


def strip_blank(text: str) -> str:
    """``text`` without the white and zero-width space around it."""
    return _BLANK_EDGES.sub("", text)


# ----------------------------------------------------- first characters
def first_class(patterns: Iterable[str]) -> str:
    """A character-class body matching every character the patterns can start with.

    Used as a lookahead before an alternation of the patterns: the regex
    engine then skips running text instead of trying every alternative at
    every position. Read from the patterns' parse, so a new family is never
    missed.
    """
    parser: Any = importlib.import_module("re._parser")
    parts: set[str] = set()
    for pattern in patterns:
        _firsts(parser.parse(pattern), parts)
    return "".join(sorted(parts))


def _firsts(seq: Any, out: set[str]) -> bool:
    """Add the characters ``seq`` can start with; whether it can match empty."""
    return all(_item_firsts(str(op), arg, out) for op, arg in seq)


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _item_firsts(name: str, arg: Any, out: set[str]) -> bool:
    """Add the characters one item of a parsed pattern can start with; whether
    it can match empty (so that the next item's count too)."""
    if name == "LITERAL":
        out.add(_escape(chr(arg)))
        return False
    if name == "IN":
        _class_firsts(arg, out)
        return False
    if name == "BRANCH":
        return any([_firsts(branch, out) for branch in arg[1]])  # every branch counts
    if name == "SUBPATTERN":
        return _firsts(arg[-1], out)
    if name in _REPEATS:
        return _firsts(arg[2], out) or arg[0] == 0
    if name in ("ASSERT_NOT", "AT"):
        return True
    raise ValueError(f"cannot read the first characters of {name}")


def _class_firsts(items: Any, out: set[str]) -> None:
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.add(_escape(chr(arg)))
        elif name == "RANGE":
            out.add(f"{_escape(chr(arg[0]))}-{_escape(chr(arg[1]))}")
        elif name == "CATEGORY" and str(arg) == "CATEGORY_DIGIT":
            out.add(r"\d")
        elif name == "CATEGORY" and str(arg) == "CATEGORY_SPACE":
            out.add(r"\s")
        else:
            raise ValueError(f"cannot read the first characters of {name} {arg}")


def _escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch
