"""Where a heading's title or an item's lead clause ends.

The title runs to its first sentence end (an item's lead also to a colon);
``TITLE_END`` (first match wins) cuts it earlier where a reader sees it end:
each rule takes the sentence (at most ``title_window`` characters of the
block's text, noise skipped) and whether it is an item's lead, and answers
with a cut offset or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from lark import Token

from speechast import tokens as K
from speechast import words
from speechast.registry import SENTENCE_STOP
from speechast.rules import Chain
from speechast.tokens import end_of, retyped, start_of
from speechast.tuning import TUNING

SENTENCE_STOP_RE = re.compile(f"[{SENTENCE_STOP}]")
# An item's lead also ends at a colon: 一是：…
_LEAD_END_RE = re.compile(f"[{SENTENCE_STOP}：:]")
_COMMA_RE = re.compile("[，,]")
TRAILING_PUNCT = "。！？!?；;：:，,、 \t\r\n\u3000"
_SUBHEAD_BAN = re.compile(r"[。！？!?；;：:，,、“”\"]|^\d|\d{4}年|[0-9]+月[0-9]+日$")


class TitleSplit(NamedTuple):
    head: list[Token]  # the title: TITLE_TEXT, and noise inside it
    body: list[Token]  # the rest of the block
    guessed: bool  # no sentence end within reach: the end is a heuristic's guess


EndRule = Callable[[str, bool], int | None]
TITLE_END: Chain[EndRule] = Chain(
    "title-end", "where a title or lead ends before its sentence does; the first answer wins"
)


@TITLE_END.rule("lead-comma")
def lead_comma(sentence: str, is_item: bool) -> int | None:
    """A long lead clause ends after its first comma: 一是加强领导，…"""
    if is_item and len(sentence) > TUNING.lead_max:
        return _first(_COMMA_RE, sentence, after=True)
    return None


# A space between two CJK characters ends a heading in texts whose paragraphs
# are separated by spaces (…的特点 即将过去的…).
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff”）)])[ \t\u3000]+(?=[\u4e00-\u9fff“（(])")


@TITLE_END.rule("cjk-space")
def cjk_space(sentence: str, is_item: bool) -> int | None:
    """A heading ends at a space between CJK characters, unless the space only
    spreads a short title out (总 则, 附 则)."""
    if is_item:
        return None
    m = _CJK_SPACE.search(sentence)
    return m.start() if m is not None and m.start() > 1 else None


# In run-on text a title often runs straight into a body that opens with a
# year (…的正确政治方向2018年是…): a CJK character followed by a year.
_YEAR_START = re.compile(r"(?<=[\u4e00-\u9fff])(?=(?:19|20)\d\d年)")


@TITLE_END.rule("year-start")
def year_start(sentence: str, is_item: bool) -> int | None:
    """An over-long heading ends where a year opens its body (…方向|2018年)."""
    if is_item or len(sentence) <= TUNING.heading_title_max:
        return None
    return _first(_YEAR_START, sentence, TUNING.heading_title_max)


_FINAL_NOUN = re.compile(words.alternation(words.HEADING_FINAL_NOUNS))


@TITLE_END.rule("final-noun")
def final_noun(sentence: str, is_item: bool) -> int | None:
    """An over-long heading ends after the last heading-final noun of its first
    clause too long to be a heading clause (…新局面|做好…)."""
    if is_item or len(sentence) <= TUNING.heading_title_max:
        return None
    clause = 0
    for m in _COMMA_RE.finditer(sentence):
        if m.start() - clause > TUNING.heading_clause_max:
            break
        clause = m.end()
    best = None
    for m in _FINAL_NOUN.finditer(sentence, clause, clause + TUNING.heading_clause_max):
        best = m.end()
    return best


def split_title(tokens: list[Token], is_item: bool, rules: tuple[EndRule, ...]) -> TitleSplit:
    """Split a block's tokens after its marker into title tokens and body tokens."""
    cut, guessed = _title_end(tokens, is_item, rules)
    head: list[Token] = []
    body: list[Token] = []
    for token in tokens:
        if end_of(token) <= cut or (token.type != K.TEXT and start_of(token) < cut):
            head.append(retyped(token, K.TITLE_TEXT) if token.type == K.TEXT else token)
        elif start_of(token) >= cut:
            body.append(token)
        else:
            offset = cut - start_of(token)
            head.append(K.make(K.TITLE_TEXT, token.value[:offset], start_of(token), cut))
            body.append(K.make(K.TEXT, token.value[offset:], cut, end_of(token)))
    if body and not "".join(t.value for t in body if t.type == K.TEXT).strip():
        head.extend(retyped(t, K.TITLE_TEXT) if t.type == K.TEXT else t for t in body)
        body = []
    return TitleSplit(head, body, guessed)


def _title_end(tokens: list[Token], is_item: bool, rules: tuple[EndRule, ...]) -> tuple[int, bool]:
    """Where the title ends in the source (after its punctuation), and whether
    that is a guess because no sentence end came within reach."""
    text, offsets = _prefix(tokens)
    if not text:
        return (end_of(tokens[-1]) if tokens else 0), False
    found = (_LEAD_END_RE if is_item else SENTENCE_STOP_RE).search(text)
    stop = found.end() if found else len(text)
    sentence = text[:stop]
    cut: int | None = None
    for rule in rules:
        cut = rule(sentence, is_item)
        if cut is not None:
            break
    spaced = cut is not None and rule is cjk_space
    guessed = not is_item and not spaced and len(sentence) > TUNING.heading_title_max
    if cut is not None:
        stop = cut
    elif found is None:
        return end_of(tokens[-1]), guessed  # no end in sight: the whole block is the title
    return offsets[stop - 1] + 1, guessed


def _prefix(tokens: list[Token]) -> tuple[str, list[int]]:
    """The first characters of the block's text (noise skipped) and their offsets."""
    chars: list[str] = []
    offsets: list[int] = []
    window = TUNING.title_window
    for token in tokens:
        if token.type != K.TEXT:
            continue
        value = token.value[: window - len(offsets)]
        chars.append(value)
        offsets.extend(range(start_of(token), start_of(token) + len(value)))
        if len(offsets) >= window:
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


def clean_title(text: str) -> str:
    """A title or lead without its closing punctuation."""
    return text.strip().rstrip(TRAILING_PUNCT)


def looks_like_label(value: str) -> bool:
    """A group label: a sub-head's shape, or a short phrase closed by a colon."""
    text = value.strip()
    return looks_like_subhead(text) or looks_like_subhead(text.rstrip("：:"))


def looks_like_subhead(value: str) -> bool:
    """A short phrase with no sentence punctuation: the shape of an unnumbered sub-head."""
    text = value.strip()
    return (
        TUNING.subhead_min <= len(text) <= TUNING.subhead_max and _SUBHEAD_BAN.search(text) is None
    )
