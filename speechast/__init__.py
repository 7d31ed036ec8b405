"""speechast: the outline of Chinese speeches and official documents as a typed tree.

Data flow: text → tokens (lexer) → levels (postlexer) → parse tree (grammar)
→ nodes (build) → JSON / outline.
"""

from speechast.api import parse, parse_bytes, parse_file, read_source
from speechast.batch import Parsed, parse_many
from speechast.chunks import Chunk, chunks
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
from speechast.pretty import pretty
from speechast.rules import ParseOptions, rule_names
from speechast.source import InputError
from speechast.tree import leaves, source_of, walk

__version__ = "0.2.0"

__all__ = [
    "Chunk",
    "Document",
    "Heading",
    "InputError",
    "Item",
    "Marker",
    "Node",
    "Noise",
    "Paragraph",
    "ParseOptions",
    "Parsed",
    "Section",
    "Text",
    "Title",
    "__version__",
    "chunks",
    "from_json",
    "leaves",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_many",
    "pretty",
    "read_source",
    "rule_names",
    "source_of",
    "to_dict",
    "to_json",
    "walk",
]
