"""Document furniture in the token stream: the title line and the closing address."""

from __future__ import annotations

import re

from lark import Token

from speechast.lexer import TEXT, end_of, start_of
from speechast.titles import SENTENCE_STOP_RE

DOC_TITLE = "DOC_TITLE"
NOISE_PREFIX = "NOISE_"

# A title is a short line that does not end a sentence.
TITLE_MAX = 90
# Whom a speech addresses: 各位委员，同志们 / 尊敬的各位来宾 / 同志们.
_AUDIENCE = r"(?:各位|尊敬的)[^，,。：:！!、]{1,16}"
VOCATIVE = (
    rf"(?:{_AUDIENCE}[，,、])*"
    rf"(?:同志们|同事们|朋友们|女士们|先生们|{_AUDIENCE})"
)
# 同志们： / 各位委员，同志们： / 各位代表： — the salutation that follows a title.
SALUTATION = re.compile(f"{VOCATIVE}[：:]")
# A notice's addressee after its title on the same line: …的通知 各区县供暖办：
_ADDRESSEE = re.compile(r"(?<=\S)[ \t\u3000]+(?=[^\s，,。：:]{2,30}[：:]\s*$)")
# The closing address of a speech: 各位委员，同志们，… / 同志们，… / 让我们…
_CLOSING = re.compile(f"{VOCATIVE}[，,！!、]|让我们")


def title_split(tokens: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """Read a block before the first heading as a title line, if it is one.

    Returns the tokens that carry the title (leading noise, then DOC_TITLE) and
    the rest of the block (a salutation and run-on text after the title), or
    None when the block is not a title.
    """
    lead = 0
    while lead < len(tokens) and tokens[lead].type.startswith(NOISE_PREFIX):
        lead += 1
    if lead == len(tokens) or tokens[lead].type != TEXT:
        return None
    token = tokens[lead]
    value = token.value
    body = value.strip()
    cut = len(value)
    salutation = SALUTATION.search(value, 0, TITLE_MAX + 40)
    addressee = _ADDRESSEE.search(value, 0, TITLE_MAX + 40)
    if salutation is not None and salutation.start() > 0:
        cut = salutation.start()
    elif addressee is not None:
        cut = addressee.start()
    elif len(tokens) > lead + 1:
        return None
    head = value[:cut].strip()
    if not head or len(head) > TITLE_MAX or SENTENCE_STOP_RE.search(head) or head[-1] in "，,：:、":
        return None
    if SALUTATION.fullmatch(body):
        return None
    stop = start_of(token) + cut
    title = Token(DOC_TITLE, value[:cut], start_of(token), end_pos=stop)
    rest = tokens[lead + 1 :]
    if cut < len(value):
        rest = [Token(TEXT, value[cut:], stop, end_pos=end_of(token)), *rest]
    return [*tokens[:lead], title], rest


def is_closing(tokens: list[Token]) -> bool:
    """Whether a paragraph opens with the closing address of a speech."""
    first = tokens[0]
    return first.type == TEXT and _CLOSING.match(first.value.lstrip()) is not None
