"""Rule fixture files (tests/fixtures/rules/*.txt), in the style of markdown-it-py's.

Each case is a title line naming its rule in brackets, then three sections
each closed by a line holding a single dot: the title's dot, the input, the
expected ``pretty()`` dump. Lines starting with ``#`` outside a case are
comments. In the input, ``\\r``, ``\\t`` and ``\\u3000`` stand for a carriage
return, a tab and a full-width space; the input ends with a line break.

Run ``SPEECHAST_UPDATE_FIXTURES=1 pytest tests/test_rules.py`` to rewrite the
expected dumps after a deliberate change, then read the diff.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

_TITLE = re.compile(r"\[(?P<rule>[a-z0-9-]+)\]\s*(?P<what>.*)")
_ESCAPES = {"\\r": "\r", "\\t": "\t", "\\u3000": "\u3000"}


class Case(NamedTuple):
    path: Path
    rule: str
    what: str
    source: str  # the input as written in the file
    expected: str

    @property
    def text(self) -> str:
        out = self.source
        for escape, char in _ESCAPES.items():
            out = out.replace(escape, char)
        return out

    @property
    def is_html(self) -> bool:
        """A case whose input is a web page, read as speechast reads .html files."""
        return self.what.startswith("(html)")

    @property
    def id(self) -> str:
        return f"{self.path.stem}:{self.rule}"


def read_cases(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        m = _TITLE.fullmatch(lines[i])
        if m is None or lines[i + 1 : i + 2] != ["."]:
            i += 1
            continue
        source, i = _section(lines, i + 2)
        expected, i = _section(lines, i)
        cases.append(Case(path, m["rule"], m["what"], source, expected))
    return cases


def _section(lines: list[str], start: int) -> tuple[str, int]:
    """The lines from ``start`` up to the next lone dot, each with its line break."""
    end = lines.index(".", start)
    return "".join(f"{line}\n" for line in lines[start:end]), end + 1


def write_expected(path: Path, actual: list[str]) -> None:
    """Rewrite the expected dumps of the cases in ``path``, in order."""
    out: list[str] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        m = _TITLE.fullmatch(lines[i])
        if m is None or lines[i + 1 : i + 2] != ["."]:
            out.append(lines[i])
            i += 1
            continue
        source, j = _section(lines, i + 2)
        _, k = _section(lines, j)
        dump = actual[len([x for x in out if x == "."]) // 3]
        out += [lines[i], ".", *source.split("\n")[:-1], ".", *dump.split("\n")[:-1]]
        out.append(".")
        i = k
    path.write_text("\n".join(out), encoding="utf-8")
