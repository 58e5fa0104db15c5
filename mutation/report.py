"""The score of each module's mutation session (var/mutation/NAME.sqlite), as a Markdown table.

    python mutation/report.py [NAME ...]

Killed: a test failed, or the tests ran past the config's timeout (a mutant that loops).
Survived: every test passed. Equivalent: a survivor listed in mutation/equivalent.toml with the
reason no test can tell it from the code (left out of the score). Accepted: a survivor listed
there as `kind = "accepted"`, with the reason its change is harmless (it still counts as
survived). Skipped: removed by the config's filters, never run.
Score = killed / (killed + survived), the survivors including the accepted.

Prints each survivor that is not listed, with its diff, and each entry of equivalent.toml that
matches no survivor (stale: the code moved on). Exits 1 if a survivor is not listed, a session
is unfinished or missing, or an entry is stale.
"""

import sys
import tomllib
from pathlib import Path

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "mutation"
OUT = ROOT / "var" / "mutation"


def configs() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml") if p.stem != "equivalent")


def equivalents() -> list[dict]:
    return tomllib.loads((HERE / "equivalent.toml").read_text()).get("equivalent", [])


def _changed(diff: str | None) -> str | None:
    """The mutated line of a one-line diff, stripped."""
    added = [line[1:].strip() for line in (diff or "").splitlines() if line.startswith("+") and not line.startswith("+++")]
    return added[0] if added else None


def _source_line(name: str, line: int) -> str:
    """A line of the module as the session was made from it (its positions are that file's)."""
    return (OUT / f"{name}.source.py").read_text().splitlines()[line - 1].strip()


def _matches(entry: dict, module: Path, mutation, code: str, after: str | None) -> bool:
    return (
        entry["module"] == str(module)
        and entry["operator"] == mutation.operator_name
        and entry["code"] == code
        and entry.get("col", mutation.start_pos[1]) == mutation.start_pos[1]
        and entry.get("after", after) == after
    )


def session_report(name: str, entries: list[dict], used: set[int]) -> tuple[dict, list[str]]:
    counts = dict(total=0, killed=0, survived=0, accepted=0, equivalent=0, skipped=0, pending=0, timeouts=0)
    survivors = []
    module = "?"
    with use_db(OUT / f"{name}.sqlite", WorkDB.Mode.open) as db:
        results = dict(db.results)
        for item in db.work_items:
            counts["total"] += 1
            [mutation] = item.mutations
            module = mutation.module_path
            result = results.get(item.job_id)
            if result is None:
                counts["pending"] += 1
            elif result.worker_outcome == WorkerOutcome.SKIPPED:
                counts["skipped"] += 1
            elif result.test_outcome == TestOutcome.SURVIVED:
                line = mutation.start_pos[0]
                code = _source_line(name, line)
                after = _changed(result.diff)
                hit = next((i for i, e in enumerate(entries) if _matches(e, module, mutation, code, after)), None)
                if hit is None:
                    counts["survived"] += 1
                    survivors.append(
                        f"{module}:{line}:{mutation.start_pos[1]} {mutation.operator_name}\n"
                        f"    code  = {code!r}\n    after = {after!r}\n"
                    )
                else:
                    used.add(hit)
                    if entries[hit].get("kind", "equivalent") == "accepted":
                        counts["survived"] += 1
                        counts["accepted"] += 1
                    else:
                        counts["equivalent"] += 1
            else:  # killed, timed out, or incompetent (the mutant could not even run)
                counts["killed"] += 1
                counts["timeouts"] += result.output == "timeout"
    counts["module"] = str(module)
    return counts, survivors


def main() -> int:
    names = sys.argv[1:] or configs()
    entries = equivalents()
    used: set[int] = set()
    rows, survivors, failed = [], [], False
    for name in names:
        if not (OUT / f"{name}.sqlite").exists():
            print(f"no session for {name}: run `make mutation` (or python mutation/run.py {name})")
            failed = True
            continue
        counts, left = session_report(name, entries, used)
        rows.append(counts)
        survivors += left
        failed |= bool(left) or counts["pending"] > 0
    print("| module | mutants | skipped | killed (timeouts) | survived (accepted) | equivalent | score |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for c in rows:
        judged = c["killed"] + c["survived"]
        score = f"{100 * c['killed'] / judged:.1f}%" if judged else "-"
        pending = f" ({c['pending']} not run)" if c["pending"] else ""
        print(
            f"| `{c['module']}` | {c['total']}{pending} | {c['skipped']} | {c['killed']} ({c['timeouts']}) "
            f"| {c['survived']} ({c['accepted']}) | {c['equivalent']} | {score} |"
        )
    if survivors:
        print(f"\n{len(survivors)} surviving mutants not in equivalent.toml (a test should kill each):\n")
        print("\n".join(survivors))
    ran = {str(c["module"]) for c in rows}
    stale = [e for i, e in enumerate(entries) if i not in used and e["module"] in ran]
    for entry in stale:
        print(f"stale entry in mutation/equivalent.toml (no such survivor): {entry}")
    return 1 if failed or stale else 0


if __name__ == "__main__":
    sys.exit(main())
