"""speechast: the outline of Chinese speeches and official documents as a typed tree.

Data flow: text → tokens (lexer) → levels (postlexer) → parse tree (grammar)
→ nodes (build) → JSON / outline.
"""

from speechast.api import parse, parse_file
from speechast.jsonio import from_json, to_dict, to_json
from speechast.nodes import (
    Document,
    Heading,
    Item,
    Marker,
    Node,
    Noise,
    Paragraph,
    Section,
    Text,
    Title,
)
from speechast.source import InputError
from speechast.tree import leaves, source_of, walk

__all__ = [
    "Document", "Heading", "InputError", "Item", "Marker", "Node", "Noise", "Paragraph",
    "Section", "Text", "Title", "from_json", "leaves", "parse", "parse_file", "source_of",
    "to_dict", "to_json", "walk",
]
