"""Mutation testing of the safety-critical modules with cosmic-ray (docs/safety.md).

    python mutation/run.py [NAME ...] [--resume]

NAME is a config in mutation/ (output, referral, ...; default: all of them). Each runs in its own
copy of the working tree, var/mutation/trees/NAME/, so the checkout is never left mutated
(cosmic-ray writes every mutant into the file it tests), work can go on meanwhile, and --jobs
modules run at once. For each module: a baseline (the tests must pass unmutated, or nothing is
counted), `cosmic-ray init`, the operators filter of its config, and `exec` (a session in
var/mutation/NAME.sqlite; --resume continues one); then mutation/report.py over them all.

A config's `[mutation] definitions = [...]` bounds a large module to the functions and methods
named (the rest is skipped, as the operators filter skips). --survivors runs again only the
mutants that survived (after new tests), --timeouts those that timed out (a busy machine), if
the module is unchanged since its session began.
"""

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "mutation"
OUT = ROOT / "var" / "mutation"
TREES = OUT / "trees"
NOT_CONFIGS = {"equivalent"}


def configs() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml") if p.stem not in NOT_CONFIGS)


def copy_tree(tree: Path) -> None:
    """The working tree as it is (uncommitted edits included), without the venv or var/."""
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, check=True, capture_output=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / os.fsdecode(name)
        if source.is_file():  # a file deleted but not yet committed is skipped
            target = tree / os.fsdecode(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def skip_other_definitions(session: Path, definitions: list[str]) -> None:
    """Mark skipped every mutant outside the named functions and methods."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    with use_db(session, WorkDB.Mode.open) as db:
        for item in list(db.pending_work_items):
            if item.mutations[0].definition_name not in definitions:
                db.set_result(
                    item.job_id, WorkResult(output="Outside the definitions", worker_outcome=WorkerOutcome.SKIPPED)
                )


def forget(session: Path, *, survivors: bool, timeouts: bool) -> int:
    """Drop the results to run again: the survivors (after new tests), the timeouts (a busy
    machine may have timed out a mutant that does not loop)."""
    where = [*(["test_outcome = 'SURVIVED'"] if survivors else []), *(["output = 'timeout'"] if timeouts else [])]
    with sqlite3.connect(session) as db:
        return db.execute(f"DELETE FROM work_results WHERE {' OR '.join(where)}").rowcount


def run(name: str, *, resume: bool, survivors: bool, timeouts: bool, env: dict) -> int:
    config = HERE / f"{name}.toml"
    settings = tomllib.loads(config.read_text())
    module = settings["cosmic-ray"]["module-path"]
    session = OUT / f"{name}.sqlite"
    tree = TREES / name
    copy_tree(tree)
    if survivors or timeouts:
        source = OUT / f"{name}.source.py"
        if not session.exists() or source.read_text() != (tree / module).read_text():
            print(f"== {name}: the module changed since its session began: run it whole", flush=True)
            return 1
        count = forget(session, survivors=survivors, timeouts=timeouts)
        print(f"== {name}: {count} mutants to run again", flush=True)
        resume = True
    bin_dir = Path(sys.executable).parent
    log = (OUT / f"{name}.log").open("a")

    def step(*command: str) -> int:
        return subprocess.run(command, cwd=tree, env=env, stdout=log, stderr=subprocess.STDOUT).returncode

    print(f"== {name}: baseline", flush=True)
    if step(str(bin_dir / "cosmic-ray"), "baseline", str(config)):
        print(f"== {name}: the baseline fails (the tests fail unmutated): nothing counted, see {log.name}", flush=True)
        return 1
    if not (resume and session.exists()):
        if step(str(bin_dir / "cosmic-ray"), "init", str(config), str(session), "--force") or step(
            str(bin_dir / "cr-filter-operators"), str(session), str(config)
        ):
            print(f"== {name}: init failed, see {log.name}", flush=True)
            return 1
        definitions = settings.get("mutation", {}).get("definitions")
        if definitions:
            skip_other_definitions(session, definitions)
        # The module as mutated from: the session's positions are its lines (report.py).
        shutil.copy2(tree / module, OUT / f"{name}.source.py")
    print(f"== {name}: mutating", flush=True)
    if step(str(bin_dir / "cosmic-ray"), "exec", str(config), str(session)):
        print(f"== {name}: exec failed, see {log.name}", flush=True)
        return 1
    print(f"== {name}: done", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help=f"configs to run (default: {' '.join(configs())})")
    parser.add_argument("--resume", action="store_true", help="continue the sessions already started")
    parser.add_argument("--survivors", action="store_true", help="run again the mutants that survived")
    parser.add_argument("--timeouts", action="store_true", help="run again the mutants that timed out")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="modules mutated at once (one core each)")
    args = parser.parse_args()
    names = args.names or configs()
    unknown = set(names) - set(configs())
    if unknown:
        parser.error(f"no config mutation/{sorted(unknown)[0]}.toml")
    OUT.mkdir(parents=True, exist_ok=True)
    # The configs' test commands say `python`: this interpreter (the project's venv).
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        codes = list(pool.map(lambda name: run(name, resume=args.resume, survivors=args.survivors, timeouts=args.timeouts, env=env), names))
    failed = [name for name, code in zip(names, codes) if code]
    report = subprocess.run([sys.executable, str(HERE / "report.py"), *names], cwd=ROOT).returncode
    return 1 if failed else report


if __name__ == "__main__":
    sys.exit(main())
