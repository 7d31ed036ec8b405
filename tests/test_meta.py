"""Document metadata: each field with its span into the source; placeholders flagged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import speechast
from speechast.cli import main
from speechast.fields import Field
from tests.conftest import EXAMPLES, seed_path
from tests.helpers import check_meta_spans

META_EXAMPLES = sorted(EXAMPLES.glob("*.meta.jsonl"))


def _fields(meta: Any) -> dict[str, Field]:
    return (
        {k: v for k, v in vars(meta).items() if isinstance(v, Field)}
        if hasattr(meta, "__dict__")
        else {
            k: getattr(meta, k) for k in meta.__slots__ if isinstance(getattr(meta, k, None), Field)
        }
    )


def _check_spans(doc: speechast.Document, text: str) -> None:
    check_meta_spans(doc, text)


@pytest.mark.parametrize("expected", META_EXAMPLES, ids=[p.name for p in META_EXAMPLES])
def test_meta_lines_of_examples(expected: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    source = expected.with_name(expected.name.removesuffix(".meta.jsonl") + ".txt")
    assert main(["meta", str(source)]) == 0
    lines = [json.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
    for line in lines:
        line["file"] = Path(line["file"]).name
    want = [json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines()]
    assert lines == want
    text = source.read_text(encoding="utf-8")
    _check_spans(speechast.parse(text), text)


def test_subtitle_speaker_and_bracketed_date() -> None:
    doc = speechast.parse((EXAMPLES / "09_meta_subtitle_speaker.txt").read_text(encoding="utf-8"))
    m = doc.meta
    assert m.title is not None and m.title.text == "坚定信心 真抓实干"
    assert m.subtitle is not None and m.subtitle.text == "在全县经济工作会议上的讲话"
    assert m.speaker is not None and (m.speaker.office, m.speaker.name) == ("县委书记", "王某某")
    assert m.date is not None and m.date.iso == "2024-01-12"
    assert m.occasion is not None and m.occasion.text == "全县经济工作会议"
    assert m.closing is not None and m.closing.text.startswith("同志们，让我们")


def test_speaker_before_title_and_salutation_in_first_paragraph() -> None:
    doc = speechast.parse((EXAMPLES / "10_meta_speaker_first.txt").read_text(encoding="utf-8"))
    m = doc.meta
    assert doc.title == "在全市人大工作座谈会上的讲话"
    assert m.speaker is not None and m.speaker.name == "李某"
    assert m.date is not None and (m.date.text, m.date.iso) == ("2016年12月8日", "2016-12-08")
    assert m.salutation is not None and m.salutation.text == "同志们"
    assert m.intro is not None and m.intro.text.startswith("同志们，今天")


def test_placeholders_are_kept_and_flagged() -> None:
    doc = speechast.parse((EXAMPLES / "11_meta_placeholders.txt").read_text(encoding="utf-8"))
    m = doc.meta
    assert m.title is not None and m.title.placeholder and "20__" in m.title.text
    assert m.date is not None and m.date.placeholder and m.date.iso is None
    assert m.date.text == "20__年X月X日"


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2016年12月8日", "2016-12-08"),
        ("2016年12月", "2016-12"),
        ("2016年", "2016"),
        ("二〇一六年十二月八日", "2016-12-08"),
        ("20_年", None),
        ("X年X月X日", None),
    ],
)
def test_iso_dates(written: str, iso: str | None) -> None:
    doc = speechast.parse(f"关于某事的通知\n（{written}）\n一、甲\n二、乙\n")
    assert doc.meta.date is not None and doc.meta.date.iso == iso


def test_seed_004_speaker_line_and_date() -> None:
    text = seed_path("004").read_text(encoding="utf-8-sig")
    doc = speechast.parse(text)
    m = doc.meta
    assert doc.title == "认真总结工作 精心谋划思路"
    assert m.subtitle is not None and m.subtitle.text.endswith("座谈会上的讲话摘要")
    assert m.speaker is not None and m.speaker.name == "郑荣胜"
    assert m.speaker.office is not None and m.speaker.office.endswith("市总工会主席")
    assert m.date is not None and m.date.iso == "2016-12-08"
    _check_spans(doc, text)


def test_seed_003_title_from_running_text_not_breadcrumb() -> None:
    text = seed_path("003").read_text(encoding="utf-8-sig")
    doc = speechast.parse(text)
    assert doc.title is not None and doc.title.startswith("在XXX县总工会") and ">" not in doc.title
    assert doc.meta.salutation is not None and doc.meta.salutation.text == "各位委员、同志们"
    assert doc.meta.title is not None and doc.meta.title.placeholder
    _check_spans(doc, text)


@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_seed_titles_and_salutations(prefix: str) -> None:
    text = seed_path(prefix).read_text(encoding="utf-8-sig")
    doc = speechast.parse(text)
    documents = [c for c in doc.children if isinstance(c, speechast.Document)] or [doc]
    for document in documents:
        assert document.meta.title is not None and document.meta.title.text.endswith("讲话")
        assert document.meta.occasion is not None
    salutations = [d.meta.salutation for d in documents if d.meta.salutation is not None]
    assert len(salutations) >= max(1, len(documents) - 1)
    _check_spans(doc, text)
    for document in documents:
        _check_spans(document, text)


def test_a_run_on_title_gives_its_date_and_speaker() -> None:
    doc = speechast.parse(
        "在全市经济工作会议上的讲话（2021年3月1日）张三同志们：今年以来，工作平稳。\n"
    )
    assert doc.title == "在全市经济工作会议上的讲话"
    assert doc.meta.date is not None and doc.meta.date.iso == "2021-03-01"
    assert doc.meta.speaker is not None and doc.meta.speaker.name == "张三"
    assert doc.meta.salutation is not None and doc.meta.salutation.text == "同志们"
