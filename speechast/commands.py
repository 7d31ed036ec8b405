"""What each subcommand makes of one input: bytes to write, and whether it found problems.

These run in worker processes under ``-j N``, so they take and return plain,
picklable values; where the bytes go is the command line's business.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from speechast import formats
from speechast.api import parse_source
from speechast.chunks import chunks
from speechast.jsonio import dumps, to_dict, to_json
from speechast.outline import LineIndex, render
from speechast.records import chunk_record, meta_records
from speechast.rules import DEFAULT, ParseOptions
from speechast.tuning import TUNING
from speechast.view import render_html


@attrs.frozen
class Settings:
    """The options of a run that shape each output."""

    jsonl: bool = False
    indent: bool = False
    flat: bool = False
    max_chars: int = TUNING.chunk_max_chars
    min_chars: int = TUNING.chunk_min_chars
    overlap: int = 0
    options: ParseOptions = DEFAULT


@attrs.frozen
class Rendered:
    data: bytes
    findings: bool = False


def _text_bytes(text: str) -> bytes:
    return text.encode("utf-8", "backslashreplace")


def outline(source: formats.Source, name: str, settings: Settings) -> Rendered:
    return Rendered(_text_bytes(render(parse_source(source, settings.options), source.text)))


def json(source: formats.Source, name: str, settings: Settings) -> Rendered:
    doc = parse_source(source, settings.options)
    if settings.jsonl:
        return Rendered(dumps({"file": name, "document": to_dict(doc)}) + b"\n")
    return Rendered(to_json(doc, settings.indent) + b"\n")


def text(source: formats.Source, name: str, settings: Settings) -> Rendered:
    """The text that is parsed, which every span points into."""
    return Rendered(_text_bytes(source.text))


def check(source: formats.Source, name: str, settings: Settings) -> Rendered:
    """``FILE:LINE:COL: CODE message`` a finding."""
    doc = parse_source(source, settings.options)
    index = LineIndex(source.text)
    lines = []
    for finding in doc.diagnostics:
        line, column = index.position(finding.span[0])
        lines.append(f"{name}:{line}:{column}: {finding.code} {finding.message}\n")
    return Rendered(_text_bytes("".join(lines)), bool(doc.diagnostics))


def meta(source: formats.Source, name: str, settings: Settings) -> Rendered:
    """One JSON line per document (per article of a compilation)."""
    records = meta_records(parse_source(source, settings.options), name, settings.flat)
    return Rendered(b"".join(dumps(record) + b"\n" for record in records))


def chunk_lines(source: formats.Source, name: str, settings: Settings) -> Rendered:
    """One JSON line per chunk."""
    doc = parse_source(source, settings.options)
    found = chunks(
        doc,
        source.text,
        max_chars=settings.max_chars,
        min_chars=settings.min_chars,
        overlap=settings.overlap,
        source=name,
    )
    return Rendered(b"".join(dumps(chunk_record(c, name)) + b"\n" for c in found))


def view(source: formats.Source, name: str, settings: Settings) -> Rendered:
    """The HTML page of the outline beside the source. Lone surrogates, which
    UTF-8 cannot carry, become character references (shown as U+FFFD)."""
    page = render_html(parse_source(source, settings.options), source.text, name)
    return Rendered(page.encode("utf-8", "xmlcharrefreplace"))


Render = Callable[[formats.Source, str, Settings], Rendered]


@attrs.frozen
class Command:
    """A subcommand: how it renders one input, the suffix of its output files,
    and whether its output is JSON Lines (always, or with --jsonl)."""

    render: Render
    help: str
    suffix: str
    jsonl: bool = False  # its output is JSON Lines by nature
    # Several outputs on one stream need a ``==> FILE <==`` line before each
    # (check's and JSON Lines' lines name their file already).
    headers: bool = False
    # Outputs of several inputs can share standard output.
    streams: bool = True
    jsonl_option: bool = True  # --jsonl: every output on one stream or in one file


COMMANDS: dict[str, Command] = {
    "outline": Command(
        outline,
        "print the outline: one heading or item a line, with line numbers",
        ".outline",
        headers=True,
        jsonl_option=False,
    ),
    "json": Command(json, "print the outline tree as JSON", ".json"),
    "text": Command(
        text,
        "print the text that is parsed (of a .docx or a web page too)",
        ".text.txt",
        headers=True,
        jsonl_option=False,
    ),
    "check": Command(
        check,
        "lint the outlines' numbering; exit 1 when there are findings",
        ".check",
        jsonl_option=False,
    ),
    "meta": Command(meta, "print each document's metadata as JSON Lines", ".meta.jsonl", True),
    "chunks": Command(
        chunk_lines, "print chunks for retrieval as JSON Lines", ".chunks.jsonl", True
    ),
    "view": Command(
        view,
        "write an HTML page: the outline tree beside the highlighted source",
        ".html",
        jsonl_option=False,
        streams=False,
    ),
}
