"""Accuracy on the real documents in ../shared is pinned as a floor: a change that
loses accuracy fails here (benchmarks/accuracy.py prints the figures per file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import accuracy

# The figures of the last accepted change; raise them when accuracy improves.
FLOORS = {
    "corpus": {"sec": 0.957, "sec_macro": 0.904, "items": 0.921, "iitem": 0.947,
               "title": 1.0, "noise": 1.0},
    "seeds": {"sec": 1.0, "sec_macro": 1.0, "items": 0.965, "iitem": 0.929,
              "title": 1.0, "noise": 1.0},
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_does_not_drop(name: str) -> None:
    directory = accuracy.SHARED / name
    if not accuracy.SCORER.is_file() or not directory.is_dir():
        pytest.skip(f"no scorer or no {directory} beside the project")
    result: dict[str, Any] = accuracy.score_dir(Path(directory))
    found = {
        "sec": result["sec"]["f1"],
        "sec_macro": result["sec"]["macro"],
        "items": result["items"]["f1"],
        "iitem": result["iitem"]["f1"],
        "title": result["title"],
        "noise": result["noise"],
    }
    low = {k: (found[k], floor) for k, floor in FLOORS[name].items() if found[k] < floor - 1e-9}
    assert not low, f"accuracy below its floor on {name} (found, floor): {low}"
