"""Benchmark: the cost of screening one user message, phrases and classifier, on one core.

Not a timed test. It times, per message, over a realistic mix:

- `safety.screen.screen_phrases` (the phrase stage alone),
- `safety.classifier.classify` without context, and with three earlier messages as context
  (the chat's case: those earlier messages were scored before, so their scores are cached),
- both together (phrases, then the classifier), and `safety.screen.screen_message` itself with
  three earlier messages, exactly as the chat turn calls it.

The mix: the dev messages (2 to ~300 characters, five languages), chat-length messages built
from them (~300 characters), and long ones (4,000 characters; and 100,000, which the classifier
cuts at MAX_CHARS). Each text is timed cold (its first sight, no cache) except where noted.
Reported: p50, p99 and max in milliseconds. Targets: typical (<= 300 chars) p99 <= 2 ms,
4,000 characters <= 20 ms.

    .venv/bin/python bench/crisis_screen.py [--repeat 3] [--clock cpu] [--json bench/results/....json]

`--clock wall` (the default) is what a user waits for on a quiet machine. On a shared, busy one
the wall clock's p99 is the scheduler's, not ours: `--clock cpu` times the thread's own CPU
time (CLOCK_THREAD_CPUTIME_ID), which preemption does not inflate.

Exit status 0 when both targets are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from safety import classifier
from safety.screen import screen_message, screen_phrases

DEV = Path(__file__).resolve().parent.parent / "safety" / "training" / "data" / "dev.jsonl"


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def summary(ms: list[float]) -> dict:
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 0.5), 4),
        "p99_ms": round(percentile(ms, 0.99), 4),
        "max_ms": round(max(ms), 4),
        "mean_ms": round(statistics.fmean(ms), 4),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="passes over the mix (fresh model each)"
    )
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.thread_time
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    rng = random.Random(1)
    dev = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]
    typical = list(dev)
    while len(typical) < len(dev) + 400:  # chat messages of 150 to 300 characters
        text = " ".join(rng.sample(dev, 6))
        typical.append(text[: rng.randint(150, 300)])
    long_4k = [(" ".join(rng.sample(dev, 60)) * 2)[:4000] for _ in range(30)]
    huge = ["word " * 20_000 for _ in range(3)]

    results: dict[str, list[float]] = {
        k: []
        for k in (
            "phrases typical",
            "classifier typical",
            "classifier typical, 3 context msgs",
            "phrases+classifier typical",
            "screen_message typical, 3 context msgs",
            "phrases+classifier 4000 chars",
            "classifier 4000 chars",
            "classifier 100000 chars",
        )
    }
    load_ms = []
    for _ in range(args.repeat):
        t0 = clock()
        model = classifier.load()
        load_ms.append((clock() - t0) * 1000)
        classify = model.classify
        for text in typical:
            t0 = clock()
            screen_phrases(text)
            t1 = clock()
            classify(text)
            t2 = clock()
            results["phrases typical"].append((t1 - t0) * 1000)
            results["classifier typical"].append((t2 - t1) * 1000)
            results["phrases+classifier typical"].append((t2 - t0) * 1000)
        model = classifier.load()
        classify = model.classify
        history: list[str] = []
        for text in typical:
            context = history[-3:]
            t0 = clock()
            classify(text, context=context)
            results["classifier typical, 3 context msgs"].append((clock() - t0) * 1000)
            history.append(text)
        classifier.default_model()._cached_scores.cache_clear()
        history = []
        for text in typical:
            t0 = clock()
            screen_message(text, context=history[-3:])
            results["screen_message typical, 3 context msgs"].append((clock() - t0) * 1000)
            history.append(text)
        for text in long_4k:
            t0 = clock()
            screen_phrases(text)
            t1 = clock()
            classify(text)
            t2 = clock()
            results["phrases+classifier 4000 chars"].append((t2 - t0) * 1000)
            results["classifier 4000 chars"].append((t2 - t1) * 1000)
        for text in huge:
            model._cached_scores.cache_clear()
            t0 = clock()
            classify(text)
            results["classifier 100000 chars"].append((clock() - t0) * 1000)

    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "clock": args.clock,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "model": classifier.load().version,
        "load_ms": round(statistics.fmean(load_ms), 1),
        "typical_chars_mean": round(statistics.fmean(len(t) for t in typical), 1),
        "results": {k: summary(v) for k, v in results.items()},
    }
    print(f"clock {args.clock}, machine load average {report['load_average']}")
    print(
        f"model {report['model']}, load {report['load_ms']} ms, "
        f"{len(typical)} typical messages (mean {report['typical_chars_mean']} chars) x {args.repeat}"
    )
    print(f"{'':40}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for name, s in report["results"].items():
        print(f"{name:40}{s['p50_ms']:10.3f}{s['p99_ms']:10.3f}{s['max_ms']:10.3f}")
    ok = (
        report["results"]["classifier typical, 3 context msgs"]["p99_ms"] <= 2.0
        and report["results"]["phrases+classifier typical"]["p99_ms"] <= 2.0
        and report["results"]["screen_message typical, 3 context msgs"]["p99_ms"] <= 2.0
        and report["results"]["phrases+classifier 4000 chars"]["max_ms"] <= 20.0
    )
    report["targets_met"] = ok
    print("targets met" if ok else "TARGET MISSED")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
