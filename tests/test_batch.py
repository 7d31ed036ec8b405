"""Many inputs at once: directories, outputs per input, JSON Lines, processes, progress."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pandas as pd
import pytest

import speechast
from speechast.batch import _batch, expand, parse_many
from speechast.cli import main
from speechast.tuning import TUNING
from tests.conftest import EXAMPLES, SEEDS

CORPUS = SEEDS.parent / "corpus"
SPEECH = "讲话\n一、抓学习\n要学习。\n二、抓落实\n要落实。\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """a.txt, sub/b.txt, a note in Markdown and a file that is not text."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(SPEECH, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(SPEECH.replace("讲话", "报告"), encoding="gbk")
    (root / "notes.md").write_text("# notes\n", encoding="utf-8")
    return root


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "speechast", *args], input=stdin, capture_output=True, check=False
    )


def test_directories_are_searched_recursively_for_texts(tree: Path) -> None:
    assert [i.relative for i in expand([str(tree)])] == ["a.txt", "sub/b.txt"]
    assert [i.relative for i in expand([str(tree)], ["*.md"])] == ["notes.md"]
    assert [i.path for i in expand([str(tree / "a.txt"), "-"])] == [str(tree / "a.txt"), "-"]


def test_several_outlines_are_headed_by_their_file(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["outline", "-q", str(tree)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"==> {tree / 'a.txt'} <=="
    assert f"==> {tree / 'sub' / 'b.txt'} <==" in out and out.count("一、抓学习") == 2


def test_a_bad_file_is_one_line_skipped_and_exit_2_at_the_end(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "bad.txt").write_bytes(b"abc\x00def")
    assert main(["meta", str(tree)]) == 2
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    err = captured.err.splitlines()
    assert "bad.txt: binary data" in err[0]
    assert err[-1].startswith("speechast: done: 3 files,") and err[-1].endswith(", 1 failed")


def test_output_directory_mirrors_the_inputs(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["json", "-q", "-o", str(out), str(tree)]) == 0
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.json")) == [
        "a.txt.json",
        "sub/b.txt.json",
    ]
    assert json.loads((out / "sub" / "b.txt.json").read_bytes())["title"] == "报告"


def test_one_input_writes_the_file_named(tree: Path, tmp_path: Path) -> None:
    target = tmp_path / "one.outline"
    assert main(["outline", "-o", str(target), str(tree / "a.txt")]) == 0
    assert target.read_text(encoding="utf-8").startswith("1  # 讲话")


def test_jsonl_is_one_line_per_document_to_stdout_or_one_file(
    tree: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["json", "--jsonl", "-q", str(tree)]) == 0
    lines = [json.loads(line) for line in capsysbinary.readouterr().out.splitlines()]
    assert [Path(r["file"]).name for r in lines] == ["a.txt", "b.txt"]
    assert lines[1]["document"]["title"] == "报告"
    target = tmp_path / "all.jsonl"
    assert main(["chunks", "--jsonl", "-q", "-o", str(target), str(tree)]) == 0
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert {Path(r["file"]).name for r in records} == {"a.txt", "b.txt"}


def test_json_indent(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["json", "--indent", str(tree / "a.txt")]) == 0
    assert capsys.readouterr().out.startswith('{\n  "type": "document",\n')


def test_two_processes_give_the_same_output_as_one(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    files = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]
    assert main(["meta", "-q", "-j", "1", *files]) == 0
    one = capsysbinary.readouterr().out
    assert main(["meta", "-q", "-j", "2", *files]) == 0
    assert capsysbinary.readouterr().out == one and one.count(b"\n") >= len(files)


def test_parse_many_in_order_with_errors_in_place(tmp_path: Path) -> None:
    files = [*sorted(EXAMPLES.glob("0*.txt"))[:3], tmp_path / "missing.txt"]
    got = list(parse_many(files, workers=2))
    assert [Path(p.path).name for p in got] == [f.name for f in files]
    for parsed, path in zip(got[:3], files[:3], strict=True):
        assert parsed.document == speechast.parse_file(path)
    assert got[3].document is None and got[3].error and "no such file" in got[3].error


def test_parse_many_in_batches_keeps_the_order() -> None:
    # 4 copies of the examples: batches of several files per message
    files = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))] * 4
    got = [(p.path, p.document) for p in parse_many(files, workers=2)]
    assert got == [(p.path, p.document) for p in parse_many(files, workers=1)]


@pytest.mark.parametrize(
    ("jobs", "workers", "batch"),
    [(3, 2, 1), (16, 2, 2), (224, 2, TUNING.pool_batch_max), (40, 8, 1), (0, 2, 1)],
)
def test_inputs_go_to_workers_in_batches(jobs: int, workers: int, batch: int) -> None:
    assert _batch(jobs, workers) == batch


def test_flat_meta_loads_into_pandas_in_one_call(tmp_path: Path) -> None:
    target = tmp_path / "meta.jsonl"
    files = [str(p) for p in sorted(EXAMPLES.glob("*meta*.txt"))]
    assert main(["meta", "--flat", "--jsonl", "-q", "-o", str(target), *files]) == 0
    frame = pd.read_json(target, lines=True)
    assert len(frame) == len(files)
    assert {"speaker.name", "date.iso", "title", "title.start"} <= set(frame.columns)
    assert frame["speaker.name"].notna().any()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the project")
def test_corpus_meta_with_two_processes_and_chunks_per_file(tmp_path: Path) -> None:
    done = _run("meta", "-j", "2", "--jsonl", str(CORPUS))
    assert done.returncode == 0
    texts = sorted(CORPUS.glob("*.txt"))
    lines = done.stdout.decode("utf-8").splitlines()
    assert {json.loads(line)["file"] for line in lines} == {str(p) for p in texts}
    # A pipe gets no progress bar: stderr holds the summary line alone.
    assert done.stderr.decode("utf-8").splitlines() == [
        done.stderr.decode("utf-8").strip()
    ] and done.stderr.startswith(f"speechast: done: {len(texts)} files,".encode())
    out = tmp_path / "out"
    assert _run("chunks", "-q", "-o", f"{out}/", str(CORPUS)).returncode == 0
    assert len(list(out.glob("*.chunks.jsonl"))) == len(texts)


def test_progress_shows_on_a_terminal_only(tree: Path) -> None:
    parent, child = pty.openpty()
    # A terminal of 80 columns: a new pseudo-terminal has none, and tqdm draws
    # nothing in no columns.
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        done = subprocess.run(
            [sys.executable, "-m", "speechast", "meta", str(tree)],
            stdout=subprocess.PIPE,
            stderr=child,
            check=False,
        )
        os.close(child)
        shown = b""
        while True:
            try:
                data = os.read(parent, 4096)
            except OSError:
                break
            if not data:
                break
            shown += data
    finally:
        os.close(parent)
    assert done.returncode == 0
    # tqdm's bar, drawn as it starts (later draws are throttled): done/total and the unit
    assert b"0/2" in shown and b"file/s" in shown
    piped = _run("meta", str(tree))
    assert b"/2" not in piped.stderr and piped.stderr.startswith(b"speechast: done: 2 files")


def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert main(["meta", "--jsonl", "-o", str(blocker / "x.jsonl"), str(tree)]) == 2
    assert main(["json", "-q", "-o", str(blocker / "out") + "/", str(tree)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"speechast: {blocker / 'x.jsonl'}: cannot write")
    assert len(err) == 3 and all("cannot write" in line for line in err)
