"""The benchmark corpus: the seeds and examples, and generated documents of any size.

The generated text is made here from phrases this project wrote; it has the
shape of a long work report: articles, 一、 sections, （一） sub-sections,
一是 items, paragraphs with decoy numbers and page numbers, with paragraph
lengths and node density close to the seeds'.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"

_CN = "一二三四五六七八九十"
_PHRASES = [
    "要坚持问题导向，把握工作重点",
    "全年完成投资增长3.5%，超过预期目标",
    "各级各部门要加强协调配合",
    "进一步完善制度机制，确保各项任务落到实处",
    "第一次实现了全覆盖",
    "以钉钉子精神抓好落实",
    "推动工作取得新的成效",
    "切实增强责任感和紧迫感",
    "着力解决群众反映强烈的突出问题",
]


def cn(n: int) -> str:
    """1..99 as a Chinese numeral."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN[ones - 1]
    head = "" if tens == 1 else _CN[tens - 1]
    return head + "十" + (_CN[ones - 1] if ones else "")


# Paragraph length drawn to match the seeds: about 280 characters on average,
# one structural node per 150 characters or so.
_PHRASES_PER_PARAGRAPH = (10, 26)


def _paragraph(rng: random.Random) -> str:
    count = rng.randint(*_PHRASES_PER_PARAGRAPH)
    return "，".join(rng.choice(_PHRASES) for _ in range(count)) + "。"


def article(rng: random.Random, number: int) -> str:
    lines = [f"第{number}篇: 在第{number}次工作会议上的讲话", "同志们：", _paragraph(rng)]
    for s in range(1, rng.randint(3, 6) + 1):
        lines.append(f"{cn(s)}、{rng.choice(_PHRASES)}")
        for sub in range(1, rng.randint(2, 4) + 1):
            lines.append(f"（{cn(sub)}）{rng.choice(_PHRASES)}")
            lines.append(_paragraph(rng))
            for item in range(1, rng.randint(2, 4) + 1):
                lines.append(f"{cn(item)}是{rng.choice(_PHRASES)}。{_paragraph(rng)}")
            lines.append(f"-{rng.randint(1, 99)}-")
    lines.append("同志们，" + _paragraph(rng))
    return "\n".join(lines) + "\n"


def generated(size_bytes: int, seed: int = 7) -> str:
    """A compilation of generated articles of at least ``size_bytes`` UTF-8 bytes."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    number = 1
    while total < size_bytes:
        part = article(rng, number)
        parts.append(part)
        total += len(part.encode("utf-8"))
        number += 1
    return "".join(parts)


def seed_corpus() -> list[str]:
    """The real texts in ../shared/seeds (empty when that folder is not beside us)."""
    return [p.read_text(encoding="utf-8-sig") for p in sorted(SEEDS.glob("*.txt"))]


def example_corpus() -> list[str]:
    """The project's own short examples: dense, nearly every line a heading."""
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


# ------------------------------------------------------------ pathological inputs
# Shapes that once cost more than linear time or memory; each builder makes
# one of about ``size`` characters.
def inline_cut_by_pages(size: int) -> str:
    """One paragraph whose inline enumeration (一是…；二是…) is cut by page numbers."""
    parts = ["会议要求："]
    n = 0
    while sum(map(len, parts)) < size:
        n += 1
        parts.append(f"{cn((n - 1) % 99 + 1)}是抓好第{n}项工作-{n % 9 + 1}-，落实责任；")
    return "".join(parts)


def blank_lines(size: int) -> str:
    return "讲话\n" + "\n" * size


def repeated_marker(size: int) -> str:
    """One heading marker, alone on every line: a repeat finding on each."""
    return "（一）\n" * (size // 4)


def ascii_one_line(size: int) -> str:
    words = ["policy", "report", "work", "the", "of", "and", "meeting", "2024"]
    out = []
    total = 0
    for n in range(size):
        word = words[n % len(words)]
        out.append(word)
        total += len(word) + 1
        if total >= size:
            break
    return " ".join(out)


PATHOLOGICAL = {
    "inline enumeration cut by page numbers": inline_cut_by_pages,
    "blank lines": blank_lines,
    "（一） alone on every line": repeated_marker,
    "ASCII prose on one line": ascii_one_line,
}
