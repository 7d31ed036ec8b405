"""The retrieval frameworks' adapters carry the heading path in their metadata."""

from __future__ import annotations

from langchain_core.documents import Document as LangchainDocument
from llama_index.core import Document as LlamaDocument
from llama_index.core.schema import TextNode

from speechast.integrations.langchain import SpeechastTextSplitter
from speechast.integrations.llamaindex import SpeechastNodeParser
from tests.conftest import EXAMPLES

TEXT = (EXAMPLES / "01_standard_levels.txt").read_text(encoding="utf-8")


def test_langchain_documents_carry_heading_paths_and_the_callers_metadata() -> None:
    splitter = SpeechastTextSplitter(max_chars=120, min_chars=0)
    docs = splitter.split_documents(
        [LangchainDocument(page_content=TEXT, metadata={"source": "a"})]
    )
    assert len(docs) > 2
    assert all(d.metadata["source"] == "a" for d in docs)
    assert all(d.metadata["title"] == "关于推进社区服务工作的实施方案" for d in docs)
    paths = [d.metadata["heading_path"] for d in docs]
    assert ["一、总体要求"] in [p[:1] for p in paths]
    assert all(d.metadata["heading"] == " > ".join(d.metadata["heading_path"]) for d in docs)
    assert splitter.split_text(TEXT) == [d.page_content for d in docs]
    for d in docs:
        start, end = d.metadata["spans"][0]
        assert TEXT[start:end].split()[0] in d.page_content


def test_llamaindex_nodes_carry_heading_paths_and_positions() -> None:
    nodes = SpeechastNodeParser(max_chars=120, min_chars=0).get_nodes_from_documents(
        [LlamaDocument(text=TEXT)]
    )
    assert len(nodes) > 2
    assert any(n.metadata["heading_path"][:1] == ["一、总体要求"] for n in nodes)
    for node in nodes:
        assert isinstance(node, TextNode)
        assert node.start_char_idx is not None and node.end_char_idx is not None
        assert TEXT[node.start_char_idx : node.end_char_idx].split()[0] in node.get_content()
