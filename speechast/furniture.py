"""Document furniture in the token stream: the title line and the closing address.

``TITLE_LINE_END`` (first match wins) finds where a title stops on a line that
goes on: each rule takes the line's text and answers with the offset where
the title ends, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lark import Token

from speechast import tokens as K
from speechast import words
from speechast.rules import Chain, first_answer
from speechast.titles import SENTENCE_STOP_RE
from speechast.tokens import end_of, start_of
from speechast.tuning import TUNING

# Whom a speech addresses: 各位委员，同志们 / 尊敬的各位来宾 / 同志们.
_AUDIENCE = rf"(?:{words.alternation(words.AUDIENCE_OPENERS)})[^，,。：:！!、]{{1,16}}"
VOCATIVE = (
    rf"(?:{_AUDIENCE}[，,、])*"
    rf"(?:{words.alternation(words.AUDIENCES)}|{_AUDIENCE})"
)
# 同志们： / 各位委员，同志们： / 各位代表： — the salutation that follows a title.
SALUTATION = re.compile(f"{VOCATIVE}[：:]")
# A notice's addressee after its title on the same line: …的通知 各区县供暖办：
_ADDRESSEE = re.compile(r"(?<=\S)[ \t\u3000]+(?=[^\s，,。：:]{2,30}[：:]\s*$)")
# The closing address of a speech: 各位委员，同志们，… / 同志们，… / 让我们…
_CLOSING = re.compile(f"{VOCATIVE}[，,！!、]|{words.alternation(words.CLOSING_OPENERS)}")

LineEndRule = Callable[[str], int | None]
TITLE_LINE_END: Chain[LineEndRule] = Chain(
    "title-line-end", "where a title stops on a line that goes on; the first answer wins"
)


def _reach() -> int:
    return TUNING.doc_title_max + TUNING.doc_title_slack


# A date in brackets after a title: （2021年3月1日）, （二〇二一年三月）.
_DATED = re.compile(
    r"[（(]\s*(?:19|20|一九|二〇|二○)[0-9０-９〇○零一二三四五六七八九]{2}\s*年[^（）()]{0,16}[）)]"
)


@TITLE_LINE_END.rule("date-after-title")
def date_after_title(value: str) -> int | None:
    """…的讲话（2021年3月1日）张三… — a run-on title ends before its date."""
    m = _DATED.search(value, 0, _reach())
    return m.start() if m is not None and m.start() >= TUNING.subhead_min else None


@TITLE_LINE_END.rule("salutation-after-title")
def salutation_after_title(value: str) -> int | None:
    """标题 同志们：… — the salutation opens the text after the title."""
    m = SALUTATION.search(value, 0, _reach())
    return m.start() if m is not None and m.start() > 0 else None


@TITLE_LINE_END.rule("addressee-after-title")
def addressee_after_title(value: str) -> int | None:
    """…的通知 各区县供暖办： — a notice's addressee ends its title line."""
    m = _ADDRESSEE.search(value, 0, _reach())
    return m.start() if m is not None else None


# A speaker's bare name between a title's date and the salutation: …）张三同志们：
_NAME_BEFORE_SALUTATION = re.compile(f"[\u4e00-\u9fff·]{{2,4}}(?={VOCATIVE}[：:！!，,])")


def head_lines(tokens: list[Token]) -> list[list[Token]]:
    """The rest of a title line as the head lines a reader sees in it: a date in
    brackets, a speaker's name before the salutation, then the text."""
    first = tokens[0] if tokens else None
    if first is None or first.type != K.TEXT:
        return [tokens] if tokens else []
    value = first.value
    lead = len(value) - len(value.lstrip())
    m = _DATED.match(value, lead)
    if m is None:
        return [tokens]
    cuts = [m.end()]
    name = _NAME_BEFORE_SALUTATION.match(value, m.end())
    if name is not None:
        cuts.append(name.end())
    if not value[cuts[-1] :].strip() and len(tokens) == 1:
        cuts.pop()  # nothing after the date but the line break
    pieces = [
        K.make(K.TEXT, value[a:b], start_of(first) + a, start_of(first) + b)
        for a, b in zip([0, *cuts], [*cuts, len(value)], strict=True)
        if b > a
    ]
    return [[piece] for piece in pieces[:-1]] + [[pieces[-1], *tokens[1:]]]


def title_split(
    tokens: list[Token], rules: tuple[LineEndRule, ...]
) -> tuple[list[Token], list[Token]] | None:
    """Read a block before the first heading as a title line, if it is one.

    Returns the tokens that carry the title (leading noise, then DOC_TITLE) and
    the rest of the block (a salutation and run-on text after the title), or
    None when the block is not a title.
    """
    lead = 0
    while lead < len(tokens) and K.is_noise(tokens[lead].type):
        lead += 1
    if lead == len(tokens) or tokens[lead].type != K.TEXT:
        return None
    token = tokens[lead]
    value = token.value
    cut = first_answer(rules, value)
    if cut is None:
        if not all(K.is_noise(t.type) for t in tokens[lead + 1 :]):
            return None  # text goes on after noise inside the line
        cut = len(value)
    head = value[:cut].strip()
    if not _title_shape(head) or SALUTATION.fullmatch(value.strip()):
        return None
    stop = start_of(token) + cut
    title = K.make(K.DOC_TITLE, value[:cut], start_of(token), stop)
    rest = tokens[lead + 1 :]
    if cut < len(value):
        rest = [K.make(K.TEXT, value[cut:], stop, end_of(token)), *rest]
    return [*tokens[:lead], title], rest


_ISSUER = re.compile(rf"\S{{2,20}}(?:{words.alternation(words.ISSUER_ENDS)})")


def is_issuer_above_title(tokens: list[Token], following: list[Token] | None) -> bool:
    """台州市教育局 / 关于…的通知: an office's name alone above a title-shaped line
    is the issuing office (版头), not the title."""
    if len(tokens) != 1 or following is None or len(following) != 1:
        return False
    if tokens[0].type != K.TEXT or following[0].type != K.TEXT:
        return False
    return bool(_ISSUER.fullmatch(tokens[0].value.strip())) and _title_shape(
        following[0].value.strip()
    )


# A title line that breaks off where a title goes on (…培训班、 / …会议和).
_UNFINISHED = re.compile(r"[、，,和与及暨]$")


def title_goes_on(tokens: list[Token], following: list[Token] | None) -> bool:
    """在第18期…培训班、 / 第20期…开班典礼上的致辞: a title split over two lines,
    the first breaking off at a clause mark or a conjunction."""
    if len(tokens) != 1 or following is None or len(following) != 1:
        return False
    if tokens[0].type != K.TEXT or following[0].type != K.TEXT:
        return False
    first, second = tokens[0].value.strip(), following[0].value.strip()
    return (
        _UNFINISHED.search(first) is not None
        and not SENTENCE_STOP_RE.search(first)
        and _title_shape(second)
        and len(first) + len(second) <= TUNING.doc_title_max
    )


def _title_shape(head: str) -> bool:
    """Short, and ends no sentence or clause."""
    return (
        bool(head)
        and len(head) <= TUNING.doc_title_max
        and not SENTENCE_STOP_RE.search(head)
        and head[-1] not in "，,：:、"
    )


_ATTACHMENTS = re.compile(r"附\s*件\s*(?:[：:]|\d{0,2}\s*$)")


def opens_attachments(tokens: list[Token]) -> bool:
    """附件：… / 附件 alone: the list of a document's attachments."""
    first = tokens[0]
    return first.type == K.TEXT and _ATTACHMENTS.match(first.value.strip()) is not None


_TRANSMITS = re.compile(
    r"关于(?:印发|转发|发布|颁布|公布)《(?P<name>[^《》]{2,60})》的(?:通知|决定|函)"
)


def transmitted(title: str) -> str:
    """The name of the document a notice transmits: 关于印发《X》的通知 → X."""
    m = _TRANSMITS.search(title)
    return "" if m is None else m.group("name")


def names_document(line: str, name: str) -> bool:
    """Whether a line is the title of the transmitted document (X, X（试行）)."""
    text = line.strip()
    return text == name or (text.startswith(name) and len(text) - len(name) <= 6)


_SALUTATION_LINE = re.compile(f"{VOCATIVE}[：:！!，,]?")


def is_salutation(tokens: list[Token]) -> bool:
    """同志们！ / 各位代表： standing alone."""
    return len(tokens) == 1 and _SALUTATION_LINE.fullmatch(tokens[0].value.strip()) is not None


def is_closing(tokens: list[Token]) -> bool:
    """Whether a paragraph opens with the closing address of a speech."""
    first = tokens[0]
    return first.type == K.TEXT and _CLOSING.match(first.value.lstrip()) is not None
