"""Every file a user has: legacy encodings, Word documents, saved web pages, and
one clear line for what is none of these."""

from __future__ import annotations

import builtins
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

import speechast
from speechast import formats
from speechast.api import parse_source, read_source
from speechast.cli import main
from speechast.outline import render
from speechast.source import InputError
from tests.conftest import ROOT

SHARED_TEXTS = sorted((ROOT.parent / "shared").glob("*/*.txt"))


def _outline(doc: speechast.Document, text: str) -> str:
    return render(doc, text)


@pytest.mark.parametrize("path", SHARED_TEXTS, ids=[p.name[:24] for p in SHARED_TEXTS])
@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16"])
def test_a_re_encoded_text_gives_the_same_outline(path: Path, encoding: str) -> None:
    text = read_source(str(path)).text
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip(f"the text has characters {encoding} lacks")
    doc = speechast.parse_bytes(data, name=path.name)
    assert doc.encoding == ("utf-16" if encoding == "utf-16" else "gb18030")
    assert _outline(doc, text) == _outline(speechast.parse(text), text)


@pytest.mark.parametrize("path", SHARED_TEXTS, ids=[p.name[:24] for p in SHARED_TEXTS])
@pytest.mark.parametrize("cut", [200, 40])
def test_the_start_of_a_gbk_text_is_detected(path: Path, cut: int) -> None:
    text = read_source(str(path)).text[:cut]
    data = text.encode("gb18030")
    source = formats.read(data, path.name)
    assert source.encoding == "gb18030" or data.isascii()


def test_the_encoding_can_be_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("关于做好工作的通知\n一、总体要求\n内容。\n二、工作措施\n".encode("gbk"))
    assert main(["outline", "--encoding", "gbk", str(path)]) == 0
    assert "二、工作措施" in capsys.readouterr().out
    assert main(["outline", "--encoding", "no-such-codec", str(path)]) == 2
    assert "unknown encoding" in capsys.readouterr().err
    assert main(["json", "--encoding", "utf-8", str(path)]) == 2
    assert "not valid utf-8" in capsys.readouterr().err


def test_bytes_no_encoding_explains_are_refused() -> None:
    with pytest.raises(InputError, match=r"tried \(utf-8, gb18030\)"):
        speechast.parse_bytes(b"\xff\xff\xff\xfe\xfd")


def test_the_json_root_records_the_encoding() -> None:
    doc = speechast.parse_bytes("一、甲\n二、乙\n".encode("utf-16"))
    assert doc.encoding == "utf-16"
    assert speechast.from_json(speechast.to_json(doc)).encoding == "utf-16"
    assert speechast.parse("一、甲").encoding is None


# ------------------------------------------------------------------- docx
docx = pytest.importorskip("docx")


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_heading_styles_give_levels() -> None:
    document = docx.Document()
    document.add_paragraph("关于推进社区服务工作的实施方案")
    document.add_heading("总体要求", level=1)
    document.add_paragraph("全面贯彻会议精神。")
    document.add_heading("指导思想", level=2)
    document.add_paragraph("坚持以人民为中心。")
    document.add_heading("工作措施", level=1)
    document.add_paragraph("加强组织领导。")
    source = formats.read(_save(document), "plan.docx")
    doc = parse_source(source)
    assert source.encoding is None and source.text.startswith("关于推进")
    assert [line.split("  ", 1)[1].strip() for line in render(doc, source.text).splitlines()] == [
        "# 关于推进社区服务工作的实施方案",
        "总体要求",
        "指导思想",
        "工作措施",
    ]
    sections = [s for s in doc.children if isinstance(s, speechast.Section)]
    inner = [s for s in sections[0].children if isinstance(s, speechast.Section)]
    assert [s.level for s in sections] == [1, 1] and [s.level for s in inner] == [2]


def _numbering(document: Any, levels: list[tuple[str, str]]) -> str:
    """Add an abstract numbering with these (format, text) levels; its numId."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    root = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    root.insert(
        0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>')
    )
    root.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    return "90"


def _numbered(document: Any, text: str, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def test_word_numbering_gets_its_markers_rebuilt() -> None:
    document = docx.Document()
    num = _numbering(
        document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    )
    document.add_paragraph("关于做好安全工作的通知")
    _numbered(document, "总体要求", num, 0)
    _numbered(document, "指导思想", num, 1)
    _numbered(document, "坚持安全第一", num, 2)
    _numbered(document, "坚持预防为主", num, 2)
    _numbered(document, "基本原则", num, 1)
    _numbered(document, "工作措施", num, 0)
    source = formats.read(_save(document), "notice.docx")
    assert source.text.splitlines()[1:] == [
        "一、总体要求",
        "（一）指导思想",
        "1.坚持安全第一",
        "2.坚持预防为主",
        "（二）基本原则",
        "二、工作措施",
    ]
    out = render(parse_source(source), source.text)
    assert "    1.坚持安全第一" in out and "  （二）基本原则" in out


def test_word_tables_give_their_cells_in_order() -> None:
    document = docx.Document()
    document.add_paragraph("工作分工表")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"第{r + 1}行第{c + 1}列"
    document.add_paragraph("以上分工请遵照执行。")
    text = formats.read(_save(document), "t.docx").text
    assert text.splitlines() == [
        "工作分工表",
        "第1行第1列",
        "第1行第2列",
        "第2行第1列",
        "第2行第2列",
        "以上分工请遵照执行。",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda: _save(docx.Document()), "without text"),
        (lambda: _zip({"a.txt": "hello"}), "a zip archive, not a Word document"),
        (lambda: _save(docx.Document())[:300], "damaged"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old binary Word"),
    ],
)
def test_bad_word_files_are_one_line(
    data: Any, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(data())
    assert main(["outline", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def _zip(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_without_the_extra_a_docx_gets_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    document = docx.Document()
    document.add_paragraph("讲话")
    data = _save(document)
    real = builtins.__import__

    def no_docx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "docx" or name.startswith("docx."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    with pytest.raises(InputError, match=r"pip install 'speechast\[docx\]'"):
        speechast.parse_bytes(data, name="r.docx")


# -------------------------------------------------------------------- html
PAGE = """<!DOCTYPE html><html><head><meta charset="gbk"><title>在全市工作会议上的讲话</title>
<style>p { color: red }</style></head><body>
<header><div class="logo">某某市人民政府网</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/n">新闻</a></li></ul></nav>
<article><div><div><p>同志们：</p><p>今天召开会议。</p></div>
<section><h2>一、总体要求</h2><div><p>全面贯彻<b>会议</b>精神。</p></div>
<h2>二、工作措施</h2><ul><li>加强组织领导；</li><li>改进工作作风。</li></ul></section></div></article>
<footer><p>版权所有 某某市人民政府</p></footer><script>track();</script></body></html>"""


def test_a_web_page_gives_its_outline_and_its_furniture_as_noise() -> None:
    data = PAGE.encode("gbk")
    source = formats.read(data, "page.html")
    assert source.encoding == "gb18030"
    doc = parse_source(source)
    assert doc.title == "在全市工作会议上的讲话"
    out = render(doc, source.text)
    assert [line.split("  ", 1)[1].strip() for line in out.splitlines()] == [
        "# 在全市工作会议上的讲话",
        "一、总体要求",
        "二、工作措施",
    ]
    noise = [(n.kind, n.text) for _, n in speechast.walk(doc) if isinstance(n, speechast.Noise)]
    for kind, text in [
        ("nav", "某某市人民政府网"),
        ("nav", "首页"),
        ("nav", "版权所有 某某市人民政府"),
        ("markup", "track();"),
        ("markup", "p { color: red }"),
    ]:
        assert (kind, text) in noise
    assert "全面贯彻会议精神。" in source.text  # inline tags do not break a line


def test_text_prints_what_spans_point_into(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    data = PAGE.replace("gbk", "utf-8")
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as f:
        f.write(data)
    assert main(["text", f.name]) == 0
    out = capsysbinary.readouterr().out.decode()
    doc = speechast.parse_file(f.name)
    first = next(s for s in doc.children if isinstance(s, speechast.Section))
    assert out[first.span[0] : first.span[0] + 6] == "一、总体要求"
    Path(f.name).unlink()
