"""A LangChain text splitter that cuts at the outline (``pip install speechast[langchain]``).

    from speechast.integrations.langchain import SpeechastTextSplitter
    docs = SpeechastTextSplitter(max_chars=800).split_documents(loaded)

Every document it makes carries ``heading_path`` (a list), ``heading`` (the
path joined with `` > ``), ``chunk_id``, ``spans`` into the text it was cut
from, and the document's title, speaker and date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from langchain_core.documents import Document as LangchainDocument
from langchain_text_splitters import TextSplitter

from speechast.api import parse
from speechast.chunks import Chunk, chunks
from speechast.records import chunk_metadata
from speechast.tuning import TUNING


class SpeechastTextSplitter(TextSplitter):
    """Splits Chinese speeches and official documents by their outline."""

    def __init__(
        self,
        max_chars: int = TUNING.chunk_max_chars,
        min_chars: int = TUNING.chunk_min_chars,
        overlap: int = 0,
    ) -> None:
        super().__init__(chunk_size=max_chars, chunk_overlap=overlap)
        self.max_chars = max_chars
        self.min_chars = min_chars
        self.overlap = overlap

    def _chunks(self, text: str, source: str = "") -> Iterator[Chunk]:
        return chunks(
            parse(text),
            text,
            max_chars=self.max_chars,
            min_chars=self.min_chars,
            overlap=self.overlap,
            source=source,
        )

    def split_text(self, text: str) -> list[str]:
        return [chunk.text for chunk in self._chunks(text)]

    def create_documents(
        self, texts: list[str], metadatas: list[dict[Any, Any]] | None = None
    ) -> list[LangchainDocument]:
        out = []
        for number, text in enumerate(texts):
            base = dict(metadatas[number]) if metadatas else {}
            for chunk in self._chunks(text, str(base.get("source", number))):
                out.append(
                    LangchainDocument(page_content=chunk.text, metadata=chunk_metadata(base, chunk))
                )
        return out

    def split_documents(self, documents: Iterable[LangchainDocument]) -> list[LangchainDocument]:
        docs = list(documents)
        return self.create_documents(
            [doc.page_content for doc in docs], [dict(doc.metadata) for doc in docs]
        )
