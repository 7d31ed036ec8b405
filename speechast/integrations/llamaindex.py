"""A LlamaIndex node parser that cuts at the outline (``pip install speechast[llamaindex]``).

    from speechast.integrations.llamaindex import SpeechastNodeParser
    nodes = SpeechastNodeParser(max_chars=800).get_nodes_from_documents(documents)

Each node's metadata has the same keys as the LangChain splitter's documents;
``start_char_idx`` and ``end_char_idx`` give where its text starts and ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import BaseNode, MetadataMode, NodeRelationship, TextNode

from speechast.api import parse
from speechast.chunks import chunks
from speechast.records import chunk_metadata
from speechast.tuning import TUNING


class SpeechastNodeParser(NodeParser):
    """Splits Chinese speeches and official documents by their outline."""

    max_chars: int = TUNING.chunk_max_chars
    min_chars: int = TUNING.chunk_min_chars
    overlap: int = 0

    def _parse_nodes(
        self, nodes: Sequence[BaseNode], show_progress: bool = False, **kwargs: Any
    ) -> list[BaseNode]:
        out: list[BaseNode] = []
        for node in nodes:
            text = node.get_content(metadata_mode=MetadataMode.NONE)
            found = chunks(
                parse(text),
                text,
                max_chars=self.max_chars,
                min_chars=self.min_chars,
                overlap=self.overlap,
                source=node.node_id,
            )
            for chunk in found:
                out.append(
                    TextNode(
                        text=chunk.text,
                        metadata=chunk_metadata({}, chunk),
                        start_char_idx=chunk.spans[0][0],
                        end_char_idx=chunk.spans[-1][1],
                        relationships={NodeRelationship.SOURCE: node.as_related_node_info()},
                    )
                )
        return out
