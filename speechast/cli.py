"""The command line: ``speechast outline FILE|-`` and ``speechast json FILE|-``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from speechast.api import parse
from speechast.jsonio import to_json
from speechast.outline import render
from speechast.source import InputError, read_text

EXIT_USAGE = 2


def _outline(path: str) -> None:
    text = read_text(path)
    sys.stdout.write(render(parse(text), text))


def _json(path: str) -> None:
    text = read_text(path)
    sys.stdout.buffer.write(to_json(parse(text)) + b"\n")


COMMANDS = {
    "outline": (_outline, "print the outline: one heading or item a line, with line numbers"),
    "json": (_json, "print the outline tree as JSON"),
}


def build_argparser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="speechast",
        description="Outline ASTs of Chinese speeches, work reports and official documents.",
    )
    sub = ap.add_subparsers(dest="command", required=True)
    for name, (_, help_text) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("file", help="a UTF-8 text file, or - for standard input")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_argparser().parse_args(argv)
    run, _ = COMMANDS[args.command]
    try:
        run(args.file)
    except InputError as exc:
        print(f"speechast: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
