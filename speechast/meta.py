"""Document metadata: title, subtitle, speaker, date, occasion, salutation, intro, closing.

Read from the head of a document (its title line and the lines before its
first heading) and its tail (the paragraphs after its last section). A head
line may hold several fields separated by spaces, as texts flattened by a
document viewer do (主标题 在…上的讲话 某职务 姓名 (2016年12月8日,根据录音整理)).
Placeholders used for anonymity (×, X, XXX, 20_, __) are kept as written and
flagged, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from itertools import islice
from typing import TypeVar

import attrs

from speechast import words
from speechast.fields import DateField, Field, Meta, Speaker
from speechast.furniture import SALUTATION, VOCATIVE
from speechast.markers import chinese_number
from speechast.nodes import Block, Item, Paragraph, Section, Span, Title
from speechast.titles import SENTENCE_STOP_RE
from speechast.tuning import TUNING

# Anonymised text: ×, X/XX/XXX between CJK characters or alone, 20_, __.
PLACEHOLDER = re.compile(r"[×＊*]|(?<![A-Za-z])X{1,4}(?![A-Za-z])|\d*_{1,}|＿+")

_DIGIT = r"[0-9０-９〇零一二三四五六七八九十XxX×_＿]"
DATE = re.compile(
    rf"(?P<year>{_DIGIT}{{2,4}}|[XxX×]{{1,4}})\s*年"
    rf"(?:\s*(?P<month>{_DIGIT}{{1,2}})\s*月"
    rf"(?:\s*(?P<day>{_DIGIT}{{1,3}})\s*日)?)?"
)
# A line that is only a date, maybe in brackets and with a note (根据录音整理).
_DATE_LINE = re.compile(rf"[（(]?\s*{DATE.pattern}\s*(?:[,，、]?\s*[^（）()]{{0,12}})?[）)]?")
# 在全市工会工作会议上的讲话 → the occasion is 全市工会工作会议.
_OCCASION = re.compile(
    r"在(?P<occasion>.{2,60}?)(?:上|中|开幕式上|闭幕式上)?的"
    rf"(?:{words.alternation(words.SPEECH_KINDS)})"
)
_OFFICES = words.alternation(words.OFFICES)
_OFFICE_END = re.compile(f"(?:{_OFFICES})$")
_NAME = re.compile(r"[\u4e00-\u9fff·×X]{2,4}(?:同志)?")
# 市委副书记、市长张三 / 市长 张三 (one part) — an office, then a name
_OFFICE_AND_NAME = re.compile(
    f"(?P<office>.+?(?:{_OFFICES}))[ \t\u3000]*(?P<name>[\u4e00-\u9fff·×X]{{2,4}}(?:同志)?)"
)
_SUBTITLE_DASH = re.compile(r"^[—－-]{1,2}\s*")
_SPACES = re.compile(r"[ \t\u3000]+")
_LEADING_SALUTATION = re.compile(f"{VOCATIVE}(?=[，,：:！!])")


@attrs.frozen
class _Part:
    text: str
    start: int  # source offset of text[0]
    stop: int = -1  # source offset after the part, when noise makes it longer than text

    @property
    def end(self) -> int:
        return self.start + len(self.text) if self.stop < 0 else self.stop

    @property
    def span(self) -> Span:
        return (self.start, self.end)


# The text a parse reads, so that fields can say exactly what they cover.
SOURCE: ContextVar[str | None] = ContextVar("speechast_source", default=None)


def field(text: str, start: int) -> Field:
    return Field(text=text, span=(start, start + len(text)), placeholder=_anonymised(text))


F = TypeVar("F", bound=Field)


def honest(value: F) -> F:
    """The field with ``text`` exactly the source at its span, and the value read
    kept as ``clean`` where the two differ."""
    source = SOURCE.get()
    if source is None:
        return value
    start, end = value.span
    raw = source[start:end]
    if raw == value.text:
        return value
    stripped = raw.strip()
    if stripped and stripped != raw:  # a span that took a line's break or indent
        start += len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        raw = stripped
    clean = None if raw == value.value else value.value
    return attrs.evolve(value, text=raw, span=(start, end), clean=clean)


def _honest_or_none(value: Field | None) -> Field | None:
    return None if value is None else honest(value)


def _anonymised(text: str) -> bool:
    return PLACEHOLDER.search(text) is not None


def _parts(node: Title | Paragraph) -> Iterator[_Part]:
    """A head line's space-separated parts with their source offsets.

    A line's text starts at its span's start; a line cut by noise is one part;
    an article's title line is the text after its 第N篇: marker.
    """
    text, start = node.text, node.span[0]
    if isinstance(node, Title) and node.children:
        title = node.children[-1]
        text, start = getattr(title, "text", text), title.span[0]
    elif node.children:
        yield _Part(text, start, node.span[1])  # a line cut by noise: one part
        return
    pos = 0
    for m in _SPACES.finditer(text):
        if m.start() > pos:
            yield _Part(text[pos : m.start()], start + pos)
        pos = m.end()
    if pos < len(text):
        yield _Part(text[pos:], start + pos)


def iso_date(m: re.Match[str]) -> str | None:
    """YYYY-MM-DD (or YYYY-MM, YYYY) of a matched date; None when anonymised."""
    if _anonymised(m.group()):
        return None
    values: list[int] = []
    for group in ("year", "month", "day"):
        raw = m.group(group)
        if raw is None:
            break
        digits = raw.translate(_FULL_DIGITS)
        if digits.isdigit():
            values.append(int(digits))
        elif group == "year":
            values.append(int("".join(str(chinese_number(ch)) for ch in digits)))
        else:
            values.append(chinese_number(digits))
    if not values or values[0] < 1000:
        return None
    return "-".join([f"{values[0]:04d}", *(f"{v:02d}" for v in values[1:])])


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _date(part: _Part) -> DateField | None:
    if not _DATE_LINE.fullmatch(part.text):
        return None
    m = DATE.search(part.text)
    assert m is not None
    start = part.start + m.start()
    return DateField(
        text=m.group(),
        span=(start, start + len(m.group())),
        placeholder=_anonymised(m.group()),
        iso=iso_date(m),
    )


def _occasion(title: Field) -> Field | None:
    """在…会议上的讲话 → the occasion: where it stands in the source when the title
    is as written, else the clean value over the title's span."""
    m = _OCCASION.search(title.value)
    if m is None:
        return None
    if title.clean is None:
        return field(m.group("occasion"), title.span[0] + m.start("occasion"))
    return honest(Field(m.group("occasion"), title.span, _anonymised(m.group("occasion"))))


def _speaker(parts: Sequence[_Part], i: int) -> tuple[Speaker, int] | None:
    """A speaker at parts[i]: an office and a name, in one part or two; how many parts."""
    part = parts[i]
    if len(part.text) > TUNING.speaker_max:
        return None
    if _OFFICE_END.search(part.text) and i + 1 < len(parts):
        name = parts[i + 1]
        if _NAME.fullmatch(name.text):
            span = (part.start, name.start + len(name.text))
            return _speaker_field(f"{part.text} {name.text}", span, part.text, name.text), 2
    m = _OFFICE_AND_NAME.fullmatch(part.text)
    if m is None:
        return None
    return _speaker_field(part.text, part.span, m.group("office"), m.group("name")), 1


def _speaker_field(text: str, span: Span, office: str | None, name: str) -> Speaker:
    return Speaker(
        text=text,
        span=span,
        placeholder=_anonymised(text),
        office=office,
        name=name.removesuffix("同志"),
    )


def extract(children: Sequence[Block]) -> Meta:
    """A document's metadata, read from its children (each article of a compilation
    has its own)."""
    found: dict[str, Field] = {}
    intro: list[Paragraph] = []
    head = list(_head(children))
    # Lines above a title line are front matter (an issuing office, a speaker):
    # they may give fields, never the title.
    title_at = next((i for i, n in enumerate(head) if isinstance(n, Title)), 0)
    for index, node in enumerate(head):
        title_parts, running_text = _read_node(node, found, index < title_at)
        if running_text and isinstance(node, Paragraph) and not title_parts:
            if "salutation" not in found and (m := _LEADING_SALUTATION.match(node.text)):
                found["salutation"] = field(m.group(), node.span[0])
            intro.append(node)
        else:
            _take_title(found, title_parts)
    found = {role: honest(value) for role, value in found.items()}
    title = found.get("title")
    subtitle = found.get("subtitle")
    occasion = None
    for source in (title, subtitle):
        if source is not None and occasion is None:
            occasion = _occasion(source)
    date = found.get("date")
    speaker = found.get("speaker")
    return Meta(
        title=title,
        subtitle=subtitle,
        speaker=speaker if isinstance(speaker, Speaker) else None,
        date=date if isinstance(date, DateField) else None,
        occasion=occasion,
        salutation=found.get("salutation"),
        intro=_honest_or_none(_joined(intro)),
        closing=_honest_or_none(_joined(_closing(children))),
    )


def _read_node(
    node: Title | Paragraph, found: dict[str, Field], front: bool
) -> tuple[list[_Part], bool]:
    """Read one head line's parts into ``found``: the parts that make up the
    title, and whether the line turned out to be running text."""
    title_parts: list[_Part] = []
    # Head lines are short; a line of more parts than this is running text, and
    # listing all its words (a megabyte of prose on one line) would cost tens of
    # times the text.
    parts = list(islice(_parts(node), TUNING.meta_parts_max + 1))
    if len(parts) > TUNING.meta_parts_max:
        return [], True
    i = 0
    while i < len(parts):
        known_title = "title" in found or bool(title_parts)
        role, value, taken = _classify(parts, i, found, known_title)
        if role is not None and value is not None:
            _take_title(found, title_parts)
            found[role] = value
            i += taken
        elif front:
            i += 1  # front matter above the title line
        elif "title" not in found and _title_like(parts[i].text, title_parts):
            title_parts.append(parts[i])
            i += 1
        elif "title" in found and parts[i].text in found["title"].text:
            i += 1  # the title pasted again
        else:
            return title_parts, True
    return title_parts, False


def _head(children: Sequence[Block]) -> Iterator[Title | Paragraph]:
    """The title line and paragraphs before the first heading or item."""
    for child in children:
        if isinstance(child, (Section, Item)):
            return
        if isinstance(child, (Title, Paragraph)):
            yield child


def _title_like(text: str, before: Sequence[_Part] = ()) -> bool:
    """Short and no sentence: with the parts before it, no longer than a title."""
    length = len(text) + sum(len(p.text) + 1 for p in before)
    return length <= TUNING.meta_title_max and not SENTENCE_STOP_RE.search(text)


def _take_title(found: dict[str, Field], parts: list[_Part]) -> None:
    """Leading parts no other field claimed are the title (a pasted-twice title once)."""
    if not parts or "title" in found:
        parts.clear()
        return
    joined = " ".join(p.text for p in parts)
    text = _undoubled(joined)
    end = parts[-1].end if text == joined else parts[0].start + len(text)
    found["title"] = Field(text=text, span=(parts[0].start, end), placeholder=_anonymised(text))
    parts.clear()


def _classify(
    parts: Sequence[_Part], i: int, found: dict[str, Field], known_title: bool
) -> tuple[str | None, Field | None, int]:
    """What field parts[i] (and maybe the next part) is, if one not yet found."""
    part = parts[i]
    text = part.text
    if "date" not in found and (date := _date(part)) is not None:
        return "date", date, 1
    if "salutation" not in found and SALUTATION.fullmatch(text):
        return "salutation", field(text.rstrip("：:"), part.start), 1
    if "speaker" not in found and (speaker := _speaker(parts, i)) is not None:
        return "speaker", speaker[0], speaker[1]
    if "speaker" not in found and "date" in found and len(parts) == 1 and _NAME.fullmatch(text):
        # a bare name on its own head line after the date: …（2021年3月1日）张三
        return "speaker", _speaker_field(text, part.span, None, text), 1
    if known_title and "subtitle" not in found:
        if dash := _SUBTITLE_DASH.match(text):
            return "subtitle", field(text[dash.end() :], part.start + dash.end()), 1
        if _OCCASION.fullmatch(text):
            return "subtitle", field(text, part.start), 1
    return None, None, 0


def _undoubled(text: str) -> str:
    """A title pasted twice (标题 标题) once."""
    half = len(text) // 2
    if len(text) % 2 == 0 and half and text[:half] == text[half:]:
        return text[:half]
    return text


def _closing(children: Sequence[Block]) -> list[Paragraph]:
    """The paragraphs after the last section or item of the document."""
    tail: list[Paragraph] = []
    seen_section = False
    for child in children:
        if isinstance(child, (Section, Item)):
            seen_section = True
            tail = []
        elif seen_section and isinstance(child, Paragraph):
            tail.append(child)
    return tail


def _joined(paragraphs: Sequence[Paragraph]) -> Field | None:
    if not paragraphs:
        return None
    text = "\n".join(p.text for p in paragraphs)
    return Field(
        text=text,
        span=(paragraphs[0].span[0], paragraphs[-1].span[1]),
        placeholder=_anonymised(text),
    )
