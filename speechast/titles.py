"""Where a heading's title or an item's lead clause ends."""

from __future__ import annotations

import re
from typing import NamedTuple

from lark import Token

from speechast.lexer import TEXT, end_of, start_of
from speechast.tokens import retyped

TITLE_TEXT = "TITLE_TEXT"

# What ends a sentence, so a title, a lead or a title line.
SENTENCE_STOP = "。！？!?；;"
SENTENCE_STOP_RE = re.compile(f"[{SENTENCE_STOP}]")
# An item's lead also ends at a colon: 一是：…
_LEAD_END = SENTENCE_STOP + "：:"
_COMMA = "，,"
# A lead clause longer than this is cut at its first comma.
LEAD_MAX = 40
# A heading title longer than this without a sentence end ran into its body.
TITLE_MAX = 60
# In run-on text a title often runs straight into a body that opens with a
# year (…的正确政治方向2018年是…): a CJK character followed by a year.
_YEAR_START = re.compile(r"(?<=[\u4e00-\u9fff])(?=(?:19|20)\d\d年)")
TRAILING_PUNCT = "。！？!?；;：:，,、 \t\r\n\u3000"
_SUBHEAD_BAN = re.compile(r"[。！？!?；;：:，,、“”\"]|^\d|\d{4}年|[0-9]+月[0-9]+日$")


class TitleSplit(NamedTuple):
    head: list[Token]  # the title: TITLE_TEXT, and noise inside it
    body: list[Token]  # the rest of the block
    guessed: bool  # no sentence end within reach: the end is a heuristic's guess


def split_title(tokens: list[Token], is_item: bool) -> TitleSplit:
    """Split a block's tokens after its marker into title tokens and body tokens."""
    cut, guessed = _title_end(tokens, is_item)
    head: list[Token] = []
    body: list[Token] = []
    for token in tokens:
        if end_of(token) <= cut or (token.type != TEXT and start_of(token) < cut):
            head.append(retyped(token, TITLE_TEXT) if token.type == TEXT else token)
        elif start_of(token) >= cut:
            body.append(token)
        else:
            offset = cut - start_of(token)
            head.append(Token(TITLE_TEXT, token.value[:offset], start_of(token), end_pos=cut))
            body.append(Token(TEXT, token.value[offset:], cut, end_pos=end_of(token)))
    if body and not "".join(t.value for t in body if t.type == TEXT).strip():
        head.extend(retyped(t, TITLE_TEXT) if t.type == TEXT else t for t in body)
        body = []
    return TitleSplit(head, body, guessed)


def _title_end(tokens: list[Token], is_item: bool) -> tuple[int, bool]:
    """Where the title ends in the source (after its punctuation), and whether
    that is a guess because no sentence end came within reach."""
    text, offsets = _prefix(tokens)
    if not text:
        return (end_of(tokens[-1]) if tokens else 0), False
    found = (_LEAD_END_RE if is_item else SENTENCE_STOP_RE).search(text)
    stop = found.end() if found else len(text)
    sentence = text[:stop]
    limit = LEAD_MAX if is_item else TITLE_MAX
    cut: int | None = None
    spaced = False
    if is_item:
        if len(sentence) > limit:
            cut = _first(_COMMA_RE, sentence, after=True)
    else:
        cut = _first(_CJK_SPACE, sentence)
        spaced = cut is not None
        if cut is None and len(sentence) > limit:
            cut = _first(_YEAR_START, sentence, limit) or _final_noun_end(sentence)
    guessed = not is_item and not spaced and len(sentence) > limit
    if cut is not None:
        stop = cut
    elif found is None:
        return end_of(tokens[-1]), guessed  # no end in sight: the whole block is the title
    return offsets[stop - 1] + 1, guessed


_PREFIX = 240
_LEAD_END_RE = re.compile(f"[{_LEAD_END}]")
_COMMA_RE = re.compile(f"[{_COMMA}]")
# A space between two CJK characters ends a heading in texts whose paragraphs
# are separated by spaces (…的特点 即将过去的…).
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff”）)])[ \t\u3000]+(?=[\u4e00-\u9fff“（(])")
# Nouns that close the last clause of official headings (…新局面, …科学化水平).
# In run-on text with no punctuation between a heading and its body, the last
# such noun within reach of the clause start is where the heading ends.
_FINAL_NOUN = re.compile(
    "局面|水平|方向|作用|能力|体系|机制|格局|新篇章|新作为|新成效|新业绩|新征程|新高度"
    "|主力军|生命线|着力点|落脚点|排头兵|保障|合力|活力|基础|质量|成效|氛围|环境|根基|底线"
)
_CLAUSE_MAX = 20


def _prefix(tokens: list[Token]) -> tuple[str, list[int]]:
    """The first characters of the block's text (noise skipped) and their offsets."""
    chars: list[str] = []
    offsets: list[int] = []
    for token in tokens:
        if token.type != TEXT:
            continue
        value = token.value[: _PREFIX - len(offsets)]
        chars.append(value)
        offsets.extend(range(start_of(token), start_of(token) + len(value)))
        if len(offsets) >= _PREFIX:
            break
    return "".join(chars), offsets


def _first(
    pattern: re.Pattern[str], text: str, limit: int | None = None, after: bool = False
) -> int | None:
    """Where the first match of ``pattern`` in ``text[:limit]`` cuts it: before the
    match, or ``after`` it (a comma stays with the clause it ends)."""
    m = pattern.search(text, 0, len(text) if limit is None else limit)
    if m is None or m.start() == 0:
        return None
    return m.end() if after else m.start()


def _final_noun_end(sentence: str) -> int | None:
    """Where a heading ran into its body: the last heading-final noun of the
    first clause too long to be a heading clause."""
    clause = 0
    for m in _COMMA_RE.finditer(sentence):
        if m.start() - clause > _CLAUSE_MAX:
            break
        clause = m.end()
    best = None
    for m in _FINAL_NOUN.finditer(sentence, clause, clause + _CLAUSE_MAX):
        best = m.end()
    return best


def clean_title(text: str) -> str:
    """A title or lead without its closing punctuation."""
    return text.strip().rstrip(TRAILING_PUNCT)


def looks_like_subhead(value: str) -> bool:
    """A short phrase with no sentence punctuation: the shape of an unnumbered sub-head."""
    text = value.strip()
    return 4 <= len(text) <= 24 and _SUBHEAD_BAN.search(text) is None
