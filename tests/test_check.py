"""``speechast check``: each broken example has its one finding; sound texts have none."""

from __future__ import annotations

from pathlib import Path

import pytest

import speechast
from speechast.cli import main
from tests.conftest import EXAMPLES, seed_path

BROKEN = sorted((EXAMPLES / "broken").glob("*.txt"))
SOUND = sorted(EXAMPLES.glob("*.txt"))


def test_there_is_a_broken_example_for_every_code() -> None:
    codes = {p.with_suffix(".check").read_text(encoding="utf-8").split()[1] for p in BROKEN}
    assert codes == {f"SA0{n}" for n in range(1, 8)}


@pytest.mark.parametrize("path", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_example_has_its_finding(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    expected = path.with_suffix(".check").read_text(encoding="utf-8")
    assert out.replace(f"{path.parent}/", "") == expected
    assert expected.count("\n") == 1


def test_examples_have_only_their_deliberate_finding(capsys: pytest.CaptureFixture[str]) -> None:
    # 01 mixes bracket widths on purpose: (一) … (二） shows both forms parse.
    assert main(["check", *map(str, SOUND)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "01_standard_levels.txt:19:1: SA04 (二）" in out[0]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_sound_seeds_have_no_findings(prefix: str) -> None:
    doc = speechast.parse(seed_path(prefix).read_text(encoding="utf-8-sig"))
    assert doc.diagnostics == ()


def test_seed_003_findings_are_its_real_defects() -> None:
    doc = speechast.parse(seed_path("003").read_text(encoding="utf-8-sig"))
    # Its three headings run straight into their bodies, and the text breaks off
    # after a lone 一要.
    assert [d.code for d in doc.diagnostics] == ["SA06", "SA06", "SA06", "SA05"]


def test_check_reports_unreadable_files_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["check", str(missing), str(BROKEN[0])]) == 2
    captured = capsys.readouterr()
    assert "no such file" in captured.err and "SA01" in captured.out
