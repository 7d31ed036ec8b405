"""Files → the text that is parsed: plain text in any encoding, Word documents,
saved web pages; everything else refused with one line that says what it is.

A Word document or a web page becomes a text of lines, the one spans point into
(`speechast text FILE` prints it). What the format knows is kept as evidence in
that text or beside it: Word's heading styles become Markdown #s, which give
levels; Word's automatic numbering gets its marker text rebuilt; the page's
script, style, nav, header and footer text becomes lines the parse must take
as noise, with their kind.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any

import attrs

from speechast import encoding
from speechast.source import InputError


@attrs.frozen
class Source:
    """A document read: its text, how it was read, and lines that are noise by format."""

    text: str
    encoding: str | None  # the text encoding, or None for a Word document
    format: str  # "text", "html" or "docx"
    noise: tuple[tuple[int, int, str], ...] = ()  # (start, end, kind) of whole lines


# Magic numbers of what is not a text: what it is, for the one-line message.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Word document (.doc): save it as .docx"),
)
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)", re.I | re.S)


def read(data: bytes, name: str, encoding_name: str | None = None) -> Source:
    """The text of a file's bytes, by what they are."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: {what}, not supported")
    if data.startswith(b"PK\x03\x04"):
        return read_docx(data, name)
    if name.lower().endswith((".html", ".htm")) or _HTML_START.match(data[:4096]):
        return read_html(data, name, encoding_name)
    text, used = encoding.decode(data, name, encoding_name)
    return Source(text, used, "text")


# ------------------------------------------------------------------- html
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul",
})  # fmt: skip
# Content of these is the page's, not the document's: kept as noise of this kind.
_NOISE_TAGS = {
    "script": "markup", "style": "markup", "noscript": "markup", "template": "markup",
    "nav": "nav", "header": "nav", "footer": "nav", "aside": "nav",
}  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_SPACES = re.compile(r"\s+")


def read_html(data: bytes, name: str, encoding_name: str | None = None) -> Source:
    """A saved web page: block elements become lines; the page's own furniture
    becomes noise lines; its <title> opens the text unless a heading repeats it."""
    if encoding_name is None and (m := _CHARSET.search(data[:4096])):
        encoding_name = m.group(1).decode("ascii")
    try:
        text, used = encoding.decode(data, name, encoding_name)
    except InputError:
        text, used = encoding.decode(data, name)  # a meta tag that lies
    page = _Page()
    page.feed(text)
    page.close()
    lines = page.lines()
    if page.title and not any(line.lstrip("# ") == page.title for line, _ in lines[:8]):
        lines.insert(0, (page.title, None))
    out, noise = _join(lines)
    if not out.strip():
        raise InputError(f"{name}: a web page without text")
    return Source(out, used, "html", noise)


class _Page(HTMLParser):
    """Collects the text of a page as lines, each with its noise kind or None."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._lines: list[tuple[str, str | None]] = []
        self._current: list[str] = []
        self._noise: list[str] = []  # open noise elements, innermost last
        self._in_title = False
        self._pre = 0
        self._heading = 0
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, opening=False)

    def _tag(self, tag: str, opening: bool) -> None:
        if tag == "title":
            self._in_title = opening
            return
        if tag in _BLOCKS or tag in _NOISE_TAGS:
            self._break()
        if tag in _NOISE_TAGS:
            if opening:
                self._noise.append(_NOISE_TAGS[tag])
            elif self._noise:
                self._noise.pop()
        if tag == "pre":
            self._pre += 1 if opening else -1
        if tag in _HEADINGS:
            self._heading = _HEADINGS[tag] if opening else 0

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += _SPACES.sub(" ", data).strip()
            return
        if self._pre > 0 and not self._noise:
            first, *rest = data.split("\n")
            self._current.append(first)
            for line in rest:
                self._break()
                self._current.append(line)
            return
        if not self._current and self._heading and not self._noise:
            self._current.append("#" * self._heading + " ")
        self._current.append(_SPACES.sub(" ", data))

    def _break(self) -> None:
        line = "".join(self._current).strip()
        self._current = []
        if line and line.strip("# "):
            self._lines.append((line, self._noise[-1] if self._noise else None))

    def lines(self) -> list[tuple[str, str | None]]:
        self._break()
        return self._lines


def _join(lines: list[tuple[str, str | None]]) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    out: list[str] = []
    noise: list[tuple[int, int, str]] = []
    pos = 0
    for line, kind in lines:
        if kind is not None:
            noise.append((pos, pos + len(line), kind))
        out.append(line + "\n")
        pos += len(line) + 1
    return "".join(out), tuple(noise)


# ------------------------------------------------------------------- docx
_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)


def read_docx(data: bytes, name: str) -> Source:
    """A Word document: a line per paragraph (table cells in order); heading styles
    as Markdown #s; automatic numbering rebuilt as the marker text Word shows."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise InputError(f"{name}: a damaged zip archive or Word document") from None
    if "word/document.xml" not in names:
        raise InputError(f"{name}: a zip archive, not a Word document (.docx)")
    try:
        import docx
    except ImportError:
        raise InputError(
            f"{name}: reading Word documents needs the docx extra: pip install 'speechast[docx]'"
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_docx_lines(document))
    except Exception as exc:  # python-docx raises many kinds on a damaged file
        raise InputError(f"{name}: a damaged Word document ({type(exc).__name__})") from None
    text = "".join(f"{line}\n" for line in lines if line.strip())
    if not text:
        raise InputError(f"{name}: a Word document without text")
    return Source(text, None, "docx")


def _docx_lines(document: Any) -> Iterator[str]:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield _paragraph_line(Paragraph(child, document), numbering)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        yield _paragraph_line(paragraph, numbering)


def _paragraph_line(paragraph: Any, numbering: _Numbering) -> str:
    text = paragraph.text.strip()
    if not text:
        return ""
    marker = numbering.marker(paragraph)
    style = paragraph.style.name if paragraph.style is not None else ""
    level = _HEADING_STYLE.search(style or "")
    head = "#" * int(level.group(1)) + " " if level else ""
    return f"{head}{marker}{text}"


_CN = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return (
        ("" if tens == 1 else _CN[tens]) + "十" + ("" if ones == 0 else _CN[ones])
        if n < 100
        else str(n)
    )


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else str(n),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
}


class _Numbering:
    """Word's list numbering, counted as Word counts it, to rebuild the markers."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counts: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            for lvl in abstract.iterchildren(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl")))
                fmt = self._val(lvl, "w:numFmt") or "decimal"
                text = self._val(lvl, "w:lvlText") or ""
                start = int(self._val(lvl, "w:start") or 1)
                self.levels[(abstract_id, ilvl)] = (fmt, text, start)
        for num in root.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.abstract_of[num.get(qn("w:numId"))] = ref.get(qn("w:val"))

    def _val(self, element: Any, tag: str) -> str | None:
        found = element.find(self.qn(tag))
        return None if found is None else found.get(self.qn("w:val"))

    def marker(self, paragraph: Any) -> str:
        """The marker Word shows before a numbered paragraph, or ""."""
        num_id, ilvl = self._num_pr(paragraph)
        abstract = self.abstract_of.get(num_id or "")
        if abstract is None or (abstract, ilvl) not in self.levels:
            return ""
        counts = self.counts.setdefault(abstract, [0] * 9)
        _, text, start = self.levels[(abstract, ilvl)]
        counts[ilvl] = start if counts[ilvl] == 0 else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        for level in range(ilvl + 1):
            level_fmt = self.levels.get((abstract, level), ("decimal", "", 1))[0]
            if level_fmt == "bullet":
                return ""
            render = _FORMATS.get(level_fmt, str)
            text = text.replace(f"%{level + 1}", render(max(counts[level], 1)))
        return text

    def _num_pr(self, paragraph: Any) -> tuple[str | None, int]:
        for holder in (paragraph._p.pPr, getattr(paragraph.style, "element", None)):
            ppr = holder if holder is None or holder.tag.endswith("pPr") else holder.pPr
            num_pr = None if ppr is None else ppr.numPr
            if num_pr is not None and num_pr.numId is not None:
                ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
                return str(num_pr.numId.val), int(ilvl)
        return None, 0
