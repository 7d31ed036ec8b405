"""Word lists the rules read: noise vocabulary, heading-final nouns, vocatives, offices.

Each list is vocabulary of a kind of text (site furniture, official headings,
speeches), never a sentence taken from one document. The rules compile them
into patterns with :func:`alternation`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of the words, in the order given (first match wins)."""
    return "|".join(re.escape(w) for w in words)


# fmt: off
# ------------------------------------------------------------------ noise
# Labels that open a breadcrumb line: 当前位置：首页 > …
NAV_LABELS = ("当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置")
# Labels of link and source lines a page copy carries: 本文标题：…, 原文链接：…
LINK_LABELS = (
    "本文标题", "链接地址", "原文地址", "原文链接", "本文链接", "本文地址", "文章来源",
    "转载请注明", "来源网址", "网址", "链接", "URL", "url",
)
# Editorial credits that stand as a line of their own: 责任编辑：某某
CREDIT_LABELS = ("责任编辑", "编辑", "审核", "校对", "来源", "作者", "撰稿", "摄影", "监制")
# Words of licence and copyright footers.
COPYRIGHT_WORDS = (
    "版权所有", "版权声明", "Copyright", "©", "知识共享", "许可协议", "未经授权", "禁止转载",
)
# Site, shop and group furniture: these words rarely stand in a speech.
AD_WORDS = (
    "仅供学习", "禁止外传", "QQ群", "qq群", "微信群", "会员群", "扫码", "二维码", "倒卖",
    "免费下载", "下载地址", "点击下载", "加微信", "ICP备", "分享到", "打印本页", "关闭窗口",
    "【字体", "字号：", "相关报道", "相关链接", "上一篇：", "下一篇：",
)
# Labels of a page's status and source lines (时效性：现行有效 / 发布时间：…), and
# statuses that stand alone.
STATUS_LABELS = (
    "时效性", "效力级别", "发布时间", "发布日期", "发文时间", "发文日期", "实施日期", "施行日期",
    "浏览次数", "点击数", "阅读量",
)
STATUSES = ("现行有效", "已失效", "已废止", "部分失效", "尚未生效")
# Furniture words a report may use in earnest (a 客服 department, VIP clients):
# they mark only a short line.
WEAK_AD_WORDS = ("客服", "VIP", "vip", "公众号", "订阅", "仅供参考")
# How a licence footer opens (本作品是…的法律…属于公有领域 / This work is…) and
# the words that show it is one.
LICENCE_OPENERS = ("本作品", "本作品来自", "This work", "Public domain")
LICENCE_WORDS = ("公有领域", "Public domain", "public domain", "著作权", "版权", "知识共享",
                 "Creative Commons", "许可协议")
# News agencies whose datelines are spliced into reports: （新华社北京3月6日电）
AGENCIES = ("新华社", "中新社", "人民网", "新华网", "央视网")
# Agencies whose photographers are credited: 新华社记者 某某/摄
PHOTO_AGENCIES = ("新华社", "中新社")
# Kinds of newspaper in a page footer: 《人民日报》（2020年…01版）
PAPERS = ("日报", "晚报", "时报")

# -------------------------------------------------------------- headings
# Nouns that close the last clause of official headings (…新局面, …科学化水平).
# In run-on text with no punctuation between a heading and its body, the last
# such noun within reach of the clause start is where the heading ends.
HEADING_FINAL_NOUNS = (
    "局面", "水平", "方向", "作用", "能力", "体系", "机制", "格局", "新篇章", "新作为", "新成效",
    "新业绩", "新征程", "新高度", "主力军", "生命线", "着力点", "落脚点", "排头兵", "保障",
    "合力", "活力", "基础", "质量", "成效", "氛围", "环境", "根基", "底线",
)

# --------------------------------------------------------------- speeches
# Whom a speech addresses: 同志们 / 各位委员 / 尊敬的各位来宾.
AUDIENCES = ("同志们", "同事们", "朋友们", "女士们", "先生们")
AUDIENCE_OPENERS = ("各位", "尊敬的")
# A closing exhortation that ends a speech: 让我们…
CLOSING_OPENERS = ("让我们",)
# Offices a speaker line names: 市委副书记、市长 张三.
OFFICES = (
    "主任", "主席", "书记", "部长", "局长", "市长", "县长", "区长", "省长", "镇长", "乡长",
    "理事长", "会长", "院长", "校长", "厅长", "处长", "科长", "委员", "总经理", "经理", "董事长",
    "总裁", "秘书长", "组长", "队长", "行长", "社长", "主编",
)
# How the name of an issuing office ends: a 版头 line above a notice's title.
ISSUER_ENDS = (
    "局", "委员会", "人民政府", "政府", "办公室", "办公厅", "厅", "党委", "党组", "支部", "学院",
    "大学", "中学", "小学", "学校", "公司", "集团", "协会", "联合会", "中心", "银行",
)
# What a speech is called in its title: 在…会议上的讲话.
SPEECH_KINDS = (
    "讲话", "发言", "报告", "致辞", "工作报告", "主持词", "总结讲话", "动员讲话", "讲话提纲",
    "讲话摘要", "讲话稿",
)
# fmt: on
