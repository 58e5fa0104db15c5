"""Recall and false-referral rate of the classifier, the phrase screen and both as the chat uses them.

    python -m safety.training.evaluate FILE.jsonl [--weights PATH] [--threshold T] [--json OUT]

Each line: {"text", "label": "crisis"|"none", "category", "language", "context"?: [earlier
messages, oldest first]}. Recall is over crisis rows, the false-referral rate over none rows;
both are broken down by language and by category. "combined" is `screen_message`'s own rule: a
phrase of the user's own state refers; a topic word ("suicide") refers when the classifier's score
reaches TOPIC_AGREEMENT or the word is nearly the whole message; otherwise the classifier at its
threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from safety.classifier import WEIGHTS_PATH, Model, load
from safety.screen import screen_phrases, topic_refers

SYSTEMS = ("classifier", "regex", "combined")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predictions(rows: list[dict], model: Model, threshold: float) -> list[dict]:
    out = []
    for row in rows:
        score = model.crisis_probability(row["text"], row.get("context") or ())
        classifier = score >= threshold
        phrase = screen_phrases(row["text"])
        decisive = phrase is not None and (
            phrase.source == "phrase" or topic_refers(row["text"], score=score)
        )
        out.append(
            {
                "classifier": classifier,
                "regex": phrase is not None,
                "combined": classifier or decisive,
                "score": score,
            }
        )
    return out


def _rates(pairs: list[tuple[dict, dict]]) -> dict:
    result = {}
    crisis = [p for r, p in pairs if r["label"] == "crisis"]
    none = [p for r, p in pairs if r["label"] != "crisis"]
    for system in SYSTEMS:
        result[system] = {
            "recall": round(sum(p[system] for p in crisis) / len(crisis), 4) if crisis else None,
            "false_referral_rate": round(sum(p[system] for p in none) / len(none), 4)
            if none
            else None,
        }
    result["n_crisis"], result["n_none"] = len(crisis), len(none)
    return result


def report(rows: list[dict], preds: list[dict]) -> dict:
    pairs = list(zip(rows, preds))
    groups: dict[str, dict[str, list]] = {
        "language": defaultdict(list),
        "category": defaultdict(list),
    }
    for row, pred in pairs:
        groups["language"][row.get("language", "?")].append((row, pred))
        groups["category"][f"{row['label']}:{row.get('category', '?')}"].append((row, pred))
    return {
        "overall": _rates(pairs),
        "by_language": {k: _rates(v) for k, v in sorted(groups["language"].items())},
        "by_category": {k: _rates(v) for k, v in sorted(groups["category"].items())},
    }


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def print_report(result: dict, out=sys.stdout) -> None:
    head = "".join(f"{s:>22}" for s in SYSTEMS)
    print(f"{'':24}{head}", file=out)
    print(f"{'':24}" + "      recall  false_ref" * 3 + "    n_crisis n_none", file=out)
    rows = [("overall", result["overall"])]
    rows += [(f"lang {k}", v) for k, v in result["by_language"].items()]
    rows += [(k, v) for k, v in result["by_category"].items()]
    for name, r in rows:
        cells = "".join(
            f"      {_fmt(r[s]['recall'])} {_fmt(r[s]['false_referral_rate'])}" for s in SYSTEMS
        )
        print(f"{name:24}{cells}    {r['n_crisis']:8} {r['n_none']:6}", file=out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--weights", type=Path, default=WEIGHTS_PATH)
    parser.add_argument(
        "--threshold", type=float, default=None, help="default: the one in the weights"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--misses", action="store_true", help="print the combined screen's errors")
    args = parser.parse_args(argv)
    model = load(args.weights)
    threshold = model.threshold if args.threshold is None else args.threshold
    rows = read_jsonl(args.file)
    preds = predictions(rows, model, threshold)
    result = report(rows, preds)
    print(f"{args.file}: {len(rows)} rows, model {model.version}, threshold {threshold:.3f}")
    print_report(result)
    if args.misses:
        for row, pred in zip(rows, preds):
            if pred["combined"] != (row["label"] == "crisis"):
                kind = "MISSED" if row["label"] == "crisis" else "FALSE "
                print(
                    f"{kind} {pred['score']:.3f} [{row.get('language')}:{row.get('category')}] {row['text']}"
                )
    if args.json:
        args.json.write_text(json.dumps({"threshold": threshold, **result}, indent=1) + "\n")


if __name__ == "__main__":
    main()
