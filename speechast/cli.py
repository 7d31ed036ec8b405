"""The command line: ``speechast outline|json FILE|-`` and ``speechast check|meta FILE…``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

import orjson

from speechast import __version__
from speechast.api import parse
from speechast.jsonio import meta_dict, to_json
from speechast.nodes import Document
from speechast.outline import LineIndex, render
from speechast.source import InputError, read_text

EXIT_USAGE = 2


EXIT_FINDINGS = 1


def _outline(paths: list[str]) -> int:
    text = read_text(paths[0])
    sys.stdout.write(render(parse(text), text))
    return 0


def _json(paths: list[str]) -> int:
    text = read_text(paths[0])
    sys.stdout.buffer.write(to_json(parse(text)) + b"\n")
    return 0


def _each_file(paths: list[str], report: Callable[[str, str], int]) -> int:
    """Run ``report(path, text)`` on every readable file; an unreadable one is one
    line on stderr and exit status 2 once all are done, else the worst report."""
    status = 0
    for path in paths:
        try:
            text = read_text(path)
        except InputError as exc:
            _error(exc)
            status = EXIT_USAGE
            continue
        status = max(status, report(path, text))
    return status


def _check_one(path: str, text: str) -> int:
    """``FILE:LINE:COL: CODE message`` a finding."""
    doc = parse(text)
    index = LineIndex(text)
    for finding in doc.diagnostics:
        line, column = index.position(finding.span[0])
        print(f"{path}:{line}:{column}: {finding.code} {finding.message}")
    return EXIT_FINDINGS if doc.diagnostics else 0


def _meta_one(path: str, text: str) -> int:
    """One JSON line per document (per article of a compilation)."""
    doc = parse(text)
    articles = [c for c in doc.children if isinstance(c, Document)] or [doc]
    for number, article in enumerate(articles):
        line = {"file": path, "document": number, **meta_dict(article)}
        sys.stdout.buffer.write(orjson.dumps(line) + b"\n")
    return 0


def _check(paths: list[str]) -> int:
    return _each_file(paths, _check_one)


def _meta(paths: list[str]) -> int:
    return _each_file(paths, _meta_one)


# name → (run, help, whether it takes several files)
COMMANDS: dict[str, tuple[Callable[[list[str]], int], str, bool]] = {
    "outline": (
        _outline,
        "print the outline: one heading or item a line, with line numbers",
        False,
    ),
    "json": (_json, "print the outline tree as JSON", False),
    "check": (_check, "lint the outlines' numbering; exit 1 when there are findings", True),
    "meta": (_meta, "print each document's metadata as JSON Lines", True),
}


def build_argparser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="speechast",
        description="Outline ASTs of Chinese speeches, work reports and official documents.",
    )
    ap.add_argument("--version", action="version", version=f"speechast {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    for name, (_, help_text, several) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument(
            "files",
            nargs="+" if several else 1,
            metavar="FILE",
            help="a UTF-8 text file, or - for standard input",
        )
    return ap


def _error(exc: Exception) -> None:
    print(f"speechast: {exc}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_argparser().parse_args(argv)
    run, _, _ = COMMANDS[args.command]
    try:
        return run(args.files)
    except InputError as exc:
        _error(exc)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
