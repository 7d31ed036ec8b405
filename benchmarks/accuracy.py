"""Accuracy on the real documents in ../shared: the scorer's figures, per file and in total.

usage: python benchmarks/accuracy.py [DIR ...] [--json] [--quiet]

DIR defaults to ../shared/corpus and ../shared/seeds. The scoring is the
corpus scorer's own (``../shared/corpus/score.py``: its matching, its F1),
run in this process on ``speechast.to_dict`` instead of one ``speechast json``
process per file, so a run takes seconds. The totals are pinned as a floor by
tests/test_accuracy.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import orjson

import speechast
from speechast.api import read_source

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "corpus" / "score.py"
KINDS = ("sec", "items", "iitem")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("speechast_score", SCORER)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_dir(directory: Path) -> dict[str, Any]:
    """Per-file rows and totals for one folder of ``*.txt`` beside ``*.gold``."""
    sc = scorer()
    totals = {k: Counter[str]() for k in KINDS}
    per_file: dict[str, list[float]] = {k: [] for k in KINDS}
    hits = Counter[str]()
    rows = []
    for gold in sorted(directory.glob("*.gold")):
        source = (directory / f"{gold.stem}.txt").read_text("utf-8", errors="replace")
        text = read_source(str(directory / f"{gold.stem}.txt")).text
        doc = orjson.loads(speechast.to_json(speechast.parse(text)))
        g_found, g_titles, g_noise = sc.read_gold(gold)
        p_found, p_titles, p_noise = sc.walk_prediction(doc, source)
        row: dict[str, Any] = {"file": gold.stem}
        for k in KINDS:
            g, p = sc.select(g_found, k), sc.select(p_found, k)
            tp = sc.match_count(g, p)
            totals[k].update(tp=tp, pred=len(p), gold=len(g))
            if g:
                per_file[k].append(sc.prf(tp, len(p), len(g))[2])
            row[k] = (tp, len(g), len(p))
        titles = [(i, t) for i, t in enumerate(g_titles) if t]
        row["title"] = sum(
            i < len(p_titles) and sc.norm6(p_titles[i]) == sc.norm6(t) for i, t in titles
        )
        row["titles"] = len(titles)
        stripped = ["".join(t.split()) for t in p_noise]
        found = ["".join(s.split()) for s in g_noise]
        row["noise"] = sum(
            any(t.startswith(s) if len(s) < 5 else s in t for t in stripped) for s in found
        )
        row["noises"] = len(found)
        row["missed_noise"] = [
            s for s in found if not any(t.startswith(s) if len(s) < 5 else s in t for t in stripped)
        ]
        hits.update(
            title=row["title"], titles=row["titles"], noise=row["noise"], noises=row["noises"]
        )
        rows.append(row)
    result: dict[str, Any] = {"rows": rows}
    for k in KINDS:
        c = totals[k]
        _, _, f1 = sc.prf(c["tp"], c["pred"], c["gold"])
        macro = sum(per_file[k]) / len(per_file[k]) if per_file[k] else None
        result[k] = {"f1": round(f1, 3), "macro": None if macro is None else round(macro, 3)}
    result["title"] = round(hits["title"] / hits["titles"], 3) if hits["titles"] else None
    result["noise"] = round(hits["noise"] / hits["noises"], 3) if hits["noises"] else None
    return result


def summary(result: dict[str, Any]) -> str:
    parts = [
        f"{k} F1 {result[k]['f1']:.3f}"
        + (f" (macro {result[k]['macro']:.3f})" if result[k]["macro"] is not None else "")
        for k in KINDS
    ]
    parts += [f"{k} {result[k]:.2f}" for k in ("title", "noise") if result[k] is not None]
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    args = ap.parse_args(argv)
    if not SCORER.is_file():
        print(f"accuracy: no scorer at {SCORER}", file=sys.stderr)
        return 2
    dirs = args.dirs or [SHARED / "corpus", SHARED / "seeds"]
    for directory in dirs:
        result = score_dir(directory)
        if args.json:
            print(
                json.dumps(
                    {"dir": str(directory), **{k: v for k, v in result.items() if k != "rows"}},
                    ensure_ascii=False,
                )
            )
            continue
        if not args.quiet:
            for row in result["rows"]:
                cells = " | ".join(
                    f"{k} {row[k][0]}/{row[k][1]} gold, {row[k][2]} pred" for k in KINDS
                )
                print(
                    f"{row['file']:<55} {cells} | title {row['title']}/{row['titles']}"
                    f" | noise {row['noise']}/{row['noises']}"
                )
        print(f"{directory.name}: {summary(result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
