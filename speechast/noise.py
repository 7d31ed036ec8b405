"""Shapes of noise: text that came with a document but is not part of it.

Every rule is a general shape (page-number forms, URL and breadcrumb forms,
site and news furniture vocabulary), never a sentence copied from one text.
"""

from __future__ import annotations

import re

# Token types of the grammar's noise terminals.
AD = "NOISE_AD"
NAV = "NOISE_NAV"
LINK = "NOISE_LINK"
PAGE = "NOISE_PAGE"
CHUNK = "NOISE_CHUNK"
NEWS = "NOISE_NEWS"
SIGNATURE = "NOISE_SIGNATURE"
QUOTE = "NOISE_QUOTE"
MARKUP = "NOISE_MARKUP"
BLANK = "NOISE_BLANK"

_DASH = r"[-－—–―]"

# Page numbers that stand alone on a line: -3-, — 3 —, 第3页 共10页, 3/10, Page 3.
_PAGE_LINE = re.compile(
    rf"{_DASH}+\s*\d{{1,4}}\s*{_DASH}+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)

# Page numbers spliced into running text: a short dash-number-dash that is not
# part of a date or a range (no digit on either side), or a 第N页 form.
INLINE_PAGE = re.compile(
    rf"(?<![0-9A-Za-z\-－/.]){_DASH}{{1,2}}[ \t　]?\d{{1,3}}[ \t　]?{_DASH}{{1,2}}(?![0-9\-－])"
    r"|第\s*\d{1,4}\s*页\s*[,，]?\s*共\s*\d{1,4}\s*页"
)

# Characters INLINE_PAGE and INLINE_NEWS can start with.
INLINE_FIRST = "-－—–―第（(新中记《"

# News furniture spliced into text: photo credits, agency datelines, paper footers.
INLINE_NEWS = re.compile(
    r"[（(](?:新华社|中新社|人民网|新华网|央视网)[^（）()]{0,20}电[）)]"
    r"|(?:新华社|中新社)?记者\s*[\u4e00-\u9fff·]{2,8}\s*/\s*摄"
    r"|《[^《》]{2,12}(?:日报|晚报|时报)》\s*[（(][^（）()]{0,30}版\s*[）)]"
)

_NAV = re.compile(
    r"(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]"
    r"|首页\s*(?:>|＞|»|/)"
    r"|\S\s*(?:>|＞|»)\s*\S+\s*(?:>|＞|»)\s*\S"
)

_LINK = re.compile(
    r"(?:本文标题|链接地址|原文地址|原文链接|本文链接|本文地址|文章来源|转载请注明|来源网址)\s*[:：]"
    r"|https?://|www\.[a-z0-9-]+\.[a-z]"
    , re.IGNORECASE,
)

# Whole lines of news furniture: editor's notes, credits, licence footers and
# photo captions (a short line carrying a photo credit). Datelines and paper
# footers inside a line are cut out by INLINE_NEWS instead.
_NEWS_LINE = re.compile(
    r"※"
    r"|(?:责任编辑|编辑|审核|校对|来源)\s*[:：]\s*\S{1,12}$"
    r"|(?:版权所有|版权声明|Copyright|©|知识共享|许可协议|未经授权|禁止转载)"
    r"|/\s*摄"
)

# Site, shop and group furniture: these words rarely open a line of a speech.
_AD = re.compile(
    r"仅供学习|禁止外传|仅供参考|QQ群|qq群|微信群|会员群|公众号|扫码|二维码|订阅"
    r"|倒卖|免费下载|下载地址|点击下载|VIP|vip|加微信|客服"
    r"|您好\s*[,，]?\s*欢迎(?:访问|光临|来到)|欢迎访问"
)

SENTENCE_END = "。！？!?；;…"

# A date standing alone: 2024年3月15日, 二〇二四年三月十五日, 2024-03-15.
DATE_LINE = re.compile(
    r"[0-9０-９〇零一二三四五六七八九]{4}\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月"
    r"(?:\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日)?"
    r"|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
)
# Right-aligned lines (a signature or date padded with spaces) start this far in.
SIGNATURE_INDENT = 8
SIGNATURE_MAX = 40


def indent_width(text: str) -> int:
    """Display width of leading spaces: a full-width space counts two."""
    width = 0
    for ch in text:
        if ch not in _SPACE_WIDTH:
            break
        width += _SPACE_WIDTH[ch]
    return width


_SPACE_WIDTH = {" ": 1, "\u00a0": 1, "\t": 4, "\u3000": 2}

# Furniture lines are short; a paragraph that mentions a URL is still text.
_LINK_LINE_MAX = 200
_FURNITURE_LINE_MAX = 120


def line_noise(content: str) -> str | None:
    """The noise kind of a whole line (stripped), or None when it may be text."""
    if len(content) >= _LINK_LINE_MAX:
        return None
    if _PAGE_LINE.fullmatch(content):
        return PAGE
    if _LINK.search(content):
        return LINK
    if len(content) > _FURNITURE_LINE_MAX:
        return None
    if _NAV.search(content) and content[-1] not in SENTENCE_END:
        return NAV
    if _AD.search(content):
        return AD
    if _NEWS_LINE.match(content) or (len(content) < 80 and _NEWS_LINE.search(content)):
        return NEWS
    return None


_MARKDOWN_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKDOWN_HEAD = re.compile(r"#{1,6}[ \t　]*")
_QUOTE_HEAD = re.compile(r"(?:[>＞][ \t　]*)+")


_MARKUP_FIRST = frozenset(">＞#<")


def leading_markup(text: str, pos: int, end: int) -> tuple[str, int] | None:
    """Quote marks or Markdown heading signs at ``pos``: their kind and end."""
    if text[pos] not in _MARKUP_FIRST:
        return None
    m = _QUOTE_HEAD.match(text, pos, end)
    if m:
        return QUOTE, m.end()
    m = _MARKDOWN_HEAD.match(text, pos, end)
    if m and m.end() < end:
        return MARKUP, m.end()
    m = _MARKDOWN_COMMENT.match(text, pos)
    if m:
        return MARKUP, m.end()
    return None
