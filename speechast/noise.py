"""Shapes of noise: text that came with a document but is not part of it.

Every rule is a general shape (page-number forms, URL and breadcrumb forms,
site and news furniture vocabulary from speechast.words), never a sentence
copied from one text. Three chains live here:

- ``LINE_NOISE`` (first match wins): what kind of noise a whole line is;
- ``LINE_START`` (each in turn, repeatedly): markup that opens a line;
- ``INLINE_NOISE``: shapes cut out of running text wherever they fall.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from speechast import tokens as K
from speechast import words
from speechast.registry import SENTENCE_END, SPACE
from speechast.rules import Chain, first_answer
from speechast.tuning import TUNING

_DASH = r"[-－—–―]"

# ------------------------------------------------------------ line noise
LineRule = Callable[[str], str | None]
LINE_NOISE: Chain[LineRule] = Chain(
    "line-noise", "the noise kind of a whole line (stripped); the first rule that answers wins"
)

# Page numbers that stand alone on a line: -3-, — 3 —, 第3页 共10页, 3/10, Page 3.
_PAGE_LINE = re.compile(
    rf"{_DASH}+\s*\d{{1,4}}\s*{_DASH}+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)
_LINK = re.compile(
    rf"(?:{words.alternation(words.LINK_LABELS)})\s*[:：]|https?://|www\.[a-z0-9-]+\.[a-z]",
    re.IGNORECASE,
)
_NAV = re.compile(
    rf"(?:{words.alternation(words.NAV_LABELS)})\s*[:：]"
    r"|首页\s*(?:>|＞|»|/)"
    r"|\S\s*(?:>|＞|»)\s*\S+\s*(?:>|＞|»)\s*\S"
)
_AD = re.compile(
    words.alternation(words.AD_WORDS) + r"|您好\s*[,，]?\s*欢迎(?:访问|光临|来到)|欢迎访问"
)
_WEAK_AD = re.compile(words.alternation(words.WEAK_AD_WORDS))
# Whole lines of news furniture: editor's notes, credits, licence footers and
# photo captions (a short line carrying a photo credit). Datelines and paper
# footers inside a line are cut out by the inline rules instead.
_NEWS_LINE = re.compile(
    r"※"
    rf"|(?:{words.alternation(words.CREDIT_LABELS)})\s*[:：]\s*[^。！？!?；;\s]{{1,30}}$"
    rf"|(?:{words.alternation(words.COPYRIGHT_WORDS)})"
    r"|/\s*摄"
)


@LINE_NOISE.rule("page-line")
def page_line(content: str) -> str | None:
    """-3- / — 3 — / 第3页 共10页 / 3/10 alone on a line."""
    return K.PAGE if len(content) < TUNING.link_line_max and _PAGE_LINE.fullmatch(content) else None


@LINE_NOISE.rule("link-line")
def link_line(content: str) -> str | None:
    """本文标题：… / 原文链接：… / a URL, in a line shorter than a paragraph."""
    return K.LINK if len(content) < TUNING.link_line_max and _LINK.search(content) else None


@LINE_NOISE.rule("nav-line")
def nav_line(content: str) -> str | None:
    """当前位置：首页 > … — a breadcrumb, which never ends a sentence."""
    short = len(content) <= TUNING.furniture_line_max
    if short and content[-1] not in SENTENCE_END and _NAV.search(content):
        return K.NAV
    return None


@LINE_NOISE.rule("ad-line")
def ad_line(content: str) -> str | None:
    """仅供学习 / QQ群 / 欢迎访问… — site, shop and group furniture."""
    if len(content) <= TUNING.furniture_line_max and _AD.search(content):
        return K.AD
    if len(content) <= TUNING.weak_ad_line_max and _WEAK_AD.search(content):
        return K.AD
    return None


@LINE_NOISE.rule("news-line")
def news_line(content: str) -> str | None:
    """※ notes, 责任编辑：…, copyright footers, and short lines with a photo credit."""
    if len(content) > TUNING.furniture_line_max:
        return None
    if _NEWS_LINE.match(content) or (
        len(content) < TUNING.news_caption_max and _NEWS_LINE.search(content)
    ):
        return K.NEWS
    return None


_STATUS = re.compile(
    rf"(?:{words.alternation(words.STATUS_LABELS)})\s*[:：].{{0,40}}"
    rf"|(?:{words.alternation(words.STATUSES)})"
)


@LINE_NOISE.rule("status-line")
def status_line(content: str) -> str | None:
    """时效性：现行有效 / 发布时间：2020-01-01 — a page's status and source lines."""
    return K.NAV if _STATUS.fullmatch(content) else None


# A Markdown image or a link standing alone, an HTML tag line without words,
# a horizontal rule: markup of the page the text was copied from.
_MARKUP_LINE = re.compile(
    r"!?\[[^\]]*\]\([^)]*\)"
    r"|(?:<[^<>]+>|[\s=＝\-_*~·.])*<[^<>]+>(?:<[^<>]+>|[\s=＝\-_*~·.])*"
    r"|(?:[-*_]\s*){3,}"
)


_MARKUP_LINE_FIRST = frozenset("![<=＝-_*~·.")


@LINE_NOISE.rule("markup-line")
def markup_line(content: str) -> str | None:
    """![](图.png) / [链接](…) / <center>===</center> / ------ alone on a line."""
    if content[0] not in _MARKUP_LINE_FIRST:
        return None
    return K.MARKUP if _MARKUP_LINE.fullmatch(content) else None


def line_noise(content: str, rules: tuple[LineRule, ...]) -> str | None:
    """The noise kind of a whole line (stripped), or None when it may be text."""
    return first_answer(rules, content)


# ------------------------------------------------------------ line start
StartRule = Callable[[str, int, int], tuple[str, int] | None]
LINE_START: Chain[StartRule] = Chain(
    "line-start", "markup that opens a line: its kind and end; tried in turn until none answers"
)
_QUOTE_HEAD = re.compile(r"(?:[>＞][ \t　]*)+")
_MARKDOWN_HEAD = re.compile(r"#{1,6}[ \t　]*")
_MARKDOWN_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@LINE_START.rule("quote-marks")
def quote_marks(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """> or ＞ quote marks before a line's text."""
    m = _QUOTE_HEAD.match(text, pos, end)
    return (K.QUOTE, m.end()) if m else None


@LINE_START.rule("markdown-heading")
def markdown_heading(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """## before a heading: the heading is what follows."""
    m = _MARKDOWN_HEAD.match(text, pos, end)
    return (K.MARKUP, m.end()) if m and m.end() < end else None


@LINE_START.rule("html-comment")
def html_comment(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """<!-- … -->, which may run over several lines."""
    m = _MARKDOWN_COMMENT.match(text, pos)
    return (K.MARKUP, m.end()) if m else None


_CODE_FENCE = re.compile(r"(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", re.DOTALL | re.MULTILINE)


@LINE_START.rule("code-fence")
def code_fence(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """A fenced block of code or program output (```…```) is markup, every line of it."""
    m = _CODE_FENCE.match(text, pos)
    return (K.MARKUP, m.end()) if m else None


_BOLD_START = re.compile(r"\*\*(?=\S)")


@LINE_START.rule("bold-marks")
def bold_marks(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """**1、…** — Markdown bold around a heading: the marker is what follows."""
    m = _BOLD_START.match(text, pos, end)
    return (K.MARKUP, m.end()) if m else None


# The characters the line-start rules can start with: a prefilter.
_MARKUP_FIRST = frozenset(">＞#<*`~")


def leading_markup(
    text: str, pos: int, end: int, rules: tuple[StartRule, ...]
) -> tuple[str, int] | None:
    """Markup at ``pos``: its kind and end, or None."""
    if text[pos] not in _MARKUP_FIRST:
        return None
    return first_answer(rules, text, pos, end)


# ----------------------------------------------------------- inline noise
INLINE_NOISE: Chain[re.Pattern[str]] = Chain(
    "inline-noise", "shapes cut out of running text wherever they fall"
)
# Page numbers spliced into running text: a short dash-number-dash that is not
# part of a date or a range (no digit on either side), or a 第N页 form.
INLINE_NOISE.rule("inline-page")(
    re.compile(
        rf"(?<![0-9A-Za-z\-－/.]){_DASH}{{1,2}}[ \t　]?\d{{1,3}}[ \t　]?{_DASH}{{1,2}}(?![0-9\-－])"
        r"|第\s*\d{1,4}\s*页\s*[,，]?\s*共\s*\d{1,4}\s*页"
    )
)
# News furniture spliced into text: agency datelines, photo credits, paper footers.
INLINE_NOISE.rule("inline-news")(
    re.compile(
        rf"[（(](?:{words.alternation(words.AGENCIES)})[^（）()]{{0,20}}电[）)]"
        # a photo caption: its 这是… sentence and the credit
        r"|这是[^。！？]{2,80}。\s*"
        rf"(?:{words.alternation(words.PHOTO_AGENCIES)})?记者\s*[\u4e00-\u9fff·]{{2,8}}\s*/\s*摄"
        rf"|(?:{words.alternation(words.PHOTO_AGENCIES)})?记者\s*[\u4e00-\u9fff·]{{2,8}}\s*/\s*摄"
        rf"|《\s*[^《》\s]{{1,12}}(?:{words.alternation(words.PAPERS)})\s*》\s*[（(][^（）()]{{0,30}}版\s*[）)]"
    )
)
# A Markdown link: its text is the document's, its brackets and address are
# markup ([标题](https://…) → 标题). An image (![…](…)) is not a link.
INLINE_NOISE.rule("markdown-link")(
    re.compile(r"(?<!!)\[(?P<link_text>[^\[\]\n]{1,200})\]\([^()\s]{0,500}\)")
)
# Markdown bold marks inside a line (…基础架构**).
INLINE_NOISE.rule("markdown-bold")(re.compile(r"\*\*"))
INLINE_KINDS = {
    "inline-page": K.PAGE,
    "inline-news": K.NEWS,
    "markdown-link": K.MARKUP,
    "markdown-bold": K.MARKUP,
}

# Characters the inline shapes can start with.
INLINE_FIRST = "-－—–―第（(新中记《[*这"

# A date standing alone: 2024年3月15日, 二〇二四年三月十五日, 2024-03-15.
DATE_LINE = re.compile(
    r"[0-9０-９〇零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月"
    r"(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)?"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
)

_SPACE_WIDTH = {" ": 1, "\u00a0": 1, "\t": 4, "\u3000": 2, "\u200b": 0, "\u2060": 0, "\ufeff": 0}
assert set(_SPACE_WIDTH) == set(SPACE)


def indent_width(text: str) -> int:
    """Display width of leading spaces: a full-width space counts two."""
    width = 0
    for ch in text:
        if ch not in _SPACE_WIDTH:
            break
        width += _SPACE_WIDTH[ch]
    return width
