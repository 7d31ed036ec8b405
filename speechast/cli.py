"""The command line: ``speechast outline|json FILE|-`` and ``speechast check|meta FILE…``.

Output is UTF-8 whatever the terminal's encoding; every failure is one line on
standard error: bad input exits 2, Ctrl-C exits 130, a reader that closes the
pipe early (``| head``) leaves the exit status as it was.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from speechast import __version__
from speechast.api import parse_source, read_source
from speechast.formats import Source
from speechast.jsonio import dumps, meta_dict, to_json
from speechast.nodes import Document
from speechast.outline import LineIndex, render
from speechast.source import InputError

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


def _write(data: bytes) -> None:
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None) if stdout is not None else None
    if buffer is None:
        raise InputError("standard output is closed")
    buffer.write(data)


class _Run:
    """The exit status so far (kept when the reader of our output goes away), and
    how to read input."""

    status = 0
    encoding: str | None = None

    def read(self, path: str) -> Source:
        return read_source(path, self.encoding)


def _outline(paths: list[str], run: _Run) -> None:
    source = run.read(paths[0])
    _write(render(parse_source(source), source.text).encode("utf-8", "backslashreplace"))


def _json(paths: list[str], run: _Run) -> None:
    _write(to_json(parse_source(run.read(paths[0]))) + b"\n")


def _text(paths: list[str], run: _Run) -> None:
    """The text that is parsed, which every span points into."""
    _write(run.read(paths[0]).text.encode("utf-8", "backslashreplace"))


def _each_file(paths: list[str], run: _Run, report: Callable[[str, Source, _Run], None]) -> None:
    """Run ``report`` on every readable file; an unreadable one is one line on
    stderr and exit status 2 once all are done."""
    for path in paths:
        try:
            source = run.read(path)
        except InputError as exc:
            _error(exc)
            run.status = EXIT_USAGE
            continue
        report(path, source, run)


def _check_one(path: str, source: Source, run: _Run) -> None:
    """``FILE:LINE:COL: CODE message`` a finding."""
    doc = parse_source(source)
    text = source.text
    if doc.diagnostics:
        run.status = max(run.status, EXIT_FINDINGS)
    index = LineIndex(text)
    for finding in doc.diagnostics:
        line, column = index.position(finding.span[0])
        _write(
            f"{path}:{line}:{column}: {finding.code} {finding.message}\n".encode(
                "utf-8", "backslashreplace"
            )
        )


def _meta_one(path: str, source: Source, run: _Run) -> None:
    """One JSON line per document (per article of a compilation)."""
    doc = parse_source(source)
    articles = [c for c in doc.children if isinstance(c, Document)] or [doc]
    for number, article in enumerate(articles):
        line = {"file": path, "document": number, **meta_dict(article)}
        _write(dumps(line) + b"\n")


def _check(paths: list[str], run: _Run) -> None:
    _each_file(paths, run, _check_one)


def _meta(paths: list[str], run: _Run) -> None:
    _each_file(paths, run, _meta_one)


# name → (run, help, whether it takes several files)
COMMANDS: dict[str, tuple[Callable[[list[str], _Run], None], str, bool]] = {
    "outline": (
        _outline,
        "print the outline: one heading or item a line, with line numbers",
        False,
    ),
    "json": (_json, "print the outline tree as JSON", False),
    "text": (_text, "print the text that is parsed (of a .docx or a web page too)", False),
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
            help="a text file (any encoding), a .docx, a web page, a pipe, or - for stdin",
        )
        cmd.add_argument(
            "--encoding",
            metavar="NAME",
            help="read text in this encoding instead of detecting it (gbk, gb18030, utf-16…)",
        )
    return ap


def _error(exc: Exception | str) -> None:
    """One line on stderr, in UTF-8 whatever its encoding; nothing if it is closed."""
    line = f"speechast: {exc}\n".encode("utf-8", "backslashreplace")
    stderr = sys.stderr
    buffer = getattr(stderr, "buffer", None) if stderr is not None else None
    try:
        if buffer is not None:
            buffer.write(line)
            buffer.flush()
    except OSError:
        pass


def _quiet_stdout() -> None:
    """After the reader closed the pipe, flushing at exit must not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    run = _Run()
    try:
        args = build_argparser().parse_args(argv)
        command, _, _ = COMMANDS[args.command]
        run.encoding = args.encoding
        command(args.files, run)
        if sys.stdout is not None:
            sys.stdout.flush()
    except InputError as exc:
        _error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
    return run.status


if __name__ == "__main__":
    sys.exit(main())
