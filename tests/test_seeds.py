"""The real texts in ../shared/seeds: their outlines are pinned, noise stays out of them."""

from __future__ import annotations

from typing import Any

import pytest

import speechast
from speechast.nodes import Document, Item, Noise, Paragraph, Section
from speechast.outline import render
from speechast.tree import walk
from tests.conftest import FIXTURES, seed_path
from tests.helpers import check_tree

SEEDS = ["000", "001", "002", "003", "004"]


def _load(prefix: str) -> tuple[str, Document]:
    text = seed_path(prefix).read_text(encoding="utf-8-sig")
    return text, speechast.parse(text)


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_outline_is_pinned(prefix: str, schema: Any) -> None:
    text, doc = _load(prefix)
    expected = (FIXTURES / "seeds" / f"{prefix}.outline").read_text(encoding="utf-8")
    assert render(doc, text) == expected
    check_tree(doc, text, schema)


def _sections(doc: Document, marker_family: str) -> list[Section]:
    return [
        n
        for _, n in walk(doc)
        if isinstance(n, Section) and n.marker is not None and n.marker.family == marker_family
    ]


def test_000_four_sections_with_items_and_ads_as_noise() -> None:
    _, doc = _load("000")
    assert doc.title is not None and doc.title.endswith("讲话")
    tops = [c for c in doc.children if isinstance(c, Section)]
    assert [s.marker.text for s in tops if s.marker] == ["一、", "二、", "三、", "四、"]
    items = [[i.marker.text for i in s.children if isinstance(i, Item)] for s in tops]
    assert items == [
        ["一是", "二是", "三是", "四是"],
        ["一是", "二是", "三是", "四是", "五是"],
        ["一是", "二是", "三是"],
        ["一是", "二是", "三是"],
    ]
    head = [c for c in doc.children[:10] if isinstance(c, Noise)]
    assert len(head) >= 8 and {n.kind for n in head} == {"ad"}


def test_002_three_sections() -> None:
    _, doc = _load("002")
    tops = [c for c in doc.children if isinstance(c, Section)]
    assert len(tops) == 3
    assert [len([i for i in s.children if isinstance(i, Item)]) for s in tops] == [4, 2, 3]


def test_001_is_five_documents() -> None:
    _, doc = _load("001")
    articles = [c for c in doc.children if isinstance(c, Document)]
    assert len(articles) == 5
    top = [[s for s in a.children if isinstance(s, Section)] for a in articles]
    assert [len(t) for t in top] == [3, 2, 4, 4, 5]
    second = top[1]
    assert [len([c for c in s.children if isinstance(c, Section)]) for s in second] == [5, 6]


def test_003_run_on_outline_without_page_numbers() -> None:
    _, doc = _load("003")
    tops = [c for c in doc.children if isinstance(c, Section)]
    assert [s.title[-4:] for s in tops] == ["政治方向", "作新局面", "科学化水平"[-4:]]
    second = [c for c in tops[1].children if isinstance(c, Item)]
    assert [i.marker.ordinal for i in second] == [1, 2, 3]
    for _, node in walk(doc):
        if isinstance(node, (Section, Item)):
            assert "-" not in node.title
        if isinstance(node, Paragraph):
            assert not any(f"-{n}-" in node.text for n in range(1, 10))
    pages = [n for _, n in walk(doc) if isinstance(n, Noise) and n.kind == "page"]
    assert len(pages) == 8


def test_004_chunk_numbers_are_noise_and_words_rejoin() -> None:
    _, doc = _load("004")
    tops = [c for c in doc.children if isinstance(c, Section)]
    assert [s.marker.text for s in tops if s.marker] == ["一、", "二、", "三、"]
    assert [len([c for c in s.children if isinstance(c, Section)]) for s in tops[:2]] == [6, 6]
    assert [i.marker.ordinal for i in tops[2].children if isinstance(i, Item)] == list(range(1, 8))
    chunks = [n for _, n in walk(doc) if isinstance(n, Noise) and n.kind == "chunk"]
    assert len(chunks) == 15
    texts = [n.text for _, n in walk(doc) if isinstance(n, Paragraph)]
    assert any("各项工作取得了" in t for t in texts)


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_closing_address_belongs_to_the_document(prefix: str) -> None:
    _, doc = _load(prefix)
    documents = [doc] if prefix == "000" else [c for c in doc.children if isinstance(c, Document)]
    closings = 0
    for document in documents:
        last = [c for c in document.children if not isinstance(c, Noise)][-1]
        if isinstance(last, Paragraph) and last.text.startswith(("各位", "同志们")):
            closings += 1
    assert closings >= 1


def test_inline_enumerations_of_000_have_the_right_parents() -> None:
    _, doc = _load("000")
    found: dict[str, list[str]] = {}
    for _, node in walk(doc):
        if isinstance(node, Section):
            for _, inner in walk(node):
                if isinstance(inner, Item) and inner.inline:
                    found.setdefault(node.title[:4], []).append(inner.marker.text)
    assert found["突出以案"] == [
        "一问",
        "二问",
        "三问",
        "四问",
        "五问",
        "六问",
        "七问",
        "八问",
        "九问",
        "十问",
        "一要",
        "二要",
        "三要",
    ]


def test_004_first_to_fourth_is_one_enumeration() -> None:
    _, doc = _load("004")
    second = [c for c in doc.children if isinstance(c, Section)][1]
    first_sub = next(c for c in second.children if isinstance(c, Section))
    items = [n for _, n in walk(first_sub) if isinstance(n, Item) and n.inline]
    assert [i.marker.text.rstrip(",，") for i in items] == ["首先", "其次", "第三", "第四"]
    parents = {id(p) for p in first_sub.children for _, n in walk(p) if n in items}
    assert len(parents) == 1
