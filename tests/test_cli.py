"""The command line: outputs, and one clear line with exit status 2 for bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from speechast.cli import main
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "01_standard_levels.txt"


def test_outline_prints_the_expected_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out == EXAMPLE.with_suffix(".outline").read_text(encoding="utf-8")


def test_json_prints_a_document(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["json", str(EXAMPLE)]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert data["type"] == "document" and data["schema_version"] == 1
    assert data["title"] == "关于推进社区服务工作的实施方案"


def test_stdin_and_bom(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = "\ufeff讲话\n一、甲\n内容。\n二、乙\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["outline", "-"]) == 0
    assert capsys.readouterr().out == "1  # 讲话\n2  一、甲\n4  二、乙\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("dir", "no file matches"),
        (b"", "empty input"),
        (b"   \n\n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "a PNG image, not supported"),
        (b"%PDF-1.7\n", "a PDF document, not supported"),
        (b"abc\x00def", "binary data"),
        (b"PK\x03\x04garbage", "damaged"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "input.txt"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    for command in ("outline", "json"):
        assert main([command, str(path)]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_console_script_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "speechast", "outline", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith(" 1  # ")
